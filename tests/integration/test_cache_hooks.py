"""The result cache and workers under real pre-commit: invisible to git, same output."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import git

pytestmark = pytest.mark.integration

Runner = Callable[..., subprocess.CompletedProcess[str]]
LONG_FUNCTION = "def long():\n" + "    x = 1\n" * 49 + "    return x\n"


def test_pre_commit_run_twice_same_report_and_clean_status(
    git_repo: Path, pre_commit: Runner, use_hooks: Callable[..., None]
) -> None:
    use_hooks(("constitution", 'args: ["--jobs", "2"]'))
    for index in range(30):
        Path(f"m{index}.py").write_text(LONG_FUNCTION)
    git(git_repo, "add", "-A")
    before = git(git_repo, "status", "--porcelain", "--untracked-files=all")
    first = pre_commit("run", "--all-files")
    second = pre_commit("run", "--all-files")
    assert first.returncode == second.returncode == 1
    assert len(_violations(first)) == 30
    assert _violations(second) == _violations(first)
    assert (git_repo / ".constitution_cache").is_dir()
    assert git(git_repo, "status", "--porcelain", "--untracked-files=all") == before


def _violations(result: subprocess.CompletedProcess[str]) -> list[str]:
    return sorted(line for line in result.stdout.splitlines() if ": CON102 " in line)
