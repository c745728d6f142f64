"""CON707 decision-records."""

from __future__ import annotations

import pytest

from constitution_hooks.rules.project.decisions import check_decisions, missing_headings
from constitution_hooks.rules.project.settings import ContractSettings
from tests.rules.project.snapshots import project_files

ADR = "docs/architecture/decisions/0001-use-postgres.md"
DEBT = "docs/technical-debt.md"
FULL = (
    "# 1. Use PostgreSQL\n\n## Status\nAccepted\n## Context\n## Decision\n"
    "## Consequences\n"
)


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        (FULL, []),
        (
            "# 1. X\nStatus: accepted\n## Context\n## Decision\n## Consequences\n",
            ["Status"],
        ),
        (
            "---\nstatus: accepted\ndate: 2026-01-01\n---\n# X\n"
            "## Context and Problem Statement\n## Decision Outcome\n### Consequences\n",
            [],
        ),
        (
            "# X\n```\n## Status\n```\n",
            ["Status", "Context", "Decision", "Consequences"],
        ),
        (
            "## STATUS\n## context\n## Decisions\n## Positive Consequences\n",
            ["Decision"],
        ),
    ],
)
def test_missing_headings_required_words_found_in_headings(
    text: str, missing: list[str]
) -> None:
    assert missing_headings(text) == missing


@pytest.mark.parametrize(
    ("contents", "subjects"),
    [
        ({ADR: FULL, DEBT: "# Debt\n"}, []),
        ({DEBT: "# Debt\n"}, ["docs/architecture/decisions"]),
        ({ADR: FULL}, [DEBT]),
        ({ADR: "# 1. X\n", DEBT: ""}, [ADR]),
        (
            {"docs/architecture/decisions/README.md": "x", DEBT: ""},
            ["docs/architecture/decisions"],
        ),
        (
            {"docs/architecture/decisions/old/0001-x.md": FULL, DEBT: ""},
            ["docs/architecture/decisions"],
        ),
    ],
)
def test_check_decisions_records_headings_and_debt_log_required(
    contents: dict[str, str], subjects: list[str]
) -> None:
    files = project_files(contents)
    assert [f.subject for f in check_decisions(files, ContractSettings())] == subjects


def test_check_decisions_configured_folders_used() -> None:
    cfg = ContractSettings(decisions_dir="adr", debt_file="DEBT.md")
    files = project_files({"adr/0007-x.md": FULL, "DEBT.md": ""})
    assert list(check_decisions(files, cfg)) == []
