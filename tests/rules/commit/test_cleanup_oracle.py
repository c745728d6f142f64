"""clean_message against git itself: ``git stripspace --strip-comments`` as oracle."""

from __future__ import annotations

import subprocess

import pytest

from constitution_hooks.rules.commit.cleanup import clean_message, message_for_hook

CASES = [
    "feat: x  \n\n\n# c\nbody\n",
    "\n\n  \nfeat\r\n\r\nb\r\n",
    "#only\n",
    "a\n# c\n\nb",
    "a\n\n# c\n\nb\n\n",
    "  lead\n\t\n\x0bx\x0c\n",
    "\n#\n#\nfeat: x\n#\n",
    "x\u00a0\n",
    "feat: caf\u00e9 \u2014 men\u00fc\n\n;c\n# d\n",
]


def git_stripspace(text: str, comment: str) -> str:
    """What git stores for ``text`` with ``core.commentChar=comment``."""
    result = subprocess.run(
        ["git", "-c", f"core.commentChar={comment}", "stripspace", "-s"],
        input=text.encode(),
        capture_output=True,
        check=True,
    )
    return result.stdout.decode()


@pytest.mark.parametrize("comment", ["#", ";"])
@pytest.mark.parametrize("text", CASES)
def test_clean_message_matches_git_stripspace(text: str, comment: str) -> None:
    lines = clean_message(text, comment).lines
    assert "".join(f"{line}\n" for line in lines) == git_stripspace(text, comment)


def git_stripspace_keep(text: str) -> str:
    """What git stores for ``text`` with ``commit.cleanup=whitespace``."""
    result = subprocess.run(
        ["git", "stripspace"], input=text.encode(), capture_output=True, check=True
    )
    return result.stdout.decode()


@pytest.mark.parametrize("text", CASES)
def test_message_for_hook_whitespace_matches_git_stripspace(text: str) -> None:
    lines = message_for_hook(text, "#", "whitespace").lines
    assert "".join(f"{line}\n" for line in lines) == git_stripspace_keep(text)
