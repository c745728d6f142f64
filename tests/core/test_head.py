"""The branch read from git's HEAD file, or None when only git can say."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from constitution_hooks.core import git as gitmod
from constitution_hooks.core.head import head_branch
from tests.conftest import git


def _start(repo: Path, branch: str) -> None:
    git(repo, "checkout", "-q", "-b", branch)
    git(repo, "commit", "-q", "--allow-empty", "-m", "chore: start")


@pytest.mark.parametrize("branch", ["main", "wip", "feature/a/b", "fix/12"])
def test_head_branch_checked_out_branch_same_as_git(
    git_repo: Path, branch: str
) -> None:
    if branch != "main":
        _start(git_repo, branch)
    (git_repo / "sub").mkdir()
    assert head_branch(str(git_repo / "sub")) == gitmod.current_branch() == branch


def test_head_branch_detached_head_is_empty_as_git_says(git_repo: Path) -> None:
    _start(git_repo, "wip")
    git(git_repo, "checkout", "-q", "--detach")
    assert head_branch(str(git_repo)) == gitmod.current_branch() == ""


def test_head_branch_linked_worktree_reads_its_own_head(
    git_repo: Path, tmp_path: Path
) -> None:
    _start(git_repo, "wip")
    other = tmp_path / "other"
    git(git_repo, "worktree", "add", "-q", "-b", "fix/7", str(other))
    assert head_branch(str(other)) == gitmod.current_branch(other) == "fix/7"


@pytest.mark.parametrize("case", ["GIT_DIR", "GIT_CEILING_DIRECTORIES", "symlink"])
def test_head_branch_setups_only_git_understands_give_none(
    git_repo: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    if case == "symlink":
        head = git_repo / ".git" / "HEAD"
        head.unlink()
        os.symlink("refs/heads/main", head)
    else:
        monkeypatch.setenv(case, str(git_repo / ".git"))
    assert head_branch(str(git_repo)) is None


def test_head_branch_no_head_file_gives_none(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    assert head_branch(str(tmp_path)) is None
