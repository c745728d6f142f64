"""``tdd-pairing --diff-base REV``: only the modules and tests changed since REV."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.cli import main
from tests.conftest import git

OLD = "src/pkg/old.py"
NEW = "src/pkg/new.py"
TEXT = "def run():\n    return 1\n"


def _put(repo: Path, name: str) -> None:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEXT, encoding="utf-8")
    git(repo, "add", "--", name)


@pytest.mark.integration
def test_run_diff_base_reports_only_module_changed_since_rev(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _put(git_repo, OLD)
    git(git_repo, "commit", "-qm", "feat: old")
    _put(git_repo, NEW)
    git(git_repo, "commit", "-qm", "feat: new")
    assert main(["tdd-pairing", "--diff-base", "HEAD~1"]) == 1
    out = capsys.readouterr().out
    assert NEW in out
    assert OLD not in out


@pytest.mark.integration
def test_run_diff_base_nothing_changed_exits_0(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _put(git_repo, OLD)
    git(git_repo, "commit", "-qm", "feat: old")
    assert main(["tdd-pairing", "--diff-base", "HEAD"]) == 0
    assert capsys.readouterr().out == ""
