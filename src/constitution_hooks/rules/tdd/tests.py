"""CON204 and CON205: every test asserts something and is named for what it tests."""

from __future__ import annotations

import re
from collections.abc import Iterable

from constitution_hooks.core.violation import Violation
from constitution_hooks.rules.tdd.pairing import Snapshot
from constitution_hooks.rules.tdd.settings import violation

_FORMAT = "test_<function>_<scenario>_<expected_result>"


def check_tests(tests: Iterable[str], snap: Snapshot) -> list[Violation]:
    """Report assertion-free tests (CON204) and badly named tests (CON205).

    Args:
        tests: The test files to check.
        snap: The tree state they are read from.

    Returns:
        The violations, unsorted.

    Example:
        >>> check_tests([], None)  # type: ignore[arg-type]
        []
    """
    found: list[Violation] = []
    for path in tests:
        if snap.cfg.exemption(path) is not None:
            continue
        pattern = re.compile(snap.cfg.name_pattern)
        for test in snap.facts(path).tests:
            if not test.asserts:
                found.append(
                    violation(
                        "CON204",
                        path,
                        test.line,
                        test.column,
                        f"test '{test.name}' asserts nothing: add an assert,"
                        " pytest.raises/warns/fail or an assert* call",
                    )
                )
            if not pattern.fullmatch(test.name):
                found.append(
                    violation(
                        "CON205",
                        path,
                        test.line,
                        test.column,
                        f"test name '{test.name}' does not follow {_FORMAT}"
                        f" (pattern {snap.cfg.name_pattern})",
                    )
                )
    return found
