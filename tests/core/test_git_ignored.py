"""``git.ignored``: git's own ignore rules, tracked or untracked, present or not."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core import git as core_git
from tests.conftest import git


def test_ignored_matching_paths_returned_even_absent_or_tracked(git_repo: Path) -> None:
    (git_repo / ".gitignore").write_text(".env\n")
    (git_repo / ".env").write_text("A=1\n")
    git(git_repo, "add", "-f", ".env")
    assert core_git.ignored([".env", "sub/.env", "app.py"], git_repo) == {
        ".env",
        "sub/.env",
    }


def test_ignored_global_excludes_file_does_not_count(
    git_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    excludes = tmp_path / "global-ignore"
    excludes.write_text(".env\n")
    config = tmp_path / "gitconfig"
    config.write_text(f"[core]\n\texcludesFile = {excludes}\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    assert git(git_repo, "check-ignore", ".env").strip() == ".env"
    assert core_git.ignored([".env"], git_repo) == set()


def test_ignored_nothing_matches_empty_set(git_repo: Path) -> None:
    assert core_git.ignored([".env"], git_repo) == set()
    assert core_git.ignored([], git_repo) == set()
