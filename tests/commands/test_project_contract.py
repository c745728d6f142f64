"""``constitution project-contract`` against real git repositories (the index)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from constitution_hooks.cli import main
from constitution_hooks.commands import project_contract
from constitution_hooks.commands.project_contract import (
    contract_violations,
    project_prefix,
    snapshot,
)
from constitution_hooks.core.config import Config, load_config
from constitution_hooks.rules import SECTIONS
from constitution_hooks.rules.project.settings import ContractSettings
from tests.conftest import git

PYPROJECT = """\
[project]
name = "app"
version = "0.1.0"
requires-python = ">=3.12"
dependencies = ["fastapi==0.115.0"]
"""
LOCK = """\
version = 1
revision = 3
requires-python = ">=3.12"

[[package]]
name = "app"
version = "0.1.0"
source = { editable = "." }

[package.metadata]
requires-dist = [{ name = "fastapi", specifier = "==0.115.0" }]
"""
ADR = (
    "# 0001. Use uv\n\n## Status\nAccepted\n\n## Context\n\n## Decision\n\n"
    "## Consequences\n"
)
CLEAN = {
    "pyproject.toml": PYPROJECT,
    "uv.lock": LOCK,
    ".python-version": "3.12\n",
    ".gitignore": ".env\n.env.*\n!.env.example\n.venv/\n",
    "CHANGELOG.md": "# Changelog\n\n## [Unreleased]\n",
    "docs/architecture/decisions/0001-use-uv.md": ADR,
    "docs/technical-debt.md": "# Technical debt\n",
}


def put(repo: Path, files: dict[str, str], stage: bool = True) -> None:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if stage:
            git(repo, "add", "-f", "--", name)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["project-contract", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_run_clean_project_exits_0(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, CLEAN)
    assert run(capsys) == (0, "")


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({".env": "SECRET=1\n"}, ".env:1:1: CON704"),
        ({"deploy/.env.prod": "X=1\n"}, "deploy/.env.prod:1:1: CON704"),
        ({".venv/pyvenv.cfg": "home = /usr\n"}, ".venv/pyvenv.cfg:1:1: CON708"),
        ({"poetry.lock": ""}, "poetry.lock:1:1: CON703"),
        ({".python-version": "3.10\n"}, ".python-version:1:1: CON702"),
        ({"CHANGELOG.md": "# Changes\n"}, "CHANGELOG.md:1:1: CON706"),
        (
            {"pyproject.toml": PYPROJECT.replace("==0.115.0", ">=0.115")},
            "pyproject.toml:5:17: CON701",
        ),
        (
            {"pyproject.toml": PYPROJECT.replace("==0.115.0", "==0.116.0")},
            "uv.lock:11:18: CON703",
        ),
        ({".gitignore": ".venv/\n"}, ".gitignore:1:1: CON704"),
        (
            {"pyproject.toml": PYPROJECT.replace('"]', '", "pytest==8.3.3"]')},
            "pyproject.toml:5:37: CON705",
        ),
        (
            {"docs/architecture/decisions/0001-use-uv.md": "# 0001. Use uv\n"},
            "docs/architecture/decisions/0001-use-uv.md:1:1: CON707",
        ),
    ],
)
def test_run_staged_breach_exits_1_at_its_file_and_line(
    git_repo: Path,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str],
    expected: str,
) -> None:
    put(git_repo, {**CLEAN, **files})
    code, out = run(capsys)
    assert code == 1
    assert expected in out


def test_run_unstaged_file_not_judged_index_is_truth(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, CLEAN)
    put(git_repo, {"CHANGELOG.md": "# Changes\n"}, stage=False)
    assert run(capsys)[0] == 0
    git(git_repo, "rm", "-qf", "--cached", "CHANGELOG.md")
    code, out = run(capsys)
    assert code == 1 and "CHANGELOG.md is missing (or not tracked)" in out


def test_run_env_file_removed_from_index_passes(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {**CLEAN, ".env": "SECRET=1\n"})
    git(git_repo, "commit", "-qm", "chore: start")
    assert run(capsys)[0] == 1
    git(git_repo, "rm", "-q", "--cached", ".env")
    assert run(capsys)[0] == 0


def test_run_exempt_with_reason_passes(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exempt = (
        "\n[tool.constitution.project-contract]\nexempt = [\n"
        '  { rule = "CON704", subject = "tests/fixtures/*",'
        ' reason = "dotenv fixture" },\n]\n'
    )
    put(git_repo, {**CLEAN, "pyproject.toml": PYPROJECT + exempt})
    put(git_repo, {"tests/fixtures/.env": "A=1\n"})
    assert run(capsys) == (0, "")


def test_run_select_and_ignore_limit_rules(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {**CLEAN, ".env": "A=1\n", "poetry.lock": ""})
    code, out = run(capsys, "--select", "CON703", "--format", "json")
    assert code == 1 and {v["code"] for v in json.loads(out.split("\nFound")[0])} == {
        "CON703"
    }
    assert run(capsys, "--ignore", "CON703,env-file-committed")[0] == 0


def test_run_disabled_table_exits_0(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    off = "\n[tool.constitution.project-contract]\nenabled = false\n"
    put(git_repo, {"pyproject.toml": PYPROJECT + off})
    assert run(capsys) == (0, "")


def test_run_outside_git_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = run(capsys)
    assert code == 2 and "inside a git work tree" in out


def test_run_bad_exempt_config_exits_2(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = '\n[tool.constitution.project-contract]\nexempt = [{ rule = "CON704" }]\n'
    put(git_repo, {"pyproject.toml": PYPROJECT + bad})
    code, out = run(capsys)
    assert code == 2 and "project-contract.exempt" in out


def test_snapshot_workspace_member_uses_parent_lock(git_repo: Path) -> None:
    lock = LOCK.replace('editable = "."', 'editable = "backend"')
    put(git_repo, {"uv.lock": lock, "backend/pyproject.toml": PYPROJECT})
    files = snapshot(git_repo, "backend/", ContractSettings())
    assert (files.lock, files.member) == ("../uv.lock", "backend")
    assert "pyproject.toml" in files.blobs and "../uv.lock" in files.blobs
    assert files.python_version == ".python-version"


def test_snapshot_member_reads_nearest_python_version(git_repo: Path) -> None:
    put(git_repo, {".python-version": "3.12\n", "api/pyproject.toml": PYPROJECT})
    files = snapshot(git_repo, "api/", ContractSettings())
    assert files.python_version == "../.python-version"
    assert files.text("../.python-version") == "3.12\n"


def test_contract_violations_outside_git_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    config = load_config(SECTIONS, cwd=tmp_path)
    assert contract_violations(config) == []


def test_project_prefix_outside_top_is_top() -> None:
    assert project_prefix(Config(Path("/elsewhere"), None, ()), Path("/r")) == ""


def test_project_contract_command_named_after_hook() -> None:
    assert project_contract.NAME == "project-contract"
