"""Errors that end a run, and the exit code of each kind of ending."""

from __future__ import annotations

EXIT_CLEAN = 0
EXIT_VIOLATIONS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class UsageError(Exception):
    """A bad flag, a broken or ill-typed config, or missing git: exit code 2.

    The CLI's single top-level handler turns it into one line on stderr.

    Example:
        >>> str(UsageError("unknown rule 'CON999'"))
        "unknown rule 'CON999'"
    """


def internal_error_line(command: str, error: BaseException) -> str:
    """The one line an unexpected exception becomes (exit code ``EXIT_INTERNAL``).

    Args:
        command: The subcommand that was running.
        error: The exception nobody expected.

    Returns:
        The line, naming the command, the exception's type and its message.

    Example:
        >>> internal_error_line("check", KeyError("x"))
        "constitution: internal error in check: KeyError: 'x'; please report it"
    """
    return (
        f"constitution: internal error in {command}: {type(error).__name__}:"
        f" {error}; please report it"
    )
