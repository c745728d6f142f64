"""Inside test files: CON204 (asserts nothing) and CON205 (name format)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from constitution_hooks.core.config import Settings
from constitution_hooks.rules.tdd.pairing import Snapshot
from constitution_hooks.rules.tdd.settings import TddSettings
from constitution_hooks.rules.tdd.tests import check_tests

TEST = "tests/test_cart.py"


@pytest.fixture
def cfg(settings: Callable[..., Settings]) -> TddSettings:
    return TddSettings.from_settings(settings("tdd-pairing"), ())


def found(source: str, cfg: TddSettings) -> list[tuple[str, int, int]]:
    snap = Snapshot({TEST: "k"}, lambda key: source.encode(), cfg)
    return [(v.code, v.line, v.column) for v in check_tests([TEST], snap)]


def test_check_tests_assertion_free_test_reports_con204(cfg: TddSettings) -> None:
    assert found("def test_total_empty_returns_zero():\n    total([])\n", cfg) == [
        ("CON204", 1, 1)
    ]


def test_check_tests_asserting_test_is_clean(cfg: TddSettings) -> None:
    assert found("def test_total_empty_returns_zero():\n    assert 1\n", cfg) == []


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("test_total", False),
        ("test_total_empty", False),
        ("test_total_empty_returns", True),
        ("test_total_empty_cart_returns_zero", True),
        ("test_total__zero", False),
    ],
)
def test_check_tests_name_word_count_boundary(
    name: str, ok: bool, cfg: TddSettings
) -> None:
    codes = [code for code, _, _ in found(f"def {name}():\n    assert 1\n", cfg)]
    assert codes == ([] if ok else ["CON205"])


def test_check_tests_method_in_test_class_reported_at_its_line(
    cfg: TddSettings,
) -> None:
    source = "class TestCart:\n    def test_total(self):\n        assert 1\n"
    assert found(source, cfg) == [("CON205", 2, 5)]


def test_check_tests_custom_pattern_applies(cfg: TddSettings) -> None:
    loose = replace(cfg, name_pattern=r"test_\w+")
    assert found("def test_total():\n    assert 1\n", loose) == []


def test_check_tests_con205_message_names_pattern(cfg: TddSettings) -> None:
    snap = Snapshot({TEST: "k"}, lambda key: b"def test_x():\n    assert 1\n", cfg)
    [violation] = check_tests([TEST], snap)
    assert "test_<function>_<scenario>_<expected_result>" in violation.message
    assert cfg.name_pattern in violation.message


def test_check_tests_exempt_file_skipped(cfg: TddSettings) -> None:
    exempt = replace(cfg, exempt=(("tests/*", "legacy suite"),))
    assert found("def test_x():\n    pass\n", exempt) == []


def test_check_tests_unparsable_file_left_to_con001(cfg: TddSettings) -> None:
    assert found("def test_x(:\n", cfg) == []
