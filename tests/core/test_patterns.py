"""Branch patterns match exactly as fnmatch.fnmatchcase does, fast or not."""

from __future__ import annotations

import fnmatch

import pytest

from constitution_hooks.core.patterns import matches, matches_any

# Reason: the tables read as rows of names and of patterns.
NAMES = ("main", "develop", "feature/x", "feature/", "feature", "Feature/x",
         "feature/a/b", "fix/12", "docs/readme", "release-1.2", "wip", "")  # fmt: skip
# Reason: the tables read as rows of names and of patterns.
PATTERNS = ("main", "feature/*", "fix/*", "docs/*", "*", "release-[0-9]*",
            "f?x/*", "*/x", "")  # fmt: skip


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("name", NAMES)
def test_matches_any_name_and_pattern_agrees_with_fnmatchcase(
    name: str, pattern: str
) -> None:
    assert matches(name, pattern) == fnmatch.fnmatchcase(name, pattern)


def test_matches_any_no_pattern_matches_nothing() -> None:
    assert not matches_any("main", [])
