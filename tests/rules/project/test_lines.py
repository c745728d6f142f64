"""Finding the line of a TOML entry in the text."""

from __future__ import annotations

import pytest

from constitution_hooks.rules.project.lines import find_text, locate

PYPROJECT = """\
[build-system]
requires = ["hatchling"]

[project]
name = "app"
dependencies = [
    "fastapi>=0.115",
    'httpx==0.27.2',
]

[ "dependency-groups" ]
dev = ["pytest>=8"]
"""


@pytest.mark.parametrize(
    ("header", "key", "value", "position"),
    [
        ("project", "dependencies", "fastapi>=0.115", (7, 5)),
        ("project", "dependencies", "httpx==0.27.2", (8, 5)),
        ("project", "dependencies", "missing", (6, 1)),
        ("project", "requires-python", "", (4, 1)),
        ("project", "", "", (4, 1)),
        ("dependency-groups", "dev", "pytest>=8", (12, 8)),
        ("tool.uv", "dev-dependencies", "x", (1, 1)),
        ("build-system", "dependencies", "", (1, 1)),
    ],
)
def test_locate_falls_back_entry_key_header_start(
    header: str, key: str, value: str, position: tuple[int, int]
) -> None:
    assert locate(PYPROJECT, header, key, value) == position


def test_find_text_anchors_searched_in_turn() -> None:
    text = 'a = { name = "x" }\n[b]\nc = 1\nd = [{ name = "x" }]\n'
    assert find_text(text, '{ name = "x"', "[b]", "d =") == (4, 6)


def test_find_text_absent_needle_returns_last_anchor() -> None:
    assert find_text("a\nb\n", "zzz", "b") == (2, 1)
    assert find_text("a\nb\n", "zzz") == (1, 1)
