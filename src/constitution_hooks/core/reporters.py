"""The only place that formats violations for output.

Every reporter takes the violations, the rule table and the config tables: the
caller passes the registry in (core never imports ``rules``); SARIF describes
every rule, the other formats need only the violations.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from constitution_hooks.core.violation import Violation

if TYPE_CHECKING:
    from constitution_hooks.core.options import Section
    from constitution_hooks.core.registry import Rule

Reporter = Callable[[Sequence[Violation], Sequence["Rule"], Sequence["Section"]], str]


def format_text(
    violations: Sequence[Violation], rules: Sequence[Rule], sections: Sequence[Section]
) -> str:
    """One ``path:line:col: CODE message`` line per violation.

    Example:
        >>> v = Violation("a.py", 1, 1, "CON101", "file-too-long", "long")
        >>> format_text([v], [], [])
        'a.py:1:1: CON101 long\\n'
    """
    return "".join(f"{v.location()}: {v.code} {v.message}\n" for v in violations)


def format_json(
    violations: Sequence[Violation], rules: Sequence[Rule], sections: Sequence[Section]
) -> str:
    """A JSON list of objects with path, line, column, code, rule and message.

    Example:
        >>> format_json([], [], [])
        '[]\\n'
    """
    import json

    records = [
        {
            "path": v.path,
            "line": v.line,
            "column": v.column,
            "code": v.code,
            "rule": v.rule,
            "message": v.message,
        }
        for v in sorted(violations)
    ]
    text = json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    # Reason: a non-UTF-8 file name (lone surrogates) is written as \udcXX
    # escapes, so the output stays valid UTF-8 and reads back as the same name.
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def format_sarif(
    violations: Sequence[Violation], rules: Sequence[Rule], sections: Sequence[Section]
) -> str:
    """SARIF 2.1.0 (imported only when asked for: it loads json and the registry).

    Example:
        >>> '"version": "2.1.0"' in format_sarif([], [], [])
        True
    """
    from constitution_hooks.core import ci_reporters

    return ci_reporters.format_sarif(violations, rules, sections)


def format_github(
    violations: Sequence[Violation], rules: Sequence[Rule], sections: Sequence[Section]
) -> str:
    """GitHub workflow-command annotations, one per violation.

    Example:
        >>> format_github([], [], [])
        ''
    """
    from constitution_hooks.core import ci_reporters

    return ci_reporters.format_github(violations)


REPORTERS: dict[str, Reporter] = {
    "text": format_text,
    "json": format_json,
    "sarif": format_sarif,
    "github": format_github,
}
