"""CON301-CON306 over parsed messages: no git needed."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from constitution_hooks.core.config import Settings
from constitution_hooks.rules.commit.ai_references import Reference
from constitution_hooks.rules.commit.cleanup import clean_message, message_for_hook
from constitution_hooks.rules.commit.message import (
    SECTION,
    check_message,
    describe,
    suggest,
    type_from_words,
)
from constitution_hooks.rules.commit.settings import CommitSettings

Check = Callable[..., list[tuple[str, int, int, str]]]


@pytest.fixture
def check(settings: Callable[..., Settings]) -> Check:
    """Check a raw message text; return (code, line, column, message) tuples."""

    def _check(text: str, **overrides: Any) -> list[tuple[str, int, int, str]]:
        table = CommitSettings.from_settings(settings("commit-message", **overrides))
        found = check_message(clean_message(text), table)
        return [(r.code, f.line, f.column, f.message) for r, f in found]

    return _check


def _defaults(settings: Callable[..., Settings]) -> CommitSettings:
    return CommitSettings.from_settings(settings("commit-message"))


def codes(found: list[tuple[str, int, int, str]]) -> list[str]:
    return [code for code, *_ in found]


@pytest.mark.parametrize(
    "text",
    [
        "feat: add user search\n",
        "fix(api): handle empty query\n\nThe endpoint crashed.\n",
        "feat(api)!: drop the v1 routes\n",
        "docs: explain the config\n# comment\n",
        "chore: bump\n\nBody.\n\nCo-authored-by: Claude Martin <cm@example.org>\n",
    ],
)
def test_check_message_valid_message_passes(check: Check, text: str) -> None:
    assert check(text) == []


def test_check_message_empty_after_cleanup_is_con306(check: Check) -> None:
    found = check("# Please enter the commit message\n\n")
    assert codes(found) == ["CON306"]
    assert "git would abort" in found[0][3]


def test_check_message_not_conventional_is_con301_with_example(check: Check) -> None:
    [(code, line, column, message)] = check("Add user search\n")
    assert (code, line, column) == ("CON301", 1, 1)
    assert '"Add user search"' in message
    assert '"feat: add user search"' in message


def test_check_message_leading_comment_reports_file_line(check: Check) -> None:
    [(_, line, _, _)] = check("# note\nAdd user search\n")
    assert line == 2


def test_check_message_missing_colon_example_keeps_type(check: Check) -> None:
    [(_, _, _, message)] = check("fix login redirect\n")
    assert '"fix: login redirect"' in message


def test_check_message_two_spaces_after_colon_is_con301(check: Check) -> None:
    [(code, _, _, message)] = check("feat:  add search\n")
    assert code == "CON301"
    assert "one space after the colon" in message


def test_check_message_no_space_after_colon_is_con301(check: Check) -> None:
    assert codes(check("feat:add search\n")) == ["CON301"]


def test_check_message_empty_subject_is_con301(check: Check) -> None:
    [(code, _, _, message)] = check("feat:\n")
    assert code == "CON301"
    assert "no subject" in message


def test_check_message_empty_scope_is_con301(check: Check) -> None:
    [(code, _, _, message)] = check("feat(): add search\n")
    assert code == "CON301"
    assert '"feat: add search"' in message


def test_check_message_required_scope_missing_is_con301(check: Check) -> None:
    [(code, _, _, message)] = check(
        "feat: add search\n", require_scope=True, scopes=["api"]
    )
    assert code == "CON301"
    assert '"feat(api): add search"' in message


def test_check_message_scope_outside_list_is_con301(check: Check) -> None:
    [(code, _, _, message)] = check("feat(ui): add search\n", scopes=["api", "db"])
    assert code == "CON301"
    assert "api, db" in message


def test_check_message_scope_in_list_passes(check: Check) -> None:
    assert check("feat(db): add index\n", scopes=["api", "db"]) == []


def test_check_message_unknown_type_is_con302_naming_allowed(check: Check) -> None:
    [(code, _, _, message)] = check("feature: add search\n")
    assert code == "CON302"
    assert "feat, fix, docs, style, refactor, test, chore" in message
    assert '"feat: add search"' in message


def test_check_message_uppercase_type_is_con302(check: Check) -> None:
    [(code, _, _, message)] = check("Feat: add search\n")
    assert code == "CON302"
    assert '"feat"' in message


def test_check_message_configured_types_replace_defaults(check: Check) -> None:
    assert check("perf: faster search\n", types=["perf"]) == []


def test_check_message_first_line_of_49_characters_passes(check: Check) -> None:
    assert check("feat: " + "a" * 43 + "\n") == []


def test_check_message_first_line_of_50_characters_is_con303(check: Check) -> None:
    [(code, line, column, message)] = check("feat: " + "a" * 44 + "\n")
    assert (code, line, column) == ("CON303", 1, 50)
    assert "50 characters long (limit 49)" in message


def test_check_message_non_ascii_subject_counted_in_characters(check: Check) -> None:
    header = "feat: " + "é" * 43
    assert len(header.encode()) > 49
    assert check(header + "\n") == []


def test_check_message_length_of_subject_counts_subject_only(check: Check) -> None:
    text = "refactor(database): " + "a" * 40 + "\n"
    assert check(text, length_of="subject") == []


def test_check_message_long_subject_example_fits_the_limit(check: Check) -> None:
    [(_, _, _, message)] = check("feat: " + "word " * 12 + "\n")
    example = message.split('e.g. "')[1].rstrip('"')
    assert len(example) <= 49


def test_check_message_ai_reference_is_con304_with_line_and_words(
    check: Check,
) -> None:
    text = (
        "feat: add search\n\nBody.\n\nCo-authored-by: Claude <noreply@anthropic.com>\n"
    )
    [(code, line, column, message)] = check(text)
    assert (code, line, column) == ("CON304", 5, 1)
    assert "AI co-author trailer: Claude Code" in message


def test_check_message_ai_reference_in_subject_example_drops_it(check: Check) -> None:
    [(code, _, _, message)] = check("feat: add search with Copilot\n")
    assert code == "CON304"
    assert '"feat: add search"' in message


def test_check_message_ai_references_off_passes(check: Check) -> None:
    assert check("feat: add search with Copilot\n", ai_references=False) == []


def test_check_message_ai_allow_list_passes_line(check: Check) -> None:
    text = "feat: add search\n\nAssisted-by: Claude Code\n"
    assert check(text, ai_allow=["^Assisted-by:"]) == []


def test_check_message_body_right_after_first_line_is_con305(check: Check) -> None:
    [(code, line, _, message)] = check("feat: add search\nThe body.\n")
    assert (code, line) == ("CON305", 2)
    assert '"The body."' in message


@pytest.mark.parametrize(
    "text",
    [
        "Merge branch 'feature/x' into develop\n",
        'Revert "feat: add search"\n\nThis reverts commit abc.\n',
        "fixup! feat: add search\n",
    ],
)
def test_check_message_git_written_message_passes(check: Check, text: str) -> None:
    assert check(text) == []


def test_check_message_git_written_strict_is_judged(check: Check) -> None:
    assert codes(check("fixup! feat: add search\n", allow_git_messages=False)) == [
        "CON301"
    ]


def test_check_message_merge_word_is_not_a_bypass(check: Check) -> None:
    assert codes(check("Merge the user tables\n")) == ["CON301"]


def test_check_message_git_written_ai_reference_still_found(check: Check) -> None:
    text = "fixup! feat: x\n\nCo-authored-by: Claude <noreply@anthropic.com>\n"
    assert codes(check(text)) == ["CON304"]


def test_suggest_unknown_first_word_uses_first_type(
    settings: Callable[..., Settings],
) -> None:
    assert suggest("Search users.", None, _defaults(settings)) == ("feat: search users")


def test_suggest_empty_subject_uses_placeholder(
    settings: Callable[..., Settings],
) -> None:
    assert suggest("", None, _defaults(settings)) == "feat: describe the change"


def test_section_ai_patterns_invalid_regex_is_rejected() -> None:
    option = next(o for o in SECTION.options if o.key == "ai-patterns")
    assert not option.check(["("])


def test_check_message_ai_trailer_fix_says_remove_trailer(check: Check) -> None:
    [(_, _, _, message)] = check("feat: x\n\nMade-with: Cursor\n")
    assert "remove this trailer" in message


def test_check_message_extra_ai_pattern_is_added(check: Check) -> None:
    found = check("feat: add search with Skynet\n", ai_patterns=[r"\bskynet\b"])
    assert codes(found) == ["CON304"]


def test_check_message_builtins_off_uses_only_own_patterns(check: Check) -> None:
    text = "feat: add search with Copilot\n"
    assert check(text, ai_builtin_patterns=False) == []


def test_check_message_ai_words_left_out_of_con301_example(check: Check) -> None:
    found = check("Added the cart, written with Claude Code\n")
    header = next(message for code, _, _, message in found if code == "CON301")
    example = header.split("e.g. ", 1)[1]
    assert "Claude" not in example
    assert example == '"feat: added the cart, written"'


@pytest.mark.parametrize(
    "text",
    [
        'Revert "feat: add search (#12)" (#15)\n',
        'Revert "feat: add search"\n',
        'Reapply "fix: handle empty query (#3)" (#9)\n',
    ],
)
def test_check_message_squash_merged_revert_is_git_subject(
    check: Check, text: str
) -> None:
    assert check(text) == []


def test_check_message_bom_before_type_says_so_not_unknown_type(check: Check) -> None:
    [(code, line, column, message)] = check("\ufefffeat: add search\n")
    assert (code, line, column) == ("CON301", 1, 1)
    assert "byte order mark (U+FEFF)" in message
    assert 'e.g. "feat: add search"' in message


def test_check_message_bom_long_line_still_reports_length(check: Check) -> None:
    found = check("\ufefffeat: " + "word " * 20 + "\n")
    assert codes(found) == ["CON301", "CON303"]


def test_check_message_kept_comment_line_is_con304_with_note(
    settings: Callable[..., Settings],
) -> None:
    message = message_for_hook("feat: add x\n\n# Generated with Claude Code\n", "#")
    found = list(check_message(message, _defaults(settings)))
    [(rule, finding)] = found
    assert (rule.code, finding.line) == ("CON304", 3)
    assert "AI stamp: Claude Code" in finding.message
    assert "git keeps it for `git commit -m`" in finding.message


def test_check_message_violation_names_kind_and_entry(check: Check) -> None:
    text = "feat: add x\n\nCo-authored-by: openhands <openhands@all-hands.dev>\n"
    [(_, _, _, message)] = check(text)
    assert "references AI: AI co-author trailer: OpenHands" in message


def test_check_message_builtin_patterns_off_skips_catalogue(check: Check) -> None:
    text = "feat: add x\n\nCo-authored-by: openhands <openhands@all-hands.dev>\n"
    assert check(text, **{"ai-builtin-patterns": False}) == []


def test_check_message_ai_allow_accepts_vendor_names(check: Check) -> None:
    allow = {"ai-allow": ["(?i)\\b(openai|anthropic)\\b"]}
    assert check("fix(anthropic): handle overloaded errors\n", **allow) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Repair the broken link", "fix: repair the broken link"),
        ("Update the README install steps", "docs: update the README install steps"),
        ("Rename the helper module", "refactor: rename the helper module"),
        ("Add tests for the parser", "test: add tests for the parser"),
        ("Fix typo in docs", "fix: typo in docs"),
        ("Add search", "feat: add search"),
    ],
)
def test_suggest_type_is_picked_from_the_words(
    settings: Callable[..., Settings], line: str, expected: str
) -> None:
    assert suggest(line, None, _defaults(settings)) == expected


def test_suggest_long_subject_is_cut_after_a_complete_phrase(
    settings: Callable[..., Settings],
) -> None:
    line = "Add pagination to the items endpoint for the admin dashboard"
    suggested = suggest(line, None, _defaults(settings))
    assert suggested == "feat: add pagination to the items endpoint"


def test_describe_names_kind_entry_and_text() -> None:
    hit = Reference(
        1, "Co-authored-by: Amp <amp@ampcode.com>", "AI co-author trailer", "Amp"
    )
    assert describe([hit]) == (
        'AI co-author trailer: Amp ("Co-authored-by: Amp <amp@ampcode.com>")'
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Repair the link", "fix"),
        ("Correct the README", "docs"),
        ("Move tests around", "refactor"),
        ("Add a page", "feat"),
    ],
)
def test_type_from_words_first_telling_word_wins(line: str, expected: str) -> None:
    assert type_from_words(line) == expected


SHAPES = [
    ("", "a", ""),
    ("feat: ", "a", ""),
    ("feat(", "(", ""),
    ('Revert "', '"', ""),
    ("Merge pull request #1 from ", "x", ""),
    ("", "x", ":"),
    ("feat: x\n\nCo-authored-by: ", "x", ""),
    ("feat: x\n\n", "Key", ": v"),
    ("feat: x\n\n", "claude ", ""),
    ("", "claude-3 ", ""),
    ("\ufeff", "claude-3 with ", ""),
]


def timed(check: Check, shape: tuple[str, str, str], size: int) -> float:
    head, unit, tail = shape
    text = head + unit * (size // len(unit)) + tail
    started = time.perf_counter()
    check(text)
    return time.perf_counter() - started


@pytest.mark.parametrize("shape", SHAPES, ids=lambda shape: repr(shape[1]))
def test_check_message_100k_character_line_is_linear(
    check: Check, shape: tuple[str, str, str]
) -> None:
    small = min(timed(check, shape, 25_000) for _ in range(2))
    large = min(timed(check, shape, 100_000) for _ in range(2))
    assert large < 8 * small + 0.05
    assert large < 10.0
