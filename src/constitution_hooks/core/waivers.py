"""Waivers: ``# constitution: ignore[CODE] Reason: ...`` comments, read and applied.

Comments are read with the tokenizer, so text inside a string is never a waiver, and
only from files whose text contains the marker at all (a substring test first).
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from constitution_hooks.core.source import SourceFile, SourceUnreadableError
from constitution_hooks.core.violation import Violation

if TYPE_CHECKING:
    from constitution_hooks.core.registry import Rule

MARKER = "constitution:"
COMMENT = tokenize.COMMENT
WITHOUT_REASON = ("CON010", "waiver-without-reason")
UNUSED = ("CON011", "unused-waiver")
UNWAIVABLE = frozenset({WITHOUT_REASON[0], UNUSED[0]})
_WAIVER = re.compile(
    r"#\s*constitution:\s*ignore(?P<file>-file)?\b"
    r"(?:\[(?P<names>[^\]]*)\])?\s*(?P<rest>.*)$"
)
_REASON = re.compile(r"reason:\s*(?P<reason>.*)$", re.IGNORECASE)
_LAYOUT = frozenset(
    {
        tokenize.COMMENT,
        tokenize.NL,
        tokenize.NEWLINE,
        tokenize.INDENT,
        tokenize.DEDENT,
        tokenize.ENCODING,
        tokenize.ENDMARKER,
    }
)
_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


class Waiver(NamedTuple):
    """One waiver comment.

    Attributes:
        line: The line of the comment, 1-based.
        column: The column of the ``#``, 1-based.
        target: The line it waives: its own, or the next line of code when the
            comment stands alone on its line.
        names: The codes or rule ids listed, as written.
        reason: The written justification ("" when missing).
        file_level: The ``ignore-file[...]`` form.
        in_header: It comes before the first statement (a docstring may precede).
        text: The comment as written.

    Example:
        >>> read_waivers("x = 1  # constitution: ignore[CON102] Reason: r\\n")[0].names
        ('CON102',)
    """

    line: int
    column: int
    target: int
    names: tuple[str, ...]
    reason: str
    file_level: bool
    in_header: bool
    text: str

    def codes(self, names: Mapping[str, str]) -> tuple[str, ...]:
        """The codes of the named rules that exist (``names`` from ``rule_names``)."""
        return tuple(
            names[_key(n, names)] for n in self.names if _key(n, names) in names
        )

    def unknown(self, names: Mapping[str, str]) -> tuple[str, ...]:
        """The names that match no rule (``names`` from ``rule_names``)."""
        return tuple(n for n in self.names if _key(n, names) not in names)


def rule_names(known: Iterable[Rule]) -> dict[str, str]:
    """What a waiver may name: every known rule's code and id, mapped to its code.

    Example:
        >>> rule_names([])
        {}
    """
    known = tuple(known)
    return {rule.code: rule.code for rule in known} | {r.id: r.code for r in known}


def _key(name: str, names: Mapping[str, str]) -> str:
    return name.upper() if name.upper() in names else name


def read_waivers(text: str) -> list[Waiver]:
    """Read every waiver comment from source text with the tokenizer.

    A file that stops tokenizing (a syntax error) keeps the waivers read so far.

    Args:
        text: The decoded source.

    Returns:
        The waivers in source order.

    Example:
        >>> [w.line for w in read_waivers("s = '# constitution: ignore[X]'\\n")]
        []
    """
    found: list[Waiver] = []
    pending: list[tuple[tokenize.TokenInfo, re.Match[str], bool]] = []
    first_code = 0
    docstring_possible = True
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            match = _WAIVER.search(token.string) if token.type == COMMENT else None
            if match:
                pending.append((token, match, first_code == 0))
                if token.line[: token.start[1]].strip():
                    found.append(_waiver(*pending.pop(), token.start[0]))
            elif token.type not in _LAYOUT:
                # Reason: a module docstring may precede file-level waivers.
                docstring = docstring_possible and token.type == tokenize.STRING
                if first_code == 0 and not docstring:
                    first_code = token.start[0]
                docstring_possible = False
                found.extend(_waiver(*item, token.start[0]) for item in pending)
                pending.clear()
    except (tokenize.TokenError, SyntaxError):
        pass
    found.extend(_waiver(*item, item[0].start[0]) for item in pending)
    return sorted(found, key=lambda w: (w.line, w.column))


def _waiver(
    token: tokenize.TokenInfo, match: re.Match[str], in_header: bool, target: int
) -> Waiver:
    raw = match.group("names") or ""
    reason = _REASON.match(match.group("rest"))
    return Waiver(
        line=token.start[0],
        column=token.start[1] + 1,
        target=target,
        names=tuple(n.strip() for n in raw.split(",") if n.strip()),
        reason=reason.group("reason").strip() if reason else "",
        file_level=match.group("file") is not None,
        in_header=in_header,
        text=token.string,
    )


def apply_waivers(
    source: SourceFile,
    violations: Sequence[Violation],
    checked: Collection[str],
    known: Sequence[Rule],
) -> list[Violation]:
    """Drop waived violations; add CON010 and CON011 for the file's waivers.

    Args:
        source: The file the violations were found in.
        violations: Its violations.
        checked: The codes that ran on it: only their waivers can be unused.
        known: Every rule a waiver may name (the registry, passed in by the caller).

    Returns:
        The violations not waived plus the waivers' own, sorted.

    Example:
        >>> import pathlib, tempfile
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.py"
        >>> _ = p.write_text("x = 1  # constitution: ignore[CON102]\\n")
        >>> [v.code for v in apply_waivers(SourceFile(p), [], {"CON102"}, [])]
        ['CON010']
    """
    try:
        text = source.text
    except SourceUnreadableError:
        return list(violations)
    if MARKER not in text:
        return list(violations)
    waivers = _past_decorators(source, read_waivers(text))
    table = _Table(rule_names(known), frozenset(r.code for r in known if r.file_level))
    used: set[tuple[Waiver, str]] = set()
    kept: list[Violation] = []
    for violation in violations:
        waiver = next((w for w in waivers if _waives(w, violation, table)), None)
        if waiver is None:
            kept.append(violation)
        else:
            used.add((waiver, violation.code))
    broken = any(v.code == "CON001" for v in violations)
    kept.extend(_waiver_findings(source.display, waivers, used, checked, broken, table))
    return sorted(kept)


def _past_decorators(source: SourceFile, waivers: list[Waiver]) -> list[Waiver]:
    """Point a waiver that targets a decorator line at its definition's def line."""
    try:
        tree = source.tree
    except (SyntaxError, RecursionError, MemoryError):
        return waivers
    moved: dict[int, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, _DEFINITIONS):
            for decorator in node.decorator_list:
                end = decorator.end_lineno or decorator.lineno
                moved.update(
                    dict.fromkeys(range(decorator.lineno, end + 1), node.lineno)
                )
    return [w._replace(target=moved.get(w.target, w.target)) for w in waivers]


class _Table(NamedTuple):
    """The known rules as waivers need them: names to codes, file-level codes."""

    names: Mapping[str, str]
    file_level: frozenset[str]


def _waives(waiver: Waiver, violation: Violation, table: _Table) -> bool:
    code = violation.code
    if not waiver.reason or code in UNWAIVABLE or code not in waiver.codes(table.names):
        return False
    if waiver.file_level:
        return waiver.in_header and code in table.file_level
    return waiver.target == violation.line


def _waiver_findings(
    display: str,
    waivers: Sequence[Waiver],
    used: set[tuple[Waiver, str]],
    checked: Collection[str],
    broken: bool,
    table: _Table,
) -> Iterator[Violation]:
    for waiver in waivers:
        where = (display, waiver.line, waiver.column)
        if not waiver.names:
            yield Violation(*where, *WITHOUT_REASON, _NO_RULE)
        elif not waiver.reason:
            names = ", ".join(waiver.names)
            yield Violation(*where, *WITHOUT_REASON, _NO_REASON.format(names))
        else:
            problems = list(_problems(waiver, used, checked, broken, table))
            if problems:
                message = "; ".join(problems) + "; remove or fix the waiver"
                yield Violation(*where, *UNUSED, message)


def _problems(
    waiver: Waiver,
    used: set[tuple[Waiver, str]],
    checked: Collection[str],
    broken: bool,
    table: _Table,
) -> Iterator[str]:
    for name in waiver.unknown(table.names):
        yield f"waiver names unknown rule '{name}' (see: constitution rules)"
    for code in waiver.codes(table.names):
        if code in UNWAIVABLE:
            yield f"{code} cannot be waived"
        elif waiver.file_level and code not in table.file_level:
            yield f"{code} is not a file-level rule: waive it on its line"
        elif waiver.file_level and not waiver.in_header:
            yield f"a file-level waiver must come before the first statement ({code})"
        elif code in checked and not broken and (waiver, code) not in used:
            yield f"waiver for {code} suppresses nothing here"


_NO_RULE = (
    "waiver names no rule and waives nothing;"
    " write: # constitution: ignore[CODE] Reason: <why>"
)
_NO_REASON = (
    "waiver for {} has no written reason and waives nothing;"
    " add 'Reason: <why>' after the rule list"
)
