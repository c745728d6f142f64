"""``constitution baseline``: record today's findings so only new ones block."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from constitution_hooks.commands.baseline_filter import (
    HISTORY_CODES,
    baseline_path,
    fingerprinter,
)
from constitution_hooks.commands.common import add_config_argument, config_from
from constitution_hooks.core import baseline
from constitution_hooks.core.config import Config
from constitution_hooks.core.errors import EXIT_CLEAN, EXIT_VIOLATIONS, UsageError
from constitution_hooks.core.violation import Violation

Collector = Callable[[Config, bool], list[Violation]]


def file_findings(config: Config, explicit: bool = False) -> list[Violation]:
    """Every file rule's findings over every tracked Python file.

    With ``explicit`` (``--config`` given) that config decides every file, as
    in ``check``; otherwise each file's nearest project config does.

    Example:
        A committed 60-line function:

        >>> import os, tempfile
        >>> from constitution_hooks.core.config import load_config
        >>> from constitution_hooks.core.git import run_git
        >>> from constitution_hooks.rules import SECTIONS
        >>> here = os.getcwd(); os.chdir(tempfile.mkdtemp())
        >>> who = ["-c", "user.name=A", "-c", "user.email=a@example.invalid"]
        >>> cart = Path("src/shop/cart.py"); cart.parent.mkdir(parents=True)
        >>> _ = cart.write_text("def total():\\n" + "    x = 1\\n" * 59)
        >>> _ = run_git(["init", "-q"]), run_git(["add", "-A"])
        >>> _ = run_git([*who, "commit", "-qm", "feat: add the cart"])
        >>> [(v.path, v.code) for v in file_findings(load_config(SECTIONS))]
        [('src/shop/cart.py', 'CON102')]
        >>> os.chdir(here)
    """
    from constitution_hooks.commands.check import CHECK
    from constitution_hooks.core.config import ProjectConfigs
    from constitution_hooks.core.files import discover
    from constitution_hooks.core.runner import check_files
    from constitution_hooks.rules import RULES, SECTIONS

    paths = discover([], True, config.exclude, config.root)
    configs = ProjectConfigs(SECTIONS, config, explicit)
    return check_files(
        paths,
        config,
        CHECK.rules(),
        jobs=None,
        use_cache=True,
        known=RULES,
        configs=configs.for_path,
        anchors=fingerprinter(config),
    )


def pairing_findings(config: Config, explicit: bool = False) -> list[Violation]:
    """tdd-pairing's findings over every tracked module and test (in git only).

    Example:
        Outside a git repository there is nothing to pair:

        >>> import os, tempfile
        >>> from constitution_hooks.core.config import load_config
        >>> from constitution_hooks.core.git import run_git
        >>> from constitution_hooks.rules import SECTIONS
        >>> here = os.getcwd(); os.chdir(tempfile.mkdtemp())
        >>> pairing_findings(load_config(SECTIONS))
        []
        >>> os.chdir(here)
    """
    from constitution_hooks.commands.tdd_pairing import check_all
    from constitution_hooks.core.git import inside_work_tree

    return check_all(config) if inside_work_tree() else []


def history_findings(config: Config, explicit: bool = False) -> list[Violation]:
    """tdd-history's CON206 over the whole history of HEAD (in git only).

    Example:
        A commit that added a function and no test:

        >>> import os, tempfile
        >>> from constitution_hooks.core.config import load_config
        >>> from constitution_hooks.core.git import run_git
        >>> from constitution_hooks.rules import SECTIONS
        >>> here = os.getcwd(); os.chdir(tempfile.mkdtemp())
        >>> who = ["-c", "user.name=A", "-c", "user.email=a@example.invalid"]
        >>> cart = Path("src/shop/cart.py"); cart.parent.mkdir(parents=True)
        >>> _ = cart.write_text("def total():\\n" + "    x = 1\\n" * 59)
        >>> _ = run_git(["init", "-q"]), run_git(["add", "-A"])
        >>> _ = run_git([*who, "commit", "-qm", "feat: add the cart"])
        >>> [(v.path, v.code) for v in history_findings(load_config(SECTIONS))]
        [('src/shop/cart.py', 'CON206')]
        >>> os.chdir(here)
    """
    from constitution_hooks.commands.tdd_history import check_all
    from constitution_hooks.core.git import inside_work_tree

    return check_all(config) if inside_work_tree() else []


def contract_findings(config: Config, explicit: bool = False) -> list[Violation]:
    """The project contract's findings (CON701-CON708) of the index (in git only).

    Example:
        An empty repository lacks what the contract asks for:

        >>> import os, tempfile
        >>> from constitution_hooks.core.config import load_config
        >>> from constitution_hooks.core.git import run_git
        >>> from constitution_hooks.rules import SECTIONS
        >>> here = os.getcwd(); os.chdir(tempfile.mkdtemp())
        >>> _ = run_git(["init", "-q"])
        >>> sorted({v.code for v in contract_findings(load_config(SECTIONS))})
        ['CON702', 'CON704', 'CON706', 'CON707']
        >>> os.chdir(here)
    """
    from constitution_hooks.commands.project_contract import contract_violations

    return contract_violations(config)


# Reason: a family that judges code or history plugs in by returning violations;
# fingerprints, matching and the file are the same for all.
# The last field says whether the family runs by default: replaying a long
# history takes minutes (324 s for 3,900 commits), so CON206 is opt-in.
COLLECTORS: tuple[tuple[str, Collector, bool], ...] = (
    ("file rules", file_findings, True),
    ("tdd-pairing", pairing_findings, True),
    ("project contract", contract_findings, True),
    ("tdd-history", history_findings, False),
)


NAME = "baseline"
HELP = "record today's findings so that only new ones are reported"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--update``, ``--allow-growth``, ``--check`` and ``--config``.

    Example:
        >>> parser = argparse.ArgumentParser(); add_arguments(parser)
        >>> parser.parse_args(["--update", "--allow-growth"]).allow_growth
        True
    """
    parser.add_argument(
        "--update",
        action="store_true",
        help="rewrite the baseline: fixed findings leave it, new ones do not enter",
    )
    parser.add_argument(
        "--allow-growth",
        action="store_true",
        help="with --update, let new findings (and grown sizes) enter it too",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="report entries that match no current finding (stale); exit 1 if any",
    )
    parser.add_argument(
        "--history",
        action="store_true",
        help="also record tdd-history's CON206 over the whole history of HEAD"
        " (slow on a long history)",
    )
    add_config_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Collect every finding, then write or check the baseline.

    Example:
        >>> parser = argparse.ArgumentParser(); add_arguments(parser)
        >>> try:
        ...     run(parser.parse_args(["--allow-growth"]))
        ... except UsageError as error:
        ...     print(error)
        --allow-growth goes with --update
    """
    if args.allow_growth and not args.update:
        raise UsageError("--allow-growth goes with --update")
    if args.check and args.update:
        raise UsageError("give --check or --update, not both")
    config = config_from(args)
    path = baseline_path(config)
    recorded = baseline.read(path)
    if recorded is not None and not (args.update or args.check):
        raise UsageError(
            f"{path} exists: `constitution baseline --update` drops what was"
            " fixed (add --allow-growth to record new findings too)"
        )
    if recorded is None and args.check:
        raise UsageError(f"{path}: no baseline to check; run `constitution baseline`")
    found = collect(config, args.history, args.config is not None)
    current = fingerprinter(config).entries(found)
    # Reason: entries of a family this run did not collect are kept as they
    # are, neither stale nor fixed.
    carried = [e for e in recorded or [] if e.code in HISTORY_CODES]
    judged = (
        None
        if recorded is None
        else [e for e in recorded if args.history or e.code not in HISTORY_CODES]
    )
    if args.check:
        return _check(judged or [], current)
    return _write(path, judged, current, args.allow_growth, carried)


def collect(
    config: Config, history: bool = False, explicit: bool = False
) -> list[Violation]:
    """Every collector's findings (CON206 with ``history``); counts on stderr.

    Example:
        CON206 only with ``history`` (replaying history is slow):

        >>> import os, tempfile
        >>> from constitution_hooks.core.config import load_config
        >>> from constitution_hooks.core.git import run_git
        >>> from constitution_hooks.rules import SECTIONS
        >>> here = os.getcwd(); os.chdir(tempfile.mkdtemp())
        >>> who = ["-c", "user.name=A", "-c", "user.email=a@example.invalid"]
        >>> cart = Path("src/shop/cart.py"); cart.parent.mkdir(parents=True)
        >>> _ = cart.write_text("def total():\\n" + "    x = 1\\n" * 59)
        >>> _ = run_git(["init", "-q"]), run_git(["add", "-A"])
        >>> _ = run_git([*who, "commit", "-qm", "feat: add the cart"])
        >>> config = load_config(SECTIONS)
        >>> plain, slow = ({v.code for v in collect(config, h)} for h in (False, True))
        >>> sorted(plain), sorted(slow - plain)
        (['CON102', 'CON201', 'CON702', 'CON704', 'CON706', 'CON707'], ['CON206'])
        >>> os.chdir(here)
    """
    found: list[Violation] = []
    for name, collector, default in COLLECTORS:
        if not (default or history):
            continue
        started = time.perf_counter()
        violations = collector(config, explicit)
        elapsed = time.perf_counter() - started
        sys.stderr.write(f"baseline: {name}: {len(violations)} ({elapsed:.1f} s)\n")
        found.extend(violations)
    return found


def _write(
    target: Path,
    recorded: list[baseline.Entry] | None,
    current: list[baseline.Entry],
    allow_growth: bool,
    carried: list[baseline.Entry],
) -> int:
    if recorded is None:
        baseline.write(target, current)
        sys.stderr.write(
            f"baseline: recorded {len(set(current))} findings in {target}\n"
        )
        return EXIT_CLEAN
    result = baseline.update(recorded, current, allow_growth)
    baseline.write(target, [*result.entries, *carried])
    sys.stderr.write(
        f"baseline: {len(result.entries)} findings in {target}"
        f" ({result.removed} fixed and removed, {result.added} added)\n"
    )
    if result.refused:
        sys.stderr.write(
            f"baseline: {result.refused} new or grown findings not recorded; fix"
            " them, or pass --allow-growth to accept them as debt\n"
        )
    return EXIT_CLEAN


def _check(recorded: list[baseline.Entry], current: list[baseline.Entry]) -> int:
    old = baseline.stale(recorded, current)
    for entry in old:
        where = f" {entry.kind} {entry.anchor!r}" if entry.kind != "file" else ""
        sys.stdout.write(
            f"{entry.path}: {entry.code}{where} (occurrence {entry.occurrence}):"
            " stale, no current finding matches it\n"
        )
    sys.stderr.write(
        f"baseline: {len(old)} stale of {len(recorded)} entries"
        + ("; `constitution baseline --update` drops them\n" if old else "\n")
    )
    return EXIT_VIOLATIONS if old else EXIT_CLEAN
