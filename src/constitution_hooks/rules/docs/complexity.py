"""CON502: "Complex logic requires inline comments with `# Reason:` prefix".

Complexity is McCabe's, counted exactly as ruff's C901 counts it: one for the
function, one per ``if``/``elif``, loop, ``except`` clause, ``try`` with an ``else``,
``match`` case (an irrefutable last case excluded) and nested function; boolean
operators, comprehensions and lambdas add nothing.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator, Sequence

from constitution_hooks.core.config import Settings
from constitution_hooks.core.source import Comment, SourceFile
from constitution_hooks.core.violation import Finding

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_LOOPS = (ast.For, ast.AsyncFor, ast.While)
_WITH = (ast.With, ast.AsyncWith)
# Reason: ``except*`` (ast.TryStar) exists from Python 3.11 on only.
_TRIES: tuple[type, ...] = (ast.Try, getattr(ast, "TryStar", ast.Try))
_REASON = re.compile(r"(?:^|#)\s*reason:\s*\S", re.IGNORECASE)


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
    return _decisions(function.body) + 1


def _decisions(body: Sequence[ast.stmt]) -> int:
    total = 0
    for node in body:
        if isinstance(node, ast.If):
            # Reason: an ``elif`` is a nested ``If`` in ``orelse``, so each one counts.
            total += 1 + _decisions(node.body) + _decisions(node.orelse)
        elif isinstance(node, _LOOPS):
            total += 1 + _decisions(node.body) + _decisions(node.orelse)
        elif isinstance(node, _WITH):
            total += _decisions(node.body)
        elif isinstance(node, ast.Match):
            total += _match_decisions(node)
        elif isinstance(node, _TRIES):
            total += _try_decisions(node)
        elif isinstance(node, _FUNCTIONS):
            total += 1 + _decisions(node.body)
        elif isinstance(node, ast.ClassDef):
            total += _decisions(node.body)
    return total


def _match_decisions(node: ast.Match) -> int:
    total = sum(1 + _decisions(case.body) for case in node.cases)
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


def _try_decisions(node: ast.stmt) -> int:
    handlers: list[ast.ExceptHandler] = getattr(node, "handlers", [])
    orelse: list[ast.stmt] = getattr(node, "orelse", [])
    total = _decisions(getattr(node, "body", []))
    total += (1 if orelse else 0) + _decisions(orelse)
    total += _decisions(getattr(node, "finalbody", []))
    return total + sum(1 + _decisions(handler.body) for handler in handlers)


_BLOCKS = ("body", "orelse", "handlers", "finalbody", "cases")


def _functions(
    body: Sequence[ast.AST],
) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    """Every function among statements, nested ones included; expressions skipped."""
    for node in body:
        if isinstance(node, _FUNCTIONS):
            yield node
        for block in _BLOCKS:
            yield from _functions(getattr(node, block, ()))


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


def check_complexity(source: SourceFile, settings: Settings) -> Iterator[Finding]:
    """Flag functions over ``max-complexity`` with no ``# Reason:`` comment inside.

    A ``# Reason:`` comment anywhere from the ``def`` line to the function's last
    line counts; comments are only read when some function is over the limit.

    Example:
        >>> import pathlib, tempfile
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.py"
        >>> _ = p.write_text("def f(a):\\n    if a:\\n        return 1\\n")
        >>> s = Settings({"max-complexity": 1})
        >>> [f.message[:32] for f in check_complexity(SourceFile(p), s)]
        ["function 'f' has complexity 2 (l"]
    """
    limit = settings.integer("max-complexity")
    names = {d.line: d.name for d in source.definitions if d.kind == "function"}
    over = [
        (node, value)
        for node in _functions(source.tree.body)
        if (value := complexity(node)) > limit
    ]
    if not over:
        return
    reasons = reason_lines(source.comments)
    for node, value in sorted(over, key=lambda item: item[0].lineno):
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
