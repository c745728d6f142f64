"""The command lines pre-commit sends, run without argparse.

pre-commit starts ``constitution pre-commit FILE...`` (the ``constitution``
hook), ``check FILE...``, ``file-length FILE...`` or ``function-size FILE...``
on every commit: a subcommand and file names, no flag. For exactly that shape
the options argparse would build are built here (the same names and defaults,
pinned by ``tests/test_fast_hook.py``) and the command runs under the same
top-level handler, so the hook skips argparse, gettext and the other commands'
parsers. Anything else, a flag or a ``-`` anywhere included, is the full
command line's.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

# Reason: the hooks' commands; those of `check`'s kind are its FileCommand objects.
HOOK_COMMANDS = {
    "pre-commit": "",
    "check": "CHECK",
    "file-length": "FILE_LENGTH",
    "function-size": "FUNCTION_SIZE",
}

# Reason: what argparse gives these commands' options when no flag is given
# (global -v/--log-format, the output, config and speed flags).
_COMMON = {
    "verbose": False,
    "log_format": "text",
    "format": "text",
    "color": "auto",
    "no_baseline": False,
    "config": None,
    "jobs": None,
    "no_cache": False,
}
_CHECK = {"all_files": False, "select": [], "ignore": [], "diff_base": None}


def fast_main(argv: Sequence[str]) -> int | None:
    """Run a hook's exact command line and return its exit code; None: not one.

    Example:
        >>> fast_main(["check", "--no-cache"]) is None
        True
    """
    args = hook_args(argv)
    if args is None:
        return None
    from constitution_hooks.core.errors import run_handled

    return run_handled(args)


def hook_args(argv: Sequence[str]) -> SimpleNamespace | None:
    """The options of a hook's ``COMMAND FILE...`` line; None for any other line.

    Example:
        >>> hook_args(["pre-commit", "a.py"]).paths
        ['a.py']
        >>> hook_args(["pre-commit", "--no-cache", "a.py"]) is None
        True
    """
    if not argv or argv[0] not in HOOK_COMMANDS:
        return None
    paths = list(argv[1:])
    # Reason: argparse reads any word starting with '-' as an option (or '--').
    if any(path.startswith("-") for path in paths):
        return None
    command = argv[0]
    options: dict[str, Any] = {"command": command, "paths": paths, **_COMMON}
    if HOOK_COMMANDS[command]:
        options.update(_CHECK, select=[], ignore=[])
    options["handler"] = _handler(HOOK_COMMANDS[command])
    return SimpleNamespace(**options)


def _handler(file_command: str) -> Callable[[Any], int]:
    if file_command:
        from constitution_hooks.commands import check

        run: Callable[[Any], int] = getattr(check, file_command).run
        return run
    from constitution_hooks.commands import pre_commit

    return pre_commit.run
