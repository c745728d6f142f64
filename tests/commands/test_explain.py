"""constitution explain CODE|ID: the rule's page, from the registry."""

from __future__ import annotations

import argparse

import pytest

from constitution_hooks.cli import main
from constitution_hooks.commands import explain
from constitution_hooks.core.ruledoc import render_rule
from constitution_hooks.rules import RULES, SECTIONS


def test_main_explain_code_prints_same_text_as_docs_page(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rule = next(r for r in RULES if r.code == "CON102")
    assert main(["explain", "CON102"]) == 0
    assert capsys.readouterr().out == render_rule(rule, SECTIONS)


def test_main_explain_rule_id_finds_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "file-too-long"]) == 0
    assert capsys.readouterr().out.startswith("# CON101 file-too-long\n")


def test_main_explain_unknown_rule_exits_2_naming_known_codes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["explain", "CON999"]) == 2
    assert "unknown rule 'CON999' (known codes: CON001" in capsys.readouterr().err


def test_add_arguments_rule_is_required_positional() -> None:
    parser = argparse.ArgumentParser()
    explain.add_arguments(parser)
    assert parser.parse_args(["CON101"]).rule == "CON101"
    with pytest.raises(SystemExit):
        parser.parse_args([])


def test_run_rule_id_prints_its_page_and_returns_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rule = next(r for r in RULES if r.id == "class-too-long")
    assert explain.run(argparse.Namespace(rule="class-too-long")) == 0
    assert capsys.readouterr().out == render_rule(rule, SECTIONS)
