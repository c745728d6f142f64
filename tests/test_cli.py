"""The constitution command: exit codes, formats, selection, config errors, logging."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.cli import (
    COMMANDS,
    Command,
    CommandSpec,
    HelpFormatter,
    ModuleCommand,
    build_parser,
    main,
    terminal_width,
)

Write = Callable[..., Path]
LONG_FUNCTION = "def f():\n" + "    x = 1\n" * 48 + "    return x\n"


def test_main_clean_file_exits_0_and_prints_nothing(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("ok.py", "def f():\n    return 1\n")
    assert main(["check", "ok.py"]) == 0
    assert capsys.readouterr().out == ""


def test_main_violation_exits_1_with_location_code_and_limit(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("app.py", LONG_FUNCTION)
    assert main(["check", "app.py"]) == 1
    captured = capsys.readouterr()
    assert (
        captured.out == "app.py:1:1: CON102 function 'f' is 50 lines long (limit 49)\n"
    )
    assert "CON102 (function-too-long): extract helper functions" in captured.err


def test_main_json_format_lists_sorted_records(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("b.py", "x = 1\n" * 501)
    write("a.py", LONG_FUNCTION)
    assert main(["check", "--format", "json", "b.py", "a.py"]) == 1
    records = json.loads(capsys.readouterr().out)
    assert [(r["path"], r["line"], r["code"], r["rule"]) for r in records] == [
        ("a.py", 1, "CON102", "function-too-long"),
        ("b.py", 501, "CON101", "file-too-long"),
    ]
    assert set(records[0]) == {"path", "line", "column", "code", "rule", "message"}


def test_main_file_length_command_runs_only_its_rule(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("a.py", LONG_FUNCTION)
    assert main(["file-length", "a.py"]) == 0


def test_main_function_size_command_still_reports_syntax_error(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("a.py", "def f(:\n")
    assert main(["function-size", "a.py"]) == 1
    assert "a.py:1:7: CON001 syntax error" in capsys.readouterr().out


@pytest.mark.parametrize("flag", ["--ignore=CON102", "--ignore=function-too-long"])
def test_main_ignore_by_code_or_id_drops_rule(
    project: Path, write: Write, flag: str
) -> None:
    write("a.py", LONG_FUNCTION)
    assert main(["check", flag, "a.py"]) == 0


def test_main_select_comma_list_keeps_only_those(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("a.py", LONG_FUNCTION + "x = 1\n" * 460)
    assert main(["check", "--select", "CON101,syntax-error", "a.py"]) == 1
    assert [line.split()[1] for line in capsys.readouterr().out.splitlines()] == [
        "CON101"
    ]


def test_main_unknown_rule_exits_2_with_one_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--select", "CON999", "a.py"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("constitution: error: unknown rule 'CON999'")
    assert err.count("\n") == 1


def test_main_bad_config_exits_2_naming_key(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("pyproject.toml", "[tool.constitution.file-length]\nmax-lines = 0\n")
    assert main(["check", "--all-files"]) == 2
    assert (
        "tool.constitution.file-length.max-lines: expected an integer >= 1, found 0"
        in (capsys.readouterr().err)
    )


def test_main_explicit_config_flag_is_used(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("a.py", "x = 1\n" * 3)
    write("conf/custom.toml", "[tool.constitution.file-length]\nmax-lines = 2\n")
    assert main(["check", "--config", "conf/custom.toml", "a.py"]) == 1


def test_main_no_paths_checks_current_folder(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("pkg/a.py", LONG_FUNCTION)
    write(".venv/lib/b.py", LONG_FUNCTION)
    assert main(["check"]) == 1
    assert capsys.readouterr().out.startswith("pkg/a.py:1:1: CON102")


def test_main_bad_flag_exits_2(project: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check", "--no-such-flag"])
    assert caught.value.code == 2


def test_main_no_command_prints_help_exits_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([]) == 2
    assert "usage: constitution" in capsys.readouterr().err


@pytest.mark.parametrize("command", [spec.name for spec in COMMANDS])
def test_main_help_on_every_command_exits_0(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"])
    assert caught.value.code == 0
    assert f"usage: constitution {command}" in capsys.readouterr().out


def test_main_rules_lists_every_code_with_constitution_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "CON101  file-too-long" in out
    assert 'constitution: "Functions under 50 lines, classes under 100 lines."' in out


def test_main_rules_json_is_a_list_of_records(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules", "--format", "json"]) == 0
    codes = [r["code"] for r in json.loads(capsys.readouterr().out)]
    assert codes[:3] == ["CON001", "CON002", "CON003"]


def test_main_log_format_json_events_share_correlation_id(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("a.py", "x = 1\n")
    assert main(["check", "--log-format", "json", "a.py"]) == 0
    captured = capsys.readouterr()
    events = [json.loads(line) for line in captured.err.splitlines()]
    assert {e["event"] for e in events} >= {"files discovered", "check finished"}
    assert len({e["correlation_id"] for e in events}) == 1
    assert captured.out == ""


def test_main_verbose_logs_debug_events_to_stderr(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("a.py", "x = 1\n")
    assert main(["check", "-v", "a.py"]) == 0
    assert "command started" in capsys.readouterr().err


def test_python_m_constitution_hooks_runs_cli(project: Path, write: Write) -> None:
    write("a.py", "x = 1\n" * 501)
    result = subprocess.run(
        [sys.executable, "-m", "constitution_hooks", "check", "a.py"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.startswith("a.py:501:1: CON101")


@pytest.mark.parametrize("spec", COMMANDS, ids=[spec.name for spec in COMMANDS])
def test_command_spec_load_returns_command_of_that_name(spec: CommandSpec) -> None:
    assert spec.load().name == spec.name


def test_main_global_verbose_before_command_is_kept(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("a.py", "x = 1\n")
    assert main(["-v", "check", "a.py"]) == 0
    assert "command started" in capsys.readouterr().err


@pytest.mark.parametrize("columns", ["", "abc", "0", "50", "140"])
def test_terminal_width_any_columns_matches_shutil(
    columns: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    monkeypatch.setenv("COLUMNS", columns)
    assert terminal_width() == shutil.get_terminal_size().columns


def test_help_formatter_default_width_wraps_like_argparse(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import argparse

    monkeypatch.setenv("COLUMNS", "60")
    ours = HelpFormatter("constitution")._width
    assert ours == argparse.HelpFormatter("constitution")._width


@pytest.mark.parametrize("spec", COMMANDS, ids=[spec.name for spec in COMMANDS])
def test_command_every_loaded_command_has_help_arguments_and_run(
    spec: CommandSpec,
) -> None:
    import argparse

    command: Command = spec.load()
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    assert command.help.strip()
    assert callable(command.run)
    assert parser.format_usage().startswith("usage: ")


def test_build_parser_selected_command_gets_its_arguments_and_handler() -> None:
    args = build_parser("check").parse_args(["check", "--jobs", "2", "a.py"])
    assert (args.command, args.jobs, args.paths) == ("check", 2, ["a.py"])
    assert callable(args.handler)


def test_build_parser_unselected_command_has_no_arguments_exits_2() -> None:
    with pytest.raises(SystemExit) as caught:
        build_parser("rules").parse_args(["check", "--jobs", "2"])
    assert caught.value.code == 2


def test_build_parser_help_lists_every_command() -> None:
    text = build_parser().format_help()
    assert all(spec.name in text for spec in COMMANDS)


def _crash(args: object) -> int:
    raise RuntimeError("boom")


def test_main_unexpected_error_exits_3_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from constitution_hooks.commands import rules

    monkeypatch.setattr(rules, "run", _crash)
    assert main(["rules"]) == 3
    err = capsys.readouterr().err
    assert err == (
        "constitution: internal error in rules: RuntimeError: boom; please report it\n"
    )


def test_main_unexpected_error_verbose_shows_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from constitution_hooks.commands import rules

    monkeypatch.setattr(rules, "run", _crash)
    assert main(["rules", "-v"]) == 3
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err
    assert err.rstrip().endswith("RuntimeError: boom; please report it")


def test_module_command_module_with_four_names_loads_as_command() -> None:
    command = CommandSpec("rules", "rules", "", "list every rule").load()
    assert isinstance(command, ModuleCommand)
    assert (command.name, command.run.__module__) == (
        "rules",
        "constitution_hooks.commands.rules",
    )
