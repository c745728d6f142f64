"""init on three sample projects, then the real tools, installed at their pins.

The samples: a fresh ``uv init`` app; a FastAPI app that formats with ruff format and
runs its own mypy hook; a library with a ``[tool.ruff]`` table of its own. Each is
built once per session; the peer tools install into the session's PRE_COMMIT_HOME
(one environment per tool) and mypy into each sample's own environment via uv.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from constitution_hooks.commands.init.gates import MYPY
from tests.conftest import GIT_IDENTITY

pytestmark = pytest.mark.integration

Runner = Callable[..., subprocess.CompletedProcess[str]]
FASTAPI = "fastapi==0.163.2"
HTTPX = "httpx==0.28.1"
DOC = """
    Args:
        {arg}: The {arg}.

    Returns:
        The {what}.

    Example:
        >>> {call}
        {result}
"""
GREET = f'''"""Greetings."""


def greet(name: str) -> str:
    """Greet someone by name.
{DOC.format(arg="name", what="greeting", call='greet("Ada")', result="'Hi Ada'")}    """
    return f"Hi {{name}}"
'''
GREET_TEST = """from {package}.greet import greet


def test_greet_given_name_returns_greeting() -> None:
    assert greet("Ada") == "Hi Ada"
"""
USERS = f'''"""The users API."""

from fastapi import APIRouter, Depends
from pydantic import BaseModel

router = APIRouter(prefix="/api/v1/users", tags=["users"])


class UserNames(BaseModel):
    """The users' names, sorted.

    Example:
        >>> UserNames(names=["a"]).names
        ['a']
    """

    names: list[str]


def get_db() -> dict[str, str]:
    """Give a request its database.

    Returns:
        The database.

    Example:
        >>> get_db()
        {{}}
    """
    return {{}}


@router.get("/")
async def list_users(db: dict[str, str] = Depends(get_db)) -> UserNames:
    """List the users' names.
{DOC.format(arg="db", what="names", call="1", result="1")}    """
    return UserNames(names=sorted(db))
'''
USERS_TEST = """import asyncio

from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.users import UserNames, get_db, list_users, router


def test_get_db_called_returns_empty_mapping() -> None:
    assert get_db() == {}


def test_list_users_given_db_returns_sorted_names() -> None:
    found = asyncio.run(list_users({"b": "", "a": ""}))
    assert found == UserNames(names=["a", "b"])


def test_list_users_through_client_returns_no_names() -> None:
    app = FastAPI()
    app.include_router(router)
    client = TestClient(app)
    assert client.get("/api/v1/users/").json() == {"names": []}
"""
OWN_HOOKS = """repos:
  - repo: local
    hooks:
      - id: ruff-format
        name: ruff format
        entry: ruff format
        language: python
        types_or: [python, pyi]
        additional_dependencies: ["ruff==0.17.6"]
      - id: mypy
        name: our mypy
        entry: uv run mypy
        language: system
        types_or: [python, pyi]
        pass_filenames: false
"""
OWN_RUFF = (
    '\n[tool.ruff]\nline-length = 100\n\n[tool.ruff.lint]\nselect = ["E", "F", "I"]\n'
)
SAMPLES = {"uv-app": "demo", "fastapi": "api", "ruff-table": "lib"}


def _run(folder: Path, *argv: str) -> str:
    env = {**os.environ, **GIT_IDENTITY, "GIT_CONFIG_NOSYSTEM": "1"}
    env["UV_PYTHON_DOWNLOADS"] = "never"
    done = subprocess.run(
        argv, cwd=folder, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{argv}: {done.stdout}{done.stderr}"
    return done.stdout


CHANGELOG = """# Changelog

## [Unreleased]

### Added
- The greeting.
"""
ADR = """# 1. Record decisions

## Status

Accepted.

## Context

Decisions need a home.

## Decision

Write them here.

## Consequences

They can be found.
"""


def _project_files(folder: Path) -> None:
    """What the project contract asks of every repository (CON704, CON706, CON707)."""
    with (folder / ".gitignore").open("a") as ignore:
        ignore.write(".env\n.env.*\n!.env.example\n")
    (folder / "CHANGELOG.md").write_text(CHANGELOG)
    decisions = folder / "docs" / "architecture" / "decisions"
    decisions.mkdir(parents=True)
    (decisions / "0001-record-decisions.md").write_text(ADR)
    (folder / "docs" / "technical-debt.md").write_text("# Technical debt\n")


PACKAGE_README = (
    "# {package}\n\n## Setup\n\n    uv sync\n\n## Usage\n\n    uv run python\n"
)


def _build(root: Path, name: str, hook_repo: tuple[Path, str]) -> tuple[Path, str]:
    package = SAMPLES[name]
    _run(
        root, "uv", "init", "-q", *(["--lib"] if name == "ruff-table" else []), package
    )
    folder = root / package
    source = folder / "src" / package
    (source / "__init__.py").write_text(f'"""The {package} package."""\n')
    (source / "greet.py").write_text(GREET)
    (source / "README.md").write_text(PACKAGE_README.format(package=package))
    (folder / "tests").mkdir()
    (folder / "tests" / "__init__.py").write_text("")
    (folder / "tests" / "test_greet.py").write_text(GREET_TEST.format(package=package))
    _project_files(folder)
    if name == "fastapi":
        _run(folder, "uv", "add", "-q", FASTAPI)
        _run(folder, "uv", "add", "-q", "--dev", HTTPX)
        (source / "users.py").write_text(USERS)
        (folder / "tests" / "test_users.py").write_text(USERS_TEST)
        (folder / ".pre-commit-config.yaml").write_text(OWN_HOOKS)
    if name == "ruff-table":
        with (folder / "pyproject.toml").open("a") as out:
            out.write(OWN_RUFF)
    _run(folder, "uv", "add", "-q", "--dev", f"mypy=={MYPY}")
    path, sha = hook_repo
    init = [sys.executable, "-m", "constitution_hooks", "init"]
    said = _run(folder, *init, "--repo", str(path), "--rev", sha)
    _run(folder, "git", "checkout", "-q", "-B", "main")
    _run(folder, "git", "add", "-A")
    _run(folder, "git", "commit", "-qm", "chore: adopt the constitution")
    return folder, said


@pytest.fixture(scope="session")
def samples(
    tmp_path_factory: pytest.TempPathFactory, hook_repo: tuple[Path, str]
) -> Callable[[str], tuple[Path, str]]:
    """Build a sample once per session: (its folder, what init said)."""
    built: dict[str, tuple[Path, str]] = {}

    def _get(name: str) -> tuple[Path, str]:
        if name not in built:
            built[name] = _build(tmp_path_factory.mktemp(name), name, hook_repo)
        return built[name]

    return _get


@pytest.fixture(params=sorted(SAMPLES))
def sample(
    request: pytest.FixtureRequest,
    samples: Callable[[str], tuple[Path, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Path]:
    """A built sample as the current folder, put back as committed afterwards."""
    folder = samples(request.param)[0]
    monkeypatch.chdir(folder)
    yield folder
    _run(folder, "git", "reset", "-q", "--hard")
    _run(folder, "git", "clean", "-qfd")


def test_init_sample_config_validates(sample: Path, pre_commit: Runner) -> None:
    done = pre_commit("validate-config", ".pre-commit-config.yaml")
    assert done.returncode == 0, done.stdout + done.stderr


def test_init_sample_compliant_code_runs_green(
    sample: Path, pre_commit: Runner
) -> None:
    done = pre_commit("run", "--all-files")
    assert done.returncode == 0, done.stdout + done.stderr


BAD: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "print": ("ruff-check", 'print("x")\n', ("T201", "print:")),
    "bare except": (
        "ruff-check",
        "try:\n    x = 1\nexcept:\n    x = 2\n",
        ("E722", "bare-except:"),
    ),
    "untyped (ruff)": (
        "ruff-check",
        'def compute(a, b):\n    """Add."""\n    return a + b\n',
        ("ANN001", "missing-type-function-argument:"),
    ),
    "untyped (mypy)": (
        "mypy",
        'def compute(a, b):\n    """Add."""\n    return a + b\n',
        ("Function is missing a type annotation",),
    ),
    "no docstring": (
        "ruff-check",
        "def compute() -> int:\n    return 1\n",
        ("D103", "undocumented-public-function:"),
    ),
    "commented-out code": (
        "ruff-check",
        "x = 1\n# y = x + 1\n",
        ("ERA001", "commented-out-code:"),
    ),
    "assert": (
        "bandit",
        'def check(x: int) -> None:\n    """Check x."""\n    assert x\n',
        ("B101:assert_used",),
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_init_sample_violation_flagged(
    sample: Path, pre_commit: Runner, case: str
) -> None:
    hook, body, expected = BAD[case]
    bad = sample / "src" / sample.name / "bad.py"
    bad.write_text(f'"""A module that breaks a rule."""\n\n{body}')
    done = pre_commit("run", hook, "--files", str(bad.relative_to(sample)))
    assert done.returncode == 1, done.stdout + done.stderr
    # Reason: in preview mode (on for the DOC rules) ruff names rules, not codes.
    assert any(form in done.stdout for form in expected), done.stdout


def test_init_sample_uv_add_pins_exactly(sample: Path) -> None:
    _run(sample, "uv", "add", "-q", "--no-sync", "six")
    assert '"six==' in (sample / "pyproject.toml").read_text()


def test_init_sample_hand_edited_dependency_fails_uv_lock(
    sample: Path, pre_commit: Runner
) -> None:
    text = (sample / "pyproject.toml").read_text()
    edited = text.replace("dependencies = [", 'dependencies = [\n    "six",', 1)
    (sample / "pyproject.toml").write_text(edited)
    done = pre_commit("run", "uv-lock", "--files", "pyproject.toml")
    assert done.returncode == 1, done.stdout + done.stderr


def test_init_fastapi_sample_keeps_its_formatter_and_mypy(
    samples: Callable[[str], tuple[Path, str]],
) -> None:
    folder, said = samples("fastapi")
    ids = [
        hook["id"]
        for repo in yaml.safe_load((folder / ".pre-commit-config.yaml").read_text())[
            "repos"
        ]
        for hook in repo["hooks"]
    ]
    assert "black" not in ids
    assert ids.count("mypy") == 1
    assert "kept your mypy hook (local)" in said
    assert "ruff format is in use: black not added" in said


def test_init_ruff_table_sample_merged_keeping_its_keys(
    samples: Callable[[str], tuple[Path, str]],
) -> None:
    folder, said = samples("ruff-table")
    text = (folder / "pyproject.toml").read_text()
    assert "line-length = 100" in text
    assert 'select = ["E", "F", "I"]' in text
    assert "added extend-select to [tool.ruff.lint]" in said
