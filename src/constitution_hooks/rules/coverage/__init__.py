"""The coverage gate's rules and config table as registry data (CON401-CON405)."""

from __future__ import annotations

from collections.abc import Mapping

from constitution_hooks.core.options import (
    Option,
    Section,
    number,
    string,
    string_list,
)
from constitution_hooks.core.registry import Rule

HOOK = "coverage-gate"
SECTION_NAME = "coverage-gate"
GATE_WORDS = "Test coverage check - blocks commit if coverage drops below 80%."
CRITICAL_WORDS = (
    "Maintain minimum 80% coverage on critical paths with focus on behavior,"
    " not lines."
)

RULES = (
    Rule(
        code="CON401",
        id="coverage-below-minimum",
        hook=HOOK,
        example_language="text",
        section=SECTION_NAME,
        summary="total coverage below the minimum, compared exactly (79.6 fails 80)",
        constitution=GATE_WORDS,
        why=(
            "coverage.py rounds the total before comparing, so 79.6% passes an 80%"
            " gate. This gate compares the exact ratio of covered statements and"
            " branches and prints enough decimals that a failing figure never reads"
            " as passing."
        ),
        example=(
            "# 199 of 250 statements run: 79.60%\n"
            "pyproject.toml:1:1: CON401 total coverage 79.60% (199/250 statements"
            " and branches) is below fail-under 80%\n"
        ),
        fix="# test the missing lines until at least 200 of 250 run: 80.00% passes\n",
        default="80%",
        hint=(
            "add tests for the missing lines listed; or set fail-under in"
            " [tool.constitution.coverage-gate] with a written reason"
        ),
    ),
    Rule(
        code="CON402",
        id="coverage-dropped",
        hook=HOOK,
        example_language="text",
        section=SECTION_NAME,
        summary=(
            "total coverage below the recorded baseline by more than the tolerance"
        ),
        constitution=GATE_WORDS,
        why=(
            "A project above the minimum can still lose coverage one commit at a"
            " time. Once a baseline file exists, coverage may fall by at most the"
            " tolerance; `constitution coverage-gate --update-baseline` raises the"
            " baseline and never lowers it."
        ),
        example=(
            "# .coverage-baseline.json holds 91.20%, this commit measures 90.50%\n"
            "pyproject.toml:1:1: CON402 total coverage 90.50% fell below the"
            " baseline 91.20%, tolerance 0.1 points\n"
        ),
        fix="# test the new code; then --update-baseline records the new high\n",
        default="off until a baseline file exists; tolerance 0.1 points",
        hint=(
            "win the coverage back with tests; a justified drop needs the baseline"
            " file edited by hand in a reviewed commit"
        ),
    ),
    Rule(
        code="CON403",
        id="critical-path-coverage-below",
        hook=HOOK,
        example_language="text",
        section=SECTION_NAME,
        summary="a configured critical path below its own minimum",
        constitution=CRITICAL_WORDS,
        why=(
            "A high total can hide an untested core. Each `critical` glob is"
            " measured on its own, with the same figures as `coverage report"
            " --include=GLOB`, and its worst files are listed."
        ),
        example=(
            '# critical = { "src/pkg/core/**" = 90 }\n'
            "pyproject.toml:1:1: CON403 critical path 'src/pkg/core/**' 85.00%"
            " (17/20) below its minimum 90%\n"
        ),
        fix="# test the listed files of src/pkg/core until the glob reaches 90%\n",
        default="none configured",
        hint="test the worst files listed; or lower that glob's minimum with a reason",
    ),
    Rule(
        code="CON404",
        id="diff-coverage-below",
        hook=HOOK,
        example_language="text",
        section=SECTION_NAME,
        summary="coverage of the changed, executable lines below the minimum",
        constitution=GATE_WORDS,
        why=(
            "New code is where tests are cheapest to write. Of the executable lines"
            " added or changed (staged in the hook, since `--diff-base REV` in CI),"
            " at least `diff-fail-under` percent must run; the figure equals"
            " diff-cover's on the same data."
        ),
        example=(
            "src/pkg/api.py:14:1: CON404 diff coverage 33.33% (1/3 changed"
            " executable lines) is below diff-fail-under 80%; changed lines not"
            " covered here: 14-15\n"
        ),
        fix="# add a test that runs src/pkg/api.py lines 14-15\n",
        default="80%",
        hint="test the changed lines listed; or set diff-fail-under with a reason",
    ),
    Rule(
        code="CON405",
        id="tests-failed",
        hook=HOOK,
        example_language="text",
        section=SECTION_NAME,
        summary="the test run itself failed, so no coverage figure is trusted",
        constitution=GATE_WORDS,
        why=(
            "A run whose tests fail, or that collects no test, measures nothing"
            " worth trusting; the gate fails and shows the test runner's summary."
        ),
        example=(
            "pyproject.toml:1:1: CON405 the tests failed (exit code 1): 1 failed,"
            " 4 passed in 0.21s\n"
        ),
        fix="# fix the failing test, then commit\n",
        default="always on",
        hint="run the tests, fix the failures, then commit again",
    ),
)


def _is_critical_table(value: object) -> bool:
    if not isinstance(value, Mapping):
        return False
    return all(
        isinstance(k, str)
        and not isinstance(v, bool)
        and isinstance(v, (int, float))
        and 0 <= v <= 100
        for k, v in value.items()
    )


SECTION = Section(
    "coverage-gate",
    (
        number("fail-under", 80, help="minimum total coverage, compared exactly"),
        Option(
            "critical",
            {},
            "a table of glob = number from 0 to 100",
            _is_critical_table,
            'per-path minimums, e.g. { "src/pkg/core/**" = 90 }',
        ),
        number("diff-fail-under", 80, help="minimum coverage of changed lines"),
        string(
            "baseline",
            ".coverage-baseline.json",
            help="ratchet file; the ratchet is on once it exists (--update-baseline)",
        ),
        number("tolerance", 0.1, help="points total coverage may fall below baseline"),
        Option(
            "command",
            [],
            "a list of strings",
            string_list("command").check,
            "test command run under coverage, honouring COVERAGE_FILE (default:"
            " .venv's python -m coverage run -m pytest)",
        ),
        number(
            "timeout",
            900,
            1,
            86_400,
            help="seconds the test command may run before it is stopped (CON405)",
        ),
    ),
)
