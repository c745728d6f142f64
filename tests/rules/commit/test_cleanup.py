"""Commit message clean-up and header parsing, the way git stores the message."""

from __future__ import annotations

import pytest

from constitution_hooks.rules.commit.cleanup import (
    CUT_LINE,
    Header,
    Message,
    clean_message,
    is_git_generated,
    message_for_hook,
    parse_header,
    resolve_comment,
)


def test_clean_message_comment_lines_are_dropped() -> None:
    message = clean_message("feat: add search\n# Please enter the message\n")
    assert message.lines == ("feat: add search",)


def test_clean_message_custom_comment_char_drops_only_its_lines() -> None:
    message = clean_message("feat: add search\n\n#123 is fixed\n; comment\n", ";")
    assert message.lines == ("feat: add search", "", "#123 is fixed")


def test_clean_message_multi_character_comment_string_is_honoured() -> None:
    message = clean_message("feat: add search\n// note\n#1 kept\n", "//")
    assert message.lines == ("feat: add search", "#1 kept")


def test_clean_message_empty_comment_keeps_hash_lines() -> None:
    message = clean_message("feat: add search\n\n# kept as content\n", "")
    assert message.lines == ("feat: add search", "", "# kept as content")


def test_clean_message_scissors_line_cuts_the_rest() -> None:
    text = f"feat: add search\n\n# {CUT_LINE}\n# Do not modify\ndiff --git a b\n+x\n"
    assert clean_message(text).lines == ("feat: add search",)


def test_clean_message_scissors_on_first_line_leaves_empty_message() -> None:
    assert clean_message(f"# {CUT_LINE}\nfeat: x\n").is_empty


def test_clean_message_crlf_line_endings_are_stripped() -> None:
    message = clean_message("feat: add search\r\n\r\nBody line\r\n")
    assert message.lines == ("feat: add search", "", "Body line")


def test_clean_message_trailing_spaces_are_stripped() -> None:
    assert clean_message("feat: add search  \t\n").header == "feat: add search"


def test_clean_message_surrounding_blank_lines_are_dropped() -> None:
    message = clean_message("\n\n  \nfeat: add search\n\nbody\n\n\n")
    assert message.lines == ("feat: add search", "", "body")


def test_clean_message_consecutive_blank_lines_collapse_to_one() -> None:
    message = clean_message("feat: add search\n\n# note\n\n\nbody\n")
    assert message.lines == ("feat: add search", "", "body")


def test_clean_message_line_numbers_point_into_original_text() -> None:
    message = clean_message("# intro\n\nfeat: add search\n# c\n\nbody\n")
    assert message.numbers == (3, 5, 6)


def test_clean_message_only_comments_is_empty() -> None:
    assert clean_message("# only\n#\n   \n").is_empty


def test_clean_message_indented_hash_is_not_a_comment() -> None:
    message = clean_message("feat: add search\n\n  # indented\n")
    assert message.lines[-1] == "  # indented"


def test_message_body_without_body_is_empty_tuple() -> None:
    assert clean_message("feat: add search\n").body == ()


def test_resolve_comment_explicit_char_is_returned() -> None:
    assert resolve_comment(";", "anything") == ";"


def test_resolve_comment_auto_with_scissors_uses_its_char() -> None:
    text = f"feat: x\n#1 fixed\n; {CUT_LINE}\n"
    assert resolve_comment("auto", text) == ";"


def test_resolve_comment_auto_uses_char_of_trailing_comment_block() -> None:
    text = "feat: x\n\n#123 fixed\n; Please enter the commit message\n;\n"
    assert resolve_comment("auto", text) == ";"


def test_resolve_comment_auto_without_comments_picks_unused_candidate() -> None:
    assert resolve_comment("auto", "#1 feat: x\nbody\n") == ";"


def test_resolve_comment_auto_plain_message_defaults_to_hash() -> None:
    assert resolve_comment("auto", "feat: x\n") == "#"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("feat: add search", Header("feat", None, False, " ", "add search")),
        ("fix(api): x", Header("fix", "api", False, " ", "x")),
        ("feat(api)!: drop v1", Header("feat", "api", True, " ", "drop v1")),
        ("feat!: drop v1", Header("feat", None, True, " ", "drop v1")),
        ("feat():  x", Header("feat", "", False, "  ", "x")),
        ("feat:", Header("feat", None, False, "", "")),
        ("Feat: x", Header("Feat", None, False, " ", "x")),
    ],
)
def test_parse_header_valid_shapes_are_split(line: str, expected: Header) -> None:
    assert parse_header(line) == expected


@pytest.mark.parametrize(
    "line", ["add user search", "feat add search", "feat : x", "feat(api: x", ""]
)
def test_parse_header_not_conventional_returns_none(line: str) -> None:
    assert parse_header(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Merge branch 'feature/x'",
        "Merge branch 'feature/x' into main",
        "Merge branch 'x' of https://example.invalid/repo into develop",
        "Merge branches 'a' and 'b'",
        "Merge remote-tracking branch 'origin/main'",
        "Merge tag 'v1.0'",
        "Merge commit 'abc123'",
        "Merge pull request #12 from someone/feature/x",
        'Revert "feat: add search"',
        'Reapply "feat: add search"',
        "fixup! feat: add search",
        "squash! feat: add search",
        "amend! feat: add search",
    ],
)
def test_is_git_generated_git_written_subject_is_recognised(line: str) -> None:
    assert is_git_generated(line)


@pytest.mark.parametrize(
    "line",
    [
        "Merge the user tables",
        "merge branch 'x'",
        "Merged branch 'x'",
        "Revert the search change",
        "fixup: typo",
        "feat: add search",
    ],
)
def test_is_git_generated_author_subject_is_not_a_bypass(line: str) -> None:
    assert not is_git_generated(line)


def test_message_empty_lines_is_empty_with_empty_header() -> None:
    message = Message((), ())
    assert message.is_empty
    assert (message.header, message.body) == ("", ())


def test_message_header_is_first_line_and_body_the_rest() -> None:
    message = Message(("feat: add search", "", "Details."), (1, 2, 3))
    assert not message.is_empty
    assert message.header == "feat: add search"
    assert message.body == ("", "Details.")


@pytest.mark.parametrize(
    ("cleanup", "expected"),
    [
        ("default", ("#123 fix the thing",)),
        ("whitespace", ("#123 fix the thing",)),
        ("verbatim", ("#123 fix the thing",)),
        ("scissors", ("#123 fix the thing",)),
        ("strip", ()),
        ("STRIP", ()),
    ],
)
def test_message_for_hook_hash_first_line_follows_cleanup_mode(
    cleanup: str, expected: tuple[str, ...]
) -> None:
    assert message_for_hook("#123 fix the thing\n", "#", cleanup).lines == expected


def test_message_for_hook_default_after_editor_strips_comments() -> None:
    text = "feat: x\n# Please enter the commit message.\n#\n# On branch claude-code\n"
    message = message_for_hook(text, "#")
    assert (message.lines, message.comments) == (("feat: x",), ())


def test_message_for_hook_default_without_editor_hands_on_comments() -> None:
    message = message_for_hook("feat: x\n\n# Generated with Claude Code\n", "#")
    assert message.lines == ("feat: x",)
    assert message.comments == ((3, "# Generated with Claude Code"),)


def test_message_for_hook_whitespace_mode_keeps_comment_as_content() -> None:
    message = message_for_hook("feat: x\n\n# kept\n", "#", "whitespace")
    assert (message.lines, message.comments) == (("feat: x", "", "# kept"), ())


def test_message_for_hook_scissors_mode_cuts_at_scissors() -> None:
    text = f"feat: x\n# kept\n# {CUT_LINE}\ndiff --git a b\n"
    assert message_for_hook(text, "#", "scissors").lines == ("feat: x", "# kept")


@pytest.mark.parametrize(
    "line",
    [
        'Revert "feat: add search (#12)" (#15)',
        'Reapply "feat: add search" (#7)',
        "Merge pull request #12 from a/b (#13)",
        "fixup! feat: add search (#3)",
    ],
)
def test_is_git_generated_squash_merge_suffix_is_git_subject(line: str) -> None:
    assert is_git_generated(line)


def test_is_git_generated_revert_text_after_quote_is_not_git_subject() -> None:
    assert not is_git_generated('Revert "feat: add search" and more')
