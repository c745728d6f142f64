"""CON502: "Complex logic requires inline comments with `# Reason:` prefix".

Complexity is McCabe's, counted exactly as ruff's C901 counts it: one for the
function, one per ``if``/``elif``, loop, ``except`` clause, ``try`` with an ``else``,
``match`` case (an irrefutable last case excluded) and nested function; boolean
operators, comprehensions and lambdas add nothing.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from constitution_hooks.core.comments import comments_on
from constitution_hooks.core.config import Settings
from constitution_hooks.core.source import Comment, SourceFile
from constitution_hooks.core.violation import Finding

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_LOOPS = (ast.For, ast.AsyncFor, ast.While)
_WITH = (ast.With, ast.AsyncWith)
# Reason: ``except*`` (ast.TryStar) exists from Python 3.11 on only.
_TRIES: tuple[type, ...] = (ast.Try, getattr(ast, "TryStar", ast.Try))
_BLOCKS = ("body", "orelse", "handlers", "finalbody", "cases")
_REASON = re.compile(r"(?:^|#)\s*reason:\s*\S", re.IGNORECASE)
# Reason: the lines where such a comment may be, found in the whole text ("\s"
# never runs into the next line); only their comments are read.
_MAY_BE_REASON = re.compile(r"#[^\S\n]*reason:", re.IGNORECASE)


_Function = ast.FunctionDef | ast.AsyncFunctionDef
_Found = list[tuple[_Function, int]]


def complexity(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Return a function's McCabe complexity as ruff's C901 reports it.

    Args:
        function: A parsed ``def`` or ``async def``.

    Returns:
        One plus the decision points of its body (nested functions included).

    Example:
        >>> tree = ast.parse("def f(a):\\n    if a:\\n        return 1\\n")
        >>> complexity(tree.body[0])
        2
    """
    return _decisions(function.body, []) + 1


def complexities(tree: ast.Module, above: int = 0) -> list[tuple[_Function, int]]:
    """Return the functions whose complexity is above ``above``, in one walk.

    A function's complexity counts its nested functions' decisions, so one walk
    of its statements gives every nested function's value on the way back up.

    Args:
        tree: A parsed module.
        above: Only functions of a greater complexity are returned (0: all).

    Returns:
        ``(function, complexity)`` pairs in source order.

    Example:
        >>> tree = ast.parse("def f(a):\\n    def g():\\n        pass\\n")
        >>> [(node.name, value) for node, value in complexities(tree)]
        [('f', 2), ('g', 1)]
    """
    found: _Found = []
    _long_functions(tree.body, above, found)
    return sorted(
        (pair for pair in found if pair[1] > above), key=lambda pair: pair[0].lineno
    )


def _long_functions(body: Sequence[ast.AST], above: int, found: _Found) -> None:
    """Walk the functions that may be above the limit; skip the others whole.

    Every decision point (``if``, ``elif``, loop, ``except``, ``case``, nested
    ``def``, a ``try``'s ``else``) starts its own logical line after the ``def``
    line, so a function's complexity is at most the lines it spans, and so is
    that of every function nested in it (which spans fewer).
    """
    for node in body:
        if isinstance(node, _FUNCTIONS):
            if (node.end_lineno or node.lineno) - node.lineno >= above:
                _function(node, found)
            continue
        for block in _OUTER.get(type(node), ()):
            if block in _CLAUSES:
                for clause in getattr(node, block):
                    _long_functions(clause.body, above, found)
            else:
                _long_functions(getattr(node, block), above, found)


def _decisions(body: Sequence[ast.AST], found: _Found) -> int:
    total = 0
    for node in body:
        # Reason: a table by node type: most statements hold no block at all.
        count = _COUNTS.get(type(node))
        if count is not None:
            total += count(node, found)
    return total


def _branch(node: ast.If | ast.For | ast.AsyncFor | ast.While, found: _Found) -> int:
    # Reason: an ``elif`` is a nested ``If`` in ``orelse``, so each one counts.
    return 1 + _decisions(node.body, found) + _decisions(node.orelse, found)


def _block(node: ast.With | ast.AsyncWith | ast.ClassDef, found: _Found) -> int:
    return _decisions(node.body, found)


def _function(node: _Function, found: _Found) -> int:
    value = 1 + _decisions(node.body, found)
    found.append((node, value))
    return value


def _match_decisions(node: ast.Match, found: _Found) -> int:
    total = sum(1 + _decisions(case.body, found) for case in node.cases)
    last = node.cases[-1]
    # Reason: ruff counts an unguarded catch-all last case like an ``else``: free.
    if last.guard is None and _irrefutable(last.pattern):
        total -= 1
    return total


def _irrefutable(pattern: ast.pattern) -> bool:
    if isinstance(pattern, ast.MatchAs):
        return pattern.pattern is None or _irrefutable(pattern.pattern)
    if isinstance(pattern, ast.MatchOr):
        return any(_irrefutable(option) for option in pattern.patterns)
    return False


def _try_decisions(node: ast.stmt, found: _Found) -> int:
    handlers: list[ast.ExceptHandler] = getattr(node, "handlers", [])
    orelse: list[ast.stmt] = getattr(node, "orelse", [])
    total = _decisions(getattr(node, "body", []), found)
    total += (1 if orelse else 0) + _decisions(orelse, found)
    total += _decisions(getattr(node, "finalbody", []), found)
    return total + sum(1 + _decisions(handler.body, found) for handler in handlers)


# Reason: each entry takes the node types it is filed under; the table is the
# type test, so its values take Any.
# Reason: these blocks hold clauses (``except``, ``case``), each with a body.
_CLAUSES = ("handlers", "cases")
_OUTER: dict[type, tuple[str, ...]] = {
    kind: tuple(name for name in _BLOCKS if name in kind._fields)
    for kind in vars(ast).values()
    if isinstance(kind, type)
    and issubclass(kind, ast.stmt)
    and any(name in kind._fields for name in _BLOCKS)
}
_COUNTS: dict[type, Callable[[Any, _Found], int]] = {
    **dict.fromkeys((ast.If, *_LOOPS), _branch),
    **dict.fromkeys((*_WITH, ast.ClassDef), _block),
    **dict.fromkeys(_FUNCTIONS, _function),
    **dict.fromkeys(_TRIES, _try_decisions),
    ast.Match: _match_decisions,
}


def reason_lines(comments: Iterable[Comment]) -> frozenset[int]:
    """Return the lines holding a ``# Reason:`` comment with text after it.

    Args:
        comments: The file's comments (``SourceFile.comments``).

    Returns:
        The 1-based lines; a ``# Reason:`` after another comment on a line counts.

    Example:
        >>> from constitution_hooks.core.source import read_comments
        >>> sorted(reason_lines(read_comments("x = 1  # Reason: the API wants it\\n")))
        [1]
    """
    return frozenset(c.line for c in comments if _REASON.search(c.text))


def _reason_candidates(text: str, over: _Found) -> list[int]:
    """The lines inside the functions over the limit that may hold a reason."""
    spans = [(node.lineno, node.end_lineno or node.lineno) for node, _ in over]
    lines: list[int] = []
    line, last = 1, 0
    for match in _MAY_BE_REASON.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        if any(first <= line <= end for first, end in spans):
            lines.append(line)
    return lines


def check_complexity(source: SourceFile, settings: Settings) -> Iterator[Finding]:
    """Flag functions over ``max-complexity`` with no ``# Reason:`` comment inside.

    A ``# Reason:`` comment anywhere from the ``def`` line to the function's last
    line counts; only when some function is over the limit are comments read,
    and then only on the lines inside such functions that may hold one.

    Example:
        >>> import pathlib, tempfile
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.py"
        >>> _ = p.write_text("def f(a):\\n    if a:\\n        return 1\\n")
        >>> s = Settings({"max-complexity": 1})
        >>> [f.message[:32] for f in check_complexity(SourceFile(p), s)]
        ["function 'f' has complexity 2 (l"]
    """
    limit = settings.integer("max-complexity")
    over = complexities(source.tree, limit)
    if not over:
        return
    names = {d.line: d.name for d in source.definitions if d.kind == "function"}
    reasons = reason_lines(comments_on(source, _reason_candidates(source.text, over)))
    for node, value in over:
        end = node.end_lineno or node.lineno
        if not any(node.lineno <= line <= end for line in reasons):
            name = names.get(node.lineno, node.name)
            yield Finding(
                node.lineno,
                node.col_offset + 1,
                f"function '{name}' has complexity {value} (limit {limit}, counted"
                " as ruff C901) and no '# Reason:' comment; explain the non-obvious"
                " logic in a '# Reason: <why>' comment inside it, or split it",
            )
