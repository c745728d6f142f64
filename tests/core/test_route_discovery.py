"""Routers, routes and include calls found in one module."""

from __future__ import annotations

import ast
from pathlib import Path

from constitution_hooks.core.route_discovery import (
    Include,
    ModuleRoutes,
    Route,
    Router,
    module_routes,
    router_kind,
    router_of,
)
from tests.core.test_routes import HEADER, make_project


def test_module_routes_broken_file_finds_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"m.py": "def (:\n"})
    assert module_routes(project, str(tmp_path / "m.py")) == ModuleRoutes((), (), ())


def test_module_routes_records_typed(tmp_path: Path) -> None:
    body = "r = APIRouter()\n@r.get('/x')\nasync def f(): ...\napp = FastAPI()\n"
    body += "app.include_router(r)\n"
    project = make_project(tmp_path, {"m.py": HEADER + body})
    found = module_routes(project, str(tmp_path / "m.py"))
    [route], [include] = found.routes, found.includes
    assert isinstance(route, Route) and isinstance(include, Include)
    assert isinstance(route.router, Router) and route.line == 4
    assert include.parent.kind == "app" and include.child == route.router


def test_module_routes_routers_listed_once(tmp_path: Path) -> None:
    files = {"m.py": HEADER + "app = FastAPI()\nr = APIRouter(prefix='/a')\n"}
    project = make_project(tmp_path, files)
    routers = module_routes(project, str(tmp_path / "m.py")).routers
    assert [(r.name, r.kind, r.prefix) for r in routers] == [
        ("app", "app", ""),
        ("r", "router", "/a"),
    ]


def test_router_kind_project_subclass_counts(tmp_path: Path) -> None:
    files = {
        "base.py": HEADER + "class Mine(APIRouter): ...\nclass Deeper(Mine): ...\n",
        "m.py": "from base import Deeper\nr = Deeper(prefix='/d')\n",
    }
    project = make_project(tmp_path, files)
    router = module_routes(project, str(tmp_path / "m.py")).routers[0]
    assert (router.kind, router.prefix) == ("router", "/d")


def test_router_kind_unrelated_class_is_none(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"m.py": "class Thing: ...\n"})
    assert router_kind(project, str(tmp_path / "m.py"), ast.Name("Thing")) is None


def test_router_of_plain_value_is_none(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"m.py": "x = 1\n"})
    assert router_of(project, str(tmp_path / "m.py"), ast.Name("x")) is None


def test_full_paths_route_on_imported_app_found(tmp_path: Path) -> None:
    files = {
        "main.py": HEADER + "app = FastAPI()\n",
        "extra.py": "from main import app\n@app.get('/late')\nasync def f(): ...\n",
    }
    project = make_project(tmp_path, files)
    route = module_routes(project, str(tmp_path / "extra.py")).routes[0]
    assert route.router.file == str(tmp_path / "main.py")
