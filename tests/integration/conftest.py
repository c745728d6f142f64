"""Real pre-commit against a snapshot of this checkout (uncommitted changes included).

The snapshot is a throwaway git repository holding every file of the working tree that
git tracks or does not ignore, committed once per test session; user repositories
point ``repo:`` at it with ``rev:`` its commit, as a user's config points at a release.
Hook environments live in a session ``PRE_COMMIT_HOME`` and are built once.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import GIT_IDENTITY, git

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Snapshot this checkout into a committed repository; return (path, sha)."""
    snapshot = tmp_path_factory.mktemp("hook-repo")
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            target = snapshot / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    env = {**GIT_IDENTITY}
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["commit", "-qm", "snapshot"],
    ):
        subprocess.run(["git", *args], cwd=snapshot, check=True, env=_env(env))
    sha = git(snapshot, "rev-parse", "HEAD").strip()
    return snapshot, sha


def _env(extra: dict[str, str]) -> dict[str, str]:
    import os

    return {**os.environ, **extra, "GIT_CONFIG_NOSYSTEM": "1"}


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One PRE_COMMIT_HOME per session: hook environments are built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def pre_commit(
    pre_commit_home: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., subprocess.CompletedProcess[str]]]:
    """Run real pre-commit (this environment's) in the current folder."""
    monkeypatch.setenv("PRE_COMMIT_HOME", str(pre_commit_home))
    monkeypatch.delenv("PRE_COMMIT", raising=False)

    def _run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", *args],
            capture_output=True,
            text=True,
            check=False,
        )

    yield _run


@pytest.fixture
def use_hooks(hook_repo: tuple[Path, str]) -> Callable[..., None]:
    """Write a .pre-commit-config.yaml in the current folder using our hooks.

    ``use_hooks("constitution", "file-length")`` or with per-hook extra YAML lines:
    ``use_hooks(("commit-message", "stages: [commit-msg]"))``.
    """

    def _use(*hooks: str | tuple[str, str], header: str = "") -> None:
        path, sha = hook_repo
        lines = [header, "repos:", f"  - repo: {path}", f"    rev: {sha}", "    hooks:"]
        for hook in hooks:
            hook_id, extra = (hook, "") if isinstance(hook, str) else hook
            lines.append(f"      - id: {hook_id}")
            lines.extend(f"        {line}" for line in extra.splitlines() if line)
        Path(".pre-commit-config.yaml").write_text("\n".join(lines) + "\n")

    return _use
