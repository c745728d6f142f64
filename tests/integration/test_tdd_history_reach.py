"""CON206 through real pre-commit: a module run by tested code is tested with it.

A module the tested code imports at its top level needs no test of its own; a new
public module that only the package ``__init__`` re-exports, with no test, is still
reported.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import git

pytestmark = pytest.mark.integration

Runner = Callable[..., subprocess.CompletedProcess[str]]
STEPS = [
    (
        "feat(shop): total with its test",
        {
            "src/shop/__init__.py": "from .cart import total\n",
            "src/shop/cart.py": "def total(prices):\n    return sum(prices)\n",
            "tests/test_flow.py": "from shop import total\n\n\n"
            "def test_total_two_prices_returns_sum():\n    assert total([1, 2]) == 3\n",
        },
    ),
    (
        "feat(shop): round through prices",
        {
            "src/shop/cart.py": "from .prices import rounded\n\n\n"
            "def total(prices):\n    return rounded(sum(prices))\n",
            "src/shop/prices.py": "def rounded(value):\n    return round(value, 2)\n",
        },
    ),
    (
        "feat(shop): add coupons",
        {
            "src/shop/__init__.py": "from .cart import total\n"
            "from .coupons import off\n",
            "src/shop/coupons.py": "def off(value):\n    return value * 0.9\n",
        },
    ),
]


def test_pre_commit_tdd_history_module_run_by_tested_code_passes_new_one_fails(
    git_repo: Path, pre_commit: Runner, use_hooks: Callable[..., None]
) -> None:
    use_hooks("tdd-history")
    (git_repo / "README.md").write_text("shop\n")
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "chore: start")
    base = git(git_repo, "rev-parse", "HEAD").strip()
    for message, files in STEPS:
        for name, text in files.items():
            (git_repo / name).parent.mkdir(parents=True, exist_ok=True)
            (git_repo / name).write_text(text)
        git(git_repo, "add", "-A")
        git(git_repo, "commit", "-qm", message)
    result = pre_commit(
        "run", "tdd-history", "--hook-stage", "manual", "--from-ref", base,
        "--to-ref", "HEAD",
    )  # fmt: skip  # Reason: reads as the command line
    assert result.returncode == 1, result.stdout + result.stderr
    assert "src/shop/coupons.py:1:1: CON206" in result.stdout
    assert "prices" not in result.stdout
