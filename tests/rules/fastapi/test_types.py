"""Annotation kinds: models resolved within the project, loose types, unknowns."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from constitution_hooks.core.symbols import Project, Symbol
from constitution_hooks.rules.fastapi import DEFAULT_MODEL_BASES
from constitution_hooks.rules.fastapi.types import (
    LOOSE,
    MODEL,
    NONE,
    OTHER,
    RESPONSE,
    UNKNOWN,
    UNTYPED,
    Types,
    annotated,
    model_classes,
)

MODULE = (
    "from typing import Any, Optional, List\nimport typing\n"
    "from pydantic import BaseModel\nfrom sqlmodel import SQLModel\n"
    "from fastapi.responses import StreamingResponse\nfrom enum import Enum\n"
    "from dataclasses import dataclass\nfrom lib import Thing\n"
    "class M(BaseModel): ...\nclass Sub(M): ...\nclass Table(SQLModel): ...\n"
    "class Color(Enum): ...\nclass Plain: ...\nclass Odd(Thing): ...\n"
    "@dataclass\nclass Data: ...\nAlias = list[M]\n"
)


def types_for(tmp_path: Path) -> tuple[Types, str]:
    path = tmp_path / "m.py"
    path.write_text(MODULE, encoding="utf-8")
    return Types(Project([str(path)]), DEFAULT_MODEL_BASES), str(path)


@pytest.mark.parametrize(
    ("annotation", "kind"),
    [
        ("M", MODEL),
        ("Sub", MODEL),
        ("Table", MODEL),
        ("list[M]", MODEL),
        ("List[Sub]", MODEL),
        ("tuple[M, ...]", MODEL),
        ("Optional[M]", MODEL),
        ("M | None", MODEL),
        ("Alias", MODEL),
        ("'M'", MODEL),
        ("dict", LOOSE),
        ("dict[str, M]", OTHER),
        ("dict[int, float]", OTHER),
        ("dict[str, Any]", LOOSE),
        ("dict[str, Thing]", UNKNOWN),
        ("Any", LOOSE),
        ("typing.Dict[str, Any]", LOOSE),
        ("typing.Dict[str, int]", OTHER),
        ("list[dict]", LOOSE),
        ("list", LOOSE),
        ("M | dict", LOOSE),
        ("StreamingResponse", RESPONSE),
        ("None", NONE),
        ("str", OTHER),
        ("Color", OTHER),
        ("Plain", OTHER),
        ("list[str]", OTHER),
        ("Thing", UNKNOWN),
        ("Odd", UNKNOWN),
        ("Data", UNKNOWN),
        ("list[Thing]", UNKNOWN),
        ("Missing", UNKNOWN),
        ("'not valid ('", UNKNOWN),
    ],
)
def test_types_kind_annotations_classified(
    tmp_path: Path, annotation: str, kind: str
) -> None:
    types, file = types_for(tmp_path)
    node = ast.parse(annotation, mode="eval").body
    assert types.kind(file, node) == kind


def test_types_kind_no_annotation_is_untyped(tmp_path: Path) -> None:
    types, file = types_for(tmp_path)
    assert types.kind(file, None) == UNTYPED


def test_model_classes_named_through_containers(tmp_path: Path) -> None:
    types, file = types_for(tmp_path)
    node = ast.parse("Optional[list[Sub]] | Plain", mode="eval").body
    assert model_classes(types, file, node) == {f"{file}:Sub"}


def test_annotated_metadata_through_alias(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text(
        "from typing import Annotated\nfrom fastapi import Depends\n"
        "Db = Annotated[int, Depends(get)]\n",
        encoding="utf-8",
    )
    types = Types(Project([str(path)]), DEFAULT_MODEL_BASES)
    [meta] = annotated(types, str(path), ast.Name("Db"))
    assert isinstance(meta, ast.Call)


def test_types_class_kind_not_a_class_unknown(tmp_path: Path) -> None:
    types, file = types_for(tmp_path)
    assert types.class_kind(Symbol(file, "", "x", None)) == UNKNOWN
