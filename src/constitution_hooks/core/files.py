"""Which files a run checks: given paths, folders expanded, or every tracked file."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

BUILTIN_EXCLUDES = (
    ".git",
    ".hg",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    ".eggs",
    "*.egg-info",
    "build",
    "dist",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".constitution_cache",
    "node_modules",
    "site-packages",
)


def is_excluded(path: str, patterns: Iterable[str], root: Path | None = None) -> bool:
    """Match a path against exclude globs, as ``.gitignore`` reads them.

    A glob without ``/`` matches any single path component; one with ``/`` matches
    the path relative to ``root`` (the folder of the config file).

    Example:
        >>> is_excluded("pkg/.venv/x.py", [".venv"]), is_excluded("a/b.py", ["a/*"])
        (True, True)
    """
    relative = _relative(path, root)
    component, anchored = _compile(tuple(patterns))
    if anchored is not None and anchored.match(relative):
        return True
    if component is None:
        return False
    return any(
        component.match(part) for part in relative.split("/") if part not in _EMPTY
    )


@lru_cache(maxsize=16)
def _compile(patterns: tuple[str, ...]) -> tuple[re.Pattern[str] | None, ...]:
    # Reason: one compiled alternation per kind of glob instead of one fnmatch call
    # per glob and path component: discovery of a large tree was 15% of a run.
    stripped = [pattern.rstrip("/") for pattern in patterns]
    component = [fnmatch.translate(p) for p in stripped if "/" not in p]
    anchored = [fnmatch.translate(p.lstrip("/")) for p in stripped if "/" in p]
    return tuple(
        re.compile("|".join(globs)) if globs else None
        for globs in (component, anchored)
    )


_EMPTY = ("", ".")


def _relative(path: str, root: Path | None) -> str:
    posix = path.replace(os.sep, "/")
    if root is None:
        return posix
    # Reason: resolving each file's folder once (not each file) made discovery of a
    # large tree several times faster; a symlinked file is matched where it sits.
    folder, name = os.path.split(path)
    full = os.path.join(_resolved(os.getcwd(), folder), name)
    prefix = str(root).rstrip(os.sep) + os.sep
    return (
        full[len(prefix) :].replace(os.sep, "/") if full.startswith(prefix) else posix
    )


@lru_cache(maxsize=4096)
def _resolved(cwd: str, folder: str) -> str:
    return os.path.realpath(os.path.join(cwd, folder))


def discover(
    paths: Iterable[str], all_files: bool, excludes: Iterable[str], root: Path | None
) -> list[str]:
    """Resolve the files to check, in a stable order, without duplicates.

    Args:
        paths: Files or folders given on the command line.
        all_files: Check every tracked Python file (outside git: every ``*.py``).
        excludes: User globs, added to the built-in ones.
        root: The folder user globs are relative to.

    Returns:
        Paths as given or relative to the current folder.

    Example:
        >>> discover([], False, [], None)
        []
    """
    patterns = (*BUILTIN_EXCLUDES, *excludes)
    candidates: Iterator[str]
    candidates = _all_python_files() if all_files else _expand(paths)
    seen: dict[str, None] = {}
    for candidate in candidates:
        if candidate not in seen and not is_excluded(candidate, patterns, root):
            seen[candidate] = None
    return list(seen)


def _all_python_files() -> Iterator[str]:
    from constitution_hooks.core import git

    if git.inside_work_tree():
        files = (p for p in git.tracked_files() if p.endswith(".py"))
        return (p for p in files if os.path.isfile(p))
    return _walk(".")


def _expand(paths: Iterable[str]) -> Iterator[str]:
    for path in paths:
        if os.path.isdir(path):
            yield from _walk(path)
        else:
            yield path


def _walk(folder: str) -> Iterator[str]:
    for current, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not is_excluded(d, BUILTIN_EXCLUDES))
        for name in sorted(names):
            if name.endswith(".py"):
                yield os.path.normpath(os.path.join(current, name))
