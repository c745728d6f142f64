"""A test command that cannot start is a usage error, not failed tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from constitution_hooks.cli import main
from constitution_hooks.rules.coverage.run import TestRun


@pytest.mark.parametrize(
    ("returncode", "output", "expected"),
    [
        (1, "/usr/bin/python3: No module named pytest\n", "No module named pytest"),
        (2, "error: Failed to spawn: `pytest`\n  Caused by: not found\n", "spawn"),
        (127, "sh: 1: pytest: not found\n", "not found"),
        (127, "", "exit code 127"),
        (1, "=== 1 failed in 0.1s ===\n", None),
        (0, "=== 3 passed in 0.1s ===\n", None),
    ],
)
def test_start_failure_tells_cannot_start_from_failed_tests(
    returncode: int, output: str, expected: str | None
) -> None:
    reason = TestRun(("pytest",), returncode, output).start_failure()
    assert reason is None if expected is None else expected in (reason or "")


def test_main_command_without_its_module_exits_2_naming_command(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    command = f'["{sys.executable}", "-m", "no_such_module_here"]'
    (project / "pyproject.toml").write_text(
        f"[tool.constitution.coverage-gate]\ncommand = {command}\n", encoding="utf-8"
    )
    assert main(["coverage-gate"]) == 2
    err = capsys.readouterr().err
    assert "cannot start the test command" in err
    assert "No module named no_such_module_here" in err
