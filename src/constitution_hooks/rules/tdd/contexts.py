"""Coverage contexts as evidence: a module whose lines ran inside a test pairs with it.

When coverage data was recorded per test (``[tool.coverage.run] dynamic_context =
"test_function"``, or pytest-cov's ``--cov-context=test``), a module any of whose
lines ran inside a test's context (not at import time, the empty context) is
exercised by that test. The data is read with coverage.py's own API; a missing,
unreadable or stale data file (older than the module) is no evidence, never an error.
coverage.py is imported here only, and only when a data file exists.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

DATA_FILE = ".coverage"


def context_evidence(root: Path, data_file: str = DATA_FILE) -> dict[str, list[str]]:
    """Module path (relative to ``root``) -> the test contexts that ran its lines.

    Args:
        root: The project folder the data's file names are relative to.
        data_file: The coverage data file, relative to ``root``.

    Returns:
        An empty mapping when there is no usable data.

    Example:
        >>> context_evidence(Path("/nowhere"))
        {}
    """
    path = root / data_file
    if not path.is_file():
        return {}
    try:
        import sqlite3

        from coverage import CoverageData
        from coverage.exceptions import CoverageException
    except ImportError:
        return {}
    try:
        data = CoverageData(basename=str(path))
        data.read()
        return _contexts(data, path, root)
    # Reason: data that cannot be read is no evidence, never a failed hook.
    except (CoverageException, OSError, ValueError, sqlite3.Error):
        return {}


def _contexts(data: Any, path: Path, root: Path) -> dict[str, list[str]]:
    if not any(data.measured_contexts()):
        return {}
    recorded = path.stat().st_mtime
    found: dict[str, list[str]] = {}
    for measured in data.measured_files():
        try:
            relative = Path(measured).resolve().relative_to(root.resolve())
        except ValueError:
            continue
        # Reason: data older than the module judges another version of it.
        if os.path.getmtime(measured) > recorded:
            continue
        ran = data.contexts_by_lineno(measured)
        contexts = sorted({c for cs in ran.values() for c in cs if c})
        if contexts:
            found[relative.as_posix()] = contexts
    return found


def context_test(context: str) -> str:
    """The test file a context names (``tests/test_a.py::test_x|run``), or itself.

    Example:
        >>> context_test("tests/test_a.py::test_x|run")
        'tests/test_a.py'
    """
    return context.partition("::")[0].partition("|")[0]
