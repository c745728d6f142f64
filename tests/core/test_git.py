"""The git module against a real repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core import git as gitmod
from constitution_hooks.core.errors import UsageError
from tests.conftest import git


def test_run_git_failure_raises_with_gits_reason(git_repo: Path) -> None:
    with pytest.raises(gitmod.GitError, match="git rev-parse --verify failed: fatal: "):
        gitmod.run_git(["rev-parse", "--verify", "no-such-rev^{commit}", "--"])


def test_run_git_missing_git_is_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    with pytest.raises(UsageError, match="git is not installed"):
        gitmod.run_git(["status"])


def test_inside_work_tree_outside_repo_false(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert gitmod.inside_work_tree(tmp_path) is False


def test_split_z_non_utf8_name_kept_as_escape() -> None:
    assert gitmod.split_z(b"caf\xe9.py\x00") == ["caf\udce9.py"]


def commit_all(repo: Path, message: str = "chore: snapshot") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)


def test_changed_lines_added_and_edited_lines_since_rev(git_repo: Path) -> None:
    (git_repo / "a.py").write_text("a = 1\nb = 2\nc = 3\n")
    commit_all(git_repo)
    (git_repo / "a.py").write_text("a = 1\nb = 20\nc = 3\nd = 4\n")
    assert gitmod.changed_lines("HEAD") == {"a.py": frozenset({2, 4})}


def test_changed_lines_staged_new_file_every_line(git_repo: Path) -> None:
    (git_repo / "a.py").write_text("a = 1\n")
    commit_all(git_repo)
    (git_repo / "sub dir").mkdir()
    (git_repo / "sub dir" / "é.py").write_text("x = 1\ny = 2\n")
    git(git_repo, "add", "-A")
    assert gitmod.changed_lines("HEAD") == {"sub dir/é.py": frozenset({1, 2})}


def test_changed_lines_untracked_file_whole_file(git_repo: Path) -> None:
    (git_repo / "a.py").write_text("a = 1\n")
    commit_all(git_repo)
    (git_repo / "new.py").write_text("x = 1\n")
    assert gitmod.changed_lines("HEAD") == {"new.py": None}


def test_changed_lines_pure_deletion_lists_file_without_lines(git_repo: Path) -> None:
    (git_repo / "a.py").write_text("a = 1\nb = 2\n")
    commit_all(git_repo)
    (git_repo / "a.py").write_text("a = 1\n")
    assert gitmod.changed_lines("HEAD") == {"a.py": frozenset()}


def test_changed_lines_since_merge_base_of_branch(git_repo: Path) -> None:
    (git_repo / "a.py").write_text("a = 1\n")
    commit_all(git_repo)
    git(git_repo, "checkout", "-qb", "feature/x")
    (git_repo / "b.py").write_text("b = 1\n")
    commit_all(git_repo)
    git(git_repo, "checkout", "-q", "main")
    (git_repo / "a.py").write_text("a = 2\n")
    commit_all(git_repo)
    git(git_repo, "checkout", "-q", "feature/x")
    assert gitmod.changed_lines("main") == {"b.py": frozenset({1})}


def test_changed_lines_unknown_rev_is_git_error(git_repo: Path) -> None:
    (git_repo / "a.py").write_text("a = 1\n")
    commit_all(git_repo)
    with pytest.raises(gitmod.GitError, match="no-such-rev"):
        gitmod.changed_lines("no-such-rev")


def test_unquote_path_c_style_escapes_decoded() -> None:
    assert gitmod.unquote_path('"b/a\\tb\\"\\303\\251.py"') == 'b/a\tb"é.py'


def test_repository_root_is_work_tree_top(git_repo: Path) -> None:
    (git_repo / "sub").mkdir()
    assert gitmod.repository_root(git_repo / "sub") == git_repo.resolve()
