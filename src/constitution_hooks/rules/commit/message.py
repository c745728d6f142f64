"""CON301-CON306: the commit message, judged as git will store it.

Checks are pure functions over a cleaned ``Message``; the command reads the file
(or ``git log``) and cleans the text first, so these tests need no git.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from constitution_hooks.core.commit_text import body_glued, format_fault, measured
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
    Reference,
    compile_patterns,
    find_ai_references,
)
from constitution_hooks.rules.commit.cleanup import (
    Header,
    Message,
    is_git_generated,
    parse_header,
)
from constitution_hooks.rules.commit.settings import CommitSettings

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

_TELLING_WORDS = {
    word: kind
    for kind, words in (
        (
            "fix",
            "fix fixes fixed fixing bug bugs bugfix hotfix repair repairs repaired",
        ),
        ("docs", "docs doc readme documentation document documents documented"),
        ("test", "test tests testing tested"),
        (
            "refactor",
            "refactor refactors refactored refactoring rename renames"
            " renamed move moves moved",
        ),
    )
    for word in words.split()
}
_DANGLING = frozenset(
    [
        "a",
        "an",
        "the",
        "for",
        "to",
        "of",
        "and",
        "or",
        "nor",
        "but",
        "with",
        "without",
        "in",
        "on",
        "at",
        "by",
        "from",
        "into",
        "onto",
        "via",
        "as",
        "that",
        "which",
        "who",
        "when",
        "while",
        "if",
        "so",
        "than",
        "then",
        "per",
        "over",
        "under",
        "about",
        "after",
        "before",
        "between",
        "through",
        "is",
        "are",
        "was",
        "were",
        "be",
        "its",
        "their",
        "our",
        "my",
        "your",
        "this",
        "these",
        "those",
    ]
)
_TRAILER = re.compile(r"[A-Za-z][\w-]*:\s")
_BOM = "\ufeff"
_KEPT_NOTE = (
    "; a comment line, but git keeps it for `git commit -m` and `-F` under"
    " commit.cleanup=default"
)

Found = tuple[Rule, Finding]
# Reason: the faults core/commit_text.format_fault names, in the words CON301 uses.
_FAULTS = {
    "form": "first line {line} is not " + _FORM + "; write it",
    "empty-scope": "first line {line} has empty parentheses; name a scope or drop them",
    "no-subject": "first line {line} has no subject after the colon; add one",
    "space": "first line {line} needs exactly one space after the colon",
    "no-scope": "first line {line} has no scope (a scope is required)",
    "scope": "scope {scope} in {line} is not allowed ({allowed})",
}


def check_message(message: Message, settings: CommitSettings) -> Iterator[Found]:
    """Judge a cleaned message against CON301-CON306.

    Args:
        message: The message after git's clean-up (see ``clean_message``).
        settings: The ``commit-message`` table, resolved.

    Yields:
        ``(rule, finding)`` pairs; lines are the message's original line numbers.

    Example:
        >>> from constitution_hooks.rules.commit.cleanup import clean_message
        >>> from constitution_hooks.core.commit_text import DEFAULTS
        >>> from constitution_hooks.core.config import Settings
        >>> s = CommitSettings.from_settings(Settings(DEFAULTS))
        >>> [r.code for r, _ in check_message(clean_message("Add search"), s)]
        ['CON301']
    """
    if message.is_empty:
        yield EMPTY, Finding(1, 1, _empty_text(settings))
        return
    git_written = is_git_generated(message.header)
    if not (git_written and settings.allow_git_messages):
        yield from _check_header(message, settings)
        yield from _check_body(message)
    if settings.ai_references:
        yield from _check_ai(message, settings)


def _empty_text(settings: CommitSettings) -> str:
    return (
        "message is empty after git's clean-up (comment and blank lines removed);"
        f' git would abort the commit; write e.g. "{suggest("", None, settings)}"'
    )


def _check_header(message: Message, settings: CommitSettings) -> Iterator[Found]:
    line = message.header
    number = message.numbers[0]
    if line.startswith(_BOM):
        yield from _check_bom(line, number, settings)
        return
    header = parse_header(line)
    example = _example(line, header, settings)
    problem = _format_problem(line, header, settings)
    if problem:
        yield HEADER_FORMAT, Finding(number, 1, f"{problem}, e.g. {_q(example)}")
    if header is not None and header.type not in settings.types:
        yield TYPE_UNKNOWN, Finding(
            number, 1, f"{_type_problem(line, header, settings)}; e.g. {_q(example)}"
        )
    yield from _check_length(line, header, number, example, settings)


def _check_bom(line: str, number: int, settings: CommitSettings) -> Iterator[Found]:
    visible = line.lstrip(_BOM)
    header = parse_header(visible)
    example = _example(visible, header, settings)
    yield HEADER_FORMAT, Finding(
        number,
        1,
        f"first line {_q(visible)} starts with an invisible byte order mark"
        " (U+FEFF) that git would store; save the message as UTF-8 without BOM,"
        f" e.g. {_q(example)}",
    )
    yield from _check_length(line, header, number, example, settings)


def _format_problem(line: str, header: Header | None, settings: CommitSettings) -> str:
    fault = format_fault(header, settings.scopes, settings.require_scope)
    if not fault:
        return ""
    scope = header.scope if header is not None else None
    return _FAULTS[fault].format(
        line=_q(line), scope=_q(scope or ""), allowed=", ".join(settings.scopes)
    )


def _type_problem(line: str, header: Header, settings: CommitSettings) -> str:
    types = settings.types
    allowed = f"(allowed: {', '.join(types)})"
    if header.type.lower() in types:
        return (
            f"type {_q(header.type)} in {_q(line)} must be written exactly"
            f" {_q(header.type.lower())} {allowed}"
        )
    return f"type {_q(header.type)} in {_q(line)} is not allowed {allowed}"


def _check_length(
    line: str,
    header: Header | None,
    number: int,
    example: str,
    settings: CommitSettings,
) -> Iterator[Found]:
    limit = settings.max_length
    counted = measured(line, header, settings.length_of)
    if len(counted) <= limit:
        return
    start = len(line) - len(counted)
    by_subject = header is not None and settings.length_of == "subject"
    what = "subject" if by_subject else "first line"
    yield SUBJECT_TOO_LONG, Finding(
        number,
        start + limit + 1,
        f"{what} {_q(counted)} is {len(counted)} characters long (limit {limit});"
        f" shorten it and move details to the body, e.g. {_q(example)}",
    )


def _check_body(message: Message) -> Iterator[Found]:
    if body_glued(message.lines):
        yield BODY_SEPARATION, Finding(
            message.numbers[1],
            1,
            f"body line {_q(message.lines[1])} follows the first line directly;"
            f" leave one blank line after {_q(message.header)}",
        )


def _example(line: str, header: Header | None, settings: CommitSettings) -> str:
    # Reason: a suggested first line must not repeat the AI reference CON304 flags.
    hits = _ai_hits(line, settings, True) if settings.ai_references else []
    return _without(line, hits, settings) if hits else suggest(line, header, settings)


def _ai_hits(
    line: str, settings: CommitSettings, first: bool = False
) -> list[Reference]:
    builtin = settings.ai_builtin_patterns
    builtins = DEFAULT_PATTERNS if builtin else ()
    patterns = compile_patterns((*builtins, *settings.ai_patterns))
    allow = compile_patterns(settings.ai_allow)
    return find_ai_references(line, patterns, allow, catalogue=builtin, first=first)


def _check_ai(message: Message, settings: CommitSettings) -> Iterator[Found]:
    lines = [
        (number, line, "")
        for number, line in zip(message.numbers, message.lines, strict=True)
    ]
    lines += [(number, line, _KEPT_NOTE) for number, line in message.comments]
    for number, line, note in sorted(lines):
        first = number == message.numbers[0]
        hits = _ai_hits(line, settings, first)
        if not hits:
            continue
        fix = "reword it without the reference"
        if _TRAILER.match(line):
            fix = "remove this trailer"
        if first:
            fix = f"e.g. {_q(_without(line, hits, settings))}"
        yield AI_REFERENCE, Finding(
            number,
            hits[0].column,
            f"line {_q(line)} references AI: {describe(hits)}; {fix}"
            f" (no AI references in commit messages{note})",
        )


def describe(hits: list[Reference]) -> str:
    """Say what matched and its kind, e.g. ``AI co-author trailer: OpenHands``.

    Example:
        >>> from constitution_hooks.rules.commit.ai_references import Reference
        >>> describe([Reference(5, "Copilot", "AI tool", "GitHub Copilot")])
        'AI tool: GitHub Copilot ("Copilot")'
    """
    return ", ".join(f"{hit.kind}: {hit.name} ({_q(hit.text)})" for hit in hits)


def _without(line: str, hits: list[Reference], settings: CommitSettings) -> str:
    # Reason: one pass over the kept pieces; cutting hit by hit is quadratic.
    kept, start = [], 0
    for hit in hits:
        kept.append(line[start : hit.column - 1])
        start = hit.column - 1 + len(hit.text)
    words = "".join([*kept, line[start:]]).split()
    while words and words[-1].lower() in {"with", "by", "using", "via", "from"}:
        words.pop()
    cleaned = " ".join(words)
    return suggest(cleaned, parse_header(cleaned), settings)


def suggest(line: str, header: Header | None, settings: CommitSettings) -> str:
    """Build a valid first line from the author's own words.

    The type is kept when allowed, else corrected (case, close spelling, or the
    first word's meaning); the subject is the author's, shortened at a word to fit.

    Example:
        >>> from constitution_hooks.core.commit_text import DEFAULTS
        >>> from constitution_hooks.core.config import Settings
        >>> s = CommitSettings.from_settings(Settings(DEFAULTS))
        >>> suggest("Fix login redirect", None, s)
        'fix: login redirect'
    """
    types = settings.types or TYPES
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
    room = settings.max_length
    if settings.length_of == "first-line":
        room -= len(prefix)
    return prefix + _shorten(subject, max(room, 1))


def _guess(line: str, types: tuple[str, ...]) -> tuple[str, str | None, str]:
    head, _, rest = line.strip().partition(" ")
    word, _, scope = head.partition("(")
    word = word.rstrip(":!").lower()
    kind = next((t for t, w in _TYPE_WORDS.items() if word in w.split()), "")
    if word in _DROPPED_WORDS and rest:
        return _correct_type(kind, types), scope.rstrip("):!") or None, rest.lstrip(":")
    if kind in ("", "feat"):
        kind = type_from_words(line)
    return _correct_type(kind, types), None, line


def type_from_words(line: str) -> str:
    """Pick a type from the first telling word: fix, docs, test, refactor or feat.

    Example:
        >>> type_from_words("Repair the login redirect"), type_from_words("Add a page")
        ('fix', 'feat')
    """
    for word in line.lower().split():
        kind = _TELLING_WORDS.get(word.strip(".,;:!?()[]'\"`"))
        if kind is not None:
            return kind
    return "feat"


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


def _fit_scope(scope: str | None, settings: CommitSettings) -> str | None:
    scopes = settings.scopes
    if scope is not None and (not scope.strip() or (scopes and scope not in scopes)):
        scope = None
    if scope is None and settings.require_scope:
        scope = scopes[0] if scopes else "core"
    return scope


def _shorten(subject: str, room: int) -> str:
    if len(subject) <= room:
        return subject
    kept: list[str] = []
    for word in subject.split():
        if len(" ".join([*kept, word])) > room:
            break
        kept.append(word)
    # Reason: a cut must leave a complete phrase, not "... endpoint for".
    while len(kept) > 1 and kept[-1].lower().strip(",;:-") in _DANGLING:
        kept.pop()
    return " ".join(kept).rstrip(",;:- ") or subject[:room]


def _q(text: str) -> str:
    return f'"{text}"'
