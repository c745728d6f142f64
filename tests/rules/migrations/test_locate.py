"""Which files are migrations."""

from __future__ import annotations

import pytest

from constitution_hooks.rules.migrations.locate import (
    Migrations,
    find_migrations,
    pyproject_dirs,
    version_dirs,
)

INI = "[alembic]\nscript_location = {}\n"


@pytest.mark.parametrize(
    ("ini_path", "text", "dirs"),
    [
        ("alembic.ini", INI.format("alembic"), ["alembic/versions"]),
        (
            "backend/alembic.ini",
            INI.format("app/alembic"),
            ["backend/app/alembic/versions"],
        ),
        (
            "backend/alembic.ini",
            INI.format("%(here)s/migrations"),
            ["backend/migrations/versions"],
        ),
        ("alembic.ini", INI.format("myapp:migrations"), []),
        ("alembic.ini", INI.format("../outside"), []),
        ("alembic.ini", INI.format(""), []),
        ("alembic.ini", "[other]\nx = 1\n", []),
        ("alembic.ini", "not an ini [", []),
        (
            "alembic.ini",
            INI.format("db") + "version_locations = %(here)s/db/a, db/b\n",
            ["db/a", "db/b"],
        ),
    ],
)
def test_version_dirs_alembic_ini_forms_resolved(
    ini_path: str, text: str, dirs: list[str]
) -> None:
    assert version_dirs(ini_path, text) == dirs


def test_pyproject_dirs_tool_alembic_read() -> None:
    document = {
        "tool": {
            "alembic": {
                "script_location": "%(here)s/db",
                "version_locations": ["%(here)s/v1", 3],
            }
        }
    }
    assert pyproject_dirs("svc/pyproject.toml", document) == ["svc/v1"]
    assert pyproject_dirs("pyproject.toml", {"tool": {}}) == []


@pytest.mark.parametrize(
    ("path", "held"),
    [
        ("db/versions/1a_users.py", True),
        ("db/versions/sub/2b_items.py", True),
        ("db/versions/__init__.py", False),
        ("db/versions/README", False),
        ("db/env.py", False),
        ("other/versions/1a.py", False),
    ],
)
def test_holds_version_folder_python_files(path: str, held: bool) -> None:
    assert Migrations(("db/versions",)).holds(path) is held


def test_find_migrations_globs_replace_alembic_config() -> None:
    found = find_migrations({"alembic.ini": INI.format("db")}, ["sql/*.py"])
    assert found == Migrations((), ("sql/*.py",))
    assert found.holds("sql/001.py") and not found.holds("db/versions/1.py")


def test_find_migrations_nothing_configured_is_falsy() -> None:
    assert not find_migrations({})
    assert find_migrations(
        {"a/alembic.ini": INI.format("m"), "b/alembic.ini": INI.format("m")}
    ).dirs == (
        "a/m/versions",
        "b/m/versions",
    )
