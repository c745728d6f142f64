"""CI reporters: SARIF 2.1.0 for code scanning, GitHub Actions workflow commands.

Like the text and JSON reporters they need nothing but violations and the registry,
which the caller passes in.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from constitution_hooks import __version__
from constitution_hooks.core.options import Section
from constitution_hooks.core.registry import Rule
from constitution_hooks.core.ruledoc import render_rule
from constitution_hooks.core.violation import Violation

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
    "sarif-schema-2.1.0.json"
)


def format_sarif(
    violations: Sequence[Violation], rules: Sequence[Rule], sections: Sequence[Section]
) -> str:
    """One SARIF 2.1.0 run: every rule with its help, every violation located.

    Args:
        violations: What to report.
        rules: The registry: every rule is described, a violation points at its own.
        sections: The config tables, for each rule's options in its help.

    Returns:
        The SARIF document.

    Example:
        >>> json.loads(format_sarif([], [], []))["runs"][0]["results"]
        []
    """
    codes = [rule.code for rule in rules]
    driver = {
        "name": "constitution-hooks",
        "version": __version__,
        "rules": [_rule(rule, sections) for rule in rules],
    }
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "results": [_result(v, codes) for v in sorted(violations)],
    }
    document = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json_text(document)


def json_text(document: object) -> str:
    """JSON text that is valid UTF-8 even when a file name is not.

    A name git or the disk gave as undecodable bytes holds lone surrogates; they
    are written as JSON ``\\udcXX`` escapes, which read back as the same string.

    Example:
        >>> json_text(["caf\\udce9.py", "é"])
        '[\\n  "caf\\\\udce9.py",\\n  "é"\\n]\\n'
    """
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _rule(rule: Rule, sections: Sequence[Section]) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why},
        "help": {
            "text": rule.hint or rule.summary,
            "markdown": render_rule(rule, sections),
        },
        "defaultConfiguration": {"level": "error"},
        "properties": {"hook": rule.hook, "constitution": rule.constitution},
    }


def _result(violation: Violation, codes: list[str]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": violation.code,
        "level": "error",
        "message": {"text": violation.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(violation.path)},
                    "region": {
                        "startLine": max(violation.line, 1),
                        "startColumn": max(violation.column, 1),
                    },
                }
            }
        ],
    }
    if violation.code in codes:
        result["ruleIndex"] = codes.index(violation.code)
    return result


def _uri(path: str) -> str:
    # Reason: a URI names bytes; a non-UTF-8 name is quoted as the bytes it was.
    quoted = quote(os.fsencode(Path(path).as_posix()))
    return f"file://{quoted}" if Path(path).is_absolute() else quoted


def format_github(violations: Sequence[Violation]) -> str:
    """One ``::error`` workflow command per violation, for GitHub Actions annotations.

    Example:
        >>> format_github([Violation("a.py", 3, 1, "CON102", "r", "too long")])
        '::error file=a.py,line=3,col=1,title=CON102::too long\\n'
    """
    return "".join(
        f"::error file={_property(v.path)},line={v.line},col={v.column},"
        f"title={_property(v.code)}::{_data(v.message)}\n"
        for v in sorted(violations)
    )


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
