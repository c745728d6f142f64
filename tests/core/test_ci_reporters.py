"""SARIF and GitHub workflow-command reporters."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema

from constitution_hooks.core.ci_reporters import format_github, format_sarif, json_text
from constitution_hooks.core.reporters import REPORTERS
from constitution_hooks.core.violation import Violation
from constitution_hooks.rules import RULES, SECTIONS

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json"
V1 = Violation("src/a b.py", 12, 5, "CON102", "function-too-long", "function 'f'")
V2 = Violation("big.py", 501, 1, "CON101", "file-too-long", "file is 501 lines")


def sarif(violations: list[Violation]) -> Any:
    return json.loads(format_sarif(violations, RULES, SECTIONS))


def validate(document: Any) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(document)


def test_format_sarif_with_results_is_valid_sarif_2_1_0() -> None:
    document = sarif([V1, V2])
    validate(document)
    assert document["version"] == "2.1.0"


def test_format_sarif_empty_run_is_valid_sarif_2_1_0() -> None:
    document = sarif([])
    validate(document)
    assert document["runs"][0]["results"] == []


def test_format_sarif_one_run_lists_every_rule_with_help() -> None:
    (run,) = sarif([])["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in RULES]
    assert "## Why is this bad?" in rules[0]["help"]["markdown"]


def test_format_sarif_result_has_location_rule_index_and_message() -> None:
    (result,) = sarif([V1])["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    codes = [r.code for r in RULES]
    assert result["ruleIndex"] == codes.index("CON102")
    assert location["artifactLocation"]["uri"] == "src/a%20b.py"
    assert location["region"] == {"startLine": 12, "startColumn": 5}
    assert result["message"]["text"] == "function 'f'"


def test_format_sarif_absolute_path_becomes_file_uri() -> None:
    absolute = Violation("/tmp/x.py", 1, 1, "CON101", "file-too-long", "m")
    (result,) = sarif([absolute])["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "file:///tmp/x.py"


def test_format_github_one_error_command_per_violation() -> None:
    assert format_github([V2]) == (
        "::error file=big.py,line=501,col=1,title=CON101::file is 501 lines\n"
    )


def test_format_github_escapes_properties_and_message() -> None:
    odd = Violation("a,b:c.py", 1, 1, "CON102", "function-too-long", "50%\nnext")
    assert format_github([odd]) == (
        "::error file=a%2Cb%3Ac.py,line=1,col=1,title=CON102::50%25%0Anext\n"
    )


def test_reporters_registers_sarif_and_github() -> None:
    assert {"text", "json", "sarif", "github"} <= set(REPORTERS)


def test_format_sarif_non_utf8_path_is_percent_encoded_bytes() -> None:
    violation = Violation("caf\udce9.py", 1, 1, "CON001", "syntax-error", "m")
    document = json.loads(format_sarif([violation], RULES, SECTIONS).encode("utf-8"))
    location = document["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "caf%E9.py"


def test_format_sarif_non_utf8_name_in_message_stays_valid_utf8() -> None:
    violation = Violation("a.py", 1, 1, "CON202", "r", "test caf\udce9.py imports")
    text = format_sarif([violation], RULES, SECTIONS)
    assert json.loads(text.encode("utf-8"))["runs"][0]["results"][0]["message"] == {
        "text": "test caf\udce9.py imports"
    }


def test_json_text_lone_surrogate_becomes_json_escape() -> None:
    text = json_text({"path": "caf\udce9.py", "name": "é"})
    assert "\\udce9" in text and "é" in text
    assert json.loads(text.encode("utf-8")) == {"path": "caf\udce9.py", "name": "é"}
