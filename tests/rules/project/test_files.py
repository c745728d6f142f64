"""The project snapshot and its TOML helpers."""

from __future__ import annotations

import pytest

from constitution_hooks.core.errors import UsageError
from constitution_hooks.rules.project.files import (
    ProjectFiles,
    loads,
    strings,
    table,
    wanted,
)
from constitution_hooks.rules.project.settings import ContractSettings


@pytest.mark.parametrize(
    ("path", "read"),
    [
        ("pyproject.toml", True),
        ("uv.lock", True),
        (".python-version", True),
        ("CHANGELOG.md", True),
        ("docs/technical-debt.md", True),
        ("docs/architecture/decisions/0001-use-uv.md", True),
        ("docs/architecture/decisions/README.md", False),
        ("requirements-dev.txt", True),
        ("requirements/base.txt", True),
        ("docs/requirements.txt", False),
        ("src/app/main.py", False),
    ],
)
def test_wanted_reads_only_contract_files(path: str, read: bool) -> None:
    assert wanted(path, ContractSettings()) is read


def test_where_prefix_and_parent_lock_normalised() -> None:
    files = ProjectFiles("backend/", frozenset(), {})
    assert files.where("pyproject.toml") == "backend/pyproject.toml"
    assert files.where("../uv.lock") == "uv.lock"


def test_text_undecodable_bytes_replaced() -> None:
    files = ProjectFiles("", frozenset(), {"a.md": b"caf\xe9"})
    assert files.text("a.md") == "caf\ufffd"


def test_pyproject_invalid_toml_raises_usage_error() -> None:
    files = ProjectFiles("app/", frozenset(), {"pyproject.toml": b"[project\n"})
    with pytest.raises(UsageError, match=r"app/pyproject\.toml: invalid TOML"):
        _ = files.pyproject


def test_pyproject_absent_reads_empty() -> None:
    assert ProjectFiles("", frozenset(), {}).pyproject == {}


def test_loads_valid_toml_returns_tables() -> None:
    assert loads("[a]\nb = 1\n") == {"a": {"b": 1}}


def test_table_not_a_table_returns_empty() -> None:
    assert table({"project": "x"}, "project") == {}


def test_strings_non_strings_dropped() -> None:
    assert strings(["a", 2, None]) == ["a"]
