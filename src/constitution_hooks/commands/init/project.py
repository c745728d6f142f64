"""What ``init`` reads from the project: its Python, its folders, its dev tools."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from constitution_hooks.commands.init.pyproject_table import (
    Table,
    lookup,
    strings,
    table,
)
from constitution_hooks.commands.init.tables import lint_keys, other_tables, ruff_tables


class Project(NamedTuple):
    """The facts ``init`` adapts its configs to.

    Attributes:
        python: The target Python as ``3.11``, from ``.python-version``, or None.
        folders: The folders mypy checks (``src``, ``tests`` where they exist).
        ruff_format: ``[tool.ruff.format]`` is set: the project formats with ruff.
        has_mypy: mypy is among the project's own (dev) dependencies.
        mypy_file: A file other than pyproject.toml that holds mypy's config.
        ruff_file: ``ruff.toml`` or ``.ruff.toml``, which ruff reads instead.
        has_lock: There is a ``uv.lock``.

    Example:
        >>> Project("3.12", ("src",), False, True).language
        'python3.12'
    """

    python: str | None
    folders: tuple[str, ...]
    ruff_format: bool
    has_mypy: bool
    mypy_file: str | None = None
    ruff_file: str | None = None
    has_lock: bool = True

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
        mypy_file=_mypy_file(root),
        ruff_file=next((n for n in RUFF_FILES if (root / n).is_file()), None),
        has_lock=(root / "uv.lock").is_file(),
    )


RUFF_FILES = ("ruff.toml", ".ruff.toml")


def _mypy_file(root: Path) -> str | None:
    # Reason: mypy reads the first of these it finds, before pyproject.toml.
    for name, section in (("mypy.ini", ""), (".mypy.ini", ""), ("setup.cfg", "[mypy")):
        try:
            text = (root / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if not section or re.search(rf"^{re.escape(section)}\b", text, re.M):
            return name
    return None


def _has_mypy(document: dict[str, Any]) -> bool:
    groups = table(document, "dependency-groups")
    optional = table(document, "project.optional-dependencies")
    listed = [
        *strings(lookup(document, "tool.uv.dev-dependencies")),
        *(
            item
            for found in (groups, optional)
            for v in found.values()
            for item in strings(v)
        ),
    ]
    return any(re.match(r"mypy\b(?![-_.])", item) for item in listed)


def peer_tables(
    document: dict[str, Any], facts: Project, ruff_file: dict[str, Any] | None = None
) -> tuple[list[Table], list[str]]:
    """The ruff, mypy, bandit and uv tables to merge, and lines to add by hand.

    Ruff's tables go to the user as lines when ``ruff.toml`` holds ruff's config
    (``ruff_file``, parsed); mypy's table is left out when another file holds mypy's.

    Example:
        >>> tables, manual = peer_tables({}, read_project(Path("/nonexistent"), {}))
        >>> [table.name for table in tables][-1], manual
        ('tool.uv', [])
    """
    ruff_document = {"tool": {"ruff": ruff_file}} if ruff_file is not None else document
    select, line = lint_keys(ruff_document)
    manual = [line] if line else []
    ruff = [table for table in ruff_tables(select) if table.keys]
    if facts.ruff_file:
        manual.append(f"# ruff reads {facts.ruff_file}, not pyproject.toml; add there:")
        manual += [
            row
            for table in ruff
            for row in table._replace(
                name=table.name.removeprefix("tool.ruff.")
            ).lines()
        ]
        ruff = []
    others = list(other_tables(facts.python, facts.folders))
    if facts.mypy_file:
        manual.append(f"# mypy reads {facts.mypy_file}: set strict = True there")
        others = [table for table in others if table.name != "tool.mypy"]
    return [*ruff, *others], manual
