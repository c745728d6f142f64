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

if TYPE_CHECKING:
    from constitution_hooks.rules.commit.ai_catalogue import Entry

# Reason: one character class, no nesting: finditer is linear in the line.
_WORD = re.compile(r"[^\W_]+")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+")
_ATTACHED = re.compile(r"([a-z]+)(\d[a-z0-9]*)")
_VERSION = re.compile(r"v?\d|[a-z]\d")
_JOINERS = frozenset(" \t-._/")
_TIERS = frozenset(
    [
        "opus",
        "sonnet",
        "haiku",
        "instant",
        "pro",
        "flash",
        "ultra",
        "nano",
        "mini",
        "turbo",
        "lite",
        "max",
        "plus",
        "preview",
        "exp",
        "coder",
        "instruct",
        "vision",
        "large",
        "medium",
        "small",
        "reasoner",
        "thinking",
        "oss",
    ]
)
_USE_VERBS = frozenset(
    [
        "with",
        "using",
        "via",
        "by",
        "asked",
        "ask",
        "asking",
        "used",
        "use",
        "uses",
        "prompted",
        "prompting",
        "told",
        "generated",
        "written",
        "created",
        "made",
        "authored",
        "assisted",
        "drafted",
        "produced",
        "coded",
        "built",
        "suggested",
    ]
)
FILLERS = frozenset(("the", "a", "an"))
# Reason: "the Gemini protocol" is a small-web protocol, not the model.
_NOT_BEFORE = {
    "gemini": frozenset(
        [
            "protocol",
            "capsule",
            "capsules",
            "space",
            "server",
            "client",
            "browser",
            "url",
            "urls",
            "scheme",
            "link",
            "links",
            "page",
            "pages",
            "gemtext",
        ]
    )
}


class Word(NamedTuple):
    start: int
    end: int
    lower: str
    text: str


class _Spelling(NamedTuple):
    words: tuple[str, ...]
    mode: str
    entry: Entry


class _Index(NamedTuple):
    single: dict[str, list[_Spelling]]
    pairs: dict[tuple[str, str], list[_Spelling]]
    starts: set[str]
    addresses: dict[str, Entry]
    logins: dict[str, Entry]
    prefixes: tuple[tuple[str, Entry], ...]


@lru_cache(maxsize=1)
def catalogue_index() -> _Index:
    from constitution_hooks.rules.commit.ai_catalogue import TOOLS
    from constitution_hooks.rules.commit.ai_models import GATEWAYS, MODELS, VENDORS

    index = _Index({}, {}, set(), {}, {}, ())
    prefixes: list[tuple[str, Entry]] = []
    for entry in (*TOOLS, *VENDORS, *MODELS, *GATEWAYS):
        for spelling in entry.spellings:
            mode = spelling[0] if spelling[0] in "~!^%#" else ""
            words = tuple(w.lower() for w in _WORD.findall(spelling))
            # Reason: keyed by the first two words, a word costs one lookup.
            found = _Spelling(words, mode, entry)
            if len(words) == 1:
                index.single.setdefault(words[0], []).append(found)
            else:
                index.pairs.setdefault(words[:2], []).append(found)
        index.addresses.update((a, entry) for a in entry.addresses)
        index.logins.update((login, entry) for login in entry.logins)
        prefixes.extend((p, entry) for p in entry.prefixes)
    for candidates in index.pairs.values():
        candidates.sort(key=lambda s: -len(s.words))
    index.starts.update(index.single)
    index.starts.update(first for first, _ in index.pairs)
    return index._replace(prefixes=tuple(prefixes))


def might_name(line: str) -> bool:
    """Whether any word of the line could start a catalogue name (a fast pre-check).

    Example:
        >>> might_name("fix the parser"), might_name("use ClineProvider")
        (False, True)
    """
    starts = catalogue_index().starts
    for token in _WORD.findall(line):
        lower = token.lower()
        if lower in starts:
            return True
        if not lower.isalpha():
            attached = _ATTACHED.fullmatch(lower)
            if attached and attached.group(1) in starts:
                return True
        elif token[1:] != lower[1:] and _camel_start(token, starts):
            return True
    return False


def _camel_start(token: str, starts: set[str]) -> bool:
    parts = _CAMEL.findall(token[:40])
    return any(
        "".join(parts[:k]).lower() in starts for k in range(1, min(len(parts), 4))
    )


def words_of(line: str) -> list[Word]:
    """Split a line into words (letters and digits), in one linear scan.

    Example:
        >>> [w.lower for w in words_of("Claude-3.5 Sonnet")]
        ['claude', '3', '5', 'sonnet']
    """
    return [
        Word(m.start(), m.end(), m.group().lower(), m.group())
        for m in _WORD.finditer(line)
    ]


def _joined(line: str, left: Word, right: Word) -> bool:
    gap = line[left.end : right.start]
    return len(gap) <= 2 and all(c in _JOINERS for c in gap)


def _spelled(line: str, words: list[Word], i: int, spelling: _Spelling) -> int:
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


def versioned(line: str, words: list[Word], end: int) -> bool:
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


def with_version(line: str, words: list[Word], end: int) -> int:
    """Extend a name's span over the version words after it ("GPT-4o mini").

    Example:
        >>> line = "GPT-4o mini rocks"
        >>> words = words_of(line)
        >>> [w.text for w in words[: with_version(line, words, 1)]]
        ['GPT', '4o', 'mini']
    """
    for _ in range(4):
        if end >= len(words) or not _joined_loose(line, words[end - 1], words[end]):
            break
        if not (_VERSION.match(words[end].lower) or words[end].lower in _TIERS):
            break
        end += 1
    return end


def _joined_loose(line: str, left: Word, right: Word) -> bool:
    gap = line[left.end : right.start]
    return len(gap) <= 2 and all(c in " \t-._/(:" for c in gap)


def _used_before(line: str, words: list[Word], i: int, filler: bool = True) -> bool:
    k = i - 1
    if filler and k >= 0 and words[k].lower in FILLERS:
        k -= 1
    return (
        k >= 0
        and words[k].lower in _USE_VERBS
        and not line[words[k].end : words[k + 1].start].strip()
    )


def _mid_sentence(line: str, words: list[Word], i: int) -> bool:
    if i == 0:
        return False
    gap = line[words[i - 1].end : words[i].start]
    return not any(c in ".!?:;" for c in gap) and bool(line[: words[i].start].strip())


def _counts(line: str, words: list[Word], i: int, end: int, mode: str) -> bool:
    word = words[i]
    if end < len(words) and words[end].lower in _NOT_BEFORE.get(word.lower, ()):
        return False
    if mode == "":
        return True
    version = versioned(line, words, end)
    if mode == "#":
        return version
    # Reason: "Cursor._fetch()" or "Cursor(...)" is code (a class), not the product.
    after = line[word.end : word.end + 2]
    if after[:1] == "(" or (
        after[:1] == "." and (after[1:].isalpha() or after[1:] == "_")
    ):
        return False
    capital = word.text[:1].isupper() and not word.text.isupper()
    # Reason: "use the Cursor" is a database cursor; "using Cursor" is the IDE.
    used = capital and _used_before(line, words, i, filler=mode != "%")
    if mode == "~":
        return version or used
    if mode == "!":
        return version or used or (capital and _mid_sentence(line, words, i))
    if not capital:
        return False
    if mode == "^":
        return version or used or _mid_sentence(line, words, i)
    return version or used


def _candidates(words: list[Word], i: int) -> Iterator[tuple[_Spelling, bool]]:
    index = catalogue_index()
    word = words[i]
    if i + 1 < len(words):
        for spelling in index.pairs.get((word.lower, words[i + 1].lower), ()):
            yield spelling, False
    for spelling in index.single.get(word.lower, ()):
        yield spelling, False
    attached = _ATTACHED.fullmatch(word.lower)
    if attached:
        for spelling in index.single.get(attached.group(1), ()):
            yield spelling, True
    # Reason: code names carry the tool's name: ClineProvider, OpenAIClient.
    # Reason: a name is at most three parts ("HuggingFace"); looking at the first
    # few keeps a 100,000-letter word linear.
    parts = _CAMEL.findall(word.text[:40]) if not word.text.islower() else []
    for k in range(1, min(len(parts), 4)):
        for spelling in index.single.get("".join(parts[:k]).lower(), ()):
            if spelling.mode in ("", "^", "!"):
                yield spelling, True


def name_matches(
    line: str, words: list[Word], *, loose: bool = False, start: int = 0
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
    line: str, words: list[Word], i: int, loose: bool
) -> tuple[int, _Spelling] | None:
    for spelling, attached in _candidates(words, i):
        end = i + 1 if attached else _spelled(line, words, i, spelling)
        if not end:
            continue
        # Reason: a version written onto the name ("qwen3", "gpt4o") is context.
        if loose or (attached and spelling.mode != "%"):
            return end, spelling
        if _counts(line, words, i, end, spelling.mode):
            return end, spelling
    return None
