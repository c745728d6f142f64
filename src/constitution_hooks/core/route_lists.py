"""Starlette routes declared as lists: ``Route(path, endpoint)``, ``Mount(...)``.

An app (``Starlette(routes=[...])`` or ``Router(routes=[...])``) is followed down
its list (or a list bound to a name in the same module), through every
``Mount(path, routes=...)``, so each ``Route``/``WebSocketRoute`` gets its full path.
A route found in no app's list keeps the ``Mount`` paths around it and an unknown
head (matched on its tail).
The route's module is the one that defines its endpoint function.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator

from constitution_hooks.core.route_discovery import Route, Router
from constitution_hooks.core.symbols import Project, Symbol, string_value

APP_CLASSES = ("Starlette", "Router")
ROUTE_CLASSES = ("Route", "WebSocketRoute")
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
# Reason: a list that names itself through mounts is a cycle, not a deep app.
_MAX_DEPTH = 8


def list_routes(project: Project, files: Iterable[str]) -> list[Route]:
    """Every ``Route``/``WebSocketRoute`` of ``files``, with its full path if known.

    Example:
        >>> list_routes(Project([]), [])
        []
    """
    found: list[Route] = []
    done: set[int] = set()
    calls = [(file, call) for file in files for call in _calls(project, file)]
    for file, call in calls:
        if _callee(call) in APP_CLASSES:
            router = Router(file, "", "app", "app", call, "")
            routes = _argument(call, 0, "routes")
            found += _walk(project, file, routes, "", router, done, 0)
    for file, call in calls:
        if _callee(call) in ROUTE_CLASSES and id(call) not in done:
            router = Router(file, "", "routes", "router", call, "")
            route = _route(project, file, call, _mounts(project, file, call), router)
            found += [route] if route is not None else []
    return found


def _calls(project: Project, file: str) -> Iterator[ast.Call]:
    data = project.data(file) or b""
    tree = project.tree(file) if b"starlette" in data else None
    if tree is not None:
        yield from (node for node in ast.walk(tree) if isinstance(node, ast.Call))


def _callee(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _argument(call: ast.Call, position: int, name: str) -> ast.expr | None:
    if len(call.args) > position and not isinstance(call.args[position], ast.Starred):
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg == name), None)


def _walk(
    project: Project,
    file: str,
    routes: ast.expr | None,
    prefix: str | None,
    router: Router,
    done: set[int],
    depth: int,
) -> list[Route]:
    """The routes of a routes list below ``prefix`` (None: not known)."""
    if isinstance(routes, ast.Name) and depth < _MAX_DEPTH:
        # Reason: a list bound at module level in the same module; a list imported
        # from elsewhere is found there, as routes of no app (matched on tail).
        scope = project.scope(file)
        bound = scope.names.get(routes.id, []) if scope is not None else []
        if len(bound) == 1 and isinstance(bound[0], ast.expr):
            return _walk(project, file, bound[0], prefix, router, done, depth + 1)
    if not isinstance(routes, (ast.List, ast.Tuple)) or depth >= _MAX_DEPTH:
        return []
    found: list[Route] = []
    for item in routes.elts:
        if not isinstance(item, ast.Call):
            continue
        name = _callee(item)
        if name in ROUTE_CLASSES:
            done.add(id(item))
            route = _route(project, file, item, prefix, router)
            found += [route] if route is not None else []
        elif name == "Mount":
            inner = _join(prefix, _path(project, file, item))
            below = _argument(item, 2, "routes")
            found += _walk(project, file, below, inner, router, done, depth + 1)
    return found


def _path(project: Project, file: str, call: ast.Call) -> str | None:
    node = _argument(call, 0, "path")
    return None if node is None else string_value(project, file, node)


def _join(prefix: str | None, path: str | None) -> str | None:
    return None if prefix is None or path is None else prefix + path


def _mounts(project: Project, file: str, call: ast.Call) -> str | None:
    """The paths of the ``Mount`` calls around ``call`` in its module, joined."""
    tree = project.tree(file)
    nodes = ast.walk(tree) if tree is not None else iter(())
    parents = {id(c): node for node in nodes for c in ast.iter_child_nodes(node)}
    prefix: str | None = ""
    node: ast.AST | None = parents.get(id(call))
    while node is not None:
        if isinstance(node, ast.Call) and _callee(node) == "Mount":
            prefix = _join(_path(project, file, node), prefix)
        node = parents.get(id(node))
    return prefix


def _route(
    project: Project, file: str, call: ast.Call, prefix: str | None, router: Router
) -> Route | None:
    """The route of one ``Route(...)`` call whose endpoint is a project function."""
    endpoint = _argument(call, 1, "endpoint")
    target = None if endpoint is None else project.resolve(file, endpoint)
    if not isinstance(target, Symbol) or not isinstance(target.node, _FUNCTIONS):
        return None
    path = _join(prefix, _path(project, file, call))
    return Route(target.file, target.node, call, _methods(call), path, router)


def _methods(call: ast.Call) -> tuple[str, ...]:
    if _callee(call) == "WebSocketRoute":
        return ("WEBSOCKET",)
    listed = next((k.value for k in call.keywords if k.arg == "methods"), None)
    if isinstance(listed, (ast.List, ast.Tuple, ast.Set)):
        names = [e.value for e in listed.elts if isinstance(e, ast.Constant)]
        if len(names) == len(listed.elts) and all(isinstance(n, str) for n in names):
            return tuple(str(n).upper() for n in names)
    return ("GET",) if listed is None else ()
