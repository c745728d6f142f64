"""Route discovery over a history: found again only when what it read changed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from constitution_hooks.core.config import Settings
from constitution_hooks.rules.tdd.evidence import Snapshot
from constitution_hooks.rules.tdd.routes import routes_of
from constitution_hooks.rules.tdd.settings import TddSettings

BLOBS = {
    "empty": "",
    "core-v1": "API = '/api/v1'\n",
    "core-v2": "API = '/api/v2'\n",
    "items": (
        "from fastapi import APIRouter\nrouter = APIRouter(prefix='/items')\n"
        "@router.get('/{item_id}')\nasync def read_item(item_id: int): ...\n"
    ),
    "items-moved": (
        "from fastapi import APIRouter\nrouter = APIRouter(prefix='/things')\n"
        "@router.get('/{item_id}')\nasync def read_item(item_id: int): ...\n"
    ),
    "main": (
        "from fastapi import FastAPI\nfrom app import items\nfrom app.core import API\n"
        "app = FastAPI()\napp.include_router(items.router, prefix=API)\n"
    ),
    "util-v1": "def f():\n    return 1\n",
    "util-v2": "def f():\n    return 2\n",
}


@pytest.fixture
def cfg(settings: Callable[..., Settings]) -> TddSettings:
    return TddSettings.from_settings(settings("tdd-pairing"), ())


def paths_after(changes: dict[str, str], cfg: TddSettings) -> tuple[bool, list[str]]:
    """Whether the endpoints were reused after ``changes``, and their paths."""
    state = {
        "app/__init__.py": "empty",
        "app/core.py": "core-v1",
        "app/items.py": "items",
        "app/main.py": "main",
        "app/util.py": "util-v1",
    }
    snap = Snapshot(state, lambda key: BLOBS[key].encode(), cfg)
    before = routes_of(snap).endpoints
    state.update(changes)
    after = routes_of(snap.refreshed()).endpoints
    return after is before, [p.text or "" for e in after for p in e.paths]


def test_routes_unrelated_module_changed_reuses_the_routes(cfg: TddSettings) -> None:
    assert paths_after({"app/util.py": "util-v2"}, cfg) == (
        True,
        ["/api/v1/items/{item_id}"],
    )


def test_routes_route_module_changed_finds_them_again(cfg: TddSettings) -> None:
    assert paths_after({"app/items.py": "items-moved"}, cfg) == (
        False,
        ["/api/v1/things/{item_id}"],
    )


def test_routes_prefix_constant_changed_finds_them_again(cfg: TddSettings) -> None:
    assert paths_after({"app/core.py": "core-v2"}, cfg) == (
        False,
        ["/api/v2/items/{item_id}"],
    )
