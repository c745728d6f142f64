"""The Violation record reporters format, and the Finding a rule check yields."""

from __future__ import annotations

import pytest

from constitution_hooks.core.violation import Finding, Violation


def test_location_path_line_column_joined_by_colons() -> None:
    violation = Violation("pkg/a.py", 12, 5, "CON102", "function-too-long", "m")
    assert violation.location() == "pkg/a.py:12:5"


def test_violation_sorting_orders_by_path_then_line_then_column() -> None:
    later = Violation("b.py", 1, 1, "CON101", "file-too-long", "m")
    second = Violation("a.py", 10, 1, "CON102", "function-too-long", "m")
    first = Violation("a.py", 2, 9, "CON103", "class-too-long", "m")
    same_line = Violation("a.py", 10, 3, "CON101", "file-too-long", "m")
    assert sorted([later, same_line, second, first]) == [
        first,
        second,
        same_line,
        later,
    ]


def test_violation_same_place_sorts_by_code() -> None:
    con103 = Violation("a.py", 1, 1, "CON103", "class-too-long", "m")
    con102 = Violation("a.py", 1, 1, "CON102", "function-too-long", "m")
    assert sorted([con103, con102]) == [con102, con103]


def test_violation_is_immutable_record_raises_on_assignment() -> None:
    violation = Violation("a.py", 1, 1, "CON101", "file-too-long", "m")
    with pytest.raises(AttributeError):
        violation.line = 2  # type: ignore[misc]  # Reason: assigning is the test


def test_finding_fields_line_column_message_in_order() -> None:
    finding = Finding(7, 3, "function 'f' is 63 lines long (limit 49)")
    assert (finding.line, finding.column) == (7, 3)
    assert finding.message.endswith("(limit 49)")
