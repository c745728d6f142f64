"""CON601-CON608: the FastAPI contract, one check per rule over a parsed module.

Each check runs only on a module that imports ``fastapi``; facts (routes, full
paths, model classes) come from ``facts`` and are built once per file and run.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from constitution_hooks.core.config import Settings
from constitution_hooks.core.route_paths import RoutePath, match_path
from constitution_hooks.core.routes import Route, Router
from constitution_hooks.core.source import SourceFile
from constitution_hooks.core.violation import Finding
from constitution_hooks.rules.fastapi import FastapiSettings
from constitution_hooks.rules.fastapi.facts import (
    Analysis,
    analysis_for,
    describe,
    file_routes,
    imports_fastapi,
    is_body,
    is_model_or_response,
    is_test_module,
    params_of,
    response_of,
    where,
)
from constitution_hooks.rules.fastapi.types import LOOSE, UNTYPED, model_classes

_HTTP = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"})


class Judged(NamedTuple):
    """What a FastAPI check judges: one module, its routes, the project's facts."""

    source: SourceFile
    analysis: Analysis
    routes: tuple[Route, ...]
    settings: FastapiSettings


Judge = Callable[[Judged], Iterator[Finding]]


def _fastapi_check(judge: Judge) -> Callable[[SourceFile, Settings], Iterator[Finding]]:
    """``judge`` run on modules that import fastapi, with the file's routes."""

    @functools.wraps(judge)
    def check(source: SourceFile, settings: Settings) -> Iterator[Finding]:
        if is_test_module(source.display) or not imports_fastapi(source):
            return
        analysis = analysis_for(source, settings)
        routes = file_routes(source, analysis)
        yield from judge(
            Judged(source, analysis, routes, settings.record(FastapiSettings))
        )

    return check


def _at(node: ast.AST, message: str) -> Finding:
    return Finding(
        getattr(node, "lineno", 1), getattr(node, "col_offset", 0) + 1, message
    )


@_fastapi_check
def route_not_async(judged: Judged) -> Iterator[Finding]:
    """CON601: a route defined with ``def``.

    Example:
        >>> from constitution_hooks.rules.fastapi import default_settings
        >>> cfg = default_settings()
        >>> code = (b"from fastapi import APIRouter\\nr = APIRouter()\\n"
        ...     b"@r.get('/a')\\ndef a(): ...\\n@r.get('/b')\\nasync def b(): ...\\n")
        >>> src = SourceFile.from_bytes("m.py", code)
        >>> [f.line for f in route_not_async(src, cfg)]
        [4]
    """
    analysis, routes = judged.analysis, judged.routes
    for route in routes:
        if isinstance(route.function, ast.FunctionDef):
            yield _at(
                route.function,
                f"route {describe(route, analysis)} is defined with def, so FastAPI"
                " runs it in a worker thread; declare it async def and await its I/O",
            )


@_fastapi_check
def untyped_request_body(judged: Judged) -> Iterator[Finding]:
    """CON602: an input parameter typed ``dict``/``Any`` or not typed at all.

    Example:
        >>> from constitution_hooks.rules.fastapi import default_settings
        >>> cfg = default_settings()
        >>> code = (b"from fastapi import APIRouter\\nr = APIRouter()\\n"
        ...     b"@r.post('/a')\\nasync def a(body: dict, q: int = 0): ...\\n")
        >>> src = SourceFile.from_bytes("m.py", code)
        >>> [f.message.split(",")[0] for f in untyped_request_body(src, cfg)]
        ["parameter 'body' of route 'a' (POST .../a) is typed dict"]
    """
    analysis, routes = judged.analysis, judged.routes
    for route in routes:
        if route.methods == ("WEBSOCKET",):
            continue
        for param in params_of(route):
            if not is_body(param, analysis, route.file):
                continue
            kind = analysis.types.kind(route.file, param.arg.annotation)
            if kind == UNTYPED:
                what = "has no type"
            elif kind == LOOSE:
                what = f"is typed {ast.unparse(param.arg.annotation or param.arg)}"
            else:
                continue
            yield _at(
                param.arg,
                f"parameter '{param.arg.arg}' of route {describe(route, analysis)}"
                f" {what}, so FastAPI validates nothing; type it with a Pydantic model"
                " (or a scalar, Query(), Depends())",
            )


@_fastapi_check
def route_without_response_model(judged: Judged) -> Iterator[Finding]:
    """CON603: a route with no Pydantic response model.

    Example:
        >>> from constitution_hooks.rules.fastapi import default_settings
        >>> cfg = default_settings()
        >>> code = (b"from fastapi import APIRouter\\nr = APIRouter()\\n"
        ...     b"@r.get('/a')\\nasync def a() -> dict: ...\\n"
        ...     b"@r.delete('/b', status_code=204)\\nasync def b(): ...\\n")
        >>> src = SourceFile.from_bytes("m.py", code)
        >>> [f.line for f in route_without_response_model(src, cfg)]
        [3]
    """
    analysis, routes = judged.analysis, judged.routes
    for route in routes:
        if route.methods == ("WEBSOCKET",):
            continue
        response = response_of(route, analysis.default_response_class(route.router))
        if response.excused:
            continue
        kind = analysis.types.kind(route.file, response.node)
        if response.node is not None and (
            is_model_or_response(kind) or kind == "unknown"
        ):
            continue
        shown = "declares no response_model and no return annotation"
        if response.node is not None:
            origin = "response_model=" if response.declared else "return annotation "
            shown = (
                f"declares {origin}{ast.unparse(response.node)}, not a Pydantic model"
            )
        elif response.declared:
            shown = "declares response_model=None without status_code=204"
        yield _at(
            route.decorator,
            f"route {describe(route, analysis)} {shown}; declare"
            " response_model= or return a Pydantic model (a list of one, a Response"
            " class, or None with status_code=204)",
        )


@_fastapi_check
def unversioned_route(judged: Judged) -> Iterator[Finding]:
    """CON604: a route whose full path is known and not versioned.

    Example:
        >>> from constitution_hooks.rules.fastapi import default_settings
        >>> cfg = default_settings()
        >>> code = (b"from fastapi import FastAPI\\napp = FastAPI()\\n"
        ...     b"@app.get('/items')\\nasync def a(): ...\\n"
        ...     b"@app.get('/api/v1/items')\\nasync def b(): ...\\n")
        >>> src = SourceFile.from_bytes("m.py", code)
        >>> [f.line for f in unversioned_route(src, cfg)]
        [3]
    """
    analysis, routes, settings = judged.analysis, judged.routes, judged.settings
    pattern = settings.versioned_path
    exempt = settings.exempt_paths
    for route in routes:
        for path in analysis.full_paths(route):
            text = path.text
            if text is None or _exempt(text, exempt):
                continue
            if re.search(pattern, text.rstrip("/") + "/"):
                continue
            yield _at(
                route.decorator,
                f"route {describe(route, analysis)} is served at {text}, outside the"
                f" versioned path {pattern}; put it on a router under /api/v1"
                " (or list the path in exempt-paths)",
            )
            break


def _exempt(text: str, exempt: tuple[str, ...]) -> bool:
    text = text.rstrip("/") or "/"
    return any(
        text == e.rstrip("/") or text.startswith(e.rstrip("/") + "/") for e in exempt
    )


@_fastapi_check
def shared_request_response_model(judged: Judged) -> Iterator[Finding]:
    """CON605: one model class used as a request body and as a response model.

    Example:
        >>> from constitution_hooks.rules.fastapi import default_settings
        >>> cfg = default_settings()
        >>> code = (b"from fastapi import APIRouter\\nfrom pydantic import BaseModel\\n"
        ...     b"class Item(BaseModel):\\n    name: str\\nr = APIRouter()\\n"
        ...     b"@r.post('/a', response_model=Item)\\nasync def a(item: Item): ...\\n")
        >>> src = SourceFile.from_bytes("m.py", code)
        >>> [f.line for f in shared_request_response_model(src, cfg)]
        [7]
    """
    analysis, routes = judged.analysis, judged.routes
    for route in routes:
        for param in params_of(route):
            if not is_body(param, analysis, route.file):
                continue
            for name in sorted(
                model_classes(analysis.types, route.file, param.arg.annotation)
            ):
                users = analysis.response_routes(name)
                if not users:
                    continue
                other = users[0]
                yield _at(
                    param.arg,
                    f"model {name.rpartition(':')[2]} is the request body of route"
                    f" {describe(route, analysis)} and the response model of route"
                    f" {describe(other, analysis)} at {where(other.file, other.line)};"
                    " declare separate request and response models",
                )


@_fastapi_check
def route_hidden_from_openapi(judged: Judged) -> Iterator[Finding]:
    """CON606: ``include_in_schema=False`` or an app without an OpenAPI schema.

    Example:
        >>> from constitution_hooks.rules.fastapi import default_settings
        >>> cfg = default_settings()
        >>> code = (b"from fastapi import APIRouter\\nr = APIRouter()\\n"
        ...     b"@r.get('/a', include_in_schema=False)\\nasync def a(): ...\\n")
        >>> src = SourceFile.from_bytes("m.py", code)
        >>> [f.line for f in route_hidden_from_openapi(src, cfg)]
        [3]
    """
    source, analysis, routes = judged.source, judged.analysis, judged.routes
    module = analysis.index.module(str(source.path))
    calls = [r.decorator for r in routes] + [i.call for i in module.includes]
    calls += [r.call for r in module.routers if r.kind == "router"]
    for call in calls:
        if _keyword_false(call, "include_in_schema"):
            yield _at(
                call,
                "include_in_schema=False hides these endpoints from the OpenAPI"
                " documentation; remove it (every endpoint must be documented)",
            )
    for app in module.routers:
        if app.kind == "app" and _no_openapi(app.call) and _serves(analysis, app):
            yield _at(
                app.call,
                f"app '{app.name}' turns its OpenAPI schema off (openapi_url), so its"
                " endpoints are undocumented; keep the default openapi_url",
            )


def _keyword_false(call: ast.Call, name: str) -> bool:
    return any(
        k.arg == name and isinstance(k.value, ast.Constant) and k.value.value is False
        for k in call.keywords
    )


def _no_openapi(call: ast.Call) -> bool:
    return any(
        k.arg == "openapi_url"
        and isinstance(k.value, ast.Constant)
        and k.value.value in (None, "")
        for k in call.keywords
    )


def _serves(analysis: Analysis, app: Router) -> bool:
    return bool(analysis.own_routes(app))


@_fastapi_check
def route_on_app(judged: Judged) -> Iterator[Finding]:
    """CON607: a route declared on a ``FastAPI()`` app created in another module.

    Example:
        >>> from constitution_hooks.rules.fastapi import default_settings
        >>> cfg = default_settings()
        >>> from constitution_hooks.core.symbols import Project
        >>> main = b"from fastapi import FastAPI\\napp = FastAPI()\\n"
        >>> items = (b"from fastapi import Depends\\nfrom main import app\\n"
        ...     b"@app.get('/api/v1/items')\\nasync def a(): ...\\n")
        >>> src = SourceFile.from_bytes("items.py", items)
        >>> src.project = Project([])
        >>> src.project.add(SourceFile.from_bytes("main.py", main))
        >>> [f.line for f in route_on_app(src, cfg)]
        [3]
    """
    analysis, routes = judged.analysis, judged.routes
    for route in routes:
        app = route.router
        if app.kind == "app" and app.file != route.file:
            yield _at(
                route.decorator,
                f"route {describe(route, analysis)} is declared on the app"
                f" '{app.name}' created at {where(app.file, app.call.lineno)};"
                " declare an APIRouter in this module and include it in the app",
            )


@_fastapi_check
def missing_health_endpoint(judged: Judged) -> Iterator[Finding]:
    """CON608: an app (not mounted in another) that serves no GET health path.

    Example:
        >>> from constitution_hooks.rules.fastapi import default_settings
        >>> cfg = default_settings()
        >>> code = (b"from fastapi import FastAPI\\napp = FastAPI()\\n"
        ...     b"@app.get('/api/v1/items')\\nasync def a(): ...\\n")
        >>> src = SourceFile.from_bytes("m.py", code)
        >>> [f.message.split(";")[0] for f in missing_health_endpoint(src, cfg)]
        ["app 'app' has no GET /health endpoint (health checks need one)"]
    """
    source, analysis, settings = judged.source, judged.analysis, judged.settings
    health = settings.health_path
    module = analysis.index.module(str(source.path))
    for app in module.routers:
        if app.kind != "app" or analysis.index.parents(app):
            continue
        if any(
            _may_serve(route, path, health) for route, path in analysis.app_paths(app)
        ):
            continue
        yield _at(
            app.call,
            f"app '{app.name}' has no GET {health} endpoint (health checks need one);"
            f" add a GET {health} route returning the service status",
        )


def _may_serve(route: Route | None, path: RoutePath, health: str) -> bool:
    methods = route.methods if route is not None else ()
    if (
        methods
        and not ({"GET"} & set(methods))
        and set(methods) <= _HTTP | {"WEBSOCKET"}
    ):
        return False
    return match_path(health, path)
