"""Static FastAPI route discovery and full paths across modules."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core.routes import (
    RouteIndex,
)
from constitution_hooks.core.source import SourceFile
from constitution_hooks.core.symbols import Project

Files = dict[str, str]
HEADER = "from fastapi import APIRouter, FastAPI\n"


def make_project(tmp_path: Path, files: Files) -> Project:
    for relative, text in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Project(str(tmp_path / relative) for relative in files)


def describe(
    tmp_path: Path, files: Files, file: str = "m.py"
) -> list[tuple[object, ...]]:
    project = make_project(tmp_path, files)
    index = RouteIndex(project)
    return [
        (
            route.function.name,
            route.methods,
            route.router.name,
            route.path,
            tuple(p.text for p in index.full_paths(route)),
        )
        for route in index.module(str(tmp_path / file)).routes
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "router = APIRouter(prefix='/users')\n"
            "@router.get('/{id}')\nasync def f(): ...\n",
            [("f", ("GET",), "router", "/{id}", (None,))],
        ),
        (
            "app = FastAPI()\n@app.post('/items')\ndef f(): ...\n",
            [("f", ("POST",), "app", "/items", ("/items",))],
        ),
        (
            "app = FastAPI()\n"
            "@app.api_route('/x', methods=['get', 'PUT'])\ndef f(): ...\n",
            [("f", ("GET", "PUT"), "app", "/x", ("/x",))],
        ),
        (
            "app = FastAPI()\n@app.api_route('/x')\ndef f(): ...\n",
            [("f", ("GET",), "app", "/x", ("/x",))],
        ),
        (
            "app = FastAPI()\n@app.websocket('/ws')\nasync def f(ws): ...\n",
            [("f", ("WEBSOCKET",), "app", "/ws", ("/ws",))],
        ),
        (
            "app = FastAPI()\n@app.get(path='/k')\ndef f(): ...\n",
            [("f", ("GET",), "app", "/k", ("/k",))],
        ),
        (
            "import settings\napp = FastAPI()\n@app.get(settings.P)\ndef f(): ...\n",
            [("f", ("GET",), "app", None, (None,))],
        ),
        ("other = make()\n@other.get('/x')\ndef f(): ...\n", []),
        ("app = FastAPI()\n@app.middleware('http')\nasync def f(r, n): ...\n", []),
        ("app = FastAPI()\n@app.get\ndef f(): ...\n", []),
        (
            "def create():\n    app = FastAPI()\n"
            "    @app.delete('/x')\n    async def f(): ...\n    return app\n",
            [("f", ("DELETE",), "app", "/x", ("/x",))],
        ),
        (
            "router = APIRouter()\nclass Views:\n"
            "    @router.get('/v')\n    def f(self): ...\n",
            [("f", ("GET",), "router", "/v", (None,))],
        ),
        (
            "app = FastAPI()\nif True:\n    @app.get('/dev')\n    def f(): ...\n",
            [("f", ("GET",), "app", "/dev", ("/dev",))],
        ),
    ],
)
def test_module_routes_decorated_functions_found(
    tmp_path: Path, body: str, expected: list[tuple[object, ...]]
) -> None:
    assert describe(tmp_path, {"m.py": HEADER + body}) == expected


PACKAGE = {
    "pkg/__init__.py": "",
    "pkg/config.py": "API = '/api/v1'\n",
    "pkg/items.py": HEADER
    + "router = APIRouter(prefix='/items')\n"
    + "@router.get('/{id}')\nasync def read(): ...\n",
    "pkg/api.py": HEADER
    + "from pkg import items\napi_router = APIRouter()\n"
    + "api_router.include_router(items.router, prefix='/shop')\n",
}


@pytest.mark.parametrize(
    ("main", "expected"),
    [
        (
            "from pkg.api import api_router\nfrom pkg.config import API\n"
            "app = FastAPI()\napp.include_router(api_router, prefix=API)\n",
            ("/api/v1/shop/items/{id}",),
        ),
        (
            "from pkg.api import api_router\nimport settings\n"
            "app = FastAPI()\napp.include_router(api_router, prefix=settings.API)\n",
            (None,),
        ),
        (
            "from pkg.api import api_router\napp = FastAPI()\nsub = FastAPI()\n"
            "sub.include_router(api_router)\napp.mount('/api/v2', app=sub)\n",
            ("/api/v2/shop/items/{id}",),
        ),
        (
            "from pkg.api import api_router\napp = FastAPI()\n"
            "app.include_router(api_router, prefix='/a')\n"
            "app.include_router(api_router, prefix='/b')\n",
            ("/a/shop/items/{id}", "/b/shop/items/{id}"),
        ),
        (
            "from pkg.api import api_router\n"
            "def make():\n    app = FastAPI()\n"
            "    app.include_router(api_router, prefix='/x')\n    return app\n",
            ("/x/shop/items/{id}",),
        ),
        ("app = FastAPI()\n", (None,)),
    ],
)
def test_full_paths_include_chains_followed_across_modules(
    tmp_path: Path, main: str, expected: tuple[str | None, ...]
) -> None:
    files = {**PACKAGE, "pkg/main.py": HEADER + main}
    assert describe(tmp_path, files, "pkg/items.py")[0][4] == expected


def test_full_paths_router_prefix_below_include_prefix(tmp_path: Path) -> None:
    files = {
        **PACKAGE,
        "pkg/api.py": HEADER
        + "from pkg import items\napi_router = APIRouter(prefix='/v9')\n"
        + "api_router.include_router(items.router, prefix='/shop')\n",
        "pkg/main.py": HEADER
        + "from pkg.api import api_router\napp = FastAPI()\n"
        + "app.include_router(api_router)\n",
    }
    assert describe(tmp_path, files, "pkg/items.py")[0][4] == ("/v9/shop/items/{id}",)


def test_full_paths_include_cycle_ends(tmp_path: Path) -> None:
    body = (
        "a = APIRouter()\nb = APIRouter()\na.include_router(b)\nb.include_router(a)\n"
        "@a.get('/x')\nasync def f(): ...\n"
    )
    assert describe(tmp_path, {"m.py": HEADER + body})[0][4] == (None,)


def test_index_files_only_those_naming_fastapi(tmp_path: Path) -> None:
    files = {"plain.py": "x = 1\n", "m.py": HEADER}
    index = RouteIndex(make_project(tmp_path, files))
    assert index.files() == [str(tmp_path / "m.py")]


def test_index_includes_unresolved_child_kept(tmp_path: Path) -> None:
    body = (
        "import plugins\napp = FastAPI()\napp.include_router(plugins.r, prefix='/p')\n"
    )
    index = RouteIndex(make_project(tmp_path, {"m.py": HEADER + body}))
    [include] = index.includes()
    assert (include.child, include.prefix) == (None, "/p")


def test_index_includes_add_api_route_kept_at_its_path(tmp_path: Path) -> None:
    body = "app = FastAPI()\napp.add_api_route('/health', handler)\n"
    index = RouteIndex(make_project(tmp_path, {"m.py": HEADER + body}))
    [include] = index.includes()
    assert (include.child, include.prefix) == (None, "/health")


def test_index_chains_hosts_left_out_on_request(tmp_path: Path) -> None:
    body = (
        "app = FastAPI()\nsub = FastAPI()\napp.host('x.example.com', sub)\n"
        "@sub.get('/s')\nasync def f(): ...\n"
    )
    index = RouteIndex(make_project(tmp_path, {"m.py": HEADER + body}))
    [route] = index.routes()
    [include] = index.includes()
    assert include.kind == "host"
    assert [p.root.name for p in index.full_paths(route) if p.root] == ["app"]
    own = index.chains(route.router, ("", "/s"), hosts=False)
    assert [p.root.name for p in own if p.root] == ["sub"]


def test_index_naming_only_files_holding_the_word(tmp_path: Path) -> None:
    files = {"a.py": HEADER + "class Item: ...\n", "b.py": HEADER}
    index = RouteIndex(make_project(tmp_path, files))
    assert index.naming(b"Item") == [str(tmp_path / "a.py")]


def test_index_files_added_from_bytes_read_not_the_disk(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"m.py": "x = 1\n"})
    staged = HEADER + "app = FastAPI()\n@app.get('/x')\nasync def f(): ...\n"
    project.add(SourceFile.from_bytes(str(tmp_path / "m.py"), staged.encode()))
    assert [r.path for r in RouteIndex(project).routes()] == ["/x"]
