"""Running a real project's tests under coverage in its own virtualenv."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from constitution_hooks.core.errors import UsageError
from constitution_hooks.rules.coverage.data import read_coverage
from constitution_hooks.rules.coverage.figures import Figure, combine
from constitution_hooks.rules.coverage.run import (
    TestRun,
    default_command,
    run_tests,
    venv_python,
)
from tests.coverage_project import MakeProject

# Reason: these tests run real test suites under coverage in real virtualenvs
# (seconds each); the judging alone is tested in-process beside them.
pytestmark = pytest.mark.integration


def test_run_tests_project_venv_measures_into_temporary_file(
    tmp_path: Path, make_project: MakeProject
) -> None:
    root = make_project(tmp_path / "p", covered=199, missed=51)
    data = tmp_path / "data" / ".coverage"
    data.parent.mkdir()
    run = run_tests(default_command(root), root, data)
    assert run.returncode == 0, run.output
    assert combine(read_coverage(data, root)) == Figure(199, 250)


def test_run_tests_user_coverage_file_stays_byte_identical(
    tmp_path: Path, make_project: MakeProject
) -> None:
    root = make_project(tmp_path / "p")
    (root / ".coverage").write_bytes(b"the user's own data")
    run_tests(default_command(root), root, tmp_path / ".coverage-tmp")
    assert (root / ".coverage").read_bytes() == b"the user's own data"
    assert not (root / "coverage.xml").exists()
    assert not (root / "htmlcov").exists()


def test_default_command_venv_without_coverage_layers_it_with_uv(
    tmp_path: Path, make_project: MakeProject, bare_venv: Path
) -> None:
    root = make_project(tmp_path / "p", venv=bare_venv)
    command = default_command(root)
    assert command[1:3] == ["run", "--no-project"]
    run = run_tests(command, root, tmp_path / ".coverage")
    assert run.returncode == 0, run.output
    assert not list((bare_venv / "lib").glob("python*/site-packages/coverage"))


def test_default_command_no_venv_raises_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no virtualenv"):
        default_command(tmp_path)


def test_venv_python_plain_venv_found(tmp_path: Path, project_venv: Path) -> None:
    (tmp_path / ".venv").symlink_to(project_venv)
    assert venv_python(tmp_path) == tmp_path / ".venv" / "bin" / "python"


def test_run_tests_failing_test_returns_runner_summary(
    tmp_path: Path, make_project: MakeProject
) -> None:
    root = make_project(tmp_path / "p", failing=True)
    run = run_tests(default_command(root), root, tmp_path / ".coverage")
    assert run.returncode == 1
    assert "1 failed, 1 passed" in run.summary()


def test_run_tests_missing_executable_raises_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot run"):
        run_tests(["no-such-command-xyz"], tmp_path, tmp_path / ".coverage")


def test_test_run_tail_keeps_last_lines() -> None:
    assert TestRun(("x",), 1, "a\nb\nc\n").tail(2) == "b\nc"


def test_run_tests_pytest_cov_addopts_write_no_reports(
    tmp_path: Path, make_project: MakeProject
) -> None:
    root = make_project(tmp_path / "p", covered=199, missed=51)
    with (root / "pyproject.toml").open("a") as handle:
        handle.write('addopts = "--cov=pkg --cov-report=xml --cov-report=html"\n')
    data = tmp_path / ".coverage"
    run = run_tests(default_command(root), root, data)
    assert run.returncode == 0, run.output
    assert combine(read_coverage(data, root)) == Figure(199, 250)
    assert sorted(p.name for p in root.iterdir() if "cov" in p.name) == []


def test_default_command_no_coverage_and_no_uv_raises_usage_error(
    tmp_path: Path,
    make_project: MakeProject,
    bare_venv: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = make_project(tmp_path / "p", venv=bare_venv)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(UsageError, match="uv is not on PATH"):
        default_command(root)


@pytest.mark.parametrize(("content", "mode"), [("not a program\n", 0o644), ("", 0o755)])
def test_default_command_venv_python_not_a_program_raises_usage_error(
    tmp_path: Path, content: str, mode: int
) -> None:
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(content)
    python.chmod(mode)
    with pytest.raises(UsageError, match=f"{python}: not a program"):
        default_command(tmp_path)


SPAWNER = """
import subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
open(sys.argv[1], "w").write(str(child.pid))
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_run_tests_over_timeout_kills_process_group(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    command = [sys.executable, "-c", SPAWNER, str(pid_file)]
    run = run_tests(command, tmp_path, tmp_path / ".coverage", timeout=1.5)
    assert run.timed_out
    assert 1.5 <= run.elapsed < 30
    time.sleep(0.2)
    assert not _alive(int(pid_file.read_text()))


INTERRUPTED = """
import sys
from pathlib import Path
from constitution_hooks.rules.coverage.run import run_tests

folder = Path(sys.argv[1])
spawner = [sys.executable, "-c", sys.argv[2], str(folder / "pid")]
run_tests(spawner, folder, folder / ".coverage", timeout=60)
"""


def test_run_tests_interrupted_kills_process_group(tmp_path: Path) -> None:
    import signal
    import subprocess

    gate = subprocess.Popen(
        [sys.executable, "-c", INTERRUPTED, str(tmp_path), SPAWNER],
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while not (tmp_path / "pid").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)
    gate.send_signal(signal.SIGINT)
    gate.wait(timeout=30)
    time.sleep(0.2)
    assert not _alive(int((tmp_path / "pid").read_text()))
