"""What ``init`` reads from the project: its Python, its folders, its dev tools."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from constitution_hooks.commands.init.pyproject_table import Table, lookup
from constitution_hooks.commands.init.tables import lint_keys, other_tables, ruff_tables


class Project(NamedTuple):
    """The facts ``init`` adapts its configs to.

    Attributes:
        python: The target Python as ``3.11``, from ``.python-version``, or None.
        folders: The folders mypy checks (``src``, ``tests`` where they exist).
        ruff_format: ``[tool.ruff.format]`` is set: the project formats with ruff.
        has_mypy: mypy is among the project's own (dev) dependencies.
    """

    python: str | None
    folders: tuple[str, ...]
    ruff_format: bool
    has_mypy: bool

    @property
    def language(self) -> str | None:
        """The ``default_language_version`` for Python, e.g. ``python3.11``."""
        return f"python{self.python}" if self.python else None


def read_project(root: Path, document: dict[str, Any]) -> Project:
    """Read the facts from the folder and its parsed pyproject.

    Example:
        >>> facts = read_project(Path("/nonexistent"), {})
        >>> facts.python, facts.folders
        (None, ('.',))
    """
    try:
        text = (root / ".python-version").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    found = re.match(r"\s*(?:cpython-)?(3\.\d+)", text)
    folders = tuple(name for name in ("src", "tests") if (root / name).is_dir())
    return Project(
        python=found.group(1) if found else None,
        folders=folders or (".",),
        ruff_format=lookup(document, "tool.ruff.format") is not None,
        has_mypy=_has_mypy(document),
    )


def _has_mypy(document: dict[str, Any]) -> bool:
    groups = lookup(document, "dependency-groups") or {}
    legacy = lookup(document, "tool.uv.dev-dependencies") or []
    optional = lookup(document, "project.optional-dependencies") or {}
    listed = [*legacy, *(r for g in (groups, optional) for v in g.values() for r in v)]
    return any(re.match(r"mypy\b(?![-_.])", str(item)) for item in listed)


def peer_tables(document: dict[str, Any], facts: Project) -> tuple[list[Table], str]:
    """The ruff, mypy, bandit and uv tables to merge, and a line to add by hand.

    Example:
        >>> tables, manual = peer_tables({}, read_project(Path("/nonexistent"), {}))
        >>> [table.name for table in tables][-1], manual
        ('tool.uv', '')
    """
    select, manual = lint_keys(document)
    tables = [*ruff_tables(select), *other_tables(facts.python, facts.folders)]
    return [table for table in tables if table.keys], manual
