"""Branch patterns: shell-style globs, matched case-sensitively, cheaply."""

from __future__ import annotations

from collections.abc import Iterable

_GLOB = frozenset("*?[")


def matches(name: str, pattern: str) -> bool:
    """Whether ``name`` matches ``pattern`` as ``fnmatch.fnmatchcase`` says.

    A literal pattern and a literal prefix followed by one ``*`` (the six default
    patterns) are compared as strings; only other globs import ``fnmatch``.

    Example:
        >>> matches("feature/search", "feature/*"), matches("feat/x", "feature/*")
        (True, False)
        >>> matches("release-1.2", "release-[0-9]*")
        True
    """
    if not _GLOB.intersection(pattern):
        return name == pattern
    head = pattern[:-1]
    if pattern.endswith("*") and not _GLOB.intersection(head):
        return name.startswith(head)
    import fnmatch

    return fnmatch.fnmatchcase(name, pattern)


def matches_any(name: str, patterns: Iterable[str]) -> bool:
    """Whether ``name`` matches one of ``patterns``.

    Example:
        >>> matches_any("main", ["main", "develop"])
        True
    """
    return any(matches(name, pattern) for pattern in patterns)
