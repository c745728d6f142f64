"""Staged and pushed-range changed lines against real git repositories."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core.git import GitError
from constitution_hooks.core.git_diff import lines_between, staged_lines
from tests.conftest import git


def _commit(repo: Path, name: str, text: str, message: str) -> None:
    (repo / name).parent.mkdir(parents=True, exist_ok=True)
    (repo / name).write_text(text)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)


def test_staged_lines_staged_changes_only(git_repo: Path) -> None:
    _commit(git_repo, "a.py", "a = 1\n", "init")
    (git_repo / "a.py").write_text("a = 1\nb = 2\nc = 3\n")
    git(git_repo, "add", "a.py")
    (git_repo / "a.py").write_text("a = 1\nb = 2\nc = 3\nd = 4\n")
    assert staged_lines(git_repo) == {"a.py": frozenset({2, 3})}


def test_staged_lines_from_subfolder_paths_are_repository_relative(
    git_repo: Path,
) -> None:
    _commit(git_repo, "sub/a.py", "a = 1\n", "init")
    (git_repo / "sub" / "a.py").write_text("a = 2\n")
    git(git_repo, "add", "-A")
    assert staged_lines(git_repo / "sub") == {"sub/a.py": frozenset({1})}


def test_lines_between_range_counts_commits_since_merge_base(git_repo: Path) -> None:
    _commit(git_repo, "a.py", "a = 1\n", "init")
    base = git(git_repo, "rev-parse", "HEAD").strip()
    _commit(git_repo, "pkg/b.py", "b = 1\nc = 2\n", "feat: b")
    assert lines_between(base, "HEAD", git_repo) == {"pkg/b.py": frozenset({1, 2})}


def test_lines_between_unknown_base_raises_git_error(git_repo: Path) -> None:
    _commit(git_repo, "a.py", "a = 1\n", "init")
    with pytest.raises(GitError):
        lines_between("no-such-rev", "HEAD", git_repo)
