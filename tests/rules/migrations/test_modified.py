"""CON801 migration-modified, over raw changes."""

from __future__ import annotations

import pytest

from constitution_hooks.core.git import NULL_SHA, Change
from constitution_hooks.rules.migrations.locate import Migrations
from constitution_hooks.rules.migrations.modified import (
    check_migrations,
    first_changed_line,
    same_code,
)

OLD = (
    b'"""Add users."""\nfrom alembic import op\nimport sqlalchemy as sa\n\n'
    b'revision = "1a"\n\n\ndef upgrade():\n'
    b'    op.add_column("users", sa.Column("email", sa.String(200)))\n'
)
PATH = "db/versions/1a_users.py"
MIGRATIONS = Migrations(("db/versions",))
DEPLOYED = {PATH: "origin/main"}


@pytest.mark.parametrize(
    ("new", "same"),
    [
        (OLD, True),
        (OLD.replace(b"200)))", b"200)))  # reviewed"), True),
        (OLD.replace(b'"Add users."', b'"Add the users table."'), True),
        (
            OLD.replace(
                b"from alembic import op\nimport sqlalchemy as sa",
                b"import sqlalchemy as sa\nfrom alembic import op",
            ),
            True,
        ),
        (OLD.replace(b'"email", sa', b'"email",\n        sa'), True),
        (OLD.replace(b"200", b"320"), False),
        (OLD + b"def downgrade():\n    pass\n", False),
        (b"def broken(:\n", False),
    ],
)
def test_same_code_layout_aside_changes_found(new: bytes, same: bool) -> None:
    assert same_code(OLD, new) is same


def test_same_code_both_unparseable_differ() -> None:
    assert not same_code(b"def (:\n", b"def ):\n")


def test_first_changed_line_appended_line_found() -> None:
    assert first_changed_line(b"a\n", b"a\nb\n") == 2
    assert first_changed_line(b"a\n", b"a\n") == 1


def _change(
    status: str, new: bytes | None = None, path: str = PATH
) -> tuple[Change, dict[str, bytes]]:
    old_blob, new_blob = "1" * 40, NULL_SHA if new is None else "2" * 40
    blobs = {old_blob: OLD} if new is None else {old_blob: OLD, new_blob: new}
    return Change(status, PATH, path, old_blob, new_blob), blobs


@pytest.mark.parametrize(
    ("status", "new", "path", "lines"),
    [
        ("M", OLD.replace(b"200", b"320"), PATH, [9]),
        ("M", OLD + b"# note\n", PATH, []),
        ("D", None, PATH, [1]),
        ("R", OLD, "db/versions/old/1a_users.py", []),
        ("R", OLD, "attic/1a_users.py", [1]),
        ("R", OLD.replace(b"200", b"320"), "db/versions/1a_renamed.py", [9]),
        ("C", OLD, "db/versions/1b_copy.py", []),
    ],
)
def test_check_migrations_deployed_change_judged(
    status: str, new: bytes | None, path: str, lines: list[int]
) -> None:
    change, blobs = _change(status, new, path)
    found = check_migrations([change], MIGRATIONS, DEPLOYED, blobs)
    assert [v.line for v in found] == lines
    assert all(v.code == "CON801" and "origin/main" in v.message for v in found)


def test_check_migrations_not_deployed_passes() -> None:
    change, blobs = _change("M", OLD.replace(b"200", b"320"))
    assert check_migrations([change], MIGRATIONS, {}, blobs) == []


def test_check_migrations_not_a_migration_passes() -> None:
    change, blobs = _change("M", b"x = 2\n")
    assert check_migrations([change], Migrations(("other",)), DEPLOYED, blobs) == []


def test_check_migrations_exempt_glob_passes() -> None:
    change, blobs = _change("D")
    exempt = [("db/versions/1a_*.py", "dropped before any deployment used it")]
    assert check_migrations([change], MIGRATIONS, DEPLOYED, blobs, exempt) == []
