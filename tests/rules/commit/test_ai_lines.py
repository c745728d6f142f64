"""A line's structure: trailers by identity, stamps, prefixes, scopes, addresses."""

from __future__ import annotations

import pytest

from constitution_hooks.rules.commit.ai_lines import find_references, identity


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("openhands <openhands@all-hands.dev>", "OpenHands"),
        ("Amp <amp@ampcode.com>", "Amp"),
        ("Cline Agent <cline-agent@users.noreply.github.com>", "Cline"),
        ("cursor agent <199161495+cursoragent@users.noreply.github.com>", "Cursor"),
        ("termai <noreply@termai.io>", "opencode"),
        ("Charm Crush <crush@charm.land", "Crush"),
        ("Claude Opus 4 <claude-opus-4@anthropic.com>", "Claude"),
        (
            "codeflash-ai[bot] <1+codeflash-ai[bot]@users.noreply.github.com>",
            "Codeflash",
        ),
        ("AI Assistant <assistant@example.com>", "AI Assistant"),
        ("Clawd Subagent <subagent@clawd.ai>", "OpenClaw"),
        ("Jane Doe (AI team) <jane@example.org>", None),
        ("Claude Martin <claude.martin@example.org>", None),
        ("Ernest Cline <ernest@example.org>", None),
        ("Kazuhiro Sera <seratch@openai.com>", None),
        ("gemini-cli-robot <gemini-cli-robot@google.com>", None),
        ("R00-B0T <github-actions@github.com>", None),
        ("snyk-bot <snyk-bot@snyk.io>", None),
        ("renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>", None),
        ("pydanty <pydanty@pydantic.dev>", None),
    ],
)
def test_identity_names_the_ai_or_none(value: str, expected: str | None) -> None:
    assert identity(value) == expected


def test_find_references_any_by_trailer_counts() -> None:
    [found] = find_references(
        "Reported-by: greptile-apps[bot] <1+greptile-apps[bot]@x>"
    )
    assert (found.kind, found.name) == ("AI Reported-by trailer", "Greptile")


def test_find_references_person_trailer_hides_name_words() -> None:
    assert find_references("Co-authored-by: Jane Copilot <jane@example.org>") == []


def test_find_references_scope_names_a_tool() -> None:
    [found] = find_references("fix(copilot): add response field", first=True)
    assert (found.column, found.text, found.name) == (5, "copilot", "GitHub Copilot")


def test_find_references_cursor_scope_is_no_tool() -> None:
    assert find_references("fix(cursor): close it", first=True) == []


def test_find_references_prefix_only_on_first_line() -> None:
    assert find_references("🤖 Plandex → apply changes", first=True)[0].kind == (
        "AI subject prefix"
    )


def test_find_references_words_inside_addresses_are_skipped() -> None:
    assert find_references("mail claude.code@example.org today") == []


def test_find_references_stamp_names_tool() -> None:
    [found] = find_references("💘 Generated with Crush")
    assert (found.column, found.text, found.kind) == (
        3,
        "Generated with Crush",
        "AI stamp",
    )
