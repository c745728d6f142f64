"""Starlette route lists: routes found with their full paths, apps or not."""

from __future__ import annotations

from pathlib import Path

from constitution_hooks.core.route_lists import list_routes
from constitution_hooks.core.symbols import Project

HEADER = "from starlette.routing import Mount, Route\n"


def test_list_routes_class_endpoint_is_not_a_route(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text(
        HEADER + "class Page: ...\nasync def h(r): ...\n"
        "routes = [Route('/p', Page), Mount('/m', routes=[Route('/h', h)])]\n",
        encoding="utf-8",
    )
    found = list_routes(Project([str(app)]), [str(app)])
    assert [(r.function.name, r.path, r.router.kind) for r in found] == [
        ("h", "/m/h", "router")
    ]


def test_list_routes_file_without_starlette_finds_nothing(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text("def Route(*a): ...\nasync def h(r): ...\nx = Route('/h', h)\n")
    assert list_routes(Project([str(app)]), [str(app)]) == []
