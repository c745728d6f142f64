"""What the FastAPI rules know of a file: its routes, their bodies and responses.

Facts are built once per file and shared by the eight rules; the route index and
the model resolution are built once per project (the runner attaches the run's
project to each file, every Python file of the repository, so a run on a few
staged files judges them as ``--all-files`` does).
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Iterator
from typing import NamedTuple
from weakref import WeakKeyDictionary

from constitution_hooks.core.config import Settings
from constitution_hooks.core.routes import Route, RouteIndex, RoutePath, Router
from constitution_hooks.core.source import SourceFile
from constitution_hooks.core.symbols import Project
from constitution_hooks.rules.fastapi import FastapiSettings
from constitution_hooks.rules.fastapi.types import (
    MODEL,
    RESPONSE,
    Types,
    annotated,
    model_classes,
)

_NOT_BODY = {"Depends", "Security", "Query", "Path", "Header", "Cookie", "Form", "File"}
_PATH_PARAM = re.compile(r"\{([^{}:]+)(?::[^{}]*)?\}")
_NO_CONTENT = {204, 304}
_JSON_CLASSES = ("JSONResponse", "ORJSONResponse", "UJSONResponse")


class Param(NamedTuple):
    """A route parameter that may carry input: its node, default and annotation."""

    arg: ast.arg
    default: ast.expr | None


class Response(NamedTuple):
    """What a route declares it returns.

    Attributes:
        node: The ``response_model=`` value, else the return annotation (or None).
        declared: ``response_model=`` was given.
        excused: Returns no JSON body: status 204/304 or a non-JSON response class.
    """

    node: ast.expr | None
    declared: bool
    excused: bool


class Analysis:
    """The FastAPI facts of one project, built once and shared by every file.

    Example:
        >>> from constitution_hooks.rules.fastapi import default_settings
        >>> Analysis(Project([]), default_settings()).routes()
        []
    """

    def __init__(self, project: Project, settings: Settings) -> None:
        """Index ``project`` with the model bases of ``settings``."""
        self.project = project
        self.index = RouteIndex(project)
        self.types = Types(project, settings.record(FastapiSettings).model_bases)
        self._responses: dict[str, list[Route]] = {}

    def routes(self) -> list[Route]:
        """Every route of the project outside test modules."""
        return [r for r in self.index.routes() if not is_test_module(r.file)]

    def full_paths(self, route: Route) -> list[RoutePath]:
        """The route's full paths, except through apps that tests create."""
        return [
            path
            for path in self.index.full_paths(route)
            if path.root is None or not is_test_module(path.root.file)
        ]

    def response_routes(self, name: str) -> list[Route]:
        """The routes (outside tests) whose response model is the class ``name``.

        ``name`` is ``file:Class``; only modules whose text names the class are read.
        """
        if name not in self._responses:
            word = name.rpartition(":")[2].encode()
            found = []
            for file in self.index.naming(word):
                for route in self.index.module(file).routes:
                    if is_test_module(route.file):
                        continue
                    default = self.default_response_class(route.router)
                    node = response_of(route, default).node
                    if name in model_classes(self.types, route.file, node):
                        found.append(route)
            self._responses[name] = found
        return self._responses[name]

    def own_routes(self, app: Router) -> list[Route]:
        """The routes ``app`` serves itself: not those of apps mounted in it."""
        return [r for r in self.routes() if app.key in self._apps_above(r.router)]

    def _apps_above(self, router: Router) -> set[tuple[str, str, str]]:
        found: set[tuple[str, str, str]] = set()
        todo, seen = [router], {router.key}
        while todo:
            current = todo.pop()
            if current.kind == "app":
                found.add(current.key)
                continue
            for include in self.index.parents(current):
                if include.parent.key not in seen:
                    seen.add(include.parent.key)
                    todo.append(include.parent)
        return found

    def default_response_class(self, router: Router) -> ast.expr | None:
        """The nearest ``default_response_class=`` above a router, if any."""
        todo, seen = [router], {router.key}
        while todo:
            current = todo.pop(0)
            found = _keyword(current.call, "default_response_class")
            if found is not None:
                return found
            for include in self.index.parents(current):
                found = _keyword(include.call, "default_response_class")
                if found is not None:
                    return found
                if include.parent.key not in seen:
                    seen.add(include.parent.key)
                    todo.append(include.parent)
        return None

    def app_paths(self, app: Router) -> Iterator[tuple[Route | None, RoutePath]]:
        """Every (route, full path) ``app`` serves on its own host.

        The route is None for what an include the tool cannot resolve serves."""
        for route in self.routes():
            parts: tuple[str | None, ...] = (route.router.prefix, route.path)
            for path in self.index.chains(route.router, parts, hosts=False):
                if path.root is not None and path.root.key == app.key:
                    yield route, path
        own = self.index.module(app.file).includes
        unique = {id(i): i for i in (*self.index.includes(), *own)}
        for include in unique.values():
            if include.child is None:
                parts = (include.parent.prefix, include.prefix, None)
                for path in self.index.chains(include.parent, parts, hosts=False):
                    if path.root is not None and path.root.key == app.key:
                        yield None, path


_ANALYSES: WeakKeyDictionary[Project, dict[tuple[str, ...], Analysis]]
_ANALYSES = WeakKeyDictionary()


def analysis_for(source: SourceFile, settings: Settings) -> Analysis:
    """The project analysis of the run ``source`` belongs to.

    Outside a run (no project attached), the file is a project of its own.

    Example:
        >>> import tempfile; from pathlib import Path
        >>> f = Path(tempfile.mkdtemp()) / "m.py"; _ = f.write_text("x = 1\\n")
        >>> from constitution_hooks.rules.fastapi import default_settings
        >>> cfg = default_settings()
        >>> analysis_for(SourceFile(f), cfg).index.routes()
        []
    """
    project = source.project
    if project is None:
        project = source.project = Project([])
    project.add(source)
    bases = settings.record(FastapiSettings).model_bases
    found = _ANALYSES.setdefault(project, {})
    if bases not in found:
        found[bases] = Analysis(project, settings)
    return found[bases]


def imports_fastapi(source: SourceFile) -> bool:
    """Whether the module imports ``fastapi`` (anywhere in it).

    Example:
        >>> import tempfile; from pathlib import Path
        >>> f = Path(tempfile.mkdtemp()) / "m.py"
        >>> _ = f.write_text("from fastapi import APIRouter\\n")
        >>> imports_fastapi(SourceFile(f))
        True
    """
    if b"fastapi" not in source.data:
        return False
    for node in ast.walk(source.tree):
        if isinstance(node, ast.Import) and any(
            a.name.partition(".")[0] == "fastapi" for a in node.names
        ):
            return True
        if (
            isinstance(node, ast.ImportFrom)
            and not node.level
            and (node.module or "").partition(".")[0] == "fastapi"
        ):
            return True
    return False


def is_test_module(file: str) -> bool:
    """Whether a file is a test module (its apps and routes are test fixtures).

    Example:
        >>> is_test_module("tests/api/test_items.py"), is_test_module("app/main.py")
        (True, False)
    """
    folder, name = os.path.split(file)
    if name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py":
        return True
    parts = folder.replace(os.sep, "/").split("/")
    return any(part in ("tests", "test") for part in parts)


def file_routes(source: SourceFile, analysis: Analysis) -> tuple[Route, ...]:
    """The routes the module defines.

    Example:
        >>> from constitution_hooks.rules.fastapi import default_settings
        >>> cfg = default_settings()
        >>> code = (b"from fastapi import APIRouter\\nr = APIRouter()\\n"
        ...     b"@r.get('/a')\\nasync def a(): ...\\n"
        ...     b"@r.post('/b')\\nasync def b(): ...\\n")
        >>> src = SourceFile.from_bytes("m.py", code)
        >>> routes = file_routes(src, analysis_for(src, cfg))
        >>> [(route.function.name, route.methods) for route in routes]
        [('a', ('GET',)), ('b', ('POST',))]
    """
    return analysis.index.module(str(source.path)).routes


def params_of(route: Route) -> Iterator[Param]:
    """The parameters that may carry request input (path parameters excluded).

    Example:
        >>> from constitution_hooks.rules.fastapi import default_settings
        >>> cfg = default_settings()
        >>> code = (b"from fastapi import APIRouter, Depends\\nr = APIRouter()\\n"
        ...     b"@r.post('/{item_id}')\\n"
        ...     b"async def f(item_id: int, body: dict, db=Depends(g)): ...\\n")
        >>> src = SourceFile.from_bytes("m.py", code)
        >>> analysis = analysis_for(src, cfg)
        >>> route = file_routes(src, analysis)[0]
        >>> [param.arg.arg for param in params_of(route)]
        ['body', 'db']
    """
    args = route.function.args
    positional = [*args.posonlyargs, *args.args]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults))
    defaults += list(args.defaults)
    pairs = [
        *zip(positional, defaults, strict=True),
        *zip(args.kwonlyargs, args.kw_defaults, strict=True),
    ]
    in_path = set(_PATH_PARAM.findall(route.path or ""))
    for index, (arg, default) in enumerate(pairs):
        if index == 0 and arg.arg in ("self", "cls"):
            continue
        if arg.arg not in in_path:
            yield Param(arg, default)


def marker(node: ast.expr | None) -> str:
    """The callee name of a parameter default such as ``Depends(get_db)``.

    Example:
        >>> marker(ast.parse("Depends(get_db)", mode="eval").body)
        'Depends'
        >>> marker(ast.parse("fastapi.Query(None)", mode="eval").body), marker(None)
        ('Query', '')
    """
    if not isinstance(node, ast.Call):
        return ""
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def is_body(param: Param, analysis: Analysis, file: str) -> bool:
    """Whether FastAPI may read the parameter from the body (or cannot tell).

    Example:
        >>> from constitution_hooks.rules.fastapi import default_settings
        >>> cfg = default_settings()
        >>> code = (b"from fastapi import APIRouter, Depends\\nr = APIRouter()\\n"
        ...     b"@r.post('/{item_id}')\\n"
        ...     b"async def f(item_id: int, body: dict, db=Depends(g)): ...\\n")
        >>> src = SourceFile.from_bytes("m.py", code)
        >>> analysis = analysis_for(src, cfg)
        >>> route = file_routes(src, analysis)[0]
        >>> [is_body(p, analysis, route.file) for p in params_of(route)]
        [True, False]
    """
    if marker(param.default) in _NOT_BODY:
        return False
    metadata = annotated(analysis.types, file, param.arg.annotation)
    return not any(marker(item) in _NOT_BODY for item in metadata)


def response_of(route: Route, default: ast.expr | None = None) -> Response:
    """What the route declares it returns.

    ``default`` is the ``default_response_class=`` of its router or app, if any.

    Example:
        >>> from constitution_hooks.rules.fastapi import default_settings
        >>> cfg = default_settings()
        >>> code = (b"from fastapi import APIRouter\\nr = APIRouter()\\n"
        ...     b"@r.get('/a', response_model=Item)\\nasync def a(): ...\\n"
        ...     b"@r.delete('/b', status_code=204)\\nasync def b(): ...\\n")
        >>> src = SourceFile.from_bytes("m.py", code)
        >>> a, b = [response_of(r) for r in file_routes(src, analysis_for(src, cfg))]
        >>> ast.unparse(a.node), a.declared, a.excused
        ('Item', True, False)
        >>> b.node, b.declared, b.excused
        (None, False, True)
    """
    call = route.decorator
    keywords = {k.arg: k.value for k in call.keywords if k.arg}
    excused = _status(keywords.get("status_code")) in _NO_CONTENT
    response_class = keywords.get("response_class", default)
    if response_class is not None:
        name = getattr(response_class, "attr", getattr(response_class, "id", ""))
        excused = excused or name not in _JSON_CLASSES
    model = keywords.get("response_model")
    if model is not None and not _is_none(model):
        return Response(model, True, excused)
    if model is not None:
        return Response(None, True, excused)
    return Response(route.function.returns, False, excused)


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _status(node: ast.expr | None) -> int | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, int):
        return node.value
    name = getattr(node, "attr", getattr(node, "id", ""))
    found = re.match(r"HTTP_(\d{3})_", name)
    return int(found.group(1)) if found else None


def is_model_or_response(kind: str) -> bool:
    """Whether an annotation kind is an acceptable response declaration.

    Example:
        >>> from constitution_hooks.rules.fastapi.types import LOOSE
        >>> is_model_or_response(MODEL), is_model_or_response(RESPONSE)
        (True, True)
        >>> is_model_or_response(LOOSE)
        False
    """
    return kind in (MODEL, RESPONSE)


def describe(route: Route, analysis: Analysis) -> str:
    """``'name' (GET /api/v1/items)``: the route as messages name it.

    The first full path known is shown; else ``.../tail`` after the unknown part.

    Example:
        >>> from constitution_hooks.rules.fastapi import default_settings
        >>> cfg = default_settings()
        >>> code = (b"from fastapi import APIRouter, FastAPI\\n"
        ...     b"r = APIRouter(prefix='/items')\\n"
        ...     b"@r.get('/{item_id}')\\nasync def read(item_id: int): ...\\n"
        ...     b"app = FastAPI()\\napp.include_router(r, prefix='/api/v1')\\n")
        >>> src = SourceFile.from_bytes("m.py", code)
        >>> analysis = analysis_for(src, cfg)
        >>> describe(file_routes(src, analysis)[0], analysis)
        "'read' (GET /api/v1/items/{item_id})"
    """
    paths = analysis.full_paths(route)
    texts = [p.text for p in paths if p.text is not None]
    shown = texts[0] if texts else "..." + (paths[0].tail if paths else "")
    methods = "/".join(route.methods) or "?"
    return f"'{route.function.name}' ({methods} {shown})"


def where(file: str, line: int) -> str:
    """``path:line`` relative to the current folder, for messages.

    Example:
        >>> where(os.path.join(os.getcwd(), "app", "main.py"), 12).replace(os.sep, "/")
        'app/main.py:12'
    """
    try:
        shown = os.path.relpath(file)
    except ValueError:  # pragma: no cover -- another drive on Windows
        shown = file
    return f"{shown}:{line}"
