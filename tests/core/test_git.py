"""The git module against a real repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core import git as gitmod
from constitution_hooks.core import git_diff
from constitution_hooks.core.errors import UsageError
from constitution_hooks.core.patch import unquote_path
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
    assert git_diff.changed_lines("HEAD") == {"a.py": frozenset({2, 4})}


def test_changed_lines_staged_new_file_every_line(git_repo: Path) -> None:
    (git_repo / "a.py").write_text("a = 1\n")
    commit_all(git_repo)
    (git_repo / "sub dir").mkdir()
    (git_repo / "sub dir" / "é.py").write_text("x = 1\ny = 2\n")
    git(git_repo, "add", "-A")
    assert git_diff.changed_lines("HEAD") == {"sub dir/é.py": frozenset({1, 2})}


def test_changed_lines_untracked_file_whole_file(git_repo: Path) -> None:
    (git_repo / "a.py").write_text("a = 1\n")
    commit_all(git_repo)
    (git_repo / "new.py").write_text("x = 1\n")
    assert git_diff.changed_lines("HEAD") == {"new.py": None}


def test_changed_lines_pure_deletion_lists_file_without_lines(git_repo: Path) -> None:
    (git_repo / "a.py").write_text("a = 1\nb = 2\n")
    commit_all(git_repo)
    (git_repo / "a.py").write_text("a = 1\n")
    assert git_diff.changed_lines("HEAD") == {"a.py": frozenset()}


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
    assert git_diff.changed_lines("main") == {"b.py": frozenset({1})}


def test_changed_lines_unknown_rev_is_git_error(git_repo: Path) -> None:
    (git_repo / "a.py").write_text("a = 1\n")
    commit_all(git_repo)
    with pytest.raises(gitmod.GitError, match="no-such-rev"):
        git_diff.changed_lines("no-such-rev")


def test_unquote_path_c_style_escapes_decoded() -> None:
    assert unquote_path('"b/a\\tb\\"\\303\\251.py"') == 'b/a\tb"é.py'


def test_repository_root_is_work_tree_top(git_repo: Path) -> None:
    (git_repo / "sub").mkdir()
    assert gitmod.repository_root(git_repo / "sub") == git_repo.resolve()


def _commit_file(repo: Path, name: str, text: str, message: str) -> None:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    git(repo, "add", "--", name)
    git(repo, "commit", "-qm", message)


def test_index_entries_space_and_non_ascii_path_keeps_name(git_repo: Path) -> None:
    (git_repo / "a b").mkdir()
    (git_repo / "a b" / "é.py").write_text("x = 1\n")
    git(git_repo, "add", "-A")
    entries = gitmod.index_entries(git_repo)
    assert list(entries) == ["a b/é.py"]
    assert len(entries["a b/é.py"]) == 40


def test_staged_changes_no_commits_yet_lists_added(git_repo: Path) -> None:
    (git_repo / "m.py").write_text("x = 1\n")
    git(git_repo, "add", "-A")
    [change] = gitmod.staged_changes(git_repo)
    assert (change.status, change.path, change.old_path) == ("A", "m.py", "m.py")
    assert change.old_blob == gitmod.NULL_SHA


def test_staged_changes_rename_and_delete_reported(git_repo: Path) -> None:
    _commit_file(git_repo, "old.py", "def f():\n    return 1\n" * 5, "feat: a")
    _commit_file(git_repo, "gone.py", "y = 2\n", "feat: b")
    git(git_repo, "mv", "old.py", "new.py")
    git(git_repo, "rm", "-q", "gone.py")
    changes = {c.status: c for c in gitmod.staged_changes(git_repo)}
    assert (changes["R"].old_path, changes["R"].path) == ("old.py", "new.py")
    assert changes["D"].path == "gone.py"


def test_read_blobs_returns_contents_by_sha(git_repo: Path) -> None:
    (git_repo / "m.py").write_text("x = 1\n")
    git(git_repo, "add", "-A")
    sha = gitmod.index_entries(git_repo)["m.py"]
    assert gitmod.read_blobs([sha], git_repo) == {sha: b"x = 1\n"}


def test_read_blobs_no_shas_returns_empty_without_git(tmp_path: Path) -> None:
    assert gitmod.read_blobs([], tmp_path) == {}


def test_tree_entries_lists_committed_files(git_repo: Path) -> None:
    _commit_file(git_repo, "pkg/m.py", "x = 1\n", "feat: a")
    assert list(gitmod.tree_entries("HEAD", git_repo)) == ["pkg/m.py"]


def test_has_commit_unborn_head_false(git_repo: Path) -> None:
    assert gitmod.has_commit("HEAD", git_repo) is False


def test_log_changes_oldest_first_with_subjects(git_repo: Path) -> None:
    _commit_file(git_repo, "a.py", "x = 1\n", "feat: first")
    _commit_file(git_repo, "b c.py", "y = 1\n", "feat: second")
    commits = gitmod.log_changes(["HEAD"], git_repo)
    assert [c.subject for c in commits] == ["feat: first", "feat: second"]
    assert [ch.path for ch in commits[1].changes] == ["b c.py"]
    assert len(commits[0].sha) == 40


def test_log_changes_empty_range_returns_nothing(git_repo: Path) -> None:
    _commit_file(git_repo, "a.py", "x = 1\n", "feat: first")
    assert gitmod.log_changes(["HEAD..HEAD"], git_repo) == []


def test_merge_base_of_branch_and_head_is_fork_point(git_repo: Path) -> None:
    _commit_file(git_repo, "a.py", "x = 1\n", "feat: first")
    fork = git(git_repo, "rev-parse", "HEAD").strip()
    git(git_repo, "checkout", "-qb", "topic")
    _commit_file(git_repo, "b.py", "x = 1\n", "feat: second")
    assert gitmod.merge_base("main", git_repo) == fork


def test_is_shallow_normal_repo_false(git_repo: Path) -> None:
    _commit_file(git_repo, "a.py", "x = 1\n", "feat: first")
    assert gitmod.is_shallow(git_repo) is False


def test_parse_raw_copy_keeps_both_paths() -> None:
    meta = b":100644 100644 " + b"1" * 40 + b" " + b"1" * 40 + b" C100"
    [change] = gitmod.parse_raw([meta, b"a.py", b"b.py"])
    assert (change.status, change.old_path, change.path) == ("C", "a.py", "b.py")


def test_tracked_files_lists_index_paths(git_repo: Path) -> None:
    (git_repo / "a b.py").write_text("x = 1\n")
    git(git_repo, "add", "-A")
    assert gitmod.tracked_files(git_repo) == ["a b.py"]


def test_log_changes_records_parents_of_merges(git_repo: Path) -> None:
    _commit_file(git_repo, "a.py", "x = 1\n", "feat: first")
    git(git_repo, "checkout", "-qb", "topic")
    _commit_file(git_repo, "b.py", "y = 1\n", "feat: topic")
    git(git_repo, "checkout", "-q", "main")
    _commit_file(git_repo, "c.py", "z = 1\n", "feat: main")
    git(git_repo, "merge", "-q", "--no-ff", "-m", "chore: merge topic", "topic")
    commits = gitmod.log_changes(["HEAD"], git_repo)
    assert len(commits) == 4
    assert len(commits[-1].parents) == 2
    assert commits[-1].changes == ()
