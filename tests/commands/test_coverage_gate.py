"""``constitution coverage-gate`` on real projects with their own virtualenv."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from constitution_hooks.cli import main
from constitution_hooks.commands import coverage_gate
from tests.conftest import git
from tests.coverage_project import MakeProject

# Reason: these tests run real test suites under coverage in real virtualenvs
# (seconds each); the judging alone is tested in-process beside them.
pytestmark = pytest.mark.integration

GATE = """
[tool.constitution.coverage-gate]
"""


@pytest.fixture
def project(tmp_path: Path, make_project: MakeProject) -> Iterator[Path]:
    """A project (199 of 250 statements run: 79.6%) as the current folder."""
    root = make_project(tmp_path / "project", covered=199, missed=51)
    previous = Path.cwd()
    os.chdir(root)
    try:
        yield root
    finally:
        os.chdir(previous)


def _config(root: Path, lines: str) -> None:
    with (root / "pyproject.toml").open("a") as handle:
        handle.write(GATE + lines)


def _measure(root: Path) -> None:
    """Run the project's tests under coverage the usual way: writes ./.coverage."""
    subprocess.run(
        [".venv/bin/python", "-m", "coverage", "run", "-m", "pytest", "-q"],
        cwd=root,
        check=True,
        capture_output=True,
    )


def test_coverage_gate_below_by_fraction_fails_with_exact_figure(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["coverage-gate"]) == 1
    out = capsys.readouterr().out
    assert "pyproject.toml:1:1: CON401 total coverage 79.60% (199/250" in out
    assert "coverage-gate: total: 79.60% (199/250) minimum 80: FAIL" in out


def test_coverage_gate_coverage_py_gate_passes_what_ours_fails(project: Path) -> None:
    _measure(project)
    theirs = subprocess.run(
        [".venv/bin/python", "-m", "coverage", "report", "--fail-under=80"],
        capture_output=True,
    )
    assert theirs.returncode == 0
    assert main(["coverage-gate", "--data", ".coverage"]) == 1


def test_coverage_gate_exactly_eighty_passes(
    tmp_path: Path, make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path / "p", covered=200, missed=50)
    assert main(["coverage-gate", "--config", str(root / "pyproject.toml")]) == 0
    assert "total: 80.00% (200/250) minimum 80: pass" in capsys.readouterr().out


def test_coverage_gate_failing_tests_fail_with_runner_summary(
    tmp_path: Path, make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path / "p", covered=240, missed=10, failing=True)
    assert main(["coverage-gate", "--config", str(root / "pyproject.toml")]) == 1
    out = capsys.readouterr().out
    assert "CON405 the tests failed (exit code 1): 1 failed, 1 passed" in out
    assert "test_big_values_wrong_fails" in out


def test_coverage_gate_no_tests_collected_fails(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Reason: the two lines read as the TOML line they write.
    _config(project, 'command = [".venv/bin/python", "-m", "coverage", "run",'
            ' "-m", "pytest", "-k", "nothing_matches"]\n')  # fmt: skip
    assert main(["coverage-gate"]) == 1
    assert "CON405 no tests were collected (exit code 5)" in capsys.readouterr().out


def test_coverage_gate_user_coverage_file_byte_identical(project: Path) -> None:
    _measure(project)
    before = (project / ".coverage").read_bytes()
    main(["coverage-gate"])
    assert (project / ".coverage").read_bytes() == before
    assert sorted(p.name for p in project.glob("coverage*")) == []


def test_coverage_gate_json_format_keeps_stdout_parseable(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["coverage-gate", "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert [v["code"] for v in json.loads(captured.out)] == ["CON401"]
    total = json.loads(captured.err)["coverage"][0]
    assert (total["covered"], total["total"], total["percent"]) == (199, 250, 79.6)


def test_coverage_gate_critical_figure_matches_coverage_report_include(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pkg" / "core").mkdir()
    (project / "pkg" / "core" / "__init__.py").write_text("")
    (project / "pkg" / "core" / "calc.py").write_text(
        "def f():\n    return 1\n\n\ndef g():\n    return 2\n\n\nf()\n"
    )
    (project / "tests" / "test_calc.py").write_text(
        "from pkg.core import calc\n\n\ndef test_calc_imported_is_module() -> None:\n"
        "    assert calc.f() == 1\n"
    )
    _config(project, 'fail-under = 0\ncritical = { "pkg/core/*" = 90 }\n')
    _measure(project)
    # Reason: the argv reads as the coverage command line it runs.
    theirs = subprocess.run(
        [".venv/bin/python", "-m", "coverage", "report", "--include=pkg/core/*",
         "--precision=2"],
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()[-1].split()[-1]  # fmt: skip
    assert main(["coverage-gate", "--data", ".coverage"]) == 1
    out = capsys.readouterr().out
    assert f"critical 'pkg/core/*': {theirs} (4/5) minimum 90: FAIL" in out
    assert "CON403 critical path 'pkg/core/*' 80.00% (4/5)" in out
    assert "pkg/core/calc.py 80.00% (4/5, missing 6)" in out


def test_coverage_gate_update_baseline_then_drop_fails(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _config(project, "fail-under = 50\n")
    _measure(project)
    assert main(["coverage-gate", "--data", ".coverage", "--update-baseline"]) == 0
    (project / "pkg" / "big.py").write_text(
        (project / "pkg" / "big.py").read_text() + "\n\ndef more():\n    return 1\n"
    )
    _measure(project)
    assert main(["coverage-gate", "--data", ".coverage"]) == 1
    out = capsys.readouterr().out
    assert "CON402 total coverage 79.37% fell below the baseline 79.60%" in out


def test_coverage_gate_disabled_exits_clean(project: Path) -> None:
    _config(project, "enabled = false\n")
    assert main(["coverage-gate"]) == 0


def test_coverage_gate_staged_diff_reports_uncovered_changed_lines(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(project, "init", "-q", "-b", "main")
    (project / ".gitignore").write_text(".venv\n")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "init")
    (project / "pkg" / "extra.py").write_text("def unused():\n    return 1\n")
    (project / "tests" / "test_extra.py").write_text(
        "from pkg import extra\n\n\ndef test_extra_imported_has_unused() -> None:\n"
        "    assert extra.unused\n"
    )
    git(project, "add", "-A")
    _config(project, "fail-under = 0\n")
    assert main(["coverage-gate"]) == 1
    out = capsys.readouterr().out
    assert "pkg/extra.py:2:1: CON404 diff coverage 50.00% (1/2 changed" in out
    assert "not covered here: 2" in out


CALC = """\
def used(x):
    if x:
        return 1
    return 2


def unused():
    return 1


used(1)
"""


@pytest.mark.parametrize("data", [".coverage", "coverage.xml"])
def test_coverage_gate_diff_figure_equals_diff_cover(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], data: str
) -> None:
    git(project, "init", "-q", "-b", "main")
    (project / ".gitignore").write_text(".venv\n.coverage\n")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "init")
    git(project, "checkout", "-qb", "feature/calc")
    (project / "pkg" / "calc.py").write_text(CALC)
    (project / "tests" / "test_calc.py").write_text(
        "from pkg import calc\n\n\ndef test_calc_used_returns_one() -> None:\n"
        "    assert calc.used(1) == 1\n"
    )
    git(project, "add", "-A")
    git(project, "commit", "-qm", "feat: calc")
    _measure(project)
    xml = tmp_path / "coverage.xml"
    subprocess.run(
        [".venv/bin/python", "-m", "coverage", "xml", "-o", str(xml)], check=True
    )
    report = tmp_path / "diff-cover.json"
    diff_cover = Path(os.environ.get("VIRTUAL_ENV", ".")) / "bin" / "diff-cover"
    subprocess.run(
        [str(diff_cover), str(xml), "--compare-branch=main", "--total-percent-float",
         f"--json-report={report}"],
        check=True, capture_output=True,
    )  # fmt: skip  # Reason: reads as the command line
    theirs = json.loads(report.read_text())
    ours = project / ".coverage" if data == ".coverage" else xml
    args = ["--data", str(ours), "--diff-base", "main", "--format", "json"]
    assert main(["coverage-gate", *args]) == 1
    diff = json.loads(capsys.readouterr().err)["coverage"][-1]
    assert diff["name"] == "diff"
    assert round(diff["percent"], 2) == theirs["total_percent_covered"] == 71.43
    assert diff["total"] == theirs["total_num_lines"]
    assert diff["total"] - diff["covered"] == theirs["total_num_violations"]


def test_coverage_gate_pre_push_range_measures_pushed_commits(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    git(project, "init", "-q", "-b", "main")
    (project / ".gitignore").write_text(".venv\n")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "init")
    base = git(project, "rev-parse", "HEAD").strip()
    (project / "pkg" / "extra.py").write_text("def unused():\n    return 1\n")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "feat: extra")
    monkeypatch.setenv("PRE_COMMIT_FROM_REF", base)
    monkeypatch.setenv("PRE_COMMIT_TO_REF", "HEAD")
    _config(project, "fail-under = 0\n")
    assert main(["coverage-gate"]) == 1
    assert "pkg/extra.py:1:1: CON404 diff coverage 0.00%" in capsys.readouterr().out


def test_coverage_gate_command_without_coverage_is_usage_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _config(project, 'command = [".venv/bin/python", "-m", "pytest", "-q"]\n')
    assert main(["coverage-gate"]) == 2
    err = capsys.readouterr().err
    assert "wrote no coverage data" in err
    assert "COVERAGE_FILE" in err


def test_coverage_gate_source_measuring_nothing_is_usage_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (project / "pyproject.toml").read_text()
    (project / "pyproject.toml").write_text(text.replace('["pkg"]', '["nope"]'))
    assert main(["coverage-gate"]) == 2
    assert "check [tool.coverage.run] source" in capsys.readouterr().err


def test_coverage_gate_command_registered_in_cli() -> None:
    from constitution_hooks.cli import COMMANDS

    assert any(c.load().run is coverage_gate.run for c in COMMANDS)


def test_coverage_gate_parallel_data_files_are_combined(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (project / "pyproject.toml").read_text()
    (project / "pyproject.toml").write_text(
        text.replace('source = ["pkg"]', 'source = ["pkg"]\nparallel = true')
    )
    assert main(["coverage-gate"]) == 1
    assert "total: 79.60% (199/250) minimum 80: FAIL" in capsys.readouterr().out
    assert list(project.glob(".coverage*")) == []


def test_coverage_gate_update_baseline_without_baseline_is_usage_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _config(project, 'baseline = ""\n')
    _measure(project)
    assert main(["coverage-gate", "--data", ".coverage", "--update-baseline"]) == 2
    assert "--update-baseline needs a baseline file" in capsys.readouterr().err


REPORT = {
    "files": {
        "a.py": {"summary": {}, "executed_lines": [1], "missing_lines": []},
    }
}


def test_coverage_gate_option_like_pushed_ref_exits_2_writes_nothing(
    git_repo: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (git_repo / "a.py").write_text("x = 1\n")
    (git_repo / "c.json").write_text(json.dumps(REPORT))
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "chore: start")
    monkeypatch.setenv("PRE_COMMIT_FROM_REF", "--output=injected")
    monkeypatch.setenv("PRE_COMMIT_TO_REF", "HEAD")
    assert main(["coverage-gate", "--data", "c.json"]) == 2
    assert "'--output=injected' is not a commit" in capsys.readouterr().err
    assert sorted(os.listdir(git_repo)) == [".git", "a.py", "c.json"]


def _data_project(root: Path, report: object, config: str = "") -> None:
    (root / "a.py").write_text("x = 1\n")
    (root / "c.json").write_text(json.dumps(report))
    (root / "pyproject.toml").write_text(GATE + config)


def test_coverage_gate_critical_double_star_exits_2_naming_key(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _data_project(git_repo, REPORT, 'critical = { "**" = 90 }\n')
    assert main(["coverage-gate", "--data", "c.json"]) == 2
    err = capsys.readouterr().err
    assert "tool.constitution.coverage-gate.critical: '**'" in err


@pytest.mark.parametrize("report", [{"files": {}}, {"files": {}, "totals": {}}])
def test_coverage_gate_data_measuring_nothing_exits_2(
    git_repo: Path, capsys: pytest.CaptureFixture[str], report: object
) -> None:
    _data_project(git_repo, report)
    assert main(["coverage-gate", "--data", "c.json"]) == 2
    assert "no measured files in c.json" in capsys.readouterr().err


def test_coverage_gate_summary_list_exits_2(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = {"summary": [], "executed_lines": [1], "missing_lines": []}
    _data_project(git_repo, {"files": {"a.py": entry}})
    assert main(["coverage-gate", "--data", "c.json"]) == 2
    assert "c.json: not a coverage report" in capsys.readouterr().err


def test_coverage_gate_infinite_baseline_exits_2(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _data_project(git_repo, REPORT)
    (git_repo / ".coverage-baseline.json").write_text('{"covered": 1e999, "total": 1}')
    assert main(["coverage-gate", "--data", "c.json"]) == 2
    assert "not a coverage baseline" in capsys.readouterr().err


def test_coverage_gate_empty_data_file_exits_2_and_stays_empty(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _data_project(git_repo, REPORT)
    (git_repo / ".coverage").write_bytes(b"")
    assert main(["coverage-gate", "--data", ".coverage"]) == 2
    assert (git_repo / ".coverage").read_bytes() == b""


def test_coverage_gate_command_over_timeout_fails_con405(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sleeper = json.dumps([sys.executable, "-c", "import time; time.sleep(60)"])
    _data_project(git_repo, REPORT, f"command = {sleeper}\ntimeout = 1\n")
    started = time.monotonic()
    assert main(["coverage-gate"]) == 1
    assert time.monotonic() - started < 30
    out = capsys.readouterr().out
    assert "CON405 the tests did not finish within the timeout of 1 s" in out
