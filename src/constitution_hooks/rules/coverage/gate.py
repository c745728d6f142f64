"""CON401-CON405: the coverage gate, as pure functions over measured files.

The figures come from ``core.coverage_data`` (coverage.py's own reading of the data)
and the changed lines from ``core.git``; nothing here runs, reads or prints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, NamedTuple

from constitution_hooks.core.violation import Finding, Violation
from constitution_hooks.rules.coverage import RULES as RULES
from constitution_hooks.rules.coverage import SECTION as SECTION
from constitution_hooks.rules.coverage.figures import (
    Figure,
    FileCoverage,
    combine,
    describe,
    format_percent,
    line_ranges,
    worst_files,
)

Matcher = Callable[[str, str], bool]
BELOW_MINIMUM, DROPPED, CRITICAL_BELOW, DIFF_BELOW, TESTS_FAILED = RULES


class GateSettings(NamedTuple):
    """The ``coverage-gate`` table, typed (``Settings.record(GateSettings)``).

    Example:
        >>> from constitution_hooks.core.config import Settings
        >>> table = {o.key: o.default for o in SECTION.options} | {"fail-under": 90}
        >>> gate = Settings(table).record(GateSettings)
        >>> gate.fail_under, gate.baseline
        (90, '.coverage-baseline.json')
    """

    fail_under: float
    critical: Mapping[str, float]
    diff_fail_under: float
    baseline: str
    tolerance: float
    command: Sequence[str]
    timeout: float


# Changed lines per file; None means every line (a file git does not track yet).
Changed = Mapping[str, frozenset[int] | None]


@dataclass(frozen=True)
class Measure:
    """One figure against its threshold, for the summary (text and JSON).

    Example:
        >>> Measure("total", Figure(4, 5), Fraction(80), True).line()
        'total: 80.00% (4/5) minimum 80: pass'
    """

    name: str
    figure: Figure
    threshold: Fraction
    passed: bool
    note: str = ""
    files: tuple[FileCoverage, ...] = ()

    def shown(self) -> str:
        """The percentage with enough decimals for its verdict."""
        return format_percent(self.figure.percent, self.threshold)

    def line(self) -> str:
        """One summary line, then the files that pull the figure down."""
        verdict = "pass" if self.passed else "FAIL"
        note = f" ({self.note})" if self.note else ""
        head = (
            f"{self.name}: {self.shown()}% ({self.figure.covered}/{self.figure.total})"
            f" minimum {_number(self.threshold)}: {verdict}{note}"
        )
        lines = [f"    {describe(f, self.threshold)}" for f in self.files]
        return "\n".join([head, *lines])

    def record(self) -> dict[str, Any]:
        """The measure as JSON-ready data."""
        return {
            "name": self.name,
            "percent": float(self.figure.percent),
            "covered": self.figure.covered,
            "total": self.figure.total,
            "threshold": float(self.threshold),
            "passed": self.passed,
            "note": self.note,
            "files": [_file_record(f) for f in self.files],
        }


def _file_record(file: FileCoverage) -> dict[str, Any]:
    figure = file.figure
    return {
        "path": file.path,
        "percent": float(figure.percent),
        "covered": figure.covered,
        "total": figure.total,
        "missing": line_ranges(file.statements, file.missing),
        "missing_branches": file.missing_branches,
    }


def _exact(value: float) -> Fraction:
    # Reason: Fraction(str(x)) keeps 79.6 as 796/10, not its binary float neighbour.
    return Fraction(str(value))


def _number(value: Fraction) -> str:
    return f"{float(value):g}"


def _worst_text(files: Iterable[FileCoverage], threshold: Fraction) -> str:
    described = [describe(f, threshold) for f in files]
    return "; worst: " + "; ".join(described[:3]) if described else ""


def check_total(
    files: Iterable[FileCoverage], fail_under: float, where: str
) -> tuple[Measure, list[Violation]]:
    """CON401: total coverage at least ``fail-under``, on the exact ratio.

    Example:
        >>> f = FileCoverage("a.py", frozenset({1, 2}), frozenset({2}))
        >>> check_total([f], 80, "pyproject.toml")[1][0].code
        'CON401'
    """
    files = tuple(files)
    threshold = _exact(fail_under)
    figure = combine(files)
    worst = tuple(worst_files(files))
    passed = figure.percent >= threshold
    measure = Measure("total", figure, threshold, passed, files=worst)
    if measure.passed:
        return measure, []
    message = (
        f"total coverage {measure.shown()}% ({figure.covered}/{figure.total}"
        f" statements and branches) is below fail-under {_number(threshold)}%"
        f"{_worst_text(worst, threshold)}; add tests for the missing lines"
    )
    return measure, [BELOW_MINIMUM.at(where, Finding(1, 1, message))]


def check_baseline(
    figure: Figure, baseline: Fraction | None, tolerance: float, where: str
) -> tuple[Measure | None, list[Violation]]:
    """CON402: total coverage no lower than the baseline minus ``tolerance`` points.

    Example:
        >>> check_baseline(Figure(1, 2), Fraction(60), 0.1, "p")[1][0].code
        'CON402'
    """
    if baseline is None:
        return None, []
    threshold = baseline - _exact(tolerance)
    passed = figure.percent >= threshold
    note = f"baseline {format_percent(baseline, baseline)}%, tolerance {tolerance:g}"
    measure = Measure("baseline", figure, threshold, passed, note)
    if passed:
        return measure, []
    message = (
        f"total coverage {measure.shown()}% fell below the {note} points"
        " (the ratchet); add tests to win the coverage back"
    )
    return measure, [DROPPED.at(where, Finding(1, 1, message))]


def check_critical(
    files: Iterable[FileCoverage],
    critical: Mapping[str, float],
    match: Matcher,
    where: str,
) -> tuple[list[Measure], list[Violation]]:
    """CON403: each critical glob's combined coverage at least its own minimum.

    Args:
        files: Every measured file.
        critical: Glob to minimum percentage.
        match: ``match(glob, path)``: coverage.py's own ``--include`` matching.
        where: The config file, where violations are reported.

    Example:
        >>> f = FileCoverage("a.py", frozenset({1}), frozenset({1}))
        >>> check_critical([f], {"a.py": 90}, lambda g, p: g == p, "p")[1][0].code
        'CON403'
    """
    files = tuple(files)
    measures: list[Measure] = []
    found: list[Violation] = []
    for glob, minimum in critical.items():
        threshold = _exact(minimum)
        chosen = [f for f in files if match(glob, f.path)]
        figure = combine(chosen)
        worst = tuple(worst_files(chosen))
        passed = bool(chosen) and figure.percent >= threshold
        note = "" if chosen else "matches no measured file"
        measure = Measure(f"critical '{glob}'", figure, threshold, passed, note, worst)
        measures.append(measure)
        if not chosen:
            message = f"critical path '{glob}' matches no measured file; fix the glob"
        elif not passed:
            message = (
                f"critical path '{glob}' {measure.shown()}% ({figure.covered}/"
                f"{figure.total}) below its minimum {_number(threshold)}%"
                f"{_worst_text(worst, threshold)}"
            )
        else:
            continue
        found.append(CRITICAL_BELOW.at(where, Finding(1, 1, message)))
    return measures, found


def check_diff(
    files: Iterable[FileCoverage],
    changed: Changed,
    fail_under: float,
) -> tuple[Measure, list[Violation]]:
    """CON404: of the changed executable lines, at least ``fail_under`` percent run.

    Lines coverage does not measure are not counted; a partly taken branch counts
    as a run line, as diff-cover counts it.

    Example:
        >>> f = FileCoverage("a.py", frozenset({1, 2}), frozenset({2}))
        >>> check_diff([f], {"a.py": frozenset({2})}, 80)[1][0].line
        2
    """
    threshold = _exact(fail_under)
    touched = []
    for file in files:
        if file.path in changed:
            lines = changed[file.path]
            lines = file.statements if lines is None else lines
            if file.statements & lines:
                touched.append(
                    FileCoverage(
                        file.path, file.statements & lines, file.missing & lines
                    )
                )
    figure = combine(touched)
    passed = figure.percent >= threshold
    note = "" if touched else "no measurable changed line"
    worst = tuple(worst_files(touched))
    measure = Measure("diff", figure, threshold, passed, note, worst)
    if passed:
        return measure, []
    head = (
        f"diff coverage {measure.shown()}% ({figure.covered}/{figure.total}"
        f" changed executable lines) is below diff-fail-under"
        f" {_number(threshold)}%; changed lines not covered here:"
    )
    return measure, [
        DIFF_BELOW.at(
            f.path,
            Finding(
                min(f.missing), 1, f"{head} {line_ranges(f.statements, f.missing)}"
            ),
        )
        for f in worst_files(touched, limit=len(touched))
    ]


def check_test_run(returncode: int, summary: str, where: str) -> list[Violation]:
    """CON405: a failed test run (or one that collected nothing) fails the gate.

    Example:
        >>> check_test_run(1, "1 failed", "p")[0].code
        'CON405'
    """
    if returncode == 0:
        return []
    # Reason: pytest exits 5 when it collected no test at all.
    what = "no tests were collected" if returncode == 5 else "the tests failed"
    message = (
        f"{what} (exit code {returncode}): {summary.strip() or 'no output'};"
        " a coverage figure from a failed run is not trusted: fix the tests"
    )
    return [TESTS_FAILED.at(where, Finding(1, 1, message))]


def check_timeout(elapsed: float, limit: float, where: str) -> list[Violation]:
    """CON405: a test run stopped at its ``timeout`` fails the gate.

    Example:
        >>> check_timeout(900.2, 900, "p")[0].code
        'CON405'
    """
    message = (
        f"the tests did not finish within the timeout of {limit:g} s (stopped"
        f" after {elapsed:.1f} s, with every process they started); a coverage"
        " figure from an unfinished run is not trusted: make the tests faster or"
        " raise timeout in [tool.constitution.coverage-gate]"
    )
    return [TESTS_FAILED.at(where, Finding(1, 1, message))]


def evaluate(
    files: Iterable[FileCoverage],
    settings: GateSettings,
    changed: Changed | None,
    baseline: Fraction | None,
    match: Matcher,
    where: str,
) -> tuple[list[Measure], list[Violation]]:
    """Apply CON401-CON404 to measured files; diff coverage only with a diff.

    Args:
        files: Every measured file.
        settings: The ``coverage-gate`` table, typed.
        changed: Changed lines per file, or None when there is no diff to measure.
        baseline: The recorded baseline percentage, or None.
        match: ``match(glob, path)`` for the critical globs.
        where: The config file, where project-wide violations are reported.

    Returns:
        Every measure (for the summary) and every violation.

    Example:
        >>> f = FileCoverage("a.py", frozenset({1}), frozenset())
        >>> s = GateSettings(80, {}, 80, "", 0.1, (), 900)
        >>> [m.name for m in evaluate([f], s, None, None, lambda g, p: True, "p")[0]]
        ['total']
    """
    files = tuple(files)
    total, found = check_total(files, settings.fail_under, where)
    measures = [total]
    ratchet, dropped = check_baseline(total.figure, baseline, settings.tolerance, where)
    measures += [ratchet] if ratchet else []
    critical, below = check_critical(files, settings.critical, match, where)
    measures += critical
    found += dropped + below
    if changed is not None:
        diff, uncovered = check_diff(files, changed, settings.diff_fail_under)
        measures.append(diff)
        found += uncovered
    return measures, found
