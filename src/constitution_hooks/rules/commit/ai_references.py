"""The AI-reference patterns of CON304 and the search over one line.

Each pattern names a tool or model only where the word is unambiguous ("Claude
Code", not "Claude"; "Cursor IDE", not a database cursor), or an attribution
trailer. Patterns are matched case-insensitively; users may replace the list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

# Reason: domains and bot names that only an AI tool uses as a co-author address;
# a human "Claude" with a human address, or dependabot[bot], must pass.
_VENDOR_DOMAINS = (
    r"anthropic\.com|openai\.com|cursor\.(?:com|sh)|aider\.chat|codeium\.com"
    r"|tabnine\.com|cognition\.ai|windsurf\.com"
)
_AI_BOTS = r"(?:copilot|claude|devin|codex|cursor|gemini|openai|sweep|coderabbit)"

DEFAULT_PATTERNS: tuple[str, ...] = (
    r"\bclaude[\s_.-]*code\b",
    r"\bclaude[\s_.-]*(?:\d|opus|sonnet|haiku|instant)",
    r"\b(?:github[\s_-]*)?copilot\b",
    r"\bchat[\s_-]?gpt\b",
    r"\bgpt-?\d+(?:\.\d+)?[a-z]*\b",
    r"\bcursor[\s_-]*(?:ai|ide|agent|composer|editor)\b|\bcursor\.(?:com|sh)\b",
    r"\bopenai[\s_-]*codex\b|\bcodex[\s_-]*cli\b",
    r"\bgemini[\s_-]*(?:cli|code[\s_-]*assist|\d|pro|flash|ultra)\b",
    r"\b(?:codeium|tabnine|codewhisperer|deepseek|mixtral)\b",
    r"\bamazon[\s_-]*q\b|\bdevin[\s_-]*ai\b|\baider[\s_.-]*chat\b|\broo[\s_-]*code\b",
    r"\bai[\s-]+(?:generated|assisted|written|authored)\b",
    r"\b(?:generated|written|authored|created|assisted|produced)\s+"
    r"(?:with|by|using|via)\s+(?:an?\s+)?(?:ai|llms?|language\s+models?)\b",
    r"\bgenerated\s+(?:with|by|using|via)\s+(?:claude|gemini|codex|cursor|devin)\b",
    r"🤖\s*generated",
    r"^\s*(?:made-with|generated-by|assisted-by|ai-assisted|co-developed-with):",
    r"^\s*co-authored-by:.*?(?P<hit>[\w.+-]*@(?:[\w-]+\.)*(?:" + _VENDOR_DOMAINS + r")"
    r"|" + _AI_BOTS + r"[\w-]*\[bot\])",
)


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
    except (re.error, OverflowError, RecursionError, MemoryError):
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
) -> list[tuple[int, str]]:
    """Find AI references in one line.

    Overlapping matches merge into one span, so "Generated with Claude Code" is
    one reference. A line matching an ``allow`` pattern is not searched.

    Args:
        line: One line of the cleaned message.
        patterns: The compiled reference patterns.
        allow: Compiled patterns of lines the team accepts.

    Returns:
        ``(column, matched text)`` pairs, columns 1-based, left to right.

    Example:
        >>> find_ai_references("use Copilot", compile_patterns(DEFAULT_PATTERNS))
        [(5, 'Copilot')]
    """
    if any(pattern.search(line) for pattern in allow):
        return []
    spans = sorted(_spans(line, patterns))
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start + 1, line[start:end]) for start, end in merged]


def _spans(line: str, patterns: Sequence[re.Pattern[str]]) -> Iterable[tuple[int, int]]:
    for pattern in patterns:
        for match in pattern.finditer(line):
            group = "hit" if "hit" in pattern.groupindex else 0
            if match.end(group) > match.start(group):
                yield match.start(group), match.end(group)
