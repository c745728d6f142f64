"""``count_lines`` counts Python's physical lines (guards its fast path)."""

from __future__ import annotations

import pytest

from constitution_hooks.core.source import count_lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("a", 1),
        ("a\n", 1),
        ("a\nb", 2),
        ("a\r\nb\r\n", 2),
        ("a\rb\r", 2),
        ("a\r\nb\rc\n", 3),
        ("a\x0cb\u2028c\n", 1),
        ("\n\n\n", 3),
    ],
)
def test_count_lines_each_line_break_style_counted_like_python(
    text: str, expected: int
) -> None:
    assert count_lines(text) == expected
