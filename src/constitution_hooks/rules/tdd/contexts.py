"""Coverage contexts as evidence: a module whose lines ran inside a test pairs with it.

When coverage data was recorded per test (``[tool.coverage.run] dynamic_context =
"test_function"``, or pytest-cov's ``--cov-context=test``), a module any of whose
lines ran inside a test's context (not at import time, the empty context) is
exercised by that test. The data is read with coverage.py's own API; a missing,
unreadable or stale data file (older than the module) is no evidence, never an error.
coverage.py is imported here only, and only when a data file exists.

The ``coverage-gate`` hook records contexts in its own run (into a temporary data
file, never the user's) and keeps what it found, per project, in the user's cache
folder (``$XDG_CACHE_HOME/constitution-hooks/contexts``); that record is read here
beside ``.coverage``, with the same staleness rule.
"""

from __future__ import annotations

import hashlib
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
    found = _read(root / data_file, root)
    for module, contexts in _recorded(root).items():
        kept = found.setdefault(module, [])
        kept.extend(c for c in contexts if c not in kept)
    return found


def _read(path: Path, root: Path) -> dict[str, list[str]]:
    """The contexts of data file ``path``, module paths relative to ``root``."""
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


def record_contexts(data_file: Path, root: Path) -> None:
    """Keep the per-test contexts of the gate's data for ``tdd-pairing`` to read.

    Written to the user's cache folder, never beside the project; nothing is
    written when the data holds no contexts, and a cache that cannot be written
    leaves the evidence absent (never an error).

    Args:
        data_file: The gate's (temporary) coverage data file.
        root: The project folder its file names are relative to.

    Example:
        >>> record_contexts(Path("/nowhere/.coverage"), Path("/nowhere"))
    """
    import json  # start-up imports: ADR 0010
    import tempfile

    found = _read(data_file, root)
    target = _store(root)
    if not found and not target.is_file():
        return
    record = {"recorded": data_file.stat().st_mtime if found else 0, "files": found}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Reason: written whole then renamed, so a reader never sees half a record.
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(record, out)
        os.replace(temporary, target)
    except OSError:
        return


def _store(root: Path) -> Path:
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24]
    return Path(cache) / "constitution-hooks" / "contexts" / f"{key}.json"


def _recorded(root: Path) -> dict[str, list[str]]:
    """What the gate recorded for ``root``, modules edited since left out."""
    target = _store(root)
    if not target.is_file():
        return {}
    import json  # start-up imports: ADR 0010

    try:
        record = json.loads(target.read_text(encoding="utf-8"))
        recorded, files = float(record["recorded"]), dict(record["files"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    found: dict[str, list[str]] = {}
    for module, contexts in files.items():
        path = root / str(module)
        try:
            fresh = path.stat().st_mtime <= recorded
        except OSError:
            continue
        if fresh and isinstance(contexts, list):
            found[str(module)] = [str(c) for c in contexts]
    return found
