"""The TDD git model: the project's place in its repository, the index as data."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core.config import load_config
from constitution_hooks.core.errors import UsageError
from constitution_hooks.rules import SECTIONS
from constitution_hooks.rules.tdd.project import Project, index_snapshot, open_project
from tests.conftest import git

MODULE = "src/pkg/config.py"
MODULE_TEXT = "def load():\n    return 1\n"


def put(repo: Path, files: dict[str, str], stage: bool = True) -> None:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if stage:
            git(repo, "add", "--", name)


def test_open_project_subfolder_config_sets_prefix(git_repo: Path) -> None:
    put(git_repo, {"svc/pyproject.toml": "[tool.constitution]\n"})
    project = open_project(load_config(SECTIONS, cwd=git_repo / "svc"))
    assert isinstance(project, Project)
    assert (project.prefix, project.relative("svc/a.py"), project.relative("b.py")) == (
        "svc/",
        "a.py",
        None,
    )
    assert project.relative("svc") == ""


def test_open_project_outside_git_raises_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError, match="git work tree"):
        open_project(load_config(SECTIONS, cwd=tmp_path))


def test_index_snapshot_reads_index_not_disk(git_repo: Path) -> None:
    put(git_repo, {MODULE: MODULE_TEXT})
    put(git_repo, {MODULE: "x = 2\n"}, stage=False)
    snap = index_snapshot(open_project(load_config(SECTIONS, cwd=git_repo)), {})
    assert snap.load(snap.files[MODULE]) == MODULE_TEXT.encode()
