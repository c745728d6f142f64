"""``constitution tdd-history`` over scripted real histories."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from constitution_hooks.cli import main
from tests.conftest import git

MODULE = "src/pkg/cart.py"
TEST = "tests/test_cart.py"
MODULE_TEXT = "def total():\n    return 0\n"
TEST_TEXT = (
    "from pkg.cart import total\n\n\n"
    "def test_total_empty_returns_zero():\n    assert total() == 0\n"
)


def commit(repo: Path, message: str, files: dict[str, str]) -> str:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        git(repo, "add", "--", name)
    git(repo, "commit", "-qm", message)
    return git(repo, "rev-parse", "HEAD").strip()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["tdd-history", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_run_test_first_history_exits_0(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(git_repo, "test: cart total", {TEST: TEST_TEXT})
    commit(git_repo, "feat: cart total", {MODULE: MODULE_TEXT})
    assert run(capsys, "HEAD") == (0, "")


def test_run_test_after_history_reports_commit_and_module(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sha = commit(git_repo, "feat: cart total", {MODULE: MODULE_TEXT})
    commit(git_repo, "test: cart total", {TEST: TEST_TEXT})
    code, out = run(capsys, "HEAD")
    assert code == 1
    assert (
        f'{MODULE}:1:1: CON206 commit {sha[:7]} "feat: cart total": module pkg.cart'
        in out
    )


def test_run_base_option_checks_only_commits_after_fork(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(git_repo, "feat: legacy", {"src/pkg/old.py": MODULE_TEXT})
    git(git_repo, "checkout", "-qb", "feature/cart")
    commit(git_repo, "test: cart", {TEST: TEST_TEXT})
    commit(git_repo, "feat: cart", {MODULE: MODULE_TEXT})
    assert run(capsys, "--base", "main") == (0, "")


def test_run_range_argument_two_dots_checks_range(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = commit(git_repo, "feat: legacy", {"src/pkg/old.py": MODULE_TEXT})
    commit(git_repo, "feat: cart", {MODULE: MODULE_TEXT})
    code, out = run(capsys, f"{base}..HEAD")
    assert code == 1
    assert "old.py" not in out
    assert MODULE in out


def test_run_default_range_uses_upstream_merge_base(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(git_repo, "feat: legacy", {"src/pkg/old.py": MODULE_TEXT})
    git(git_repo, "checkout", "-qb", "feature/cart", "--track", "main")
    commit(git_repo, "feat: cart", {MODULE: MODULE_TEXT})
    code, out = run(capsys)
    assert code == 1
    assert "old.py" not in out


def test_run_no_upstream_and_no_range_exits_2(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(git_repo, "feat: cart", {MODULE: MODULE_TEXT})
    code, out = run(capsys)
    assert code == 2
    assert "--base" in out


def test_run_unknown_base_exits_2(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(git_repo, "feat: cart", {MODULE: MODULE_TEXT})
    code, out = run(capsys, "--base", "no-such-branch")
    assert code == 2
    assert "no-such-branch" in out


def test_run_symmetric_range_exits_2(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(git_repo, "feat: cart", {MODULE: MODULE_TEXT})
    assert run(capsys, "main...HEAD")[0] == 2


def test_run_range_and_base_together_exits_2(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(git_repo, "feat: cart", {MODULE: MODULE_TEXT})
    assert run(capsys, "HEAD", "--base", "main")[0] == 2


def test_run_no_commits_yet_exits_0(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "HEAD") == (0, "")


def test_run_empty_range_exits_0(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(git_repo, "feat: cart", {MODULE: MODULE_TEXT})
    assert run(capsys, "HEAD..HEAD") == (0, "")


def test_run_detached_head_range_checked(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = commit(git_repo, "chore: start", {"README.md": "x\n"})
    commit(git_repo, "feat: cart", {MODULE: MODULE_TEXT})
    git(git_repo, "checkout", "-q", "--detach")
    assert run(capsys, "--base", base)[0] == 1


def _shallow_clone(origin: Path) -> Path:
    clone = origin.parent / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", origin.as_uri(), str(clone)], check=True
    )
    return clone


def test_run_shallow_clone_missing_base_exits_2(
    git_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = commit(git_repo, "feat: cart", {MODULE: MODULE_TEXT})
    commit(git_repo, "test: cart", {TEST: TEST_TEXT})
    monkeypatch.chdir(_shallow_clone(git_repo))
    code, out = run(capsys, "--base", first)
    assert code == 2
    assert "shallow" in out


def test_run_shallow_clone_whole_history_exits_2(
    git_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    commit(git_repo, "feat: cart", {MODULE: MODULE_TEXT})
    commit(git_repo, "test: cart", {TEST: TEST_TEXT})
    monkeypatch.chdir(_shallow_clone(git_repo))
    code, out = run(capsys, "HEAD")
    assert code == 2
    assert "shallow" in out


def test_run_pre_push_refs_from_environment_define_range(
    git_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    base = commit(git_repo, "feat: legacy", {"src/pkg/old.py": MODULE_TEXT})
    commit(git_repo, "test: cart", {TEST: TEST_TEXT})
    commit(git_repo, "feat: cart", {MODULE: MODULE_TEXT})
    monkeypatch.setenv("PRE_COMMIT_FROM_REF", base)
    monkeypatch.setenv("PRE_COMMIT_TO_REF", "HEAD")
    assert run(capsys) == (0, "")
