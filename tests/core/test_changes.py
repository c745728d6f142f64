"""Changes: keep only violations on lines changed since a revision."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core.changes import Changes, changes_since
from constitution_hooks.core.violation import Violation
from constitution_hooks.rules import RULES
from tests.conftest import git

LONG = "def f():\n" + "    x = 1\n" * 49 + "    return x\n"


def at(path: str, line: int, code: str = "CON102") -> Violation:
    return Violation(path, line, 1, code, "rule", "m")


@pytest.fixture
def changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Changes:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.py").write_text(LONG)
    lines = {"a.py": frozenset({3}), "new.py": None, "b.py": frozenset()}
    return Changes(tmp_path.resolve(), lines, frozenset({"CON101"}))


def test_changes_keeps_violation_on_changed_line(changes: Changes) -> None:
    assert changes.keeps(at("a.py", 3)) is True


def test_changes_drops_violation_in_unchanged_file(changes: Changes) -> None:
    assert changes.keeps(at("c.py", 3)) is False


def test_changes_keeps_definition_whose_body_changed(changes: Changes) -> None:
    assert changes.keeps(at("a.py", 1)) is True


def test_changes_drops_line_violation_on_unchanged_line(changes: Changes) -> None:
    assert changes.keeps(at("b.py", 7)) is False


def test_changes_keeps_file_level_violation_of_changed_file(changes: Changes) -> None:
    assert changes.keeps(at("b.py", 501, "CON101")) is True


def test_changes_keeps_everything_in_untracked_file(changes: Changes) -> None:
    assert changes.keeps(at("new.py", 9)) is True


def test_changes_paths_lists_changed_python_files_that_exist(
    changes: Changes,
) -> None:
    assert changes.paths() == ["a.py"]


def test_changes_since_reads_real_repository(git_repo: Path) -> None:
    (git_repo / "a.py").write_text("a = 1\n")
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "chore: start")
    (git_repo / "a.py").write_text("a = 2\n")
    found = changes_since("HEAD", RULES)
    assert (found.root, found.lines) == (git_repo.resolve(), {"a.py": frozenset({1})})
    assert "CON101" in found.file_level
    assert "CON102" not in found.file_level


@pytest.mark.parametrize(("end_line", "kept"), [(2, False), (3, True), (1, False)])
def test_changes_keeps_definition_by_its_end_line_without_reading_the_file(
    changes: Changes, tmp_path: Path, end_line: int, kept: bool
) -> None:
    (tmp_path / "a.py").unlink()
    assert changes.keeps(at("a.py", 1)._replace(end_line=end_line)) is kept
