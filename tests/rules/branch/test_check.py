"""CON311: branch names against the constitution's six patterns."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from constitution_hooks.core.config import Settings
from constitution_hooks.rules.branch.check import check_branch, suggest_branch


@pytest.mark.parametrize(
    "name",
    ["main", "develop", "feature/user-search", "fix/123", "docs/config", "refactor/db"],
)
def test_check_branch_allowed_name_passes(
    name: str, settings: Callable[..., Settings]
) -> None:
    assert list(check_branch(name, settings("branch-name"))) == []


@pytest.mark.parametrize(
    "name", ["master", "feat/login", "feature", "wip", "Feature/x", "fixes/1"]
)
def test_check_branch_other_name_is_con311(
    name: str, settings: Callable[..., Settings]
) -> None:
    [finding] = check_branch(name, settings("branch-name"))
    assert f'"{name}"' in finding.message
    assert "main, develop, feature/*, fix/*, docs/*, refactor/*" in finding.message


def test_check_branch_message_suggests_rename(
    settings: Callable[..., Settings],
) -> None:
    [finding] = check_branch("feat/login", settings("branch-name"))
    assert "git branch -m feat/login feature/login" in finding.message


def test_check_branch_configured_patterns_replace_defaults(
    settings: Callable[..., Settings],
) -> None:
    custom = settings("branch-name", patterns=["release/*"])
    assert list(check_branch("release/1.0", custom)) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("feat/login", "feature/login"),
        ("bugfix/12", "fix/12"),
        ("hotfix-12", "fix/12"),
        ("documentation/api", "docs/api"),
        ("my-thing", "feature/my-thing"),
        ("Feature/X", "feature/X"),
    ],
)
def test_suggest_branch_known_prefix_is_mapped(name: str, expected: str) -> None:
    assert suggest_branch(name, ("main", "feature/*", "fix/*", "docs/*")) == expected


def test_suggest_branch_no_matching_candidate_returns_empty() -> None:
    assert suggest_branch("wip", ("release/*",)) == ""
