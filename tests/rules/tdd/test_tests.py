"""Inside test files: CON204 (asserts nothing) and CON205 (name format)."""

from __future__ import annotations

from collections.abc import Callable

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
    loose = cfg._replace(name_pattern=r"test_\w+")
    assert found("def test_total():\n    assert 1\n", loose) == []


def test_check_tests_con205_message_names_pattern(cfg: TddSettings) -> None:
    snap = Snapshot({TEST: "k"}, lambda key: b"def test_x():\n    assert 1\n", cfg)
    [violation] = check_tests([TEST], snap)
    assert "test_<function>_<scenario>_<expected_result>" in violation.message
    assert cfg.name_pattern in violation.message


def test_check_tests_exempt_file_skipped(cfg: TddSettings) -> None:
    exempt = cfg._replace(exempt=(("tests/*", "legacy suite"),))
    assert found("def test_x():\n    pass\n", exempt) == []


def test_check_tests_unparsable_file_left_to_con001(cfg: TddSettings) -> None:
    assert found("def test_x(:\n", cfg) == []


def findings(
    files: dict[str, str],
    cfg: TddSettings,
    only: dict[str, frozenset[str]] | None = None,
) -> list[tuple[str, str, int]]:
    snap = Snapshot(
        {path: path for path in files}, lambda key: files[key].encode(), cfg
    )
    tests = [path for path in files if path in snap.tests]
    return [(v.code, v.path, v.line) for v in check_tests(tests, snap, only)]


@pytest.mark.parametrize(
    "helper",
    [
        "def check_total(x):\n    return x\n",
        "def compare(x):\n    assert x\n",
    ],
)
def test_check_tests_assertion_in_helper_of_the_file_counts(
    helper: str, cfg: TddSettings
) -> None:
    name = helper.split("(")[0][4:]
    source = f"{helper}def test_total_two_items_sums():\n    {name}(1)\n"
    assert findings({TEST: source}, cfg) == []


def test_check_tests_assertion_in_conftest_helper_counts(cfg: TddSettings) -> None:
    files = {
        "tests/conftest.py": "def same(a, b):\n    assert a == b\n",
        TEST: "def test_total_two_items_sums():\n    same(1, 1)\n",
    }
    assert findings(files, cfg) == []


def test_check_tests_unittest_helper_method_counts(cfg: TddSettings) -> None:
    source = (
        "class Cart(TestCase):\n"
        "    def _check(self, x):\n        self.assertTrue(x)\n"
        "    def test_total_two_items_sums(self):\n        self._check(1)\n"
    )
    assert findings({TEST: source}, cfg) == []


def test_check_tests_only_judges_names_of_added_tests(cfg: TddSettings) -> None:
    source = "def test_old():\n    assert 1\ndef test_new():\n    assert 1\n"
    found = findings({TEST: source}, cfg, {TEST: frozenset({"test_new"})})
    assert found == [("CON205", TEST, 3)]


def test_check_tests_benchmark_folder_not_judged(cfg: TddSettings) -> None:
    files = {"bench/test_speed.py": "def test_speed(benchmark):\n    benchmark(f)\n"}
    assert findings(files, cfg) == []
