"""Text and JSON reporters."""

from __future__ import annotations

import json

from constitution_hooks.core.reporters import format_json, format_text
from constitution_hooks.core.violation import Violation

V1 = Violation("b.py", 2, 1, "CON101", "file-too-long", "file is long")
V2 = Violation("a.py", 9, 5, "CON102", "function-too-long", "function 'é' is long")


def test_format_text_one_line_per_violation() -> None:
    assert format_text([V1], [], []) == "b.py:2:1: CON101 file is long\n"


def test_format_json_sorted_by_path_and_keeps_unicode() -> None:
    out = format_json([V1, V2], [], [])
    assert [r["path"] for r in json.loads(out)] == ["a.py", "b.py"]
    assert "'é'" in out


def test_format_json_non_utf8_path_round_trips_as_escape() -> None:
    violation = Violation("caf\udce9.py", 1, 1, "CON001", "syntax-error", "m")
    text = format_json([violation], [], [])
    assert json.loads(text.encode("utf-8"))[0]["path"] == "caf\udce9.py"
