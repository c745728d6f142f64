"""A Python source file, read once and parsed at most once per run."""

from __future__ import annotations

import ast
import io
import os
import re
import stat
import tokenize
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from constitution_hooks.core.symbols import Project

# Reason: Python's own physical line breaks are \r\n, \r and \n only; str.splitlines()
# would also split on form feeds and Unicode separators, miscounting lines.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Definition(NamedTuple):
    """The span of one function or class, from its ``def``/``class`` line.

    Attributes:
        kind: ``"function"`` or ``"class"``.
        name: The qualified name inside the module, such as ``Parser.parse``.
        line: The ``def``/``class`` line (decorators excluded), 1-based.
        column: The column of the ``def``/``class`` keyword, 1-based.
        end_line: The last line of the definition, 1-based.

    Example:
        >>> Definition("function", "f", 3, 1, 7).length
        5
    """

    kind: str
    name: str
    line: int
    column: int
    end_line: int

    @property
    def length(self) -> int:
        """Number of lines from the ``def``/``class`` line through the last line."""
        return self.end_line - self.line + 1


class Comment(NamedTuple):
    """One ``#`` comment, as the tokenizer reads it (text in strings never is one).

    Attributes:
        line: Its line, 1-based.
        column: The column of its ``#``, 1-based.
        text: The comment from ``#`` to the end of the line.
        own_line: Nothing but blanks precedes it on its line.
        statement: The first line of the statement whose line it ends (its own
            line for a comment outside any statement).

    Example:
        >>> read_comments("f(1,\\n  2)  # note\\n")[0][1:]
        (7, '# note', False, 1)
    """

    line: int
    column: int
    text: str
    own_line: bool
    statement: int


def read_comments(text: str) -> tuple[Comment, ...]:
    """Read every comment of a source text with the tokenizer.

    A text that stops tokenizing (a syntax error) keeps the comments read so far.

    Args:
        text: Decoded source.

    Returns:
        The comments in source order.

    Example:
        >>> [c.line for c in read_comments("s = '# no'\\n# yes\\n")]
        [2]
    """
    found: list[Comment] = []
    statement = 0
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            row, column = token.start
            if token.type == tokenize.COMMENT:
                own = not token.line[:column].strip()
                found.append(
                    Comment(row, column + 1, token.string, own, statement or row)
                )
            elif token.type == tokenize.NEWLINE:
                statement = 0
            elif token.type not in _NOT_CODE and not statement:
                statement = row
    except (tokenize.TokenError, SyntaxError):
        pass
    return tuple(found)


_NOT_CODE = frozenset(
    {tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING}
    | {tokenize.ENDMARKER}
)


class SourceUnreadableError(Exception):
    """The file cannot be read, or cannot be decoded the way Python decodes source."""


def decode_source(data: bytes) -> str:
    """Decode source bytes as Python does: PEP 263 cookie, BOM, UTF-8 default.

    Args:
        data: The raw bytes of a file.

    Returns:
        The decoded text.

    Raises:
        SourceUnreadableError: If the encoding is unknown or the bytes do not decode.

    Example:
        >>> decode_source(b"# -*- coding: latin-1 -*-\\nx = '\\xe9'\\n")[-3:]
        "é'\\n"
    """
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except (SyntaxError, UnicodeError, LookupError) as error:
        raise SourceUnreadableError(_decode_reason(error)) from error
    try:
        return data.decode(encoding)
    # Reason: some codecs (punycode, undefined) fail with a plain UnicodeError.
    except (UnicodeError, LookupError) as error:
        raise SourceUnreadableError(_decode_reason(error, encoding)) from error


def _decode_reason(error: Exception, encoding: str = "") -> str:
    if isinstance(error, UnicodeDecodeError) and error.start < len(error.object):
        byte = error.object[error.start]
        return (
            f"cannot be decoded as {error.encoding}: byte 0x{byte:02x} at {error.start}"
        )
    if isinstance(error, UnicodeError) and encoding:
        return f"cannot be decoded as {encoding}: {error}"
    if isinstance(error, SyntaxError):
        return f"cannot be decoded: {error.msg} (not UTF-8 and no PEP 263 cookie)"
    return f"cannot be decoded: {error}"


def count_lines(text: str) -> int:
    """Count physical lines; a last line without a trailing newline counts.

    Args:
        text: Decoded source text.

    Returns:
        The number of physical lines.

    Example:
        >>> count_lines("a\\r\\nb"), count_lines("a\\n"), count_lines("")
        (2, 1, 0)
    """
    if not text:
        return 0
    # Reason: str.count is ten times faster than the regex, and exact when no \r.
    breaks = text.count("\n") if "\r" not in text else len(_LINE_BREAK.findall(text))
    return breaks if text.endswith(("\n", "\r")) else breaks + 1


class SourceFile:
    """One file of a run: its bytes read once, its tree parsed at most once.

    Attributes:
        path: Where to read the file from.
        display: The path as reported in violations.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.py"
        >>> _ = p.write_text("def f():\\n    return 1\\n")
        >>> [d.name for d in SourceFile(p).definitions]
        ['f']
    """

    def __init__(self, path: Path, display: str | None = None) -> None:
        """Remember the file; nothing is read until a rule asks."""
        self.path = path
        self.display = display if display is not None else str(path)
        # Reason: rules that look across modules read the run's project here.
        self.project: Project | None = None

    @classmethod
    def from_bytes(cls, display: str, data: bytes) -> SourceFile:
        """A file whose bytes come from git (the index or a commit), not the disk.

        Example:
            >>> SourceFile.from_bytes("a.py", b"x = 1\\n").line_count
            1
        """
        source = cls(Path(display), display)
        # Reason: filling the cached property means the disk is never read.
        source.__dict__["data"] = data
        return source

    @cached_property
    def data(self) -> bytes:
        """The raw bytes (raises ``SourceUnreadableError`` if unreadable)."""
        try:
            # Reason: a FIFO blocks and a device never ends: stat first, and open
            # regular files only.
            if not stat.S_ISREG(os.stat(self.path).st_mode):
                raise SourceUnreadableError("is not a regular file")
            return self.path.read_bytes()
        except OSError as error:
            reason = error.strerror or type(error).__name__
            raise SourceUnreadableError(f"cannot be read: {reason}") from error

    @cached_property
    def text(self) -> str:
        """The decoded text (raises ``SourceUnreadableError``)."""
        data = self.data
        if b"\x00" in data:
            raise SourceUnreadableError("is binary (contains a NUL byte)")
        return decode_source(data)

    @cached_property
    def line_count(self) -> int:
        """The number of physical lines."""
        return count_lines(self.text)

    @property
    def tree(self) -> ast.Module:
        """The parsed module, parsed on first use only.

        A failure is remembered too: a broken file is parsed once, however many
        rules ask for its tree.

        Raises:
            SyntaxError: The file does not parse.
            RecursionError: The file nests deeper than the parser can follow.
            MemoryError: The file is too large for the parser.
        """
        outcome = self.__dict__.get("_tree")
        if outcome is None:
            try:
                outcome = ast.parse(self.text, filename=self.display)
            except (SyntaxError, RecursionError, MemoryError) as error:
                outcome = error
            self.__dict__["_tree"] = outcome
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    @cached_property
    def comments(self) -> tuple[Comment, ...]:
        """Every comment, read with the tokenizer on first use only."""
        return read_comments(self.text)

    @cached_property
    def definitions(self) -> tuple[Definition, ...]:
        """Every function and class, nested ones included, in source order."""
        found: list[Definition] = []
        _collect(self.tree, "", found)
        return tuple(found)


_DEFINITION_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
# Reason: a def or class is a statement, so it can only sit in a statement block:
# walking these fields alone (in source order) skips every expression node, and a
# table by node type skips the statements that have no block at all. Several
# times faster than ast.iter_child_nodes on real code.
_BLOCK_FIELDS = ("body", "handlers", "orelse", "finalbody", "cases")
_BLOCKS: dict[type, tuple[str, ...]] = {
    kind: tuple(name for name in _BLOCK_FIELDS if name in kind._fields)
    for kind in vars(ast).values()
    if isinstance(kind, type)
    and issubclass(kind, (ast.stmt, ast.Module, ast.excepthandler, ast.match_case))
    and any(name in kind._fields for name in _BLOCK_FIELDS)
}


def _collect(node: ast.AST, prefix: str, found: list[Definition]) -> None:
    for block in _BLOCKS.get(type(node), ()):
        for child in getattr(node, block):
            if isinstance(child, _DEFINITION_NODES):
                name = f"{prefix}{child.name}"
                kind = "class" if isinstance(child, ast.ClassDef) else "function"
                end = child.end_lineno if child.end_lineno is not None else child.lineno
                found.append(
                    Definition(kind, name, child.lineno, child.col_offset + 1, end)
                )
                _collect(child, f"{name}.", found)
            elif type(child) in _BLOCKS:
                _collect(child, prefix, found)
