"""Every git call, with argument lists (never a shell) and ``-z`` output."""

from __future__ import annotations

from pathlib import Path

from constitution_hooks.core.errors import UsageError


class GitError(UsageError):
    """Git failed or is missing where it is needed (exit code 2)."""


def run_git(args: list[str], cwd: Path | None = None) -> bytes:
    """Run ``git`` with ``args`` and return its standard output.

    Args:
        args: Arguments after ``git``.
        cwd: The folder to run in (default: the current folder).

    Returns:
        The raw standard output.

    Raises:
        GitError: If git is not installed or exits non-zero (with git's reason).

    Example:
        >>> run_git(["--version"]).startswith(b"git version")
        True
    """
    # Reason: imported here, not at the top, so a run on given files (the usual
    # pre-commit case) never pays for importing subprocess.
    import shutil

    # Reason: git is run with argument lists, never through a shell.
    import subprocess  # nosec B404

    executable = shutil.which("git")
    if executable is None:
        raise GitError("git is not installed or not on PATH")
    result = subprocess.run(  # nosec B603
        [executable, *args], cwd=cwd, capture_output=True, check=False
    )
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = reason[-1] if reason else f"exit code {result.returncode}"
        raise GitError(f"git {' '.join(args[:2])} failed: {detail}")
    return result.stdout


def split_z(output: bytes) -> list[str]:
    """Split NUL-terminated git output into paths (non-UTF-8 names kept as escapes).

    Example:
        >>> split_z(b"a.py\\x00b c.py\\x00")
        ['a.py', 'b c.py']
    """
    return [
        os_path
        for os_path in output.decode("utf-8", "surrogateescape").split("\0")
        if os_path
    ]


def inside_work_tree(cwd: Path | None = None) -> bool:
    """Return whether ``cwd`` is inside a git work tree (False if git is missing).

    Example:
        >>> isinstance(inside_work_tree(), bool)
        True
    """
    try:
        return run_git(["rev-parse", "--is-inside-work-tree"], cwd).strip() == b"true"
    except GitError:
        return False


def tracked_files(cwd: Path | None = None) -> list[str]:
    """List tracked files below ``cwd``, relative to it.

    Example:
        >>> isinstance(tracked_files(), list)
        True
    """
    return split_z(run_git(["ls-files", "-z", "--cached", "--"], cwd))
