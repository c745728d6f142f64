"""CON801 migration-modified: a change to a migration the deployed revision holds."""

from __future__ import annotations

import ast
import fnmatch
from collections.abc import Iterable, Iterator, Mapping
from itertools import zip_longest

from constitution_hooks.core.git import Change
from constitution_hooks.core.source import SourceUnreadableError, decode_source
from constitution_hooks.core.violation import Finding, Violation
from constitution_hooks.rules.migrations import RULES
from constitution_hooks.rules.migrations.locate import Migrations
from constitution_hooks.rules.tdd.summary import behaviour

_RULE = RULES[0]


def same_code(old: bytes, new: bytes) -> bool:
    """Whether two versions hold the same code (comments, layout, docstrings aside).

    A version that does not parse is the same only when its bytes are.

    Example:
        >>> same_code(b"x = 1\\n", b"x = 1  # why\\n"), same_code(b"x = 1", b"x = 2")
        (True, False)
        >>> same_code(b"import b\\nimport a\\n", b"import a\\nimport b\\n")
        True
    """
    if old == new:
        return True
    before, after = _code(old), _code(new)
    return before is not None and before == after


def _code(data: bytes) -> str | None:
    """The module's code as the TDD rules compare it, import blocks sorted."""
    try:
        text = decode_source(data)
        tree = ast.parse(text)
    except (
        SourceUnreadableError,
        SyntaxError,
        ValueError,
        RecursionError,
        MemoryError,
    ):
        return None
    # Reason: isort and ruff reorder import blocks; the order of a run of imports
    # is layout, not schema.
    tree.body = _sorted_imports(tree.body)
    try:
        return behaviour(tree)
    except RecursionError:
        return "text:" + text


def _sorted_imports(body: list[ast.stmt]) -> list[ast.stmt]:
    result: list[ast.stmt] = []
    run: list[ast.stmt] = []
    for node in [*body, None]:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            run.append(node)
            continue
        result += sorted(run, key=ast.dump)
        run = []
        if node is not None:
            result.append(node)
    return result


def first_changed_line(old: bytes, new: bytes) -> int:
    """The first line (1-based) where ``new`` differs from ``old``.

    Example:
        >>> first_changed_line(b"a\\nb\\nc\\n", b"a\\nB\\nc\\n")
        2
    """
    pairs = zip_longest(old.splitlines(), new.splitlines())
    return next((n for n, (a, b) in enumerate(pairs, 1) if a != b), 1)


def check_migrations(
    changes: Iterable[Change],
    migrations: Migrations,
    deployed: Mapping[str, str],
    blobs: Mapping[str, bytes],
    exempt: Iterable[tuple[str, str]] = (),
) -> list[Violation]:
    """Report each change that modifies or deletes a deployed migration.

    Args:
        changes: The raw changes judged (staged, pushed or since a base).
        migrations: Which paths are migration files.
        deployed: Deployed migration paths, each with the revision holding it.
        blobs: The changes' old and new contents by blob id.
        exempt: (glob, reason) pairs of migrations allowed to change.

    Returns:
        Violations sorted by path and line.

    Example:
        >>> check_migrations([], Migrations(("v",)), {}, {})
        []
    """
    rules = tuple(exempt)
    found = [
        violation
        for change in changes
        if change.old_path in deployed and migrations.holds(change.old_path)
        if not any(fnmatch.fnmatchcase(change.old_path, glob) for glob, _ in rules)
        for violation in _judge(change, migrations, deployed[change.old_path], blobs)
    ]
    return sorted(found)


def _judge(
    change: Change, migrations: Migrations, ref: str, blobs: Mapping[str, bytes]
) -> Iterator[Violation]:
    fix = "add a new migration instead (alembic revision)"
    if change.status == "D":
        message = f"deletes migration {change.old_path}, deployed at {ref}: restore it"
        yield _violation(change.old_path, 1, f"{message}; {fix}")
        return
    if change.status not in "MRT":
        return
    old, new = blobs.get(change.old_blob, b""), blobs.get(change.new_blob, b"")
    if change.status == "R" and not migrations.holds(change.path):
        message = (
            f"moves migration {change.old_path}, deployed at {ref}, to {change.path}"
        )
        yield _violation(change.old_path, 1, f"{message}: move it back; {fix}")
    elif not same_code(old, new):
        yield _violation(
            change.path,
            first_changed_line(old, new),
            f"modifies migration {change.old_path}, deployed at {ref}: a deployed"
            f" migration has run on every database and is never edited; revert and"
            f" {fix}",
        )


def _violation(path: str, line: int, message: str) -> Violation:
    return _RULE.at(path, Finding(line, 1, message))
