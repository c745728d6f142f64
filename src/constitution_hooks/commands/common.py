"""Arguments and steps shared by every command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from constitution_hooks.core.config import Config, load_config
from constitution_hooks.core.errors import EXIT_CLEAN, EXIT_VIOLATIONS
from constitution_hooks.core.reporters import REPORTERS
from constitution_hooks.core.violation import Violation
from constitution_hooks.rules import RULES, SECTIONS


def add_config_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``--config PATH``.

    Example:
        >>> p = argparse.ArgumentParser(); add_config_argument(p)
        >>> p.parse_args(["--config", "x.toml"]).config
        PosixPath('x.toml')
    """
    parser.add_argument(
        "--config",
        type=Path,
        metavar="PATH",
        help="pyproject.toml to read [tool.constitution] from (default: the nearest)",
    )


def add_format_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``--format`` with every reporter's name.

    Example:
        >>> p = argparse.ArgumentParser(); add_format_argument(p)
        >>> p.parse_args([]).format
        'text'
    """
    parser.add_argument(
        "--format",
        choices=sorted(REPORTERS),
        default="text",
        help="output format (default: text)",
    )


def config_from(args: argparse.Namespace) -> Config:
    """Load the config named by ``--config`` or found from the current folder.

    Example:
        >>> config_from(argparse.Namespace(config=None)).source is None or True
        True
    """
    return load_config(SECTIONS, args.config)


def report(violations: Sequence[Violation], output_format: str) -> int:
    """Print violations in the chosen format and return the exit code.

    Example:
        >>> report([], "text")
        0
    """
    write_out(REPORTERS[output_format](violations, RULES, SECTIONS))
    if violations and output_format == "text":
        _print_hints(violations)
    return EXIT_VIOLATIONS if violations else EXIT_CLEAN


def write_out(text: str) -> None:
    """Write to stdout; a non-UTF-8 file name goes out as the bytes it was.

    Example:
        >>> write_out("a.py:1:1: CON101 long\\n")
        a.py:1:1: CON101 long
    """
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        # Reason: a strict stream (PYTHONIOENCODING, some locales) cannot encode
        # the lone surrogates Python decodes undecodable name bytes into.
        stream = sys.stdout
        stream.flush()
        encoding = stream.encoding or "utf-8"
        stream.buffer.write(text.encode(encoding, "surrogateescape"))
        stream.buffer.flush()


def _print_hints(violations: Sequence[Violation]) -> None:
    codes = sorted({v.code for v in violations})
    lines = [f"Found {len(violations)} violation(s)."]
    for rule in RULES:
        if rule.code in codes and rule.hint:
            lines.append(f"  {rule.code} ({rule.id}): {rule.hint}")
    lines.append("  Details: constitution explain <CODE>; docs/rules/<CODE>.md")
    sys.stderr.write("\n".join(lines) + "\n")
