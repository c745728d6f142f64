"""The project contract's registry data: codes, hook and config table."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core.config import load_config
from constitution_hooks.core.errors import UsageError
from constitution_hooks.core.registry import Rule
from constitution_hooks.rules.project import DEV_TOOLS, HOOK, RULES, SECTION
from constitution_hooks.rules.project.contract import check_contract
from constitution_hooks.rules.project.files import ProjectFiles
from constitution_hooks.rules.project.settings import ContractSettings
from tests.rules.project.snapshots import project_files


def test_rules_project_codes_are_con701_to_con708_in_order() -> None:
    assert [rule.code for rule in RULES] == [f"CON70{n}" for n in range(1, 9)]


def test_rules_every_project_rule_runs_in_the_project_contract_hook() -> None:
    assert {rule.hook for rule in RULES} == {HOOK}
    assert {rule.section for rule in RULES} == {SECTION.name}


@pytest.mark.parametrize(
    "entry",
    [
        '{ rule = "CON705", reason = "read at run time" }',
        '{ rule = "dev-tool-in-production", subject = "cov*", reason = "why" }',
    ],
)
def test_load_config_valid_exempt_entry_accepted(tmp_path: Path, entry: str) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(f"[tool.constitution.project-contract]\nexempt = [{entry}]\n")
    config = load_config([SECTION], path)
    assert len(config.section(SECTION.name).raw("exempt")) == 1


@pytest.mark.parametrize(
    "entry",
    [
        '{ rule = "CON705" }',
        '{ rule = "CON705", reason = " " }',
        '{ rule = "CON999", reason = "why" }',
        '{ rule = "CON705", reason = "why", path = "x" }',
        '{ rule = "CON705", reason = "why", subject = "" }',
        '"CON705"',
    ],
)
def test_load_config_bad_exempt_entry_exits_2(tmp_path: Path, entry: str) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(f"[tool.constitution.project-contract]\nexempt = [{entry}]\n")
    with pytest.raises(UsageError, match="exempt"):
        load_config([SECTION], path)


def _rule(code: str) -> Rule:
    return next(rule for rule in RULES if rule.code == code)


def _codes(code: str, files: ProjectFiles) -> set[str]:
    return {
        v.code
        for v in check_contract(files, ContractSettings(dev_tools=DEV_TOOLS), [code])
    }


@pytest.mark.parametrize("code", ["CON701", "CON705"])
def test_rules_pyproject_example_fires_and_fix_passes(code: str) -> None:
    rule = _rule(code)
    for text, expected in ((rule.example, {code}), (rule.fix, set())):
        files = project_files({"pyproject.toml": text})
        assert _codes(code, files) == expected


def test_rules_changelog_example_fires_and_fix_passes() -> None:
    rule = _rule("CON706")
    assert _codes("CON706", project_files({"CHANGELOG.md": rule.example})) == {"CON706"}
    assert _codes("CON706", project_files({"CHANGELOG.md": rule.fix})) == set()


def test_rules_decision_record_example_fires_and_fix_passes() -> None:
    rule = _rule("CON707")
    adr = "docs/architecture/decisions/0001-use-postgresql.md"
    debt = {"docs/technical-debt.md": "# Debt\n"}
    example = project_files({adr: rule.example, **debt})
    assert _codes("CON707", example) == {"CON707"}
    assert _codes("CON707", project_files({adr: rule.fix, **debt})) == set()
