"""Add the constitution's tables to pyproject.toml, keeping every line, key and ending.

Each wanted table is compared with the parsed file: a missing table is appended, a
missing key goes in right under its table's ``[header]``; a key the project has is
kept as it is, however it is set. Every edit is checked by parsing the result; when
the table is written in a way we cannot extend (dotted keys, an inline table), the
lines to add are returned for the user instead. A file that is not valid TOML is
refused with a ``UsageError`` (exit 2).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from typing import Any, NamedTuple

from constitution_hooks.core.config import ROOT_OPTIONS
from constitution_hooks.core.errors import UsageError
from constitution_hooks.core.options import Option, Section, toml_repr

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover -- exercised by the 3.10 test matrix
    import tomli as tomllib

FILE = "pyproject.toml"
ADDED = "added a commented [tool.constitution] with the defaults"


class Table(NamedTuple):
    """One TOML table: its dotted name, its keys (written form, TOML value), a note.

    Example:
        >>> Table("tool.uv", (("add-bounds", '"exact"'),)).lines()
        ['[tool.uv]', 'add-bounds = "exact"']
    """

    name: str
    keys: tuple[tuple[str, str], ...]
    note: str = ""

    def lines(self) -> list[str]:
        """The table as TOML lines: its note, its header and its keys."""
        head = [f"# {self.note}"] if self.note else []
        return [*head, f"[{self.name}]", *(f"{k} = {v}" for k, v in self.keys)]


class Merged(NamedTuple):
    """The new text, what changed, and lines the user must add by hand.

    Example:
        >>> merge_pyproject("[tool.constitution]\\n", []).text
        '[tool.constitution]\\n'
    """

    text: str
    changes: list[str]
    manual: list[str]


def parse(text: str) -> dict[str, Any]:
    """Parse pyproject text; refuse invalid TOML.

    Raises:
        UsageError: The text is not valid TOML.

    Example:
        >>> parse('[tool.uv]\\nadd-bounds = "exact"\\n')["tool"]["uv"]
        {'add-bounds': 'exact'}
    """
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as error:
        raise UsageError(f"{FILE}: not valid TOML, left untouched: {error}") from error


def lookup(document: dict[str, Any], dotted: str) -> Any:
    """The value at a dotted path (keys may be quoted), or None.

    Example:
        >>> lookup({"a": {"b.c": 1}}, 'a."b.c"')
        1
    """
    value: Any = document
    for part in _path(dotted):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def table(document: dict[str, Any], dotted: str) -> dict[str, Any]:
    """The table at a dotted path; ``{}`` when it is missing or not a table.

    Example:
        >>> table({"tool": {"ruff": 1}}, "tool.ruff")
        {}
    """
    found = lookup(document, dotted)
    return found if isinstance(found, dict) else {}


def strings(value: Any) -> tuple[str, ...]:
    """A list of strings as a tuple; anything else (a tool's config error) as ``()``.

    Example:
        >>> strings(["E", "F"]), strings(5)
        (('E', 'F'), ())
    """
    return tuple(str(item) for item in value) if isinstance(value, list) else ()


def _path(dotted: str) -> list[str]:
    # Reason: TOML itself splits a dotted key; quoted parts may hold dots.
    nested: Any = tomllib.loads(f"{dotted} = 0")
    parts = []
    while isinstance(nested, dict):
        key = next(iter(nested))
        parts.append(key)
        nested = nested[key]
    return parts


def default_table(sections: Iterable[Section]) -> str:
    """The ``[tool.constitution]`` table, every option commented out at its default.

    Example:
        >>> default_table([]).splitlines()[1]
        '[tool.constitution]'
    """
    lines = [
        "# constitution-hooks: every value below is the default; uncomment to change.",
        "[tool.constitution]",
        *(_option(option) for option in ROOT_OPTIONS),
    ]
    for section in sections:
        lines += ["", f"# [tool.constitution.{section.name}]"]
        lines += [_option(option) for option in section.all_options()]
    return "\n".join(lines) + "\n"


def _option(option: Option) -> str:
    value = option.default
    shown = toml_repr(list(value) if isinstance(value, tuple) else value)
    return f"# {option.key} = {shown}  # {option.help}".rstrip(" #")


def merge_pyproject(
    text: str | None, sections: Iterable[Section], tables: Iterable[Table] = ()
) -> Merged:
    """Add ``[tool.constitution]`` and the missing keys of ``tables``.

    Args:
        text: The current file, or None when there is none.
        sections: Every rule family's table.
        tables: The peer tools' tables.

    Returns:
        The new text (unchanged when nothing is missing), the changes, and the
        lines to add by hand where the file could not be extended safely.

    Raises:
        UsageError: The file is not valid TOML.

    Example:
        >>> merge_pyproject("[tool.constitution]\\n", []).changes
        []
    """
    merged = text or ""
    eol = "\r\n" if "\r\n" in merged else "\n"
    result = Merged(merged, [], [])
    if lookup(parse(merged), "tool.constitution") is None:
        block = default_table(sections).replace("\n", eol)
        manual = default_table(sections).splitlines()
        result = _try(result, _append(merged, block, eol), ADDED, manual)
    for table in tables:
        result = _merge_table(result, table, eol)
    return result


def _merge_table(result: Merged, table: Table, eol: str) -> Merged:
    document = parse(result.text)
    have = lookup(document, table.name)
    missing = [
        (k, v) for k, v in table.keys if lookup(document, f"{table.name}.{k}") is None
    ]
    if not missing or (have is not None and not isinstance(have, dict)):
        return result
    lines = [f"{k} = {v}" for k, v in missing]
    header = _header(result.text, table.name)
    if header is not None:
        at = result.text.index("\n", header) + 1
        new = (
            result.text[:at]
            + eol.join(lines).replace("\n", eol)
            + eol
            + result.text[at:]
        )
        change = f"added {', '.join(k for k, _ in missing)} to [{table.name}]"
    else:
        written = table._replace(keys=tuple(missing)).lines()
        new = _append(result.text, eol.join(written).replace("\n", eol) + eol, eol)
        change = f"added [{table.name}]"
    return _try(result, new, change, [f"[{table.name}]", *lines], table, missing)


def _try(
    result: Merged,
    new: str,
    change: str,
    manual: list[str],
    table: Table | None = None,
    keys: Iterable[tuple[str, str]] = (),
) -> Merged:
    try:
        document = tomllib.loads(new)
    except tomllib.TOMLDecodeError:
        document = None
    expected = {k: tomllib.loads(f"x = {v}")["x"] for k, v in keys}
    name = table.name if table else ""
    if document is not None and all(
        lookup(document, f"{name}.{k}") == v for k, v in expected.items()
    ):
        return Merged(new, [*result.changes, change], result.manual)
    return Merged(result.text, result.changes, [*result.manual, *manual, ""])


def _append(text: str, block: str, eol: str) -> str:
    if not text:
        return block
    gap = eol if text.endswith(("\n", "\r")) else eol * 2
    return text + gap + block


def _header(text: str, dotted: str) -> int | None:
    part = r"\s*\.\s*".join(f'"?{re.escape(p)}"?' for p in _path(dotted))
    found = re.search(rf"^[ \t]*\[[ \t]*{part}[ \t]*\][ \t]*(#[^\n]*)?\r?$", text, re.M)
    return found.start() if found else None
