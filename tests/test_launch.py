"""The launcher's fast path: the same verdict as the full command, fewer imports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from constitution_hooks.cli import main as full_main
from constitution_hooks.launch import branch_surely_allowed, main
from tests.conftest import git

PROBE = (
    "import sys\n"
    "from constitution_hooks.launch import main\n"
    "code = main(['branch-name'])\n"
    "heavy = ('argparse', 'subprocess', 'pathlib', 'constitution_hooks.cli')\n"
    "print(code, [m for m in heavy if m in sys.modules])\n"
)


def _on_branch(repo: Path, name: str) -> None:
    git(repo, "checkout", "-q", "-b", name)
    git(repo, "commit", "-q", "--allow-empty", "-m", "chore: start")


def test_main_allowed_branch_imports_no_argparse_subprocess_or_cli(
    git_repo: Path,
) -> None:
    _on_branch(git_repo, "feature/search")
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "0 []"


@pytest.mark.parametrize(
    ("branch", "pyproject", "expected"),
    [
        ("feature/search", None, True),
        ("wip", None, False),
        ("feature/search", "[project]\nname = 'x'\n", True),
        (
            "feature/search",
            "[tool.constitution.branch-name]\npatterns = ['x']\n",
            False,
        ),
    ],
)
def test_branch_surely_allowed_repository_setups_agree_with_full_command(
    git_repo: Path, branch: str, pyproject: str | None, expected: bool
) -> None:
    _on_branch(git_repo, branch)
    if pyproject is not None:
        (git_repo / "pyproject.toml").write_text(pyproject)
    assert branch_surely_allowed([], os.getcwd()) is expected
    if expected:
        assert full_main(["branch-name"]) == 0


def test_branch_surely_allowed_detached_head_is_allowed(git_repo: Path) -> None:
    _on_branch(git_repo, "wip")
    git(git_repo, "checkout", "-q", "--detach")
    assert branch_surely_allowed([], os.getcwd()) is True
    assert full_main(["branch-name"]) == 0


def test_branch_surely_allowed_linked_worktree_reads_its_own_head(
    git_repo: Path, tmp_path: Path
) -> None:
    _on_branch(git_repo, "main-work")
    other = tmp_path / "other"
    git(git_repo, "worktree", "add", "-q", "-b", "fix/12", str(other))
    assert branch_surely_allowed([], str(other)) is True
    assert branch_surely_allowed([], str(git_repo)) is False


def test_branch_surely_allowed_subfolder_finds_top(git_repo: Path) -> None:
    _on_branch(git_repo, "docs/readme")
    (git_repo / "a" / "b").mkdir(parents=True)
    assert branch_surely_allowed([], str(git_repo / "a" / "b")) is True


@pytest.mark.parametrize(
    "rest", [["--format", "json"], ["-v"], ["--branch"], ["--config", "x.toml"]]
)
def test_branch_surely_allowed_other_arguments_go_to_full_command(
    git_repo: Path, rest: list[str]
) -> None:
    _on_branch(git_repo, "feature/x")
    assert branch_surely_allowed(rest, os.getcwd()) is False


def test_branch_surely_allowed_git_dir_variable_goes_to_full_command(
    git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _on_branch(git_repo, "feature/x")
    monkeypatch.setenv("GIT_DIR", str(git_repo / ".git"))
    assert branch_surely_allowed([], os.getcwd()) is False


def test_branch_surely_allowed_pushed_branch_is_judged(
    git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _on_branch(git_repo, "feature/x")
    monkeypatch.setenv("PRE_COMMIT_LOCAL_BRANCH", "refs/heads/wip")
    assert branch_surely_allowed([], os.getcwd()) is False


def test_main_disallowed_branch_reported_by_full_command(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _on_branch(git_repo, "wip")
    assert main(["branch-name"]) == 1
    assert "CON311" in capsys.readouterr().out


MESSAGE_PROBE = (
    "import sys\n"
    "from constitution_hooks.launch import main\n"
    "code = main(['commit-msg', 'MSG'])\n"
    "heavy = ('argparse', 'subprocess', 'pathlib', 're', 'typing', 'collections',\n"
    "    'enum', 'tomllib', 'constitution_hooks.cli', 'constitution_hooks.rules')\n"
    "print(code, [m for m in heavy if m in sys.modules])\n"
)


def test_main_clean_commit_message_imports_no_re_typing_argparse_or_rules(
    git_repo: Path,
) -> None:
    (git_repo / "MSG").write_text("feat(api): add search\n\nWhy it helps.\n")
    result = subprocess.run(
        [sys.executable, "-c", MESSAGE_PROBE],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "0 []"


def test_main_bad_commit_message_reported_by_full_command(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (git_repo / "MSG").write_text("Add search\n")
    assert main(["commit-msg", "MSG"]) == 1
    assert "CON301" in capsys.readouterr().out
