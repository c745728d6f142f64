"""[tool.constitution]: discovery, defaults, and every kind of config error."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

from constitution_hooks.core.config import Settings, find_pyproject, load_config
from constitution_hooks.core.errors import UsageError
from constitution_hooks.rules import SECTIONS

Write = Callable[..., Path]


def load(tmp_path: Path, text: str) -> object:
    path = tmp_path / "pyproject.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(SECTIONS, path)


def error_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(UsageError) as caught:
        load(tmp_path, text)
    return str(caught.value)


def test_load_config_no_pyproject_uses_constitution_defaults(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    config = load_config(SECTIONS, cwd=tmp_path)
    assert config.source is None
    assert config.section("file-length").integer("max-lines") == 500
    assert config.section("function-size").integer("max-function-lines") == 49
    assert config.section("function-size").integer("max-class-lines") == 99


def test_load_config_missing_section_uses_defaults(tmp_path: Path) -> None:
    config = load_config(SECTIONS, cwd=_project(tmp_path, "[project]\nname = 'x'\n"))
    assert config.enabled("file-length")
    assert config.exclude == ()


def test_load_config_values_override_defaults(tmp_path: Path) -> None:
    text = (
        "[tool.constitution]\nexclude = ['gen/**']\n"
        "[tool.constitution.file-length]\nmax-lines = 300\nenabled = false\n"
    )
    config = load_config(SECTIONS, cwd=_project(tmp_path, text))
    assert config.exclude == ("gen/**",)
    assert config.section("file-length").integer("max-lines") == 300
    assert not config.enabled("file-length")


def test_find_pyproject_nearest_from_subfolder_found(tmp_path: Path) -> None:
    root = _project(tmp_path, "")
    sub = root / "src" / "pkg"
    sub.mkdir(parents=True)
    assert find_pyproject(sub) == root / "pyproject.toml"


def test_find_pyproject_stops_at_repository_root(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert find_pyproject(repo) is None


def test_load_config_negative_limit_names_key_expected_and_found(
    tmp_path: Path,
) -> None:
    message = error_of(tmp_path, "[tool.constitution.file-length]\nmax-lines = -3\n")
    assert message.endswith(
        "pyproject.toml: tool.constitution.file-length.max-lines:"
        " expected an integer >= 1, found -3"
    )


@pytest.mark.parametrize(
    ("value", "found"),
    [("0", "0"), ('"50"', '"50"'), ("true", "true"), ("4.5", "4.5"), ("[1]", "[1]")],
)
def test_load_config_ill_typed_limit_reports_found_value(
    tmp_path: Path, value: str, found: str
) -> None:
    text = f"[tool.constitution.function-size]\nmax-function-lines = {value}\n"
    assert error_of(tmp_path, text).endswith(f"expected an integer >= 1, found {found}")


def test_load_config_unknown_key_suggests_nearest(tmp_path: Path) -> None:
    message = error_of(tmp_path, "[tool.constitution.file-length]\nmax-line = 3\n")
    assert "unknown key tool.constitution.file-length.max-line" in message
    assert "(did you mean 'max-lines'?)" in message


def test_load_config_unknown_table_suggests_nearest(tmp_path: Path) -> None:
    message = error_of(tmp_path, "[tool.constitution.function-sizes]\n")
    assert "unknown key tool.constitution.function-sizes" in message
    assert "did you mean 'function-size'" in message


def test_load_config_unrelated_unknown_key_lists_known(tmp_path: Path) -> None:
    message = error_of(tmp_path, "[tool.constitution]\nzzz = 1\n")
    assert "(known keys: exclude, file-length" in message


def test_load_config_enabled_not_bool_rejected(tmp_path: Path) -> None:
    message = error_of(tmp_path, '[tool.constitution.file-length]\nenabled = "no"\n')
    assert message.endswith('file-length.enabled: expected true or false, found "no"')


def test_load_config_exclude_not_list_rejected(tmp_path: Path) -> None:
    message = error_of(tmp_path, '[tool.constitution]\nexclude = "build"\n')
    assert message.endswith('exclude: expected a list of strings, found "build"')


def test_load_config_section_not_table_rejected(tmp_path: Path) -> None:
    message = error_of(tmp_path, "[tool.constitution]\nfile-length = 3\n")
    assert message.endswith("tool.constitution.file-length: expected a table, found 3")


def test_load_config_constitution_not_table_rejected(tmp_path: Path) -> None:
    message = error_of(tmp_path, "[tool]\nconstitution = 1\n")
    assert message.endswith("tool.constitution: expected a table, found 1")


def test_load_config_invalid_toml_reports_line_and_column(tmp_path: Path) -> None:
    message = error_of(tmp_path, "[tool.constitution\nx = 1\n")
    assert "invalid TOML" in message
    assert "line 1, column" in message


def test_load_config_unreadable_file_is_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot read config"):
        load_config(SECTIONS, tmp_path / "missing.toml")


def test_load_config_non_utf8_file_is_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_bytes(b"[tool]\nname = '\xff'\n")
    with pytest.raises(UsageError, match="cannot read config"):
        load_config(SECTIONS, path)


def _project(tmp_path: Path, text: str) -> Path:
    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("opening", ["[", "{a="])
def test_load_config_nested_3000_levels_raises_usage_error(
    tmp_path: Path, opening: str
) -> None:
    closing = "]" if opening == "[" else "}"
    message = error_of(tmp_path, "x = " + opening * 3000 + closing * 3000 + "\n")
    assert "pyproject.toml: invalid TOML: nested too deeply" in message


def test_load_config_regex_overflow_names_key(tmp_path: Path) -> None:
    text = '[tool.constitution.commit-message]\nai-patterns = ["a{4294967296}"]\n'
    message = error_of(tmp_path, text)
    assert "tool.constitution.commit-message.ai-patterns: expected a list" in message


def test_load_config_deep_value_of_wrong_type_raises_usage_error(
    tmp_path: Path,
) -> None:
    text = "[tool.constitution]\nexclude = " + "[" * 400 + "]" * 400 + "\n"
    message = error_of(tmp_path, text)
    assert "tool.constitution.exclude: expected a list of strings, found" in message


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_load_config_not_a_regular_file_raises_usage_error(
    tmp_path: Path, special: str
) -> None:
    path = Path(special)
    if special == "fifo":
        path = tmp_path / "pyproject.toml"
        os.mkfifo(path)
    with pytest.raises(UsageError, match="cannot read config: not a regular file"):
        load_config([], path, cwd=tmp_path)


class _Lists(NamedTuple):
    names: tuple[str, ...]
    limit: int


def test_settings_record_toml_list_becomes_tuple() -> None:
    record = Settings({"names": ["a", "b"], "limit": 3}).record(_Lists)
    assert record == _Lists(("a", "b"), 3)
    assert isinstance(record.names, tuple)
