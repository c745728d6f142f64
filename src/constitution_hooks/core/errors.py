"""Errors that end a run, and the exit code of each kind of ending."""

from __future__ import annotations

import sys
from typing import Any

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


def run_handled(args: Any) -> int:
    """Run ``args.handler(args)`` under the one top-level handler; its exit code.

    ``args`` is the parsed command line (``command``, ``handler``, ``verbose``,
    ``log_format`` and the command's own options), from argparse or from the
    hook's fast path. A ``UsageError`` becomes one line and exit 2; a bug one
    line and exit 3 (its traceback only with ``-v``), never a traceback in the
    middle of a commit.

    Example:
        >>> from types import SimpleNamespace
        >>> def boom(args: object) -> int:
        ...     raise UsageError("no such rule")
        >>> run_handled(SimpleNamespace(command="x", handler=boom, verbose=False,
        ...     log_format="text"))
        2
    """
    from constitution_hooks.core.log import configure

    log = configure(args.verbose, args.log_format)
    log.debug("command started", command=args.command)
    try:
        code: int = args.handler(args)
    except UsageError as error:
        print(f"constitution: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_USAGE
    # Reason: the one top-level handler; a bug becomes one line and exit 3.
    except Exception as error:
        if args.verbose:
            import traceback

            traceback.print_exc(file=sys.stderr)
        print(internal_error_line(args.command, error), file=sys.stderr)
        return EXIT_INTERNAL
    log.debug("command finished", command=args.command, exit_code=code)
    return code
