"""Route evidence and CON210: tests that call routes through an HTTP client."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from constitution_hooks.core.config import Settings
from constitution_hooks.rules.tdd.pairing import Snapshot, check_pairing
from constitution_hooks.rules.tdd.routes import check_routes, routes_of
from constitution_hooks.rules.tdd.settings import TddSettings

APP = {
    "app/__init__.py": "",
    "app/core.py": "API = '/api/v1'\n",
    "app/routes/__init__.py": "",
    "app/routes/items.py": (
        "from fastapi import APIRouter\n"
        "router = APIRouter(prefix='/items')\n"
        "@router.get('/{item_id}')\n"
        "async def read_item(item_id: int):\n    return {'id': item_id}\n"
        "@router.delete('/{item_id}')\n"
        "async def drop_item(item_id: int):\n    return None\n"
    ),
    "app/main.py": (
        "from fastapi import FastAPI\n"
        "from app.routes import items\n"
        "from app.core import API\n"
        "app = FastAPI()\n"
        "app.include_router(items.router, prefix=API)\n"
    ),
}


@pytest.fixture
def cfg(settings: Callable[..., Settings]) -> TddSettings:
    return TddSettings.from_settings(settings("tdd-pairing"), ())


def snapshot(files: dict[str, str], cfg: TddSettings) -> Snapshot:
    return Snapshot(
        {path: path for path in files}, lambda key: files[key].encode(), cfg
    )


@pytest.mark.parametrize(
    "call",
    [
        "client.get('/api/v1/items/3')",
        "client.get(f'{settings.API_V1_STR}/items/{item.id}')",
        "client.get(url=settings.API + '/items/3')",
        "test_client.request('GET', '/api/v1/items/3')",
        "client.get(app.url_path_for('read_item', item_id=3))",
    ],
)
def test_check_pairing_route_called_through_client_pairs_its_module(
    call: str, cfg: TddSettings
) -> None:
    test = f"def test_read_item_known_returns_200(client):\n    assert {call}\n"
    snap = snapshot({**APP, "tests/api/test_items.py": test}, cfg)
    assert check_pairing(["app/routes/items.py"], snap) == []


def test_check_pairing_unmatched_url_leaves_con202(cfg: TddSettings) -> None:
    test = "def test_a_b_c(client):\n    assert client.get('/api/v1/users/3')\n"
    snap = snapshot({**APP, "tests/api/test_items.py": test}, cfg)
    [found] = check_pairing(["app/routes/items.py"], snap)
    assert found.code == "CON202"


def test_check_routes_untested_route_reports_con210_at_def(cfg: TddSettings) -> None:
    test = "def test_a_b_c(client):\n    assert client.get('/api/v1/items/3')\n"
    snap = snapshot({**APP, "tests/test_items.py": test}, cfg)
    [found] = check_routes(["app/routes/items.py"], snap)
    assert (found.code, found.path, found.line) == ("CON210", "app/routes/items.py", 7)
    assert "DELETE /api/v1/items/{item_id} (drop_item)" in found.message


def test_check_routes_client_object_bound_by_name_counts(cfg: TddSettings) -> None:
    test = (
        "def test_a_b_c():\n    c = TestClient(app)\n"
        "    assert c.get('/api/v1/items/1')\n    assert c.delete('/api/v1/items/1')\n"
    )
    snap = snapshot({**APP, "tests/test_items.py": test}, cfg)
    assert list(check_routes(["app/routes/items.py"], snap)) == []


def test_routes_of_full_path_joins_prefixes_across_modules(cfg: TddSettings) -> None:
    endpoints = routes_of(snapshot(APP, cfg)).endpoints
    assert {p.text for e in endpoints for p in e.paths} == {"/api/v1/items/{item_id}"}


def test_check_routes_no_fastapi_finds_nothing(cfg: TddSettings) -> None:
    snap = snapshot(
        {"app/__init__.py": "", "app/a.py": "def f():\n    return 1\n"}, cfg
    )
    assert list(check_routes(["app/a.py"], snap)) == []
