"""Changed-line queries against real git repositories."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core.git import (
    GitError,
    changed_lines_since,
    parse_added_lines,
    staged_lines,
)
from tests.conftest import git


def test_parse_added_lines_hunks_give_new_line_numbers() -> None:
    diff = (
        b"diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n"
        b"@@ -1,0 +2,3 @@\n+x\n+y\n+z\n@@ -9 +12 @@\n-old\n+new\n@@ -20,2 +24,0 @@\n"
        b"diff --git a/gone.py b/gone.py\n--- a/gone.py\n+++ /dev/null\n@@ -1 +0,0 @@\n"
    )
    assert parse_added_lines(diff) == {"a.py": frozenset({2, 3, 4, 12})}


def test_parse_added_lines_quoted_path_is_unquoted() -> None:
    diff = b'+++ "b/sp\\303\\251cial\\tname.py"\n@@ -0,0 +1 @@\n+x\n'
    assert parse_added_lines(diff) == {"spécial\tname.py": frozenset({1})}


def test_staged_lines_staged_changes_only(git_repo: Path) -> None:
    (git_repo / "a.py").write_text("a = 1\n")
    git(git_repo, "add", "a.py")
    git(git_repo, "commit", "-qm", "init")
    (git_repo / "a.py").write_text("a = 1\nb = 2\nc = 3\n")
    git(git_repo, "add", "a.py")
    (git_repo / "a.py").write_text("a = 1\nb = 2\nc = 3\nd = 4\n")
    assert staged_lines(git_repo) == {"a.py": frozenset({2, 3})}


def test_changed_lines_since_base_counts_commits_since_merge_base(
    git_repo: Path,
) -> None:
    (git_repo / "a.py").write_text("a = 1\n")
    git(git_repo, "add", "a.py")
    git(git_repo, "commit", "-qm", "init")
    git(git_repo, "checkout", "-qb", "feature/x")
    (git_repo / "pkg").mkdir()
    (git_repo / "pkg" / "b.py").write_text("b = 1\nc = 2\n")
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "feat: b")
    assert changed_lines_since("main", git_repo) == {"pkg/b.py": frozenset({1, 2})}


def test_changed_lines_since_unknown_base_raises_git_error(git_repo: Path) -> None:
    (git_repo / "a.py").write_text("a = 1\n")
    git(git_repo, "add", "a.py")
    git(git_repo, "commit", "-qm", "init")
    with pytest.raises(GitError):
        changed_lines_since("no-such-rev", git_repo)
