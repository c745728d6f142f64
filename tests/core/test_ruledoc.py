"""render_rule: one page per rule, shared by docs/rules and explain."""

from __future__ import annotations

from constitution_hooks.core.ruledoc import render_rule
from constitution_hooks.rules import RULES, SECTIONS


def rule(code: str) -> str:
    return render_rule(next(r for r in RULES if r.code == code), SECTIONS)


def test_render_rule_line_rule_shows_inline_waiver() -> None:
    assert "# constitution: ignore[CON102] Reason: <why>" in rule("CON102")


def test_render_rule_file_level_rule_shows_file_waiver() -> None:
    assert "# constitution: ignore-file[CON101] Reason: <why>" in rule("CON101")


def test_render_rule_waiver_rule_has_no_waiver_section() -> None:
    assert "## How to waive it" not in rule("CON011")


def test_render_rule_options_list_defaults() -> None:
    assert "`max-function-lines` (default `49`)" in rule("CON102")
