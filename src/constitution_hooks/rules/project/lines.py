"""Find the line of a TOML table, key or string entry in the text, for findings.

tomllib keeps no positions, so the text is searched: the table's header, then the
key inside that table, then the quoted entry after the key. Each step falls back
to the one before it, so a finding always has a line, at worst 1:1.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"\s*\[\[?\s*([^\[\]#]+?)\s*\]\]?\s*(#.*)?")


def _header_name(line: str) -> str | None:
    match = _HEADER.fullmatch(line)
    if match is None:
        return None
    return ".".join(part.strip().strip("\"'") for part in match[1].split("."))


def locate(text: str, header: str, key: str = "", value: str = "") -> tuple[int, int]:
    """The 1-based (line, column) of ``value`` under ``key`` in table ``header``.

    Args:
        text: The TOML text.
        header: The table, such as ``project`` or ``dependency-groups``.
        key: A key of that table, such as ``dependencies`` (optional).
        value: A string inside the key's value, such as ``httpx>=0.27`` (optional).

    Returns:
        The position of the quoted value, else of the key, else of the header,
        else ``(1, 1)``.

    Example:
        >>> locate('[project]\\nname = "x"\\ndependencies = [\\n  "a>=1",\\n]\\n',
        ...        "project", "dependencies", "a>=1")
        (4, 3)
    """
    lines = text.splitlines()
    start = next(
        (n for n, line in enumerate(lines) if _header_name(line) == header), None
    )
    if start is None:
        return 1, 1
    end = next(
        (n for n in range(start + 1, len(lines)) if _header_name(lines[n])),
        len(lines),
    )
    found = (start + 1, 1)
    key_pattern = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")
    at = next((n for n in range(start + 1, end) if key_pattern.match(lines[n])), None)
    if not key or at is None:
        return found
    found = (at + 1, len(lines[at]) - len(lines[at].lstrip()) + 1)
    if value:
        return _quoted(lines, at, end, value) or found
    return found


def _quoted(
    lines: list[str], start: int, end: int, value: str
) -> tuple[int, int] | None:
    for number in range(start, end):
        for quote in ('"', "'"):
            column = lines[number].find(f"{quote}{value}{quote}")
            if column >= 0:
                return number + 1, column + 1
    return None


def find_text(text: str, needle: str, *after: str) -> tuple[int, int]:
    """The 1-based (line, column) of ``needle``, searched past each ``after`` in turn.

    Example:
        >>> find_text('a\\nname = "x"\\nb = [{ name = "y" }]\\n', '{ name = "y"',
        ...           'name = "x"')
        (3, 6)
    """
    lines = text.splitlines()
    start = 0
    for anchor in after:
        start = next((n for n in range(start, len(lines)) if anchor in lines[n]), start)
    for number in range(start, len(lines)):
        column = lines[number].find(needle)
        if column >= 0:
            return number + 1, column + 1
    return (start + 1, 1) if after else (1, 1)
