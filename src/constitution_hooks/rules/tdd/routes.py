"""Route evidence and CON210: which tests call which routes through an HTTP client.

Routes and their full paths come from ``core.routes`` (FastAPI apps and routers,
Flask apps and blueprints, Starlette route lists; prefixes followed across
modules), read from the same tree the rules judge (the index), never the disk.
A test calls a route when a test client's ``get``/``post``/... receives a URL that
matches its full path, or Flask's ``url_for`` names it: ``{param}`` matches one
segment, and an f-string URL whose head is not a literal
(``f"{settings.API_V1_STR}/users/me"``) matches on its literal tail.
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import NamedTuple

from constitution_hooks.core.route_paths import RoutePath, match_path
from constitution_hooks.core.routes import WEB, WEB_MARKERS, Route, RouteIndex
from constitution_hooks.core.source import SourceFile
from constitution_hooks.core.symbols import Project
from constitution_hooks.core.violation import Finding, Violation
from constitution_hooks.rules.tdd.evidence import Snapshot
from constitution_hooks.rules.tdd.settings import UNTESTED_ROUTE
from constitution_hooks.rules.tdd.summary import ClientCall

# Reason: a virtual root keeps the route index on the tree's bytes, off the disk.
_ROOT = "/constitution-tree"


class Endpoint(NamedTuple):
    """One route of the tree, where it is defined and the paths it is served at.

    Example:
        >>> Endpoint("app/items.py", 7, 1, ("GET",), "read", ()).module
        'app/items.py'
    """

    module: str
    line: int
    column: int
    methods: tuple[str, ...]
    name: str
    paths: tuple[RoutePath, ...]


class Routes:
    """The endpoints of a snapshot and the tests that call each of them.

    Example:
        >>> Routes.__name__
        'Routes'
    """

    def __init__(self, snap: Snapshot) -> None:
        """Index nothing yet; the routes are found on first use."""
        self.snap = snap

    @cached_property
    def endpoints(self) -> tuple[Endpoint, ...]:
        """Every route of the tree's source modules (reused while nothing it read
        changed: the same module paths, route files and files it resolved into)."""
        snap = self.snap
        modules = list(snap.index.values())
        marked = {path for path in modules if _marked(snap, path)}
        if not marked:
            return ()
        last = snap.memo.routes
        if (
            last is not None
            and last[0] == snap.version
            and last[1] == marked
            and all(snap.files.get(path) == blob for path, blob in last[2])
        ):
            found: tuple[Endpoint, ...] = last[3]
            return found
        project = _Reading([_disk(path) for path in modules])
        for path in modules:
            data = snap.facts(path).data
            # Reason: only files naming a marker are read by the index; the others
            # are added unread, so the disk is never consulted.
            project.add(SourceFile.from_bytes(_disk(path), data))
        index = RouteIndex(project, WEB)
        found = tuple(_endpoint(route, index) for route in index.routes())
        read = {os.path.relpath(file, _ROOT) for file in project.read} | marked
        blobs = frozenset((path, snap.files.get(path)) for path in read)
        snap.memo.routes = (snap.version, marked, blobs, found)
        return found

    @cached_property
    def callers(self) -> dict[Endpoint, list[str]]:
        """Endpoint -> the tests (and test helpers) whose client calls reach it."""
        found: dict[Endpoint, list[str]] = {}
        if not self.endpoints:
            return found
        calls = [(t, self.snap.facts(t).client_calls) for t in self.snap.evidence_files]
        for endpoint in self.endpoints:
            found[endpoint] = [
                test for test, made in calls if any(_calls(c, endpoint) for c in made)
            ]
        return found

    def reached(self) -> dict[str, list[str]]:
        """Module path -> the tests that call one of its routes."""
        by_module: dict[str, list[str]] = {}
        for endpoint, tests in self.callers.items():
            kept = by_module.setdefault(endpoint.module, [])
            kept.extend(t for t in tests if t not in kept)
        return {module: tests for module, tests in by_module.items() if tests}


class _Reading(Project):
    """A project that records the files whose tree route discovery reads."""

    def __init__(self, files: list[str]) -> None:
        """A project of ``files``, nothing read yet."""
        super().__init__(files)
        self.read: set[str] = set()

    def tree(self, file: str) -> ast.Module | None:
        """The parsed module of ``file``, recorded as read."""
        self.read.add(os.path.abspath(file))
        return super().tree(file)


def _marked(snap: Snapshot, path: str) -> bool:
    """Whether ``path`` names a route marker (kept per blob)."""
    blob = snap.files[path]
    found: bool | None = snap.memo.marked.get(blob)
    if found is None:
        data = snap.facts(path).data
        found = any(m in data for m in WEB_MARKERS) and _route_code(data)
        snap.memo.marked[blob] = found
    return found


# Reason: docstrings and comments (a framework documents its own routes) say
# nothing of the code.
_DOCSTRINGS = re.compile(rb'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|#[^\n]*')
_ROUTE_CODE = re.compile(
    rb"(?<!class )\b(?:FastAPI|APIRouter|Flask|Blueprint|Starlette|Route|Mount"
    rb"|WebSocketRoute)\s*\("
    rb"|\.(?:include_router|mount|host|register_blueprint|add_api_route"
    rb"|add_api_websocket_route|add_route)\s*\("
    rb"|^[ \t]*@[\w. \t]+\.(?:get|post|put|patch|delete|options|head|api_route"
    rb"|websocket|route)\s*\(",
    re.M,
)


def _route_code(data: bytes) -> bool:
    """Whether code (not a docstring or a class statement) may make or add a route.

    Example:
        >>> _route_code(b"class Flask(App): ...\\n")
        False
        >>> _route_code(b"@api.v1.get('/x')\\ndef f(): ...\\n")
        True
        >>> _route_code(b"@click.option('--host')\\ndef f(): ...\\n")
        False
    """
    return _ROUTE_CODE.search(_DOCSTRINGS.sub(b"", data)) is not None


def routes_of(snap: Snapshot) -> Routes:
    """The routes of ``snap``, found once per snapshot state.

    Example:
        >>> from constitution_hooks.core.config import Settings
        >>> from constitution_hooks.rules.tdd.settings import SECTION, TddSettings
        >>> defaults = Settings({o.key: o.default for o in SECTION.all_options()})
        >>> files = {"app/__init__.py": "", "app/main.py": (
        ...     "from fastapi import FastAPI\\napp = FastAPI()\\n"
        ...     "@app.get('/items/{n}')\\ndef item(n: int):\\n    return n\\n"),
        ...     "tests/test_items.py": (
        ...     "def test_item_known_returns_200(client):\\n"
        ...     "    assert client.get('/items/3')\\n")}
        >>> cfg = TddSettings.from_settings(defaults, ())
        >>> snap = Snapshot({p: p for p in files}, lambda p: files[p].encode(), cfg)
        >>> routes = routes_of(snap)
        >>> [path.text for endpoint in routes.endpoints for path in endpoint.paths]
        ['/items/{n}']
        >>> routes.reached(), routes_of(snap) is routes
        ({'app/main.py': ['tests/test_items.py']}, True)
    """
    found = snap.__dict__.get("_routes")
    if found is None:
        found = snap.__dict__["_routes"] = Routes(snap)
    return found


def _disk(path: str) -> str:
    return f"{_ROOT}/{path}"


def _endpoint(route: Route, index: RouteIndex) -> Endpoint:
    module = os.path.relpath(route.file, _ROOT)
    column = route.function.col_offset + 1
    return Endpoint(
        module,
        route.line,
        column,
        route.methods,
        route.function.name,
        index.full_paths(route),
    )


def _calls(call: ClientCall, endpoint: Endpoint) -> bool:
    if call.route_name:
        # Reason: Flask names an endpoint "blueprint.function" (".function" inside).
        return call.route_name.rpartition(".")[2] == endpoint.name
    # Reason: a HEAD request is served by a GET route too.
    methods = {*endpoint.methods, *(("HEAD",) if "GET" in endpoint.methods else ())}
    if call.method and endpoint.methods and call.method not in methods:
        return False
    return any(match_path(call.url, path, call.head_known) for path in endpoint.paths)


def check_routes(modules: Iterable[str], snap: Snapshot) -> Iterator[Violation]:
    """Report routes of ``modules`` that no test calls through a client (CON210).

    Example:
        >>> list(check_routes([], None))  # type: ignore[arg-type]
        []
    """
    wanted = {module for module in modules if snap.exemption(module) is None}
    if not wanted:
        return
    for endpoint, tests in routes_of(snap).callers.items():
        if endpoint.module in wanted and not tests:
            yield _untested(endpoint)


def _untested(endpoint: Endpoint) -> Violation:
    shown = [p.text or f"...{p.tail}" for p in endpoint.paths] or ["?"]
    message = (
        f"route {'/'.join(endpoint.methods)} {shown[0]} ({endpoint.name}) is called"
        " by no test through an HTTP test client; add a test that calls it with"
        " TestClient (client.get(...), ...)"
    )
    where = Finding(endpoint.line, endpoint.column, message)
    return UNTESTED_ROUTE.at(endpoint.module, where)
