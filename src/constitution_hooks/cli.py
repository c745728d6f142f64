"""The ``constitution`` command: subcommands, one error handler, an exit code."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Protocol

from constitution_hooks import __version__
from constitution_hooks.commands.branch_name import BranchNameCommand
from constitution_hooks.commands.check import COMMANDS as FILE_COMMANDS
from constitution_hooks.commands.commit_msg import CommitMsgCommand
from constitution_hooks.commands.coverage_gate import CoverageGateCommand
from constitution_hooks.commands.explain import ExplainCommand
from constitution_hooks.commands.init import InitCommand
from constitution_hooks.commands.rules import RulesCommand
from constitution_hooks.commands.tdd_history import TddHistoryCommand
from constitution_hooks.commands.tdd_pairing import TddPairingCommand
from constitution_hooks.commands.waivers import WaiversCommand
from constitution_hooks.core.errors import EXIT_USAGE, UsageError
from constitution_hooks.core.log import configure


class Command(Protocol):
    """What every subcommand provides."""

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


COMMANDS: tuple[Command, ...] = (*FILE_COMMANDS, RulesCommand())
COMMANDS += (CommitMsgCommand(), BranchNameCommand())
COMMANDS += (ExplainCommand(), WaiversCommand(), InitCommand())
COMMANDS += (CoverageGateCommand(),)
COMMANDS += (TddPairingCommand(), TddHistoryCommand())


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every subcommand.

    Example:
        >>> build_parser().parse_args(["rules"]).command
        'rules'
    """
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    common.add_argument(
        "--log-format",
        choices=("text", "json"),
        default="text",
        help="log format on stderr (json turns logging on)",
    )
    parser = argparse.ArgumentParser(
        prog="constitution",
        description="Enforce the engineering constitution in git hooks and CI.",
        parents=[common],
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        sub = subparsers.add_parser(
            command.name, help=command.help, description=command.help, parents=[common]
        )
        command.add_arguments(sub)
        sub.set_defaults(handler=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code (0, 1 or 2).

    Example:
        >>> main(["rules", "--format", "json"]) == 0  # doctest: +ELLIPSIS
        [...
        True
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    log = configure(args.verbose, args.log_format)
    log.debug("command started", command=args.command)
    try:
        code: int = args.handler(args)
    except UsageError as error:
        print(f"constitution: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_USAGE
    log.debug("command finished", command=args.command, exit_code=code)
    return code
