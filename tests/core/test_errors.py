"""Usage errors and the exit codes every command returns."""

from __future__ import annotations

import pytest

from constitution_hooks.core.errors import (
    EXIT_CLEAN,
    EXIT_USAGE,
    EXIT_VIOLATIONS,
    UsageError,
    internal_error_line,
)
from constitution_hooks.core.git import GitError


def test_exit_codes_documented_values_are_0_1_2() -> None:
    assert (EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_USAGE) == (0, 1, 2)


def test_usage_error_message_is_kept_as_its_text() -> None:
    with pytest.raises(UsageError) as caught:
        raise UsageError("unknown rule 'CON999'")
    assert str(caught.value) == "unknown rule 'CON999'"


def test_usage_error_git_error_is_caught_as_usage_error() -> None:
    with pytest.raises(UsageError):
        raise GitError("git is not installed or not on PATH")


def test_internal_error_line_names_command_type_and_message() -> None:
    line = internal_error_line("tdd-history", ValueError("bad blob"))
    assert line == (
        "constitution: internal error in tdd-history: ValueError: bad blob;"
        " please report it"
    )


def _args(handler: object, verbose: bool = False) -> object:
    from types import SimpleNamespace

    return SimpleNamespace(
        command="check", handler=handler, verbose=verbose, log_format="text"
    )


def _raise(error: BaseException) -> object:
    def handler(args: object) -> int:
        raise error

    return handler


@pytest.mark.parametrize(
    ("handler", "code", "stderr"),
    [
        (lambda args: 1, 1, ""),
        (_raise(UsageError("no such rule")), 2, "constitution: error: no such rule\n"),
        (_raise(BrokenPipeError()), 2, ""),
        (
            _raise(KeyError("x")),
            3,
            "constitution: internal error in check: KeyError: 'x'; please report it\n",
        ),
    ],
)
def test_run_handled_each_ending_its_exit_code_and_one_line(
    capsys: pytest.CaptureFixture[str], handler: object, code: int, stderr: str
) -> None:
    from constitution_hooks.core.errors import run_handled

    assert run_handled(_args(handler)) == code
    assert capsys.readouterr().err == stderr


def test_run_handled_verbose_bug_prints_the_traceback_too(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from constitution_hooks.core.errors import run_handled

    assert run_handled(_args(_raise(KeyError("x")), verbose=True)) == 3
    err = capsys.readouterr().err
    assert "Traceback" in err and err.endswith("please report it\n")
