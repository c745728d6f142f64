"""``constitution explain CODE|ID``: one rule's page, the same text as docs/rules/."""

from __future__ import annotations

import argparse
import sys

from constitution_hooks.core.registry import find_rule
from constitution_hooks.core.ruledoc import render_rule
from constitution_hooks.rules import RULES, SECTIONS

NAME = "explain"
HELP = "explain one rule (code or id): what, why, example, fix, options"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the rule argument.

    Example:
        >>> parser = argparse.ArgumentParser(); add_arguments(parser)
        >>> parser.parse_args(["CON102"]).rule
        'CON102'
    """
    parser.add_argument("rule", metavar="CODE|ID", help="e.g. CON102 or file-too-long")


def run(args: argparse.Namespace) -> int:
    """Print the rule's page; an unknown rule is a usage error (exit 2).

    Example:
        >>> run(argparse.Namespace(rule="CON101"))  # doctest: +ELLIPSIS
        # CON101 file-too-long...
        0
    """
    sys.stdout.write(render_rule(find_rule(RULES, args.rule), SECTIONS))
    return 0
