"""``make bench``'s real histories: which are timed, and what is said of a bad one."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from tests.conftest import git

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_tdd_history", SCRIPTS / "bench_tdd_history.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _script()


def _clone(tmp_path: Path, commits: int) -> Path:
    repo = tmp_path / "origin"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    for number in range(commits):
        git(repo, "commit", "-q", "--allow-empty", "-m", f"feat: {number}")
    return repo


def test_histories_checkout_first_then_environment_then_given(tmp_path: Path) -> None:
    env = {"BENCH_HISTORIES": f"{tmp_path / 'a'}:{tmp_path / 'b'}"}
    found = bench.histories([tmp_path / "c"], env)
    assert found == [bench.ROOT, tmp_path / "a", tmp_path / "b", tmp_path / "c"]


def test_histories_empty_entries_are_skipped(tmp_path: Path) -> None:
    assert bench.histories([], {"BENCH_HISTORIES": "::"}) == [bench.ROOT]


def test_history_problem_full_clone_is_none(tmp_path: Path) -> None:
    assert bench.history_problem(_clone(tmp_path, 2)) is None


def test_history_problem_missing_folder_says_so(tmp_path: Path) -> None:
    problem = bench.history_problem(tmp_path / "httpx")
    assert problem == f"{tmp_path / 'httpx'}: no such folder (git clone it there)"


def test_history_problem_not_a_clone_says_so(tmp_path: Path) -> None:
    problem = bench.history_problem(tmp_path)
    assert problem == f"{tmp_path}: not a git clone"


def test_history_problem_no_commit_says_so(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    assert bench.history_problem(tmp_path) == f"{tmp_path}: no commit yet"


def test_history_problem_shallow_clone_says_how_to_fix(tmp_path: Path) -> None:
    origin = _clone(tmp_path, 3)
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", origin.as_uri(), str(shallow))
    assert bench.history_problem(shallow) == (
        f"{shallow}: a shallow clone (1 commit); fetch its history:"
        f" git -C {shallow} fetch --unshallow"
    )
