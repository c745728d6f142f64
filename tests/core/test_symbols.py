"""Static name resolution across a project's modules."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.core.symbols import (
    External,
    Modules,
    Project,
    Scope,
    Symbol,
    module_name_of,
    string_value,
)

Files = dict[str, str]


def make_project(tmp_path: Path, files: Files) -> Project:
    for relative, text in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Project(str(tmp_path / relative) for relative in files)


def expression(text: str) -> ast.expr:
    statement = ast.parse(text).body[0]
    assert isinstance(statement, ast.Expr)
    return statement.value


@pytest.fixture
def project(tmp_path: Path) -> Callable[[Files], Project]:
    return lambda files: make_project(tmp_path, files)


@pytest.mark.parametrize(
    ("files", "expression_text", "expected"),
    [
        ({"m.py": "from fastapi import APIRouter\n"}, "APIRouter", "fastapi.APIRouter"),
        (
            {"m.py": "import fastapi\n"},
            "fastapi.routing.APIRouter",
            "fastapi.routing.APIRouter",
        ),
        ({"m.py": "import fastapi as f\n"}, "f.FastAPI", "fastapi.FastAPI"),
        ({"m.py": "x = 1\n"}, "dict", "builtins.dict"),
        ({"m.py": "from a.b import c as d\n"}, "d", "a.b.c"),
    ],
)
def test_resolve_external_names_qualified(
    project: Callable[[Files], Project],
    tmp_path: Path,
    files: Files,
    expression_text: str,
    expected: str,
) -> None:
    found = project(files).resolve(str(tmp_path / "m.py"), expression(expression_text))
    assert found == External(expected)


@pytest.mark.parametrize(
    ("files", "expression_text", "file", "name"),
    [
        (
            {
                "pkg/__init__.py": "",
                "pkg/models.py": "class User: ...\n",
                "pkg/m.py": "from pkg.models import User\n",
            },
            "User",
            "pkg/models.py",
            "User",
        ),
        (
            {
                "pkg/__init__.py": "",
                "pkg/models.py": "class User: ...\n",
                "pkg/m.py": "from .models import User\n",
            },
            "User",
            "pkg/models.py",
            "User",
        ),
        (
            {
                "pkg/__init__.py": "",
                "pkg/models.py": "class User: ...\n",
                "pkg/m.py": "from . import models\n",
            },
            "models.User",
            "pkg/models.py",
            "User",
        ),
        (
            {
                "pkg/__init__.py": "from .models import User\n",
                "pkg/models.py": "class User: ...\n",
                "pkg/m.py": "import pkg\n",
            },
            "pkg.User",
            "pkg/models.py",
            "User",
        ),
        (
            {
                "src/pkg/__init__.py": "",
                "src/pkg/models.py": "class User: ...\n",
                "src/pkg/sub/__init__.py": "",
                "src/pkg/sub/m.py": "from pkg.models import User\n",
            },
            "User",
            "src/pkg/models.py",
            "User",
        ),
        (
            {
                "ns/models.py": "class User: ...\n",
                "ns/m.py": "from ns.models import User\n",
            },
            "User",
            "ns/models.py",
            "User",
        ),
        (
            {
                "pkg/__init__.py": "",
                "pkg/models.py": "class User: ...\n",
                "pkg/m.py": "from pkg import models as mo\nalias = mo.User\n",
            },
            "alias",
            "pkg/models.py",
            "User",
        ),
    ],
)
def test_resolve_project_names_reach_their_origin(
    project: Callable[[Files], Project],
    tmp_path: Path,
    files: Files,
    expression_text: str,
    file: str,
    name: str,
) -> None:
    importer = next(path for path in files if path.endswith("m.py"))
    found = project(files).resolve(
        str(tmp_path / importer), expression(expression_text)
    )
    assert isinstance(found, Symbol)
    assert (found.file, found.name) == (str(tmp_path / file), name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("from x import *\n", "anything"),
        ("x = 1\nx = 2\n", "x"),
        ("a, b = f()\n", "a"),
        ("from .missing import y\n", "y"),
    ],
)
def test_resolve_name_unknowable_is_none(
    project: Callable[[Files], Project], tmp_path: Path, text: str, name: str
) -> None:
    assert project({"m.py": text}).resolve_name(str(tmp_path / "m.py"), name) is None


def test_resolve_name_attribute_assignment_binds_nothing(
    project: Callable[[Files], Project], tmp_path: Path
) -> None:
    files = {"m.py": "app = make()\napp.state.x = 1\n"}
    found = project(files).resolve_name(str(tmp_path / "m.py"), "app")
    assert isinstance(found, Symbol) and found.name == "app"


def test_resolve_name_function_scope_first(
    project: Callable[[Files], Project], tmp_path: Path
) -> None:
    tree = ast.parse("def make():\n    app = 1\n")
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    local = Scope.of(function.body, "make")
    found = project({"m.py": "app = 2\n"}).resolve_name(
        str(tmp_path / "m.py"), "app", [local]
    )
    assert isinstance(found, Symbol) and found.scope == "make"


def test_resolve_import_cycle_ends(
    project: Callable[[Files], Project], tmp_path: Path
) -> None:
    files = {"a.py": "from b import x\n", "b.py": "from a import x\n"}
    assert project(files).resolve_name(str(tmp_path / "a.py"), "x") is None


@pytest.mark.parametrize(
    ("files", "text", "expected"),
    [
        ({"m.py": ""}, "'/api'", "/api"),
        ({"m.py": "V = 'v1'\n"}, "f'/api/{V}'", "/api/v1"),
        ({"m.py": "A = '/api'\nB = A + '/v1'\n"}, "B", "/api/v1"),
        ({"c.py": "P = '/x'\n", "m.py": "from c import P\n"}, "P", "/x"),
        ({"m.py": "import settings\n"}, "settings.API_V1", None),
        ({"m.py": "V = 1\n"}, "f'/{V:02}'", None),
        ({"m.py": ""}, "'/a' + name()", None),
        ({"m.py": ""}, "b'/bytes'", None),
    ],
)
def test_string_value_literals_and_constants_followed(
    project: Callable[[Files], Project],
    tmp_path: Path,
    files: Files,
    text: str,
    expected: str | None,
) -> None:
    found = string_value(project(files), str(tmp_path / "m.py"), expression(text))
    assert found == expected


def test_module_name_of_walks_packages_up() -> None:
    files = frozenset({"a/__init__.py", "a/b/__init__.py"})
    assert module_name_of("a/b/c.py", files) == "a.b.c"


def test_source_broken_file_is_none(
    project: Callable[[Files], Project], tmp_path: Path
) -> None:
    broken = project({"m.py": "def (:\n"})
    assert broken.scope(str(tmp_path / "m.py")) is None


def test_modules_module_file_outside_project_is_none(tmp_path: Path) -> None:
    modules = Modules([str(tmp_path / "a.py")])
    assert modules.module_file("requests", str(tmp_path / "a.py")) is None
