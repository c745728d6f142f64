"""The TDD rules' registry data: codes and their config table."""

from __future__ import annotations

from constitution_hooks.rules.tdd import RULES, SECTION


def test_rules_every_tdd_rule_names_the_tdd_pairing_table() -> None:
    assert {rule.section for rule in RULES} == {SECTION.name}


def test_rules_tdd_codes_are_con201_to_con207_and_con210_in_order() -> None:
    codes = [f"CON20{n}" for n in range(1, 8)]
    assert [rule.code for rule in RULES] == [*codes, "CON210"]
