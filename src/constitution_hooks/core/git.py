"""Every git call, with argument lists (never a shell) and ``-z`` output."""

from __future__ import annotations

import codecs
import shutil

# Reason: git is run with argument lists, never through a shell.
import subprocess  # nosec B404
from dataclasses import dataclass
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


def comment_string(cwd: Path | None = None) -> str:
    """Return the comment prefix git uses in commit messages (``#`` by default).

    ``core.commentChar`` and ``core.commentString`` (git 2.45) set the same thing;
    the last one git reads wins. The value may be ``auto``.

    Example:
        >>> isinstance(comment_string(), str)
        True
    """
    try:
        output = run_git(
            ["config", "-z", "--get-regexp", r"^core\.comment(char|string)$"], cwd
        )
    except GitError:
        # Reason: git config exits 1 when the keys are unset: git's default applies.
        return "#"
    entries = [e for e in output.decode("utf-8", "replace").split("\0") if e]
    value = entries[-1].partition("\n")[2] if entries else ""
    return value or "#"


def current_branch(cwd: Path | None = None) -> str:
    """Return the checked-out branch (unborn included), ``""`` on a detached HEAD.

    Raises:
        GitError: Outside a git repository.

    Example:
        >>> isinstance(current_branch(), str)
        True
    """
    return run_git(["branch", "--show-current"], cwd).decode("utf-8", "replace").strip()


def branch_exists(name: str, cwd: Path | None = None) -> bool:
    """Return whether ``refs/heads/<name>`` exists (False for an unborn branch).

    Example:
        >>> branch_exists("no/such/branch/here")
        False
    """
    ref = f"refs/heads/{name}"
    output = run_git(["for-each-ref", "--format=%(refname)", ref], cwd)
    return ref in output.decode("utf-8", "replace").splitlines()


@dataclass(frozen=True)
class LoggedCommit:
    """One commit of a range: its short sha and its stored message.

    Example:
        >>> LoggedCommit("a1b2c3d", "feat: x\\n").sha
        'a1b2c3d'
    """

    sha: str
    message: str


def commit_log(rev_range: str, cwd: Path | None = None) -> list[LoggedCommit]:
    """List the commits of ``rev_range`` with one or no parent, newest first.

    One ``git log`` call; commits with two or more parents (merges) are skipped.

    Raises:
        GitError: For an unknown revision, with git's reason.

    Example:
        >>> isinstance(commit_log("HEAD~0..HEAD"), list)
        True
    """
    output = run_git(
        [
            "log",
            "--no-merges",
            "-z",
            "--format=%h%n%B",
            # Reason: a range starting with '-' must never be read as an option.
            "--end-of-options",
            rev_range,
            "--",
        ],
        cwd,
    )
    records = output.decode("utf-8", "replace").split("\0")
    return [LoggedCommit(*record.split("\n", 1)) for record in records if record]


DIFF_ARGS = [
    "-c",
    "core.quotePath=false",
    "diff",
    "--no-color",
    "--no-ext-diff",
    "--relative",
    "--src-prefix=a/",
    "--dst-prefix=b/",
    "-U0",
]


def staged_lines(cwd: Path | None = None) -> dict[str, frozenset[int]]:
    """Line numbers added or changed by the staged diff, per file below ``cwd``.

    Example:
        >>> isinstance(staged_lines(), dict)
        True
    """
    return parse_added_lines(run_git([*DIFF_ARGS, "--cached"], cwd))


def changed_lines_since(
    base: str, cwd: Path | None = None, head: str = "HEAD"
) -> dict[str, frozenset[int]]:
    """Line numbers added or changed since the merge base of ``base`` and ``head``.

    Raises:
        GitError: If ``base`` is not a known revision.

    Example:
        >>> isinstance(changed_lines_since("HEAD"), dict)
        True
    """
    return parse_added_lines(run_git([*DIFF_ARGS, f"{base}...{head}", "--"], cwd))


def parse_added_lines(diff: bytes) -> dict[str, frozenset[int]]:
    """Parse ``git diff -U0`` output into the new-side line numbers of each file.

    Example:
        >>> parse_added_lines(b"+++ b/a.py\\n@@ -0,0 +1,2 @@\\n")
        {'a.py': frozenset({1, 2})}
    """
    lines: dict[str, set[int]] = {}
    current: set[int] | None = None
    for raw in diff.split(b"\n"):
        if raw.startswith(b"+++ "):
            path = _diff_path(raw[4:])
            current = None if path is None else lines.setdefault(path, set())
        elif raw.startswith(b"@@ ") and current is not None:
            # Reason: "@@ -a,b +c,d @@": the new side starts at c and spans d lines
            # (d omitted means 1).
            new_side = raw.split(b" ")[2][1:].split(b",")
            start = int(new_side[0])
            count = int(new_side[1]) if len(new_side) > 1 else 1
            current.update(range(start, start + count))
    return {path: frozenset(found) for path, found in lines.items() if found}


def _diff_path(raw: bytes) -> str | None:
    if raw == b"/dev/null":
        return None
    if raw.startswith(b'"'):
        # Reason: git C-quotes names with control characters: octal bytes, \t, \".
        raw = codecs.escape_decode(raw[1:-1])[0]
    return raw[2:].decode("utf-8", "surrogateescape")
