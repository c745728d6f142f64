"""Meta-tests: codes unique, every rule documented, every hook declared."""

from __future__ import annotations

from pathlib import Path

from constitution_hooks.core.ruledoc import render_rule
from constitution_hooks.rules import RULES, SECTIONS

ROOT = Path(__file__).resolve().parent.parent


def test_rules_codes_and_ids_are_unique() -> None:
    codes = [rule.code for rule in RULES]
    ids = [rule.id for rule in RULES]
    assert len(codes) == len(set(codes))
    assert len(ids) == len(set(ids))


def test_rule_docs_every_rule_page_matches_registry() -> None:
    for rule in RULES:
        page = ROOT / "docs" / "rules" / f"{rule.code}.md"
        assert page.is_file(), f"missing {page}; run make docs"
        assert page.read_text(encoding="utf-8") == render_rule(
            rule, SECTIONS
        ), f"{page} is stale; run make docs"


def test_hooks_yaml_declares_every_rule_hook() -> None:
    declared = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"- id: {rule.hook}\n" in declared, rule.hook


def test_readme_mentions_every_hook_and_code() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert rule.hook in readme, rule.hook
        assert rule.code in readme, rule.code
