"""``constitution tdd-pairing`` against real git repositories (index, not disk)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from constitution_hooks import cli
from constitution_hooks.cli import main
from constitution_hooks.commands import tdd_pairing
from constitution_hooks.commands.tdd_pairing import waive
from constitution_hooks.core.violation import Finding
from constitution_hooks.rules.tdd.layout import LAYOUTS
from constitution_hooks.rules.tdd.pairing import Snapshot
from constitution_hooks.rules.tdd.settings import MISSING_TEST, TddSettings
from tests.conftest import git

MODULE = "src/pkg/config.py"
MODULE_TEXT = "def load():\n    return 1\n"
TEST = "tests/test_config.py"
TEST_TEXT = (
    "from pkg.config import load\n\n\n"
    "def test_load_default_returns_one():\n    assert load() == 1\n"
)
STRICT = "[tool.constitution.tdd-pairing]\nrequire-test-change = true\n"
NO_REASON = '[tool.constitution.tdd-pairing]\nexempt = [{ path = "src/**" }]\n'


def put(repo: Path, files: dict[str, str], stage: bool = True) -> None:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if stage:
            git(repo, "add", "--", name)


def commit(repo: Path, message: str = "feat: x") -> None:
    git(repo, "commit", "-qm", message)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["tdd-pairing", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_run_staged_module_without_test_exits_1_with_con201(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {MODULE: MODULE_TEXT})
    code, out = run(capsys)
    assert code == 1
    assert f"{MODULE}:1:1: CON201 module pkg.config has no test" in out


def test_run_staged_module_with_staged_test_exits_0(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {MODULE: MODULE_TEXT, TEST: TEST_TEXT})
    assert run(capsys) == (0, "")


def test_run_untracked_test_on_disk_does_not_pair(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {MODULE: MODULE_TEXT})
    put(git_repo, {TEST: TEST_TEXT}, stage=False)
    assert run(capsys)[0] == 1


def test_run_partially_staged_test_judged_by_index(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {MODULE: MODULE_TEXT, TEST: "def test_a_b_c():\n    assert 1\n"})
    put(git_repo, {TEST: TEST_TEXT}, stage=False)
    code, out = run(capsys)
    assert code == 1
    assert f"{TEST}:1:1: CON202" in out


def test_run_nothing_staged_exits_0(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {MODULE: MODULE_TEXT})
    commit(git_repo)
    assert run(capsys) == (0, "")


def test_run_all_files_reports_committed_untested_module(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {MODULE: MODULE_TEXT})
    commit(git_repo)
    code, out = run(capsys, "--all-files")
    assert code == 1
    assert "CON201" in out
    assert "checked 1 module, 0 test files in 1 project\n" in out


def test_run_files_argument_checks_named_module(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(
        git_repo,
        {MODULE: MODULE_TEXT, "src/pkg/other.py": MODULE_TEXT, TEST: TEST_TEXT},
    )
    commit(git_repo)
    code, out = run(capsys, "src/pkg/other.py")
    assert code == 1
    assert "src/pkg/other.py:1:1: CON201" in out
    assert MODULE + ":" not in out


def test_run_files_argument_untracked_module_read_from_disk(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {MODULE: MODULE_TEXT}, stage=False)
    code, out = run(capsys, MODULE)
    assert code == 1
    assert "CON201" in out


def test_run_renamed_module_checked_under_new_name(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {MODULE: MODULE_TEXT, TEST: TEST_TEXT})
    commit(git_repo)
    git(git_repo, "mv", MODULE, "src/pkg/settings.py")
    code, out = run(capsys)
    assert code == 1
    assert "src/pkg/settings.py:1:1: CON201" in out


def test_run_deleted_test_reports_its_module(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {MODULE: MODULE_TEXT, TEST: TEST_TEXT})
    commit(git_repo)
    git(git_repo, "rm", "-q", TEST)
    code, out = run(capsys)
    assert code == 1
    assert f"{MODULE}:1:1: CON201" in out


def test_run_non_ascii_and_space_paths_pair(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    test = "tests/unit tests/test_café.py"
    text = (
        "from pkg.café import load\n\n\n"
        "def test_load_x_returns_one():\n    assert load()\n"
    )
    put(git_repo, {"src/pkg/café.py": MODULE_TEXT, test: text})
    assert run(capsys) == (0, "")


def test_run_non_ascii_module_without_test_reported_by_name(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {"src/pkg/café.py": MODULE_TEXT})
    _, out = run(capsys)
    assert "src/pkg/café.py:1:1: CON201" in out


def test_run_detached_head_checks_staged(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {MODULE: MODULE_TEXT, TEST: TEST_TEXT})
    commit(git_repo)
    git(git_repo, "checkout", "-q", "--detach")
    put(git_repo, {"src/pkg/new.py": MODULE_TEXT})
    _, out = run(capsys)
    assert "src/pkg/new.py:1:1: CON201" in out


def test_run_staged_test_without_assertion_reports_con204(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(
        git_repo,
        {
            MODULE: MODULE_TEXT,
            TEST: (
                "from pkg.config import load\n\n\n"
                "def test_load_x_runs():\n    load()\n"
            ),
        },
    )
    _code, out = run(capsys)
    assert f"{TEST}:4:1: CON204" in out


def test_run_strict_code_change_without_test_change_reports_con207(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(
        git_repo,
        {
            "pyproject.toml": STRICT,
            MODULE: MODULE_TEXT,
            TEST: TEST_TEXT,
        },
    )
    commit(git_repo)
    put(git_repo, {MODULE: "def load():\n    return 2\n"})
    code, out = run(capsys)
    assert code == 1
    assert f"{MODULE}:1:1: CON207" in out


def test_run_strict_docstring_change_is_clean(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(
        git_repo,
        {
            "pyproject.toml": STRICT,
            MODULE: MODULE_TEXT,
            TEST: TEST_TEXT,
        },
    )
    commit(git_repo)
    put(git_repo, {MODULE: 'def load():\n    """Load."""\n    return 1  # one\n'})
    assert run(capsys) == (0, "")


def test_run_exempt_without_reason_exits_2(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(
        git_repo,
        {
            "pyproject.toml": NO_REASON,
            MODULE: MODULE_TEXT,
        },
    )
    code, out = run(capsys)
    assert code == 2
    assert "reason" in out


def test_run_disabled_table_exits_0(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(
        git_repo,
        {
            "pyproject.toml": "[tool.constitution.tdd-pairing]\nenabled = false\n",
            MODULE: MODULE_TEXT,
        },
    )
    assert run(capsys) == (0, "")


def test_run_outside_git_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    monkeypatch.chdir(tmp_path)
    code, out = run(capsys)
    assert code == 2
    assert "git work tree" in out


def test_run_project_in_subfolder_reports_repo_relative_paths(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(
        git_repo,
        {
            "svc/pyproject.toml": "[tool.constitution]\n",
            "svc/src/pkg/config.py": MODULE_TEXT,
        },
    )
    os.chdir(git_repo / "svc")
    _code, out = run(capsys)
    assert "svc/src/pkg/config.py:1:1: CON201" in out


def test_run_json_format_lists_records(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {MODULE: MODULE_TEXT})
    _code, out = run(capsys, "--format", "json")
    records = json.loads(out.split("\n]\n")[0] + "\n]")
    assert [(r["code"], r["rule"], r["path"]) for r in records] == [
        ("CON201", "missing-test", MODULE)
    ]


def test_tdd_pairing_command_registered_under_hook_id() -> None:
    assert tdd_pairing.run in [spec.load().run for spec in cli.COMMANDS]
    assert tdd_pairing.NAME == "tdd-pairing"


def test_run_missing_file_argument_exits_2(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(capsys, "src/nope.py")
    assert code == 2
    assert "src/nope.py: no such file" in out


def test_run_folder_argument_checks_tracked_modules_below(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {MODULE: MODULE_TEXT, "src/other/b.py": MODULE_TEXT})
    commit(git_repo)
    code, out = run(capsys, "src/pkg")
    assert code == 1
    assert MODULE in out
    assert "src/other/b.py" not in out


def test_run_inline_waiver_with_reason_waives_con203(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    waived = "# constitution: ignore[CON203] Reason: called by the plugin loader\n"
    put(git_repo, {MODULE: MODULE_TEXT + waived + "def hook():\n    return 2\n"})
    put(git_repo, {TEST: TEST_TEXT})
    assert run(capsys) == (0, "")


def test_run_file_level_waiver_with_reason_waives_con201(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = "# constitution: ignore-file[missing-test] Reason: thin CLI shim\n"
    put(git_repo, {MODULE: header + MODULE_TEXT})
    assert run(capsys) == (0, "")


def test_run_waiver_only_on_disk_does_not_waive_staged_text(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {MODULE: MODULE_TEXT})
    header = "# constitution: ignore-file[CON201] Reason: thin CLI shim\n"
    put(git_repo, {MODULE: header + MODULE_TEXT}, stage=False)
    assert run(capsys)[0] == 1


def test_run_waiver_without_reason_keeps_con201(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {MODULE: "# constitution: ignore-file[CON201]\n" + MODULE_TEXT})
    code, out = run(capsys)
    assert code == 1
    assert f"{MODULE}:2:1: CON201" in out or f"{MODULE}:1:1: CON201" in out


def _snapshot(files: dict[str, bytes]) -> Snapshot:
    cfg = TddSettings((), (), LAYOUTS, "name", (), False, "test_.*", True)
    return Snapshot({path: path for path in files}, files.__getitem__, cfg)


def test_waive_violation_of_file_outside_snapshot_is_kept() -> None:
    found = MISSING_TEST.at(MODULE, Finding(1, 1, "no test"))
    assert waive([found], _snapshot({})) == [found]


def test_waive_reasoned_file_waiver_in_snapshot_text_drops_violation() -> None:
    text = b"# constitution: ignore-file[CON201] Reason: thin shim\nx = 1\n"
    found = MISSING_TEST.at(MODULE, Finding(1, 1, "no test"))
    assert waive([found], _snapshot({MODULE: text})) == []


def test_waive_waiver_of_another_rule_keeps_violation() -> None:
    text = b"# constitution: ignore-file[CON101] Reason: data table\nx = 1\n"
    found = MISSING_TEST.at(MODULE, Finding(1, 1, "no test"))
    assert waive([found], _snapshot({MODULE: text})) == [found]


def test_run_staged_new_test_in_old_file_judges_only_its_name(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = TEST_TEXT + "\n\ndef test_short():\n    assert load()\n"
    put(git_repo, {MODULE: MODULE_TEXT, TEST: old})
    commit(git_repo)
    put(git_repo, {TEST: old + "\n\ndef test_bad():\n    assert load()\n"})
    code, out = run(capsys)
    assert code == 1
    assert "'test_bad'" in out
    assert "'test_short'" not in out


def test_run_staged_unittest_method_added_is_judged(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = (
        "import unittest\nfrom pkg.config import load\n\n\n"
        "class Checks(unittest.TestCase):\n"
        "    def test_load(self):\n        self.assertEqual(load(), 1)\n"
    )
    put(git_repo, {MODULE: MODULE_TEXT, TEST: case})
    code, out = run(capsys)
    assert code == 1
    assert "CON205 test name 'test_load'" in out


def test_run_all_files_audits_every_test_name(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = TEST_TEXT + "\n\ndef test_short():\n    assert load()\n"
    put(git_repo, {MODULE: MODULE_TEXT, TEST: old})
    commit(git_repo)
    code, out = run(capsys, "--all-files")
    assert code == 1
    assert "'test_short'" in out


MONOREPO = {
    "pyproject.toml": "[tool.black]\n",
    "backend/pyproject.toml": "[tool.constitution.tdd-pairing]\n",
    "backend/app/__init__.py": "",
    "backend/app/crud.py": MODULE_TEXT,
    "backend/app/users.py": MODULE_TEXT,
    "backend/tests/test_users.py": "from app.users import load\n",
    "examples/demo/pyproject.toml": "",
    "examples/demo/shop/__init__.py": "",
    "examples/demo/shop/cart.py": MODULE_TEXT,
}


@pytest.mark.integration
def test_run_monorepo_root_judges_the_nested_project(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, MONOREPO)
    code, out = run(capsys, "--all-files")
    assert code == 1
    assert "backend/app/crud.py:1:1: CON201 module app.crud has no test" in out
    assert "users.py" not in out
    assert "examples/" not in out
    assert "checked 2 modules, 1 test file in 2 projects" in out


@pytest.mark.integration
def test_run_monorepo_project_folder_reports_the_same_modules(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, MONOREPO)
    at_root = [
        line for line in run(capsys, "--all-files")[1].splitlines() if "CON" in line
    ]
    os.chdir(git_repo / "backend")
    inside = [
        line for line in run(capsys, "--all-files")[1].splitlines() if "CON" in line
    ]
    assert inside == at_root


@pytest.mark.integration
def test_run_monorepo_staged_module_of_nested_project_is_judged(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, MONOREPO)
    code, out = run(capsys)
    assert code == 1
    assert "backend/app/crud.py:1:1: CON201" in out


@pytest.mark.integration
def test_run_python_files_but_no_module_found_warns_and_exits_0(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(git_repo, {"tools/run.py": MODULE_TEXT})
    code, out = run(capsys, "--all-files")
    assert code == 0
    assert "found no source module" in out
    assert "source-roots" in out


def test_run_explain_exempt_lists_each_exempt_module_with_its_reason(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(
        git_repo,
        {
            "pkg/__init__.py": "",
            "pkg/consts.py": "X = 1\n",
            "pkg/real.py": MODULE_TEXT,
        },
    )
    code, out = run(capsys, "--explain-exempt")
    assert code == 0
    assert "pkg/consts.py: exempt: no code of its own" in out
    assert "real.py" not in out
