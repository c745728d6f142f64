"""``constitution waivers``: every waiver and tool suppression with its reason."""

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
from constitution_hooks.rules.waivers.suppressions import (
    Suppression,
    has_marker,
    read_suppressions,
)

NAME = "waivers"
HELP = (
    "list every waiver and tool suppression (# noqa, # type: ignore, ...) with its"
    " reason (default: every tracked Python file)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add paths, ``--format``, ``--kind`` and ``--config``.

    Example:
        >>> parser = argparse.ArgumentParser(); add_arguments(parser)
        >>> parser.parse_args(["--kind", "waivers", "src"]).paths
        ['src']
    """
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--kind",
        choices=("all", "waivers", "suppressions"),
        default="all",
        help="our waivers, other tools' suppressions (CON012), or both (default)",
    )
    add_config_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Print the waivers; exit 0 (2 on a usage error).

    Example:
        >>> paths = ["src/constitution_hooks/commands/explain.py"]
        >>> args = argparse.Namespace(paths=paths, format="json", kind="all")
        >>> run(argparse.Namespace(**vars(args), config=None))
        []
        0
    """
    config = config_from(args)
    paths = discover(args.paths, not args.paths, config.exclude, config.root)
    found = list(_entries(paths, args.kind))
    if args.format == "json":
        records = [_record(path, entry) for path, entry in found]
        sys.stdout.write(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write("".join(_line(path, entry) for path, entry in found))
    return 0


Entry = Waiver | Suppression


def _entries(paths: list[str], kind: str) -> Iterator[tuple[str, Entry]]:
    for path in paths:
        try:
            source = SourceFile(Path(path), path)
            text = source.text
        except SourceUnreadableError:
            continue
        found: list[Entry] = []
        if kind != "suppressions" and MARKER in text:
            found.extend(read_waivers(text))
        if kind != "waivers" and has_marker(text):
            found.extend(read_suppressions(source.comments))
        found.sort(key=lambda entry: (entry.line, entry.column))
        yield from ((path, entry) for entry in found)


def _line(path: str, entry: Entry) -> str:
    if isinstance(entry, Suppression):
        return _suppression_line(path, entry)
    waiver = entry
    form = "ignore-file" if waiver.file_level else "ignore"
    reason = (
        f"Reason: {waiver.reason}"
        if waiver.reason and waiver.names
        else "(no reason: waives nothing, CON010)"
    )
    names = ", ".join(waiver.names)
    return f"{path}:{waiver.line}:{waiver.column}: {form}[{names}] {reason}\n"


def _suppression_line(path: str, found: Suppression) -> str:
    reason = f"Reason: {found.reason}" if found.reason else "(no reason: CON012)"
    return f"{path}:{found.line}:{found.column}: {found.written()[2:]} {reason}\n"


def _record(path: str, entry: Entry) -> dict[str, Any]:
    if isinstance(entry, Suppression):
        return {
            "kind": entry.kind,
            "path": path,
            "line": entry.line,
            "column": entry.column,
            "scope": entry.scope,
            "directive": entry.label,
            "codes": list(entry.codes),
            "reason": entry.reason,
            "comment": entry.text,
        }
    waiver = entry
    return {
        "kind": "waiver",
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
