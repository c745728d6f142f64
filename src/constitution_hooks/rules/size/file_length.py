"""CON101 file-too-long: "Files must never exceed 500 lines"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from constitution_hooks.core.config import Settings
from constitution_hooks.core.violation import Finding


class FileLengthSettings(NamedTuple):
    """The ``file-length`` table, typed.

    Example:
        >>> Settings({"max-lines": 500}).record(FileLengthSettings).max_lines
        500
    """

    max_lines: int


if TYPE_CHECKING:
    from constitution_hooks.core.source import SourceFile


def check_file_length(source: SourceFile, settings: Settings) -> Iterator[Finding]:
    """Flag a file with more physical lines than ``max-lines``.

    The finding points at the first line past the limit.

    Args:
        source: The parsed file.
        settings: The ``file-length`` table.

    Yields:
        At most one finding.

    Example:
        >>> import pathlib, tempfile
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.py"
        >>> _ = p.write_text("x = 1\\n" * 3)
        >>> from constitution_hooks.core.source import SourceFile
        >>> s = Settings({"max-lines": 2})
        >>> [f.line for f in check_file_length(SourceFile(p), s)]
        [3]
    """
    limit = settings.record(FileLengthSettings).max_lines
    lines = source.line_count
    if lines > limit:
        yield Finding(
            limit + 1,
            1,
            f"file is {lines} lines long (limit {limit}); split it into modules",
        )
