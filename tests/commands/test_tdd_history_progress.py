"""``tdd-history`` shows progress on a terminal's stderr for a long range only."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import git


def _history(repo: Path, commits: int) -> None:
    """``commits`` commits, each changing one module, written by git fast-import."""
    git(repo.parent, "init", "-q", "-b", "main", str(repo))
    parts = []
    for number in range(commits):
        text = f"def f():\n    return {number}\n"
        parts.append(
            f"commit refs/heads/main\ncommitter T <t@example.invalid>"
            f" {1_700_000_000 + number} +0000\ndata 7\nfeat: f\n"
            f"M 100644 inline src/pkg/mod.py\ndata {len(text)}\n{text}\n"
        )
    subprocess.run(
        ["git", "fast-import", "--quiet"],
        cwd=repo,
        input="".join(parts).encode(),
        check=True,
    )
    git(repo, "reset", "-q", "--hard", "main")


def _stderr_on_terminal(repo: Path, env: dict[str, str]) -> str:
    """Run tdd-history over the whole history with stderr on a pseudo-terminal."""
    leader, follower = pty.openpty()
    command = [sys.executable, "-m", "constitution_hooks", "tdd-history", "HEAD"]
    process = subprocess.Popen(
        command, cwd=repo, stdout=subprocess.DEVNULL, stderr=follower, env=env
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # Reason: Linux raises EIO once the terminal's writer ends.
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait()
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture
def env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("PRE_COMMIT")}


@pytest.mark.integration
def test_run_long_range_on_terminal_shows_commits_done(
    tmp_path: Path, env: dict[str, str]
) -> None:
    _history(tmp_path / "repo", 220)
    shown = _stderr_on_terminal(tmp_path / "repo", env)
    assert "checking commits 220/220" in shown
    assert "\r\x1b[K" in shown.partition("checking commits 220/220")[2]


@pytest.mark.integration
def test_run_short_range_on_terminal_shows_nothing(
    tmp_path: Path, env: dict[str, str]
) -> None:
    _history(tmp_path / "repo", 20)
    assert "checking commits" not in _stderr_on_terminal(tmp_path / "repo", env)


@pytest.mark.integration
def test_run_long_range_under_pre_commit_shows_nothing(
    tmp_path: Path, env: dict[str, str]
) -> None:
    _history(tmp_path / "repo", 220)
    shown = _stderr_on_terminal(tmp_path / "repo", {**env, "PRE_COMMIT": "1"})
    assert "checking commits" not in shown


@pytest.mark.integration
def test_run_long_range_stderr_not_a_terminal_shows_nothing(
    tmp_path: Path, env: dict[str, str]
) -> None:
    _history(tmp_path / "repo", 220)
    command = [sys.executable, "-m", "constitution_hooks", "tdd-history", "HEAD"]
    result = subprocess.run(
        command, cwd=tmp_path / "repo", capture_output=True, text=True, env=env
    )
    assert "commits" not in result.stderr
