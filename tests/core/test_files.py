"""discover: paths given, folders expanded, --all-files through git, excludes."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.core.files import discover, is_excluded
from tests.conftest import git

Write = Callable[..., Path]


@pytest.mark.parametrize(
    ("path", "patterns", "excluded"),
    [
        ("a/.venv/lib/x.py", [".venv"], True),
        ("src/gen/deep/x.py", ["src/gen/**"], True),
        ("src/gen.py", ["src/gen/**"], False),
        ("pkg/mod_pb2.py", ["*_pb2.py"], True),
        ("pkg/mod.py", ["*_pb2.py"], False),
        ("build/x.py", ["build/"], True),
    ],
)
def test_is_excluded_gitignore_like_globs(
    path: str, patterns: list[str], excluded: bool
) -> None:
    assert is_excluded(path, patterns) is excluded


def test_is_excluded_slash_glob_relative_to_root(tmp_path: Path) -> None:
    target = tmp_path / "gen" / "x.py"
    assert is_excluded(str(target), ["gen/*"], tmp_path)


def test_discover_all_files_in_git_lists_tracked_python_only(
    git_repo: Path, write: Write
) -> None:
    write("repo/a.py", "")
    write("repo/dir with space/é.py", "")
    write("repo/notes.txt", "")
    write("repo/untracked.py", "")
    git(git_repo, "add", "a.py", "dir with space", "notes.txt")
    assert sorted(discover([], True, [], git_repo)) == ["a.py", "dir with space/é.py"]


def test_discover_all_files_outside_git_walks_and_skips_builtins(
    tmp_path: Path, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("a.py", "")
    write("pkg/b.py", "")
    write(".venv/lib/c.py", "")
    write("build/d.py", "")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert discover([], True, [], tmp_path) == ["a.py", os.path.join("pkg", "b.py")]


def test_discover_folder_expanded_and_user_exclude_applied(
    tmp_path: Path, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("src/a.py", "")
    write("src/gen/b.py", "")
    monkeypatch.chdir(tmp_path)
    assert discover(["src"], False, ["src/gen/**"], tmp_path) == [
        os.path.join("src", "a.py")
    ]


def test_discover_duplicates_removed_order_kept() -> None:
    assert discover(["b.py", "a.py", "b.py"], False, [], None) == ["b.py", "a.py"]
