"""``coverage-gate --data``: the judging, on coverage data written in-process.

The runner itself (tests run under coverage in the project's virtualenv) is
tested in ``test_coverage_gate.py``, marked ``integration``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from constitution_hooks.cli import main
from tests.coverage_project import write_measured


@pytest.fixture
def inside(tmp_path: Path) -> Iterator[Path]:
    """A folder with a ``.git`` marker, as the current folder."""
    root = tmp_path / "project"
    (root / ".git").mkdir(parents=True)
    previous = Path.cwd()
    os.chdir(root)
    try:
        yield root
    finally:
        os.chdir(previous)


def _gate(root: Path, lines: str) -> None:
    with (root / "pyproject.toml").open("a") as handle:
        handle.write("\n[tool.constitution.coverage-gate]\n" + lines)


@pytest.mark.parametrize(
    ("covered", "missed", "code", "figure"),
    [
        (199, 51, 1, "total: 79.60% (199/250) minimum 80: FAIL"),
        (200, 50, 0, "total: 80.00% (200/250) minimum 80: pass"),
        (201, 49, 0, "total: 80.40% (201/250) minimum 80: pass"),
    ],
)
def test_coverage_gate_data_total_at_boundary_compared_exactly(
    inside: Path,
    capsys: pytest.CaptureFixture[str],
    covered: int,
    missed: int,
    code: int,
    figure: str,
) -> None:
    write_measured(inside, covered, missed)
    assert main(["coverage-gate", "--data", ".coverage"]) == code
    assert figure in capsys.readouterr().out


def test_coverage_gate_data_below_minimum_reports_con401_at_pyproject(
    inside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_measured(inside, 199, 51)
    main(["coverage-gate", "--data", ".coverage"])
    out = capsys.readouterr().out
    assert "pyproject.toml:1:1: CON401 total coverage 79.60% (199/250" in out


def test_coverage_gate_data_json_format_stdout_is_violations_only(
    inside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_measured(inside, 199, 51)
    assert main(["coverage-gate", "--data", ".coverage", "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert [v["code"] for v in json.loads(captured.out)] == ["CON401"]
    figures = json.loads(captured.err)["coverage"]
    assert figures[0]["covered"] == 199


def test_coverage_gate_data_critical_path_below_its_minimum_is_con403(
    inside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_measured(inside, 240, 10)
    _gate(inside, 'critical = { "pkg/big.py" = 99 }\n')
    assert main(["coverage-gate", "--data", ".coverage"]) == 1
    assert "CON403" in capsys.readouterr().out


def test_coverage_gate_data_baseline_ratchet_drop_beyond_tolerance_fails(
    inside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_measured(inside, 240, 10)
    assert main(["coverage-gate", "--data", ".coverage", "--update-baseline"]) == 0
    write_measured(inside, 230, 20)
    assert main(["coverage-gate", "--data", ".coverage"]) == 1
    assert "CON402" in capsys.readouterr().out


def test_coverage_gate_data_file_left_byte_identical(inside: Path) -> None:
    write_measured(inside, 199, 51)
    before = (inside / ".coverage").read_bytes()
    main(["coverage-gate", "--data", ".coverage"])
    assert (inside / ".coverage").read_bytes() == before
