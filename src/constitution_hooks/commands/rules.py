"""``constitution rules``: each rule, its hook, default and the constitution's words."""

from __future__ import annotations

import argparse
import sys

from constitution_hooks.core.registry import Rule
from constitution_hooks.rules import RULES

NAME = "rules"
HELP = "list every rule: code, id, hook, default and the constitution's words"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--format``.

    Example:
        >>> parser = argparse.ArgumentParser(); add_arguments(parser)
        >>> parser.parse_args(["--format", "json"]).format
        'json'
    """
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    """Print the catalogue; always exit 0.

    Example:
        >>> run(argparse.Namespace(format="text"))  # doctest: +ELLIPSIS
        CON001  syntax-error ...
        0
    """
    if args.format == "json":
        import json

        sys.stdout.write(json.dumps([_record(r) for r in RULES], indent=2) + "\n")
    else:
        sys.stdout.write("".join(_line(rule) for rule in RULES) + _FOOTER)
    return 0


_FOOTER = (
    "Details: constitution explain CODE (what, why, example, fix, options, how to"
    " waive)\n"
)


def _record(rule: Rule) -> dict[str, str]:
    return {
        "code": rule.code,
        "rule": rule.id,
        "hook": rule.hook,
        "default": rule.default,
        "summary": rule.summary,
        "constitution": rule.constitution,
        "hint": rule.hint,
        "scope": "file" if rule.file_level else "line",
    }


def _line(rule: Rule) -> str:
    return (
        f"{rule.code}  {rule.id:<28} hook: {rule.hook:<15} default: {rule.default}\n"
        f"        {rule.summary}\n"
        f'        constitution: "{rule.constitution}"\n'
    )
