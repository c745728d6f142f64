"""The checked-out branch read from git's ``HEAD`` file, without starting git.

``git branch --show-current`` costs a process on every commit; the answer is
one line of ``.git/HEAD`` (linked worktrees followed). Whatever only git can
resolve (``GIT_DIR`` and friends, a reftable repository, a symbolic-link HEAD, a
repository another user owns, a ref outside ``refs/heads/``) gives None, and
the caller asks git.
"""

from __future__ import annotations

import os

# Reason: environment variables that move or limit git's repository discovery.
_GIT_LOCATION = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_CEILING_DIRECTORIES",
    "GIT_COMMON_DIR",
)
_BRANCH_REF = "ref: refs/heads/"


def head_branch(cwd: str) -> str | None:
    """The branch of the work tree holding ``cwd``; "" when detached; None: ask git.

    Example:
        >>> import tempfile
        >>> head_branch(tempfile.mkdtemp()) is None
        True
    """
    if any(os.environ.get(name) for name in _GIT_LOCATION):
        return None
    git_dir = _git_dir(cwd)
    if git_dir is None:
        return None
    head = os.path.join(git_dir, "HEAD")
    try:
        if os.path.islink(head) or os.path.isdir(os.path.join(git_dir, "reftable")):
            return None
        # Reason: git refuses a repository another user owns (safe.directory).
        if hasattr(os, "getuid") and os.stat(git_dir).st_uid != os.getuid():
            return None
        with open(head, encoding="utf-8") as handle:
            line = handle.read().strip()
    except (OSError, UnicodeDecodeError):
        return None
    if line.startswith(_BRANCH_REF):
        return line[len(_BRANCH_REF) :]
    detached = len(line) in (40, 64) and not line.strip("0123456789abcdef")
    return "" if detached else None


def _git_dir(cwd: str) -> str | None:
    """The git folder of the nearest ``.git`` on the way up (a file is followed)."""
    folder = os.path.abspath(cwd)
    while not os.path.exists(os.path.join(folder, ".git")):
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
    dot_git = os.path.join(folder, ".git")
    if os.path.isdir(dot_git):
        return dot_git
    try:
        with open(dot_git, encoding="utf-8") as handle:
            line = handle.read().strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not line.startswith("gitdir: "):
        return None
    return os.path.join(folder, line[len("gitdir: ") :])
