"""``constitution branch-name``: the current branch or ``--branch NAME``."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from constitution_hooks.cli import main
from constitution_hooks.commands import branch_name
from tests.conftest import git


def first_commit(repo: Path) -> None:
    git(repo, "commit", "-q", "--allow-empty", "-m", "feat: start")


def test_run_allowed_current_branch_exits_clean(git_repo: Path) -> None:
    first_commit(git_repo)
    git(git_repo, "checkout", "-q", "-b", "feature/search")
    assert main(["branch-name"]) == 0


def test_run_bad_current_branch_reports_con311(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first_commit(git_repo)
    git(git_repo, "checkout", "-q", "-b", "feat/search")
    assert main(["branch-name"]) == 1
    out = capsys.readouterr().out
    assert out.startswith('feat/search:1:1: CON311 branch "feat/search"')


def test_run_branch_option_is_checked(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["branch-name", "--branch", "wip"]) == 1
    assert "CON311" in capsys.readouterr().out


def test_run_detached_head_exits_clean(git_repo: Path) -> None:
    first_commit(git_repo)
    git(git_repo, "checkout", "-q", "-b", "wip")
    git(git_repo, "checkout", "-q", "--detach")
    assert main(["branch-name"]) == 0


def test_run_unborn_initial_branch_exits_clean(git_repo: Path) -> None:
    git(git_repo, "symbolic-ref", "HEAD", "refs/heads/master")
    assert main(["branch-name"]) == 0


def test_run_pre_push_local_branch_is_checked(
    git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_commit(git_repo)
    monkeypatch.setenv("PRE_COMMIT_LOCAL_BRANCH", "refs/heads/wip")
    assert main(["branch-name"]) == 1


def test_run_outside_repository_exits_usage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["branch-name"]) == 2


def test_run_disabled_table_exits_clean(git_repo: Path) -> None:
    Path("pyproject.toml").write_text(
        "[tool.constitution.branch-name]\nenabled = false\n"
    )
    assert main(["branch-name", "--branch", "wip"]) == 0


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    branch_name.add_arguments(parser)
    return parser.parse_args(list(argv))


def test_add_arguments_no_branch_means_the_one_under_check() -> None:
    args = _args()
    assert (args.branch, args.format, args.config) == (None, "text", None)


def test_run_allowed_branch_option_returns_0(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert branch_name.run(_args("--branch", "fix/empty-query")) == 0
    assert capsys.readouterr().out == ""


def test_run_pushed_branch_from_pre_commit_is_checked_not_head(
    git_repo: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first_commit(git_repo)
    monkeypatch.setenv("PRE_COMMIT_LOCAL_BRANCH", "refs/heads/Bad_Name")
    assert branch_name.run(_args("--format", "json")) == 1
    assert '"path": "Bad_Name"' in capsys.readouterr().out
