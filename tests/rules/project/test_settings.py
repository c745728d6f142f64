"""Findings, exemptions and the resolved project-contract table."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from constitution_hooks.core.config import Settings
from constitution_hooks.rules.project.settings import (
    ContractSettings,
    Exemption,
    ProjectFinding,
)

FINDING = ProjectFinding("CON705", "pyproject.toml", 3, 5, "tool", "coverage")


def test_violation_finding_keeps_place_and_names_rule_id() -> None:
    violation = FINDING.violation()
    assert violation.location() == "pyproject.toml:3:5"
    assert (violation.code, violation.rule) == ("CON705", "dev-tool-in-production")


@pytest.mark.parametrize(
    ("exemption", "covered"),
    [
        (Exemption("CON705", "", "why"), True),
        (Exemption("CON705", "cov*", "why"), True),
        (Exemption("CON705", "pytest", "why"), False),
        (Exemption("CON701", "", "why"), False),
    ],
)
def test_covers_code_and_subject_glob_decide(
    exemption: Exemption, covered: bool
) -> None:
    assert exemption.covers(FINDING) is covered


def test_from_settings_rule_id_resolves_to_code(
    settings: Callable[..., Settings],
) -> None:
    table = settings(
        "project-contract",
        exempt=[{"rule": "dev-tool-in-production", "reason": "needed at run time"}],
    )
    cfg = ContractSettings.from_settings(table)
    assert cfg.exempt == (Exemption("CON705", "", "needed at run time"),)
    assert cfg.exemption(FINDING) == "needed at run time"


def test_from_settings_defaults_constitution_paths(
    settings: Callable[..., Settings],
) -> None:
    cfg = ContractSettings.from_settings(settings("project-contract"))
    assert (cfg.decisions_dir, cfg.debt_file) == (
        "docs/architecture/decisions",
        "docs/technical-debt.md",
    )
    assert "pytest*" in cfg.dev_tools
    assert cfg.exemption(FINDING) is None
