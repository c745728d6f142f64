"""The baseline through real pre-commit: old debt passes, new debt blocks."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.cli import main
from tests.conftest import git

pytestmark = pytest.mark.integration

Runner = Callable[..., subprocess.CompletedProcess[str]]


def _function(name: str, lines: int) -> str:
    body = "".join(f"    x{i} = {i}\n" for i in range(lines - 2))
    return f"def {name}():\n{body}    return 0\n"


def test_pre_commit_baselined_file_edit_passes_new_function_blocks(
    git_repo: Path, pre_commit: Runner, use_hooks: Callable[..., None]
) -> None:
    use_hooks("constitution")
    old = git_repo / "app.py"
    old.write_text(_function("legacy", 60), encoding="utf-8")
    git(git_repo, "add", "-A")
    assert main(["baseline"]) == 0
    git(git_repo, "add", "-A")
    old.write_text("import os\n\n\n" + _function("legacy", 60), encoding="utf-8")
    git(git_repo, "add", "-A")
    passed = pre_commit("run")
    assert passed.returncode == 0, passed.stdout
    old.write_text(_function("legacy", 60) + "\n\n" + _function("fresh", 55))
    git(git_repo, "add", "-A")
    blocked = pre_commit("run")
    assert blocked.returncode == 1
    assert "app.py:63:1: CON102 function 'fresh' is 55 lines long" in blocked.stdout
    assert "legacy" not in blocked.stdout
