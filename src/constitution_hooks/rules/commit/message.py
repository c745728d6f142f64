"""CON301-CON306: the commit message, judged as git will store it.

Checks are pure functions over a cleaned ``Message``; the command reads the file
(or ``git log``) and cleans the text first, so these tests need no git.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from constitution_hooks.core.config import Settings
from constitution_hooks.core.registry import Rule
from constitution_hooks.core.violation import Finding
from constitution_hooks.rules.commit import (
    AI_REFERENCE,
    BODY_SEPARATION,
    EMPTY,
    HEADER_FORMAT,
    SUBJECT_TOO_LONG,
    TYPE_UNKNOWN,
    TYPES,
)
from constitution_hooks.rules.commit import RULES as RULES
from constitution_hooks.rules.commit import SECTION as SECTION
from constitution_hooks.rules.commit.ai_references import (
    DEFAULT_PATTERNS,
    compile_patterns,
    find_ai_references,
)
from constitution_hooks.rules.commit.cleanup import (
    Header,
    Message,
    is_git_generated,
    parse_header,
)

_FORM = '"<type>(<scope>): <subject>"'
_TYPE_WORDS = {
    "feat": "feat feature features add adds added new implement implements",
    "fix": "fix fixes fixed fixing bugfix hotfix",
    "docs": "doc docs document documents documented",
    "style": "style format formats formatted lint",
    "refactor": "refactor refactors refactored refactoring",
    "test": "test tests tested testing",
    "chore": "chore chores bump bumps",
}
# Reason: a first word that is itself a type becomes the type, not subject text.
_DROPPED_WORDS = frozenset(
    [
        "feat",
        "feature",
        "fix",
        "docs",
        "doc",
        "style",
        "refactor",
        "test",
        "tests",
        "chore",
    ]
)

_TRAILER = re.compile(r"[A-Za-z][\w-]*:\s")

Found = tuple[Rule, Finding]


def check_message(message: Message, settings: Settings) -> Iterator[Found]:
    """Judge a cleaned message against CON301-CON306.

    Args:
        message: The message after git's clean-up (see ``clean_message``).
        settings: The ``commit-message`` table.

    Yields:
        ``(rule, finding)`` pairs; lines are the message's original line numbers.

    Example:
        >>> from constitution_hooks.rules.commit.cleanup import clean_message
        >>> s = Settings({o.key: o.default for o in SECTION.all_options()})
        >>> [r.code for r, _ in check_message(clean_message("Add search"), s)]
        ['CON301']
    """
    if message.is_empty:
        yield EMPTY, Finding(1, 1, _empty_text(settings))
        return
    git_written = is_git_generated(message.header)
    if not (git_written and settings.flag("allow-git-messages")):
        yield from _check_header(message, settings)
        yield from _check_body(message)
    if settings.flag("ai-references"):
        yield from _check_ai(message, settings)


def _empty_text(settings: Settings) -> str:
    return (
        "message is empty after git's clean-up (comment and blank lines removed);"
        f' git would abort the commit; write e.g. "{suggest("", None, settings)}"'
    )


def _check_header(message: Message, settings: Settings) -> Iterator[Found]:
    line = message.header
    number = message.numbers[0]
    header = parse_header(line)
    example = _example(line, header, settings)
    problem = _format_problem(line, header, settings)
    if problem:
        yield HEADER_FORMAT, Finding(number, 1, f"{problem}, e.g. {_q(example)}")
    if header is not None and header.type not in settings.strings("types"):
        yield TYPE_UNKNOWN, Finding(
            number, 1, f"{_type_problem(line, header, settings)}; e.g. {_q(example)}"
        )
    yield from _check_length(line, header, number, example, settings)


def _format_problem(line: str, header: Header | None, settings: Settings) -> str:
    scopes = settings.strings("scopes")
    if header is None:
        return f"first line {_q(line)} is not {_FORM}; write it"
    if header.scope is not None and not header.scope.strip():
        return f"first line {_q(line)} has empty parentheses; name a scope or drop them"
    if not header.subject.strip():
        return f"first line {_q(line)} has no subject after the colon; add one"
    if header.space != " ":
        return f"first line {_q(line)} needs exactly one space after the colon"
    if header.scope is None and settings.flag("require-scope"):
        return f"first line {_q(line)} has no scope (a scope is required)"
    if header.scope is not None and scopes and header.scope not in scopes:
        allowed = ", ".join(scopes)
        return f"scope {_q(header.scope)} in {_q(line)} is not allowed ({allowed})"
    return ""


def _type_problem(line: str, header: Header, settings: Settings) -> str:
    types = settings.strings("types")
    allowed = f"(allowed: {', '.join(types)})"
    if header.type.lower() in types:
        return (
            f"type {_q(header.type)} in {_q(line)} must be written exactly"
            f" {_q(header.type.lower())} {allowed}"
        )
    return f"type {_q(header.type)} in {_q(line)} is not allowed {allowed}"


def _check_length(
    line: str, header: Header | None, number: int, example: str, settings: Settings
) -> Iterator[Found]:
    limit = settings.integer("max-length")
    by_subject = header is not None and settings.text("length-of") == "subject"
    measured = header.subject if header is not None and by_subject else line
    if len(measured) <= limit:
        return
    start = len(line) - len(measured)
    what = "subject" if by_subject else "first line"
    yield SUBJECT_TOO_LONG, Finding(
        number,
        start + limit + 1,
        f"{what} {_q(measured)} is {len(measured)} characters long (limit {limit});"
        f" shorten it and move details to the body, e.g. {_q(example)}",
    )


def _check_body(message: Message) -> Iterator[Found]:
    if len(message.lines) > 1 and message.lines[1]:
        yield BODY_SEPARATION, Finding(
            message.numbers[1],
            1,
            f"body line {_q(message.lines[1])} follows the first line directly;"
            f" leave one blank line after {_q(message.header)}",
        )


def _example(line: str, header: Header | None, settings: Settings) -> str:
    # Reason: a suggested first line must not repeat the AI reference CON304 flags.
    hits = _ai_hits(line, settings) if settings.flag("ai-references") else []
    return _without(line, hits, settings) if hits else suggest(line, header, settings)


def _ai_hits(line: str, settings: Settings) -> list[tuple[int, str]]:
    builtins = DEFAULT_PATTERNS if settings.flag("ai-builtin-patterns") else ()
    patterns = compile_patterns((*builtins, *settings.strings("ai-patterns")))
    allow = compile_patterns(settings.strings("ai-allow"))
    return find_ai_references(line, patterns, allow)


def _check_ai(message: Message, settings: Settings) -> Iterator[Found]:
    for index, line in enumerate(message.lines):
        hits = _ai_hits(line, settings)
        if not hits:
            continue
        words = ", ".join(_q(text) for _, text in hits)
        fix = "reword it without the reference"
        if _TRAILER.match(line):
            fix = "remove this trailer"
        if index == 0:
            fix = f"e.g. {_q(_without(line, hits, settings))}"
        yield AI_REFERENCE, Finding(
            message.numbers[index],
            hits[0][0],
            f"line {_q(line)} references AI: {words}; {fix}"
            " (no AI references in commit messages)",
        )


def _without(line: str, hits: list[tuple[int, str]], settings: Settings) -> str:
    for column, text in reversed(hits):
        line = line[: column - 1] + line[column - 1 + len(text) :]
    words = line.split()
    while words and words[-1].lower() in {"with", "by", "using", "via", "from"}:
        words.pop()
    cleaned = " ".join(words)
    return suggest(cleaned, parse_header(cleaned), settings)


def suggest(line: str, header: Header | None, settings: Settings) -> str:
    """Build a valid first line from the author's own words.

    The type is kept when allowed, else corrected (case, close spelling, or the
    first word's meaning); the subject is the author's, shortened at a word to fit.

    Example:
        >>> s = Settings({o.key: o.default for o in SECTION.all_options()})
        >>> suggest("Fix login redirect", None, s)
        'fix: login redirect'
    """
    types = settings.strings("types") or TYPES
    breaking = False
    if header is None:
        kind, scope, subject = _guess(line, types)
    else:
        kind, scope = _correct_type(header.type, types), header.scope
        subject, breaking = header.subject, header.breaking
    scope = _fit_scope(scope, settings)
    prefix = f"{kind}({scope})" if scope else kind
    prefix += "!: " if breaking else ": "
    subject = subject.strip().rstrip(".").strip() or "describe the change"
    if subject[:1].isupper() and not subject[1:2].isupper():
        subject = subject[0].lower() + subject[1:]
    room = settings.integer("max-length")
    if settings.text("length-of") == "first-line":
        room -= len(prefix)
    return prefix + _shorten(subject, max(room, 1))


def _guess(line: str, types: tuple[str, ...]) -> tuple[str, str | None, str]:
    head, _, rest = line.strip().partition(" ")
    word, _, scope = head.partition("(")
    word = word.rstrip(":!").lower()
    kind = next((t for t, w in _TYPE_WORDS.items() if word in w.split()), "")
    if word in _DROPPED_WORDS and rest:
        return _correct_type(kind, types), scope.rstrip("):!") or None, rest.lstrip(":")
    return _correct_type(kind, types), None, line


def _correct_type(kind: str, types: tuple[str, ...]) -> str:
    if kind in types:
        return kind
    if kind.lower() in types:
        return kind.lower()
    import difflib  # Reason: only a mistyped commit type pays for difflib.

    close = difflib.get_close_matches(kind.lower(), types, n=1, cutoff=0.6)
    if close:
        return close[0]
    guessed = next((t for t, w in _TYPE_WORDS.items() if kind.lower() in w.split()), "")
    return guessed if guessed in types else types[0]


def _fit_scope(scope: str | None, settings: Settings) -> str | None:
    scopes = settings.strings("scopes")
    if scope is not None and (not scope.strip() or (scopes and scope not in scopes)):
        scope = None
    if scope is None and settings.flag("require-scope"):
        scope = scopes[0] if scopes else "core"
    return scope


def _shorten(subject: str, room: int) -> str:
    if len(subject) <= room:
        return subject
    kept = ""
    for word in subject.split():
        candidate = f"{kept} {word}" if kept else word
        if len(candidate) > room:
            break
        kept = candidate
    return kept or subject[:room]


def _q(text: str) -> str:
    return f'"{text}"'
