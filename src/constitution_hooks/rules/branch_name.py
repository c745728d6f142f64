"""CON311 branch-name-format: the constitution's branch strategy."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator, Sequence

from constitution_hooks.core.config import Settings
from constitution_hooks.core.options import Section, string_list
from constitution_hooks.core.registry import Rule
from constitution_hooks.core.violation import Finding

PATTERNS = ("main", "develop", "feature/*", "fix/*", "docs/*", "refactor/*")
SECTION = Section(
    "branch-name",
    (
        string_list(
            "patterns",
            PATTERNS,
            "allowed branch names; globs, '*' matches any characters (even '/')",
        ),
    ),
)
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
    patterns = settings.strings("patterns")
    if any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns):
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
        if prefix and any(fnmatch.fnmatchcase(candidate, p) for p in patterns):
            return candidate
    return ""


def _split_prefix(name: str) -> tuple[str, str]:
    parts = _SPLIT.split(name, maxsplit=1)
    if len(parts) < 2 or not parts[1]:
        return name.lower(), name
    return parts[0].lower(), parts[1]


RULES = (
    Rule(
        code="CON311",
        example_language="text",
        id="branch-name-format",
        hook="branch-name",
        section=SECTION.name,
        summary=(
            "a branch outside `main`, `develop`, `feature/<name>`, `fix/<issue>`,"
            " `docs/<topic>`, `refactor/<area>` (a detached HEAD and a fresh"
            " repository's unborn branch pass)"
        ),
        constitution=(
            "`main` - Stable, deployable code. `develop` - Integration branch for"
            " features. `feature/<name>` - New features. `fix/<issue>` - Bug fixes."
            " `docs/<topic>` - Documentation updates. `refactor/<area>` - Code"
            " refactoring."
        ),
        why=(
            "Branch names that say what kind of work they hold make the branch list,"
            " CI rules and release notes predictable. Checked at commit and at push,"
            " so a wrongly named branch is caught before anyone else sees it."
        ),
        example="git switch -c login-page\n",
        fix="git switch -c feature/login-page\n",
        default="main, develop, feature/*, fix/*, docs/*, refactor/*",
        hint="rename with `git branch -m OLD NEW`; or add a pattern to `patterns`",
    ),
)
