"""Option values rendered back the way users write them in TOML."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core.config import load_config
from constitution_hooks.core.errors import UsageError
from constitution_hooks.core.options import Option, Section, exempt_list, toml_repr


def test_toml_repr_tuple_default_renders_as_toml_array() -> None:
    assert toml_repr(("src", "lib")) == '["src", "lib"]'


def test_toml_repr_empty_tuple_renders_as_empty_array() -> None:
    assert toml_repr(()) == "[]"


def _even(value: object) -> bool:
    return isinstance(value, int) and value % 2 == 0


EVEN = Section("demo", (Option("width", 4, "an even whole number", _even, "h"),))


def _load(tmp_path: Path, text: str) -> object:
    path = tmp_path / "pyproject.toml"
    path.write_text(f"[tool.constitution.demo]\n{text}", encoding="utf-8")
    return load_config([EVEN], path).section("demo").raw("width")


def test_option_custom_check_value_passing_is_returned(tmp_path: Path) -> None:
    assert _load(tmp_path, "width = 6\n") == 6


def test_option_absent_key_gives_its_default(tmp_path: Path) -> None:
    assert _load(tmp_path, "") == 4


def test_option_custom_check_failing_value_is_usage_error_with_expected_text(
    tmp_path: Path,
) -> None:
    with pytest.raises(UsageError, match="an even whole number"):
        _load(tmp_path, "width = 5\n")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ([{"path": "scripts/**", "reason": "not an API"}], True),
        ([], True),
        ([{"path": "scripts/**"}], False),
        ([{"path": "scripts/**", "reason": " "}], False),
        ([{"path": "a", "reason": "b", "extra": "c"}], False),
        ("scripts/**", False),
    ],
)
def test_exempt_list_value_judged(value: object, expected: bool) -> None:
    assert exempt_list("exempt").check(value) is expected
