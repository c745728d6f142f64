"""The ``constitution`` hook, every pre-commit-stage rule in one process, through
real pre-commit: the same findings as the separate hooks on the same commit."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import git

pytestmark = pytest.mark.integration

Runner = Callable[..., subprocess.CompletedProcess[str]]
LONG = "def f():\n" + "    x = 1\n" * 48 + "    return x\n"
_FINDING = re.compile(r"^\S+:\d+:\d+: CON\d{3} .*$", re.MULTILINE)


def _findings(result: subprocess.CompletedProcess[str]) -> list[str]:
    return sorted(_FINDING.findall(result.stdout + result.stderr))


def test_pre_commit_one_process_hook_reports_what_three_hooks_report(
    git_repo: Path, pre_commit: Runner, use_hooks: Callable[..., None]
) -> None:
    git(git_repo, "checkout", "-q", "-b", "wip")
    git(git_repo, "commit", "-q", "--allow-empty", "-m", "chore: start")
    (git_repo / "src" / "shop").mkdir(parents=True)
    (git_repo / "src" / "shop" / "cart.py").write_text(LONG)
    git(git_repo, "add", "-A")
    use_hooks("constitution")
    together = pre_commit("run")
    use_hooks("constitution", "tdd-pairing", "branch-name")
    apart = pre_commit("run")
    assert together.returncode == apart.returncode == 1
    assert _findings(together) == _findings(apart)
    assert [line.split()[1] for line in _findings(together)] == [
        "CON102",
        "CON201",
        "CON311",
    ]
