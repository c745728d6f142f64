"""Shared fixtures: files on disk, parsed sources, settings, real git repositories."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from constitution_hooks.core.config import Settings
from constitution_hooks.core.source import SourceFile
from constitution_hooks.rules import SECTIONS

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Test Author",
    "GIT_AUTHOR_EMAIL": "author@example.invalid",
    "GIT_COMMITTER_NAME": "Test Author",
    "GIT_COMMITTER_EMAIL": "author@example.invalid",
}


@pytest.fixture(autouse=True)
def _git_identity(monkeypatch: pytest.MonkeyPatch) -> None:
    """Give every test a git identity and keep it away from the user's git config."""
    for key, value in GIT_IDENTITY.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder (a repository root) as the current folder."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write a file under tmp_path: ``write("pkg/a.py", "text")`` or bytes."""

    def _write(relative: str, content: str | bytes = "") -> Path:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def parse(tmp_path: Path) -> Callable[[str], SourceFile]:
    """Turn a snippet into a SourceFile on disk."""
    counter = iter(range(1_000_000))

    def _parse(source: str) -> SourceFile:
        path = tmp_path / f"snippet_{next(counter)}.py"
        path.write_text(source, encoding="utf-8")
        return SourceFile(path, path.name)

    return _parse


@pytest.fixture
def settings() -> Callable[..., Settings]:
    """Settings of a table with its defaults, overridden by keyword (snake_case)."""

    def _settings(section: str, **overrides: Any) -> Settings:
        table = next(s for s in SECTIONS if s.name == section)
        values = {option.key: option.default for option in table.all_options()}
        values.update({key.replace("_", "-"): v for key, v in overrides.items()})
        return Settings(values)

    return _settings


@pytest.fixture
def parse_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count every ``ast.parse`` call made after the fixture is requested."""
    import ast

    calls: list[str] = []
    real_parse = ast.parse

    def counting_parse(*args: Any, **kwargs: Any) -> Any:
        calls.append(str(kwargs.get("filename", "")))
        return real_parse(*args, **kwargs)

    monkeypatch.setattr(ast, "parse", counting_parse)
    return calls


def git(cwd: Path, *args: str) -> str:
    """Run real git in ``cwd`` and return its stdout."""
    result = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True
    )
    return result.stdout


@pytest.fixture
def git_repo(tmp_path: Path) -> Iterator[Path]:
    """A real, empty git repository (branch main) as the current folder."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "commit.gpgsign", "false")
    previous = Path.cwd()
    os.chdir(repo)
    try:
        yield repo
    finally:
        os.chdir(previous)


pytest_plugins = ("tests.coverage_project",)


@pytest.fixture(autouse=True)
def _cache_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep what the coverage gate records out of the user's cache folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))
