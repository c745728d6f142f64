"""The ``constitution`` command: subcommands, one error handler, an exit code."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import NamedTuple, Protocol

from constitution_hooks import __version__
from constitution_hooks.core.errors import EXIT_USAGE, run_handled


class Command(Protocol):
    """What every subcommand provides: a ``ModuleCommand`` or a command object."""

    @property
    def name(self) -> str:
        """The subcommand's name."""

    @property
    def help(self) -> str:
        """One line of help."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Declare the command's own arguments."""

    def run(self, args: argparse.Namespace) -> int:
        """Do the work and return the exit code."""


class CommandSpec(NamedTuple):
    """Where a subcommand lives: imported only when that subcommand runs.

    Example:
        >>> spec = CommandSpec("rules", "rules", "", "list every rule")
        >>> spec.load().name
        'rules'
    """

    name: str
    module: str
    attribute: str
    help: str

    def load(self) -> Command:
        """Import the command's module and return the command object.

        A module that is itself the command (``NAME``, ``HELP``,
        ``add_arguments``, ``run``) has an empty ``attribute``; otherwise
        ``attribute`` names a command object of the module (``check``'s
        ``FileCommand`` instances, several commands sharing one code path).
        """
        module = importlib.import_module(f"constitution_hooks.commands.{self.module}")
        if not self.attribute:
            return ModuleCommand(
                module.NAME, module.HELP, module.add_arguments, module.run
            )
        command: Command = getattr(module, self.attribute)
        return command


class ModuleCommand(NamedTuple):
    """A command module's four names, as one command object.

    Example:
        >>> ModuleCommand("x", "does x", print, len).name
        'x'
    """

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


# Reason: a hook imports only its own command (start-up imports, ADR 0010).
COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec(
        "check", "check", "CHECK", "run every file rule (the 'constitution' hook)"
    ),
    CommandSpec(
        "pre-commit",
        "pre_commit",
        "",
        "every pre-commit-stage rule in one process (the 'constitution' hook)",
    ),
    CommandSpec(
        "file-length", "check", "FILE_LENGTH", "files over the line limit (CON101)"
    ),
    CommandSpec(
        "function-size",
        "check",
        "FUNCTION_SIZE",
        "functions and classes over their limits (CON102, CON103)",
    ),
    CommandSpec("rules", "rules", "", "list every rule"),
    CommandSpec("explain", "explain", "", "explain one rule"),
    CommandSpec("commit-msg", "commit_msg", "", "check commit messages"),
    CommandSpec("branch-name", "branch_name", "", "check a branch name"),
    CommandSpec("tdd-pairing", "tdd_pairing", "", "modules need tests"),
    CommandSpec("tdd-history", "tdd_history", "", "tests came first"),
    CommandSpec("coverage-gate", "coverage_gate", "", "the coverage gate"),
    CommandSpec("waivers", "waivers", "", "list every waiver"),
    CommandSpec("init", "init", "", "add the hooks to a project"),
    CommandSpec(
        "project-contract",
        "project_contract",
        "",
        "the repository-level rules",
    ),
    CommandSpec("migrations", "migrations", "", "deployed migrations"),
    CommandSpec("map", "map", "", "each clause and what enforces it"),
    CommandSpec("baseline", "baseline", "", "record today's findings"),
)


def terminal_width() -> int:
    """The width argparse wraps help to: ``COLUMNS``, else the terminal, else 80.

    The same answer as ``shutil.get_terminal_size().columns``.

    Example:
        >>> terminal_width() > 0
        True
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    stdout = sys.__stdout__
    try:
        columns = os.get_terminal_size(stdout.fileno()).columns if stdout else 0
    except (ValueError, OSError):
        columns = 0
    return columns or 80


class HelpFormatter(argparse.HelpFormatter):
    """argparse's own formatter, told the width instead of asking shutil.

    Reason: argparse builds a formatter for every ``add_argument`` and, without
    a width, imports shutil (and with it bz2, lzma and zlib) to find the
    terminal's: 2-4 ms of every run, for help that is rarely shown.

    Example:
        >>> HelpFormatter("constitution", width=80)._width
        80
    """

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        # Reason: argparse itself takes 2 off the terminal's width.
        width = terminal_width() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)


def _common(defaults: bool) -> argparse.ArgumentParser:
    # Reason: subcommands repeat the global flags with suppressed defaults, so
    # `constitution -v check` is not undone by the subcommand's own default.
    common = argparse.ArgumentParser(add_help=False, formatter_class=HelpFormatter)
    verbose = False if defaults else argparse.SUPPRESS
    log_format = "text" if defaults else argparse.SUPPRESS
    common.add_argument(
        "-v", "--verbose", action="store_true", default=verbose, help="debug logging"
    )
    common.add_argument(
        "--log-format",
        choices=("text", "json"),
        default=log_format,
        help="log format on stderr (json turns logging on)",
    )
    return common


def build_parser(selected: str | None = None) -> argparse.ArgumentParser:
    """Build the parser; only the ``selected`` subcommand's module is imported.

    Example:
        >>> build_parser("rules").parse_args(["rules"]).command
        'rules'
    """
    parser = argparse.ArgumentParser(
        prog="constitution",
        description="Enforce the engineering constitution in git hooks and CI.",
        parents=[_common(True)],
        formatter_class=HelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for spec in COMMANDS:
        if selected is not None and spec.name != selected:
            # Reason: argparse runs only the selected subcommand's parser, so the
            # others need a name and a help line; each full parser costs ~0.3 ms.
            subparsers.add_parser(
                spec.name, help=spec.help, add_help=False, formatter_class=HelpFormatter
            )
            continue
        sub = subparsers.add_parser(
            spec.name,
            help=spec.help,
            description=spec.help,
            parents=[_common(False)],
            formatter_class=HelpFormatter,
        )
        if spec.name == selected:
            command = spec.load()
            sub.description = command.help
            command.add_arguments(sub)
            sub.set_defaults(handler=command.run)
    return parser


def _selected(argv: Sequence[str]) -> str | None:
    names = {spec.name for spec in COMMANDS}
    return next((arg for arg in argv if arg in names), None)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code.

    0 clean, 1 violations, 2 usage or configuration error, 3 an unexpected
    internal error: one line on stderr, the traceback only with ``-v``.

    Example:
        >>> main(["rules", "--format", "json"]) == 0  # doctest: +ELLIPSIS
        [...
        True
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_selected(arguments))
    args = parser.parse_args(arguments)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    return run_handled(args)
