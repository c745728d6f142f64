"""constitution check --diff-base REV on a real repository."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from constitution_hooks.cli import main
from tests.conftest import git

LONG = "def old():\n" + "    x = 1\n" * 49 + "    return x\n"


@pytest.fixture
def legacy(git_repo: Path) -> Path:
    """A repository whose first commit already breaks CON102 in two files."""
    (git_repo / "a.py").write_text(LONG)
    (git_repo / "b.py").write_text(LONG)
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "chore: legacy code")
    return git_repo


def test_main_diff_base_untouched_legacy_exits_0(
    legacy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--all-files", "--diff-base", "HEAD"]) == 0
    assert capsys.readouterr().out == ""


def test_main_diff_base_reports_only_changed_definition(
    legacy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (legacy / "b.py").write_text(LONG.replace("    x = 1\n", "    x = 2\n", 1))
    (legacy / "c.py").write_text(LONG.replace("old", "new"))
    assert main(["check", "--diff-base", "HEAD"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[0:2] for line in out] == [
        ["b.py:1:1", "CON102 function 'old' is 51 lines long (limit 49)"],
        ["c.py:1:1", "CON102 function 'new' is 51 lines long (limit 49)"],
    ]


def test_main_diff_base_file_level_reported_for_changed_file(
    legacy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (legacy / "big.py").write_text("x = 1\n" * 501)
    git(legacy, "add", "-A")
    git(legacy, "commit", "-qm", "chore: big")
    (legacy / "big.py").write_text("y = 0\n" + (legacy / "big.py").read_text())
    assert main(["check", "--diff-base", "HEAD", "big.py"]) == 1
    assert "big.py:501:1: CON101" in capsys.readouterr().out


def test_main_diff_base_unknown_rev_exits_2(
    legacy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--diff-base", "no-such-rev", "a.py"]) == 2
    assert "no-such-rev" in capsys.readouterr().err


def test_main_diff_base_option_like_rev_exits_2_without_running_it(
    legacy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--diff-base=--help", "a.py"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("constitution: error: '--help' is not a commit")
    assert "usage: git merge-base" not in err


def test_main_diff_base_index_bytes_unchanged(legacy: Path) -> None:
    index = legacy / ".git" / "index"
    before = index.read_bytes()
    later = time.time() + 5
    os.utime(legacy / "a.py", (later, later))
    assert main(["check", "--diff-base", "HEAD"]) == 0
    assert index.read_bytes() == before


def test_main_diff_base_user_diff_relative_from_subfolder_still_reports(
    legacy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (legacy / "pkg").mkdir()
    (legacy / "pkg" / "m.py").write_text("x = 1\n")
    git(legacy, "add", "-A")
    git(legacy, "commit", "-qm", "chore: pkg")
    (legacy / "pkg" / "m.py").write_text(LONG)
    git(legacy, "config", "diff.relative", "true")
    monkeypatch.chdir(legacy / "pkg")
    assert main(["check", "--diff-base", "HEAD"]) == 1
    assert "m.py:1:1: CON102" in capsys.readouterr().out


def test_main_diff_base_docstring_line_like_header_still_reports(
    legacy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = 'def new():\n    """Doc.\n++ b/c.py\n    """\n' + LONG.split("\n", 1)[1]
    (legacy / "c.py").write_text("x = 1\n")
    git(legacy, "add", "-A")
    git(legacy, "commit", "-qm", "chore: c")
    (legacy / "c.py").write_text(text)
    assert main(["check", "--diff-base", "HEAD", "c.py"]) == 1
    assert "c.py:1:1: CON102" in capsys.readouterr().out
