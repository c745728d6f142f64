"""The file-rule commands: ``check``, ``file-length`` and ``function-size``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.commands.check import (
    CHECK,
    COMMANDS,
    FILE_LENGTH,
    FUNCTION_SIZE,
    PARSE_CODES,
    FileCommand,
    add_speed_arguments,
)
from constitution_hooks.rules import RULES

Write = Callable[..., Path]
LONG_FUNCTION = "def f():\n" + "    x = 1\n" * 48 + "    return x\n"


def _args(command: FileCommand, *argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    return parser.parse_args(list(argv))


def test_rules_check_command_runs_every_file_rule_and_no_commit_rule() -> None:
    codes = {rule.code for rule in CHECK.rules()}
    file_codes = {rule.code for rule in RULES if rule.is_file_rule}
    assert codes == file_codes | set(PARSE_CODES)
    assert "CON301" not in codes


def test_rules_hook_command_keeps_only_its_hook_and_parse_codes() -> None:
    assert [rule.code for rule in FUNCTION_SIZE.rules()] == [
        "CON001",
        "CON002",
        "CON003",
        "CON102",
        "CON103",
        "CON010",
        "CON011",
    ]


def test_commands_names_are_check_and_the_two_file_hooks() -> None:
    assert [command.name for command in COMMANDS] == [
        "check",
        "file-length",
        "function-size",
    ]


def test_add_arguments_no_flags_gives_empty_selection_and_text_format() -> None:
    args = _args(CHECK)
    assert (args.paths, args.all_files, args.select, args.ignore) == (
        [],
        False,
        [],
        [],
    )
    assert (args.format, args.diff_base, args.jobs) == ("text", None, None)


@pytest.mark.parametrize("value", ["0", "-3", "two"])
def test_add_speed_arguments_jobs_below_one_exits_2_naming_value(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = argparse.ArgumentParser()
    add_speed_arguments(parser)
    with pytest.raises(SystemExit) as exit_info:
        parser.parse_args(["--jobs", value])
    assert exit_info.value.code == 2
    assert f"expected a whole number >= 1, found {value!r}" in capsys.readouterr().err


def test_run_long_function_returns_1_and_prints_location(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("app.py", LONG_FUNCTION)
    assert CHECK.run(_args(CHECK, "--no-cache", "app.py")) == 1
    assert capsys.readouterr().out == (
        "app.py:1:1: CON102 function 'f' is 50 lines long (limit 49)\n"
    )


def test_run_hook_command_ignores_other_hooks_rules_returns_0(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("app.py", LONG_FUNCTION)
    assert FILE_LENGTH.run(_args(FILE_LENGTH, "--no-cache", "app.py")) == 0
    assert capsys.readouterr().out == ""


def test_run_ignore_comma_list_drops_those_rules_returns_0(
    project: Path, write: Write
) -> None:
    write("app.py", LONG_FUNCTION + "x = 1\n" * 460)
    args = _args(CHECK, "--no-cache", "--ignore", "CON101, function-too-long", ".")
    assert CHECK.run(args) == 0


def test_run_select_keeps_only_the_selected_rule(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("app.py", LONG_FUNCTION + "x = 1\n" * 460)
    args = _args(CHECK, "--no-cache", "--select", "file-too-long", "app.py")
    assert CHECK.run(args) == 1
    assert [line.split()[1] for line in capsys.readouterr().out.splitlines()] == [
        "CON101"
    ]
