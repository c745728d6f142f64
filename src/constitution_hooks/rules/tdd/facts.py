"""Facts about one Python file: what it imports, defines, names and asserts."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from constitution_hooks.core.source import SourceUnreadableError, decode_source

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_DEFINITIONS = (*_FUNCTIONS, ast.ClassDef)
_ASSERTING_CALLS = frozenset({"raises", "warns", "fail", "deprecated_call"})
_EMPTY = ast.dump(ast.Module(body=[], type_ignores=[]))


@dataclass(frozen=True)
class Symbol:
    """A public top-level function or class of a module.

    Example:
        >>> Symbol("load", "function", 3, 1).kind
        'function'
    """

    name: str
    kind: str
    line: int
    column: int


@dataclass(frozen=True)
class CollectedTest:
    """A function pytest collects as a test, and whether it asserts anything.

    Example:
        >>> CollectedTest("test_a_b_c", 1, 1, True).asserts
        True
    """

    name: str
    line: int
    column: int
    asserts: bool


class Facts:
    """What the TDD rules need from one file, each fact computed on first use.

    Imports come from a scan of the import statements alone (no full parse), so
    pairing a module with its tests over a long history stays fast; every other
    fact parses the file once.

    Attributes:
        data: The file's bytes.
        package: The dotted package the file lives in, for relative imports.

    Example:
        >>> analyse(b"x = 1\\n", "").defined
        frozenset({'x'})
    """

    def __init__(self, data: bytes, package: str) -> None:
        """Remember the bytes; nothing is decoded or parsed yet."""
        self.data = data
        self.package = package

    @cached_property
    def text(self) -> str | None:
        """The decoded text, or None when Python could not decode it."""
        try:
            return decode_source(self.data)
        except SourceUnreadableError:
            return None

    @cached_property
    def tree(self) -> ast.Module | None:
        """The parsed module, or None when it does not decode or parse."""
        if self.text is None:
            return None
        try:
            return ast.parse(self.text)
        # Reason: too deep (RecursionError) or too large (MemoryError) for the
        # parser is judged like a syntax error: CON001 of the file hooks.
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None

    @property
    def parsed(self) -> bool:
        """Whether the file decodes and parses."""
        return self.tree is not None

    @cached_property
    def nodes(self) -> list[ast.AST]:
        """Every node of the tree (empty when unparsed)."""
        return list(ast.walk(self.tree)) if self.tree is not None else []

    @cached_property
    def imports(self) -> frozenset[tuple[str, str]]:
        """``(module, name)`` pairs; ``name`` is ``""`` for ``import module``."""
        return frozenset(_scan_imports(self.text or "", self.package))

    @cached_property
    def referenced(self) -> frozenset[str]:
        """Every identifier the file names (names, attributes, imports)."""
        return frozenset(_referenced(self.nodes))

    @cached_property
    def defined(self) -> frozenset[str]:
        """Names bound at the top level by def, class or assignment."""
        return frozenset(_defined(self.tree)) if self.tree else frozenset()

    @cached_property
    def public(self) -> tuple[Symbol, ...]:
        """Public top-level functions and classes."""
        return tuple(_public(self.tree)) if self.tree else ()

    @cached_property
    def has_definitions(self) -> bool:
        """Whether the file defines any function or class."""
        return any(isinstance(node, _DEFINITIONS) for node in self.nodes)

    @cached_property
    def tests(self) -> tuple[CollectedTest, ...]:
        """The test functions and test methods."""
        return tuple(_tests(self.tree)) if self.tree else ()

    @cached_property
    def behaviour(self) -> str:
        """The tree dumped without docstrings and positions."""
        if self.tree is None:
            return _EMPTY
        try:
            return _behaviour(self.tree)
        except RecursionError:
            # Reason: ast.dump recurses; a tree too deep to dump is compared by
            # its text, so any edit counts as a change (never a missed one).
            return "text:" + (self.text or "")

    @property
    def has_behaviour(self) -> bool:
        """Whether the module holds any code besides docstrings."""
        return self.behaviour != _EMPTY


def analyse(data: bytes, package: str) -> Facts:
    """Return the (lazily computed) facts of a file.

    Args:
        data: The file's bytes (decoded as Python does).
        package: The dotted package the file lives in, for relative imports.

    Returns:
        The facts; ``parsed`` is False for undecodable or unparsable files.

    Example:
        >>> sorted(analyse(b"from .a import b\\n", "pkg").imports)
        [('pkg.a', 'b')]
    """
    return Facts(data, package)


# Reason: a line that starts an import statement; the statement is then parsed alone.
_IMPORT_START = re.compile(r"^[ \t]*(?:from[ \t]+\.*[\w.]*[ \t]+import|import)\b", re.M)


def _scan_imports(text: str, package: str) -> Iterator[tuple[str, str]]:
    for match in _IMPORT_START.finditer(text):
        statement = _statement(text, match.start())
        try:
            tree = ast.parse(statement)
        except (SyntaxError, ValueError):
            continue
        yield from _imports(list(ast.walk(tree)), package)


def _statement(text: str, start: int) -> str:
    """The import statement from ``start``: continued while parentheses are open."""
    end = text.find("\n", start)
    for _ in range(200):
        chunk = text[start : len(text) if end < 0 else end]
        if end < 0 or (
            chunk.count("(") <= chunk.count(")") and not chunk.endswith("\\")
        ):
            return chunk.strip()
        end = text.find("\n", end + 1)
    return text[start:end].strip()


def _imports(nodes: list[ast.AST], package: str) -> Iterator[tuple[str, str]]:
    for node in nodes:
        if isinstance(node, ast.Import):
            yield from ((alias.name, "") for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(node.module or "", node.level, package)
            if base is not None:
                yield from ((base, alias.name) for alias in node.names)


def _resolve(module: str, level: int, package: str) -> str | None:
    if level == 0:
        return module
    parts = package.split(".") if package else []
    # Reason: one dot is the current package; each further dot goes one level up.
    if level - 1 > len(parts) or (level - 1 == len(parts) and not module):
        return None
    kept = parts[: len(parts) - (level - 1)]
    return ".".join([*kept, module] if module else kept)


def _referenced(nodes: list[ast.AST]) -> Iterator[str]:
    for node in nodes:
        if isinstance(node, ast.Name):
            yield node.id
        elif isinstance(node, ast.Attribute):
            yield node.attr
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                yield from alias.name.split(".")


def _defined(tree: ast.Module) -> Iterator[str]:
    for node in tree.body:
        if isinstance(node, _DEFINITIONS):
            yield node.name
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        yield name.id


def _public(tree: ast.Module) -> Iterator[Symbol]:
    for node in tree.body:
        if isinstance(node, _DEFINITIONS) and not node.name.startswith("_"):
            kind = "class" if isinstance(node, ast.ClassDef) else "function"
            yield Symbol(node.name, kind, node.lineno, node.col_offset + 1)


def _behaviour(tree: ast.Module) -> str:
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, *_DEFINITIONS)) and _has_docstring(node):
            node.body = node.body[1:]
    return ast.dump(tree)


def _has_docstring(
    node: ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef,
) -> bool:
    first = node.body[0] if node.body else None
    return (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    )


def _tests(tree: ast.Module) -> Iterator[CollectedTest]:
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            yield from _test_functions(node.body)
        else:
            yield from _test_functions([node])


def _test_functions(body: list[ast.stmt]) -> Iterator[CollectedTest]:
    for node in body:
        if isinstance(node, _FUNCTIONS) and node.name.startswith("test"):
            asserts = any(_asserts(inner) for inner in ast.walk(node))
            yield CollectedTest(node.name, node.lineno, node.col_offset + 1, asserts)


def _asserts(node: ast.AST) -> bool:
    if isinstance(node, ast.Assert):
        return True
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name in _ASSERTING_CALLS or name.startswith("assert")


def imports_module(facts: Facts, dotted: str, defined: frozenset[str]) -> bool:
    """Return whether a file imports module ``dotted`` or a name it defines.

    Counted: ``import m`` (or a submodule), ``from m import x``, ``from pkg import m``,
    and ``from <ancestor package> import <name defined in m>`` (a re-export).

    Example:
        >>> imports_module(analyse(b"from p import m\\n", ""), "p.m", frozenset())
        True
    """
    for module, name in facts.imports:
        if module == dotted or module.startswith(dotted + "."):
            return True
        if name and f"{module}.{name}" == dotted:
            return True
        if name in defined and dotted.startswith(module + "."):
            return True
    return False


def behaviour_changed(old: bytes | None, new: bytes) -> bool:
    """Return whether code changed, docstrings, comments and formatting aside.

    Args:
        old: The module before (None when it is new).
        new: The module after.

    Returns:
        True for a new module holding code, or a module whose tree changed.

    Example:
        >>> behaviour_changed(b"x = 1  # a\\n", b"x = 1  # b\\n")
        False
    """
    after = analyse(new, "")
    if old is None:
        return after.has_behaviour
    return analyse(old, "").behaviour != after.behaviour
