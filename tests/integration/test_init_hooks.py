"""constitution init against real pre-commit: the config validates and installs."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.cli import main

pytestmark = pytest.mark.integration

Runner = Callable[..., subprocess.CompletedProcess[str]]


def test_init_then_pre_commit_install_installs_every_stage(
    git_repo: Path, pre_commit: Runner
) -> None:
    assert main(["init"]) == 0
    validated = pre_commit("validate-config", ".pre-commit-config.yaml")
    assert validated.returncode == 0, validated.stdout + validated.stderr
    installed = pre_commit("install")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    hooks = git_repo / ".git" / "hooks"
    assert all((hooks / name).is_file() for name in ("pre-commit", "commit-msg"))
    assert (hooks / "pre-push").is_file()
