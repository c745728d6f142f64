"""Every rule family; the registry is the concatenation of their ``RULES``."""

from __future__ import annotations

from constitution_hooks.core.options import Section
from constitution_hooks.core.registry import Rule
from constitution_hooks.rules import (
    branch_name,
    commit_message,
    coverage_gate,
    file_length,
    function_size,
    parsing,
    tdd_rules,
    waivers,
)

RULES: tuple[Rule, ...] = (*parsing.RULES, *file_length.RULES, *function_size.RULES)
RULES += commit_message.RULES + branch_name.RULES
RULES += waivers.RULES
RULES += coverage_gate.RULES
RULES += tdd_rules.RULES
SECTIONS: tuple[Section, ...] = (file_length.SECTION, function_size.SECTION)
SECTIONS += (commit_message.SECTION, branch_name.SECTION)
SECTIONS += (coverage_gate.SECTION,)
SECTIONS += (tdd_rules.SECTION,)
