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


@pytest.mark.parametrize("path", [None, "", ":", "/no/such", "{bin}", "/no:{bin}"])
def test_git_executable_any_path_same_answer_as_shutil_which(
    monkeypatch: pytest.MonkeyPatch, path: str | None
) -> None:
    import shutil

    real = shutil.which("git")
    assert real is not None
    if path is None:
        monkeypatch.delenv("PATH", raising=False)
    else:
        monkeypatch.setenv("PATH", path.format(bin=str(Path(real).parent)))
    expected = shutil.which("git")
    if expected is None:
        with pytest.raises(gitmod.GitError, match="git is not installed"):
            gitmod.git_executable()
    else:
        assert gitmod.git_executable() == expected
