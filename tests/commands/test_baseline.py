"""``constitution baseline``: write, shrink-only update, stale check, skipping."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.cli import main
from constitution_hooks.commands import baseline, tdd_history, tdd_pairing
from constitution_hooks.commands.baseline import (
    COLLECTORS,
    collect,
    contract_findings,
    file_findings,
    history_findings,
    pairing_findings,
)
from constitution_hooks.core.baseline import BASELINE_FILE
from constitution_hooks.core.config import load_config
from constitution_hooks.rules import SECTIONS
from tests.conftest import git

Write = Callable[..., Path]


def _function(name: str, lines: int) -> str:
    body = "".join(f"    x{i} = {i}\n" for i in range(lines - 2))
    return f"def {name}():\n{body}    return 0\n"


LONG = _function("handle", 60)


def _findings(root: Path) -> list[dict[str, object]]:
    document = json.loads((root / BASELINE_FILE).read_text(encoding="utf-8"))
    findings: list[dict[str, object]] = document["findings"]
    return findings


def test_baseline_records_function_with_symbol_and_size(
    project: Path, write: Write
) -> None:
    write("app.py", LONG)
    assert main(["baseline"]) == 0
    # Reason: the record reads as the one line of JSON it is.
    assert _findings(project) == [
        {"code": "CON102", "path": "app.py", "symbol": "handle", "occurrence": 0,
         "size": 60}
    ]  # fmt: skip


def test_check_unrelated_edit_in_baselined_file_exits_0(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("app.py", LONG)
    main(["baseline"])
    write("app.py", "import os\n\n\n" + LONG)
    capsys.readouterr()
    assert main(["check", "app.py"]) == 0
    assert capsys.readouterr().err == (
        "checked 1 file: no violations (0 new, 1 in the baseline)\n"
    )


def test_check_new_violation_in_baselined_file_reports_only_it(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("app.py", LONG)
    main(["baseline"])
    write("app.py", LONG + "\n\n" + _function("fresh", 55))
    capsys.readouterr()
    assert main(["check", "--color", "never", "app.py"]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "app.py:63:1: CON102 function 'fresh' is 55 lines long (limit 49)"
    ]
    assert "checked 1 file: 1 CON102 (1 new, 1 in the baseline)" in captured.err


def test_check_baselined_function_grown_past_its_size_is_new(
    project: Path, write: Write
) -> None:
    write("app.py", LONG)
    main(["baseline"])
    write("app.py", _function("handle", 61))
    assert main(["check", "app.py"]) == 1


def test_check_baselined_function_shrunk_stays_baselined(
    project: Path, write: Write
) -> None:
    write("app.py", LONG)
    main(["baseline"])
    write("app.py", _function("handle", 52))
    assert main(["check", "app.py"]) == 0


def test_check_no_baseline_flag_reports_everything(project: Path, write: Write) -> None:
    write("app.py", LONG)
    main(["baseline"])
    assert main(["check", "--no-baseline", "app.py"]) == 1


def test_check_broken_baseline_exits_2_with_message(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("app.py", "x = 1\n")
    write(BASELINE_FILE, "{not json")
    assert main(["check", "app.py"]) == 2
    assert "the baseline is not valid JSON" in capsys.readouterr().err


def test_baseline_existing_file_without_update_exits_2(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("app.py", LONG)
    main(["baseline"])
    assert main(["baseline"]) == 2
    assert "--update" in capsys.readouterr().err


def test_baseline_update_drops_fixed_and_refuses_new(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("app.py", LONG)
    main(["baseline"])
    write("app.py", _function("other", 55))
    assert main(["baseline", "--update"]) == 0
    assert _findings(project) == []
    assert "1 new or grown findings not recorded" in capsys.readouterr().err


def test_baseline_update_allow_growth_records_new(project: Path, write: Write) -> None:
    write("app.py", LONG)
    main(["baseline"])
    write("app.py", _function("other", 55))
    assert main(["baseline", "--update", "--allow-growth"]) == 0
    assert [f["symbol"] for f in _findings(project)] == ["other"]


def test_baseline_allow_growth_without_update_exits_2(project: Path) -> None:
    assert main(["baseline", "--allow-growth"]) == 2


def test_baseline_check_reports_stale_entry_exits_1(
    project: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("app.py", LONG)
    main(["baseline"])
    write("app.py", "x = 1\n")
    capsys.readouterr()
    assert main(["baseline", "--check"]) == 1
    captured = capsys.readouterr()
    assert captured.out == (
        "app.py: CON102 symbol 'handle' (occurrence 0): stale, no current"
        " finding matches it\n"
    )
    assert "1 stale of 1 entries" in captured.err


def test_baseline_check_nothing_stale_exits_0(project: Path, write: Write) -> None:
    write("app.py", LONG)
    main(["baseline"])
    assert main(["baseline", "--check"]) == 0


def test_baseline_check_without_file_exits_2(project: Path) -> None:
    assert main(["baseline", "--check"]) == 2


@pytest.mark.integration
def test_tdd_pairing_baselined_missing_test_skipped(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (git_repo / "src" / "pkg").mkdir(parents=True)
    (git_repo / "src" / "pkg" / "core.py").write_text("def run():\n    return 1\n")
    git(git_repo, "add", ".")
    assert main(["tdd-pairing", "--all-files"]) == 1
    assert main(["baseline"]) == 0
    capsys.readouterr()
    assert main(["tdd-pairing", "--all-files"]) == 0
    assert capsys.readouterr().err.startswith("0 new, 1 in the baseline\n")


def test_collectors_history_is_opt_in() -> None:
    assert [name for name, _, default in COLLECTORS if default] == [
        "file rules",
        "tdd-pairing",
        "project contract",
    ]
    assert baseline.NAME == "baseline"


def test_collect_outside_git_only_file_rules(project: Path, write: Write) -> None:
    write("app.py", LONG)
    config = load_config(SECTIONS, cwd=project)
    assert [v.code for v in collect(config)] == ["CON102"]
    assert pairing_findings(config) == []
    assert history_findings(config) == []
    assert [v.code for v in file_findings(config)] == ["CON102"]


@pytest.mark.integration
def test_baseline_history_records_con206_by_commit(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (git_repo / "src" / "pkg").mkdir(parents=True)
    (git_repo / "src" / "pkg" / "core.py").write_text("def run():\n    return 1\n")
    git(git_repo, "add", ".")
    git(git_repo, "commit", "-qm", "feat: core")
    sha = git(git_repo, "rev-parse", "--short=7", "HEAD").strip()
    config = load_config(SECTIONS, cwd=git_repo)
    assert [v.code for v in tdd_history.check_all(config)] == ["CON206"]
    assert [v.code for v in tdd_pairing.check_all(config)] == ["CON201"]
    assert main(["baseline", "--history"]) == 0
    commits = [f.get("commit") for f in _findings(git_repo) if f["code"] == "CON206"]
    assert commits == [sha]
    capsys.readouterr()
    assert main(["tdd-history", "HEAD"]) == 0
    assert capsys.readouterr().err.startswith("0 new, 1 in the baseline\n")


@pytest.mark.integration
def test_baseline_update_without_history_keeps_con206(git_repo: Path) -> None:
    (git_repo / "src" / "pkg").mkdir(parents=True)
    (git_repo / "src" / "pkg" / "core.py").write_text("def run():\n    return 1\n")
    git(git_repo, "add", ".")
    git(git_repo, "commit", "-qm", "feat: core")
    main(["baseline", "--history"])
    assert main(["baseline", "--update"]) == 0
    assert main(["baseline", "--check"]) == 0
    codes = [f["code"] for f in _findings(git_repo)]
    assert [code for code in codes if str(code).startswith("CON20")] == [
        "CON201",
        "CON206",
    ]


def test_project_contract_baselined_unpinned_dependency_skipped(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = '[project]\nname = "x"\nversion = "1"\ndependencies = ["httpx>=0.27"]\n'
    (git_repo / "pyproject.toml").write_text(pyproject)
    git(git_repo, "add", ".")
    config = load_config(SECTIONS, cwd=git_repo)
    assert "CON701" in {v.code for v in contract_findings(config)}
    assert main(["project-contract", "--select", "CON701"]) == 1
    assert main(["baseline"]) == 0
    capsys.readouterr()
    assert main(["project-contract", "--select", "CON701"]) == 0
    assert "in the baseline" in capsys.readouterr().err


def test_baseline_explicit_config_decides_every_file_as_check_does(
    project: Path, write: Write
) -> None:
    write(
        "pyproject.toml", "[tool.constitution.function-size]\nmax-function-lines = 49\n"
    )
    write(
        "sub/pyproject.toml",
        "[tool.constitution.function-size]\nmax-function-lines = 5\n",
    )
    write("sub/a.py", _function("small", 10))
    assert main(["baseline", "--config", "pyproject.toml"]) == 0
    assert [f["code"] for f in _findings(project)] == []
    (project / BASELINE_FILE).unlink()
    assert main(["baseline"]) == 0
    assert [f["code"] for f in _findings(project)] == ["CON102"]
