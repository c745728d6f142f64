"""``work_tree_root``: one ``git rev-parse`` for "inside a work tree?" and its top."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core import git as gitmod


def test_work_tree_root_subfolder_gives_resolved_top(git_repo: Path) -> None:
    (git_repo / "pkg").mkdir()
    assert gitmod.work_tree_root(git_repo / "pkg") == git_repo.resolve()


@pytest.mark.parametrize("where", ["outside", "git dir", "no git"])
def test_work_tree_root_not_in_a_work_tree_gives_none(
    git_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    folder = {"outside": tmp_path / "out", "git dir": git_repo / ".git"}.get(where)
    if folder is None:
        monkeypatch.setenv("PATH", "")
        folder = git_repo
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    assert gitmod.work_tree_root(folder) is None
    assert gitmod.inside_work_tree(folder) is False
