"""CON801 as registry data: deployed migrations are never modified, and its table."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from constitution_hooks.core.options import (
    Option,
    Section,
    boolean,
    string,
    string_list,
)
from constitution_hooks.core.registry import Rule

HOOK = "migrations"


def _is_exempt_list(value: object) -> bool:
    return isinstance(value, list) and all(
        isinstance(entry, Mapping)
        and set(entry) == {"path", "reason"}
        and all(isinstance(entry[k], str) and entry[k].strip() for k in entry)
        for entry in value
    )


SECTION = Section(
    HOOK,
    (
        string(
            "deployed-ref",
            "",
            help="the revision that is deployed (default: the upstream of the"
            " default branch, else main)",
        ),
        boolean(
            "deployed-tags",
            False,
            "also count every migration some tag holds as deployed",
        ),
        string_list(
            "migrations-glob",
            (),
            "globs of migration files (default: the versions/ folder of each"
            " alembic.ini's script_location)",
        ),
        Option(
            "exempt",
            [],
            'a list of { path = "glob", reason = "why" } tables'
            " (a written reason is required)",
            _is_exempt_list,
            "migrations that may change after deployment, each with its reason",
        ),
    ),
)


class MigrationSettings(NamedTuple):
    """The ``migrations`` table, typed.

    Example:
        >>> from constitution_hooks.core.config import Settings
        >>> Settings(SECTION.defaults()).record(MigrationSettings).deployed_ref
        ''
    """

    deployed_ref: str
    deployed_tags: bool
    migrations_glob: tuple[str, ...]
    exempt: tuple[Mapping[str, str], ...]


RULES: tuple[Rule, ...] = (
    Rule(
        code="CON801",
        id="migration-modified",
        hook=HOOK,
        section=SECTION.name,
        summary="a staged (or pushed, or `--diff-base`) change that modifies or"
        " deletes a migration file the deployed revision already holds; new"
        " migrations, and changes that leave the code's tree unchanged (comments,"
        " formatting, docstrings), pass",
        constitution="Alembic for all schema migrations. Never modify migrations"
        " after deployment.",
        why="A deployed migration has already run on every database: editing it"
        " changes nothing there, but a fresh database built from history now"
        " differs from production. The fix is a new migration.",
        example="# edit migrations/versions/3f2a_add_users.py, already on main:\n"
        'op.add_column("users", sa.Column("email", sa.String(200)))\n',
        fix='# alembic revision -m "widen users.email"  (a new file):\n'
        'op.alter_column("users", "email", type_=sa.String(320))\n',
        default="deployed = the upstream of the default branch (else main)",
        hint="revert the change and add a new migration (alembic revision"
        " --autogenerate); or exempt the file with a written reason:"
        ' [tool.constitution.migrations] exempt = [{ path = "...", reason = "why" }]',
    ),
)
