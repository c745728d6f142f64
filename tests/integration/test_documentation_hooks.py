"""CON012 and CON501-CON503 in the ``constitution`` hook, through real pre-commit."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import git

pytestmark = pytest.mark.integration

Runner = Callable[..., subprocess.CompletedProcess[str]]
TEST = (
    "from app.io import read\n\n\ndef test_read_plain_call_returns_none() -> None:\n"
    "    assert read() is None\n"
)
README = "# app\n\n## Setup\n\n    uv sync\n\n## Usage\n\n    uv run app\n"


def test_pre_commit_constitution_hook_reports_then_passes_new_rules(
    git_repo: Path, pre_commit: Runner, use_hooks: Callable[..., None]
) -> None:
    use_hooks("constitution")
    Path("app").mkdir()
    Path("app/__init__.py").write_text("")
    Path("app/io.py").write_text(
        'import os  # noqa\n\n\ndef read():\n    """Read it."""\n'
    )
    git(git_repo, "add", "-A")
    failed = pre_commit("run", "--all-files")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    for expected in ("app/__init__.py:1:1: CON503", "app/io.py:1:12: CON012"):
        assert expected in failed.stdout
    assert "app/io.py:4:1: CON501" in failed.stdout
    Path("app/README.md").write_text(README)
    Path("tests").mkdir()
    Path("tests/test_io.py").write_text(TEST)
    Path("app/io.py").write_text(
        "import os  # noqa: F401 -- re-exported for users\n\n\ndef read():\n"
        '    """Read it.\n\n    Example:\n        >>> read()\n    """\n'
    )
    git(git_repo, "add", "-A")
    passed = pre_commit("run", "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr
