"""The ``constitution`` console command: a fast path, then the full command line.

A commit runs ``branch-name`` on every ``git commit``; when the answer is
certainly "allowed" (no ``[tool.constitution]`` table, a branch that matches a
default pattern, a detached HEAD), it is found here with ``os`` and the rule's
own pattern matching, without argparse, pathlib, subprocess or the config
loader. Anything else (a flag, a config table, a name that does not match, git
set up by environment variables, a reftable repository) goes to
:func:`constitution_hooks.cli.main`, which decides and reports exactly as before.
``commit-msg FILE`` has its own fast path, ``constitution_hooks.fast_commit_msg``.
"""

from __future__ import annotations

import os
import sys

# Reason: the defaults of [tool.constitution.branch-name], the constitution's six.
DEFAULT_PATTERNS = ("main", "develop", "feature/*", "fix/*", "docs/*", "refactor/*")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; ``branch-name`` that surely passes returns 0 at once.

    Example:
        >>> main(["branch-name", "--branch", "feature/search"])
        0
    """
    args = sys.argv[1:] if argv is None else list(argv)
    if args[:1] == ["branch-name"] and branch_surely_allowed(args[1:], os.getcwd()):
        return 0
    if args[:1] == ["commit-msg"]:
        from constitution_hooks.fast_commit_msg import surely_clean

        if surely_clean(args[1:], os.getcwd()):
            return 0
    if args[:1] in (["pre-commit"], ["check"], ["file-length"], ["function-size"]):
        from constitution_hooks.fast_hook import fast_main

        code = fast_main(args)
        if code is not None:
            return code
    from constitution_hooks.cli import main as full

    return full(args)


def branch_surely_allowed(rest: list[str], cwd: str) -> bool:
    """Whether ``branch-name`` with arguments ``rest`` run in ``cwd`` exits 0 silently.

    False means "not sure", never "not allowed": the full command then decides.

    Example:
        >>> branch_surely_allowed(["--branch", "fix/12"], "/")
        True
        >>> branch_surely_allowed(["--branch", "wip"], "/")
        False
    """
    from constitution_hooks.core.patterns import matches_any

    if rest and (len(rest) != 2 or rest[0] != "--branch"):
        return False
    if any(os.environ.get(name) for name in ("GIT_DIR", "GIT_WORK_TREE")):
        return False
    config_free, top = _look_up(cwd)
    if not config_free:
        return False
    name = rest[1] if rest else (_branch(top) if top is not None else None)
    return name == "" or (name is not None and matches_any(name, DEFAULT_PATTERNS))


def _look_up(cwd: str) -> tuple[bool, str | None]:
    """(no pyproject.toml on the way has our table, the work tree's top folder)."""
    folder = cwd
    while True:
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject):
            try:
                with open(pyproject, "rb") as handle:
                    ours = b"[tool.constitution" in handle.read()
            except OSError:
                return False, None
            # Reason: the nearest pyproject.toml is the config (as load_config finds
            # it); one without our table means the defaults, whatever lies above.
            return not ours, _top_from(folder)
        if os.path.exists(os.path.join(folder, ".git")):
            return True, folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return True, None
        folder = parent


def _top_from(folder: str) -> str | None:
    while not os.path.exists(os.path.join(folder, ".git")):
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
    return folder


def _branch(top: str) -> str | None:
    """The branch pre-commit pushes, else HEAD's; "" when detached; None: ask git."""
    pushed = os.environ.get("PRE_COMMIT_LOCAL_BRANCH", "")
    if pushed:
        return (
            pushed[len("refs/heads/") :] if pushed.startswith("refs/heads/") else None
        )
    git_dir = os.path.join(top, ".git")
    try:
        if os.path.isfile(git_dir):
            with open(git_dir, encoding="utf-8") as handle:
                line = handle.read().strip()
            if not line.startswith("gitdir: "):
                return None
            git_dir = os.path.join(top, line[len("gitdir: ") :])
        if os.path.isdir(os.path.join(git_dir, "reftable")):
            return None
        with open(os.path.join(git_dir, "HEAD"), encoding="utf-8") as handle:
            head = handle.read().strip()
    except (OSError, UnicodeDecodeError):
        return None
    if head.startswith("ref: refs/heads/"):
        return head[len("ref: refs/heads/") :]
    return "" if len(head) in (40, 64) else None
