"""The project-contract and migrations hooks through real pre-commit and git."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import git

pytestmark = pytest.mark.integration

Runner = Callable[..., subprocess.CompletedProcess[str]]
ADR = (
    "# 0001. Use uv\n\n## Status\nAccepted\n\n## Context\n\n## Decision\n\n"
    "## Consequences\n"
)
CLEAN = {
    "pyproject.toml": (
        '[project]\nname = "app"\nversion = "0.1.0"\nrequires-python = ">=3.12"\n'
    ),
    ".python-version": "3.12\n",
    ".gitignore": ".env\n",
    "CHANGELOG.md": "# Changelog\n\n## [Unreleased]\n",
    "docs/architecture/decisions/0001-use-uv.md": ADR,
    "docs/technical-debt.md": "# Technical debt\n",
}
MIGRATION = "from alembic import op\n\n\ndef upgrade():\n    op.create_table('users')\n"


def write(repo: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def commit(message: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "commit", "-m", message], capture_output=True, text=True, check=False
    )


def test_git_commit_project_contract_blocks_env_file_only_when_relevant(
    git_repo: Path, pre_commit: Runner, use_hooks: Callable[..., None]
) -> None:
    use_hooks("project-contract")
    assert pre_commit("install").returncode == 0
    write(git_repo, CLEAN)
    git(git_repo, "add", "-A")
    allowed = commit("chore: start")
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    write(git_repo, {".env.local": "SECRET=1\n"})
    git(git_repo, "add", ".env.local")
    blocked = commit("chore: add settings")
    assert blocked.returncode != 0
    assert ".env.local:1:1: CON704" in blocked.stdout + blocked.stderr
    git(git_repo, "rm", "-q", "--cached", ".env.local")
    write(git_repo, {"src/app.py": "x = 1\n"})
    git(git_repo, "add", "src/app.py")
    skipped = commit("feat: app")
    assert skipped.returncode == 0, skipped.stdout + skipped.stderr


def test_git_commit_migrations_blocks_edit_of_deployed_migration(
    git_repo: Path, pre_commit: Runner, use_hooks: Callable[..., None]
) -> None:
    use_hooks("migrations")
    assert pre_commit("install").returncode == 0
    write(git_repo, {"alembic.ini": "[alembic]\nscript_location = db\n"})
    write(git_repo, {"db/versions/1a_users.py": MIGRATION})
    git(git_repo, "add", "-A")
    assert commit("feat(db): add users").returncode == 0
    write(git_repo, {"db/versions/1a_users.py": MIGRATION.replace("users", "members")})
    git(git_repo, "add", "-A")
    blocked = commit("fix(db): rename users")
    assert blocked.returncode != 0
    assert "db/versions/1a_users.py:5:1: CON801" in blocked.stdout + blocked.stderr
    git(git_repo, "checkout", "-q", "HEAD", "--", "db/versions/1a_users.py")
    write(
        git_repo, {"db/versions/2b_members.py": MIGRATION.replace("create", "rename")}
    )
    git(git_repo, "add", "-A")
    allowed = commit("feat(db): rename users")
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
