"""`make bench`, the hook rows: a whole commit through real pre-commit, and each
entry point's start-up in an environment that holds only the runtime dependencies.

The hook environment is built the way pre-commit builds one (a fresh virtualenv,
this checkout installed as a package, no development tools and no editable
``.pth`` files, which distort start-up), once, under ``.bench/hook-env``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import bench_setup as setup

HOOK_ENV = setup.BENCH / "hook-env"
PRE_COMMIT_HOME = setup.BENCH / "pre-commit-home"
BRANCH = "feature/bench"
SUITE_ONE = ("constitution",)
SUITE_THREE = ("constitution", "tdd-pairing", "branch-name")


def hook_python() -> Path:
    """Build (once per checkout state) and return the hook environment's python."""
    python = HOOK_ENV / "bin" / "python"
    uv = shutil.which("uv") or "uv"
    if not python.exists():
        setup.say(f"creating the hook environment {HOOK_ENV}")
        subprocess.run(
            [uv, "venv", "-q", str(HOOK_ENV), "--python", sys.executable], check=True
        )
    setup.say("installing this checkout into the hook environment")
    install = [uv, "pip", "install", "-q", "--reinstall-package", "constitution-hooks"]
    subprocess.run([*install, "--python", str(python), str(setup.ROOT)], check=True)
    return python


def _git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "b@e.invalid"}
    env |= {"GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "b@e.invalid"}
    subprocess.run(
        ["git", *args], cwd=cwd, check=True, env=env, stdout=subprocess.DEVNULL
    )


def hook_repo(workspace: Path) -> tuple[Path, str]:
    """A committed snapshot of this checkout (what a user's ``rev:`` points at)."""
    snapshot = workspace / "hook-repo"
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=setup.ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        source = setup.ROOT / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    _git(snapshot, "init", "-q", "-b", "main")
    _git(snapshot, "add", "-A")
    _git(snapshot, "commit", "-qm", "snapshot")
    return snapshot, _head(snapshot)


def _head(repo: Path) -> str:
    result = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True
    )
    return result.stdout.strip()


def _config(hooks: tuple[str, ...], repo: tuple[Path, str] | None) -> str:
    if repo is None:
        lines = ["repos:", "  - repo: local", "    hooks:"]
        for index, _ in enumerate(hooks):
            lines += [
                f"      - id: noop-{index}",
                "        name: noop",
                "        entry: 'true'",
                "        language: system",
                "        types: [python]",
            ]
        return "\n".join(lines) + "\n"
    path, sha = repo
    lines = ["repos:", f"  - repo: {path}", f"    rev: {sha}", "    hooks:"]
    lines += [f"      - id: {hook}" for hook in hooks]
    return "\n".join(lines) + "\n"


def user_repo(
    folder: Path, requests: Path, config: str
) -> tuple[Path, Callable[[], None]]:
    """A repository with five real files staged on a first commit, and its reset.

    The reset (``before`` each timed run) undoes the commit the run made, so
    every run commits the same five staged files.
    """
    folder.mkdir(parents=True)
    _git(folder, "init", "-q", "-b", BRANCH)
    (folder / ".pre-commit-config.yaml").write_text(config)
    _git(folder, "add", ".pre-commit-config.yaml")
    _git(folder, "commit", "-qm", "chore: add hooks")
    for name in setup.COMMIT_FILES:
        target = folder / "requests" / f"{name}.py"
        target.parent.mkdir(exist_ok=True)
        shutil.copy2(requests / "requests" / f"{name}.py", target)
    _git(folder, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(PRE_COMMIT_HOME)}
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "install", "-f"],
        cwd=folder,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    base = _head(folder)

    def reset() -> None:
        subprocess.run(["git", "reset", "-q", "--soft", base], cwd=folder, check=True)

    return folder, reset


COMMIT = ["git", "commit", "-q", "--no-gpg-sign", "-m", "feat: add five modules"]


def bench_whole_commit(bench: object, workspace: Path, requests: Path) -> None:
    """A ``git commit`` of five files through real pre-commit, suite vs ``true``."""
    repo = hook_repo(workspace)
    measure = bench.measure  # type: ignore[attr-defined]  # Reason: loaded by path
    # Reason: bench is loaded from its path, so mypy cannot see its names.
    bench.env["PRE_COMMIT_HOME"] = str(PRE_COMMIT_HOME)  # type: ignore[attr-defined]
    for label, hooks in (("1 hook", SUITE_ONE), ("3 hooks", SUITE_THREE)):
        for kind, source in (("suite", repo), ("true", None)):
            name = f"commit: {kind}, {label}"
            folder = workspace / name.replace(":", "").replace(", ", "-").replace(
                " ", "-"
            )
            folder, reset = user_repo(folder, requests, _config(hooks, source))
            measure(name, COMMIT, folder, reset, warm=True)


def bench_startup(bench: object, workspace: Path, requests: Path) -> None:
    """Each entry point against ``python -c pass``, in the hook environment."""
    python = hook_python()
    tool = python.parent / "constitution"
    folder = workspace / "startup"
    folder.mkdir()
    _git(folder, "init", "-q", "-b", BRANCH)
    (folder / "MSG").write_text("feat(api): add search\n")
    files = []
    for name in setup.COMMIT_FILES:
        shutil.copy2(requests / "requests" / f"{name}.py", folder / f"{name}.py")
        files.append(f"{name}.py")
    _git(folder, "add", "-A")
    _git(folder, "commit", "-qm", "chore: start")
    measure = bench.measure  # type: ignore[attr-defined]  # Reason: loaded by path
    measure("hook env: python -c pass", [python, "-c", "pass"], folder)
    measure("hook env: branch-name", [tool, "branch-name"], folder)
    measure("hook env: commit-msg", [tool, "commit-msg", "MSG"], folder)
    measure("hook env: check 5 files", [tool, "check", "--no-cache", *files], folder)
    measure("hook env: tdd-pairing", [tool, "tdd-pairing"], folder)
    measure(
        "hook env: pre-commit 5 files",
        [tool, "pre-commit", "--no-cache", *files],
        folder,
    )


HOOK_TARGETS = (
    (
        "whole commit, suite vs true hooks",
        "commit: suite, 1 hook",
        "commit: true, 1 hook",
        1.3,
    ),
    (
        "whole commit, old 3-hook form vs true",
        "commit: suite, 3 hooks",
        "commit: true, 3 hooks",
        1.3,
    ),
    (
        "branch-name vs python -c pass",
        "hook env: branch-name",
        "hook env: python -c pass",
        1.6,
    ),
    (
        "commit-msg vs python -c pass",
        "hook env: commit-msg",
        "hook env: python -c pass",
        1.6,
    ),
)
