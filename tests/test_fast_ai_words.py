"""The fast path's trigger words are exactly the catalogue's, derived again here."""

from __future__ import annotations

from constitution_hooks import fast_ai_words as words
from constitution_hooks.rules.commit import ai_lines
from constitution_hooks.rules.commit.ai_match import catalogue_index
from constitution_hooks.rules.commit.ai_references import DEFAULT_PATTERNS


def test_single_is_every_one_word_name() -> None:
    expected = set(catalogue_index().single)
    assert sorted(expected ^ set(words.SINGLE)) == []
    assert tuple(sorted({len(name) for name in expected})) == words.SINGLE_SIZES


def test_multi_is_every_name_of_several_words_by_first_word() -> None:
    index = catalogue_index()
    expected: dict[str, set[tuple[str, ...]]] = {}
    for spellings in index.pairs.values():
        for spelling in spellings:
            expected.setdefault(spelling.words[0], set()).add(spelling.words)
    assert {first: set(names) for first, names in words.MULTI.items()} == expected


def test_addresses_and_logins_are_the_catalogue_ones() -> None:
    index = catalogue_index()
    assert sorted(set(words.ADDRESSES) ^ set(index.addresses)) == []
    assert sorted(set(words.LOGINS) ^ set(index.logins)) == []
    assert all("@" in address for address in words.ADDRESSES)


def test_structure_words_are_the_line_readers_ones() -> None:
    assert set(words.ATTRIBUTION_KEYS) == ai_lines.ATTRIBUTION_KEYS
    assert words.AGENT_WORDS == ai_lines._AGENT_WORDS


def test_phrase_verbs_were_read_from_todays_patterns() -> None:
    assert words.PHRASE_PATTERNS == DEFAULT_PATTERNS


def test_prefixes_start_with_a_one_word_name_or_are_not_ascii() -> None:
    for prefix, _ in catalogue_index().prefixes:
        first = prefix.rstrip(":").split()[0]
        assert not prefix.isascii() or first in words.SINGLE
