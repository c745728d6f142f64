"""The git module against a real repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core import git as gitmod
from constitution_hooks.core.errors import UsageError


def test_run_git_failure_raises_with_gits_reason(git_repo: Path) -> None:
    with pytest.raises(gitmod.GitError, match="git rev-parse --verify failed: fatal: "):
        gitmod.run_git(["rev-parse", "--verify", "no-such-rev^{commit}", "--"])


def test_run_git_missing_git_is_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    with pytest.raises(UsageError, match="git is not installed"):
        gitmod.run_git(["status"])


def test_inside_work_tree_outside_repo_false(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert gitmod.inside_work_tree(tmp_path) is False


def test_split_z_non_utf8_name_kept_as_escape() -> None:
    assert gitmod.split_z(b"caf\xe9.py\x00") == ["caf\udce9.py"]
