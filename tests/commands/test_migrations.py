"""``constitution migrations`` against real git histories."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.cli import main
from constitution_hooks.commands import migrations
from constitution_hooks.commands.migrations import (
    changes_to_judge,
    default_deployed,
    deployed_refs,
    locate_migrations,
    present_at,
)
from constitution_hooks.core.config import Settings
from tests.conftest import git

INI = "[alembic]\nscript_location = %(here)s/db\n"
PATH = "backend/db/versions/1a_users.py"
MIGRATION = (
    '"""Add users."""\nfrom alembic import op\n\nrevision = "1a"\n\n\n'
    'def upgrade():\n    op.create_table("users")\n'
)
SETTINGS = {
    "enabled": True,
    "deployed-ref": "",
    "deployed-tags": False,
    "migrations-glob": (),
    "exempt": [],
}


def put(repo: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        git(repo, "add", "--", name)


def deployed(repo: Path) -> None:
    """A first migration committed on main: the deployed state."""
    put(repo, {"backend/alembic.ini": INI, PATH: MIGRATION})
    git(repo, "commit", "-qm", "feat(db): add users")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["migrations", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (MIGRATION.replace('"users"', '"members"'), 1),
        (MIGRATION + "# reviewed in #12\n", 0),
        (MIGRATION.replace("Add users.", "Add the users table."), 0),
    ],
)
def test_run_staged_edit_of_deployed_migration_judged_by_code(
    git_repo: Path, capsys: pytest.CaptureFixture[str], edit: str, code: int
) -> None:
    deployed(git_repo)
    git(git_repo, "switch", "-qc", "feature/members")
    put(git_repo, {PATH: edit})
    result, out = run(capsys)
    assert result == code
    if code:
        assert f"{PATH}:8:1: CON801 modifies migration {PATH}, deployed at main" in out


def test_run_new_migration_passes_deleted_one_fails(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deployed(git_repo)
    put(git_repo, {"backend/db/versions/2b_items.py": MIGRATION.replace("1a", "2b")})
    assert run(capsys) == (0, "")
    git(git_repo, "commit", "-qm", "feat(db): add items")
    git(git_repo, "rm", "-q", PATH)
    code, out = run(capsys)
    assert code == 1 and f"deletes migration {PATH}" in out


def test_run_migration_added_on_branch_may_change(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deployed(git_repo)
    git(git_repo, "switch", "-qc", "feature/items")
    new = "backend/db/versions/2b_items.py"
    put(git_repo, {new: MIGRATION})
    git(git_repo, "commit", "-qm", "feat(db): add items")
    put(git_repo, {new: MIGRATION.replace('"users"', '"items"')})
    assert run(capsys) == (0, "")


def test_run_diff_base_and_pushed_range_judge_commits(
    git_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    deployed(git_repo)
    git(git_repo, "switch", "-qc", "fix/users")
    put(git_repo, {PATH: MIGRATION.replace('"users"', '"members"')})
    git(git_repo, "commit", "-qm", "fix(db): rename")
    assert run(capsys)[0] == 0
    assert run(capsys, "--diff-base", "main")[0] == 1
    monkeypatch.setenv(
        "PRE_COMMIT_FROM_REF", git(git_repo, "rev-parse", "main").strip()
    )
    monkeypatch.setenv("PRE_COMMIT_TO_REF", "HEAD")
    assert run(capsys)[0] == 1


def test_run_upstream_of_default_branch_is_deployed(
    git_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    deployed(git_repo)
    git(git_repo, "remote", "add", "origin", str(remote))
    git(git_repo, "push", "-q", "-u", "origin", "main")
    assert default_deployed(git_repo) == "origin/main"
    put(git_repo, {PATH: MIGRATION.replace('"users"', '"members"')})
    code, out = run(capsys)
    assert code == 1 and "deployed at origin/main" in out


def test_run_deployed_tags_count_when_asked(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {"README.md": "x\n"})
    git(git_repo, "commit", "-qm", "chore: start")
    git(git_repo, "switch", "-qc", "release")
    deployed(git_repo)
    git(git_repo, "tag", "v1.0.0")
    put(git_repo, {PATH: MIGRATION.replace('"users"', '"members"')})
    put(
        git_repo,
        {"pyproject.toml": '[tool.constitution.migrations]\ndeployed-ref = "main"\n'},
    )
    assert run(capsys)[0] == 0
    tags = (
        '[tool.constitution.migrations]\ndeployed-ref = "main"\ndeployed-tags = true\n'
    )
    put(git_repo, {"pyproject.toml": tags})
    code, out = run(capsys)
    assert code == 1 and "deployed at v1.0.0" in out


def test_run_exempt_and_glob_config_honoured(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deployed(git_repo)
    put(git_repo, {PATH: MIGRATION.replace('"users"', '"members"')})
    exempt = (
        "[tool.constitution.migrations]\nexempt = [{ path ="
        ' "backend/db/versions/1a_*", reason = "never ran: the deploy failed" }]\n'
    )
    (git_repo / "pyproject.toml").write_text(exempt)
    assert run(capsys)[0] == 0
    (git_repo / "pyproject.toml").write_text(
        '[tool.constitution.migrations]\nmigrations-glob = ["sql/*.sql"]\n'
    )
    assert run(capsys)[0] == 0


def test_run_unknown_deployed_ref_exits_2(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deployed(git_repo)
    put(git_repo, {PATH: MIGRATION + "x = 1\n"})
    (git_repo / "pyproject.toml").write_text(
        '[tool.constitution.migrations]\ndeployed-ref = "origin/prod"\n'
    )
    code, out = run(capsys)
    assert code == 2 and "deployed-ref 'origin/prod'" in out


def test_run_outside_git_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = run(capsys)
    assert code == 2 and "inside a git work tree" in out


def test_run_fresh_repository_nothing_deployed_passes(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {"backend/alembic.ini": INI, PATH: MIGRATION})
    assert run(capsys) == (0, "")
    assert default_deployed(git_repo) is None


def test_present_at_first_revision_holding_path(git_repo: Path) -> None:
    deployed(git_repo)
    assert present_at(["main"], [PATH, "nope.py"], git_repo) == {PATH: "main"}


def test_locate_migrations_pyproject_tool_alembic_read(git_repo: Path) -> None:
    put(
        git_repo, {"pyproject.toml": '[tool.alembic]\nscript_location = "migrations"\n'}
    )
    index = {"pyproject.toml": git(git_repo, "rev-parse", ":pyproject.toml").strip()}
    found = locate_migrations(git_repo, "", Settings(SETTINGS), index)
    assert found.dirs == ("migrations/versions",)


def test_changes_to_judge_staged_by_default(git_repo: Path) -> None:
    deployed(git_repo)
    put(git_repo, {PATH: MIGRATION + "x = 1\n"})
    assert [c.status for c in changes_to_judge(git_repo, None)] == ["M"]


def test_deployed_refs_default_then_tags(git_repo: Path) -> None:
    deployed(git_repo)
    git(git_repo, "tag", "v1")
    settings = Settings({**SETTINGS, "deployed-tags": True})
    assert deployed_refs(git_repo, settings) == ["main", "refs/tags/v1"]


def test_migrations_command_named_after_hook() -> None:
    assert migrations.NAME == "migrations"
