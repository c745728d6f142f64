"""CON010 and CON011: "Violations require written justification in code comments".

The runner reports these itself, for every file hook, after applying the waivers.
"""

from __future__ import annotations

from constitution_hooks.core.registry import Rule

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
RULES = (WAIVER_WITHOUT_REASON, UNUSED_WAIVER)
