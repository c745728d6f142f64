"""Exact coverage figures: counts kept as integers, ratios as fractions.

coverage.py's own gate rounds the percentage before it compares (79.6% passes 80);
here every comparison is made on the exact ratio, and a figure is printed with as
many decimals as it takes never to read as passing when it fails.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

HUNDRED = Fraction(100)


@dataclass(frozen=True, order=True)
class Figure:
    """Covered items out of measurable items (statements plus branches).

    Example:
        >>> Figure(199, 250).percent
        Fraction(398, 5)
    """

    covered: int
    total: int

    @property
    def percent(self) -> Fraction:
        """The exact percentage; 100 when nothing is measurable (as coverage.py)."""
        return Fraction(100 * self.covered, self.total) if self.total else HUNDRED

    def __add__(self, other: Figure) -> Figure:
        return Figure(self.covered + other.covered, self.total + other.total)


@dataclass(frozen=True)
class FileCoverage:
    """One measured file: its statements, the missing ones, and branch counts.

    Attributes:
        path: Relative to the project root with ``/`` separators (or absolute).
        statements: Executable line numbers.
        missing: Executable line numbers never run.
        branches: Possible branch exits (0 without branch coverage).
        missing_branches: Branch exits never taken.

    Example:
        >>> f = FileCoverage("a.py", frozenset({1, 2}), frozenset({2}), 2, 1)
        >>> f.figure
        Figure(covered=2, total=4)
    """

    path: str
    statements: frozenset[int]
    missing: frozenset[int]
    branches: int = 0
    missing_branches: int = 0

    @property
    def figure(self) -> Figure:
        """Covered statements plus taken branches, out of both (coverage.py's)."""
        executed = len(self.statements) - len(self.missing)
        taken = self.branches - self.missing_branches
        return Figure(executed + taken, len(self.statements) + self.branches)


def combine(files: Iterable[FileCoverage]) -> Figure:
    """Sum the counts of several files (never an average of percentages).

    Example:
        >>> a = FileCoverage("a.py", frozenset({1, 2, 3}), frozenset({1}))
        >>> combine([a, a])
        Figure(covered=4, total=6)
    """
    total = Figure(0, 0)
    for file in files:
        total = total + file.figure
    return total


def format_percent(value: Fraction, threshold: Fraction) -> str:
    """Print ``value`` rounded to the fewest decimals, at least two, that read on
    the same side of ``threshold`` as the exact value (79.996 is never "80.00").

    Example:
        >>> format_percent(Fraction(79996, 1000), Fraction(80))
        '79.996'
    """
    passes = value >= threshold
    decimals = 2
    # Reason: 12 decimals separate any two percentages of up to 10**10 items.
    while decimals < 12 and (round(value, decimals) >= threshold) != passes:
        decimals += 1
    return f"{float(round(value, decimals)):.{decimals}f}"


def line_ranges(statements: frozenset[int], missing: frozenset[int]) -> str:
    """Missing lines as ranges, merged across non-statement lines (as coverage.py).

    Example:
        >>> line_ranges(frozenset({1, 2, 4, 6}), frozenset({1, 2, 4}))
        '1-4'
    """
    spans: list[tuple[int, int]] = []
    start: int | None = None
    end = 0
    for line in sorted(statements | missing):
        if line in missing:
            start = line if start is None else start
            end = line
        elif start is not None:
            spans.append((start, end))
            start = None
    if start is not None:
        spans.append((start, end))
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def worst_files(files: Iterable[FileCoverage], limit: int = 5) -> list[FileCoverage]:
    """The files that pull a figure down most: lowest percentage, then most missed.

    Example:
        >>> a = FileCoverage("a.py", frozenset({1}), frozenset())
        >>> worst_files([a])
        []
    """
    lacking = [f for f in files if f.figure.covered < f.figure.total]
    lacking.sort(key=lambda f: (f.figure.percent, f.figure.covered - f.figure.total))
    return lacking[:limit]


def describe(file: FileCoverage, threshold: Fraction) -> str:
    """One file's figure and missing lines, for messages and the summary.

    Example:
        >>> describe(FileCoverage("a.py", frozenset({1, 2}), frozenset({2})), HUNDRED)
        'a.py 50.00% (1/2, missing 2)'
    """
    figure = file.figure
    missing = line_ranges(file.statements, file.missing)
    branches = f", {file.missing_branches} branch(es) not taken"
    return (
        f"{file.path} {format_percent(figure.percent, threshold)}%"
        f" ({figure.covered}/{figure.total}"
        f"{', missing ' + missing if missing else ''}"
        f"{branches if file.missing_branches else ''})"
    )
