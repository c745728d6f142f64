"""``tdd-pairing`` on hostile trees: submodules, symlink loops, deep expressions."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.cli import main
from tests.commands.test_tdd_pairing import (
    MODULE,
    MODULE_TEXT,
    TEST,
    TEST_TEXT,
    commit,
    put,
)
from tests.conftest import git


def _submodule(repo: Path, path: str) -> None:
    """Add a real submodule (another repository) at ``path``."""
    other = repo.parent / "other"
    other.mkdir()
    git(other, "init", "-q", "-b", "main")
    (other / "f.txt").write_text("x\n")
    git(other, "add", "-A")
    git(other, "commit", "-qm", "chore: other")
    git(
        repo,
        "-c",
        "protocol.file.allow=always",
        "submodule",
        "add",
        "-q",
        str(other),
        path,
    )


def test_main_all_files_submodule_named_like_module_is_skipped(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {MODULE: MODULE_TEXT, TEST: TEST_TEXT})
    _submodule(git_repo, "src/pkg/lib.py")
    commit(git_repo)
    assert main(["tdd-pairing", "--all-files"]) == 0
    assert main(["tdd-pairing", "src"]) == 0
    assert capsys.readouterr().out == ""


def test_main_symlink_loop_given_exits_2_naming_it(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {MODULE: MODULE_TEXT, TEST: TEST_TEXT})
    commit(git_repo)
    (git_repo / "loop.py").symlink_to("loop.py")
    assert main(["tdd-pairing", "loop.py"]) == 2
    assert "loop.py: cannot be resolved" in capsys.readouterr().err


@pytest.mark.parametrize("terms", [1_200, 3_000])
def test_main_deeply_nested_expression_no_crash(
    git_repo: Path, capsys: pytest.CaptureFixture[str], terms: int
) -> None:
    deep = "x = " + "+".join(["1"] * terms) + "\n"
    put(git_repo, {MODULE: MODULE_TEXT + deep, TEST: TEST_TEXT + deep})
    assert main(["tdd-pairing"]) in (0, 1)
    assert main(["tdd-pairing", "--all-files"]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().err


def test_main_staged_module_that_does_not_parse_is_con001(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {MODULE: "def broken(:\n    pass\n", TEST: TEST_TEXT})
    assert main(["tdd-pairing"]) == 1
    out = capsys.readouterr().out
    assert f"{MODULE}:1:1: CON001 " in out
    assert "cannot judge" in out


@pytest.mark.parametrize("terms", [3_000])
def test_main_too_deep_module_is_con001_not_skipped(
    git_repo: Path, capsys: pytest.CaptureFixture[str], terms: int
) -> None:
    deep = "x = " + "+".join(["1"] * terms) + "\n"
    put(git_repo, {MODULE: MODULE_TEXT + deep, TEST: TEST_TEXT})
    main(["tdd-pairing"])
    assert f"{MODULE}:1:1: CON001 " in capsys.readouterr().out
