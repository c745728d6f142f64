"""``constitution tdd-history`` over scripted real histories."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from constitution_hooks import cli
from constitution_hooks.cli import main
from constitution_hooks.commands import tdd_history
from constitution_hooks.commands.tdd_history import resolve_range
from constitution_hooks.core.config import load_config
from constitution_hooks.core.errors import UsageError
from constitution_hooks.rules import SECTIONS
from constitution_hooks.rules.tdd.project import open_project
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


def test_tdd_history_command_registered_under_hook_id() -> None:
    assert tdd_history.run in [spec.load().run for spec in cli.COMMANDS]
    assert tdd_history.NAME == "tdd-history"


def test_resolve_range_open_ended_range_defaults_tip_to_head(git_repo: Path) -> None:
    base = commit(git_repo, "feat: cart", {MODULE: MODULE_TEXT})
    project = open_project(load_config(SECTIONS, cwd=git_repo))
    assert resolve_range(f"{base}..", None, project) == (base, "HEAD")


def test_resolve_range_unknown_tip_raises_usage_error(git_repo: Path) -> None:
    commit(git_repo, "feat: cart", {MODULE: MODULE_TEXT})
    project = open_project(load_config(SECTIONS, cwd=git_repo))
    with pytest.raises(UsageError, match="nope: no such commit"):
        resolve_range("HEAD..nope", None, project)


def test_resolve_range_diverged_start_uses_merge_base(git_repo: Path) -> None:
    fork = commit(git_repo, "chore: start", {"README.md": "x\n"})
    git(git_repo, "checkout", "-qb", "side")
    commit(git_repo, "feat: side", {"src/pkg/side.py": MODULE_TEXT})
    git(git_repo, "checkout", "-q", "main")
    commit(git_repo, "feat: cart", {MODULE: MODULE_TEXT})
    project = open_project(load_config(SECTIONS, cwd=git_repo))
    assert resolve_range("side..main", None, project) == (fork, "main")


def test_run_merge_of_main_into_branch_not_blamed(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(git_repo, "chore: start", {"README.md": "x\n"})
    git(git_repo, "checkout", "-qb", "feature/cart")
    commit(git_repo, "test: cart", {TEST: TEST_TEXT})
    commit(git_repo, "feat: cart", {MODULE: MODULE_TEXT})
    git(git_repo, "checkout", "-q", "main")
    commit(git_repo, "feat: legacy", {"src/pkg/legacy.py": MODULE_TEXT})
    git(git_repo, "checkout", "-q", "feature/cart")
    git(git_repo, "merge", "-q", "--no-ff", "-m", "chore: merge main", "main")
    assert run(capsys, "--base", "main") == (0, "")


def test_run_merged_branch_commits_judged_on_main(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = commit(git_repo, "chore: start", {"README.md": "x\n"})
    git(git_repo, "checkout", "-qb", "feature/cart")
    sha = commit(git_repo, "feat: cart", {MODULE: MODULE_TEXT})
    commit(git_repo, "test: cart", {TEST: TEST_TEXT})
    git(git_repo, "checkout", "-q", "main")
    commit(git_repo, "docs: note", {"NOTES.md": "y\n"})
    git(git_repo, "merge", "-q", "--no-ff", "-m", "chore: merge cart", "feature/cart")
    code, out = run(capsys, f"{base}..main")
    assert code == 1
    assert f'CON206 commit {sha[:7]} "feat: cart"' in out


def test_run_pre_push_of_new_history_checks_whole_history(
    git_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    commit(git_repo, "feat: cart", {MODULE: MODULE_TEXT})
    monkeypatch.setenv("PRE_COMMIT_REMOTE_NAME", "origin")
    code, out = run(capsys)
    assert code == 1
    assert "CON206" in out


@pytest.mark.parametrize(("terms", "judged"), [(1_200, 2), (3_000, 1)])
def test_run_deeply_nested_module_no_crash(
    git_repo: Path, capsys: pytest.CaptureFixture[str], terms: int, judged: int
) -> None:
    commit(git_repo, "chore: start", {"README.md": "x\n"})
    deep = "x = " + "+".join(["1"] * terms) + "\n"
    commit(git_repo, "feat: cart", {MODULE: MODULE_TEXT})
    commit(git_repo, "feat: deep", {MODULE: MODULE_TEXT + deep})
    code, output = run(capsys, "HEAD~2..HEAD")
    assert code == 1
    # Reason: a module too deep to parse is not judged, as one that does not parse.
    assert output.count(": CON206 commit") == judged, output


def test_run_submodule_named_like_module_is_skipped(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(git_repo, "chore: start", {TEST: TEST_TEXT, MODULE: MODULE_TEXT})
    other = git_repo.parent / "other"
    other.mkdir()
    git(other, "init", "-q", "-b", "main")
    (other / "f.txt").write_text("x\n")
    git(other, "add", "-A")
    git(other, "commit", "-qm", "chore: other")
    url = str(other)
    git(
        git_repo,
        "-c",
        "protocol.file.allow=always",
        "submodule",
        "add",
        "-q",
        url,
        "src/pkg/lib.py",
    )
    git(git_repo, "commit", "-qm", "chore: lib")
    assert run(capsys, "HEAD~1..HEAD") == (0, "")


def test_run_trailer_waiver_with_reason_waives_the_commit(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    message = "feat: cart total\n\nConstitution-Waiver: CON206 spike for the demo"
    commit(git_repo, message, {MODULE: MODULE_TEXT})
    assert run(capsys, "HEAD") == (0, "")


def test_run_trailer_waiver_without_reason_reports_con010(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(
        git_repo,
        "feat: cart total\n\nConstitution-Waiver: CON206",
        {MODULE: MODULE_TEXT},
    )
    code, out = run(capsys, "HEAD")
    assert code == 1
    assert "CON206" in out
    assert f"{MODULE}:1:1: CON010" in out


def test_run_typing_only_change_after_test_less_module_is_clean(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = commit(git_repo, "feat: cart total", {MODULE: MODULE_TEXT})
    typed = "def total() -> int:\n    return 0\n"
    commit(git_repo, "refactor: type cart total", {MODULE: typed})
    assert run(capsys, f"{base}..HEAD") == (0, "")


ENDPOINT = {
    "app/__init__.py": "",
    "app/main.py": (
        "from fastapi import FastAPI\napp = FastAPI()\n\n\n"
        "@app.get('/users/me')\nasync def read_me() -> dict[str, str]:\n"
        "    return {'name': 'me'}\n"
    ),
    "tests/test_users.py": (
        "def test_read_me_signed_in_returns_200(client) -> None:\n"
        "    assert client.get('/users/me').status_code == 200\n"
    ),
}


def test_run_endpoint_committed_with_its_client_test_is_clean(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(git_repo, "feat: read me", ENDPOINT)
    assert run(capsys, "HEAD") == (0, "")
    assert main(["tdd-pairing", "--all-files"]) == 0


def test_run_monorepo_root_judges_the_nested_project_history(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(
        git_repo,
        "feat: backend",
        {
            "backend/pyproject.toml": "[tool.constitution]\n",
            "backend/app/__init__.py": "",
            "backend/app/crud.py": MODULE_TEXT,
        },
    )
    code, out = run(capsys, "HEAD")
    assert code == 1
    assert "backend/app/crud.py:1:1: CON206" in out


def test_run_module_that_does_not_parse_at_a_commit_is_not_judged(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(git_repo, "chore: start", {"README.md": "x\n"})
    commit(git_repo, "feat: cart", {MODULE: "print 'python 2'\n"})
    assert run(capsys, "HEAD~1..HEAD") == (0, "")
