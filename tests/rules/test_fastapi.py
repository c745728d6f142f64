"""CON601-CON608 as registry data: each documented example fails, each fix passes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from constitution_hooks.cli import main
from constitution_hooks.core.config import Settings, load_config
from constitution_hooks.core.errors import UsageError
from constitution_hooks.core.registry import Rule
from constitution_hooks.rules import SECTIONS
from constitution_hooks.rules.fastapi import (
    DEFAULT_MODEL_BASES,
    EXEMPT_PATHS,
    RULES,
    SECTION,
    FastapiSettings,
)
from tests.rules.fastapi.conftest import run_rule

APP_MODULE = "from fastapi import FastAPI\napp = FastAPI()\n"


def _reported(tmp_path: Path, rule: Rule, text: str) -> list[int]:
    # Reason: the CON607 example is a module that imports the app from app.main.
    files = {"app/__init__.py": "", "app/main.py": APP_MODULE, "app/api/items.py": text}
    return run_rule(tmp_path, rule.code, files, "app/api/items.py")


def test_rules_codes_are_con601_to_con608_of_the_constitution_hook() -> None:
    assert [rule.code for rule in RULES] == [f"CON60{n}" for n in range(1, 9)]
    assert {(rule.hook, rule.section) for rule in RULES} == {
        ("constitution", "fastapi")
    }
    assert all(rule.project_marker == b"fastapi" for rule in RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rules_documented_example_is_reported_with_its_code(
    tmp_path: Path, rule: Rule
) -> None:
    assert _reported(tmp_path, rule, rule.example)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rules_documented_fix_is_not_reported_with_that_code(
    tmp_path: Path, rule: Rule
) -> None:
    assert _reported(tmp_path, rule, rule.fix) == []


def test_section_defaults_are_the_constitutions_words() -> None:
    defaults = {option.key: option.default for option in SECTION.all_options()}
    assert defaults["versioned-path"] == r"^/api/v\d+/"
    assert defaults["health-path"] == "/health"
    assert defaults["exempt-paths"] == EXEMPT_PATHS
    assert "pydantic.BaseModel" in DEFAULT_MODEL_BASES


@pytest.mark.parametrize(
    "table",
    [
        "versioned-path = '(unclosed'",
        "exempt-paths = '/health'",
        "model-bases = [1]",
        "health-paths = '/health'",
    ],
)
def test_section_bad_value_or_key_is_a_usage_error(tmp_path: Path, table: str) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(f"[tool.constitution.fastapi]\n{table}\n", encoding="utf-8")
    with pytest.raises(UsageError):
        load_config(SECTIONS, path)


ROUTE = (
    "from fastapi import APIRouter\n\nrouter = APIRouter(prefix='/api/v1/items')\n\n\n"
    "@router.get('/', status_code=204)\n"
    "def list_items() -> None:{waiver}\n    return None\n"
)


@pytest.mark.parametrize(
    ("waiver", "codes"),
    [
        ("", ["CON601"]),
        ("  # constitution: ignore[CON601] Reason: calls a sync SDK", []),
        ("  # constitution: ignore[route-not-async] Reason: sync SDK", []),
        ("  # constitution: ignore[CON601]", ["CON010", "CON601"]),
        (
            "  # constitution: ignore[CON603] Reason: none to waive",
            ["CON011", "CON601"],
        ),
    ],
)
def test_rules_inline_waivers_apply_to_fastapi_findings(
    project: Path, capsys: pytest.CaptureFixture[str], waiver: str, codes: list[str]
) -> None:
    (project / "items.py").write_text(ROUTE.format(waiver=waiver), encoding="utf-8")
    code = main(["check", "--no-cache", "--format", "json", "items.py"])
    found = sorted(v["code"] for v in json.loads(capsys.readouterr().out))
    assert (found, code) == (codes, 1 if codes else 0)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_rules_every_output_format_names_the_fastapi_rule(
    project: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    (project / "items.py").write_text(ROUTE.format(waiver=""), encoding="utf-8")
    assert main(["check", "--no-cache", "--format", fmt, "items.py"]) == 1
    output = capsys.readouterr().out
    assert "CON601" in output and "items.py" in output


def test_fastapi_settings_defaults_typed_record() -> None:
    table = Settings({option.key: option.default for option in SECTION.all_options()})
    settings = table.record(FastapiSettings)
    assert settings.model_bases == DEFAULT_MODEL_BASES
    assert settings.exempt_paths == EXEMPT_PATHS
    assert settings.versioned_path == r"^/api/v\d+/"
    assert settings.health_path == "/health"
