"""Colour switches: ``--color``, ``NO_COLOR`` and whether the stream is a terminal."""

from __future__ import annotations

import io

import pytest

from constitution_hooks.core.color import color_enabled, paint


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("mode", "terminal", "no_color", "expected"),
    [
        ("auto", True, "", True),
        ("auto", False, "", False),
        ("auto", True, "1", False),
        ("always", False, "1", True),
        ("never", True, "", False),
    ],
)
def test_color_enabled_mode_terminal_and_no_color_decide(
    monkeypatch: pytest.MonkeyPatch,
    mode: str,
    terminal: bool,
    no_color: str,
    expected: bool,
) -> None:
    monkeypatch.setenv("NO_COLOR", no_color)
    stream = Terminal() if terminal else io.StringIO()
    assert color_enabled(mode, stream) is expected


def test_paint_violation_line_colours_location_code_and_limit() -> None:
    painted = paint("a.py:3:1: CON102 function 'f' is 63 lines long (limit 49)\n")
    assert painted == (
        "\x1b[1ma.py:3:1\x1b[0m: \x1b[1;31mCON102\x1b[0m function 'f' is 63 lines"
        " long \x1b[33m(limit 49)\x1b[0m\n"
    )


def test_paint_other_text_left_alone() -> None:
    assert paint("Found 1 violation(s).") == "Found 1 violation(s)."
