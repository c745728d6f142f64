"""``SourceFile.definitions`` finds every def and class in every statement block."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from constitution_hooks.core.source import SourceFile

BLOCKS = """
if a:
    def in_if(): pass
else:
    def in_else(): pass
try:
    def in_try(): pass
except E:
    def in_except(): pass
else:
    def in_try_else(): pass
finally:
    def in_finally(): pass
for x in y:
    def in_for(): pass
else:
    def in_for_else(): pass
while x:
    async def in_while(): pass
with ctx:
    class InWith:
        @decorated
        def method(self):
            def inner(): pass
x = [lambda: 1 for _ in range(3)]
"""
MATCH = """
match x:
    case 1:
        def in_case(): pass
    case _:
        class InDefault: pass
"""


def _names(parse: Callable[[str], SourceFile], text: str) -> list[str]:
    return [d.name for d in parse(text).definitions]


def test_definitions_every_statement_block_found_in_source_order(
    parse: Callable[[str], SourceFile],
) -> None:
    assert _names(parse, BLOCKS) == [
        "in_if",
        "in_else",
        "in_try",
        "in_except",
        "in_try_else",
        "in_finally",
        "in_for",
        "in_for_else",
        "in_while",
        "InWith",
        "InWith.method",
        "InWith.method.inner",
    ]


@pytest.mark.skipif(sys.version_info < (3, 10), reason="match needs Python 3.10")
def test_definitions_match_cases_found(parse: Callable[[str], SourceFile]) -> None:
    assert _names(parse, MATCH) == ["in_case", "InDefault"]


def test_definitions_decorated_method_starts_at_def_line(
    parse: Callable[[str], SourceFile],
) -> None:
    method = parse(BLOCKS).definitions[-2]
    assert (method.line, method.column, method.end_line) == (23, 9, 24)
