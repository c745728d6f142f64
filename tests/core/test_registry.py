"""Rule lookup and --select/--ignore resolution."""

from __future__ import annotations

import pytest

from constitution_hooks.core.errors import UsageError
from constitution_hooks.core.registry import find_rule, select_rules
from constitution_hooks.rules import RULES


def test_find_rule_code_any_case_found() -> None:
    assert find_rule(RULES, "con102").id == "function-too-long"


def test_find_rule_unknown_raises_usage_error_listing_codes() -> None:
    with pytest.raises(UsageError, match="known codes: CON001"):
        find_rule(RULES, "nope")


def test_select_rules_known_elsewhere_selects_nothing_here() -> None:
    subset = [r for r in RULES if r.code == "CON101"]
    assert select_rules(subset, ["CON102"], known=RULES) == ()


def test_select_rules_ignore_wins_over_select() -> None:
    chosen = select_rules(RULES, ["CON101", "CON102"], ["CON102"])
    assert [r.code for r in chosen] == ["CON101"]
