"""CON704 env-file-committed and CON708 committed-virtualenv."""

from __future__ import annotations

import pytest

from constitution_hooks.rules.project.repository import (
    check_env_files,
    check_virtualenvs,
    is_env_file,
)
from constitution_hooks.rules.project.settings import ContractSettings
from tests.rules.project.snapshots import project_files


@pytest.mark.parametrize(
    ("path", "env"),
    [
        (".env", True),
        (".env.local", True),
        (".env.test", True),
        (".env.prod", True),
        ("services/api/.env", True),
        (".env.example", False),
        (".env.sample", False),
        ("deploy/.env.template", False),
        (".envrc", False),
        ("env.py", False),
        ("docs/.environment", False),
    ],
)
def test_is_env_file_env_files_not_templates(path: str, env: bool) -> None:
    assert is_env_file(path) is env


@pytest.mark.parametrize(
    ("tracked", "ignored", "subjects"),
    [
        ((), True, []),
        ((".env.example",), True, []),
        ((".env",), True, [".env"]),
        ((".env.local", "api/.env"), True, [".env.local", "api/.env"]),
        ((), False, [".gitignore"]),
    ],
)
def test_check_env_files_tracked_or_unignored_reported(
    tracked: tuple[str, ...], ignored: bool, subjects: list[str]
) -> None:
    files = project_files(tracked=tracked, env_ignored=ignored)
    found = list(check_env_files(files, ContractSettings()))
    assert sorted(f.subject for f in found) == sorted(subjects)
    assert {f.code for f in found} <= {"CON704"}


def test_check_env_files_unignored_names_project_env() -> None:
    files = project_files(env_ignored=False, prefix="api/")
    (finding,) = check_env_files(files, ContractSettings())
    assert finding.path == "api/.gitignore"
    assert "git does not ignore api/.env" in finding.message


@pytest.mark.parametrize(
    ("tracked", "subjects"),
    [
        (("src/app.py",), []),
        ((".venv/pyvenv.cfg", ".venv/bin/python"), [".venv"]),
        (("tools/env/pyvenv.cfg",), ["tools/env"]),
        (("pyvenv.cfg",), ["."]),
        (("docs/pyvenv.cfg.md",), []),
    ],
)
def test_check_virtualenvs_folder_with_pyvenv_cfg_reported(
    tracked: tuple[str, ...], subjects: list[str]
) -> None:
    files = project_files(tracked=tracked)
    found = list(check_virtualenvs(files, ContractSettings()))
    assert [f.subject for f in found] == subjects
