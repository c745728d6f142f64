"""The comments of chosen lines, tokenizing only the statements around them.

``read_comments`` runs Python's tokenizer over a whole file; before Python 3.12 the
tokenizer is pure Python (a few microseconds a token), and a rule that looks for a
few directives wants the comments of a few lines. The parsed tree says where each
statement starts, so only the lines from the logical line holding a chosen line
up to that line are tokenized, and the comments found are exactly the whole-file
read's: a ``#`` inside a string, a multi-line one included, is never a comment.
"""

from __future__ import annotations

import ast
import tokenize
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence

from constitution_hooks.core.source import Comment, SourceFile, read_comments

_NOT_CODE = frozenset(
    {tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING}
    | {tokenize.ENDMARKER}
)
_BLANK = " \t\f"
_BLOCKS = ("body", "handlers", "orelse", "finalbody")


def read_comments_on(
    text: str, lines: Iterable[int], tree: ast.Module | None
) -> tuple[Comment, ...]:
    """Return the comments on ``lines``, exactly as ``read_comments`` reads them.

    Args:
        text: Decoded source.
        lines: The 1-based lines whose comments are wanted.
        tree: The text's parsed module, or None when it does not parse: then the
            whole text is tokenized, as ``read_comments`` does.

    Returns:
        The comments on those lines, in source order.

    Example:
        >>> text = 's = "# no"\\nx = f(\\n    1)  # yes\\n'
        >>> read_comments_on(text, [1, 3], ast.parse(text))
        (Comment(line=3, column=9, text='# yes', own_line=False, statement=2),)
    """
    wanted = sorted(set(lines))
    # Reason: the tokenizer splits lines at "\n" only, the parser at a lone "\r"
    # too; their line numbers would disagree, so such a file is read whole.
    if not wanted or tree is None or text.count("\r") != text.count("\r\n"):
        return _whole(text, wanted) if wanted else ()
    physical = text.split("\n")
    try:
        return tuple(_windows(tree, physical, wanted))
    # Reason: a window is valid code from a statement's start; should the
    # tokenizer still stop, the whole-file read decides, as before.
    except (tokenize.TokenError, SyntaxError):
        return _whole(text, wanted)


def comments_on(source: SourceFile, lines: Iterable[int]) -> tuple[Comment, ...]:
    """Return a file's comments on ``lines``, as ``source.comments`` holds them.

    Only the statements around those lines are tokenized (the file's tree says
    where they start); comments already read whole are filtered instead, and a
    file that does not parse is tokenized whole.

    Args:
        source: The file.
        lines: The 1-based lines whose comments are wanted.

    Returns:
        The comments on those lines, in source order.

    Example:
        >>> source = SourceFile.from_bytes("a.py", b"x = 1  # a\\ny = 2  # b\\n")
        >>> [c.text for c in comments_on(source, [2])]
        ['# b']
    """
    chosen = frozenset(lines)
    if not chosen:
        return ()
    if "comments" in vars(source):
        return tuple(c for c in source.comments if c.line in chosen)
    try:
        tree: ast.Module | None = source.tree
    except (SyntaxError, RecursionError, MemoryError):
        tree = None
    return read_comments_on(source.text, chosen, tree)


def _whole(text: str, wanted: Sequence[int]) -> tuple[Comment, ...]:
    chosen = frozenset(wanted)
    return tuple(c for c in read_comments(text) if c.line in chosen)


def _windows(
    tree: ast.Module, physical: list[str], wanted: list[int]
) -> Iterator[Comment]:
    """Tokenize from each wanted line's clean start; go on while windows touch."""
    chosen = frozenset(wanted)
    stream: _Window | None = None
    reached = 0
    for line in wanted:
        if line <= reached:
            continue
        start = clean_start(tree, physical, line)
        if stream is None or start > reached + 1:
            stream = _Window(physical, start)
        found, reached = stream.read_through(line, chosen)
        yield from found


def clean_start(tree: ast.Module, physical: Sequence[str], line: int) -> int:
    """The last line at or before ``line`` where the tokenizer may start afresh.

    That is the first line of a statement that begins its line (only blanks
    before it) and that no backslash joins to the line above: there, no string,
    bracket or logical line is open. Line 1 always is one.

    Args:
        tree: The parsed module.
        physical: The text split at ``"\\n"``.
        line: A 1-based line.

    Returns:
        The 1-based line to tokenize from.

    Example:
        >>> text = "x = 1\\ny = [\\n    2,\\n]\\n"
        >>> clean_start(ast.parse(text), text.split("\\n"), 3)
        2
    """
    best = 1
    block: Sequence[ast.AST] = tree.body
    while block:
        index = bisect_right(block, line, key=_first_line) - 1
        if index < 0:
            break
        node = block[index]
        if _begins_line(node, physical):
            best = _first_line(node)
        block = _inner(node)
    return best


def _first_line(node: ast.AST) -> int:
    line: int = getattr(node, "lineno", 0)
    return line


def _begins_line(node: ast.AST, physical: Sequence[str]) -> bool:
    row, column = _first_line(node), getattr(node, "col_offset", 0)
    # Reason: col_offset counts UTF-8 bytes; a prefix of blanks is ASCII, so the
    # character slice is blank exactly when the byte prefix is.
    if physical[row - 1][:column].strip(_BLANK):
        return False
    return row == 1 or not physical[row - 2].rstrip("\r").endswith("\\")


def _inner(node: ast.AST) -> list[ast.AST]:
    """The statements (and ``except`` clauses) right inside one, in source order."""
    found: list[ast.AST] = []
    for name in _BLOCKS:
        found.extend(getattr(node, name, ()))
    for case in getattr(node, "cases", ()):
        found.extend(case.body)
    return found


class _Window:
    """One run of the tokenizer from a clean start, read on as far as needed.

    Every line is fed without its leading blanks: indentation only makes
    INDENT/DEDENT tokens, which no comment depends on, and a window that starts
    inside a block and reads past its end could otherwise not dedent.
    """

    def __init__(self, physical: list[str], start: int) -> None:
        self.physical = physical
        self.offset = start - 1
        self.statement = 0
        self.tokens = tokenize.generate_tokens(_feed(physical, start))

    def read_through(
        self, line: int, chosen: frozenset[int]
    ) -> tuple[list[Comment], int]:
        """The chosen lines' comments up to ``line``, and the last line complete."""
        found: list[Comment] = []
        for token in self.tokens:
            row = token.start[0] + self.offset
            kind = token.type
            if kind == tokenize.COMMENT:
                if row in chosen:
                    found.append(self._comment(row, token.start[1], token.string))
            elif kind == tokenize.NEWLINE:
                self.statement = 0
            elif kind not in _NOT_CODE and not self.statement:
                self.statement = row
            # Reason: a comment, NL or NEWLINE ends what its line can hold; any
            # other token ends the lines before its own.
            if kind in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE):
                if row >= line:
                    return found, row
            elif row > line:
                return found, row - 1
        return found, len(self.physical) + 1

    def _comment(self, row: int, column: int, text: str) -> Comment:
        physical = self.physical[row - 1]
        column += len(physical) - len(physical.lstrip(_BLANK))
        own = not physical[:column].strip()
        return Comment(row, column + 1, text, own, self.statement or row)


def _feed(physical: list[str], start: int) -> Callable[[], str]:
    """A ``readline`` over the lines from ``start``, as ``io.StringIO`` gives them."""
    last = len(physical) - 1
    lines = iter(range(start - 1, len(physical)))

    def readline() -> str:
        index = next(lines, None)
        if index is None:
            return ""
        text = physical[index].lstrip(_BLANK)
        return text + "\n" if index < last else text

    return readline
