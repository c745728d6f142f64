"""Real small projects with their own virtualenv, for the coverage gate's tests.

The virtualenvs are built once per test session with uv (no interpreter downloads)
and hold ``six``, a package this project's environment and the hook's lack.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

import pytest

PYPROJECT = """\
[project]
name = "demo"
version = "0.1.0"

[tool.coverage.run]
source = ["pkg"]

[tool.pytest.ini_options]
testpaths = ["tests"]
"""
TEST = """\
import six

from pkg import big


def test_big_values_are_set_with_six() -> None:
    assert big.a0 == 0 and six.PY3
"""
FAILING_TEST = """

def test_big_values_wrong_fails() -> None:
    assert big.a0 == 1
"""


def _venv(folder: Path, *packages: str) -> Path:
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never"}
    env.pop("VIRTUAL_ENV", None)
    subprocess.run(
        ["uv", "venv", "-q", str(folder), "--python", sys.executable],
        check=True,
        env=env,
    )
    python = folder / "bin" / "python"
    subprocess.run(
        ["uv", "pip", "install", "-q", "--python", str(python), *packages],
        check=True,
        env=env,
    )
    return folder


@pytest.fixture(scope="session")
def project_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtualenv with pytest, coverage (our version), pytest-cov and six."""
    folder = tmp_path_factory.mktemp("venvs") / "with-coverage"
    pinned = f"coverage=={version('coverage')}"
    return _venv(folder, "pytest", pinned, "pytest-cov", "six")


@pytest.fixture(scope="session")
def bare_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtualenv with pytest and six but no coverage."""
    return _venv(tmp_path_factory.mktemp("venvs") / "without-coverage", "pytest", "six")


def big_module(covered: int, missed: int) -> str:
    """A module where exactly ``covered`` statements run on import, ``missed`` not."""
    body = "".join(f"    x{i} = {i}\n" for i in range(missed))
    top = "".join(f"a{i} = {i}\n" for i in range(covered - 1))
    return f"def never():\n{body}\n\n{top}"


MakeProject = Callable[..., Path]


@pytest.fixture
def make_project(project_venv: Path) -> MakeProject:
    """``make_project(root, covered, missed, venv=None, failing=False)``."""

    def _make(
        root: Path,
        covered: int = 200,
        missed: int = 50,
        venv: Path | None = None,
        failing: bool = False,
    ) -> Path:
        (root / "pkg").mkdir(parents=True, exist_ok=True)
        (root / "tests").mkdir(exist_ok=True)
        (root / "pyproject.toml").write_text(PYPROJECT)
        (root / "pkg" / "__init__.py").write_text("")
        (root / "pkg" / "big.py").write_text(big_module(covered, missed))
        test = TEST + (FAILING_TEST if failing else "")
        (root / "tests" / "test_big.py").write_text(test)
        link = root / ".venv"
        if not link.exists():
            link.symlink_to(venv or project_venv, target_is_directory=True)
        return root

    return _make


def executed_lines(covered: int, missed: int) -> list[int]:
    """The lines of ``big_module(covered, missed)`` that run on import.

    Example:
        >>> executed_lines(3, 2)
        [1, 6, 7]
    """
    # Reason: the def line, the body, then two blank lines before the top level.
    first_top = missed + 4
    return [1, *range(first_top, first_top + covered - 1)]


def write_measured(root: Path, covered: int = 200, missed: int = 50) -> Path:
    """A project and its ``.coverage`` data, written in-process: no test run.

    The data is what ``coverage run -m pytest`` records for the project (the
    package's ``__init__`` and ``big`` measured), written with coverage.py's
    own ``CoverageData``, so the gate's judging is tested without a subprocess.
    """
    from coverage import CoverageData

    (root / "pkg").mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(PYPROJECT)
    (root / "pkg" / "__init__.py").write_text("")
    big = root / "pkg" / "big.py"
    big.write_text(big_module(covered, missed))
    data = CoverageData(basename=str(root / ".coverage"))
    data.add_lines(
        {
            str((root / "pkg" / "__init__.py").resolve()): [],
            str(big.resolve()): executed_lines(covered, missed),
        }
    )
    data.write()
    return root
