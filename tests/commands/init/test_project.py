"""What init reads from a project: its Python, folders, formatter and dev tools."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.commands.init.project import Project, peer_tables, read_project
from constitution_hooks.commands.init.pyproject_table import parse


@pytest.mark.parametrize(
    ("written", "python"),
    [
        ("3.12\n", "3.12"),
        ("3.11.4", "3.11"),
        ("cpython-3.13.1\n", "3.13"),
        ("pypy", None),
    ],
)
def test_read_project_python_version_from_file(
    tmp_path: Path, written: str, python: str | None
) -> None:
    (tmp_path / ".python-version").write_text(written)
    facts = read_project(tmp_path, {})
    assert facts.python == python
    assert facts.language == (f"python{python}" if python else None)


def test_read_project_folders_that_exist_only(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    assert read_project(tmp_path, {}).folders == ("tests",)


@pytest.mark.parametrize(
    ("text", "has_mypy"),
    [
        ('[dependency-groups]\ndev = ["mypy==2.4.1"]\n', True),
        ('[tool.uv]\ndev-dependencies = ["mypy>=1"]\n', True),
        ('[project.optional-dependencies]\nlint = ["mypy"]\n', True),
        ('[dependency-groups]\ndev = ["mypy-extensions"]\n', False),
        ("", False),
    ],
)
def test_read_project_mypy_among_dev_dependencies(
    tmp_path: Path, text: str, has_mypy: bool
) -> None:
    assert read_project(tmp_path, parse(text)).has_mypy is has_mypy


def test_read_project_ruff_format_table_detected(tmp_path: Path) -> None:
    facts = read_project(
        tmp_path, parse("[tool.ruff.format]\nquote-style = 'single'\n")
    )
    assert facts.ruff_format is True


def test_peer_tables_covered_selection_leaves_lint_table_out() -> None:
    document = parse('[tool.ruff.lint]\nselect = ["ALL"]\n')
    tables, manual = peer_tables(document, Project(None, (".",), False, False))
    names = [table.name for table in tables]
    assert "tool.ruff.lint" not in names
    assert "tool.ruff.lint.pydocstyle" in names
    assert manual == []


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        ("mypy.ini", "[mypy]\n", "mypy.ini"),
        ("setup.cfg", "[mypy]\nstrict = True\n", "setup.cfg"),
        ("setup.cfg", "[metadata]\nname = a\n", None),
    ],
)
def test_read_project_mypy_config_file_found(
    tmp_path: Path, name: str, text: str, found: str | None
) -> None:
    (tmp_path / name).write_text(text)
    assert read_project(tmp_path, {}).mypy_file == found
