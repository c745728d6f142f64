"""``constitution waivers``: every waiver in the tree with its reason."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from constitution_hooks.commands.common import add_config_argument, config_from
from constitution_hooks.core.files import discover
from constitution_hooks.core.source import SourceFile, SourceUnreadableError
from constitution_hooks.core.waivers import MARKER, Waiver, read_waivers, rule_names
from constitution_hooks.rules import RULES


class WaiversCommand:
    """List waivers: where, what they waive, and the written reason.

    Example:
        >>> WaiversCommand().name
        'waivers'
    """

    name = "waivers"
    help = "list every waiver with its reason (default: every tracked Python file)"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Add paths, ``--format`` and ``--config``."""
        parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
        parser.add_argument("--format", choices=("text", "json"), default="text")
        add_config_argument(parser)

    def run(self, args: argparse.Namespace) -> int:
        """Print the waivers; exit 0 (2 on a usage error)."""
        config = config_from(args)
        paths = discover(args.paths, not args.paths, config.exclude, config.root)
        found = list(_waivers(paths))
        if args.format == "json":
            records = [_record(path, waiver) for path, waiver in found]
            sys.stdout.write(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write("".join(_line(path, waiver) for path, waiver in found))
        return 0


def _waivers(paths: list[str]) -> Iterator[tuple[str, Waiver]]:
    for path in paths:
        try:
            text = SourceFile(Path(path), path).text
        except SourceUnreadableError:
            continue
        if MARKER in text:
            yield from ((path, waiver) for waiver in read_waivers(text))


def _line(path: str, waiver: Waiver) -> str:
    form = "ignore-file" if waiver.file_level else "ignore"
    reason = (
        f"Reason: {waiver.reason}"
        if waiver.reason and waiver.names
        else "(no reason: waives nothing, CON010)"
    )
    names = ", ".join(waiver.names)
    return f"{path}:{waiver.line}:{waiver.column}: {form}[{names}] {reason}\n"


def _record(path: str, waiver: Waiver) -> dict[str, Any]:
    return {
        "path": path,
        "line": waiver.line,
        "column": waiver.column,
        "target": waiver.target,
        "scope": "file" if waiver.file_level else "line",
        "rules": list(waiver.names),
        "codes": list(waiver.codes(rule_names(RULES))),
        "reason": waiver.reason,
        "comment": waiver.text,
    }
