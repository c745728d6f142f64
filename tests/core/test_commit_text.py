"""The plain commit-message primitives: the first-line grammar against its regex."""

from __future__ import annotations

import re
import sys

import pytest

from constitution_hooks.core.commit_text import (
    DEFAULTS,
    body_glued,
    format_fault,
    measured,
    message_config,
    resolve_comment,
    split_header,
)

# Reason: the grammar CON301 was first written in; the hand-written split must
# agree with it on every line.
ORACLE = re.compile(
    r"(?P<type>[^\s():!]+)(?:\((?P<scope>[^()]*)\))?(?P<bang>!)?:"
    r"(?P<space>[ \t]*)(?P<subject>.*)"
)
HEADERS = [
    "feat: add search",
    "feat(api): add search",
    "feat(api)!: drop v1",
    "feat!: drop v1",
    "feat:add",
    "feat:  two",
    "feat:\tx",
    "feat: \t x",
    "feat:",
    "feat: ",
    "feat()",
    "feat(): x",
    "feat( ): x",
    "feat(a(b)): x",
    "feat(a)b: x",
    "feat(a:b): x",
    "feat(a!: x",
    "feat)(: x",
    "feat(api)! : x",
    "feat !: x",
    "feat : x",
    ": x",
    "(api): x",
    "!: x",
    "",
    "Add search",
    "Merge branch 'x'",
    "Merge pull request #1 from a/b",
    'Revert "feat: x"',
    "fixup! feat: x",
    "amend! feat: x",
    "feat\u00a0x: y",
    "feat\u2028: y",
    "feat:\u00a0y",
    "feat: y\rz",
    "feat: y\nz",
    "feat(a\nb): y",
    "\ufefffeat: x",
    "caf\u00e9: men\u00fc",
    "feat::: x",
    "feat!!: x",
]


def _oracle(line: str) -> tuple[str, str | None, bool, str, str] | None:
    match = ORACLE.fullmatch(line)
    if match is None:
        return None
    parts = (match["type"], match["scope"], match["bang"] is not None)
    return (*parts, match["space"], match["subject"])


@pytest.mark.parametrize("line", HEADERS)
def test_split_header_table_agrees_with_regex(line: str) -> None:
    assert split_header(line) == _oracle(line)


def test_split_header_every_blank_character_agrees_with_regex() -> None:
    # Reason: `\s` of a str pattern is str.isspace(); check every code point.
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if c != 0xD800)
    blanks = {c for c in everything if c.isspace()}
    assert set(re.findall(r"\s", everything)) == blanks
    for blank in sorted(blanks):
        line = f"fe{blank}at:{blank}x"
        assert split_header(line) == _oracle(line)


@pytest.mark.parametrize(
    ("line", "scopes", "require", "expected"),
    [
        ("feat: x", (), False, ""),
        ("Add x", (), False, "form"),
        ("feat( ): x", (), False, "empty-scope"),
        ("feat:   ", (), False, "no-subject"),
        ("feat:x", (), False, "space"),
        ("feat: x", (), True, "no-scope"),
        ("feat(ui): x", ("api",), False, "scope"),
        ("feat(api): x", ("api",), True, ""),
    ],
)
def test_format_fault_each_fault_named(
    line: str, scopes: tuple[str, ...], require: bool, expected: str
) -> None:
    assert format_fault(split_header(line), scopes, require) == expected


def test_measured_without_header_counts_whole_line() -> None:
    assert measured("Add x", None, "subject") == "Add x"


def test_body_glued_single_line_is_not_glued() -> None:
    assert body_glued(("feat: x",)) is False


def test_message_config_last_value_wins_and_empty_keeps_default() -> None:
    output = b"core.commentchar\n;\x00core.commentstring\n//\x00commit.cleanup\n\x00"
    assert message_config(output) == ("//", "default")


def test_defaults_keys_are_the_commit_message_table() -> None:
    from constitution_hooks.rules.commit import SECTION

    assert {option.key: option.default for option in SECTION.all_options()} == DEFAULTS


@pytest.mark.parametrize("setting", ["AUTO", "Auto", "auto"])
def test_resolve_comment_auto_in_any_case_is_auto(setting: str) -> None:
    # Reason: git compares core.commentChar with "auto" ignoring case (strcasecmp).
    text = "feat: x\n\n#1 fixed\n; Please enter\n"
    assert resolve_comment(setting, text) == ";"
