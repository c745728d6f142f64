"""Every rule family; the registry is the concatenation of their ``RULES``."""

from __future__ import annotations

from constitution_hooks.core.options import Section
from constitution_hooks.core.registry import Rule

# Reason: each family's ``__init__`` holds only its data (rules and table, no
# checks that need heavy imports), so no hook pays for another's logic.
from constitution_hooks.rules import (
    branch,
    commit,
    coverage,
    docs,
    fastapi,
    migrations,
    parsing,
    project,
    size,
    tdd,
    waivers,
)

RULES: tuple[Rule, ...] = (*parsing.RULES, *size.RULES)
RULES += commit.RULES + branch.RULES
RULES += waivers.RULES
RULES += coverage.RULES
RULES += tdd.RULES
RULES += fastapi.RULES
SECTIONS: tuple[Section, ...] = size.SECTIONS
SECTIONS += (commit.SECTION, branch.SECTION)
SECTIONS += (coverage.SECTION,)
SECTIONS += (tdd.SECTION,)
RULES += docs.RULES
SECTIONS += (docs.SECTION,)
SECTIONS += (waivers.SECTION,)
RULES += project.RULES
SECTIONS += (project.SECTION,)
RULES += migrations.RULES
SECTIONS += (migrations.SECTION,)
SECTIONS += (fastapi.SECTION,)
