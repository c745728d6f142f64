"""Read measured files from coverage data: ``.coverage``, coverage.json, coverage.xml.

A ``.coverage`` data file is read by coverage.py itself (its ``json_report``), so the
project's ``[tool.coverage]`` settings (source, omit, include, branch, paths) apply as
they do for ``coverage report``. coverage.json and Cobertura XML files, which
coverage.py cannot load, are parsed with the standard library. coverage.py is
imported here only, lazily: the other hooks never pay for it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

# Reason: the XML parsed is the user's own coverage report, not untrusted input.
from xml.etree import ElementTree  # nosec B405

from constitution_hooks.core.errors import UsageError
from constitution_hooks.rules.coverage.figures import FileCoverage

CONDITION = re.compile(r"\((\d+)/(\d+)\)")


@contextlib.contextmanager
def working_folder(folder: Path) -> Iterator[None]:
    """Run a block with ``folder`` as the current folder (coverage.py reads it).

    Example:
        >>> with working_folder(Path("/")):
        ...     os.getcwd()
        '/'
    """
    previous = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)


def read_coverage(path: Path, root: Path) -> list[FileCoverage]:
    """Read every measured file from a data file, coverage.json or coverage.xml.

    Args:
        path: The data to read; the kind is told by its suffix (.xml, .json, other).
        root: The project root: coverage.py's config is read there and file
            paths are made relative to it.

    Raises:
        UsageError: If the file is missing, unreadable or holds no data.

    Example:
        >>> read_coverage(Path("/no/such/.coverage"), Path("/"))
        Traceback (most recent call last):
        ...
        constitution_hooks.core.errors.UsageError: /no/such/.coverage: no such file
    """
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    try:
        if path.suffix == ".xml":
            files = _read_xml(path, root)
        elif path.suffix == ".json":
            files = _read_json(json.loads(path.read_text(encoding="utf-8")), root)
        else:
            files = _read_data_file(path, root)
    except (OSError, ValueError, KeyError, TypeError, ElementTree.ParseError) as err:
        raise UsageError(f"{path}: not a coverage report: {err}") from err
    if not files:
        # Reason: data that measures nothing would pass every gate at 100% (0/0).
        raise UsageError(
            f"no measured files in {path}: pass the .coverage, coverage.json or"
            " coverage.xml of a test run under coverage (not a JUnit report)"
        )
    return files


def _read_data_file(path: Path, root: Path) -> list[FileCoverage]:
    import coverage
    from coverage.exceptions import CoverageException

    with tempfile.TemporaryDirectory() as folder, working_folder(root):
        report = Path(folder) / "coverage.json"
        copy = Path(folder) / ".coverage"
        # Reason: coverage.py may write to the data file it loads (an empty file
        # becomes a database); it loads a copy, so the user's bytes never change.
        shutil.copyfile(path.resolve(), copy)
        try:
            cov = coverage.Coverage(data_file=str(copy))
            cov.load()
            cov.json_report(outfile=str(report))
        except CoverageException as error:
            raise UsageError(
                f"{path}: {error} (check [tool.coverage.run] source and omit)"
            ) from error
        return _read_json(json.loads(report.read_text(encoding="utf-8")), root)


def _read_json(document: Any, root: Path) -> list[FileCoverage]:
    found = []
    for name, entry in _table(document, "the report")["files"].items():
        summary = _table(entry, name)["summary"]
        executed = _lines(entry, "executed_lines")
        missing = _lines(entry, "missing_lines")
        branches = _count(_table(summary, name), "num_branches")
        taken = _count(summary, "covered_branches")
        if taken > branches:
            raise ValueError(f"{name}: covered_branches is more than num_branches")
        found.append(
            FileCoverage(
                _relative(name, root),
                executed | missing,
                missing,
                branches,
                branches - taken,
            )
        )
    return found


def _table(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(f"{what}: expected an object, found {type(value).__name__}")
    if "files" in value and not isinstance(value["files"], dict):
        raise TypeError(f"{what}: files must be an object")
    return value


def _lines(entry: dict[str, Any], key: str) -> frozenset[int]:
    lines = entry[key]
    if not isinstance(lines, list) or not all(_whole(n) for n in lines):
        raise TypeError(f"{key} must be a list of line numbers")
    return frozenset(lines)


def _count(summary: dict[str, Any], key: str) -> int:
    value = summary.get(key, 0)
    if not _whole(value) or value < 0:
        raise TypeError(f"summary {key} must be a whole number >= 0")
    return int(value)


def _whole(value: object) -> bool:
    # Reason: JSON true/false are Python bools, and bool is a subclass of int.
    return isinstance(value, int) and not isinstance(value, bool)


def _read_xml(path: Path, root: Path) -> list[FileCoverage]:
    # Reason: the report is the user's own file, produced by their coverage run.
    tree = ElementTree.parse(path)  # nosec B314
    sources = [Path(s.text or ".") for s in tree.iter("source")]
    merged: dict[str, tuple[set[int], set[int], list[int]]] = {}
    for node in tree.iter("class"):
        name = _xml_file(node.get("filename", ""), sources, root)
        statements, missing, counts = merged.setdefault(name, (set(), set(), [0, 0]))
        for line in node.iter("line"):
            number = int(line.get("number", "0"))
            statements.add(number)
            if int(line.get("hits", "0")) == 0:
                missing.add(number)
            match = CONDITION.search(line.get("condition-coverage", ""))
            if line.get("branch") == "true" and match:
                counts[0] += int(match.group(2))
                counts[1] += int(match.group(2)) - int(match.group(1))
    return [
        FileCoverage(name, frozenset(s), frozenset(m), c[0], c[1])
        for name, (s, m, c) in merged.items()
    ]


def _xml_file(filename: str, sources: list[Path], root: Path) -> str:
    for source in sources:
        base = source if source.is_absolute() else root / source
        if (base / filename).is_file():
            return _relative(str(base / filename), root)
    return _relative(filename, root)


def _relative(name: str, root: Path) -> str:
    path = Path(
        os.path.realpath(Path(name) if Path(name).is_absolute() else root / name)
    )
    base = Path(os.path.realpath(root))
    return path.relative_to(base).as_posix() if path.is_relative_to(base) else name


def glob_matcher(root: Path) -> Callable[[str, str], bool]:
    """``match(glob, path)`` with coverage.py's own ``--include`` matching.

    Example:
        >>> glob_matcher(Path("/"))("src/*", "src/a.py")
        True
    """
    from coverage.files import GlobMatcher, prep_patterns

    def match(glob: str, path: str) -> bool:
        with working_folder(root):
            patterns = prep_patterns([glob])
        return GlobMatcher(patterns).match(os.path.realpath(root / path))

    return match


def check_globs(globs: Iterable[str], where: str = "pyproject.toml") -> None:
    """Raise a config error for a critical glob coverage.py cannot match with.

    Raises:
        UsageError: Naming the key and the glob, such as ``**`` (use ``*``).

    Example:
        >>> check_globs(["src/**"])
    """
    from coverage.exceptions import ConfigError
    from coverage.files import GlobMatcher

    for glob in globs:
        try:
            GlobMatcher([glob])
        except ConfigError as error:
            raise UsageError(
                f"{where}: tool.constitution.coverage-gate.critical: {glob!r} is not a"
                f" glob coverage.py reads ({error}); use '*' for every file or"
                " 'src/pkg/**' for a folder"
            ) from error


def combine_parallel(data_file: Path) -> None:
    """Combine ``<data_file>.*`` parallel files into ``data_file`` (temporary data).

    Example:
        >>> combine_parallel(Path(tempfile.mkdtemp()) / ".coverage")
    """
    import coverage

    parts = list(data_file.parent.glob(data_file.name + ".*"))
    if data_file.exists() or not parts:
        return
    cov = coverage.Coverage(data_file=str(data_file))
    cov.combine([str(part) for part in parts], keep=True)
    cov.save()
