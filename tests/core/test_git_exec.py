"""``git_executable``: git found on PATH as ``shutil.which`` finds it."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core.git import GitError
from constitution_hooks.core.git_exec import git_executable


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
        with pytest.raises(GitError, match="git is not installed"):
            git_executable()
    else:
        assert git_executable() == expected
