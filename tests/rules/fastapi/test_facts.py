"""The facts the FastAPI rules share: routes, parameters, responses, apps."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from constitution_hooks.core.source import SourceFile
from constitution_hooks.core.symbols import Project
from constitution_hooks.rules.fastapi.facts import (
    Analysis,
    Param,
    Response,
    analysis_for,
    describe,
    file_routes,
    imports_fastapi,
    is_body,
    is_model_or_response,
    is_test_module,
    marker,
    params_of,
    response_of,
    where,
)
from tests.rules.fastapi.conftest import fastapi_settings

TEXT = (
    "from fastapi import APIRouter, Depends, FastAPI\n"
    "router = APIRouter(prefix='/items')\n"
    "@router.post('/{item_id}', status_code=201)\n"
    "async def f(item_id: int, body: dict, db=Depends(g), *, q: int = 1) -> None: ...\n"
    "app = FastAPI()\napp.include_router(router, prefix='/api/v1')\n"
)


def analysed(tmp_path: Path, text: str = TEXT) -> tuple[SourceFile, Analysis]:
    path = tmp_path / "m.py"
    path.write_text(text, encoding="utf-8")
    source = SourceFile(path, "m.py")
    return source, analysis_for(source, fastapi_settings())


def test_analysis_for_same_project_shared(tmp_path: Path) -> None:
    source, analysis = analysed(tmp_path)
    assert isinstance(analysis, Analysis)
    assert analysis_for(source, fastapi_settings()) is analysis
    assert isinstance(source.project, Project)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("from fastapi import FastAPI\n", True),
        ("import fastapi.routing\n", True),
        ("def f():\n    import fastapi\n", True),
        ("from .fastapi import x\n", False),
        ("x = 'fastapi'\n", False),
        ("import os\n", False),
    ],
)
def test_imports_fastapi_import_statements_only(
    tmp_path: Path, text: str, expected: bool
) -> None:
    path = tmp_path / "m.py"
    path.write_text(text, encoding="utf-8")
    assert imports_fastapi(SourceFile(path)) is expected


def test_params_of_path_parameters_left_out(tmp_path: Path) -> None:
    source, analysis = analysed(tmp_path)
    [route] = file_routes(source, analysis)
    params = list(params_of(route))
    assert [p.arg.arg for p in params] == ["body", "db", "q"]
    assert all(isinstance(p, Param) for p in params)
    assert [is_body(p, analysis, route.file) for p in params] == [True, False, True]


def test_marker_names_the_default_callee() -> None:
    call = ast.parse("fastapi.Depends(get_db)", mode="eval").body
    assert (marker(call), marker(None)) == ("Depends", "")


def test_response_of_status_code_not_no_content(tmp_path: Path) -> None:
    source, analysis = analysed(tmp_path)
    [route] = file_routes(source, analysis)
    response = response_of(route)
    assert isinstance(response, Response)
    assert (response.declared, response.excused) == (False, False)
    assert isinstance(response.node, ast.Constant)


def test_describe_shows_method_and_full_path(tmp_path: Path) -> None:
    source, analysis = analysed(tmp_path)
    [route] = file_routes(source, analysis)
    assert describe(route, analysis) == "'f' (POST /api/v1/items/{item_id})"


def test_is_model_or_response_only_those_two() -> None:
    assert is_model_or_response("model") and is_model_or_response("response")
    assert not is_model_or_response("unknown")


def test_where_relative_to_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert where(str(tmp_path / "a" / "b.py"), 3) == "a/b.py:3"


def test_own_routes_mounted_app_routes_excluded(tmp_path: Path) -> None:
    text = (
        "from fastapi import FastAPI\napp = FastAPI()\nsub = FastAPI()\n"
        "@sub.get('/x')\nasync def f(): ...\napp.mount('/v1', sub)\n"
    )
    source, analysis = analysed(tmp_path, text)
    app, sub = analysis.index.module(str(source.path)).routers
    assert analysis.own_routes(app) == []
    assert [r.function.name for r in analysis.own_routes(sub)] == ["f"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("tests/test_app.py", True),
        ("app/tests/helpers.py", True),
        ("app/items_test.py", True),
        ("conftest.py", True),
        ("app/testing.py", False),
        ("app/api/items.py", False),
    ],
)
def test_is_test_module_names_and_folders(path: str, expected: bool) -> None:
    assert is_test_module(path) is expected
