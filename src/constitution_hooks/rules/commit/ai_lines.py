"""CON304's reading of one line: subject prefixes, trailers, stamps, then names.

Structure comes first: a ``*-by`` trailer is judged by its identity (a person
named Claude passes, ``Claude <noreply@anthropic.com>`` does not), a stamp line by
the tool it names; only then are the words of the line matched (``ai_match``).
Every scan is linear in the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from constitution_hooks.rules.commit.ai_match import (
    FILLERS,
    Word,
    catalogue_index,
    might_name,
    name_matches,
    versioned,
    with_version,
    words_of,
)
from constitution_hooks.rules.commit.ai_references import Reference

_SCOPE = re.compile(r"[^\s():!]{1,40}\(([^()]{1,60})\)!?:")
_TRAILER = re.compile(r"[ \t]*([A-Za-z][A-Za-z0-9-]{0,60})[ \t]*:[ \t]*(.*)")
_STAMP_VERBS = frozenset(
    [
        "generated",
        "created",
        "made",
        "written",
        "built",
        "coded",
        "authored",
        "assisted",
        "powered",
        "drafted",
        "produced",
        "crafted",
        "developed",
    ]
)
_STAMP_LINKS = frozenset(["with", "by", "using", "via", "in", "from", "thanks"])
ATTRIBUTION_KEYS = frozenset(
    [
        "made-with",
        "generated-by",
        "generated-with",
        "assisted-by",
        "ai-assisted",
        "ai-generated",
        "co-developed-with",
    ]
)
# Reason: dependency, CI and release robots are never AI, even when a project's
# release robot is named after its AI product ("gemini-cli-robot").
_NOT_AI = re.compile(
    r"dependabot|renovate|release-please|pre-commit-ci|github-actions|mergify|snyk"
    r"|imgbot|allcontributors|greenkeeper|pyup|semantic-release|changeset|robot"
    r"|release|web-flow|action@github\.com",
    re.IGNORECASE,
)
_AGENT_WORDS = frozenset(("assistant", "agent", "subagent", "bot", "coder", "helper"))
_NOREPLY = "users.noreply.github.com"


def find_references(line: str, first: bool = False) -> list[Reference]:
    """Find the catalogue's AI references on one line.

    Args:
        line: One line of the message.
        first: Whether it is the first line (subject prefixes are looked for).

    Returns:
        The references, left to right (a trailer gives at most one).

    Example:
        >>> [r.kind for r in find_references("aider: fix the parser", first=True)]
        ['AI subject prefix']
    """
    prefix = _prefix(line) if first else None
    if prefix is not None:
        return [prefix]
    trailer = _TRAILER.match(line)
    if trailer is not None:
        found = _trailer(line, trailer)
        if found is not None:
            return found
    scope = _SCOPE.match(line) if first else None
    # Reason: most lines name nothing; one cheap scan spares the full matching.
    if scope is None and "@" not in line and not might_name(line):
        return []
    words = words_of(line)
    stamp = _stamp(line, words)
    if stamp is not None:
        return [stamp]
    hidden = _address_spans(line)
    references = list(_addresses(line, hidden))
    if scope is not None:
        references.extend(_scope(line, scope))
    inside = _hidden_words(words, hidden)
    for i, end, spelling in name_matches(line, words):
        if i in inside:
            continue
        end = with_version(line, words, end)
        text = line[words[i].start : words[end - 1].end]
        entry = spelling.entry
        references.append(Reference(words[i].start + 1, text, entry.kind, entry.name))
    return sorted(references)


def _prefix(line: str) -> Reference | None:
    """A tool's own first-line prefix: ``aider: ``, ``🤖 Plandex``."""
    lowered = line.lstrip().lower()
    for prefix, entry in catalogue_index().prefixes:
        if lowered.startswith(prefix):
            column = len(line) - len(line.lstrip()) + 1
            text = line.strip()[: len(prefix)]
            return Reference(column, text, "AI subject prefix", entry.name)
    return None


def _hidden_words(words: list[Word], spans: list[tuple[int, int]]) -> set[int]:
    """Indices of the words inside e-mail addresses (both lists are sorted)."""
    inside: set[int] = set()
    k = 0
    for i, word in enumerate(words):
        while k < len(spans) and spans[k][1] <= word.start:
            k += 1
        if k < len(spans) and spans[k][0] <= word.start:
            inside.add(i)
    return inside


def _scope(line: str, scope: re.Match[str]) -> Iterator[Reference]:
    """A conventional scope that is a catalogue name: ``fix(copilot): ...``."""
    text = scope.group(1)
    words = words_of(text)
    for i, end, spelling in name_matches(text, words, loose=True):
        if i == 0 and end == len(words) and spelling.mode not in ("%", "#"):
            entry = spelling.entry
            yield Reference(scope.start(1) + 1, text, entry.kind, entry.name)
        return


def _trailer(line: str, match: re.Match[str]) -> list[Reference] | None:
    """Judge a ``Key: value`` line; None when it is no trailer of interest."""
    key, value = match.group(1), match.group(2)
    lower = key.lower()
    column = match.start(1) + 1
    text = line[match.start(1) :].rstrip()
    if lower in ATTRIBUTION_KEYS:
        value_words = words_of(value)
        named = next(name_matches(value, value_words, loose=True), None)
        name = named[2].entry.name if named else value.strip() or key
        return [Reference(column, text, "AI attribution trailer", name)]
    if lower.endswith("-by"):
        who = identity(value)
        if who is None:
            return []
        kind = (
            "AI co-author trailer" if lower == "co-authored-by" else f"AI {key} trailer"
        )
        return [Reference(column, text, kind, who)]
    key_words = words_of(key)
    named = next(name_matches(key, key_words, loose=True), None)
    if "-" in key and named is not None and named[0] == 0:
        return [Reference(column, text, "AI attribution trailer", named[2].entry.name)]
    return None


def identity(value: str) -> str | None:
    """Return the AI a trailer's ``Name <address>`` stands for, or None.

    Exact catalogue addresses and GitHub App logins come first; then dependency,
    CI and release robots are ruled out; then the name is read: a catalogue name
    at its start, with a version, or written in full. A person named Claude, or
    an engineer at an AI vendor, is no AI.

    Example:
        >>> identity("openhands <openhands@all-hands.dev>")
        'OpenHands'
        >>> identity("Claude Martin <claude.martin@example.org>") is None
        True
    """
    name, address = _parse_identity(value)
    index = catalogue_index()
    if address in index.addresses:
        return index.addresses[address].name
    login = _login(name, address)
    if login in index.logins:
        return index.logins[login].name
    if _NOT_AI.search(name) or _NOT_AI.search(address):
        return None
    words = words_of(name)
    for i, end, spelling in name_matches(name, words, loose=True):
        multiword = len(spelling.words) > 1
        leading = i == 0 and spelling.mode not in ("~", "#")
        if multiword or leading or versioned(name, words, end):
            return spelling.entry.name
    if (
        login
        and "[bot]" in (name + address).lower()
        and "ai" in re.split(r"[-_.]", login)
    ):
        return f"{login}[bot]"
    lowered = {word.lower for word in words}
    # Reason: a generic "AI Assistant <assistant@example.com>" names no product.
    if "ai" in lowered and lowered & _AGENT_WORDS:
        return name
    return None


def _parse_identity(value: str) -> tuple[str, str]:
    opening = value.rfind("<")
    closing = value.find(">", opening)
    if opening < 0 or closing < 0:
        return value.strip(), ""
    return value[:opening].strip(), value[opening + 1 : closing].strip().lower()


def _login(name: str, address: str) -> str:
    """The GitHub login of a ``[bot]`` name or a users.noreply address."""
    local, _, domain = address.partition("@")
    if domain == _NOREPLY:
        login = local.partition("+")[2] or local
    elif name.lower().endswith("[bot]"):
        login = name
    else:
        return ""
    login = login.lower()
    return login[: -len("[bot]")] if login.endswith("[bot]") else login


def _stamp(line: str, words: list[Word]) -> Reference | None:
    """A stamp line: "🤖 Generated with [Claude Code](...)", "Generated by X"."""
    if len(words) < 3 or any(c.isalnum() for c in line[: words[0].start]):
        return None
    if words[0].lower not in _STAMP_VERBS or words[1].lower not in _STAMP_LINKS:
        return None
    start = 3 if words[2].lower in FILLERS or words[2].lower == "to" else 2
    for i, end, spelling in name_matches(line, words, loose=True, start=start):
        if i != start:
            return None
        text = line[words[0].start : words[end - 1].end]
        return Reference(words[0].start + 1, text, "AI stamp", spelling.entry.name)
    return None


def _address_spans(line: str) -> list[tuple[int, int]]:
    """Spans of e-mail addresses, found from each ``@`` outwards (linear)."""
    spans: list[tuple[int, int]] = []
    at = line.find("@")
    while at >= 0:
        left = at
        while left > 0 and (line[left - 1].isalnum() or line[left - 1] in "._%+-"):
            left -= 1
        right = at + 1
        while right < len(line) and (line[right].isalnum() or line[right] in ".-"):
            right += 1
        if left < at and "." in line[at + 1 : right]:
            spans.append((left, right))
        at = line.find("@", max(right, at + 1))
    return spans


def _addresses(line: str, spans: list[tuple[int, int]]) -> Iterator[Reference]:
    index = catalogue_index()
    for left, right in spans:
        address = line[left:right].lower().rstrip(".")
        entry = index.addresses.get(address)
        login = _login("", address)
        if entry is None and login:
            entry = index.logins.get(login)
        if entry is not None:
            yield Reference(left + 1, line[left:right], "AI address", entry.name)
