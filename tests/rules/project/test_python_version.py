"""CON702 python-version."""

from __future__ import annotations

import pytest
from packaging.specifiers import SpecifierSet

from constitution_hooks.rules.project.python_version import (
    Pin,
    check_python_version,
    lower_admitted,
    parse_pin,
)
from constitution_hooks.rules.project.settings import ContractSettings
from tests.rules.project.snapshots import project_files


@pytest.mark.parametrize(
    ("pin", "requires", "codes"),
    [
        ("3.11\n", ">=3.11", []),
        ("3.12.4\n", ">=3.12", []),
        ("cpython-3.11\n", ">=3.11,<4", []),
        ("cpython@3.13\n", "~=3.13", []),
        ("3.13t\n", ">=3.13", []),
        ("# pinned by uv\n3.12\n", ">=3.12", []),
        ("3.10\n", ">=3.10", ["CON702"]),
        ("pypy@3.11\n", ">=3.11", ["CON702"]),
        ("latest\n", ">=3.11", ["CON702"]),
        ("\n", ">=3.11", ["CON702"]),
        ("3.12\n", ">=3.11", ["CON702"]),
        ("3.11\n", ">=3.8", ["CON702"]),
        ("3.11\n", ">3.10.2", ["CON702"]),
        ("3.11\n", "not a spec", ["CON702"]),
        ("3.11\n", None, ["CON702"]),
    ],
)
def test_check_python_version_pin_and_requires_python_judged(
    pin: str, requires: str | None, codes: list[str]
) -> None:
    line = f'requires-python = "{requires}"\n' if requires is not None else ""
    pyproject = f'[project]\nname = "app"\n{line}'
    files = project_files({".python-version": pin, "pyproject.toml": pyproject})
    assert [f.code for f in check_python_version(files, ContractSettings())] == codes


def test_check_python_version_missing_file_reported_at_it() -> None:
    (finding,) = check_python_version(project_files(prefix="app/"), ContractSettings())
    assert (finding.path, finding.line) == ("app/.python-version", 1)
    assert "uv python pin" in finding.message


def test_check_python_version_requires_python_reported_at_its_line() -> None:
    pyproject = '[project]\nname = "app"\nrequires-python = ">=3.9"\n'
    files = project_files({".python-version": "3.11", "pyproject.toml": pyproject})
    (finding,) = check_python_version(files, ContractSettings())
    assert (finding.path, finding.line) == ("pyproject.toml", 3)
    assert "admits Python 2.7" not in finding.message
    assert "admits Python 3.9," in finding.message


def test_check_python_version_no_project_table_only_pin_checked() -> None:
    files = project_files({".python-version": "3.12", "pyproject.toml": "[tool.x]\n"})
    assert list(check_python_version(files, ContractSettings())) == []


def test_parse_pin_micro_kept() -> None:
    assert parse_pin("3.12.4") == Pin("cpython", 3, 12, 4, "3.12.4")


def test_lower_admitted_exact_pin_admits_nothing_lower() -> None:
    # Reason: parse_pin returns an optional; this pin is known to parse.
    assert lower_admitted(SpecifierSet("==3.12.*"), parse_pin("3.12")) is None  # type: ignore[arg-type]
