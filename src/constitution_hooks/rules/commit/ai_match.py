"""The catalogue matcher of CON304: structure first (trailers, stamps), words second.

A line is split into words once (a linear scan); names are looked up in an index
built from the catalogue on first use and kept for the process. Nothing here
backtracks over user text, so a 100,000-character line costs milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from constitution_hooks.rules.commit.ai_references import Reference

if TYPE_CHECKING:
    from constitution_hooks.rules.commit.ai_catalogue import Entry

# Reason: one character class, no nesting: finditer is linear in the line.
_WORD = re.compile(r"[^\W_]+")
_ATTACHED = re.compile(r"([a-z]+)(\d[a-z0-9]*)")
_TRAILER = re.compile(r"[ \t]*([A-Za-z][A-Za-z0-9-]{0,60})[ \t]*:[ \t]*(.*)")
_VERSION = re.compile(r"v?\d|[a-z]\d")
_JOINERS = frozenset(" \t-._/")
_TIERS = frozenset(
    "opus sonnet haiku instant pro flash ultra nano mini turbo lite max plus"
    " preview exp coder instruct vision large medium small reasoner thinking oss".split()
)
_USE_VERBS = frozenset(
    "with using via by asked ask asking used use uses prompted prompting told"
    " generated written created made authored assisted drafted produced"
    " coded built suggested".split()
)
_STAMP_VERBS = frozenset(
    "generated created made written built coded authored assisted powered drafted"
    " produced crafted developed".split()
)
_STAMP_LINKS = frozenset("with by using via in from thanks".split())
_FILLERS = frozenset(("the", "a", "an"))
# Reason: "the Gemini protocol" is a small-web protocol, not the model.
_NOT_BEFORE = {
    "gemini": frozenset(
        "protocol capsule capsules space server client browser url urls scheme"
        " link links page pages gemtext".split()
    )
}
ATTRIBUTION_KEYS = frozenset(
    "made-with generated-by generated-with assisted-by ai-assisted ai-generated"
    " co-developed-with".split()
)
# Reason: dependency, CI and release robots are never AI, even when a project's
# release robot is named after its AI product ("gemini-cli-robot").
_NOT_AI = re.compile(
    r"dependabot|renovate|release-please|pre-commit-ci|github-actions|mergify|snyk"
    r"|imgbot|allcontributors|greenkeeper|pyup|semantic-release|changeset|robot"
    r"|release|web-flow|action@github\.com",
    re.IGNORECASE,
)
_NOREPLY = "users.noreply.github.com"


class _Word(NamedTuple):
    start: int
    end: int
    lower: str
    text: str


class _Spelling(NamedTuple):
    words: tuple[str, ...]
    mode: str
    entry: Entry


class _Index(NamedTuple):
    first: dict[str, list[_Spelling]]
    addresses: dict[str, Entry]
    logins: dict[str, Entry]
    prefixes: tuple[tuple[str, Entry], ...]


@lru_cache(maxsize=1)
def _index() -> _Index:
    # Reason: the catalogue is imported here, on first use, never at start-up.
    from constitution_hooks.rules.commit.ai_catalogue import TOOLS
    from constitution_hooks.rules.commit.ai_models import GATEWAYS, MODELS, VENDORS

    index = _Index({}, {}, {}, ())
    prefixes: list[tuple[str, Entry]] = []
    for entry in (*TOOLS, *VENDORS, *MODELS, *GATEWAYS):
        for spelling in entry.spellings:
            mode = spelling[0] if spelling[0] in "~^%#" else ""
            words = tuple(w.lower() for w in _WORD.findall(spelling))
            index.first.setdefault(words[0], []).append(_Spelling(words, mode, entry))
        index.addresses.update((a, entry) for a in entry.addresses)
        index.logins.update((login, entry) for login in entry.logins)
        prefixes.extend((p, entry) for p in entry.prefixes)
    for candidates in index.first.values():
        candidates.sort(key=lambda s: -len(s.words))
    return index._replace(prefixes=tuple(prefixes))


def words_of(line: str) -> list[_Word]:
    """Split a line into words (letters and digits), in one linear scan.

    Example:
        >>> [w.lower for w in words_of("Claude-3.5 Sonnet")]
        ['claude', '3', '5', 'sonnet']
    """
    return [_Word(m.start(), m.end(), m.group().lower(), m.group()) for m in _WORD.finditer(line)]


def _joined(line: str, left: _Word, right: _Word) -> bool:
    gap = line[left.end : right.start]
    return len(gap) <= 2 and all(c in _JOINERS for c in gap)


def _spelled(line: str, words: list[_Word], i: int, spelling: _Spelling) -> int:
    """Return the index after the spelling's words at ``i``, or 0."""
    end = i + len(spelling.words)
    if end > len(words):
        return 0
    for k, expected in enumerate(spelling.words):
        if words[i + k].lower != expected:
            return 0
        if k and not _joined(line, words[i + k - 1], words[i + k]):
            return 0
    return end


def _versioned(line: str, words: list[_Word], end: int) -> bool:
    if end >= len(words) or not _joined_loose(line, words[end - 1], words[end]):
        return False
    nxt = words[end]
    if _VERSION.match(nxt.lower) or nxt.lower in _TIERS:
        return True
    after = end + 1
    return (
        after < len(words)
        and nxt.text[:1].isupper()
        and _joined_loose(line, nxt, words[after])
        and words[after].lower[:1].isdigit()
    )


def _with_version(line: str, words: list[_Word], end: int) -> int:
    """Extend a name's span over the version words after it ("GPT-4o mini")."""
    for _ in range(4):
        if end >= len(words) or not _joined_loose(line, words[end - 1], words[end]):
            break
        if not (_VERSION.match(words[end].lower) or words[end].lower in _TIERS):
            break
        end += 1
    return end


def _joined_loose(line: str, left: _Word, right: _Word) -> bool:
    gap = line[left.end : right.start]
    return len(gap) <= 2 and all(c in " \t-._/(:" for c in gap)


def _used_before(line: str, words: list[_Word], i: int) -> bool:
    k = i - 1
    if k >= 0 and words[k].lower in _FILLERS:
        k -= 1
    return k >= 0 and words[k].lower in _USE_VERBS and not line[words[k].end : words[k + 1].start].strip()


def _mid_sentence(line: str, words: list[_Word], i: int) -> bool:
    if i == 0:
        return False
    gap = line[words[i - 1].end : words[i].start]
    return not any(c in ".!?:;" for c in gap) and bool(line[: words[i].start].strip())


def _counts(line: str, words: list[_Word], i: int, end: int, mode: str) -> bool:
    word = words[i]
    capital = word.text[:1].isupper() and not word.text.isupper()
    if end < len(words) and words[end].lower in _NOT_BEFORE.get(word.lower, ()):
        return False
    version = _versioned(line, words, end)
    if mode == "":
        return True
    if mode == "#":
        return version
    if mode == "~":
        return version or (capital and _used_before(line, words, i))
    if not capital:
        return False
    if mode == "^":
        return version or _used_before(line, words, i) or _mid_sentence(line, words, i)
    return version or _used_before(line, words, i)


def _candidates(word: _Word) -> Iterator[tuple[_Spelling, bool]]:
    index = _index()
    for spelling in index.first.get(word.lower, ()):
        yield spelling, False
    attached = _ATTACHED.fullmatch(word.lower)
    if attached:
        for spelling in index.first.get(attached.group(1), ()):
            if len(spelling.words) == 1:
                yield spelling, True


def name_matches(
    line: str, words: list[_Word], *, loose: bool = False, start: int = 0
) -> Iterator[tuple[int, int, _Spelling]]:
    """Yield ``(first, end, spelling)`` word spans naming a catalogue entry.

    Args:
        line: The text the words come from.
        words: ``words_of(line)``.
        loose: Count every spelling, whatever its mark (stamps, trailer keys).
        start: The first word to look at.

    Example:
        >>> line = "Support Qwen3 and Kimi K2 models"
        >>> [s.entry.name for _, _, s in name_matches(line, words_of(line))]
        ['Qwen', 'Kimi']
    """
    i = start
    while i < len(words):
        found = _first_match(line, words, i, loose)
        if found is None:
            i += 1
            continue
        yield i, found[0], found[1]
        i = found[0]


def _first_match(
    line: str, words: list[_Word], i: int, loose: bool
) -> tuple[int, _Spelling] | None:
    for spelling, attached in _candidates(words[i]):
        end = i + 1 if attached else _spelled(line, words, i, spelling)
        if not end:
            continue
        # Reason: a version written onto the name ("qwen3", "gpt4o") is context.
        if loose or (attached and spelling.mode != "%"):
            return end, spelling
        if _counts(line, words, i, end, spelling.mode):
            return end, spelling
    return None


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
    if first:
        lowered = line.lstrip().lower()
        for prefix, entry in _index().prefixes:
            if lowered.startswith(prefix):
                column = len(line) - len(line.lstrip()) + 1
                return [Reference(column, line.strip()[: len(prefix)], "AI subject prefix", entry.name)]
    trailer = _TRAILER.match(line)
    if trailer is not None:
        found = _trailer(line, trailer)
        if found is not None:
            return found
    words = words_of(line)
    stamp = _stamp(line, words)
    if stamp is not None:
        return [stamp]
    hidden = _address_spans(line)
    references = [r for r in _addresses(line, hidden)]
    for i, end, spelling in name_matches(line, words):
        if any(a <= words[i].start < b for a, b in hidden):
            continue
        end = _with_version(line, words, end)
        text = line[words[i].start : words[end - 1].end]
        entry = spelling.entry
        references.append(Reference(words[i].start + 1, text, entry.kind, entry.name))
    return sorted(references)


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
        kind = "AI co-author trailer" if lower == "co-authored-by" else f"AI {key} trailer"
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
    index = _index()
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
        leading = i == 0 and spelling.mode not in "~#"
        if multiword or leading or _versioned(name, words, end):
            return spelling.entry.name
    if login and "[bot]" in (name + address).lower() and "ai" in re.split(r"[-_.]", login):
        return f"{login}[bot]"
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


def _stamp(line: str, words: list[_Word]) -> Reference | None:
    """A stamp line: "🤖 Generated with [Claude Code](...)", "💘 Generated with Crush"."""
    if len(words) < 3 or any(c.isalnum() for c in line[: words[0].start]):
        return None
    if words[0].lower not in _STAMP_VERBS or words[1].lower not in _STAMP_LINKS:
        return None
    start = 3 if words[2].lower in _FILLERS or words[2].lower == "to" else 2
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
    index = _index()
    for left, right in spans:
        address = line[left:right].lower().rstrip(".")
        entry = index.addresses.get(address)
        login = _login("", address)
        if entry is None and login:
            entry = index.logins.get(login)
        if entry is not None:
            yield Reference(left + 1, line[left:right], "AI address", entry.name)
