"""Meta-tests of the map: every section covered, every code named real and configured.

Our codes must be in the registry or reserved in the shared rule catalogue
(``../shared/RULES.md``: codes of rules another issue is building); ruff's must exist
in the ruff ``init`` pins and be selected by ``init``'s selection; bandit's must be
bandit tests. ``docs/constitution-map.md`` is the map as ``map`` renders it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from constitution_hooks.commands.init.gates import RUFF
from constitution_hooks.commands.init.tables import SELECTORS, covers
from constitution_hooks.commands.map import markdown, records
from constitution_hooks.constitution_map import Clause, Enforcer, clauses, con, ruff
from constitution_hooks.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TOOLS = {"constitution", "ruff", "mypy", "bandit", "black", "uv", "pre-commit"}


def _named(tool: str) -> set[str]:
    return {e.rule for c in clauses() for e in c.enforcers if e.tool == tool}


def sections_of(constitution: str) -> list[tuple[str, str]]:
    """Every (part, section) of the constitution; a part without sections is one."""
    found: list[tuple[str, str]] = []
    part = ""
    for line in constitution.splitlines():
        if line.startswith("## "):
            part = line[3:].strip()
            found.append((part, part))
        elif line.startswith("### "):
            if found and found[-1] == (part, part):
                found.pop()
            found.append((part, line[4:].strip()))
    return found


def test_sections_of_part_without_sections_counts_once() -> None:
    text = "## A\n### B\n### C\n## D\ntext\n"
    assert sections_of(text) == [("A", "B"), ("A", "C"), ("D", "D")]


def test_clauses_cover_every_section_of_the_constitution_in_order() -> None:
    constitution = (SHARED / "CONSTITUTION.md").read_text(encoding="utf-8")
    mapped = list(dict.fromkeys((c.part, c.section) for c in clauses()))
    assert mapped == sections_of(constitution)


def test_clauses_each_has_an_enforcer_or_a_review_reason() -> None:
    for clause in clauses():
        assert clause.enforcers or clause.review, clause.words
        assert {e.tool for e in clause.enforcers} <= TOOLS, clause.words


def test_our_codes_each_in_the_registry_or_reserved() -> None:
    catalogue = (SHARED / "RULES.md").read_text(encoding="utf-8")
    reserved = set(re.findall(r"^\| (CON\d{3}) \|", catalogue, re.M))
    known = {rule.code for rule in RULES} | reserved
    assert _named("constitution") - known == set()
    assert {"CON012", "CON501", "CON502", "CON503"} <= _named("constitution")


def test_ruff_codes_each_exist_in_the_pinned_ruff_and_are_selected() -> None:
    ruff_bin = Path(sys.executable).parent / "ruff"
    version = subprocess.run(
        [ruff_bin, "--version"], capture_output=True, text=True, check=True
    ).stdout.split()[1]
    assert version == RUFF
    listed = subprocess.run(
        [ruff_bin, "rule", "--all", "--output-format", "json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    stable = {r["code"] for r in json.loads(listed) if "Removed" not in r["status"]}
    for code in _named("ruff"):
        assert code in stable, f"ruff {RUFF} has no rule {code}"
        assert any(covers(selector, code) for selector in SELECTORS), code


def test_bandit_codes_each_name_a_bandit_test() -> None:
    helped = subprocess.run(
        [Path(sys.executable).parent / "bandit", "-h"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    tests = set(re.findall(r"^\s+(B\d{3})\s", helped, re.M))
    assert "B101" in tests
    assert _named("bandit") - tests == set()


def test_peer_rules_each_one_init_configures() -> None:
    assert _named("mypy") == {"--strict"}
    assert _named("black") == {"black"}
    assert _named("uv") == {"add-bounds"}
    assert _named("pre-commit") == {"uv-lock"}


def test_docs_constitution_map_matches_the_table() -> None:
    page = ROOT / "docs" / "constitution-map.md"
    assert page.read_text(encoding="utf-8") == markdown(
        records(clauses(), None)
    ), f"{page} is stale; run make docs"


@pytest.mark.parametrize(
    ("clause", "tools"),
    [
        (Clause("P", "S", "w", con("CON1") + ruff("T201")), ["constitution", "ruff"]),
        (Clause("P", "S", "w", (Enforcer("mypy", "--strict"),)), ["mypy"]),
    ],
)
def test_clause_enforcers_keep_their_tools(clause: Clause, tools: list[str]) -> None:
    assert [e.tool for e in clause.enforcers] == tools
