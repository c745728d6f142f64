"""Word-level matching: the marks ~ ! ^ % #, versions, code names, guards."""

from __future__ import annotations

import pytest

from constitution_hooks.rules.commit.ai_match import (
    Word,
    catalogue_index,
    might_name,
    name_matches,
    versioned,
    with_version,
    words_of,
)


def names(line: str) -> list[str]:
    return [s.entry.name for _, _, s in name_matches(line, words_of(line))]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("fix openhands sandbox", ["OpenHands"]),
        ("asked Claude to help", ["Claude"]),
        ("port to claude-3-opus", ["Claude"]),
        ("thank you Claude", []),
        ("fix Gemini tool calls", ["Gemini"]),
        ("Gemini tool calls", []),
        ("add Copilot support", ["GitHub Copilot"]),
        ("the copilot seat", []),
        ("refactor using Cursor", ["Cursor"]),
        ("move the Cursor down", []),
        ("bump GPT-4o", ["GPT"]),
        ("read the GPT table", []),
        ("support qwen3 models", ["Qwen"]),
        ("rename ClineProvider", ["Cline"]),
        ("rename CursorWrapper", []),
        ("support the Gemini protocol", []),
        ("Claude Fable 5", ["Claude"]),
    ],
)
def test_name_matches_marks_need_their_context(line: str, expected: list[str]) -> None:
    assert names(line) == expected


def test_name_matches_loose_counts_every_mark() -> None:
    line = "the cursor"
    found = name_matches(line, words_of(line), loose=True)
    assert [s.entry.name for _, _, s in found] == ["Cursor"]


def test_words_of_splits_on_punctuation_and_keeps_offsets() -> None:
    words = words_of("Claude-3.5 Sonnet")
    assert [(w.start, w.end, w.text) for w in words] == [
        (0, 6, "Claude"),
        (7, 8, "3"),
        (9, 10, "5"),
        (11, 17, "Sonnet"),
    ]


def test_versioned_reads_tier_and_size_words() -> None:
    line = "llama 70b"
    assert versioned(line, words_of(line), 1)


def test_with_version_extends_over_version_words() -> None:
    line = "GPT-4o mini rocks"
    assert with_version(line, words_of(line), 1) == 3


def test_catalogue_index_is_built_once() -> None:
    assert catalogue_index() is catalogue_index()


def test_word_keeps_offsets_lowercase_and_text() -> None:
    assert words_of("Hi") == [Word(0, 2, "hi", "Hi")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("fix the parser", False),
        ("use ClineProvider", True),
        ("support qwen3", True),
        ("asked Claude", True),
        ("claude-code", True),
    ],
)
def test_might_name_flags_lines_that_could_name_an_entry(
    line: str, expected: bool
) -> None:
    assert might_name(line) is expected


def test_might_name_is_true_whenever_a_name_matches() -> None:
    lines = ["Gemini tool calls", "x OpenAIProvider y", "Kimi K2", "the cursor"]
    for line in lines:
        loose = list(name_matches(line, words_of(line), loose=True))
        assert might_name(line) or not loose, line
