"""A commit message's text as git stores it, and its first line, in plain Python.

The rules of the commit family (``rules/commit``) and the launcher's fast path
(``constitution_hooks.fast_commit_msg``) both clean and split messages here, so
the fast answer is the rule's own. This module imports nothing: no ``re``,
``typing`` or ``collections``, and not the ``rules`` package, whose
``__init__`` loads every family's registry; that start-up budget is why it
lives in ``core`` (as ``core/patterns.py`` does for branch names). Results are
plain tuples; ``rules/commit/cleanup.py`` wraps them in named records.
"""

from __future__ import annotations

# Reason: git's own list for core.commentChar=auto, tried in this order.
COMMENT_CANDIDATES = "#;@!$%^&|:"
CUT_LINE = "------------------------ >8 ------------------------"
# Reason: git's own isspace() (git-compat-util.h) is only space, tab, LF and CR;
# a trailing form feed or vertical tab stays in the stored message.
GIT_SPACE = " \t\n\r"
CLEANUP_MODES = ("default", "strip", "whitespace", "verbatim", "scissors")
TYPES = ("feat", "fix", "docs", "style", "refactor", "test", "chore")
MAX_LENGTH = 49
# Reason: the [tool.constitution.commit-message] defaults as plain data, for a
# run that reads no config; rules/commit's SECTION declares the same values.
DEFAULTS: dict[str, object] = {
    "enabled": True,
    "types": TYPES,
    "max-length": MAX_LENGTH,
    "length-of": "first-line",
    "scopes": (),
    "require-scope": False,
    "allow-git-messages": True,
    "ai-references": True,
    "ai-patterns": [],
    "ai-builtin-patterns": True,
    "ai-allow": [],
}

# Reason: one `git config` process reads both settings (the full command and the
# fast path run exactly this).
CONFIG_ARGUMENTS = (
    "config",
    "-z",
    "--get-regexp",
    r"^(core\.comment(char|string)|commit\.cleanup)$",
)

Lines = tuple[tuple[str, ...], tuple[int, ...]]
HeaderParts = tuple[str, "str | None", bool, str, str]


def resolve_comment(setting: str, text: str) -> str:
    """Return the comment prefix git used for this message.

    ``core.commentChar=auto`` (in any case) makes git pick the first of
    ``#;@!$%^&|:`` that starts no line of the message; the file only shows the
    result, so the char is read from the scissors line, else from the comment
    block git appends at the end, else git's own choice over the text.

    Args:
        setting: ``core.commentChar`` (or ``core.commentString``) as configured.
        text: The message file's text.

    Returns:
        The prefix that marks comment lines.

    Example:
        >>> resolve_comment("auto", "feat: x\\n\\n#1 fixed\\n; Please enter\\n")
        ';'
    """
    # Reason: git compares the value with "auto" ignoring ASCII case (strcasecmp).
    if not (setting.isascii() and setting.lower() == "auto"):
        return setting
    lines = text.split("\n")
    for line in lines:
        for candidate in COMMENT_CANDIDATES:
            if line.startswith(f"{candidate} {CUT_LINE}"):
                return candidate
    last = next((line for line in reversed(lines) if line.strip(GIT_SPACE)), "")
    if last[:1] and last[0] in COMMENT_CANDIDATES:
        return last[0]
    used = {line[:1] for line in lines}
    return next((c for c in COMMENT_CANDIDATES if c not in used), "#")


def message_config(output: bytes) -> tuple[str, str]:
    """Read ``core.commentChar``/``core.commentString`` and ``commit.cleanup``.

    ``output`` is what ``git config -z --get-regexp`` printed for those keys;
    unset keys (or empty values) give git's defaults, ``#`` and ``default``, and
    the last value git printed wins.

    Example:
        >>> message_config(b"core.commentchar\\n;\\x00commit.cleanup\\nstrip\\x00")
        (';', 'strip')
        >>> message_config(b"")
        ('#', 'default')
    """
    comment, cleanup = "#", "default"
    for entry in output.decode("utf-8", "replace").split("\0"):
        key, _, value = entry.partition("\n")
        if key == "commit.cleanup":
            cleanup = value or cleanup
        elif key.startswith("core.comment"):
            comment = value or comment
    return comment, cleanup


def hook_lines(
    text: str, comment: str, cleanup: str = "default"
) -> tuple[tuple[str, ...], tuple[int, ...], tuple[tuple[int, str], ...]]:
    """Clean a commit-msg hook's file for the ``commit.cleanup`` mode in use.

    ``strip`` drops comment lines; ``whitespace``, ``scissors`` and ``verbatim``
    keep them as content (``verbatim`` is judged like ``whitespace``). ``default``
    drops them after the editor (git's template is in the file) and keeps them for
    ``-m`` and ``-F``; since the hook cannot tell those apart, the rules judge the
    stripped message (or the kept one when stripping leaves nothing, as
    ``git commit -m "#123 fix"`` stores "#123 fix"), and the comment lines are
    handed on as the third item for CON304.

    Args:
        text: The message file's text.
        comment: The comment prefix (``resolve_comment``).
        cleanup: ``commit.cleanup`` as configured (unknown values: ``default``).

    Returns:
        The judged lines, their line numbers, and ``(number, line)`` of the
        comment lines git may keep.

    Example:
        >>> hook_lines("#123 fix the thing\\n", "#")
        (('#123 fix the thing',), (1,), ())
        >>> hook_lines("feat: x\\n# kept by -m\\n", "#")
        (('feat: x',), (1,), ((2, '# kept by -m'),))
    """
    mode = cleanup.strip().lower()
    if mode == "strip":
        return (*clean_lines(text, comment), ())
    if mode in ("whitespace", "verbatim", "scissors"):
        return (*clean_lines(text, "", cut=comment), ())
    stripped = clean_lines(text, comment)
    if _edited(text, comment):
        return (*stripped, ())
    kept = clean_lines(text, "", cut=comment)
    if not stripped[0]:
        return (*kept, ())
    dropped = set(stripped[1])
    comments = tuple(
        (number, line)
        for number, line in zip(kept[1], kept[0], strict=True)
        if number not in dropped and line.startswith(comment)
    )
    return (*stripped, comments)


def _edited(text: str, comment: str) -> bool:
    """Whether git's editor template is in the file (a bare comment line)."""
    # Reason: git's template always has a line holding only the comment prefix
    # (and `commit -v` a scissors line); a `-m` or `-F` message has neither.
    scissors = f"{comment} {CUT_LINE}"
    return any(
        line.rstrip(GIT_SPACE) == comment or line.startswith(scissors)
        for line in text.split("\n")
    )


def clean_lines(text: str, comment: str = "#", cut: str | None = None) -> Lines:
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
        The lines git would store and each one's 1-based number in ``text``.

    Example:
        >>> clean_lines("feat: x  \\n\\n\\n# c\\nbody\\n")
        (('feat: x', '', 'body'), (1, 4, 5))
    """
    lines: list[str] = []
    numbers: list[int] = []
    blank_pending = False
    cut = comment if cut is None else cut
    scissors = f"{cut} {CUT_LINE}"
    for number, raw in enumerate(text.split("\n"), start=1):
        if cut and raw.startswith(scissors):
            break
        if comment and raw.startswith(comment):
            continue
        line = raw.rstrip(GIT_SPACE)
        if not line:
            blank_pending = True
            continue
        if blank_pending and lines:
            lines.append("")
            numbers.append(number - 1)
        lines.append(line)
        numbers.append(number)
        blank_pending = False
    return tuple(lines), tuple(numbers)


def split_header(line: str) -> HeaderParts | None:
    """Split a first line as ``<type>(<scope>)!:<space><subject>``.

    The grammar of CON301: a type of characters other than blanks and ``():!``,
    an optional scope in parentheses (no parentheses inside), an optional ``!``,
    a colon, the blanks after it and the rest. A line git writes itself
    (``Merge ...``, ``Revert "..."``, ``fixup! ...``) never splits: a blank or
    ``! `` follows its first word.

    Returns:
        ``(type, scope or None, breaking, space, subject)``, or None.

    Example:
        >>> split_header("feat(api)!: drop v1")
        ('feat', 'api', True, ' ', 'drop v1')
        >>> split_header("Merge branch 'x'") is None
        True
    """
    end, size = 0, len(line)
    while end < size and not (line[end] in "():!" or line[end].isspace()):
        end += 1
    if end == 0:
        return None
    scope, at = None, end
    if line.startswith("(", at):
        close = line.find(")", at + 1)
        if close < 0 or "(" in line[at + 1 : close]:
            return None
        scope, at = line[at + 1 : close], close + 1
    breaking = line.startswith("!", at)
    at += breaking
    if not line.startswith(":", at) or "\n" in line[at:]:
        return None
    rest = line[at + 1 :]
    subject = rest.lstrip(" \t")
    return line[:end], scope, breaking, rest[: len(rest) - len(subject)], subject


def format_fault(
    parts: HeaderParts | None, scopes: tuple[str, ...], require_scope: bool
) -> str:
    """Name what is wrong with a first line's form (CON301), or ``""``.

    One of ``form`` (no ``<type>:``), ``empty-scope``, ``no-subject``, ``space``
    (not exactly one space after the colon), ``no-scope`` (one is required) and
    ``scope`` (not an allowed one), the first that applies.

    Example:
        >>> format_fault(split_header("feat:  x"), (), False)
        'space'
        >>> format_fault(split_header("feat(api): x"), ("api",), True)
        ''
    """
    if parts is None:
        return "form"
    _, scope, _, space, subject = parts
    if scope is not None and not scope.strip():
        return "empty-scope"
    if not subject.strip():
        return "no-subject"
    if space != " ":
        return "space"
    if scope is None and require_scope:
        return "no-scope"
    if scope is not None and scopes and scope not in scopes:
        return "scope"
    return ""


def measured(line: str, parts: HeaderParts | None, length_of: str) -> str:
    """The text CON303 counts: the first line, or its subject (``length-of``).

    Example:
        >>> measured("feat: add search", split_header("feat: add search"), "subject")
        'add search'
    """
    if parts is not None and length_of == "subject":
        return parts[4]
    return line


def body_glued(lines: tuple[str, ...]) -> bool:
    """Whether a body line follows the first line without a blank line (CON305).

    Example:
        >>> body_glued(("feat: x", "more")), body_glued(("feat: x", "", "more"))
        (True, False)
    """
    return len(lines) > 1 and bool(lines[1])
