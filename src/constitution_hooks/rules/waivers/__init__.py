"""CON010-CON012: "Violations require written justification in code comments".

The runner reports CON010 and CON011 itself, for every file hook, after applying the
waivers. CON012 judges other tools' suppressions (``# noqa``, ``# type: ignore``,
...); its check lives in ``suppressions`` and is imported on first use, so a hook
that only reads this registry never imports the tokenizer.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from constitution_hooks.core.options import Option, Section, positive_int
from constitution_hooks.core.registry import Rule

if TYPE_CHECKING:
    from constitution_hooks.core.config import Settings
    from constitution_hooks.core.source import SourceFile
    from constitution_hooks.core.violation import Finding

KINDS = ("noqa", "type-ignore", "pyright-ignore", "nosec", "pragma", "fmt")


def _is_kinds(value: object) -> bool:
    return isinstance(value, list) and all(kind in KINDS for kind in value)


SECTION = Section(
    "suppressions",
    (
        positive_int(
            "min-reason-chars",
            10,
            "CON012: fewest characters a suppression's written reason may have",
        ),
        Option(
            "kinds",
            KINDS,
            "a list of: " + ", ".join(KINDS),
            _is_kinds,
            "CON012: the suppressions judged (pragma: no cover/no branch,"
            " fmt: off/skip)",
        ),
    ),
)


class SuppressionSettings(NamedTuple):
    """The ``suppressions`` table, typed.

    Example:
        >>> from constitution_hooks.core.config import Settings
        >>> Settings(SECTION.defaults()).record(SuppressionSettings).min_reason_chars
        10
    """

    min_reason_chars: int
    kinds: tuple[str, ...]


def _check_suppressions(source: SourceFile, settings: Settings) -> Iterator[Finding]:
    from constitution_hooks.rules.waivers.suppressions import check_suppressions

    return check_suppressions(source, settings)


WAIVER_WITHOUT_REASON = Rule(
    code="CON010",
    id="waiver-without-reason",
    hook="constitution",
    section="",
    summary=(
        "an inline waiver with no written justification, or one that names no rule;"
        " it waives nothing"
    ),
    constitution=(
        "Violations require written justification in code comments or commit"
        " messages."
    ),
    why=(
        "A waiver is an exception to the constitution; without its reason a reviewer"
        " cannot judge it and nobody knows when it may be removed. A waiver is"
        " `# constitution: ignore[CODE, rule-id] Reason: <why>` on the line a"
        " violation is reported at (or alone on the line above it), or"
        " `# constitution: ignore-file[CODE] Reason: <why>` before the first statement"
        " for file-level rules. This rule cannot itself be waived."
    ),
    example="def dispatch(event):  # constitution: ignore[CON102]\n    ...\n",
    fix=(
        "def dispatch(event):  # constitution: ignore[CON102] Reason: generated"
        " table\n    ...\n"
    ),
    default="always on",
    hint="write the reason after the rule list: ignore[CODE] Reason: <why>",
)
UNUSED_WAIVER = Rule(
    code="CON011",
    id="unused-waiver",
    hook="constitution",
    section="",
    summary=(
        "a waiver that suppresses nothing: stale, misplaced, or naming an unknown or"
        " unwaivable rule"
    ),
    constitution=(
        "Violations require written justification in code comments or commit"
        " messages."
    ),
    why=(
        "Waivers that outlive their violation pile up and hide the next real one."
        " A waiver counts as unused only for rules that ran on the file, so a hook"
        " that runs some rules never reports the waivers of the others. This rule"
        " cannot itself be waived."
    ),
    example="def short():  # constitution: ignore[CON102] Reason: was long once\n",
    fix="def short():\n",
    default="always on",
    hint="remove the stale waiver, or move it to the line the violation is reported at",
)
SUPPRESSION_WITHOUT_REASON = Rule(
    code="CON012",
    id="suppression-without-reason",
    hook="constitution",
    section=SECTION.name,
    summary=(
        "a `# noqa`, `# type: ignore`, `# pyright: ignore` or `# nosec` that names no"
        " codes, or any of those, `# pragma: no cover`/`no branch` and"
        " `# fmt: off`/`skip`, without a written reason"
    ),
    constitution=(
        "Violations require written justification in code comments or commit"
        " messages."
    ),
    why=(
        "A suppression is a violation another tool was told to accept; a blanket one"
        " hides every future problem on its line, and one without a reason cannot be"
        " judged in review. The reason follows `Reason:`, `--` or `because`, in the"
        " same comment (before or after the directive, or in a second `#` comment)"
        " or in the comment lines right above; it must be `min-reason-chars` long."
        " Comments are read with the tokenizer, so text in strings never counts."
        " Write it where the tool still honours the directive: mypy rejects text"
        " after `ignore[...]` and bandit reads words after `nosec` as test names, so"
        " those take `  # Reason: <why>` as a second comment."
    ),
    example=(
        "import yaml  # type: ignore\nassert user  # nosec\n"
        "if sys.platform == 'win32':  # pragma: no cover\n    ...\n"
    ),
    fix=(
        "import yaml  # type: ignore[import-untyped]  # Reason: no stubs for 5.x\n"
        "assert user  # nosec B101  # Reason: guarded by the router\n"
        "if sys.platform == 'win32':  # pragma: no cover -- CI runs Linux only\n"
        "    ...\n"
    ),
    default="on; reasons of 10+ characters",
    hint=(
        "name the codes and write the reason: '# noqa: E501 -- <why>', or a"
        " '# Reason: <why>' comment on the line above"
    ),
    check=_check_suppressions,
)
RULES = (WAIVER_WITHOUT_REASON, UNUSED_WAIVER, SUPPRESSION_WITHOUT_REASON)
