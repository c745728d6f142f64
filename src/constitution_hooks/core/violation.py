"""The record every rule yields and every reporter formats."""

from __future__ import annotations

from typing import NamedTuple


class Violation(NamedTuple):
    """One rule broken at one place.

    Field order is the sort order reporters use: path, line, column, code.

    Attributes:
        path: The file as given on the command line or relative to the repository root.
        line: 1-based line number.
        column: 1-based column number.
        code: The rule's code, such as ``CON102``.
        rule: The rule's id, such as ``function-too-long``.
        message: What is wrong, the size found and the limit.
        anchor: What the baseline fingerprints the finding by (``symbol:f``,
            ``line:x = 1``, ``file:``), filled in by the runner only when a
            baseline needs it, so the file is not parsed twice; else ``""``.
        size: With ``anchor``, the size a size rule found (0 for the others).
        end_line: For ``--diff-base``, the last line of the definition whose
            ``def``/``class`` line this is (else this line), filled in by the
            runner from the tree already parsed; 0 when not filled in.

    Example:
        >>> v = Violation("a.py", 3, 1, "CON102", "function-too-long", "too long")
        >>> v.location()
        'a.py:3:1'
    """

    path: str
    line: int
    column: int
    code: str
    rule: str
    message: str
    anchor: str = ""
    size: int = 0
    end_line: int = 0

    def location(self) -> str:
        """Return ``path:line:col`` for this violation.

        Returns:
            The location string editors and terminals recognise.

        Example:
            >>> Violation("x.py", 1, 2, "C", "r", "m").location()
            'x.py:1:2'
        """
        return f"{self.path}:{self.line}:{self.column}"


class Finding(NamedTuple):
    """What a rule check yields: where, and what is wrong; the runner adds the rest.

    Example:
        >>> Finding(12, 1, "function 'f' is 63 lines long (limit 49)").line
        12
    """

    line: int
    column: int
    message: str
