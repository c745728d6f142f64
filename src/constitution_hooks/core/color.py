"""Colour for the text format on a terminal: code, path and limit stand out.

``--color auto`` (the default) colours only a terminal, and ``NO_COLOR`` (any
non-empty value, see no-color.org) turns it off; ``always`` and ``never`` win over
both, as in ruff and pytest.
"""

from __future__ import annotations

import os
import re
from typing import TextIO

COLOR_MODES = ("auto", "always", "never")
_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_RED = "\x1b[1;31m"
_YELLOW = "\x1b[33m"
# Reason: patterns, compiled by `re` on first use: a run that paints nothing
# (every hook run: its output is not a terminal) never compiles them.
_LINE = r"^(?P<where>\S.*?:\d+:\d+): (?P<code>[A-Z]+\d+) (?P<message>.*)$"
_LIMIT = r"\((?:limit|minimum) [^)]*\)"


def color_enabled(mode: str, stream: TextIO) -> bool:
    """Whether to colour ``stream`` under ``--color mode``.

    Example:
        >>> import io
        >>> color_enabled("always", io.StringIO()), color_enabled("auto", io.StringIO())
        (True, False)
    """
    if mode in ("always", "never"):
        return mode == "always"
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def paint(text: str) -> str:
    """Colour each ``path:line:col: CODE message`` line of the text format.

    Example:
        >>> paint("a.py:1:1: CON101 long (limit 500)") == (
        ...     "\\x1b[1ma.py:1:1\\x1b[0m: \\x1b[1;31mCON101\\x1b[0m long"
        ...     " \\x1b[33m(limit 500)\\x1b[0m")
        True
    """
    return "\n".join(_paint_line(line) for line in text.split("\n"))


def _paint_line(line: str) -> str:
    match = re.match(_LINE, line)
    if match is None:
        return line
    message = re.sub(
        _LIMIT, lambda m: f"{_YELLOW}{m.group(0)}{_RESET}", match["message"]
    )
    return f"{_BOLD}{match['where']}{_RESET}: {_RED}{match['code']}{_RESET} {message}"
