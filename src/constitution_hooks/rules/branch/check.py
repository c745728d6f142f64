"""CON311's check: a branch name against the allowed patterns, with a suggestion."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from constitution_hooks.core.config import Settings
from constitution_hooks.core.patterns import matches_any
from constitution_hooks.core.violation import Finding


class BranchSettings(NamedTuple):
    """The ``branch-name`` table, typed.

    Example:
        >>> Settings({"patterns": ["main"]}).record(BranchSettings).patterns
        ('main',)
    """

    patterns: tuple[str, ...]


# Reason: common spellings of the six kinds, mapped to the constitution's prefix.
_PREFIXES = {
    "feature": "feature feat feats features ft",
    "fix": "fix fixes bugfix bugfixes hotfix hotfixes bug bugs",
    "docs": "docs doc documentation",
    "refactor": "refactor refactoring refactors",
}
_SPLIT = re.compile(r"[/_-]")


def check_branch(name: str, settings: Settings) -> Iterator[Finding]:
    """Flag a branch name that matches none of ``patterns`` (case-sensitive).

    Args:
        name: The branch name, without ``refs/heads/``.
        settings: The ``branch-name`` table.

    Yields:
        At most one finding, naming the allowed patterns and a rename command.

    Example:
        >>> s = Settings({"patterns": ["main", "feature/*"]})
        >>> [f.message[:26] for f in check_branch("feat/x", s)]
        ['branch "feat/x" matches no']
    """
    patterns = tuple(settings.record(BranchSettings).patterns)
    if matches_any(name, patterns):
        return
    fix = "rename it"
    candidate = suggest_branch(name, patterns)
    if candidate:
        fix = f"rename it: git branch -m {name} {candidate}"
    yield Finding(
        1,
        1,
        f'branch "{name}" matches no allowed pattern ({", ".join(patterns)}); {fix}',
    )


def suggest_branch(name: str, patterns: Sequence[str]) -> str:
    """Suggest an allowed name built from ``name``, or ``""`` when none fits.

    Example:
        >>> suggest_branch("bugfix/12", ["fix/*"])
        'fix/12'
    """
    head, rest = _split_prefix(name)
    kind = next((k for k, words in _PREFIXES.items() if head in words.split()), "")
    if not kind:
        rest = name
    for prefix in (kind, "feature"):
        candidate = f"{prefix}/{rest}"
        if prefix and matches_any(candidate, patterns):
            return candidate
    return ""


def _split_prefix(name: str) -> tuple[str, str]:
    parts = _SPLIT.split(name, maxsplit=1)
    if len(parts) < 2 or not parts[1]:
        return name.lower(), name
    return parts[0].lower(), parts[1]
