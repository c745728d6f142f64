"""The coverage gates as pure functions over measured files."""

from __future__ import annotations

from fractions import Fraction

import pytest

from constitution_hooks.core.options import Section
from constitution_hooks.rules import SECTIONS
from constitution_hooks.rules.coverage.figures import Figure, FileCoverage
from constitution_hooks.rules.coverage.gate import (
    SECTION,
    GateSettings,
    check_baseline,
    check_critical,
    check_diff,
    check_test_run,
    check_timeout,
    check_total,
)


def _file(path: str, statements: int, missing: set[int]) -> FileCoverage:
    return FileCoverage(path, frozenset(range(1, statements + 1)), frozenset(missing))


def _prefix(pattern: str, path: str) -> bool:
    return path.startswith(pattern.rstrip("*"))


def test_section_registered_with_every_documented_key() -> None:
    assert SECTION in SECTIONS
    assert isinstance(SECTION, Section)
    assert SECTION.keys() == (
        "enabled",
        "fail-under",
        "critical",
        "diff-fail-under",
        "baseline",
        "tolerance",
        "command",
        "timeout",
    )


@pytest.mark.parametrize(
    ("value", "ok"), [({"src/**": 90}, True), ({"src/**": 101}, False), ([], False)]
)
def test_section_critical_option_checks_table_of_minimums(
    value: object, ok: bool
) -> None:
    critical = next(o for o in SECTION.options if o.key == "critical")
    assert critical.check(value) is ok


def test_check_total_below_by_fraction_fails_with_exact_figure() -> None:
    measure, found = check_total([_file("a.py", 250, set(range(1, 52)))], 80, "p")
    assert not measure.passed
    assert [v.code for v in found] == ["CON401"]
    assert "79.60% (199/250 statements" in found[0].message
    assert "fail-under 80" in found[0].message
    assert "a.py 79.60% (199/250, missing 1-51)" in found[0].message


def test_check_total_exactly_at_threshold_passes() -> None:
    measure, found = check_total([_file("a.py", 250, set(range(1, 51)))], 80, "p")
    assert measure.passed
    assert found == []


def test_check_total_just_below_threshold_prints_decimals_that_fail() -> None:
    _, found = check_total([_file("a.py", 2500, set(range(1, 502)))], 80, "p")
    assert "79.96% (1999/2500 statements" in found[0].message


def test_check_baseline_drop_beyond_tolerance_fails() -> None:
    measure, found = check_baseline(Figure(80, 100), Fraction(81), 0.5, "p")
    assert measure is not None and not measure.passed
    assert [v.code for v in found] == ["CON402"]
    assert "80.00%" in found[0].message
    assert "baseline 81.00%" in found[0].message


def test_check_baseline_drop_within_tolerance_passes() -> None:
    _, found = check_baseline(Figure(80, 100), Fraction("80.1"), 0.1, "p")
    assert found == []


def test_check_baseline_no_baseline_measures_nothing() -> None:
    assert check_baseline(Figure(1, 2), None, 0.1, "p") == (None, [])


def test_check_critical_glob_below_its_minimum_lists_worst_files() -> None:
    files = [
        _file("src/core/a.py", 10, {1, 2, 3}),
        _file("src/core/b.py", 10, set()),
        _file("src/other.py", 10, set(range(1, 11))),
    ]
    measures, found = check_critical(files, {"src/core/*": 90}, _prefix, "p")
    assert [m.figure for m in measures] == [Figure(17, 20)]
    assert [v.code for v in found] == ["CON403"]
    assert "'src/core/*' 85.00% (17/20) below its minimum 90" in found[0].message
    assert "src/core/a.py 70.00% (7/10, missing 1-3)" in found[0].message
    assert "src/other.py" not in found[0].message


def test_check_critical_glob_matching_nothing_fails_as_misconfigured() -> None:
    _, found = check_critical([_file("a.py", 1, set())], {"nope/*": 90}, _prefix, "p")
    assert [v.code for v in found] == ["CON403"]
    assert "matches no measured file" in found[0].message


def test_check_diff_uncovered_changed_lines_fail_at_first_uncovered_line() -> None:
    files = [_file("a.py", 10, {4, 5, 9})]
    measure, found = check_diff(files, {"a.py": frozenset({3, 4, 5, 11})}, 80)
    assert measure.figure == Figure(1, 3)
    assert [(v.path, v.line, v.code) for v in found] == [("a.py", 4, "CON404")]
    assert "33.33% (1/3 changed executable lines)" in found[0].message
    assert "not covered here: 4-5" in found[0].message


def test_check_diff_no_measurable_changed_line_passes_and_says_so() -> None:
    measure, found = check_diff([_file("a.py", 3, set())], {"b.md": frozenset({1})}, 80)
    assert found == []
    assert measure.passed
    assert "no measurable changed line" in measure.note


def test_check_test_run_failed_run_reports_summary() -> None:
    found = check_test_run(1, "=== 1 failed, 2 passed in 0.1s ===", "p")
    assert [v.code for v in found] == ["CON405"]
    assert "1 failed, 2 passed" in found[0].message


def test_check_test_run_no_tests_collected_fails() -> None:
    found = check_test_run(5, "no tests ran in 0.01s", "p")
    assert "no tests were collected" in found[0].message


def test_check_test_run_passing_run_is_clean() -> None:
    assert check_test_run(0, "2 passed", "p") == []


def test_evaluate_every_gate_reports_its_measure_and_violation() -> None:
    from constitution_hooks.core.config import Settings
    from constitution_hooks.rules.coverage.gate import evaluate

    values = {o.key: o.default for o in SECTION.all_options()}
    values["critical"] = {"src/*": 95}
    files = [_file("src/a.py", 10, {1, 2, 3})]
    measures, found = evaluate(
        files,
        Settings(values).record(GateSettings),
        {"src/a.py": frozenset({1})},
        Fraction(90),
        _prefix,
        "p",
    )
    assert [m.name for m in measures] == [
        "total",
        "baseline",
        "critical 'src/*'",
        "diff",
    ]
    assert sorted(v.code for v in found) == ["CON401", "CON402", "CON403", "CON404"]


def test_check_critical_glob_at_its_minimum_passes() -> None:
    files = [_file("src/core/a.py", 10, {1})]
    measures, found = check_critical(files, {"src/core/*": 90}, _prefix, "p")
    assert found == []
    assert measures[0].passed


def test_measure_record_lists_worst_files_for_json() -> None:
    from constitution_hooks.rules.coverage.gate import Measure

    worst = (_file("a.py", 4, {2, 3}),)
    record = Measure("total", Figure(2, 4), Fraction(80), False, "", worst).record()
    assert record["percent"] == 50.0
    assert record["files"][0]["missing"] == "2-3"


def test_check_diff_untracked_file_counts_every_statement() -> None:
    measure, _ = check_diff([_file("new.py", 4, {4})], {"new.py": None}, 80)
    assert measure.figure == Figure(3, 4)


def test_check_timeout_reports_limit_and_elapsed_time() -> None:
    (found,) = check_timeout(901.26, 900, "pyproject.toml")
    assert (found.code, found.path) == ("CON405", "pyproject.toml")
    assert "did not finish within the timeout of 900 s" in found.message
    assert "stopped after 901.3 s" in found.message


def test_gate_settings_fields_are_the_tables_keys() -> None:
    fields = {name.replace("_", "-") for name in GateSettings._fields}
    assert fields == set(SECTION.keys()) - {"enabled"}


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ({}, (80, {}, 80, ".coverage-baseline.json", 0.1, (), 900)),
        (
            {"fail-under": 79.6, "critical": {"src/core/**": 90}, "timeout": 60},
            (79.6, {"src/core/**": 90}, 80, ".coverage-baseline.json", 0.1, (), 60),
        ),
    ],
)
def test_gate_settings_record_of_the_table_has_every_value(
    table: dict[str, object], expected: tuple[object, ...]
) -> None:
    from constitution_hooks.core.config import Settings

    values = {o.key: o.default for o in SECTION.all_options()} | table
    assert tuple(Settings(values).record(GateSettings)) == expected
