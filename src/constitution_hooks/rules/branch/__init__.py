"""CON311 branch-name-format: the branch strategy (data; the check is in ``check``)."""

from __future__ import annotations

from constitution_hooks.core.options import Section, string_list
from constitution_hooks.core.registry import Rule

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
RULES: tuple[Rule, ...] = (
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
