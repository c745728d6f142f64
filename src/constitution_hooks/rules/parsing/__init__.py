"""CON001-CON003: files that do not parse or cannot be read, and crashed rules.

The runner reports these itself, for every file hook, instead of a traceback.
"""

from __future__ import annotations

from constitution_hooks.core.registry import Rule

SYNTAX_ERROR = Rule(
    code="CON001",
    id="syntax-error",
    hook="constitution",
    section="",
    summary="a Python file that does not parse",
    constitution="All code must pass: `black .`, `ruff check .`, `mypy .`.",
    why=(
        "No other rule can judge a file Python cannot parse; the error is reported with"
        " Python's own message and line so the run goes on for the other files."
    ),
    example="def broken(:\n    pass\n",
    fix="def fixed() -> None:\n    pass\n",
    default="always on",
    hint="fix the syntax error Python reports at this line and column",
)
UNREADABLE_FILE = Rule(
    code="CON002",
    id="unreadable-file",
    hook="constitution",
    section="",
    summary="a file Python itself cannot decode, or cannot read",
    constitution="Check for potential errors early and raise exceptions immediately.",
    why=(
        "Python decodes source with the PEP 263 coding cookie, a UTF-8 BOM, or UTF-8;"
        " bytes that do not decode that way (or a binary file) are not source."
    ),
    example="# a latin-1 file without a coding cookie\nname = 'caf\\xe9'\n",
    fix="# -*- coding: latin-1 -*-\nname = 'caf\\xe9'\n",
    default="always on",
    hint=(
        "save the file as UTF-8, or declare its encoding with a PEP 263 coding"
        " cookie on line 1 or 2; exclude binary files"
    ),
    file_level=True,
)
INTERNAL_ERROR = Rule(
    code="CON003",
    id="internal-error",
    hook="constitution",
    section="",
    summary="a rule crashed on this file (a bug in the tool, not in the file)",
    constitution=(
        "Check for potential errors early and raise exceptions immediately when"
        " issues occur."
    ),
    why=(
        "A rule that crashes must not end the run silently or hide the other rules'"
        " findings: the crash is reported at the file it happened on, naming the"
        " rule and the exception, and every other rule and file is still checked."
        " The finding blocks the commit, so a bug never lets a file through unjudged."
    ),
    example="# any file on which a rule raises an unexpected exception\n",
    fix="# upgrade the hook, or report the message; ignore the rule meanwhile\n",
    default="always on",
    hint=(
        "report it with the file that triggers it; meanwhile `--ignore` the rule it"
        " names or waive it with a written reason"
    ),
    file_level=True,
)
RULES = (SYNTAX_ERROR, UNREADABLE_FILE, INTERNAL_ERROR)
