"""The principles' rows: the constitution's own limits, named to our codes."""

from __future__ import annotations

from constitution_hooks.constitution_map import Enforcer
from constitution_hooks.constitution_map.principles import DATA


def test_data_file_and_function_limits_map_to_size_rules() -> None:
    rows = {
        row[0]: row[1] for row in DATA["Core Principles"]["VII. DRY & Modular Design"]
    }
    limits = rows["Functions under 50 lines, classes under 100"]
    assert limits == (
        Enforcer("constitution", "CON102"),
        Enforcer("constitution", "CON103"),
    )


def test_data_type_hints_map_to_ruff_and_mypy() -> None:
    section = DATA["Core Principles"]["IV. Type Safety & Documentation"]
    tools = {e.tool for e in section[0][1]}
    assert tools == {"ruff", "mypy"}
