"""The diff-based git queries: which lines a change adds or edits, per file.

Every patch is asked for in one pinned format (see ``PINNED``), whatever the
user's ``diff.*`` settings, and parsed by its hunk headers (``core/patch.py``).
"""

from __future__ import annotations

from pathlib import Path

from constitution_hooks.core.git import merge_base, run_git, split_z, verify_commit
from constitution_hooks.core.patch import parse_patch


def changed_lines(
    rev: str, cwd: Path | None = None
) -> dict[str, frozenset[int] | None]:
    """Map each file changed since ``rev`` (its merge base with HEAD) to its lines.

    Committed, staged and unstaged changes count; untracked files map to None
    (every line). Paths are relative to the repository root; deleted files are left
    out; a file whose changes only delete lines maps to an empty set.

    Example:
        >>> import tempfile; repo = Path(tempfile.mkdtemp())
        >>> who = ["-c", "user.name=A", "-c", "user.email=a@example.invalid"]
        >>> _ = run_git(["init", "-q"], repo), (repo / "a.py").write_text("x = 1\\n")
        >>> _ = run_git(["add", "a.py"], repo), run_git([*who, "commit", "-qma"], repo)
        >>> _ = (repo / "a.py").write_text("x = 1\\ny = 2\\n"), (repo / "b.py").touch()
        >>> changed_lines("HEAD", repo)
        {'a.py': frozenset({2}), 'b.py': None}
    """
    base = merge_base(verify_commit(rev, cwd), cwd)
    # Reason: the plumbing diff-index compares the work tree without refreshing
    # (so without rewriting) the index, and reads none of the diff.* settings.
    patch = run_git(
        ["-c", "core.quotePath=false", "diff-index", *PINNED, base, "--"], cwd
    )
    changed: dict[str, frozenset[int] | None] = dict(parse_patch(patch))
    untracked = ["ls-files", "-z", "--others", "--exclude-standard", "--full-name"]
    for path in split_z(run_git(untracked, cwd)):
        changed[path] = None
    return changed


# Reason: the user's diff.* settings (relative, noprefix, mnemonicPrefix,
# external, textconv, color) change what a patch says; these flags pin each one.
PINNED = [
    *("-p", "-U0", "-M", "--no-color", "--no-ext-diff", "--no-textconv"),
    *("--no-relative", "--src-prefix=a/", "--dst-prefix=b/"),
]
DIFF_ARGS = ["-c", "core.quotePath=false", "diff", *PINNED]


def staged_lines(cwd: Path | None = None) -> dict[str, frozenset[int]]:
    """Line numbers the staged diff adds or changes, per file (repository-relative).

    Example:
        >>> import tempfile; repo = Path(tempfile.mkdtemp())
        >>> _ = run_git(["init", "-q"], repo), (repo / "a.py").write_text("x = 1\\n")
        >>> _ = run_git(["add", "a.py"], repo), (repo / "a.py").write_text("x = 2\\n")
        >>> staged_lines(repo)  # what is staged, not the edit after it
        {'a.py': frozenset({1})}
    """
    return dict(parse_patch(run_git([*DIFF_ARGS, "--cached", "--"], cwd)))


def lines_between(
    base: str, head: str, cwd: Path | None = None
) -> dict[str, frozenset[int]]:
    """Line numbers ``head`` adds or changes since its merge base with ``base``.

    Raises:
        GitError: If a revision is unknown.

    Example:
        >>> lines_between("HEAD", "HEAD")
        {}
    """
    base, head = verify_commit(base, cwd), verify_commit(head, cwd)
    revisions = ["--end-of-options", f"{base}...{head}", "--"]
    return dict(parse_patch(run_git([*DIFF_ARGS, *revisions], cwd)))
