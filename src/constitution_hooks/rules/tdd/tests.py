"""CON204 and CON205: every test asserts something and is named for what it tests."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cached_property

from constitution_hooks.core.violation import Finding, Violation
from constitution_hooks.rules.tdd import layout
from constitution_hooks.rules.tdd.facts import CollectedTest
from constitution_hooks.rules.tdd.pairing import Snapshot
from constitution_hooks.rules.tdd.settings import BAD_TEST_NAME, NO_ASSERTION

_FORMAT = "test_<function>_<scenario>_<expected_result>"
_HELPER_PREFIXES = ("assert", "check", "verify", "expect")


def check_tests(
    tests: Iterable[str],
    snap: Snapshot,
    only: Mapping[str, frozenset[str]] | None = None,
) -> list[Violation]:
    """Report assertion-free tests (CON204) and badly named tests (CON205).

    Args:
        tests: The test files to check.
        snap: The tree state they are read from.
        only: Per test file, the tests (``Class.method`` or name) whose names are
            judged (CON205): the ones a commit adds or renames. None judges all.

    Returns:
        The violations, unsorted.

    Example:
        >>> check_tests([], None)  # type: ignore[arg-type]
        []
    """
    found: list[Violation] = []
    tests = list(tests)
    if not tests:
        return found
    helpers = _Helpers(snap)
    pattern = re.compile(snap.cfg.name_pattern)
    for path in tests:
        if snap.cfg.exemption(path) is not None or layout.not_product(path, snap.roots):
            continue
        named = None if only is None else only.get(path, frozenset())
        for test in snap.facts(path).tests:
            if not test.asserts and not helpers.asserts_for(test, path):
                found.append(_no_assertion(path, test))
            judged = named is None or test.qualname in named
            if judged and not pattern.fullmatch(test.name):
                found.append(_bad_name(path, test, snap.cfg.name_pattern))
    return found


class _Helpers:
    """Functions of the tests' own files that assert for the tests calling them."""

    def __init__(self, snap: Snapshot) -> None:
        self.snap = snap

    @cached_property
    def shared(self) -> frozenset[str]:
        """Helpers of conftest files and other non-test files of the test roots."""
        names: set[str] = set()
        for path in self.snap.evidence_files:
            if not layout.naming_kind(path) and self.snap.facts(path).parsed:
                names |= self.snap.facts(path).helpers
        return frozenset(names)

    def asserts_for(self, test: CollectedTest, path: str) -> bool:
        """Whether ``test`` calls a helper that asserts (or is named to)."""
        facts = self.snap.facts(path)
        if test.calls & (facts.helpers | self.shared):
            return True
        # Reason: a project function imported under a checking name asserts by
        # contract (``from pkg.testing import check_frame``).
        return any(
            name.startswith(_HELPER_PREFIXES)
            and name in facts.bindings
            and facts.bindings[name][0] in self.snap.index
            for name in test.calls
        )


def _no_assertion(path: str, test: CollectedTest) -> Violation:
    message = (
        f"test '{test.name}' asserts nothing: add an assert, pytest.raises/warns/fail,"
        " an assert* call, or call a helper that asserts"
    )
    return NO_ASSERTION.at(path, Finding(test.line, test.column, message))


def _bad_name(path: str, test: CollectedTest, pattern: str) -> Violation:
    message = f"test name '{test.name}' does not follow {_FORMAT} (pattern {pattern})"
    return BAD_TEST_NAME.at(path, Finding(test.line, test.column, message))
