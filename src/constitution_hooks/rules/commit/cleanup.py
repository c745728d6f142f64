"""A commit message as git will store it, and its conventional first line.

Pure functions: no git, no files. The commit-msg hook sees the message before git
cleans it, so comments, the ``git commit -v`` scissors block and blank lines are
removed exactly as git's default ``strip`` clean-up removes them. The cleaning and
the split of the first line are ``core/commit_text.py``'s (shared with the
launcher's fast path); this module gives them named records.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from constitution_hooks.core.commit_text import CUT_LINE as CUT_LINE
from constitution_hooks.core.commit_text import clean_lines, hook_lines, split_header
from constitution_hooks.core.commit_text import resolve_comment as resolve_comment

# Reason: the subjects git (and forges' merge buttons) write themselves.
_GIT_GENERATED = re.compile(
    r"Merge (?:branch|branches|tag|commit|remote-tracking branch) '.+"
    r"|Merge pull request #\d+ from \S+.*"
    r"|(?:Revert|Reapply) \".*\"(?: \(#\d+\))?"
    r"|(?:fixup|squash|amend)! .+"
)


class Message(NamedTuple):
    """The cleaned lines of a message and where each came from.

    Attributes:
        lines: The lines git would store, without line breaks.
        numbers: For each line, its 1-based line number in the original text.
        comments: ``(number, line)`` of comment lines git may keep: with
            ``commit.cleanup=default`` git keeps them for ``-m`` and ``-F`` and
            drops them after the editor, and a hook cannot tell which ran.

    Example:
        >>> m = clean_message("# note\\nfeat: add search\\n")
        >>> m.header, m.numbers
        ('feat: add search', (2,))
    """

    lines: tuple[str, ...]
    numbers: tuple[int, ...]
    comments: tuple[tuple[int, str], ...] = ()

    @property
    def is_empty(self) -> bool:
        """Whether nothing is left after clean-up (git would abort)."""
        return not self.lines

    @property
    def header(self) -> str:
        """The first line (empty for an empty message)."""
        return self.lines[0] if self.lines else ""

    @property
    def body(self) -> tuple[str, ...]:
        """Every line after the first."""
        return self.lines[1:]


class Header(NamedTuple):
    """A first line split as ``<type>(<scope>)!:<space><subject>``.

    Attributes:
        type: The type exactly as written.
        scope: The text between the parentheses, or None without parentheses.
        breaking: Whether ``!`` marks a breaking change.
        space: The blanks between the colon and the subject (one space is right).
        subject: The rest of the line.

    Example:
        >>> parse_header("feat(api)!: drop v1").scope
        'api'
    """

    type: str
    scope: str | None
    breaking: bool
    space: str
    subject: str


def message_for_hook(text: str, comment: str, cleanup: str = "default") -> Message:
    """Clean a commit-msg hook's file for the ``commit.cleanup`` mode in use.

    ``strip`` drops comment lines; ``whitespace``, ``scissors`` and ``verbatim``
    keep them as content (``verbatim`` is judged like ``whitespace``). ``default``
    drops them after the editor (git's template is in the file) and keeps them for
    ``-m`` and ``-F``; since the hook cannot tell those apart, the rules judge the
    stripped message (or the kept one when stripping leaves nothing, as
    ``git commit -m "#123 fix"`` stores "#123 fix"), and the comment lines are
    handed on in ``comments`` for CON304.

    Args:
        text: The message file's text.
        comment: The comment prefix (``resolve_comment``).
        cleanup: ``commit.cleanup`` as configured (unknown values: ``default``).

    Returns:
        The message the rules judge.

    Example:
        >>> message_for_hook("#123 fix the thing\\n", "#").header
        '#123 fix the thing'
        >>> message_for_hook("#123 fix the thing\\n", "#", "strip").is_empty
        True
    """
    return Message(*hook_lines(text, comment, cleanup))


def clean_message(text: str, comment: str = "#", cut: str | None = None) -> Message:
    """Clean a message the way ``git commit`` does before storing it.

    Everything from the scissors line on is cut; lines starting with ``comment``
    are dropped; trailing whitespace is stripped (CRLF included); runs of blank
    lines collapse to one and leading and trailing blank lines go.

    Args:
        text: The message as the editor or ``-m`` left it.
        comment: The comment prefix; empty to keep every line (stored messages).
        cut: The prefix of the scissors line when it differs from ``comment``
            (modes that keep comments still cut at the scissors).

    Returns:
        The cleaned message with each line's original number.

    Example:
        >>> clean_message("feat: x  \\n\\n\\n# c\\nbody\\n").lines
        ('feat: x', '', 'body')
    """
    return Message(*clean_lines(text, comment, cut))


def parse_header(line: str) -> Header | None:
    """Split a first line into type, scope, ``!``, spacing and subject.

    Args:
        line: The message's first line.

    Returns:
        The parts, or None when the line has no ``<type>(<scope>)!:`` prefix.

    Example:
        >>> parse_header("feat: add search").subject
        'add search'
        >>> parse_header("add search") is None
        True
    """
    parts = split_header(line)
    return None if parts is None else Header(*parts)


def is_git_generated(line: str) -> bool:
    """Return whether a first line is one git writes itself.

    Merges (``Merge branch 'x'``, ``Merge remote-tracking branch ...``, ``Merge pull
    request #N from ...``), git's default ``Revert "..."`` and the autosquash
    prefixes ``fixup!``, ``squash!`` and ``amend!``, also with the `` (#N)`` a
    forge's squash-merge appends. A line that merely starts with the word "Merge"
    is not one of them.

    Example:
        >>> is_git_generated("Merge branch 'x'"), is_git_generated("Merge tables")
        (True, False)
    """
    return _GIT_GENERATED.fullmatch(line) is not None
