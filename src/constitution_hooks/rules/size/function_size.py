"""CON102 and CON103: "Functions under 50 lines, classes under 100 lines"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from constitution_hooks.core.config import Settings
from constitution_hooks.core.violation import Finding


class FunctionSizeSettings(NamedTuple):
    """The ``function-size`` table, typed.

    Example:
        >>> table = Settings({"max-function-lines": 49, "max-class-lines": 99})
        >>> table.record(FunctionSizeSettings)
        FunctionSizeSettings(max_function_lines=49, max_class_lines=99)
    """

    max_function_lines: int
    max_class_lines: int


if TYPE_CHECKING:
    from constitution_hooks.core.source import SourceFile


def _oversized(source: SourceFile, kind: str, limit: int) -> Iterator[Finding]:
    for definition in source.definitions:
        if definition.kind == kind and definition.length > limit:
            yield Finding(
                definition.line,
                definition.column,
                f"{kind} '{definition.name}' is {definition.length} lines long"
                f" (limit {limit})",
            )


def check_function_size(source: SourceFile, settings: Settings) -> Iterator[Finding]:
    """Flag functions and methods spanning more than ``max-function-lines``.

    The span runs from the ``def`` line through the last line; decorators are
    excluded, nested definitions included (and measured on their own too).

    Example:
        >>> import pathlib, tempfile
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.py"
        >>> _ = p.write_text("def f():\\n    a = 1\\n    return a\\n")
        >>> from constitution_hooks.core.source import SourceFile
        >>> s = Settings({"max-function-lines": 2, "max-class-lines": 99})
        >>> [f.message for f in check_function_size(SourceFile(p), s)]
        ["function 'f' is 3 lines long (limit 2)"]
    """
    yield from _oversized(
        source, "function", settings.record(FunctionSizeSettings).max_function_lines
    )


def check_class_size(source: SourceFile, settings: Settings) -> Iterator[Finding]:
    """Flag classes spanning more than ``max-class-lines``.

    Example:
        >>> import pathlib, tempfile
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.py"
        >>> _ = p.write_text("class C:\\n    a = 1\\n")
        >>> from constitution_hooks.core.source import SourceFile
        >>> s = Settings({"max-function-lines": 49, "max-class-lines": 1})
        >>> [f.line for f in check_class_size(SourceFile(p), s)]
        [1]
    """
    yield from _oversized(
        source, "class", settings.record(FunctionSizeSettings).max_class_lines
    )
