"""The coverage-gate hook through real pre-commit on a project with its own venv."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import git
from tests.coverage_project import MakeProject, big_module

pytestmark = pytest.mark.integration

Runner = Callable[..., subprocess.CompletedProcess[str]]


def _repo(root: Path, make_project: MakeProject, covered: int, missed: int) -> None:
    make_project(root, covered=covered, missed=missed)
    (root / ".gitignore").write_text(".venv\n.coverage\n.pytest_cache\n")


def test_pre_commit_coverage_below_eighty_blocks_and_keeps_user_data(
    git_repo: Path,
    make_project: MakeProject,
    pre_commit: Runner,
    use_hooks: Callable[..., None],
) -> None:
    _repo(git_repo, make_project, covered=199, missed=51)
    subprocess.run(
        [".venv/bin/python", "-m", "coverage", "run", "-m", "pytest", "-q"],
        check=True,
        capture_output=True,
    )
    before = (git_repo / ".coverage").read_bytes()
    use_hooks("coverage-gate")
    git(git_repo, "add", "-A")
    result = pre_commit("run")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "CON401 total coverage 79.60% (199/250" in result.stdout
    assert (git_repo / ".coverage").read_bytes() == before


def test_pre_commit_failing_tests_block_with_runner_summary(
    git_repo: Path,
    make_project: MakeProject,
    pre_commit: Runner,
    use_hooks: Callable[..., None],
) -> None:
    make_project(git_repo, covered=240, missed=10, failing=True)
    (git_repo / ".gitignore").write_text(".venv\n")
    use_hooks("coverage-gate")
    git(git_repo, "add", "-A")
    result = pre_commit("run")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "CON405 the tests failed (exit code 1): 1 failed, 1 passed" in result.stdout


def test_git_commit_installed_hook_allows_eighty_then_blocks_untested_change(
    git_repo: Path,
    make_project: MakeProject,
    pre_commit: Runner,
    use_hooks: Callable[..., None],
) -> None:
    _repo(git_repo, make_project, covered=200, missed=50)
    use_hooks("coverage-gate")
    assert pre_commit("install").returncode == 0
    git(git_repo, "add", "-A")
    commit = subprocess.run(
        ["git", "commit", "-m", "feat: add big"], capture_output=True, text=True
    )
    assert commit.returncode == 0, commit.stdout + commit.stderr
    untested = "\n\ndef x():\n    return 1\n"
    (git_repo / "pkg" / "big.py").write_text(big_module(200, 50) + untested)
    git(git_repo, "add", "-A")
    blocked = subprocess.run(
        ["git", "commit", "-m", "feat: add x"], capture_output=True, text=True
    )
    assert blocked.returncode != 0
    output = blocked.stdout + blocked.stderr
    assert "pkg/big.py:256:1: CON404 diff coverage 50.00% (1/2 changed" in output


def test_git_push_pre_push_stage_measures_pushed_range(
    git_repo: Path,
    make_project: MakeProject,
    pre_commit: Runner,
    use_hooks: Callable[..., None],
    tmp_path: Path,
) -> None:
    _repo(git_repo, make_project, covered=240, missed=10)
    use_hooks(("coverage-gate", "stages: [pre-push]"))
    assert pre_commit("install", "--hook-type", "pre-push").returncode == 0
    git(tmp_path, "init", "-q", "--bare", "remote.git")
    git(git_repo, "remote", "add", "origin", str(tmp_path / "remote.git"))
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "feat: add big")
    first = subprocess.run(["git", "push", "-q", "origin", "main"], capture_output=True)
    assert first.returncode == 0, first.stderr
    untested = "\n\ndef x():\n    return 1\n"
    (git_repo / "pkg" / "big.py").write_text(big_module(240, 10) + untested)
    git(git_repo, "commit", "-qam", "feat: add x")
    pushed = subprocess.run(
        ["git", "push", "origin", "main"], capture_output=True, text=True
    )
    assert pushed.returncode != 0
    assert "CON404 diff coverage 50.00% (1/2 changed" in pushed.stdout + pushed.stderr
