"""The TDD hooks through real pre-commit, an installed git hook, real histories."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import git

pytestmark = pytest.mark.integration

Runner = Callable[..., subprocess.CompletedProcess[str]]
MODULE = "src/shop/cart.py"
TEST = "tests/shop/test_cart.py"
MODULE_TEXT = "def total(prices):\n    return sum(prices)\n"
TEST_TEXT = (
    "from shop.cart import total\n\n\n"
    "def test_total_two_prices_returns_sum():\n    assert total([1, 2]) == 3\n"
)


def write(repo: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def commit(message: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "commit", "-m", message], capture_output=True, text=True, check=False
    )


def test_git_commit_tdd_pairing_blocks_module_without_test_allows_with_test(
    git_repo: Path, pre_commit: Runner, use_hooks: Callable[..., None]
) -> None:
    use_hooks("tdd-pairing")
    assert pre_commit("install").returncode == 0
    git(git_repo, "add", ".pre-commit-config.yaml")
    write(git_repo, {MODULE: MODULE_TEXT})
    git(git_repo, "add", "-A")
    blocked = commit("feat(cart): add total")
    assert blocked.returncode != 0
    assert (
        f"{MODULE}:1:1: CON201 module shop.cart has no test"
        in blocked.stdout + blocked.stderr
    )
    write(git_repo, {TEST: TEST_TEXT})
    git(git_repo, "add", "-A")
    allowed = commit("feat(cart): add total")
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr


def test_git_commit_tdd_pairing_unstaged_test_does_not_count(
    git_repo: Path, pre_commit: Runner, use_hooks: Callable[..., None]
) -> None:
    use_hooks("tdd-pairing")
    assert pre_commit("install").returncode == 0
    write(git_repo, {MODULE: MODULE_TEXT, TEST: TEST_TEXT})
    git(git_repo, "add", ".pre-commit-config.yaml", MODULE)
    blocked = commit("feat(cart): add total")
    assert blocked.returncode != 0
    assert "CON201" in blocked.stdout + blocked.stderr


def _history(repo: Path, test_first: bool) -> str:
    write(repo, {"README.md": "shop\n"})
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "chore: start")
    base = git(repo, "rev-parse", "HEAD").strip()
    steps = [("test(cart): total", {TEST: TEST_TEXT})]
    steps.append(("feat(cart): total", {MODULE: MODULE_TEXT}))
    for message, files in steps if test_first else reversed(steps):
        write(repo, files)
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", message)
    return base


def test_pre_commit_tdd_history_test_first_history_passes(
    git_repo: Path, pre_commit: Runner, use_hooks: Callable[..., None]
) -> None:
    use_hooks("tdd-history")
    base = _history(git_repo, test_first=True)
    result = pre_commit(
        "run",
        "tdd-history",
        "--hook-stage",
        "manual",
        "--from-ref",
        base,
        "--to-ref",
        "HEAD",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_tdd_history_test_after_history_fails_naming_commit(
    git_repo: Path, pre_commit: Runner, use_hooks: Callable[..., None]
) -> None:
    use_hooks("tdd-history")
    base = _history(git_repo, test_first=False)
    sha = git(git_repo, "rev-parse", "--short=7", "HEAD~1").strip()
    result = pre_commit(
        "run",
        "tdd-history",
        "--hook-stage",
        "manual",
        "--from-ref",
        base,
        "--to-ref",
        "HEAD",
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert (
        f'{MODULE}:1:1: CON206 commit {sha} "feat(cart): total": module shop.cart'
        in result.stdout
    )


def test_git_commit_tdd_pairing_deleting_test_is_blocked(
    git_repo: Path, pre_commit: Runner, use_hooks: Callable[..., None]
) -> None:
    use_hooks("tdd-pairing")
    assert pre_commit("install").returncode == 0
    write(git_repo, {MODULE: MODULE_TEXT, TEST: TEST_TEXT})
    git(git_repo, "add", "-A")
    assert commit("feat(cart): add total").returncode == 0
    git(git_repo, "rm", "-q", TEST)
    blocked = commit("test(cart): drop test")
    assert blocked.returncode != 0
    assert f"{MODULE}:1:1: CON201" in blocked.stdout + blocked.stderr


def test_git_commit_tdd_pairing_partially_staged_non_ascii_test_judged_by_index(
    git_repo: Path, pre_commit: Runner, use_hooks: Callable[..., None]
) -> None:
    use_hooks("tdd-pairing")
    assert pre_commit("install").returncode == 0
    module, test = "src/shop/café.py", "tests/unit tests/test_café.py"
    imports = TEST_TEXT.replace("shop.cart", "shop.café")
    write(git_repo, {module: MODULE_TEXT, test: "x = 1\n" + imports.split("\n", 1)[1]})
    git(git_repo, "add", "-A")
    write(git_repo, {test: imports})
    blocked = commit("feat(cart): add café")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0
    assert f"{test}:1:1: CON202" in output
    assert (git_repo / test).read_text(encoding="utf-8") == imports


def _remote(repo: Path) -> None:
    remote = repo.parent / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    git(repo, "remote", "add", "origin", str(remote))


def test_git_push_tdd_history_blocks_test_after_allows_test_first(
    git_repo: Path, pre_commit: Runner, use_hooks: Callable[..., None]
) -> None:
    use_hooks("tdd-history")
    assert pre_commit("install", "--hook-type", "pre-push").returncode == 0
    _remote(git_repo)
    _history(git_repo, test_first=True)
    pushed = subprocess.run(
        ["git", "push", "-q", "origin", "main"], capture_output=True, text=True
    )
    assert pushed.returncode == 0, pushed.stdout + pushed.stderr
    git(git_repo, "checkout", "-qb", "feature/discount")
    write(git_repo, {"src/shop/discount.py": MODULE_TEXT})
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "feat(cart): add discount")
    blocked = subprocess.run(
        ["git", "push", "-q", "origin", "feature/discount"],
        capture_output=True,
        text=True,
    )
    assert blocked.returncode != 0
    assert "src/shop/discount.py:1:1: CON206" in blocked.stdout + blocked.stderr
