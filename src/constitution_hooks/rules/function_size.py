"""CON102 and CON103: "Functions under 50 lines, classes under 100 lines"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from constitution_hooks.core.config import Settings
from constitution_hooks.core.options import Section, positive_int
from constitution_hooks.core.registry import Rule
from constitution_hooks.core.violation import Finding

# Reason: annotations only; the commit-msg hook imports this module for its
# registry entries and must not pay for ast and tokenize.
if TYPE_CHECKING:
    from constitution_hooks.core.source import SourceFile

SECTION = Section(
    "function-size",
    (
        positive_int("max-function-lines", 49, "most lines a function may span"),
        positive_int("max-class-lines", 99, "most lines a class may span"),
    ),
)


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
        >>> s = Settings({"max-function-lines": 2})
        >>> [f.message for f in check_function_size(SourceFile(p), s)]
        ["function 'f' is 3 lines long (limit 2)"]
    """
    yield from _oversized(source, "function", settings.integer("max-function-lines"))


def check_class_size(source: SourceFile, settings: Settings) -> Iterator[Finding]:
    """Flag classes spanning more than ``max-class-lines``.

    Example:
        >>> import pathlib, tempfile
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.py"
        >>> _ = p.write_text("class C:\\n    a = 1\\n")
        >>> from constitution_hooks.core.source import SourceFile
        >>> s = Settings({"max-class-lines": 1})
        >>> [f.line for f in check_class_size(SourceFile(p), s)]
        [1]
    """
    yield from _oversized(source, "class", settings.integer("max-class-lines"))


_WHY = (
    "Long bodies do several things; one clear purpose per function and class keeps"
    " them testable. The span counts the signature, docstring, comments, blank lines"
    " and nested definitions; decorators are not counted."
)
RULES = (
    Rule(
        code="CON102",
        id="function-too-long",
        hook="function-size",
        section=SECTION.name,
        summary="a function or method whose span from its def line exceeds the limit",
        constitution="Functions under 50 lines, classes under 100 lines.",
        why=_WHY,
        example="def handle(request):\n    ...  # 63 lines of parsing and saving\n",
        fix="def handle(request):\n    data = parse(request)\n    return save(data)\n",
        default="49 lines",
        hint="extract helper functions, each with one purpose",
        check=check_function_size,
    ),
    Rule(
        code="CON103",
        id="class-too-long",
        hook="function-size",
        section=SECTION.name,
        summary="a class whose span from its class line exceeds the limit",
        constitution="Functions under 50 lines, classes under 100 lines.",
        why=_WHY,
        example="class Service:\n    ...  # 140 lines: parsing, storage, e-mail\n",
        fix="class Parser: ...\nclass Store: ...\nclass Mailer: ...\n",
        default="99 lines",
        hint="split the class by responsibility or move helpers to functions",
        check=check_class_size,
    ),
)
