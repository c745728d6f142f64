"""Rules as plain data: hooks, ``rules`` output and docs all read this."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from constitution_hooks.core.errors import UsageError

if TYPE_CHECKING:
    from constitution_hooks.core.config import Settings
    from constitution_hooks.core.source import SourceFile
    from constitution_hooks.core.violation import Finding, Violation

    FileCheck = Callable[[SourceFile, Settings], Iterator[Finding]]


class Rule(NamedTuple):
    """One rule: its code, id, hook, config table, and its documentation.

    Attributes:
        code: Stable code such as ``CON102``.
        id: Kebab-case rule id such as ``function-too-long``.
        hook: The hook id that runs it.
        section: The ``[tool.constitution.<section>]`` table of its options.
        summary: One line: what it flags.
        constitution: The constitution's own words it enforces.
        why: Why breaking it is bad.
        example: A snippet that breaks the rule.
        fix: The same snippet written so it passes.
        default: The default limit, in words.
        hint: How to fix or justify a violation, in one line.
        check: For file rules, a pure function over a parsed file.
        example_language: The Markdown fence language of ``example`` and ``fix``.
        project_marker: For file rules that look across modules: a file whose
            bytes contain it is checked with the run's project attached
            (``SourceFile.project``), and its results are never cached.
        file_level: Judges a whole file, not a line: waived by the file-level
            waiver form and kept by ``--diff-base`` whenever its file changed.
        needs_tree: The check reads the syntax tree; a run whose rules all say
            False never parses (and so reports no CON001).
        inputs: For rules that also read other files than the one checked: those
            files for a path; a path with any is never answered from the cache.

    Example:
        >>> r = Rule("CON9", "x", "h", "s", "flags x", "", "", "", "", "")
        >>> r.code, r.is_file_rule
        ('CON9', False)
    """

    code: str
    id: str
    hook: str
    section: str
    summary: str
    constitution: str
    why: str
    example: str
    fix: str
    default: str
    hint: str = ""
    check: FileCheck | None = None
    file_level: bool = False
    example_language: str = "python"
    needs_tree: bool = True
    project_marker: bytes = b""
    inputs: Callable[[str], tuple[str, ...]] | None = None

    def at(self, path: str, finding: Finding) -> Violation:
        """The violation of this rule that ``finding`` describes, in ``path``.

        Every family yields findings (where and what); this is the one place
        they become violations (which rule, under which code).

        Example:
            >>> from constitution_hooks.core.violation import Finding
            >>> r = Rule("CON9", "nine", "h", "s", "", "", "", "", "", "")
            >>> r.at("a.py", Finding(3, 1, "too long")).location()
            'a.py:3:1'
        """
        from constitution_hooks.core.violation import Violation

        return Violation(
            path, finding.line, finding.column, self.code, self.id, finding.message
        )

    @property
    def is_file_rule(self) -> bool:
        """Whether the rule runs over parsed source files."""
        return self.check is not None


def find_rule(rules: Iterable[Rule], name: str) -> Rule:
    """Look a rule up by code (any case) or id.

    Raises:
        UsageError: If no rule has that code or id.

    Example:
        >>> r = Rule("CON9", "x", "h", "s", "", "", "", "", "", "")
        >>> find_rule([r], "con9").id
        'x'
    """
    rules = tuple(rules)
    for rule in rules:
        if name.upper() == rule.code or name == rule.id:
            return rule
    known = ", ".join(rule.code for rule in rules)
    raise UsageError(f"unknown rule '{name}' (known codes: {known})")


def select_rules(
    rules: Iterable[Rule],
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    known: Iterable[Rule] = (),
) -> tuple[Rule, ...]:
    """Apply ``--select`` and ``--ignore`` (codes or ids) to a set of rules.

    Names are looked up among ``known`` (default: ``rules``), so selecting a rule
    of another hook is not an error, it simply selects nothing here.

    Example:
        >>> a = Rule("CON1", "a", "h", "s", "", "", "", "", "", "")
        >>> b = Rule("CON2", "b", "h", "s", "", "", "", "", "", "")
        >>> [r.code for r in select_rules([a, b], ignore=["b"])]
        ['CON1']
    """
    rules = tuple(rules)
    universe = tuple(known) or rules
    chosen = {find_rule(universe, name).code for name in select} if select else None
    dropped = {find_rule(universe, name).code for name in ignore}
    return tuple(
        rule
        for rule in rules
        if (chosen is None or rule.code in chosen) and rule.code not in dropped
    )
