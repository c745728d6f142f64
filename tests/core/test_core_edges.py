"""Edge behaviours of the shared core that the speed work relies on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from constitution_hooks.core import git
from constitution_hooks.core.config import Settings, load_config
from constitution_hooks.core.errors import UsageError
from constitution_hooks.core.files import discover
from constitution_hooks.core.log import QuietLogger, configure
from constitution_hooks.core.options import (
    Section,
    boolean,
    number,
    positive_int,
    string,
    string_list,
    toml_repr,
)
from constitution_hooks.core.registry import Rule, find_rule
from constitution_hooks.core.reporters import format_json
from constitution_hooks.core.violation import Violation
from constitution_hooks.rules import SECTIONS
from tests.conftest import git as run


def _pyproject(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pyproject.toml"
    path.write_text(body)
    return path


def test_load_config_unknown_key_suggests_nearest(tmp_path: Path) -> None:
    path = _pyproject(tmp_path, "[tool.constitution.file-length]\nmax-line = 3\n")
    with pytest.raises(UsageError, match="did you mean 'max-lines'"):
        load_config(SECTIONS, path)


def test_load_config_unknown_key_lists_known_keys(tmp_path: Path) -> None:
    path = _pyproject(tmp_path, "[tool.constitution]\nzzz = 1\n")
    with pytest.raises(UsageError, match="known keys: exclude"):
        load_config(SECTIONS, path)


def test_load_config_wrong_type_names_expected_and_found(tmp_path: Path) -> None:
    path = _pyproject(tmp_path, "[tool.constitution.file-length]\nmax-lines = 0\n")
    with pytest.raises(UsageError, match="expected an integer >= 1, found 0"):
        load_config(SECTIONS, path)


def test_load_config_section_not_table_raises_usage_error(tmp_path: Path) -> None:
    path = _pyproject(tmp_path, '[tool.constitution]\nfile-length = "no"\n')
    with pytest.raises(UsageError, match="expected a table"):
        load_config(SECTIONS, path)


def test_load_config_root_not_table_raises_usage_error(tmp_path: Path) -> None:
    path = _pyproject(tmp_path, "[tool]\nconstitution = 3\n")
    with pytest.raises(UsageError, match="expected a table, found 3"):
        load_config(SECTIONS, path)


def test_load_config_invalid_toml_raises_usage_error(tmp_path: Path) -> None:
    path = _pyproject(tmp_path, "[tool.constitution\n")
    with pytest.raises(UsageError, match="invalid TOML"):
        load_config(SECTIONS, path)


def test_load_config_missing_file_raises_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot read config"):
        load_config(SECTIONS, tmp_path / "missing.toml")


def test_load_config_valid_values_resolved(tmp_path: Path) -> None:
    path = _pyproject(tmp_path, "[tool.constitution.file-length]\nmax-lines = 7\n")
    config = load_config(SECTIONS, path)
    assert config.section("file-length").integer("max-lines") == 7


def test_settings_accessors_convert_values() -> None:
    settings = Settings({"n": 2, "s": "x", "l": ["a"], "r": {"k": 1}})
    assert (settings.number("n"), settings.text("s"), settings.strings("l")) == (
        2.0,
        "x",
        ("a",),
    )
    assert settings.raw("r") == {"k": 1}


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        (positive_int("k", 1), True, False),
        (positive_int("k", 1), 3, True),
        (number("k", 1.0), 101, False),
        (number("k", 1.0), "1", False),
        (boolean("k", True), False, True),
        (string("k", "a"), "free", True),
        (string("k", "a", ("a", "b")), "b", True),
        (string_list("k"), ["a"], True),
        (string_list("k"), "a", False),
    ],
)
def test_option_check_accepts_only_expected_values(
    option: object, value: object, expected: bool
) -> None:
    assert option.check(value) is expected  # type: ignore[attr-defined]  # Reason: the table mixes option kinds


def test_section_keys_start_with_enabled() -> None:
    assert Section("s", (positive_int("k", 1),)).keys() == ("enabled", "k")


def test_toml_repr_table_and_number_rendered_like_toml() -> None:
    assert toml_repr({"a": 1, "b": 'q"'}) == '{ a = 1, b = "q\\"" }'


def test_find_rule_unknown_name_lists_known_codes() -> None:
    rule = Rule("CON9", "x", "h", "s", "", "", "", "", "", "")
    with pytest.raises(UsageError, match="known codes: CON9"):
        find_rule([rule], "nope")


def test_format_json_records_every_field() -> None:
    found = [Violation("a.py", 1, 2, "CON101", "file-too-long", "long é")]
    assert json.loads(format_json(found, [], [])) == [
        {
            "path": "a.py",
            "line": 1,
            "column": 2,
            "code": "CON101",
            "rule": "file-too-long",
            "message": "long é",
        }
    ]


def test_run_git_failure_raises_git_error_with_reason(git_repo: Path) -> None:
    with pytest.raises(git.GitError, match="git rev-parse"):
        git.run_git(["rev-parse", "no-such-revision"])


def test_run_git_missing_git_raises_git_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PATH", "")
    with pytest.raises(git.GitError, match="not installed"):
        git.run_git(["--version"])


def test_inside_work_tree_outside_repository_false(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    assert git.inside_work_tree(tmp_path) is False


def test_discover_all_files_in_git_lists_tracked_python(git_repo: Path) -> None:
    for name in ("a.py", "b.txt", "pkg/c.py", "gone.py"):
        (git_repo / name).parent.mkdir(parents=True, exist_ok=True)
        (git_repo / name).write_text("x = 1\n")
    (git_repo / "untracked.py").write_text("")
    run(git_repo, "add", "a.py", "b.txt", "pkg/c.py", "gone.py")
    (git_repo / "gone.py").unlink()
    assert discover([], True, [], git_repo) == ["a.py", "pkg/c.py"]


def test_discover_folder_expanded_and_excludes_applied(tmp_path: Path) -> None:
    for name in ("src/a.py", "src/gen/b.py", "src/.venv/c.py", "src/d.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    found = discover([str(tmp_path / "src")], False, ["gen"], tmp_path)
    assert found == [str(tmp_path / "src" / "a.py")]


def test_configure_verbose_returns_structlog_logger() -> None:
    assert not isinstance(configure(True, "text"), QuietLogger)
    configure(False, "text")


def test_configure_json_logs_correlation_id(
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure(False, "json").info("event", count=1)
    configure(False, "text")
    record = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert record["event"] == "event" and record["correlation_id"]


def test_quiet_logger_warning_prints_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    QuietLogger().warning("cache skipped", reason="read-only")
    assert capsys.readouterr().err == (
        "constitution: warning: cache skipped reason=read-only\n"
    )
