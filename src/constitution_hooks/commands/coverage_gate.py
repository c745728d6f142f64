"""``constitution coverage-gate``: CON401-CON405 on a fresh test run or on --data."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from constitution_hooks.commands.common import (
    add_config_argument,
    add_format_argument,
    config_from,
    report,
)
from constitution_hooks.core.config import Config
from constitution_hooks.core.errors import EXIT_CLEAN, UsageError
from constitution_hooks.core.git import inside_work_tree, repository_root
from constitution_hooks.core.git_diff import changed_lines, lines_between, staged_lines
from constitution_hooks.core.log import get_logger
from constitution_hooks.core.progress import Elapsed
from constitution_hooks.rules.coverage.figures import FileCoverage
from constitution_hooks.rules.coverage.gate import (
    SECTION,
    Changed,
    GateSettings,
    Measure,
    check_test_run,
    check_timeout,
    evaluate,
)

NAME = "coverage-gate"
HELP = "coverage at least its minimums, exactly (CON401-CON405)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--data``, ``--diff-base``, ``--update-baseline``, format, config.

    Example:
        >>> parser = argparse.ArgumentParser(); add_arguments(parser)
        >>> parser.parse_args(["--data", "coverage.xml"]).data
        PosixPath('coverage.xml')
    """
    parser.add_argument(
        "--data",
        type=Path,
        metavar="PATH",
        help="read this .coverage, coverage.xml or coverage.json instead of"
        " running the tests (CI, after the test step)",
    )
    parser.add_argument(
        "--diff-base",
        metavar="REV",
        help="diff coverage of the changes since the merge base with REV"
        " (default: the staged changes)",
    )
    parser.add_argument(
        "--update-baseline",
        action="store_true",
        help="raise the baseline file to this run's total (never lowers it)",
    )
    add_format_argument(parser)
    add_config_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Measure, compare, print the figures and the violations; exit code.

    Example:
        >>> import pathlib, tempfile
        >>> config = pathlib.Path(tempfile.mkdtemp()) / "pyproject.toml"
        >>> _ = config.write_text("[tool.constitution.coverage-gate]\\nenabled = false")
        >>> run(argparse.Namespace(config=config))
        0
    """
    config = config_from(args)
    if not config.enabled(SECTION.name):
        return EXIT_CLEAN
    settings = config.section(SECTION.name).record(GateSettings)
    where = _where(config)
    with tempfile.TemporaryDirectory(prefix="constitution-coverage-") as folder:
        measured = _measure(args, settings, config.root, Path(folder), where)
    if isinstance(measured, int):
        return measured
    return _judge(args, settings, config.root, measured, where)


def _measure(
    args: argparse.Namespace,
    settings: GateSettings,
    root: Path,
    folder: Path,
    where: str,
) -> list[FileCoverage] | int:
    from constitution_hooks.rules.coverage import run as coverage_run
    from constitution_hooks.rules.coverage.data import combine_parallel, read_coverage
    from constitution_hooks.rules.tdd.contexts import record_contexts

    if args.data is not None:
        return read_coverage(args.data, root)
    command = list(settings.command) or coverage_run.default_command(root)
    data = folder / ".coverage"
    get_logger().info("tests started", command=command)
    limit = settings.timeout
    with Elapsed("the tests"):
        run = coverage_run.run_tests(command, root, data, limit)
    get_logger().info("tests finished", exit_code=run.returncode)
    cannot = run.start_failure()
    if cannot is not None:
        raise UsageError(f"cannot start the test command {' '.join(command)}: {cannot}")
    failed = (
        check_timeout(run.elapsed, limit, where)
        if run.timed_out
        else check_test_run(run.returncode, run.summary(), where)
    )
    if failed:
        _emit(f"$ {' '.join(command)}\n{run.tail()}", args.format)
        return report(failed, args.format)
    combine_parallel(data)
    if not data.is_file():
        raise UsageError(
            f"{' '.join(command)} wrote no coverage data: the command must run the"
            " tests under coverage and honour COVERAGE_FILE (coverage run -m pytest),"
            " and [tool.coverage.run] source must name the code the tests import"
        )
    record_contexts(data, root)
    return read_coverage(data, root)


def _judge(
    args: argparse.Namespace,
    settings: GateSettings,
    root: Path,
    files: list[FileCoverage],
    where: str,
) -> int:
    from constitution_hooks.rules.coverage.baseline import (
        read_baseline,
        update_baseline,
    )
    from constitution_hooks.rules.coverage.data import check_globs, glob_matcher

    check_globs(settings.critical, where)
    baseline_name = settings.baseline
    baseline_path = root / baseline_name if baseline_name else None
    if args.update_baseline and baseline_path is None:
        raise UsageError(
            "--update-baseline needs a baseline file: set baseline in"
            " [tool.constitution.coverage-gate] (it is empty, the ratchet is off)"
        )
    baseline = read_baseline(baseline_path) if baseline_path else None
    changed = _changed(args.diff_base, root)
    measures, found = evaluate(
        files, settings, changed, baseline, glob_matcher(root), where
    )
    _summary(measures, args.format)
    if args.update_baseline and baseline_path:
        raised = update_baseline(baseline_path, measures[0].figure)
        verb = "raised to" if raised else "kept; this run does not beat it:"
        print(f"coverage-gate: baseline {verb} {measures[0].shown()}%", file=sys.stderr)
    return report(sorted(found), args.format)


def _changed(base: str | None, root: Path) -> Changed | None:
    if not base and not inside_work_tree(root):
        return None
    # Reason: in the pre-push stage pre-commit names the pushed range; nothing is
    # staged then.
    pushed = (
        os.environ.get("PRE_COMMIT_FROM_REF"),
        os.environ.get("PRE_COMMIT_TO_REF"),
    )
    lines: Changed
    if base:
        lines = changed_lines(base, root)
    elif pushed[0] and pushed[1]:
        lines = lines_between(pushed[0], pushed[1], root)
    else:
        lines = staged_lines(root)
    top = repository_root(root)
    return {_below_root(top / path, root): found for path, found in lines.items()}


def _below_root(path: Path, root: Path) -> str:
    # Reason: git names paths from the repository top, coverage from the config root.
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _where(config: Config) -> str:
    if config.source is None:
        return "."
    relative = os.path.relpath(config.source)
    return config.source.as_posix() if relative.startswith("..") else relative


def _summary(measures: Sequence[Measure], output_format: str) -> None:
    if output_format == "text":
        _emit("\n".join(f"coverage-gate: {m.line()}" for m in measures), "text")
    else:
        record = {"coverage": [m.record() for m in measures]}
        _emit(json.dumps(record, indent=2), output_format)


def _emit(text: str, output_format: str) -> None:
    # Reason: stdout carries only the reporter's output in machine formats.
    stream = sys.stdout if output_format == "text" else sys.stderr
    stream.write(text + "\n")
    stream.flush()
