"""constitution rules: the catalogue, pointing at explain."""

from __future__ import annotations

import json

import pytest

from constitution_hooks.cli import main


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
