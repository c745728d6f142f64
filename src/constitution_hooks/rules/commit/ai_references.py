"""The AI references of CON304 on one line: the catalogue, phrases, user patterns.

The catalogue (``ai_catalogue``, ``ai_models``, matched by ``ai_match``) names
tools, bots, vendors, models and gateways, and reads trailers and stamps; the
patterns here are generic phrases ("AI-generated"), matched case-insensitively.
``ai-builtin-patterns = false`` turns both off and leaves ``ai-patterns``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

# Reason: generic phrases only; names, trailers and stamps come from the catalogue
# (ai_catalogue, ai_models) through ai_match. Each is linear: no nested repeats.
DEFAULT_PATTERNS: tuple[str, ...] = (
    # Reason: "AI-generated pull requests" or "an AI-assisted contribution policy"
    # is about AI, not a credit; bounded repeats keep the lookahead linear.
    r"\bai[\s-]+(?:generated|assisted|written|authored)\b(?![\s-]{1,3}(?:(?:code|"
    r"contributions?)[\s-]{1,3})?(?:pull[\s-]{1,3}requests?|prs?|polic(?:y|ies)"
    r"|guidelines?)\b)",
    r"\b(?:generated|written|authored|created|assisted|produced)\s+"
    r"(?:with|by|using|via)\s+(?:an?\s+)?(?:ai|llms?|language\s+models?)\b",
    r"🤖\s*generated",
)
_BUILTIN = frozenset(DEFAULT_PATTERNS)
_PATTERN_KINDS = frozenset(("AI phrase", "ai-patterns match"))


class Reference(NamedTuple):
    """One AI reference found on a line.

    Attributes:
        column: 1-based column where it starts.
        text: The text that matched.
        kind: What it is ("AI co-author trailer", "AI model", ...).
        name: The catalogue name ("OpenHands"), or the text for a pattern.

    Example:
        >>> Reference(1, "aider:", "AI subject prefix", "Aider").kind
        'AI subject prefix'
    """

    column: int
    text: str
    kind: str
    name: str


def valid_patterns(value: object) -> bool:
    """Return whether ``value`` is a list of regular expressions that compile.

    Example:
        >>> valid_patterns([r"\\bcopilot\\b"]), valid_patterns(["("])
        (True, False)
    """
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return False
    try:
        compile_patterns(tuple(value))
    # Reason: a{4294967296} overflows and deep groups recurse, rather than re.error.
    except (re.error, OverflowError, RecursionError, MemoryError, ValueError):
        return False
    return True


@lru_cache(maxsize=8)
def _compile(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def compile_patterns(patterns: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    """Compile patterns case-insensitively (cached per list).

    Raises:
        re.error: If a pattern is not a valid regular expression.

    Example:
        >>> compile_patterns(["copilot"])[0].flags & re.IGNORECASE != 0
        True
    """
    return _compile(tuple(patterns))


def find_ai_references(
    line: str,
    patterns: Sequence[re.Pattern[str]],
    allow: Sequence[re.Pattern[str]] = (),
    *,
    catalogue: bool = True,
    first: bool = False,
) -> list[Reference]:
    """Find AI references in one line: the catalogue's, then the patterns'.

    Overlapping matches merge into one reference that keeps the first one's kind,
    so "🤖 Generated with Claude Code" is one stamp. A line matching an ``allow``
    pattern is not searched.

    Args:
        line: One line of the cleaned message.
        patterns: The compiled reference patterns (built-in phrases and
            ``ai-patterns``).
        allow: Compiled patterns of lines the team accepts.
        catalogue: Whether to look for the catalogue's tools, models, trailers
            and stamps (``ai-builtin-patterns``).
        first: Whether this is the first line (subject prefixes count there).

    Returns:
        The references, left to right, columns 1-based.

    Example:
        >>> found = find_ai_references("use Copilot", compile_patterns(()))
        >>> [(r.column, r.text, r.kind, r.name) for r in found]
        [(5, 'Copilot', 'AI tool', 'GitHub Copilot')]
    """
    if any(pattern.search(line) for pattern in allow):
        return []
    from constitution_hooks.rules.commit.ai_lines import find_references

    found = find_references(line, first) if catalogue else []
    found.extend(_pattern_hits(line, patterns))
    return _merged(line, found)


def _merged(line: str, found: list[Reference]) -> list[Reference]:
    merged: list[Reference] = []
    for reference in sorted(found):
        if merged and reference.column < merged[-1].column + len(merged[-1].text):
            last = merged[-1]
            end = max(
                last.column + len(last.text), reference.column + len(reference.text)
            )
            # Reason: a catalogue kind ("AI stamp: Claude Code") says more than a
            # phrase pattern that overlaps it.
            if last.kind in _PATTERN_KINDS and reference.kind not in _PATTERN_KINDS:
                last = last._replace(kind=reference.kind, name=reference.name)
            merged[-1] = last._replace(text=line[last.column - 1 : end - 1])
        else:
            merged.append(reference)
    return merged


def _pattern_hits(
    line: str, patterns: Sequence[re.Pattern[str]]
) -> Iterable[Reference]:
    for pattern in patterns:
        kind = "AI phrase" if pattern.pattern in _BUILTIN else "ai-patterns match"
        for match in pattern.finditer(line):
            group = "hit" if "hit" in pattern.groupindex else 0
            if match.end(group) > match.start(group):
                text = match.group(group)
                yield Reference(match.start(group) + 1, text, kind, text)
