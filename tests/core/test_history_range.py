"""The last N commits of a history as a range tdd-history replays, on real git."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core.git import GitError
from constitution_hooks.core.history_range import recent_range
from tests.conftest import git


def commit(repo: Path, message: str) -> str:
    git(repo, "commit", "-q", "--allow-empty", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


def count(repo: Path, rev_range: str) -> int:
    return int(git(repo, "rev-list", "--count", rev_range))


def test_recent_range_short_history_is_whole_history(git_repo: Path) -> None:
    for number in range(3):
        commit(git_repo, f"feat: {number}")
    assert recent_range(10, git_repo) == ("HEAD", 3)


def test_recent_range_linear_history_holds_exactly_count(git_repo: Path) -> None:
    shas = [commit(git_repo, f"feat: {number}") for number in range(8)]
    assert recent_range(5, git_repo) == (f"{shas[2]}..HEAD", 5)
    assert count(git_repo, f"{shas[2]}..HEAD") == 5


def test_recent_range_merged_branch_counts_its_commits(git_repo: Path) -> None:
    for number in range(6):
        commit(git_repo, f"feat: main {number}")
    git(git_repo, "checkout", "-q", "-b", "side", "HEAD~2")
    for number in range(4):
        commit(git_repo, f"feat: side {number}")
    git(git_repo, "checkout", "-q", "main")
    git(git_repo, "merge", "-q", "--no-ff", "-m", "merge side", "side")
    commit(git_repo, "feat: after")
    # HEAD~5 (first parent) would replay 2 + 4 + merge + 1 + ... = more than 6.
    rev_range, commits = recent_range(6, git_repo)
    assert commits == count(git_repo, rev_range) <= 6
    base = rev_range.partition("..")[0]
    first_parents = git(git_repo, "rev-list", "--first-parent", "HEAD").split()
    assert base in first_parents
    older = first_parents[first_parents.index(base) + 1]
    assert count(git_repo, f"{older}..HEAD") > 6


def test_recent_range_not_a_repository_raises(tmp_path: Path) -> None:
    with pytest.raises(GitError):
        recent_range(5, tmp_path)
