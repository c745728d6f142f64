"""Exact coverage figures: fractions compared before any rounding."""

from __future__ import annotations

from fractions import Fraction

from constitution_hooks.rules.coverage.figures import (
    Figure,
    FileCoverage,
    combine,
    describe,
    format_percent,
    line_ranges,
    worst_files,
)


def _file(
    path: str, statements: int, missing: set[int], **branches: int
) -> FileCoverage:
    return FileCoverage(
        path, frozenset(range(1, statements + 1)), frozenset(missing), **branches
    )


def test_figure_percent_statements_and_branches_counts_both() -> None:
    figure = _file("a.py", 10, {1, 2}, branches=4, missing_branches=1).figure
    assert (figure.covered, figure.total) == (11, 14)
    assert figure.percent == Fraction(1100, 14)


def test_figure_percent_nothing_measurable_is_hundred() -> None:
    assert Figure(0, 0).percent == 100


def test_combine_several_files_sums_counts_before_dividing() -> None:
    files = [_file("a.py", 3, {1}), _file("b.py", 7, set())]
    assert combine(files) == Figure(9, 10)


def test_format_percent_just_below_threshold_never_reads_as_passing() -> None:
    assert format_percent(Fraction(7996, 100), Fraction(80)) == "79.96"
    assert format_percent(Fraction(79996, 1000), Fraction(80)) == "79.996"


def test_format_percent_exact_threshold_prints_two_decimals() -> None:
    assert format_percent(Fraction(80), Fraction(80)) == "80.00"


def test_format_percent_passing_above_decimal_threshold_reads_as_passing() -> None:
    assert format_percent(Fraction("79.99449"), Fraction("79.9944")) == "79.9945"


def test_format_percent_rounding_would_cross_threshold_adds_decimals() -> None:
    assert format_percent(Fraction("79.9951"), Fraction("79.996")) == "79.995"


def test_line_ranges_consecutive_missing_statements_merge_into_ranges() -> None:
    statements = frozenset({1, 2, 3, 5, 8, 9, 12})
    assert line_ranges(statements, frozenset({2, 3, 5, 9, 12})) == "2-5, 9-12"


def test_line_ranges_nothing_missing_is_empty() -> None:
    assert line_ranges(frozenset({1, 2}), frozenset()) == ""


def test_worst_files_lowest_first_skips_fully_covered() -> None:
    files = [_file("a.py", 4, {1}), _file("b.py", 4, {1, 2}), _file("c.py", 4, set())]
    assert [f.path for f in worst_files(files)] == ["b.py", "a.py"]


def test_describe_file_with_missing_branches_names_them() -> None:
    file = FileCoverage("a.py", frozenset({1, 2}), frozenset({2}), 2, 1)
    assert describe(file, Fraction(80)) == (
        "a.py 50.00% (2/4, missing 2, 1 branch(es) not taken)"
    )
