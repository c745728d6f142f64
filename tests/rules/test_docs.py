"""The docs family registry: CON501-CON503 entries, the table, and ``exempt``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.core.config import Settings
from constitution_hooks.core.registry import Rule
from constitution_hooks.core.source import SourceFile
from constitution_hooks.rules.docs import RULES, SECTION, exempted
from constitution_hooks.rules.docs.readme import missing_sections

Make = Callable[..., Settings]
Write = Callable[..., Path]
BARE = 'def f(a):\n    """Do it."""\n' + "".join(
    f"    if a == {n}:\n        a += 1\n" for n in range(10)
)
SCRIPTS = [{"path": "scripts/**", "reason": "make targets, not an importable API"}]


@pytest.mark.parametrize(
    ("display", "expected"),
    [
        ("scripts/bench.py", True),
        ("./scripts/tools/gen.py", True),
        ("src/scripts/x.py", False),
        ("src/app.py", False),
    ],
)
def test_exempted_path_judged(settings: Make, display: str, expected: bool) -> None:
    assert exempted(display, settings("docs", exempt=SCRIPTS)) is expected


@pytest.mark.parametrize("code", ["CON501", "CON502", "CON503"])
def test_rules_exempt_glob_silences_each_docs_rule(
    write: Write, settings: Make, code: str
) -> None:
    rule = next(rule for rule in RULES if rule.code == code)
    assert rule.check is not None
    path = write("scripts/__init__.py", BARE)
    source = SourceFile(path, "scripts/__init__.py")
    assert list(rule.check(source, settings("docs"))) != []
    assert list(rule.check(source, settings("docs", exempt=SCRIPTS))) == []


def test_section_declares_documented_keys() -> None:
    assert SECTION.keys() == (
        "enabled",
        "methods",
        "max-complexity",
        "readme-depth",
        "exempt",
    )


def _rule(code: str) -> Rule:
    return next(rule for rule in RULES if rule.code == code)


@pytest.mark.parametrize(
    ("code", "options"), [("CON501", {}), ("CON502", {"max_complexity": 2})]
)
def test_rules_documented_example_fires_and_fix_passes(
    write: Write, settings: Make, code: str, options: dict[str, object]
) -> None:
    rule = _rule(code)
    assert rule.check is not None
    table = settings("docs", **options)
    example = SourceFile(write("app/example.py", rule.example), "app/example.py")
    fixed = SourceFile(write("app/fixed.py", rule.fix), "app/fixed.py")
    assert [len(list(rule.check(example, table))), list(rule.check(fixed, table))] == [
        1,
        [],
    ]


def test_rules_package_readme_documented_fix_has_both_sections() -> None:
    assert missing_sections(_rule("CON503").fix) == []
