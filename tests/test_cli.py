"""The ``constitution`` command line in-process: every command, one exit code."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from constitution_hooks.cli import main
from tests.conftest import git

LONG_FUNCTION = "def long():\n" + "    x = 1\n" * 49 + "    return x\n"


@pytest.fixture
def here(tmp_path: Path) -> Iterator[Path]:
    """tmp_path (not a git repository) as the current folder."""
    previous = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(previous)


def test_main_check_all_files_in_git_reports_long_function(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (git_repo / "app.py").write_text(LONG_FUNCTION)
    (git_repo / "untracked.py").write_text(LONG_FUNCTION)
    git(git_repo, "add", "app.py")
    assert main(["check", "--all-files"]) == 1
    out = capsys.readouterr().out
    assert "app.py:1:1: CON102 function 'long' is 51 lines long (limit 49)" in out
    assert "untracked.py" not in out


def test_main_check_folder_reports_syntax_and_decoding_errors(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "src").mkdir()
    (here / "src" / "broken.py").write_text("def f(:\n")
    (here / "src" / "latin.py").write_bytes(b"x = '\xff'\n")
    (here / "src" / ".venv").mkdir()
    (here / "src" / ".venv" / "skipped.py").write_text("def f(:\n")
    assert main(["check", "--format", "json", "src"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert sorted((v["path"], v["code"]) for v in found) == [
        ("src/broken.py", "CON001"),
        ("src/latin.py", "CON002"),
    ]


def test_main_check_all_files_outside_git_walks_folder(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "big.py").write_text("x = 1\n" * 501)
    (here / "pyproject.toml").write_text('[tool.constitution]\nexclude = ["gen"]\n')
    (here / "gen").mkdir()
    (here / "gen" / "big.py").write_text("x = 1\n" * 501)
    assert main(["file-length", "--all-files"]) == 1
    out = capsys.readouterr().out
    assert out == "big.py:501:1: CON101 file is 501 lines long (limit 500);" + (
        " split it into modules\n"
    )


def test_main_function_size_ignored_rule_is_clean(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "app.py").write_text(LONG_FUNCTION)
    assert main(["function-size", "--ignore", "CON102,CON103", "app.py"]) == 0
    assert capsys.readouterr().out == ""


def test_main_check_unknown_rule_is_usage_error(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--select", "CON999", "app.py"]) == 2
    assert "unknown rule 'CON999'" in capsys.readouterr().err


def test_main_check_bad_config_is_usage_error(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "pyproject.toml").write_text(
        "[tool.constitution.file-length]\nmax-line = 3\n"
    )
    assert main(["check", "--all-files"]) == 2
    assert "did you mean 'max-lines'?" in capsys.readouterr().err


def test_main_no_command_prints_help_and_exits_two(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([]) == 2
    assert "usage: constitution" in capsys.readouterr().err


def test_main_rules_lists_every_rule_in_text_and_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules"]) == 0
    text = capsys.readouterr().out
    assert main(["rules", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert all(r["code"] in text for r in records)
    assert "CON401" in text


def test_main_json_logging_carries_correlation_id(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "app.py").write_text("x = 1\n")
    assert main(["check", "--log-format", "json", "-v", "app.py"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    assert {e["event"] for e in events} >= {"command started", "command finished"}
    assert len({e["correlation_id"] for e in events}) == 1
