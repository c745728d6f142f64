"""The file hooks through real pre-commit and a real installed git hook."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import git

pytestmark = pytest.mark.integration

LONG_FUNCTION = "def long():\n" + "    x = 1\n" * 49 + "    return x\n"
SHORT_FUNCTION = "def short():\n    return 1\n"

Runner = Callable[..., subprocess.CompletedProcess[str]]


def test_pre_commit_run_all_files_long_function_fails_with_message(
    git_repo: Path, pre_commit: Runner, use_hooks: Callable[..., None]
) -> None:
    use_hooks("constitution")
    Path("app.py").write_text(LONG_FUNCTION)
    git(git_repo, "add", "-A")
    result = pre_commit("run", "--all-files")
    assert result.returncode == 1, result.stdout + result.stderr
    assert (
        "app.py:1:1: CON102 function 'long' is 51 lines long (limit 49)"
        in result.stdout
    )


def test_git_commit_installed_hook_blocks_long_file_and_allows_clean(
    git_repo: Path, pre_commit: Runner, use_hooks: Callable[..., None]
) -> None:
    use_hooks("file-length", "function-size")
    assert pre_commit("install").returncode == 0
    Path("big.py").write_text("x = 1\n" * 501)
    git(git_repo, "add", "-A")
    blocked = subprocess.run(
        ["git", "commit", "-m", "feat: add big"], capture_output=True, text=True
    )
    assert blocked.returncode != 0
    assert (
        "big.py:501:1: CON101 file is 501 lines long (limit 500)"
        in blocked.stdout + blocked.stderr
    )
    Path("big.py").write_text(SHORT_FUNCTION)
    git(git_repo, "add", "-A")
    allowed = subprocess.run(
        ["git", "commit", "-m", "feat: add small"], capture_output=True, text=True
    )
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
