"""Worker processes receive the rule table: every rule must pickle."""

from __future__ import annotations

import pickle

import pytest

from constitution_hooks.core.registry import Rule
from constitution_hooks.rules import RULES


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rules_every_rule_pickles_round_trip(rule: Rule) -> None:
    assert pickle.loads(pickle.dumps(rule)).code == rule.code
