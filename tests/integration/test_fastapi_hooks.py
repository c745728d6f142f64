"""The FastAPI rules through real pre-commit: a staged file judged with its repo."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import git

pytestmark = pytest.mark.integration

Runner = Callable[..., subprocess.CompletedProcess[str]]
MAIN = (
    "from fastapi import FastAPI\n\nfrom app import health, items\n\n"
    "app = FastAPI()\napp.include_router(health.router)\n"
    "app.include_router(items.router, prefix='/api/v1')\n"
)
HEALTH = (
    "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n"
    "@router.get('/health')\nasync def health() -> None:\n    return None\n"
)
ITEMS = (
    "from fastapi import APIRouter\n\nrouter = APIRouter(prefix='/items')\n\n\n"
    "@router.get('/', status_code=204)\n{kind} list_items() -> None:\n    return None\n"
)


def test_pre_commit_staged_router_judged_with_the_app_module(
    git_repo: Path, pre_commit: Runner, use_hooks: Callable[..., None]
) -> None:
    use_hooks("constitution")
    Path("app").mkdir()
    Path("app/__init__.py").write_text("")
    Path("app/main.py").write_text(MAIN)
    Path("app/health.py").write_text(HEALTH)
    Path("app/items.py").write_text(ITEMS.format(kind="async def"))
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-q", "--no-verify", "-m", "feat: add app")
    Path("app/items.py").write_text(ITEMS.format(kind="def"))
    git(git_repo, "add", "app/items.py")
    result = pre_commit("run")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "app/items.py:7:1: CON601 route 'list_items' (GET /api/v1/items/)" in output
    assert "CON604" not in output and "CON608" not in output
