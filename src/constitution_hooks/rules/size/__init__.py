"""The size family: CON101 file-too-long, CON102 and CON103 function and class size.

The constitution's "Files must never exceed 500 lines" and "Functions under 50 lines,
classes under 100 lines". The checks live in ``file_length`` and ``function_size``.
"""

from __future__ import annotations

from constitution_hooks.core.options import Section, positive_int
from constitution_hooks.core.registry import Rule
from constitution_hooks.rules.size.file_length import check_file_length
from constitution_hooks.rules.size.function_size import (
    check_class_size,
    check_function_size,
)

FILE_LENGTH = Section(
    "file-length",
    (positive_int("max-lines", 500, "most physical lines a file may have"),),
)
FUNCTION_SIZE = Section(
    "function-size",
    (
        positive_int("max-function-lines", 49, "most lines a function may span"),
        positive_int("max-class-lines", 99, "most lines a class may span"),
    ),
)
SECTIONS: tuple[Section, ...] = (FILE_LENGTH, FUNCTION_SIZE)

RULES: tuple[Rule, ...] = (
    Rule(
        code="CON101",
        id="file-too-long",
        hook="file-length",
        section=FILE_LENGTH.name,
        summary="more physical lines than the limit (reported at the line past it)",
        constitution=(
            "Files must never exceed 500 lines - split into modules when approaching"
            " this limit."
        ),
        why=(
            "Long files mix several purposes and are hard to review and to navigate."
            " Every physical line counts, a last line without a newline included."
        ),
        example="# app.py: 812 lines of routes, models and helpers\n",
        fix="# app/routes.py, app/models.py, app/helpers.py: each under the limit\n",
        default="500 lines",
        hint=(
            "split the module by purpose; or raise max-lines in"
            " [tool.constitution.file-length] with a written reason"
        ),
        check=check_file_length,
        file_level=True,
        # Reason: line counts need no tree; a 30 MB file parsed took 12 GB.
        needs_tree=False,
    ),
)
_WHY = (
    "Long bodies do several things; one clear purpose per function and class keeps"
    " them testable. The span counts the signature, docstring, comments, blank lines"
    " and nested definitions; decorators are not counted."
)
RULES += (
    Rule(
        code="CON102",
        id="function-too-long",
        hook="function-size",
        section=FUNCTION_SIZE.name,
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
        section=FUNCTION_SIZE.name,
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
