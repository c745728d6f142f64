"""Every rule family; the registry is the concatenation of their ``RULES``."""

from __future__ import annotations

from constitution_hooks.core.options import Section
from constitution_hooks.core.registry import Rule
from constitution_hooks.rules import coverage_gate, file_length, function_size, parsing

RULES: tuple[Rule, ...] = (*parsing.RULES, *file_length.RULES, *function_size.RULES)
RULES += coverage_gate.RULES
SECTIONS: tuple[Section, ...] = (file_length.SECTION, function_size.SECTION)
SECTIONS += (coverage_gate.SECTION,)
