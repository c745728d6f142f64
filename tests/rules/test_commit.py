"""CON301-CON306 as registry data: each documented example fails, each fix passes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.core.config import Settings, load_config
from constitution_hooks.core.errors import UsageError
from constitution_hooks.core.registry import Rule
from constitution_hooks.rules import SECTIONS
from constitution_hooks.rules.commit import (
    RULES,
    SECTION,
    SUBJECT_TOO_LONG,
    TYPES,
)
from constitution_hooks.rules.commit.cleanup import clean_message
from constitution_hooks.rules.commit.message import check_message
from constitution_hooks.rules.commit.settings import CommitSettings


def _codes(text: str, settings: Settings) -> list[str]:
    record = CommitSettings.from_settings(settings)
    return [rule.code for rule, _ in check_message(clean_message(text), record)]


def test_rules_codes_are_con301_to_con306_of_commit_message_hook() -> None:
    assert [rule.code for rule in RULES] == [f"CON30{n}" for n in range(1, 7)]
    assert {(rule.hook, rule.section) for rule in RULES} == {
        ("commit-message", "commit-message")
    }


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rules_documented_example_is_reported_with_its_code(
    rule: Rule, settings: Callable[..., Settings]
) -> None:
    assert rule.code in _codes(rule.example, settings("commit-message"))


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rules_documented_fix_is_not_reported_with_that_code(
    rule: Rule, settings: Callable[..., Settings]
) -> None:
    assert rule.code not in _codes(rule.fix, settings("commit-message"))


def test_section_defaults_are_the_constitutions_types_and_49_characters() -> None:
    defaults = {option.key: option.default for option in SECTION.all_options()}
    assert TYPES == ("feat", "fix", "docs", "style", "refactor", "test", "chore")
    assert (defaults["types"], defaults["max-length"]) == (TYPES, 49)
    assert SUBJECT_TOO_LONG.default.startswith("49 characters")


def test_section_invalid_ai_pattern_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(
        "[tool.constitution.commit-message]\nai-patterns = ['(unclosed']\n",
        encoding="utf-8",
    )
    with pytest.raises(UsageError, match="ai-patterns"):
        load_config(SECTIONS, path)


def test_section_unknown_length_of_value_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(
        "[tool.constitution.commit-message]\nlength-of = 'body'\n", encoding="utf-8"
    )
    with pytest.raises(UsageError, match="length-of"):
        load_config(SECTIONS, path)
