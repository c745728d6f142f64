"""Every checkable clause of the constitution, and what enforces it: plain data.

``constitution map``, ``docs/constitution-map.md`` and the meta-tests read this one
table. An enforcer is one of our codes (``CON101``) or a named rule of a peer tool
that ``init`` configures (``ruff ANN001``, ``mypy --strict``, ``bandit B105``,
``black``, ``uv add-bounds``, ``pre-commit uv-lock``). A clause no tool can judge is
review only and says why; a clause may have both, enforcers for what a tool sees
and a review note for the rest.
"""

from __future__ import annotations

from typing import NamedTuple


class Enforcer(NamedTuple):
    """A tool and the rule of it that checks a clause.

    Example:
        >>> str(Enforcer("ruff", "ERA001"))
        'ruff ERA001'
    """

    tool: str
    rule: str

    def __str__(self) -> str:
        """The enforcer as the map shows it."""
        return f"{self.tool} {self.rule}"


class Clause(NamedTuple):
    """One clause: its part and section, the constitution's words, its enforcers.

    Example:
        >>> clause = Clause("Git Workflow", "Commit Standards", "x", con("CON303"))
        >>> [str(e) for e in clause.enforcers], clause.review
        (['constitution CON303'], '')
    """

    part: str
    section: str
    words: str
    enforcers: tuple[Enforcer, ...] = ()
    review: str = ""


def con(*codes: str) -> tuple[Enforcer, ...]:
    """Our codes as enforcers.

    Example:
        >>> con("CON101")[0].tool
        'constitution'
    """
    return tuple(Enforcer("constitution", code) for code in codes)


def ruff(*codes: str) -> tuple[Enforcer, ...]:
    """Ruff codes as enforcers.

    Example:
        >>> ruff("T201")
        (Enforcer(tool='ruff', rule='T201'),)
    """
    return tuple(Enforcer("ruff", code) for code in codes)


def bandit(*codes: str) -> tuple[Enforcer, ...]:
    """Bandit test ids as enforcers.

    Example:
        >>> str(bandit("B105")[0])
        'bandit B105'
    """
    return tuple(Enforcer("bandit", code) for code in codes)


Row = tuple[str, tuple[Enforcer, ...]] | tuple[str, tuple[Enforcer, ...], str]
MYPY = (Enforcer("mypy", "--strict"),)
BLACK = (Enforcer("black", "black"),)
LOCK = (Enforcer("pre-commit", "uv-lock"),)
PINS = (Enforcer("uv", "add-bounds"), *LOCK)


def clauses() -> tuple[Clause, ...]:
    """Every clause, in the constitution's order.

    Example:
        >>> clauses()[0].words
        'Files must never exceed 500 lines'
    """
    # Reason: the data modules import this one for the types; load them on use.
    from constitution_hooks.constitution_map import practice, principles

    return tuple(
        Clause(part, section, *row)
        for data in (principles.DATA, practice.DATA)
        for part, sections in data.items()
        for section, rows in sections.items()
        for row in rows
    )
