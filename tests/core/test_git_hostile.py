"""Git under hostile input: revisions that look like options, the user's own config."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from constitution_hooks.core import git as gitmod
from constitution_hooks.core import git_diff
from tests.conftest import git

LONG_BODY = "".join(f"    x = {i}\n" for i in range(60))


def _commit(repo: Path, name: str, text: str) -> None:
    (repo / name).parent.mkdir(parents=True, exist_ok=True)
    (repo / name).write_text(text)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "chore: snapshot")


def _index_digest(repo: Path) -> str:
    return hashlib.sha256((repo / ".git" / "index").read_bytes()).hexdigest()


def test_verify_commit_head_returns_full_sha(git_repo: Path) -> None:
    _commit(git_repo, "a.py", "x = 1\n")
    assert gitmod.verify_commit("HEAD") == git(git_repo, "rev-parse", "HEAD").strip()


@pytest.mark.parametrize("rev", ["--help", "--output=injected", "-p", "no-such-rev"])
def test_verify_commit_option_like_or_unknown_raises_git_error(
    git_repo: Path, rev: str
) -> None:
    _commit(git_repo, "a.py", "x = 1\n")
    with pytest.raises(gitmod.GitError, match="is not a commit"):
        gitmod.verify_commit(rev)
    assert sorted(os.listdir(git_repo)) == [".git", "a.py"]


def test_verify_commit_nul_in_revision_raises_git_error(git_repo: Path) -> None:
    _commit(git_repo, "a.py", "x = 1\n")
    with pytest.raises(gitmod.GitError):
        gitmod.verify_commit("HEAD\0--help")


def test_lines_between_option_like_base_raises_and_writes_nothing(
    git_repo: Path,
) -> None:
    _commit(git_repo, "a.py", "x = 1\n")
    with pytest.raises(gitmod.GitError):
        git_diff.lines_between("--output=injected", "HEAD", git_repo)
    assert sorted(os.listdir(git_repo)) == [".git", "a.py"]


def test_changed_lines_option_like_rev_raises_git_error(git_repo: Path) -> None:
    _commit(git_repo, "a.py", "x = 1\n")
    with pytest.raises(gitmod.GitError, match="is not a commit"):
        git_diff.changed_lines("--help")


def test_merge_base_option_like_rev_raises_git_error(git_repo: Path) -> None:
    _commit(git_repo, "a.py", "x = 1\n")
    with pytest.raises(gitmod.GitError):
        gitmod.merge_base("--help", git_repo)


def test_changed_lines_stat_dirty_index_bytes_unchanged(git_repo: Path) -> None:
    _commit(git_repo, "a.py", "x = 1\n")
    later = time.time() + 5
    os.utime(git_repo / "a.py", (later, later))
    before = _index_digest(git_repo)
    assert git_diff.changed_lines("HEAD") == {}
    assert _index_digest(git_repo) == before


def test_run_git_optional_locks_off(git_repo: Path) -> None:
    alias = "alias.lockenv=!printenv GIT_OPTIONAL_LOCKS"
    assert gitmod.run_git(["-c", alias, "lockenv"], git_repo) == b"0\n"


def test_changed_lines_diff_relative_from_subfolder_sees_every_change(
    git_repo: Path,
) -> None:
    _commit(git_repo, "pkg/m.py", "x = 1\n")
    (git_repo / "pkg" / "m.py").write_text("def f():\n" + LONG_BODY)
    (git_repo / "top.py").write_text("y = 2\n")
    git(git_repo, "add", "top.py")
    git(git_repo, "config", "diff.relative", "true")
    git(git_repo, "config", "diff.noprefix", "true")
    lines = git_diff.changed_lines("HEAD", git_repo / "pkg")
    assert lines["pkg/m.py"] == frozenset(range(1, 62))
    assert lines["top.py"] == frozenset({1})


def test_staged_lines_diff_relative_from_subfolder_sees_every_change(
    git_repo: Path,
) -> None:
    _commit(git_repo, "pkg/m.py", "x = 1\n")
    (git_repo / "pkg" / "m.py").write_text("x = 2\n")
    (git_repo / "top.py").write_text("y = 2\n")
    git(git_repo, "add", "-A")
    git(git_repo, "config", "diff.relative", "true")
    git(git_repo, "config", "diff.mnemonicPrefix", "true")
    lines = git_diff.staged_lines(git_repo / "pkg")
    assert lines == {"pkg/m.py": frozenset({1}), "top.py": frozenset({1})}


def test_changed_lines_body_line_like_header_keeps_hunk(git_repo: Path) -> None:
    _commit(git_repo, "m.py", "x = 1\n")
    text = 'def f():\n    """Doc.\n++ b/m.py\n--- a/m.py\n    """\n' + LONG_BODY
    (git_repo / "m.py").write_text(text)
    assert git_diff.changed_lines("HEAD") == {"m.py": frozenset(range(1, 66))}


def test_staged_lines_external_diff_and_color_ignored(git_repo: Path) -> None:
    _commit(git_repo, "a.py", "x = 1\n")
    (git_repo / "a.py").write_text("x = 2\n")
    git(git_repo, "add", "-A")
    git(git_repo, "config", "diff.external", "false")
    git(git_repo, "config", "color.diff", "always")
    git(git_repo, "config", "core.quotePath", "true")
    assert git_diff.staged_lines(git_repo) == {"a.py": frozenset({1})}


@pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="needs ssh-keygen")
def test_commit_log_show_signature_config_keeps_records(git_repo: Path) -> None:
    key = git_repo.parent / "key"
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True
    )
    git(git_repo, "config", "gpg.format", "ssh")
    git(git_repo, "config", "user.signingkey", f"{key}.pub")
    (git_repo / "a.py").write_text("x = 1\n")
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qS", "-m", "feat: signed")
    git(git_repo, "config", "log.showSignature", "true")
    sha = git(git_repo, "rev-parse", "--short", "HEAD").strip()
    assert gitmod.commit_log("HEAD") == [gitmod.LoggedCommit(sha, "feat: signed\n")]


def test_log_changes_show_root_off_still_lists_root_changes(git_repo: Path) -> None:
    _commit(git_repo, "a.py", "x = 1\n")
    git(git_repo, "config", "log.showRoot", "false")
    (root,) = gitmod.log_changes(["HEAD"], git_repo)
    assert [change.path for change in root.changes] == ["a.py"]


def test_run_git_failure_names_subcommand_not_config_pair(git_repo: Path) -> None:
    with pytest.raises(gitmod.GitError, match=r"^git diff --no-such-flag failed: "):
        gitmod.run_git(["-c", "core.quotePath=false", "diff", "--no-such-flag"])
