"""The FastAPI contract, CON601-CON608, as registry data and its config table.

The constitution's "FastAPI-First Architecture": async endpoints typed with Pydantic
models, versioned routers, OpenAPI documentation and a ``/health`` endpoint. The
checks live in ``checks`` (imported only when a file is checked), over the facts
of ``facts`` and ``types`` and the route discovery of ``core.routes``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from constitution_hooks.core.options import Option, Section, string, string_list
from constitution_hooks.core.registry import Rule

if TYPE_CHECKING:
    from constitution_hooks.core.config import Settings
    from constitution_hooks.core.source import SourceFile
    from constitution_hooks.core.violation import Finding

DEFAULT_MODEL_BASES = (
    "pydantic.BaseModel",
    "pydantic.RootModel",
    "pydantic.main.BaseModel",
    "pydantic.generics.GenericModel",
    "sqlmodel.SQLModel",
    "sqlmodel.main.SQLModel",
)
EXEMPT_PATHS = ("/health", "/metrics", "/docs", "/openapi.json", "/redoc")


def _is_pattern(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        re.compile(value)
    except re.error:
        return False
    return True


SECTION = Section(
    "fastapi",
    (
        Option(
            "versioned-path",
            r"^/api/v\d+/",
            "a regular expression",
            _is_pattern,
            "the pattern every full route path must match (CON604)",
        ),
        string_list(
            "exempt-paths",
            EXEMPT_PATHS,
            "paths (and the paths below them) that need no version (CON604)",
        ),
        string("health-path", "/health", help="the GET path every app serves (CON608)"),
        string_list(
            "model-bases",
            DEFAULT_MODEL_BASES,
            "dotted names of the classes a Pydantic model derives from",
        ),
    ),
)


class FastapiSettings(NamedTuple):
    """The ``fastapi`` table, typed.

    Example:
        >>> from constitution_hooks.core.config import Settings
        >>> table = {"versioned-path": "^/v1/", "exempt-paths": ["/ping"],
        ...          "health-path": "/ping", "model-bases": []}
        >>> Settings(table).record(FastapiSettings).exempt_paths
        ('/ping',)
    """

    versioned_path: str
    exempt_paths: tuple[str, ...]
    health_path: str
    model_bases: tuple[str, ...]


def default_settings() -> Settings:
    """The ``fastapi`` table with every option at its default.

    Example:
        >>> default_settings().record(FastapiSettings).health_path
        '/health'
    """
    from constitution_hooks.core.config import Settings

    return Settings({option.key: option.default for option in SECTION.all_options()})


def _run(name: str, source: SourceFile, settings: Settings) -> Iterator[Finding]:
    """Call ``checks.<name>``, imported on first call (start-up imports, ADR 0010).

    Each check judges only modules that import fastapi: a file whose bytes never
    name it is answered here, without the checks, their imports or the tree.
    """
    if not _names_fastapi(source):
        return iter(())
    from constitution_hooks.rules.fastapi import checks

    found: Iterator[Finding] = getattr(checks, name)(source, settings)
    return found


_MARKER = b"fastapi"
_LAST: list[tuple[bytes, bool]] = []


def _names_fastapi(source: SourceFile) -> bool:
    """Whether the file's bytes name fastapi, searched once for the eight rules.

    Example:
        >>> from constitution_hooks.core.source import SourceFile
        >>> _names_fastapi(SourceFile.from_bytes("m.py", b"import fastapi\\n"))
        True
    """
    # Reason: the rules run one after another on each file, so the answer for
    # the last bytes is kept; it depends on the bytes alone, and holding them
    # keeps their identity from being reused.
    data = source.data
    if _LAST and _LAST[0][0] is data:
        return _LAST[0][1]
    found = _MARKER in data
    _LAST[:] = [(data, found)]
    return found


def _lazy(name: str) -> Callable[[SourceFile, Settings], Iterator[Finding]]:
    # Reason: a partial of a module function pickles, so worker processes get it.
    return functools.partial(_run, name)


_ONLY = " Judged only in modules that import fastapi, statically: no code is run."
_HEAD = (
    'from fastapi import APIRouter\n\nrouter = APIRouter(prefix="/api/v1/items")\n\n\n'
)
_MODELS = (
    "from fastapi import APIRouter\nfrom pydantic import BaseModel\n\n"
    'router = APIRouter(prefix="/api/v1/items")\n\n\n'
    "class ItemCreate(BaseModel):\n    name: str\n\n\n"
    "class ItemResponse(BaseModel):\n    id: int\n    name: str\n\n\n"
)
_DATA = "All input/output through Pydantic models."


def _rule(code: str, rule_id: str, check: object, **fields: str) -> Rule:
    return Rule(
        code=code,
        id=rule_id,
        hook="constitution",
        section=SECTION.name,
        check=check,  # type: ignore[arg-type]  # Reason: a project-aware check
        project_marker=_MARKER,
        **fields,  # type: ignore[arg-type]  # Reason: str fields, typed loosely
    )


RULES: tuple[Rule, ...] = (
    _rule(
        "CON601",
        "route-not-async",
        _lazy("route_not_async"),
        summary="a FastAPI route defined with def instead of async def",
        constitution="Implement async/await for all I/O operations.",
        why=(
            "FastAPI runs a plain def route in a worker thread of a small pool; under"
            " load the pool, not the event loop, limits throughput, and blocking I/O"
            " hides in it." + _ONLY
        ),
        example=_HEAD
        + '@router.get("/")\ndef list_items() -> list[ItemResponse]:\n'
        + "    return repository.all()\n",
        fix=_HEAD
        + '@router.get("/")\nasync def list_items() -> list[ItemResponse]:\n'
        + "    return await repository.all()\n",
        default="always on",
        hint="declare the route async def and await its I/O (or run blocking work"
        " with run_in_threadpool explicitly)",
    ),
    _rule(
        "CON602",
        "untyped-request-body",
        _lazy("untyped_request_body"),
        summary="a route parameter typed dict, list[dict], Any, or not typed at all",
        constitution="All APIs built using FastAPI with Pydantic for validation. "
        + _DATA,
        why=(
            "A parameter typed dict or Any (or not typed) reaches the code unvalidated"
            " and undocumented in the OpenAPI schema. Path parameters, Depends(),"
            " Query(), Header(), Cookie(), Form(), File() and Annotated[..., Depends]"
            " are not bodies; a dict whose value type is given (dict[int, float]) is"
            " validated, and a type the tool cannot resolve passes." + _ONLY
        ),
        example=_HEAD
        + '@router.post("/")\nasync def create_item(payload: dict) -> ItemResponse:\n'
        + "    return await repository.add(payload)\n",
        fix=_MODELS
        + '@router.post("/")\n'
        + "async def create_item(payload: ItemCreate) -> ItemResponse:\n"
        + "    return await repository.add(payload)\n",
        default="always on",
        hint="type the parameter with a Pydantic model (or a scalar, Query(),"
        " Depends())",
    ),
    _rule(
        "CON603",
        "route-without-response-model",
        _lazy("route_without_response_model"),
        summary="a route with neither response_model= nor a Pydantic return annotation",
        constitution=_DATA,
        why=(
            "Without a response model FastAPI neither filters nor validates what the"
            " route returns, and the OpenAPI schema says nothing of it. A model is"
            " resolved within the project (classes deriving from BaseModel directly or"
            " through project classes); a list of models, a Response class, a non-JSON"
            " response_class and status 204 pass, and so does a type the tool cannot"
            " resolve." + _ONLY
        ),
        example=_HEAD
        + '@router.get("/{item_id}")\nasync def read_item(item_id: int) -> dict:\n'
        + '    return {"id": item_id}\n',
        fix=_MODELS
        + '@router.get("/{item_id}")\n'
        + "async def read_item(item_id: int) -> ItemResponse:\n"
        + "    return await repository.get(item_id)\n",
        default="always on",
        hint="declare response_model= or annotate the return with a Pydantic model",
    ),
    _rule(
        "CON604",
        "unversioned-route",
        _lazy("unversioned_route"),
        summary="a route whose full path does not match versioned-path",
        constitution="Version API endpoints when breaking changes required.",
        why=(
            "Clients pin a version; a route outside /api/v1/ cannot change without"
            " breaking them. The full path joins include_router and mount prefixes,"
            " the router prefix and the decorator path, followed across modules as far"
            " as literals and module constants go; a path built at run time (from"
            " settings, say) passes. /health, /metrics, /docs, /openapi.json and"
            " /redoc are exempt." + _ONLY
        ),
        example="from fastapi import FastAPI\n\napp = FastAPI()\n\n\n"
        + '@app.get("/users/me")\nasync def read_me() -> UserResponse:\n'
        + "    return await users.current()\n",
        fix="from fastapi import FastAPI\n\napp = FastAPI()\n\n\n"
        + '@app.get("/api/v1/users/me")\nasync def read_me() -> UserResponse:\n'
        + "    return await users.current()\n",
        default="^/api/v\\d+/",
        hint="serve the route under a versioned prefix such as /api/v1, or list its"
        " path in exempt-paths",
    ),
    _rule(
        "CON605",
        "shared-request-response-model",
        _lazy("shared_request_response_model"),
        summary="one model class used as a request body and as a response model",
        constitution="Implement request/response models separately.",
        why=(
            "A shared model leaks server-side fields (ids, timestamps, secrets) into"
            " what clients may send, or client input into what the API returns; a"
            " change to one side silently changes the other. Judged over every route"
            " of the project." + _ONLY
        ),
        example="from fastapi import APIRouter\nfrom pydantic import BaseModel\n\n"
        + 'router = APIRouter(prefix="/api/v1/items")\n\n\n'
        + "class Item(BaseModel):\n    id: int\n    name: str\n\n\n"
        + '@router.post("/")\nasync def create_item(item: Item) -> Item:\n'
        + "    return await repository.add(item)\n",
        fix=_MODELS
        + '@router.post("/")\n'
        + "async def create_item(item: ItemCreate) -> ItemResponse:\n"
        + "    return await repository.add(item)\n",
        default="always on",
        hint="declare a request model (ItemCreate) and a response model"
        " (ItemResponse) for the resource",
    ),
    _rule(
        "CON606",
        "route-hidden-from-openapi",
        _lazy("route_hidden_from_openapi"),
        summary="include_in_schema=False, or an app with openapi_url=None",
        constitution="Every endpoint must have automatic OpenAPI documentation.",
        why=(
            "A hidden endpoint is undocumented: no client is generated for it and no"
            " reviewer sees it in the schema. An app without routes of its own (one"
            " that only mounts others) may turn its schema off." + _ONLY
        ),
        example=_HEAD
        + '@router.get("/stats", include_in_schema=False)\n'
        + "async def stats() -> StatsResponse:\n    return await repository.stats()\n",
        fix=_HEAD
        + '@router.get("/stats")\n'
        + "async def stats() -> StatsResponse:\n    return await repository.stats()\n",
        default="always on",
        hint="remove include_in_schema=False / openapi_url=None, or waive with the"
        " reason the endpoint must stay undocumented",
    ),
    _rule(
        "CON607",
        "route-on-app",
        _lazy("route_on_app"),
        summary="a route declared on a FastAPI() app created in another module",
        constitution="Structure apps with routers for logical separation of concerns.",
        why=(
            "A module that imports the app to hang routes on it couples every feature"
            " to the app module and imports in a cycle; an APIRouter per module keeps"
            " features separate and testable. Routes in the module that creates the"
            " app are fine." + _ONLY
        ),
        example="# app/api/items.py (the app is created in app/main.py)\n"
        + "import fastapi\n\nfrom app.main import app\n\n\n"
        + '@app.get("/api/v1/items")\nasync def list_items() -> list[ItemResponse]:\n'
        + "    return await repository.all()\n",
        fix="# app/api/items.py, included by app/main.py\n"
        + _HEAD
        + '@router.get("/")\nasync def list_items() -> list[ItemResponse]:\n'
        + "    return await repository.all()\n",
        default="always on",
        hint="declare an APIRouter in this module and include_router it in the app",
    ),
    _rule(
        "CON608",
        "missing-health-endpoint",
        _lazy("missing_health_endpoint"),
        summary="an app that serves no GET route at health-path",
        constitution="Health check endpoint at `/health`.",
        why=(
            "Orchestrators and load balancers probe one well-known path; without it"
            " a dead instance keeps receiving traffic. Reported once per app (an app"
            " mounted in another is judged through it), at its FastAPI() call; an"
            " include the tool cannot resolve might serve it, so it passes." + _ONLY
        ),
        example="from fastapi import FastAPI\n\nfrom app.api import items\n\n"
        + 'app = FastAPI()\napp.include_router(items.router, prefix="/api/v1")\n',
        fix="from fastapi import FastAPI\n\nfrom app.api import items\n\n"
        + 'app = FastAPI()\napp.include_router(items.router, prefix="/api/v1")\n\n\n'
        + '@app.get("/health")\nasync def health() -> HealthResponse:\n'
        + '    return HealthResponse(status="ok")\n',
        default="/health",
        hint="add a GET /health route that reports the service status",
    ),
)
