"""FastAPI, Flask and Starlette routes found statically: routers, routes, full paths.

A route is a function decorated by ``<x>.get/post/put/patch/delete/options/head/
api_route/websocket(...)`` where ``<x>`` is bound to ``FastAPI(...)`` or
``APIRouter(...)``. Its full path joins the prefixes of every
``include_router(..., prefix=...)`` and ``mount(path, app)`` above it, followed
across modules as far as literals and module constants allow; a part that is
built at run time is None (unknown), never a guess.

Use: ``index = RouteIndex(Project(files))``; ``index.routes()`` lists every route,
``index.module(file)`` one module's routers, routes and includes, and
``index.full_paths(route)`` its full paths (``RoutePath``: ``text`` when all known,
``tail`` after the last unknown part). ``match_path(url, path, url_head_known)``
says whether a test's URL reaches a route; ``url_of(node)`` turns a string or
f-string argument into that URL. Inside a run, ``SourceFile.project`` is the run's
project (every Python file of the repository).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from constitution_hooks.core.route_discovery import (
    FASTAPI,
    WEB,
    Dialect,
    FunctionNode,
    Include,
    ModuleRoutes,
    Route,
    Router,
    module_routes,
    router_kind,
    router_of,
)
from constitution_hooks.core.route_lists import list_routes
from constitution_hooks.core.route_paths import RoutePath, match_path, url_of
from constitution_hooks.core.symbols import Project

__all__ = [
    "FASTAPI",
    "WEB",
    "Dialect",
    "FunctionNode",
    "Include",
    "ModuleRoutes",
    "Route",
    "RouteIndex",
    "RoutePath",
    "Router",
    "match_path",
    "module_routes",
    "router_kind",
    "router_of",
    "url_of",
]
# Reason: a file that names none of these can hold no router, route or include.
MARKERS = (b"fastapi", b"FastAPI", b"APIRouter", b"include_router", b".mount(")
# Reason: every module of a Flask project names flask; one that defines or registers
# routes names one of these (a decorator, a constructor, a route list).
WEB_MARKERS: tuple[bytes, ...] = (*MARKERS, b".route(", b"Flask(", b"Blueprint(")
WEB_MARKERS += (b"register_blueprint",)
WEB_MARKERS += (b"Route(", b"Mount(", b"Starlette(")
# Reason: a call that includes, mounts or adds a route names one of these.
INCLUDE_MARKERS = (b"include_router", b".mount(", b".host(", b"add_api_", b"add_route")
WEB_INCLUDE_MARKERS = (*INCLUDE_MARKERS, b"register_blueprint")
# Reason: a router included in many places has one path per chain; past this many
# the rules have seen enough to judge.
MAX_PATHS = 64


class RouteIndex:
    """Every router, route and include of a project; full paths across modules.

    Example:
        >>> import tempfile; from pathlib import Path
        >>> root = Path(tempfile.mkdtemp())
        >>> _ = (root / "items.py").write_text(
        ...     "from fastapi import APIRouter\\nrouter = APIRouter(prefix='/items')\\n"
        ...     "@router.get('/{id}')\\nasync def read(id: int) -> None: ...\\n")
        >>> _ = (root / "main.py").write_text(
        ...     "from fastapi import FastAPI\\nimport items\\napp = FastAPI()\\n"
        ...     "app.include_router(items.router, prefix='/api/v1')\\n")
        >>> files = [str(root / "items.py"), str(root / "main.py")]
        >>> index = RouteIndex(Project(files))
        >>> [p.text for p in index.full_paths(index.module(files[0]).routes[0])]
        ['/api/v1/items/{id}']
    """

    def __init__(self, project: Project, dialect: Dialect = FASTAPI) -> None:
        """Index ``project`` (``WEB``: Flask and Starlette too); nothing read yet."""
        self.project, self.dialect, self.web = project, dialect, dialect is WEB
        self._modules: dict[str, ModuleRoutes] = {}
        self._parents: dict[tuple[str, str, str], list[Include]] | None = None
        self._files: list[str] | None = None
        self._data: dict[str, bytes] = {}

    def module(self, file: str) -> ModuleRoutes:
        """The routers, routes and includes of one module (found once)."""
        file = os.path.abspath(file)
        if file not in self._modules:
            self._modules[file] = module_routes(self.project, file, self.dialect)
        return self._modules[file]

    def files(self) -> list[str]:
        """The project files that may hold routers, routes or includes (read once)."""
        if self._files is None:
            self._data = _scan(self.project, WEB_MARKERS if self.web else MARKERS)
            self._files = list(self._data)
        return self._files

    def naming(self, *words: bytes) -> list[str]:
        """The files of ``files()`` whose bytes contain one of ``words``.

        Example:
            >>> RouteIndex(Project([])).naming(b"include_router")
            []
        """
        return [f for f in self.files() if any(w in self._data[f] for w in words)]

    def routes(self) -> list[Route]:
        """Every route of the project (decorated, and Starlette's route lists)."""
        return [r for f in self.files() for r in self.module(f).routes] + _lists(self)

    def includes(self) -> list[Include]:
        """Every include, mount and host call, and added route, of the project.

        Only files naming one of ``INCLUDE_MARKERS`` are parsed for them; a
        ``router.get(path)(endpoint)`` call elsewhere is in its module's includes.
        """
        files = self.naming(*(WEB_INCLUDE_MARKERS if self.web else INCLUDE_MARKERS))
        return [inc for file in files for inc in self.module(file).includes]

    def parents(self, router: Router) -> list[Include]:
        """The calls that include or mount ``router``."""
        if self._parents is None:
            self._parents = {}
            for include in self.includes():
                if include.child is not None:
                    self._parents.setdefault(include.child.key, []).append(include)
        return self._parents.get(router.key, [])

    def full_paths(self, route: Route) -> tuple[RoutePath, ...]:
        """Every full path the route is served at (one per include chain)."""
        parts = (route.router.prefix, route.path)
        return tuple(self.chains(route.router, parts))[:MAX_PATHS]

    def chains(
        self,
        router: Router,
        parts: tuple[str | None, ...],
        seen: frozenset[tuple[str, str, str]] = frozenset(),
        hosts: bool = True,
    ) -> Iterator[RoutePath]:
        """Prefix ``parts`` (below ``router``) with every include chain above it.

        With ``hosts`` False, an app served on another host name is a root of its
        own: what it serves is not what its parent serves on its own host.
        """
        parents = [p for p in self.parents(router) if _follows(p, seen, hosts)]
        if not parents:
            if router.kind == "app":
                yield RoutePath(parts, router)
            else:
                yield RoutePath((None, *parts), None)
            return
        for include in parents:
            # Reason: a blueprint registered with a url_prefix drops its own.
            above = (include.parent.prefix, include.prefix, *_own(include, parts))
            yield from self.chains(include.parent, above, seen | {router.key}, hosts)


def _own(include: Include, parts: tuple[str | None, ...]) -> tuple[str | None, ...]:
    return parts[1:] if include.kind == "blueprint" else parts


def _lists(index: RouteIndex) -> list[Route]:
    """Starlette's route lists, for the ``WEB`` dialect."""
    return list_routes(index.project, index.files()) if index.web else []


def _follows(
    include: Include, seen: frozenset[tuple[str, str, str]], hosts: bool
) -> bool:
    return include.parent.key not in seen and (hosts or include.kind != "host")


def _scan(project: Project, markers: tuple[bytes, ...]) -> dict[str, bytes]:
    """The bytes of the files that name one of ``markers``, in path order."""
    found = {}
    for file in sorted(project.files):
        data = project.data(file)
        if data is not None and any(marker in data for marker in markers):
            found[file] = data
    return found
