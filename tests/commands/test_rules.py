"""constitution rules: the catalogue, pointing at explain."""

from __future__ import annotations

import argparse
import json

import pytest

from constitution_hooks.cli import main
from constitution_hooks.commands import rules
from constitution_hooks.rules import RULES


def test_main_rules_text_ends_pointing_at_explain(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules"]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.startswith("Details: constitution explain CODE")


def test_main_rules_json_records_carry_hint_and_scope(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules", "--format", "json"]) == 0
    records = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    assert records["CON101"]["scope"] == "file"
    assert records["CON102"]["scope"] == "line"
    assert records["CON102"]["hint"].startswith("extract helper functions")


def test_add_arguments_format_defaults_to_text() -> None:
    parser = argparse.ArgumentParser()
    rules.add_arguments(parser)
    assert parser.parse_args([]).format == "text"


def test_run_text_lists_each_rule_in_three_lines_then_footer(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert rules.run(argparse.Namespace(format="text")) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 * len(RULES) + 1
    assert [line.split()[0] for line in lines[:-1:3]] == [r.code for r in RULES]


def test_run_json_gives_one_record_per_rule_in_registry_order(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert rules.run(argparse.Namespace(format="json")) == 0
    records = json.loads(capsys.readouterr().out)
    assert [(r["code"], r["rule"]) for r in records] == [
        (rule.code, rule.id) for rule in RULES
    ]
