"""The commit-message and branch-name hooks through real git and real pre-commit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import git

pytestmark = pytest.mark.integration

Runner = Callable[..., subprocess.CompletedProcess[str]]
HEADER = "default_install_hook_types: [pre-commit, commit-msg]"
AI_TRAILER = "Co-authored-by: Claude <noreply@anthropic.com>"


def git_commit(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run a real ``git commit`` (hooks included) with an editor that keeps the text."""
    environment = {**os.environ, "GIT_EDITOR": "true", **env}
    return subprocess.run(
        ["git", "commit", *args], capture_output=True, text=True, env=environment
    )


@pytest.fixture
def installed(
    git_repo: Path, pre_commit: Runner, use_hooks: Callable[..., None]
) -> Path:
    """A repository with the commit-message hook installed for commit-msg."""
    use_hooks("commit-message", header=HEADER)
    result = pre_commit("install", "--hook-type", "commit-msg")
    assert result.returncode == 0, result.stdout + result.stderr
    Path("app.py").write_text("x = 1\n")
    git(git_repo, "add", "-A")
    return git_repo


def test_git_commit_bad_message_is_blocked_with_example(installed: Path) -> None:
    result = git_commit("-m", "Add user search")
    assert result.returncode != 0
    assert (
        '.git/COMMIT_EDITMSG:1:1: CON301 first line "Add user search" is not'
        in result.stdout + result.stderr
    )
    assert '"feat: add user search"' in result.stderr


def test_git_commit_good_message_is_recorded(installed: Path) -> None:
    result = git_commit("-m", "feat: add user search")
    assert result.returncode == 0, result.stdout + result.stderr
    assert git(installed, "log", "-1", "--format=%s") == "feat: add user search\n"


def test_git_commit_ai_trailer_is_blocked(installed: Path) -> None:
    result = git_commit("-m", f"feat: add user search\n\n{AI_TRAILER}")
    assert result.returncode != 0
    assert ":3:1: CON304" in result.stderr
    assert "AI co-author trailer: Claude Code" in result.stderr


def test_git_commit_m_hash_line_ai_stamp_is_blocked(installed: Path) -> None:
    result = git_commit(
        "-m", "feat: add user search", "-m", "# Generated with Claude Code"
    )
    assert result.returncode != 0
    assert ":3:3: CON304" in result.stderr
    assert "git keeps it for `git commit -m`" in result.stderr


def test_git_commit_strip_cleanup_hash_line_is_not_stored(installed: Path) -> None:
    message = ("-m", "feat: add user search", "-m", "# Generated with Claude Code")
    result = git_commit(*message, **_config("commit.cleanup", "strip"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert git(installed, "log", "-1", "--format=%B") == "feat: add user search\n\n"


def test_git_commit_m_hash_first_line_is_judged_as_stored(installed: Path) -> None:
    result = git_commit("-m", "#123 fix the thing")
    assert result.returncode != 0
    assert ':1:1: CON301 first line "#123 fix the thing"' in result.stderr


def test_git_commit_verbose_diff_below_scissors_is_ignored(installed: Path) -> None:
    Path("app.py").write_text(f"# {AI_TRAILER}\n" + "y = 2\n")
    git(installed, "add", "-A")
    result = git_commit("-v", "-e", "-m", "feat: add user search")
    assert result.returncode == 0, result.stdout + result.stderr


def test_git_commit_auto_comment_char_judges_hash_lines(installed: Path) -> None:
    message = "feat: add user search\n\n#12 fixed with Copilot"
    result = git_commit("-e", "-m", message, **_config("core.commentChar", "auto"))
    assert result.returncode != 0
    assert ':3:16: CON304 line "#12 fixed with Copilot"' in result.stderr


def test_git_commit_empty_after_cleanup_is_reported(installed: Path) -> None:
    result = git_commit("--allow-empty-message", "-e", "-m", "# only a comment")
    assert result.returncode != 0
    assert "CON306" in result.stderr


def test_branch_name_hook_blocks_commit_on_bad_branch(
    git_repo: Path, pre_commit: Runner, use_hooks: Callable[..., None]
) -> None:
    use_hooks("branch-name")
    assert pre_commit("install").returncode == 0
    git(git_repo, "add", "-A")
    assert git_commit("-m", "chore: start").returncode == 0
    git(git_repo, "checkout", "-q", "-b", "wip")
    Path("a.py").write_text("x = 1\n")
    git(git_repo, "add", "-A")
    result = git_commit("-m", "feat: add a")
    assert result.returncode != 0
    assert 'wip:1:1: CON311 branch "wip"' in result.stdout + result.stderr


def test_branch_name_hook_blocks_push_of_bad_branch(
    git_repo: Path, pre_commit: Runner, use_hooks: Callable[..., None]
) -> None:
    use_hooks("branch-name", header="default_install_hook_types: [pre-push]")
    assert pre_commit("install").returncode == 0
    remote = git_repo.parent / "remote.git"
    git(git_repo, "init", "-q", "--bare", str(remote))
    git(git_repo, "remote", "add", "origin", str(remote))
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-q", "-m", "chore: start")
    good = subprocess.run(["git", "push", "-q", "origin", "main"], capture_output=True)
    assert good.returncode == 0, good.stderr
    git(git_repo, "checkout", "-q", "-b", "wip")
    git(git_repo, "commit", "-q", "--allow-empty", "-m", "feat: add a")
    git(git_repo, "checkout", "-q", "main")
    bad = subprocess.run(
        ["git", "push", "origin", "wip"], capture_output=True, text=True
    )
    assert bad.returncode != 0
    assert 'wip:1:1: CON311 branch "wip"' in bad.stdout + bad.stderr


def constitution(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "constitution_hooks", *args],
        capture_output=True,
        text=True,
    )


def scripted_history(repo: Path) -> dict[str, str]:
    """main: start; feature/x: good, bad, AI trailer; merged back with git's text."""
    shas = {}
    messages = {
        "start": "chore: start",
        "good": "feat: add search",
        "bad": "Added paging",
        "ai": f"fix: paging\n\n{AI_TRAILER}",
    }
    for key, message in messages.items():
        if key == "good":
            git(repo, "checkout", "-q", "-b", "feature/x")
        git(repo, "commit", "-q", "--allow-empty", "-m", message)
        shas[key] = git(repo, "rev-parse", "--short", "HEAD").strip()
    git(repo, "checkout", "-q", "main")
    git(repo, "commit", "-q", "--allow-empty", "-m", "docs: note")
    git(repo, "merge", "-q", "--no-ff", "-m", "merged without format", "feature/x")
    return shas


def test_commit_msg_range_reports_each_bad_commit(git_repo: Path) -> None:
    shas = scripted_history(git_repo)
    result = constitution("commit-msg", "--range", f"{shas['start']}..HEAD")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{shas['ai']}:3:1: CON304 (fix: paging) line")
    assert lines[1].startswith(f'{shas["bad"]}:1:1: CON301 first line "Added paging"')


def test_commit_msg_range_json_names_sha_and_code(git_repo: Path) -> None:
    shas = scripted_history(git_repo)
    result = constitution(
        "commit-msg", "--format", "json", "--range", f"{shas['start']}..HEAD"
    )
    records = json.loads(result.stdout)
    assert {(r["path"], r["code"]) for r in records} == {
        (shas["ai"], "CON304"),
        (shas["bad"], "CON301"),
    }


def test_commit_msg_range_unknown_revision_exits_2_with_reason(
    git_repo: Path,
) -> None:
    scripted_history(git_repo)
    result = constitution("commit-msg", "--range", "v9.9..HEAD")
    assert result.returncode == 2
    assert "bad revision 'v9.9..HEAD'" in result.stderr


def _config(key: str, value: str) -> dict[str, str]:
    return {
        "GIT_CONFIG_COUNT": "1",
        "GIT_CONFIG_KEY_0": key,
        "GIT_CONFIG_VALUE_0": value,
    }
