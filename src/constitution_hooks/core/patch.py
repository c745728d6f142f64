"""Read a unified diff: which lines of which files a patch adds or changes."""

from __future__ import annotations

import re
from collections.abc import Iterator

_HUNK = re.compile(rb"^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def parse_patch(patch: bytes) -> Iterator[tuple[str, frozenset[int]]]:
    """Yield (path after, line numbers added or changed) per file of a patch.

    A hunk's body is as long as its header says, so a body line that looks like a
    header (a docstring line ``++ b/x.py`` is added as ``+++ b/x.py``) stays body.

    Example:
        >>> patch = b"+++ b/a.py\\n@@ -0,0 +1,2 @@\\n++++ b/z.py\\n+x\\n"
        >>> dict(parse_patch(patch))
        {'a.py': frozenset({1, 2})}
    """
    path: str | None = None
    lines: set[int] = set()
    rows = iter(patch.split(b"\n"))
    for row in rows:
        hunk = _HUNK.match(row)
        if row.startswith(b"+++ "):
            if path is not None:
                yield path, frozenset(lines)
            path, lines = _header_path(row), set()
        elif hunk:
            old, start, new = int(hunk[1] or b"1"), int(hunk[2]), int(hunk[3] or b"1")
            if path is not None:
                lines.update(range(start, start + new))
            _skip_body(rows, old, new)
    if path is not None:
        yield path, frozenset(lines)


def _header_path(row: bytes) -> str | None:
    # Reason: git appends a tab to a header name with spaces (for patch(1)).
    header = row[4:].decode("utf-8", "surrogateescape").removesuffix("\t")
    name = unquote_path(header)
    return name[2:] if name.startswith("b/") else None


def _skip_body(rows: Iterator[bytes], old: int, new: int) -> None:
    """Consume a hunk's body: ``old`` lines of the old side, ``new`` of the new."""
    while old > 0 or new > 0:
        row = next(rows, None)
        if row is None:
            return
        # Reason: diff.suppressBlankEmpty prints an empty context line as "".
        tag = row[:1] or b" "
        old -= tag in b" -"
        new -= tag in b" +"


def unquote_path(name: str) -> str:
    """Undo git's C-style quoting of a path in a patch header.

    Example:
        >>> unquote_path('"b/caf\\\\303\\\\251.py"'), unquote_path("b/a.py")
        ('b/café.py', 'b/a.py')
    """
    if not (name.startswith('"') and name.endswith('"')):
        return name
    raw = name[1:-1].encode("utf-8", "surrogateescape")
    # Reason: git escapes bytes as octal and \t \n \" \\ like C; "unicode_escape"
    # turns those into code points 0-255, which latin-1 maps back to the bytes.
    text = raw.decode("unicode_escape").encode("latin-1")
    return text.decode("utf-8", "surrogateescape")
