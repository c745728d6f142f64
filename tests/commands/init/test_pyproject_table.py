"""Adding a commented [tool.constitution] with the defaults to pyproject.toml."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from constitution_hooks.commands.init.pyproject_table import (
    default_table,
    merge_pyproject,
)
from constitution_hooks.core.config import load_config
from constitution_hooks.core.errors import UsageError
from constitution_hooks.rules import SECTIONS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover -- exercised by the 3.10 test matrix
    import tomli as tomllib

EXISTING = '[project]\nname = "app"  # keep\n\n[tool.black]\nline-length = 88'


def test_default_table_lists_every_option_commented_with_default() -> None:
    table = default_table(SECTIONS)
    assert "# [tool.constitution.function-size]" in table
    assert "# max-function-lines = 49" in table
    assert "# exclude = []" in table


def test_merge_pyproject_no_file_creates_valid_table() -> None:
    text, changes = merge_pyproject(None, SECTIONS)
    assert tomllib.loads(text)["tool"]["constitution"] == {}
    assert changes == ["added a commented [tool.constitution] with the defaults"]


def test_merge_pyproject_existing_appends_and_keeps_every_line() -> None:
    text, _ = merge_pyproject(EXISTING, SECTIONS)
    assert text.startswith(EXISTING + "\n\n")
    assert tomllib.loads(text)["tool"]["black"] == {"line-length": 88}


def test_merge_pyproject_existing_table_left_alone() -> None:
    start = "[tool.constitution.file-length]\nmax-lines = 300\n"
    assert merge_pyproject(start, SECTIONS) == (start, [])


def test_merge_pyproject_twice_changes_nothing() -> None:
    once, _ = merge_pyproject(EXISTING, SECTIONS)
    assert merge_pyproject(once, SECTIONS) == (once, [])


def test_merge_pyproject_result_loads_as_config(tmp_path: Path) -> None:
    folder = tmp_path
    text, _ = merge_pyproject(None, SECTIONS)
    (folder / "pyproject.toml").write_text(text, encoding="utf-8")
    assert load_config(SECTIONS, cwd=folder).exclude == ()


def test_merge_pyproject_invalid_toml_refused() -> None:
    with pytest.raises(UsageError, match=r"pyproject\.toml: not valid TOML"):
        merge_pyproject("[project\nname = 1\n", SECTIONS)


def test_merge_pyproject_inline_tool_table_refused() -> None:
    with pytest.raises(UsageError, match="cannot be appended safely"):
        merge_pyproject("tool = { black = { line-length = 88 } }\n", SECTIONS)
