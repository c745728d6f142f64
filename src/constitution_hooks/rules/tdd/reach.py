"""Evidence through the code: the modules run by the code a test reaches (CON206).

A test that reaches a module (see ``evidence``) also runs what that module's code
always runs when it is used: the modules it imports unconditionally (at the top
level, or at the head of a function body, before any branch or exit), and, for a
function that reached code names (``from .base import lookup_backend``), every
module its body imports and the origin of every name its body uses that the
module imports unconditionally. Followed transitively, inside the top-level
package. A package ``__init__`` only gathers names, so only the functions of it
that are named are followed; a module defining routes is exercised by requests to
its routes, not by being imported (a route a test requests starts the walk). A
module imported under a condition (a platform, an environment variable, after an
early ``return``) is not reached. Static, like the rest of the evidence: nothing
is imported or executed.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from weakref import WeakKeyDictionary

from constitution_hooks.rules.tdd.evidence import Snapshot
from constitution_hooks.rules.tdd.facts import Facts
from constitution_hooks.rules.tdd.routes import routes_of
from constitution_hooks.rules.tdd.summary import resolve_relative

__all__ = ["CodeImports", "code_imports", "reached_through_code"]

Import = tuple[str, str]
_DEF = re.compile(r"(?:async[ \t]+)?def[ \t]+(\w+)")
_IMPORT = re.compile(r"(?:from[ \t]+\.*[\w.]*[ \t]+import|import)\b")
# Reason: a statement that may branch or leave ends a function's head; an import
# after it may never run (``if not flag: return`` before the import).
_BRANCH = re.compile(
    r"(?:if|elif|else|for|while|try|except|finally|with|match|case|return|raise"
    r"|async[ \t]+(?:for|with))\b"
)
_NAME = re.compile(r"[A-Za-z_]\w*")
_CLOSERS = (")", "]", "}")


@dataclass(frozen=True)
class CodeImports:
    """The imports a module's functions make when they run.

    Attributes:
        heads: ``(module, name)`` imports at the head of any function or method,
            before any branch: they run whenever the function does.
        functions: Top-level function name -> every import anywhere in its body.
        uses: Top-level function name -> the plain names its body reads.
        tried: The imports in the body of a top-level ``try`` (they run unless
            they fail; the ``except`` fallback does not).

    Example:
        >>> CodeImports().heads
        frozenset()
    """

    heads: frozenset[Import] = frozenset()
    functions: Mapping[str, frozenset[Import]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    uses: Mapping[str, frozenset[str]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    tried: frozenset[Import] = frozenset()


# Reason: keyed by the facts object, so an entry lives as long as the blob's facts
# are cached and is computed once per blob however many commits consult it.
_CACHE: WeakKeyDictionary[Facts, CodeImports] = WeakKeyDictionary()


def code_imports(facts: Facts) -> CodeImports:
    """The imports made inside the functions of a module (parsed once per blob).

    Args:
        facts: The module's facts.

    Returns:
        Its function imports; empty when it does not parse.

    Example:
        >>> from constitution_hooks.rules.tdd.facts import module_facts
        >>> code = b"def f():\\n    from .b import g\\n    return g()\\n"
        >>> sorted(code_imports(module_facts(code, "p")).heads)
        [('p.b', 'g')]
    """
    found = _CACHE.get(facts)
    if found is None:
        found = _CACHE[facts] = _scan(facts)
    return found


def _scan(facts: Facts) -> CodeImports:
    text = facts.text
    if text is None or "def" not in text:
        return CodeImports()
    scan = _LineScan(facts.package)
    lines = text.splitlines()
    for number, line in enumerate(lines):
        scan.line(line, lines, number)
    return CodeImports(
        frozenset(scan.heads),
        MappingProxyType({k: frozenset(v) for k, v in scan.functions.items()}),
        MappingProxyType({k: frozenset(v) for k, v in scan.uses.items()}),
        frozenset(scan.tried),
    )


class _Def:
    """A function being read: its indentation, and whether its head is still open."""

    def __init__(self, indent: int) -> None:
        self.indent, self.head, self.body = indent, True, -1


class _LineScan:
    """One pass over a module's lines: function heads, imports and names read.

    Text-based, like the other scans (no parse): a multi-line string whose lines
    start at column 0 ends the function early, so evidence may be missed but is
    not invented.
    """

    def __init__(self, package: str) -> None:
        self.package = package
        self.heads: set[Import] = set()
        self.functions: dict[str, set[Import]] = {}
        self.uses: dict[str, set[str]] = {}
        self.tried: set[Import] = set()
        self.stack: list[_Def] = []
        self.top: str | None = None
        self.trying = False

    def line(self, line: str, lines: list[str], number: int) -> None:
        """Read one line (``lines`` and ``number`` to join a continued import)."""
        code = line.lstrip()
        if not code or code.startswith("#"):
            return
        indent = len(line) - len(code)
        continued = code.startswith(_CLOSERS)
        while self.stack and indent <= self.stack[-1].indent and not continued:
            self.stack.pop()
        if indent == 0 and not continued and not code.startswith("@"):
            self.top, self.trying = None, code.startswith("try:")
        found = _DEF.match(code)
        if found:
            self.stack.append(_Def(indent))
            if indent == 0:
                self.top = found.group(1)
                self.functions.setdefault(self.top, set())
            return
        if self.top is not None:
            self.uses.setdefault(self.top, set()).update(_NAME.findall(code))
        self._statement(code, indent, lines, number)

    def _statement(self, code: str, indent: int, lines: list[str], number: int) -> None:
        current = self.stack[-1] if self.stack else None
        if current is not None and current.body < 0 and indent > current.indent:
            current.body = indent
        if _IMPORT.match(code) and indent > 0:
            pairs = set(_pairs(_joined(lines, number), self.package))
            if self.top is not None:
                self.functions[self.top] |= pairs
            if self.trying and not self.stack:
                self.tried |= pairs
            if current is not None and current.head and indent == current.body:
                self.heads |= pairs
        elif current is not None and _BRANCH.match(code):
            current.head = False


def _joined(lines: list[str], number: int) -> str:
    """The import statement starting at line ``number``, its continuations joined."""
    statement = lines[number].strip()
    end = number
    while (
        (statement.count("(") > statement.count(")") or statement.endswith("\\"))
        and end + 1 < len(lines)
        and end - number < 200
    ):
        end += 1
        statement = statement.rstrip("\\") + " " + lines[end].strip()
    return statement


def _pairs(statement: str, package: str) -> Iterator[Import]:
    try:
        tree = ast.parse(statement)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return
    for node in tree.body:
        if isinstance(node, ast.Import):
            yield from ((alias.name, "") for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = resolve_relative(node.module or "", node.level, package)
            if base is not None:
                yield from ((base, alias.name) for alias in node.names)


def _bound(facts: Facts, code: CodeImports, names: frozenset[str]) -> Iterator[Import]:
    """The imports binding ``names`` unconditionally (at the top level, or tried)."""
    for name in names:
        bound = facts.bindings.get(name)
        # Reason: a name bound under a condition (``if WIN: from ._winconsole
        # import ...``) may not exist when the tests run.
        if bound is not None and (bound in facts.top_imports or bound in code.tried):
            yield bound


def reached_through_code(module: str, snap: Snapshot) -> tuple[str, ...]:
    """The tests that reach ``module`` through the code they reach, sorted.

    Args:
        module: The module's path.
        snap: The tree state.

    Returns:
        Every test whose reached modules run ``module`` (see the module docstring);
        empty when none does.

    Example:
        >>> from constitution_hooks.rules.tdd.layout import LAYOUTS
        >>> from constitution_hooks.rules.tdd.settings import TddSettings
        >>> cfg = TddSettings((), (), LAYOUTS, "evidence", (), False, "t", True)
        >>> files = {"p/__init__.py": b"", "p/a.py": b"from .b import g\\n",
        ...          "p/b.py": b"def g():\\n    return 1\\n",
        ...          "tests/test_a.py": b"from p.a import g\\n"}
        >>> snap = Snapshot({k: k for k in files}, files.__getitem__, cfg)
        >>> reached_through_code("p/b.py", snap)
        ('tests/test_a.py',)
    """
    return tuple(sorted(_Walk(snap).run().get(module, ())))


class _Walk:
    """Tests and reached names, carried along the imports the code runs."""

    def __init__(self, snap: Snapshot) -> None:
        self.snap = snap
        self.tests: dict[str, set[str]] = {}
        self.names: dict[str, set[str]] = {}
        self.queue: list[str] = []
        self._routes: frozenset[str] | None = None

    def run(self) -> dict[str, set[str]]:
        """Carry every reached module's tests along its imports until nothing grows."""
        for path, tests in self.snap.reached.items():
            names = self.snap.reached_names.get(path, set())
            self.tests[path], self.names[path] = set(tests), set(names)
            self.queue.append(path)
        # Reason: a route a test requests runs its module's code (and what that
        # imports) as surely as a call does.
        for path, tests in routes_of(self.snap).reached().items():
            self.tests.setdefault(path, set()).update(tests)
            self.names.setdefault(path, set())
            self.queue.append(path)
        while self.queue:
            path = self.queue.pop()
            for target, name in self._targets(path):
                self._carry(self.tests[path], target, name)
        return self.tests

    def _targets(self, path: str) -> Iterator[tuple[str, str]]:
        facts = self.snap.facts(path)
        code = code_imports(facts)
        imports: set[Import] = set()
        if not path.endswith("__init__.py"):
            imports |= facts.top_imports | code.heads | code.tried
        for name in self.names[path]:
            imports |= code.functions.get(name, frozenset())
            imports.update(_bound(facts, code, code.uses.get(name, frozenset())))
        top = self.snap.dotted(path).partition(".")[0]
        for module, name in imports:
            for target, reached in self._resolve(module, name, facts.package):
                if (
                    target != path
                    and self.snap.dotted(target).partition(".")[0] == top
                    and target not in self._route_modules()
                ):
                    yield target, reached

    def _resolve(
        self, module: str, name: str, package: str
    ) -> Iterator[tuple[str, str]]:
        index = self.snap.index
        module = self.snap.resolver.imported(module, name, package)
        named = name and name != "*"
        if named and f"{module}.{name}" in index:
            yield index[f"{module}.{name}"], ""
            return
        if module not in index:
            return
        yield index[module], ""
        origin = self.snap.resolver.origin(module, name) if named else None
        if origin is not None and origin in index:
            yield index[origin], name

    def _carry(self, tests: set[str], target: str, name: str) -> None:
        kept = self.tests.setdefault(target, set())
        names = self.names.setdefault(target, set())
        grew = not tests <= kept or (name and name not in names)
        kept |= tests
        if name:
            names.add(name)
        if grew:
            self.queue.append(target)

    def _route_modules(self) -> frozenset[str]:
        if self._routes is None:
            endpoints = routes_of(self.snap).endpoints
            self._routes = frozenset(endpoint.module for endpoint in endpoints)
        return self._routes
