"""The last N commits of a history, as the range ``tdd-history`` replays.

``BASE..HEAD`` replays every commit reachable from HEAD and not from BASE, the
commits of every branch merged in the range included. So "the last 1,000
commits" is the range whose BASE is the oldest commit on HEAD's first-parent
line with at most 1,000 commits in ``BASE..HEAD`` (``git rev-list --count``):
a range a user can type (``HEAD~291..HEAD`` on click), holding the commits it
costs to replay. ``HEAD~1000..HEAD`` counts first parents (merges), not commits
(2,825 commits on click); ``git rev-list --max-count=1000`` lists commits that
are not a range (the oldest of them as BASE gives 1,077 on click).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from constitution_hooks.core.git import run_git


class HistoryRange(NamedTuple):
    """A range of commits and how many commits it holds.

    Example:
        >>> HistoryRange("HEAD", 3).commits
        3
    """

    range: str
    commits: int


def _count(rev_range: str, cwd: Path | None) -> int:
    return int(run_git(["rev-list", "--count", rev_range, "--"], cwd))


def recent_range(count: int, cwd: Path | None = None) -> HistoryRange:
    """The last ``count`` commits of HEAD, as ``BASE..HEAD`` (or all: ``HEAD``).

    Args:
        count: The most commits the range may hold.
        cwd: A folder of the repository.

    Returns:
        ``("HEAD", total)`` when the history holds at most ``count`` commits,
        else ``BASE..HEAD`` with BASE on HEAD's first-parent line, as old as
        allows at most ``count`` commits (one first parent at least, when the
        last merge alone brings more).

    Raises:
        GitError: Outside a repository, or without a commit.

    Example:
        >>> recent_range(10**9).range
        'HEAD'
    """
    total = _count("HEAD", cwd)
    if total <= count:
        return HistoryRange("HEAD", total)
    first_parents = run_git(
        ["rev-list", "--first-parent", f"--max-count={count + 1}", "HEAD", "--"], cwd
    ).split()
    # Reason: ``first_parents[k]..HEAD`` grows with k; find the largest k (at
    # least 1) whose range holds at most ``count`` commits, with a few git calls.
    low, high = 1, len(first_parents) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if _count(f"{first_parents[middle].decode()}..HEAD", cwd) <= count:
            low = middle
        else:
            high = middle - 1
    rev_range = f"{first_parents[low].decode()}..HEAD"
    return HistoryRange(rev_range, _count(rev_range, cwd))
