"""``--diff-base``: keep only violations on lines changed since a revision."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from constitution_hooks.core import git, git_diff
from constitution_hooks.core.source import SourceFile, SourceUnreadableError
from constitution_hooks.core.violation import Violation

if TYPE_CHECKING:
    from constitution_hooks.core.registry import Rule


class Changes(NamedTuple):
    """The lines changed per file, relative to the repository root.

    Attributes:
        root: The repository root.
        lines: Changed line numbers per path; None means every line (untracked).
        file_level: The codes of file-level rules, kept anywhere in a changed file.

    Example:
        >>> c = Changes(Path("/r"), {"a.py": frozenset({2})}, frozenset({"CON101"}))
        >>> c.keeps(Violation("/r/a.py", 2, 1, "CON102", "r", "m"))
        True
    """

    root: Path
    lines: Mapping[str, frozenset[int] | None]
    file_level: frozenset[str]

    def keeps(self, violation: Violation) -> bool:
        """Whether a violation is on a changed line (or file-level in a changed file).

        A violation at a ``def``/``class`` line is kept when any line of that
        definition changed: a function grows from its body, not its signature.
        The runner gives its violations their ``end_line``; only others make
        the file be read again.
        """
        key = self._key(violation.path)
        if key not in self.lines:
            return False
        lines = self.lines[key]
        if (
            lines is None
            or violation.code in self.file_level
            or violation.line in lines
        ):
            return True
        end = violation.end_line or _definition_end(violation.path, violation.line)
        return any(violation.line <= line <= end for line in lines)

    def paths(self) -> list[str]:
        """The changed Python files that exist, relative to the current folder."""
        found = (self.root / key for key in sorted(self.lines) if key.endswith(".py"))
        return [os.path.relpath(path) for path in found if path.is_file()]

    def _key(self, path: str) -> str:
        try:
            return Path(path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return ""


def _definition_end(path: str, line: int) -> int:
    try:
        definitions = SourceFile(Path(path)).definitions
    except (SourceUnreadableError, SyntaxError, RecursionError, MemoryError):
        return line
    return max((d.end_line for d in definitions if d.line == line), default=line)


def changes_since(rev: str, known: Iterable[Rule]) -> Changes:
    """Read the changes since ``rev`` in the current repository.

    ``known`` is the registry: its file-level rules are kept anywhere in a changed file.

    Raises:
        GitError: Outside a repository, or for an unknown revision (exit 2).

    Example:
        >>> changes_since("HEAD", []).root.is_dir()
        True
    """
    file_level = frozenset(rule.code for rule in known if rule.file_level)
    return Changes(git.repository_root(), git_diff.changed_lines(rev), file_level)
