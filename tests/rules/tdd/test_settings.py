"""The tdd-pairing config table: validation, exemptions and resolved settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.core.config import Settings, load_config
from constitution_hooks.core.errors import UsageError
from constitution_hooks.core.registry import Rule
from constitution_hooks.core.violation import Finding, Violation
from constitution_hooks.rules import SECTIONS
from constitution_hooks.rules.tdd.settings import (
    BEFORE_TEST,
    MISSING_TEST,
    NAMED_UNVERIFIED,
    NO_ASSERTION,
    UNTESTED_ROUTE,
    TddSettings,
)

Write = Callable[..., Path]


def _load(write: Write, tmp_path: Path, table: str) -> TddSettings:
    write("pyproject.toml", f"[tool.constitution.tdd-pairing]\n{table}\n")
    config = load_config(SECTIONS, cwd=tmp_path)
    return TddSettings.from_settings(config.section("tdd-pairing"), config.exclude)


def test_from_settings_defaults_accept_every_layout(
    settings: Callable[..., Settings],
) -> None:
    resolved = TddSettings.from_settings(settings("tdd-pairing"), ())
    assert resolved.layouts == ("mirrored", "flat", "suffix", "adjacent")
    assert (resolved.match, resolved.require_test_change) == ("evidence", False)
    assert resolved.untested_symbols is False


def test_load_config_exempt_without_reason_is_config_error(
    write: Write, tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match=r"tdd-pairing\.exempt: expected .*reason"):
        _load(write, tmp_path, 'exempt = [{ path = "src/gen/**" }]')


def test_load_config_exempt_blank_reason_is_config_error(
    write: Write, tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match="exempt"):
        _load(write, tmp_path, 'exempt = [{ path = "src/gen/**", reason = " " }]')


def test_load_config_exempt_unknown_key_is_config_error(
    write: Write, tmp_path: Path
) -> None:
    table = 'exempt = [{ path = "a", reason = "b", why = "c" }]'
    with pytest.raises(UsageError, match="exempt"):
        _load(write, tmp_path, table)


def test_load_config_exempt_not_a_list_is_config_error(
    write: Write, tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match="exempt"):
        _load(write, tmp_path, 'exempt = "src/gen/**"')


def test_load_config_unknown_layout_is_config_error(
    write: Write, tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match="layouts: expected"):
        _load(write, tmp_path, 'layouts = ["mirrored", "nested"]')


def test_load_config_empty_layouts_is_config_error(
    write: Write, tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match="layouts"):
        _load(write, tmp_path, "layouts = []")


def test_load_config_invalid_name_pattern_is_config_error(
    write: Write, tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match="test-name-pattern: expected"):
        _load(write, tmp_path, 'test-name-pattern = "test_(["')


def test_load_config_unknown_match_is_config_error(
    write: Write, tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match="match: expected one of 'name', 'import'"):
        _load(write, tmp_path, 'match = "guess"')


def test_exemption_matching_glob_returns_reason(write: Write, tmp_path: Path) -> None:
    table = 'exempt = [{ path = "src/pkg/migrations/**", reason = "generated" }]'
    resolved = _load(write, tmp_path, table)
    assert resolved.exemption("src/pkg/migrations/v1/a.py") == "generated"
    assert resolved.exemption("src/pkg/models.py") is None


def test_exemption_global_exclude_counts_as_exempt(
    settings: Callable[..., Settings],
) -> None:
    resolved = TddSettings.from_settings(settings("tdd-pairing"), ("legacy/**",))
    assert (
        resolved.exemption("legacy/a.py") == "excluded by [tool.constitution] exclude"
    )


@pytest.mark.parametrize(
    ("rule", "code", "rule_id"),
    [
        (MISSING_TEST, "CON201", "missing-test"),
        (NAMED_UNVERIFIED, "CON202", "test-does-not-import-module"),
        (NO_ASSERTION, "CON204", "test-without-assertion"),
        (BEFORE_TEST, "CON206", "implementation-before-test"),
        (UNTESTED_ROUTE, "CON210", "endpoint-without-test"),
    ],
)
def test_rule_at_named_tdd_rule_fills_code_and_id(
    rule: Rule, code: str, rule_id: str
) -> None:
    found = rule.at("src/a.py", Finding(3, 5, "no test"))
    assert found == Violation("src/a.py", 3, 5, code, rule_id, "no test")
