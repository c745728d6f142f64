"""CON012: a tool's suppression comment names its codes and says why.

"Violations require written justification in code comments." The suppressions of
ruff/flake8 (``# noqa``), mypy (``# type: ignore``), pyright, bandit (``# nosec``),
coverage.py (``# pragma: no cover``/``no branch``) and black/ruff format
(``# fmt: off``/``skip``) are read from comments with the tokenizer, as waivers are.
A reason follows ``Reason:``, ``--`` or ``because``, in the same comment or in the
block of comment lines right above it (or above its statement's first line).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from constitution_hooks.core.comments import comments_on
from constitution_hooks.core.config import Settings
from constitution_hooks.core.source import Comment, SourceFile
from constitution_hooks.core.violation import Finding
from constitution_hooks.rules.waivers import KINDS as KINDS

_CODE = r"[A-Z]+[0-9]+"
_BANDIT = r"(?:B[0-9]+|[a-z]+(?:_[a-z0-9]+)+)"
# Reason: one pattern per tool, as each tool itself reads its comment; the group
# "codes" holds what the tool takes as codes (absent for tools that have none).
_DIRECTIVES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "noqa",
        re.compile(
            r"#\s*(?P<file>(?:ruff|flake8)\s*:\s*)?(?i:noqa)\b"
            rf"(?:\s*:\s*(?P<codes>{_CODE}(?:[\s,]+{_CODE})*))?"
        ),
    ),
    ("type-ignore", re.compile(r"#\s*type:\s*ignore\b(?:\[(?P<codes>[^\]]*)\])?")),
    (
        "pyright-ignore",
        re.compile(r"#\s*pyright:\s*ignore\b(?:\[(?P<codes>[^\]]*)\])?"),
    ),
    (
        "nosec",
        re.compile(rf"#\s*nosec\b:?\s*(?P<codes>{_BANDIT}(?:[\s,]+{_BANDIT})*)?"),
    ),
    (
        "pragma",
        re.compile(r"#\s*(?i:pragma)[:\s]?\s*(?i:no)\s*(?P<what>(?i:cover|branch))"),
    ),
    ("fmt", re.compile(r"#\s*fmt:\s*(?P<what>off|skip)\b")),
)
_WITH_CODES = frozenset({"noqa", "type-ignore", "pyright-ignore", "nosec"})
# Reason: a search that only a directive can match, so comments are read on the
# few lines that hold one ("type:" alone is in most annotated code).
_QUICK = re.compile(
    r"#\s*(?:(?:ruff|flake8)\s*:\s*)?noqa|#\s*type:\s*ignore|#\s*nosec"
    r"|#\s*pragma|#\s*pyright:\s*ignore|#\s*fmt:",
    re.IGNORECASE,
)
# Reason: the same search line by line ("\s" never runs into the next line), so
# each match names the line of its "#": the lines whose comments are read.
_ON_A_LINE = re.compile(_QUICK.pattern.replace(r"\s", r"[^\S\n]"), re.IGNORECASE)
_INTRODUCER = re.compile(r"(?i:reason:)|--|\b(?i:because)\b")
# Reason: the reason goes where each tool still honours the directive: mypy rejects
# text after ``ignore[...]``, bandit reads words after ``nosec`` as test names and
# black wants ``fmt: skip`` last but for further comments, so those take it in a
# second comment; ruff, flake8 and coverage.py read past ``-- <why>``.
_INLINE = frozenset({"noqa", "pragma"})
_PLACEHOLDER = {
    "noqa": "# noqa: <CODE>",
    "type-ignore": "# type: ignore[<code>]",
    "pyright-ignore": "# pyright: ignore[<rule>]",
    "nosec": "# nosec <B-id>",
}


class Suppression(NamedTuple):
    """One suppression comment of another tool.

    Attributes:
        line: Its line, 1-based.
        column: The column of its ``#``, 1-based.
        kind: One of ``KINDS``.
        label: The directive as its tool names it, such as ``type: ignore``.
        codes: The codes it names (always empty for kinds without codes).
        reason: The written reason, from its comment or the comments above.
        scope: ``file`` for ``# ruff: noqa``/``# flake8: noqa``, else ``line``.
        text: The comment as written.

    Example:
        >>> from constitution_hooks.core.source import read_comments
        >>> comments = read_comments("import os  # noqa: F401 -- re-exported\\n")
        >>> read_suppressions(comments)[0].codes
        ('F401',)
    """

    line: int
    column: int
    kind: str
    label: str
    codes: tuple[str, ...]
    reason: str
    scope: str
    text: str

    def written(self) -> str:
        """The directive with its codes, as a message quotes it."""
        codes = ", ".join(self.codes)
        if self.kind in ("type-ignore", "pyright-ignore"):
            return f"# {self.label}[{codes}]" if codes else f"# {self.label}"
        if self.kind == "noqa" and codes:
            return f"# {self.label}: {codes}"
        return f"# {self.label} {codes}".rstrip()


def has_marker(text: str) -> bool:
    """Whether a text may hold a suppression at all (a cheap test before tokenizing).

    Example:
        >>> has_marker("x = 1  # plain\\n"), has_marker("x = 1  # NOQA\\n")
        (False, True)
    """
    return _QUICK.search(text) is not None


def read_suppressions(comments: Sequence[Comment]) -> list[Suppression]:
    """Read the suppressions of every comment, each with its codes and reason.

    Args:
        comments: A file's comments (``SourceFile.comments``).

    Returns:
        The suppressions in source order.

    Example:
        >>> from constitution_hooks.core.source import read_comments
        >>> [s.label for s in read_suppressions(read_comments("# fmt: off\\n"))]
        ['fmt: off']
    """
    directives = [_directives(comment.text) for comment in comments]
    # Reason: a comment above explains the line below only if it is prose, not
    # another suppression.
    own = {
        c.line: c
        for c, found in zip(comments, directives, strict=True)
        if c.own_line and not found
    }
    found: list[Suppression] = []
    for comment, matches in zip(comments, directives, strict=True):
        if not matches:
            continue
        reason = _reason_in(comment.text, [m.span() for _, m in matches])
        if not reason:
            reason = _reason_above(own, comment.line) or _reason_above(
                own, comment.statement
            )
        found.extend(_suppression(comment, kind, m, reason) for kind, m in matches)
    return sorted(found, key=lambda s: (s.line, s.column))


def directive_comments(source: SourceFile) -> list[Comment]:
    """The comments ``read_suppressions`` needs, without reading every comment.

    Those on the lines where a directive may be, and the comment lines right
    above each directive and above its statement (where its reason may be):
    given these, ``read_suppressions`` finds what it finds in all comments.

    Example:
        >>> text = b"x = 1  # plain\\n# Reason: generated\\nimport os  # noqa: F401\\n"
        >>> source = SourceFile.from_bytes("a.py", text)
        >>> [c.line for c in directive_comments(source)]
        [2, 3]
    """
    text = source.text
    lines = _lines_matching(text)
    if not lines:
        return []
    found = comments_on(source, lines)
    physical = text.split("\n")
    above: set[int] = set()
    for comment in found:
        if _directives(comment.text):
            above |= _comment_lines_above(physical, comment.line)
            above |= _comment_lines_above(physical, comment.statement)
    # Reason: a line's comments come whole from one read (a lone "\r" can put
    # two on one line), so lines already read are not read again.
    above -= {comment.line for comment in found}
    return sorted((*found, *comments_on(source, above)))


def _lines_matching(text: str) -> list[int]:
    lines: list[int] = []
    line, last = 1, 0
    for match in _ON_A_LINE.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        if not lines or lines[-1] != line:
            lines.append(line)
    return lines


def _comment_lines_above(physical: list[str], line: int) -> set[int]:
    """The lines above ``line`` that look like comment lines (``#`` after blanks)."""
    found: set[int] = set()
    above = line - 1
    while above >= 1 and physical[above - 1].lstrip().startswith("#"):
        found.add(above)
        above -= 1
    return found


def _directives(text: str) -> list[tuple[str, re.Match[str]]]:
    if not _QUICK.search(text):
        return []
    return [
        (kind, match)
        for kind, pattern in _DIRECTIVES
        for match in pattern.finditer(text)
    ]


def _suppression(
    comment: Comment, kind: str, match: re.Match[str], reason: str
) -> Suppression:
    raw = match.groupdict().get("codes") or ""
    codes = tuple(code for code in re.split(r"[\s,]+", raw) if code)
    file_level = kind == "noqa" and match.group("file") is not None
    return Suppression(
        line=comment.line,
        column=comment.column + match.start(),
        kind=kind,
        label=_label(kind, match),
        codes=codes,
        reason=reason,
        scope="file" if file_level else "line",
        text=comment.text,
    )


def _label(kind: str, match: re.Match[str]) -> str:
    if kind == "noqa":
        tool = match.group("file")
        return f"{tool.split(':')[0].strip()}: noqa" if tool else "noqa"
    if kind == "pragma":
        return f"pragma: no {match.group('what').lower()}"
    if kind == "fmt":
        return f"fmt: {match.group('what')}"
    return {"type-ignore": "type: ignore", "pyright-ignore": "pyright: ignore"}.get(
        kind, kind
    )


def _reason_in(text: str, spans: list[tuple[int, int]]) -> str:
    """The reason in the parts of a comment outside its directives, or ""."""
    pieces, start = [], 0
    for begin, end in sorted(spans):
        pieces.append(text[start:begin])
        start = max(start, end)
    pieces.append(text[start:])
    return max((_after_introducer(piece) for piece in pieces), key=len)


def _reason_above(own: dict[int, Comment], line: int) -> str:
    block: list[str] = []
    above = line - 1
    while above in own:
        block.insert(0, own[above].text.lstrip("#"))
        above -= 1
    return _after_introducer(" ".join(block))


def _after_introducer(text: str) -> str:
    match = _INTRODUCER.search(text)
    return text[match.end() :].strip(" \t#") if match else ""


def check_suppressions(source: SourceFile, settings: Settings) -> Iterator[Finding]:
    """Flag suppressions without codes (where the tool has codes) or a reason.

    Example:
        >>> import pathlib, tempfile
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.py"
        >>> _ = p.write_text("import os  # noqa\\n")
        >>> s = Settings({"min-reason-chars": 10, "kinds": ["noqa"]})
        >>> [f.message[:26] for f in check_suppressions(SourceFile(p), s)]
        ["'# noqa' names no codes an"]
    """
    comments = directive_comments(source)
    if not comments:
        return
    minimum = settings.integer("min-reason-chars")
    kinds = frozenset(settings.strings("kinds"))
    for found in read_suppressions(comments):
        if found.kind in kinds:
            message = _problem(found, minimum)
            if message:
                yield Finding(found.line, found.column, message)


def fix_for(found: Suppression) -> str:
    """The suppression written with codes and a reason, in a form its tool honours.

    Example:
        >>> from constitution_hooks.core.source import read_comments
        >>> (s,) = read_suppressions(read_comments("assert x  # nosec B101\\n"))
        >>> fix_for(s)
        '# nosec B101  # Reason: <why>'
    """
    written = found.written()
    if found.kind in _WITH_CODES and not found.codes:
        written = _PLACEHOLDER[found.kind]
    separator = " -- " if found.kind in _INLINE else "  # Reason: "
    return f"{written}{separator}<why>"


def _problem(found: Suppression, minimum: int) -> str:
    fix = f"write '{fix_for(found)}' ({minimum}+ characters)"
    if found.kind in _WITH_CODES and not found.codes:
        state = "and no reason" if len(found.reason) < minimum else "but a reason"
        return f"'{found.written()}' names no codes {state}; {fix}"
    if not found.reason:
        return (
            f"'{found.written()}' has no written reason; {fix}, or a"
            " '# Reason: <why>' comment on the line above"
        )
    if len(found.reason) < minimum:
        return (
            f"the reason '{found.reason}' of '{found.written()}' is"
            f" {len(found.reason)} characters (at least {minimum}); {fix}"
        )
    return ""
