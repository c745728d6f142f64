"""Errors that end a run with a usage or configuration exit code."""

from __future__ import annotations

EXIT_CLEAN = 0
EXIT_VIOLATIONS = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A bad flag, a broken or ill-typed config, or missing git: exit code 2.

    The CLI's single top-level handler turns it into one line on stderr.

    Example:
        >>> str(UsageError("unknown rule 'CON999'"))
        "unknown rule 'CON999'"
    """
