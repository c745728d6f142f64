"""The command line's usage errors and the rules catalogue."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from constitution_hooks.cli import main
from constitution_hooks.rules import RULES


def test_main_no_command_prints_help_exits_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([]) == 2
    assert "usage: constitution" in capsys.readouterr().err


def test_main_bad_config_prints_error_exits_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text("[tool.constitution]\nbad = 1\n")
    assert main(["check", "--config", str(config), "x.py"]) == 2
    assert capsys.readouterr().err.startswith("constitution: error: ")


def test_main_rules_json_lists_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    codes = [record["code"] for record in json.loads(capsys.readouterr().out)]
    assert codes == [rule.code for rule in RULES]


def test_main_rules_text_lists_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert all(rule.code in out for rule in RULES)


def test_main_check_deeply_nested_file_reports_syntax_error(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def too_deep(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(ast, "parse", too_deep)
    (tmp_path / "deep.py").write_text("x = 1\n")
    assert main(["check", "--no-cache", "deep.py"]) == 1
    assert "deep.py:1:1: CON001 file is too deeply nested" in capsys.readouterr().out


def test_main_check_verbose_logs_to_stderr(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.py").write_text("x = 1\n")
    assert main(["check", "-v", "--log-format", "json", "ok.py"]) == 0
    assert "files discovered" in capsys.readouterr().err
