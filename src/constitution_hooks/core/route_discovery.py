"""Find a module's FastAPI and Flask routers, routes and include calls, statically.

A ``Dialect`` says what is looked for: ``FASTAPI`` (the default, what the FastAPI
rules judge) or ``WEB``, which adds Flask: ``Flask(...)`` is an app,
``Blueprint(..., url_prefix=...)`` a router, ``@x.route(path, methods=[...])`` (and
Flask 2's ``@x.get(...)``) a route, and ``x.register_blueprint(bp, url_prefix=...)``
an include whose ``url_prefix`` replaces the blueprint's own, as Flask does.

The records (``Router``, ``Route``, ``Include``, ``ModuleRoutes``) and the walk over
one parsed module; ``core.routes`` builds the project-wide index on top and is the
module to import.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple, Union

from constitution_hooks.core.symbols import (
    External,
    Project,
    Scope,
    Symbol,
    string_value,
)

# Reason: a run-time alias, and X | Y of ast classes needs 3.10 at run time anyway.
FunctionNode = Union[ast.FunctionDef, ast.AsyncFunctionDef]  # noqa: UP007
HTTP_METHODS = ("get", "post", "put", "patch", "delete", "options", "head")
ROUTE_DECORATORS = (*HTTP_METHODS, "api_route", "websocket")
ROUTER_CLASSES = {"FastAPI": "app", "APIRouter": "router"}
_ADDERS = ("add_api_route", "add_api_websocket_route", "add_route")
_INCLUDES = ("include_router", "mount", "host", *_ADDERS)
_FUNCTION_NODES = (ast.FunctionDef, ast.AsyncFunctionDef)
_BLOCKS = ("body", "orelse", "finalbody", "handlers", "cases")


class Dialect(NamedTuple):
    """The constructors, decorators and include calls route discovery looks for.

    Example:
        >>> "route" in FASTAPI.decorators, "route" in WEB.decorators
        (False, True)
    """

    classes: Mapping[str, str]
    decorators: tuple[str, ...]
    includes: tuple[str, ...]


FASTAPI = Dialect(ROUTER_CLASSES, ROUTE_DECORATORS, _INCLUDES)
WEB = Dialect(
    {**ROUTER_CLASSES, "Flask": "app", "Blueprint": "router"},
    (*ROUTE_DECORATORS, "route"),
    (*_INCLUDES, "register_blueprint"),
)


class Router(NamedTuple):
    """A ``FastAPI(...)`` or ``APIRouter(...)`` object bound to a name.

    Attributes:
        file: The module that creates it.
        scope: ``""`` at module level, else the function that binds it locally.
        name: The variable it is bound to.
        kind: ``"app"`` for ``FastAPI``, ``"router"`` for ``APIRouter``.
        call: The constructor call.
        prefix: Its ``prefix=`` (``""`` when absent), None when not resolvable.

    Example:
        >>> call = ast.parse("APIRouter()").body[0].value
        >>> Router("a.py", "", "router", "router", call, "").key
        ('a.py', '', 'router')
    """

    file: str
    scope: str
    name: str
    kind: str
    call: ast.Call
    prefix: str | None

    @property
    def key(self) -> tuple[str, str, str]:
        """Identifies the router: file, scope and name."""
        return (self.file, self.scope, self.name)


class Route(NamedTuple):
    """One decorated function serving a path.

    Attributes:
        file: The module that defines the function.
        function: The function definition.
        decorator: The route decorator call, such as ``router.get("/x")``.
        methods: Upper-case HTTP methods; ``("WEBSOCKET",)`` for a websocket.
        path: The decorator's path, None when not resolvable.
        router: The router or app the decorator belongs to.
    """

    file: str
    function: FunctionNode
    decorator: ast.Call
    methods: tuple[str, ...]
    path: str | None
    router: Router

    @property
    def line(self) -> int:
        """The ``def`` line, 1-based."""
        return self.function.lineno


class Include(NamedTuple):
    """``parent.include_router(child, prefix=...)`` or ``parent.mount(path, child)``.

    ``parent.host(name, child)`` is a mount at ``""``. ``parent.add_api_route(path,
    endpoint)`` (and ``add_api_websocket_route``, ``add_route``, and
    ``parent.get(path)(endpoint)``) is kept as an include of an unknown child at
    ``path``: its endpoint is not a decorated function, yet something is served there.

    Attributes:
        file: The module holding the call.
        call: The call.
        parent: The including router or app.
        child: The included router or app, None when not resolvable.
        prefix: The include prefix or mount path (``""`` when absent), None
            when not resolvable.
        kind: ``"include"``, ``"mount"``, ``"host"`` or ``"route"`` (an
            ``add_api_route`` call or the like).
    """

    file: str
    call: ast.Call
    parent: Router
    child: Router | None
    prefix: str | None
    kind: str = "include"


class ModuleRoutes(NamedTuple):
    """What one module defines: routers, routes and include calls."""

    routers: tuple[Router, ...]
    routes: tuple[Route, ...]
    includes: tuple[Include, ...]


def module_routes(
    project: Project, file: str, dialect: Dialect = FASTAPI
) -> ModuleRoutes:
    """Find the routers, routes and includes of one module.

    Args:
        project: The run's project, used to resolve names across modules.
        file: The module, as the project lists it.
        dialect: What is looked for (FastAPI by default).

    Returns:
        Everything found, in source order; empty when the file does not parse.

    Example:
        >>> import tempfile; from pathlib import Path
        >>> f = Path(tempfile.mkdtemp()) / "app.py"
        >>> _ = f.write_text(
        ...     "from fastapi import APIRouter\\n"
        ...     "router = APIRouter(prefix='/items')\\n"
        ...     "@router.get('/{id}')\\n"
        ...     "async def read(id: int) -> None: ...\\n")
        >>> route = module_routes(Project([str(f)]), str(f)).routes[0]
        >>> route.methods, route.router.prefix, route.path
        (('GET',), '/items', '/{id}')
    """
    tree = project.tree(file)
    if tree is None:
        return ModuleRoutes((), (), ())
    finder = _Finder(project, os.path.abspath(file), dialect)
    finder.walk(tree.body, [])
    return ModuleRoutes(
        tuple(finder.routers), tuple(finder.routes), tuple(finder.includes)
    )


def router_of(
    project: Project,
    file: str,
    node: ast.expr,
    scopes: Sequence[Scope] = (),
    classes: Mapping[str, str] = ROUTER_CLASSES,
) -> Router | None:
    """The router or app an expression refers to, or None.

    Example:
        >>> import tempfile; from pathlib import Path
        >>> f = Path(tempfile.mkdtemp()) / "main.py"
        >>> _ = f.write_text("import fastapi\\napp = fastapi.FastAPI()\\n")
        >>> router_of(Project([str(f)]), str(f), ast.Name("app")).kind
        'app'
    """
    target = project.resolve(file, node, scopes)
    if not isinstance(target, Symbol) or not isinstance(target.node, ast.Call):
        return None
    kind = router_kind(project, target.file, target.node.func, classes)
    if kind is None:
        return None
    prefix = _keyword(target.node, "prefix") or _keyword(target.node, "url_prefix")
    text = "" if prefix is None else string_value(project, target.file, prefix)
    return Router(target.file, target.scope, target.name, kind, target.node, text)


def router_kind(
    project: Project,
    file: str,
    func: ast.expr,
    classes: Mapping[str, str] = ROUTER_CLASSES,
) -> str | None:
    """``"app"``, ``"router"`` or None for the callee of a constructor call.

    A callee named ``FastAPI`` or ``APIRouter`` counts (whatever module it
    comes from), and so does a project class derived from one of them. Only a
    CapWords callee is looked up (a class, by PEP 8): resolving every function
    call of a module would parse much of the project.

    Example:
        >>> callee = ast.parse("fastapi.APIRouter").body[0].value
        >>> router_kind(Project([]), "m.py", callee)
        'router'
    """
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name in classes:
        return classes[name]
    if not name[:1].isupper():
        return None
    target = project.resolve(file, func)
    for _ in range(8):
        if not isinstance(target, Symbol) or not isinstance(target.node, ast.ClassDef):
            return None
        base = _base_kind(project, target, classes)
        if isinstance(base, str):
            return base
        target = base
    return None


def _base_kind(
    project: Project, cls: Symbol, classes: Mapping[str, str]
) -> str | Symbol | None:
    node = cls.node
    bases = node.bases if isinstance(node, ast.ClassDef) else []
    for base in bases:
        target = project.resolve(cls.file, base)
        if isinstance(target, External) and target.name in classes:
            return classes[target.name]
        if isinstance(target, Symbol) and isinstance(target.node, ast.ClassDef):
            return target
    return None


class _Finder:
    """Walk one module once, keeping the chain of function scopes."""

    def __init__(self, project: Project, file: str, dialect: Dialect) -> None:
        self.project = project
        self.file = file
        self.dialect = dialect
        self.routers: list[Router] = []
        self.routes: list[Route] = []
        self.includes: list[Include] = []
        self.seen: set[tuple[str, str, str]] = set()

    def walk(self, body: Sequence[ast.AST], scopes: list[Scope]) -> None:
        for node in body:
            if isinstance(node, _FUNCTION_NODES):
                self._function(node, scopes)
            elif isinstance(node, ast.ClassDef):
                self.walk(node.body, scopes)
            else:
                self._expression(node, scopes)
                for field, value in ast.iter_fields(node):
                    if field not in _BLOCKS:
                        for child in _expressions(value):
                            self._expression(child, scopes)
                for block in _BLOCKS:
                    self.walk(getattr(node, block, ()), scopes)

    def _function(self, node: FunctionNode, scopes: list[Scope]) -> None:
        for decorator in node.decorator_list:
            route = self._route(node, decorator, scopes)
            if route is not None:
                self.routes.append(route)
        outer = scopes[0].qualname + "." if scopes else ""
        inner = [Scope.of(node.body, outer + node.name), *scopes]
        self.walk(node.body, inner)

    def _route(
        self, node: FunctionNode, decorator: ast.expr, scopes: list[Scope]
    ) -> Route | None:
        if not isinstance(decorator, ast.Call):
            return None
        func = decorator.func
        if not isinstance(func, ast.Attribute) or func.attr not in self.decorators:
            return None
        router = self.router(func.value, scopes)
        if router is None:
            return None
        self._remember(router)
        path = _argument(decorator, 0, "path")
        text = (
            None
            if path is None
            else string_value(self.project, self.file, path, scopes)
        )
        methods = _methods(func.attr, decorator)
        return Route(self.file, node, decorator, methods, text, router)

    def _expression(self, node: ast.AST, scopes: list[Scope]) -> None:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    router = self.router(target, scopes)
                    if router is not None and router.call is node.value:
                        self._remember(router)
        if not isinstance(node, ast.Call):
            return
        func = node.func
        if isinstance(func, ast.Call) and isinstance(func.func, ast.Attribute):
            # Reason: ``router.get("/x")(endpoint)`` adds a route without a def.
            if func.func.attr in self.decorators:
                self._add(_include_of(self, func, func.func, scopes, adds=True))
        elif isinstance(func, ast.Attribute) and func.attr in self.dialect.includes:
            self._add(_include_of(self, node, func, scopes, func.attr in _ADDERS))

    @property
    def decorators(self) -> tuple[str, ...]:
        return self.dialect.decorators

    def router(self, node: ast.expr, scopes: Sequence[Scope]) -> Router | None:
        classes = self.dialect.classes
        return router_of(self.project, self.file, node, scopes, classes)

    def _add(self, include: Include | None) -> None:
        if include is not None:
            self.includes.append(include)

    def _remember(self, router: Router) -> None:
        if router.file == self.file and router.key not in self.seen:
            self.seen.add(router.key)
            self.routers.append(router)


def _include_of(
    finder: _Finder,
    call: ast.Call,
    func: ast.Attribute,
    scopes: list[Scope],
    adds: bool,
) -> Include | None:
    parent = finder.router(func.value, scopes)
    if parent is None:
        return None
    mounts = func.attr in ("mount", "host")
    blueprint = func.attr == "register_blueprint"
    if adds or mounts:
        prefix_node = _argument(call, 0, "path")
    else:
        prefix_node = _keyword(call, "url_prefix" if blueprint else "prefix")
    child_node = _argument(call, 1, "app") if mounts else _argument(call, 0, "router")
    child = None
    if child_node is not None and not adds:
        child = finder.router(child_node, scopes)
    if mounts and child is None:
        return None
    if func.attr == "host":
        # Reason: a host route keeps the path; the host name is not part of it.
        prefix_node = ast.Constant("")
    prefix = (
        ""
        if prefix_node is None
        else string_value(finder.project, finder.file, prefix_node, scopes)
    )
    kind = "route" if adds else func.attr if mounts else "include"
    if blueprint and prefix_node is not None:
        kind = "blueprint"  # Reason: Flask's url_prefix replaces the blueprint's.
    return Include(finder.file, call, parent, child, prefix, kind)


def _expressions(value: object) -> Iterator[ast.AST]:
    """Every node below a statement's non-block field (expressions only)."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, ast.AST):
            yield from ast.walk(item)


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    return None


def _argument(call: ast.Call, position: int, name: str) -> ast.expr | None:
    if len(call.args) > position and not isinstance(call.args[position], ast.Starred):
        return call.args[position]
    return _keyword(call, name)


def _methods(attr: str, decorator: ast.Call) -> tuple[str, ...]:
    if attr == "websocket":
        return ("WEBSOCKET",)
    if attr not in ("api_route", "route"):
        return (attr.upper(),)
    listed = _keyword(decorator, "methods")
    if listed is None:
        return ("GET",)
    if isinstance(listed, (ast.List, ast.Tuple, ast.Set)):
        names = [e.value for e in listed.elts if isinstance(e, ast.Constant)]
        if len(names) == len(listed.elts) and all(isinstance(n, str) for n in names):
            return tuple(str(n).upper() for n in names)
    return ()
