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
