"""``constitution check --all-files`` judges the project contract too."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from constitution_hooks.cli import main
from tests.conftest import git


def _repo_with_env(repo: Path) -> None:
    (repo / "app.py").write_text("x = 1\n")
    (repo / ".env").write_text("SECRET=1\n")
    git(repo, "add", "-f", "app.py", ".env")


def test_main_check_all_files_reports_contract(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _repo_with_env(git_repo)
    assert main(["check", "--all-files"]) == 1
    assert ".env:1:1: CON704" in capsys.readouterr().out


def test_main_check_staged_paths_skip_contract(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _repo_with_env(git_repo)
    assert main(["check", "app.py"]) == 0
    assert capsys.readouterr().out == ""


def test_main_check_all_files_select_file_rule_skips_contract(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _repo_with_env(git_repo)
    assert main(["check", "--all-files", "--select", "CON101"]) == 0
    assert (
        main(["check", "--all-files", "--ignore", "CON702,CON703,CON706,CON707"]) == 1
    )
    assert "CON702" not in capsys.readouterr().out


PROBE = (
    "import sys\nfrom constitution_hooks.cli import main\nmain(sys.argv[1:])\n"
    "heavy = ('constitution_hooks.rules.project.contract', 'dataclasses')\n"
    "print(any(name in sys.modules for name in heavy))\n"
)


def test_main_check_all_files_outside_git_imports_no_contract_rules(
    tmp_path: Path,
) -> None:
    (tmp_path / "app.py").write_text("x = 1\n")
    env = {**os.environ, "GIT_CEILING_DIRECTORIES": str(tmp_path.parent)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "check", "--all-files", "--no-cache"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split()[-1] == "False"
