"""Run one FastAPI rule over a small project written to a temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from constitution_hooks.core.config import Settings
from constitution_hooks.core.source import SourceFile
from constitution_hooks.core.symbols import Project
from constitution_hooks.rules.fastapi import RULES, SECTION

HEADER = (
    "from typing import Any\n"
    "from fastapi import APIRouter, Body, Depends, FastAPI, Query, Request\n"
    "from fastapi.responses import HTMLResponse, JSONResponse\n"
    "from pydantic import BaseModel\n\n"
    "class Item(BaseModel):\n    name: str\n\n"
    "class ItemOut(BaseModel):\n    id: int\n\n"
    "router = APIRouter(prefix='/api/v1/items')\n"
)
Lines = Callable[..., list[int]]


def fastapi_settings(**overrides: Any) -> Settings:
    values = {option.key: option.default for option in SECTION.all_options()}
    values.update({key.replace("_", "-"): v for key, v in overrides.items()})
    return Settings(values)


def run_rule(
    tmp_path: Path,
    code: str,
    files: dict[str, str],
    target: str = "m.py",
    **overrides: Any,
) -> list[int]:
    for relative, text in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    rule = next(rule for rule in RULES if rule.code == code)
    source = SourceFile(tmp_path / target, target)
    source.project = Project(str(tmp_path / name) for name in files)
    assert rule.check is not None
    return [f.line for f in rule.check(source, fastapi_settings(**overrides))]


@pytest.fixture
def lines(tmp_path: Path) -> Lines:
    """Lines a rule reports: ``lines("CON601", {"m.py": text})``."""
    return lambda code, files, target="m.py", **kw: run_rule(
        tmp_path, code, files, target, **kw
    )
