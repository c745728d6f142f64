"""Every rule family; the registry is the concatenation of their ``RULES``."""

from __future__ import annotations

from constitution_hooks.core.options import Section
from constitution_hooks.core.registry import Rule

# Reason: the commit, coverage and TDD families are imported through their data
# modules only (rules and table, no checks), so no hook pays for another's logic.
from constitution_hooks.rules import (
    branch_name,
    commit_rules,
    coverage_docs,
    file_length,
    function_size,
    parsing,
    tdd_docs,
    waivers,
)

RULES: tuple[Rule, ...] = (*parsing.RULES, *file_length.RULES, *function_size.RULES)
RULES += commit_rules.RULES + branch_name.RULES
RULES += waivers.RULES
RULES += coverage_docs.RULES
RULES += tdd_docs.RULES
SECTIONS: tuple[Section, ...] = (file_length.SECTION, function_size.SECTION)
SECTIONS += (commit_rules.SECTION, branch_name.SECTION)
SECTIONS += (coverage_docs.SECTION,)
SECTIONS += (tdd_docs.SECTION,)
