"""The git queries of the commit and branch hooks, against real repositories."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core.git import (
    GitError,
    LoggedCommit,
    branch_exists,
    comment_string,
    commit_log,
    current_branch,
)
from tests.conftest import git


def commit(repo: Path, message: str) -> str:
    git(repo, "commit", "-q", "--allow-empty", "--cleanup=verbatim", "-m", message)
    return git(repo, "rev-parse", "--short", "HEAD").strip()


def test_comment_string_unset_is_hash(git_repo: Path) -> None:
    assert comment_string() == "#"


def test_comment_string_configured_char_is_returned(git_repo: Path) -> None:
    git(git_repo, "config", "core.commentChar", ";")
    assert comment_string() == ";"


def test_comment_string_auto_is_returned_as_auto(git_repo: Path) -> None:
    git(git_repo, "config", "core.commentChar", "auto")
    assert comment_string() == "auto"


def test_comment_string_global_setting_outside_repository_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    (tmp_path / ".gitconfig").write_text("[core]\n\tcommentChar = %\n")
    assert comment_string(tmp_path) == "%"


def test_current_branch_unborn_main_is_main(git_repo: Path) -> None:
    assert current_branch() == "main"


def test_current_branch_detached_head_is_empty(git_repo: Path) -> None:
    commit(git_repo, "feat: one")
    git(git_repo, "checkout", "-q", "--detach")
    assert current_branch() == ""


def test_current_branch_outside_repository_raises(tmp_path: Path) -> None:
    with pytest.raises(GitError):
        current_branch(tmp_path)


def test_branch_exists_unborn_branch_is_false(git_repo: Path) -> None:
    assert not branch_exists("main")


def test_branch_exists_prefix_of_other_branch_is_false(git_repo: Path) -> None:
    commit(git_repo, "feat: one")
    git(git_repo, "branch", "feature/x")
    assert not branch_exists("feature")


def test_branch_exists_born_branch_is_true(git_repo: Path) -> None:
    commit(git_repo, "feat: one")
    assert branch_exists("main")


def test_commit_log_range_lists_newest_first_with_messages(git_repo: Path) -> None:
    base = commit(git_repo, "feat: one")
    second = commit(git_repo, "fix: two\n\nbody")
    assert commit_log(f"{base}..HEAD") == [LoggedCommit(second, "fix: two\n\nbody\n")]


def test_commit_log_merge_commits_are_skipped(git_repo: Path) -> None:
    base = commit(git_repo, "feat: one")
    git(git_repo, "checkout", "-q", "-b", "feature/x")
    side = commit(git_repo, "feat: side")
    git(git_repo, "checkout", "-q", "main")
    git(git_repo, "merge", "-q", "--no-ff", "-m", "bad merge text", "feature/x")
    assert [c.sha for c in commit_log(f"{base}..HEAD")] == [side]


def test_commit_log_unknown_revision_raises_with_git_reason(git_repo: Path) -> None:
    commit(git_repo, "feat: one")
    with pytest.raises(GitError, match=r"bad revision 'nope\.\.HEAD'"):
        commit_log("nope..HEAD")


def test_commit_log_option_like_range_is_not_an_option(git_repo: Path) -> None:
    commit(git_repo, "feat: one")
    with pytest.raises(GitError, match="bad revision"):
        commit_log("--output=x")
    assert not (git_repo / "x").exists()
