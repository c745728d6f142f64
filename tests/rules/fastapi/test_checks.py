"""CON601-CON608 boundaries: snippet in, how many reports out."""

from __future__ import annotations

import subprocess
import sys

import pytest

from constitution_hooks.rules.fastapi.checks import (
    missing_health_endpoint,
    route_hidden_from_openapi,
    route_not_async,
    route_on_app,
    route_without_response_model,
    shared_request_response_model,
    untyped_request_body,
    unversioned_route,
)
from tests.rules.fastapi.conftest import HEADER, Lines

CHECKS = (
    route_not_async,
    untyped_request_body,
    route_without_response_model,
    unversioned_route,
    shared_request_response_model,
    route_hidden_from_openapi,
    route_on_app,
    missing_health_endpoint,
)


def test_checks_module_without_fastapi_reports_nothing(lines: Lines) -> None:
    text = "router = APIRouter()\n@router.get('/x')\ndef f(payload: dict): ...\n"
    for code in ("CON601", "CON602", "CON603", "CON604"):
        assert lines(code, {"m.py": text}) == []
    assert len(CHECKS) == 8


@pytest.mark.parametrize(
    ("body", "count"),
    [
        ("@router.get('/')\ndef f() -> ItemOut: ...\n", 1),
        ("@router.get('/')\nasync def f() -> ItemOut: ...\n", 0),
        ("@router.websocket('/ws')\ndef f(ws): ...\n", 1),
        ("def helper() -> None: ...\n", 0),
        ("@router.get('/a')\n@router.get('/b')\ndef f() -> ItemOut: ...\n", 2),
    ],
)
def test_route_not_async_def_routes_reported(
    lines: Lines, body: str, count: int
) -> None:
    assert len(lines("CON601", {"m.py": HEADER + body})) == count


@pytest.mark.parametrize(
    ("signature", "count"),
    [
        ("payload: dict", 1),
        ("payload: dict[str, Any]", 1),
        ("payload: list[dict]", 1),
        ("payload: dict[int, float]", 0),
        ("payload: Any", 1),
        ("payload", 1),
        ("payload: dict | None = None", 1),
        ("payload: 'dict'", 1),
        ("payload: dict = Body(...)", 1),
        ("payload: Item", 0),
        ("payload: list[Item]", 0),
        ("skip: int = 0", 0),
        ("item_id", 0),
        ("request: Request", 0),
        ("db: dict = Depends(get_db)", 0),
        ("q: Any = Query(None)", 0),
        ("db: Annotated[dict, Depends(get_db)]", 0),
        ("db: DbDep", 0),
        ("payload: Unresolved", 0),
        ("payload: Loose", 1),
        ("*args, **kwargs", 0),
    ],
)
def test_untyped_request_body_loose_parameters_reported(
    lines: Lines, signature: str, count: int
) -> None:
    body = (
        "from typing import Annotated\nfrom unknown import Unresolved\n"
        "DbDep = Annotated[dict, Depends(get_db)]\nLoose = dict[str, Any]\n"
        f"@router.post('/{{item_id}}')\nasync def f({signature}) -> ItemOut: ...\n"
    )
    assert len(lines("CON602", {"m.py": HEADER + body})) == count


def test_untyped_request_body_method_self_skipped(lines: Lines) -> None:
    body = "class Views:\n    @router.post('/')\n"
    body += "    async def f(self, x: Item) -> ItemOut: ...\n"
    assert lines("CON602", {"m.py": HEADER + body}) == []


@pytest.mark.parametrize(
    ("decorator", "returns", "count"),
    [
        ("router.get('/')", "", 1),
        ("router.get('/')", " -> ItemOut", 0),
        ("router.get('/')", " -> list[ItemOut]", 0),
        ("router.get('/')", " -> ItemOut | None", 0),
        ("router.get('/')", " -> dict", 1),
        ("router.get('/')", " -> Any", 1),
        ("router.get('/')", " -> str", 1),
        ("router.get('/')", " -> Plain", 1),
        ("router.get('/')", " -> Derived", 0),
        ("router.get('/')", " -> Unresolved", 0),
        ("router.get('/')", " -> JSONResponse", 0),
        ("router.get('/', response_model=ItemOut)", " -> Any", 0),
        ("router.get('/', response_model=dict)", "", 1),
        ("router.get('/', response_model=None)", " -> ItemOut", 1),
        ("router.delete('/', status_code=204)", " -> None", 0),
        ("router.delete('/', status_code=status.HTTP_204_NO_CONTENT)", "", 0),
        ("router.delete('/')", " -> None", 1),
        ("router.get('/', response_class=HTMLResponse)", " -> str", 0),
        ("router.get('/', response_class=JSONResponse)", " -> dict", 1),
        ("router.websocket('/ws')", "", 0),
    ],
)
def test_route_without_response_model_boundaries(
    lines: Lines, decorator: str, returns: str, count: int
) -> None:
    body = (
        "from fastapi import status\nfrom unknown import Unresolved\n"
        "class Plain:\n    pass\nclass Derived(ItemOut):\n    pass\n"
        f"@{decorator}\nasync def f(){returns}: ...\n"
    )
    assert len(lines("CON603", {"m.py": HEADER + body})) == count


@pytest.mark.parametrize(
    ("setup", "count"),
    [
        ("r = APIRouter(default_response_class=HTMLResponse)\n", 0),
        ("r = APIRouter(default_response_class=JSONResponse)\n", 1),
        (
            "r = APIRouter()\napp = FastAPI(default_response_class=HTMLResponse)\n"
            "app.include_router(r)\n",
            0,
        ),
        (
            "r = APIRouter()\napp = FastAPI()\n"
            "app.include_router(r, default_response_class=HTMLResponse)\n",
            0,
        ),
    ],
)
def test_route_without_response_model_default_response_class_counts(
    lines: Lines, setup: str, count: int
) -> None:
    body = setup + "@r.get('/page')\nasync def page() -> None: ...\n"
    assert len(lines("CON603", {"m.py": HEADER + body})) == count


def test_route_without_response_model_model_in_other_module_resolved(
    lines: Lines,
) -> None:
    files = {
        "pkg/__init__.py": "",
        "pkg/base.py": "from pydantic import BaseModel\nclass Base(BaseModel): ...\n",
        "pkg/schemas.py": "from .base import Base\n"
        "class Out(Base): ...\nclass No: ...\n",
        "pkg/m.py": "from fastapi import APIRouter\nfrom pkg.schemas import Out, No\n"
        "router = APIRouter()\n@router.get('/a')\nasync def a() -> Out: ...\n"
        "@router.get('/b')\nasync def b() -> No: ...\n",
    }
    assert lines("CON603", files, "pkg/m.py") == [6]


APP = "from fastapi import FastAPI\napp = FastAPI()\n"


@pytest.mark.parametrize(
    ("body", "count"),
    [
        ("@app.get('/users')\nasync def f(): ...\n", 1),
        ("@app.get('/api/v1/users')\nasync def f(): ...\n", 0),
        ("@app.get('/api/v1')\nasync def f(): ...\n", 0),
        ("@app.get('/api/users')\nasync def f(): ...\n", 1),
        ("@app.get('/health')\nasync def f(): ...\n", 0),
        ("@app.get('/metrics/')\nasync def f(): ...\n", 0),
        ("@app.get('/docs/extra')\nasync def f(): ...\n", 0),
        ("@app.get('/healthz')\nasync def f(): ...\n", 1),
        ("import settings\n@app.get(settings.P + '/x')\nasync def f(): ...\n", 0),
        (
            "r = APIRouter(prefix='/users')\n@r.get('/')\nasync def f(): ...\n"
            "app.include_router(r, prefix='/api/v2')\n",
            0,
        ),
        (
            "r = APIRouter(prefix='/users')\n@r.get('/')\nasync def f(): ...\n"
            "app.include_router(r)\n",
            1,
        ),
        ("r = APIRouter(prefix='/users')\n@r.get('/')\nasync def f(): ...\n", 0),
    ],
)
def test_unversioned_route_full_paths_judged(
    lines: Lines, body: str, count: int
) -> None:
    text = APP + "from fastapi import APIRouter\n" + body
    assert len(lines("CON604", {"m.py": text})) == count


def test_unversioned_route_pattern_configurable(lines: Lines) -> None:
    text = APP + "@app.get('/v2/users')\nasync def f(): ...\n"
    assert lines("CON604", {"m.py": text}, versioned_path=r"^/v\d+/") == []


def test_unversioned_route_prefix_from_other_module(lines: Lines) -> None:
    files = {
        "items.py": "from fastapi import APIRouter\nrouter = APIRouter()\n"
        "@router.get('/items')\nasync def f(): ...\n",
        "main.py": APP + "import items\nPREFIX = '/v1'\n"
        "app.include_router(items.router, prefix=PREFIX)\n",
    }
    assert lines("CON604", files, "items.py") == [3]


@pytest.mark.parametrize(
    ("body", "count"),
    [
        ("@router.post('/')\nasync def f(x: Item) -> Item: ...\n", 1),
        (
            "@router.post('/', response_model=list[Item])\nasync def f(x: Item): ...\n",
            1,
        ),
        ("@router.post('/')\nasync def f(x: Item) -> ItemOut: ...\n", 0),
        (
            "@router.post('/')\nasync def f(x: Item) -> ItemOut: ...\n"
            "@router.get('/')\nasync def g() -> list[Item]: ...\n",
            1,
        ),
        ("@router.post('/')\nasync def f(x: Item = Depends(h)) -> Item: ...\n", 0),
    ],
)
def test_shared_request_response_model_one_class_both_ways(
    lines: Lines, body: str, count: int
) -> None:
    assert len(lines("CON605", {"m.py": HEADER + body})) == count


@pytest.mark.parametrize(
    ("body", "count"),
    [
        ("@router.get('/', include_in_schema=False)\nasync def f(): ...\n", 1),
        ("@router.get('/', include_in_schema=True)\nasync def f(): ...\n", 0),
        ("hidden = APIRouter(include_in_schema=False)\n", 1),
        ("app = FastAPI()\napp.include_router(router, include_in_schema=False)\n", 1),
        ("app = FastAPI(openapi_url=None)\n@app.get('/x')\nasync def f(): ...\n", 1),
        (
            "app = FastAPI(openapi_url='')\napp.include_router(router)\n"
            "@router.get('/x')\nasync def f(): ...\n",
            1,
        ),
        (
            "app = FastAPI(openapi_url=None)\nsub = FastAPI()\napp.mount('/v1', sub)\n",
            0,
        ),
    ],
)
def test_route_hidden_from_openapi_boundaries(
    lines: Lines, body: str, count: int
) -> None:
    assert len(lines("CON606", {"m.py": HEADER + body})) == count


def test_route_on_app_route_in_other_module_reported(lines: Lines) -> None:
    files = {
        "main.py": APP + "@app.get('/here')\nasync def here(): ...\n",
        "extra.py": "import fastapi\nfrom main import app\n"
        "@app.get('/there')\nasync def there(): ...\n",
    }
    assert lines("CON607", files, "extra.py") == [3]
    assert lines("CON607", files, "main.py") == []


@pytest.mark.parametrize(
    ("body", "count"),
    [
        ("", 1),
        ("@app.get('/health')\nasync def h(): ...\n", 0),
        ("@app.get('/health/')\nasync def h(): ...\n", 0),
        ("@app.post('/health')\nasync def h(): ...\n", 1),
        ("@app.api_route('/health', methods=['GET', 'HEAD'])\nasync def h(): ...\n", 0),
        ("@app.get('/api/health')\nasync def h(): ...\n", 1),
        ("import plugins\napp.include_router(plugins.router)\n", 0),
        ("import plugins\napp.include_router(plugins.router, prefix='/p')\n", 1),
        (
            "r = APIRouter()\n@r.get('/health')\nasync def h(): ...\n"
            "app.include_router(r)\n",
            0,
        ),
        ("app.add_api_route('/health', h)\n", 0),
        ("app.get('/health')(h)\n", 0),
        ("app.get('/other')(h)\n", 1),
        ("other = FastAPI()\nother.host('api.example.com', app)\n", 1),
        (
            "@app.get('/health')\nasync def h(): ...\n"
            "redirects = FastAPI()\nredirects.get('/{slug}')(h)\n"
            "app.host('go.example.com', redirects)\n",
            0,
        ),
        (
            "redirects = FastAPI()\nredirects.get('/{slug}')(h)\n"
            "app.host('go.example.com', redirects)\n",
            1,
        ),
        ("top = FastAPI()\ntop.mount('/x', app)\n", 1),
    ],
)
def test_missing_health_endpoint_once_per_app(
    lines: Lines, body: str, count: int
) -> None:
    text = APP + "from fastapi import APIRouter\n" + body
    assert len(lines("CON608", {"m.py": text})) == count


def test_missing_health_endpoint_health_path_configurable(lines: Lines) -> None:
    text = APP + "@app.get('/healthz')\nasync def h(): ...\n"
    assert lines("CON608", {"m.py": text}, health_path="/healthz") == []


def test_missing_health_endpoint_route_in_other_module_counts(lines: Lines) -> None:
    files = {
        "main.py": APP + "import health\napp.include_router(health.router)\n",
        "health.py": "from fastapi import APIRouter\nrouter = APIRouter()\n"
        "@router.get('/health')\nasync def h(): ...\n",
    }
    assert lines("CON608", files, "main.py") == []


def test_checks_test_modules_skipped(lines: Lines) -> None:
    text = APP + "@app.get('/users')\ndef f(): ...\n"
    for target in ("tests/m.py", "test_m.py", "conftest.py"):
        assert lines("CON601", {target: text}, target) == []
        assert lines("CON608", {target: text}, target) == []


def test_unversioned_route_chain_through_test_app_ignored(lines: Lines) -> None:
    files = {
        "items.py": "from fastapi import APIRouter\nrouter = APIRouter()\n"
        "@router.get('/items')\nasync def f(): ...\n",
        "tests/test_items.py": APP + "import items\napp.include_router(items.router)\n",
    }
    assert lines("CON604", files, "items.py") == []


PROBE = """
import sys
from constitution_hooks.core.config import Settings
from constitution_hooks.core.source import SourceFile
from constitution_hooks.rules.fastapi import RULES
source = SourceFile.from_bytes("m.py", b"def f(payload: dict): ...\\n")
found = [f for rule in RULES for f in rule.check(source, Settings({}))]
print(len(found), "constitution_hooks.rules.fastapi.checks" in sys.modules)
"""


def test_rules_module_without_fastapi_import_no_checks_nor_tree() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["0", "False"]


def test_names_fastapi_same_bytes_answered_again_other_bytes_searched() -> None:
    from constitution_hooks.core.source import SourceFile
    from constitution_hooks.rules.fastapi import _names_fastapi

    with_it = SourceFile.from_bytes("a.py", b"import fastapi\n")
    without = SourceFile.from_bytes("b.py", b"import os\n")
    assert [_names_fastapi(s) for s in (with_it, with_it, without, with_it)] == [
        True,
        True,
        False,
        True,
    ]
