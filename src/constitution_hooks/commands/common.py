"""Arguments and steps shared by every command."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from constitution_hooks.core.color import COLOR_MODES, color_enabled, paint
from constitution_hooks.core.config import Config, load_config
from constitution_hooks.core.errors import EXIT_CLEAN, EXIT_VIOLATIONS
from constitution_hooks.core.log import get_logger
from constitution_hooks.core.reporters import REPORTERS
from constitution_hooks.core.violation import Violation
from constitution_hooks.rules import RULES, SECTIONS

if TYPE_CHECKING:
    import argparse

# Reason: the size rules record the size found, so a baselined function that
# grows past it is new again; TDD rules about a whole module judge the file.
SIZED_CODES = frozenset({"CON101", "CON102", "CON103"})
FILE_LEVEL_CODES = frozenset(
    {rule.code for rule in RULES if rule.file_level} | {"CON201", "CON202", "CON206"}
)


def add_config_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``--config PATH``.

    Example:
        >>> import argparse
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
        >>> import argparse
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


def add_output_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--format``, ``--color`` and ``--no-baseline``: how findings are shown.

    Example:
        >>> import argparse
        >>> p = argparse.ArgumentParser(); add_output_arguments(p)
        >>> args = p.parse_args(["--color", "never", "--no-baseline"])
        >>> args.format, args.color, args.no_baseline
        ('text', 'never', True)
    """
    add_format_argument(parser)
    parser.add_argument(
        "--color",
        choices=COLOR_MODES,
        default="auto",
        help="colour the text format (default: auto, on a terminal unless NO_COLOR)",
    )
    parser.add_argument(
        "--no-baseline",
        action="store_true",
        help="report findings recorded in .constitution-baseline.json too",
    )


def config_from(args: argparse.Namespace) -> Config:
    """Load the config named by ``--config`` or found from the current folder.

    Example:
        >>> import argparse, tempfile
        >>> team = Path(tempfile.mkdtemp()) / "team.toml"
        >>> _ = team.write_text("[tool.constitution.file-length]\\nmax-lines = 300\\n")
        >>> config = config_from(argparse.Namespace(config=team))
        >>> config.source == team, config.section("file-length").integer("max-lines")
        (True, 300)
    """
    return load_config(SECTIONS, args.config)


def report(
    violations: Sequence[Violation],
    output_format: str,
    *,
    args: argparse.Namespace | None = None,
    config: Config | None = None,
    judged: str | None = None,
) -> int:
    """Drop baselined findings, print the rest and a summary; return the exit code.

    With ``config``, findings recorded in the baseline beside the config are not
    reported (unless ``--no-baseline``); with ``judged`` (``"214 files"``) a
    summary line goes to stderr.

    Example:
        >>> report([], "text")
        0
    """
    skipped = 0
    if config is not None and not getattr(args, "no_baseline", False):
        from constitution_hooks.commands.baseline_filter import drop_baselined

        violations, skipped = drop_baselined(violations, config)
    text = REPORTERS[output_format](violations, RULES, SECTIONS)
    if output_format == "text" and color_enabled(_color(args), sys.stdout):
        text = paint(text)
    write_out(text)
    if violations and output_format == "text":
        _print_hints(violations)
    line = summary(judged, violations, skipped) if judged is not None else ""
    if judged is None and skipped:
        line = f"{len(violations)} new, {skipped} in the baseline"
    if line and getattr(args, "log_format", "text") == "json":
        # Reason: stderr then carries JSON lines only; the summary is one of them.
        get_logger().info("summary", summary=line, baselined=skipped)
    elif line:
        sys.stderr.write(line + "\n")
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


def summary(judged: str, violations: Sequence[Violation], skipped: int) -> str:
    """What was judged and what was found, per rule, most frequent first.

    Example:
        >>> v = Violation("a.py", 1, 1, "CON102", "function-too-long", "m")
        >>> summary("214 files", [v, v, v], 412)
        'checked 214 files: 3 CON102 (3 new, 412 in the baseline)'
    """
    counts: dict[str, int] = {}
    for violation in violations:
        counts[violation.code] = counts.get(violation.code, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    found = ", ".join(f"{count} {code}" for code, count in ranked) or "no violations"
    if skipped:
        found += f" ({len(violations)} new, {skipped} in the baseline)"
    return f"checked {judged}: {found}"


def _color(args: argparse.Namespace | None) -> str:
    return str(getattr(args, "color", "auto"))


def _print_hints(violations: Sequence[Violation]) -> None:
    codes = sorted({v.code for v in violations})
    lines = [f"Found {len(violations)} violation(s)."]
    for rule in RULES:
        if rule.code in codes and rule.hint:
            lines.append(f"  {rule.code} ({rule.id}): {rule.hint}")
    lines.append("  Details: constitution explain <CODE>; docs/rules/<CODE>.md")
    sys.stderr.write("\n".join(lines) + "\n")
