"""CON401-CON405 as registry data, and the coverage-gate table they read."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core.config import load_config
from constitution_hooks.core.errors import UsageError
from constitution_hooks.rules import SECTIONS
from constitution_hooks.rules.coverage import HOOK, RULES, SECTION, SECTION_NAME


def _load(tmp_path: Path, table: str) -> object:
    path = tmp_path / "pyproject.toml"
    path.write_text(f"[tool.constitution.coverage-gate]\n{table}\n", "utf-8")
    return load_config(SECTIONS, path).section("coverage-gate").raw("critical")


def test_rules_codes_are_con401_to_con405_of_coverage_gate_hook() -> None:
    assert [rule.code for rule in RULES] == [f"CON40{n}" for n in range(1, 6)]
    assert {(rule.hook, rule.section) for rule in RULES} == {(HOOK, SECTION_NAME)}


def test_section_defaults_fail_under_80_and_no_critical_paths() -> None:
    defaults = {option.key: option.default for option in SECTION.all_options()}
    assert (defaults["fail-under"], defaults["diff-fail-under"]) == (80, 80)
    assert defaults["critical"] == {}


def test_section_critical_table_of_percentages_is_accepted(tmp_path: Path) -> None:
    table = 'critical = { "src/pkg/core/**" = 90, "src/a.py" = 75.5 }'
    assert _load(tmp_path, table) == {"src/pkg/core/**": 90, "src/a.py": 75.5}


@pytest.mark.parametrize(
    "table",
    [
        'critical = { "src/**" = 101 }',
        'critical = { "src/**" = -1 }',
        'critical = { "src/**" = true }',
        'critical = { "src/**" = "90" }',
        'critical = ["src/**"]',
    ],
)
def test_section_critical_value_out_of_range_or_type_is_usage_error(
    tmp_path: Path, table: str
) -> None:
    with pytest.raises(UsageError, match="critical"):
        _load(tmp_path, table)
