"""Reading real coverage data: .coverage, coverage.json and coverage.xml agree."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from constitution_hooks.core.errors import UsageError
from constitution_hooks.rules.coverage.data import (
    check_globs,
    combine_parallel,
    glob_matcher,
    read_coverage,
    working_folder,
)
from constitution_hooks.rules.coverage.figures import combine

MODULE = """\
def half(x):
    if x > 0:
        return 1
    return 2


def never():
    a = 1
    return a
"""
PYPROJECT = """\
[tool.coverage.run]
branch = true
source = ["pkg"]
omit = ["pkg/skipped.py"]
"""


def _coverage(project: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "coverage", *args], cwd=project, check=True)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("measured")
    (root / "pkg" / "core").mkdir(parents=True)
    (root / "pkg" / "__init__.py").write_text("")
    (root / "pkg" / "core" / "__init__.py").write_text("")
    (root / "pkg" / "core" / "calc.py").write_text(MODULE)
    (root / "pkg" / "skipped.py").write_text("x = 1\n")
    (root / "pyproject.toml").write_text(PYPROJECT)
    (root / "run.py").write_text(
        "import pkg.skipped\nfrom pkg.core.calc import half\nhalf(1)\n"
    )
    _coverage(root, "run", "run.py")
    _coverage(root, "json", "-o", "coverage.json")
    _coverage(root, "xml", "-o", "coverage.xml")
    return root


def test_read_coverage_data_file_matches_coverage_totals(project: Path) -> None:
    files = read_coverage(project / ".coverage", project)
    totals = json.loads((project / "coverage.json").read_text())["totals"]
    figure = combine(files)
    assert figure.total == totals["num_statements"] + totals["num_branches"]
    assert float(figure.percent) == totals["percent_covered"]


def test_read_coverage_data_file_honours_omit_and_relative_paths(
    project: Path,
) -> None:
    paths = sorted(f.path for f in read_coverage(project / ".coverage", project))
    assert paths == ["pkg/__init__.py", "pkg/core/__init__.py", "pkg/core/calc.py"]


def test_read_coverage_data_file_branches_counted(project: Path) -> None:
    calc = next(
        f for f in read_coverage(project / ".coverage", project) if "calc" in f.path
    )
    assert (calc.branches, calc.missing_branches) == (2, 1)
    assert calc.missing == frozenset({4, 8, 9})


@pytest.mark.parametrize("report", ["coverage.json", "coverage.xml"])
def test_read_coverage_reports_agree_with_data_file(project: Path, report: str) -> None:
    expected = sorted(
        (f.path, f.figure) for f in read_coverage(project / ".coverage", project)
    )
    found = sorted((f.path, f.figure) for f in read_coverage(project / report, project))
    assert found == expected


def test_read_coverage_leaves_data_file_byte_identical(project: Path) -> None:
    before = (project / ".coverage").read_bytes()
    read_coverage(project / ".coverage", project)
    assert (project / ".coverage").read_bytes() == before


def test_read_coverage_missing_file_raises_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file"):
        read_coverage(tmp_path / ".coverage", tmp_path)


def test_read_coverage_broken_json_raises_usage_error(tmp_path: Path) -> None:
    (tmp_path / "coverage.json").write_text("{}")
    with pytest.raises(UsageError, match="not a coverage report"):
        read_coverage(tmp_path / "coverage.json", tmp_path)


def test_read_coverage_empty_data_file_raises_usage_error(tmp_path: Path) -> None:
    (tmp_path / ".coverage").write_bytes(b"")
    with pytest.raises(UsageError, match="data"):
        read_coverage(tmp_path / ".coverage", tmp_path)


def test_glob_matcher_same_files_as_coverage_include(project: Path) -> None:
    match = glob_matcher(project)
    files = read_coverage(project / ".coverage", project)
    chosen = [f for f in files if match("pkg/core/*", f.path)]
    out = subprocess.run(
        [sys.executable, "-m", "coverage", "json", "-o", "-", "--include=pkg/core/*"],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert sorted(f.path for f in chosen) == sorted(json.loads(out)["files"])


def test_combine_parallel_parts_become_one_data_file(
    project: Path, tmp_path: Path
) -> None:
    (tmp_path / ".coverage.host.1").write_bytes((project / ".coverage").read_bytes())
    combine_parallel(tmp_path / ".coverage")
    assert combine(read_coverage(tmp_path / ".coverage", project)) == combine(
        read_coverage(project / ".coverage", project)
    )


def test_working_folder_restores_previous_folder(tmp_path: Path) -> None:
    before = Path.cwd()
    with working_folder(tmp_path):
        assert Path.cwd() == tmp_path.resolve()
    assert Path.cwd() == before


def test_read_coverage_empty_data_file_left_byte_identical(tmp_path: Path) -> None:
    data = tmp_path / ".coverage"
    data.write_bytes(b"")
    with pytest.raises(UsageError):
        read_coverage(data, tmp_path)
    assert data.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == [".coverage"]


JUNIT = '<testsuites><testsuite name="t" tests="1"><testcase name="a"/></testsuite>'


@pytest.mark.parametrize(
    ("name", "text"),
    [("coverage.json", '{"files": {}}'), ("junit.xml", JUNIT + "</testsuites>")],
)
def test_read_coverage_nothing_measured_raises_usage_error(
    tmp_path: Path, name: str, text: str
) -> None:
    (tmp_path / name).write_text(text)
    with pytest.raises(UsageError, match=f"no measured files in .*{name}"):
        read_coverage(tmp_path / name, tmp_path)


def _entry(**fields: object) -> str:
    entry = {"summary": {}, "executed_lines": [1], "missing_lines": [], **fields}
    return json.dumps({"files": {"a.py": entry}})


@pytest.mark.parametrize(
    "text",
    [
        _entry(summary=[]),
        _entry(summary={"num_branches": 1e999, "covered_branches": 0}),
        _entry(summary={"num_branches": "x"}),
        _entry(summary={"num_branches": 1, "covered_branches": 2}),
        _entry(executed_lines="12"),
        _entry(missing_lines=[None]),
        _entry(executed_lines=[True]),
        '{"files": []}',
        '{"files": {"a.py": []}}',
        "[]",
    ],
)
def test_read_coverage_malformed_report_raises_usage_error(
    tmp_path: Path, text: str
) -> None:
    (tmp_path / "coverage.json").write_text(text)
    with pytest.raises(UsageError, match="not a coverage report"):
        read_coverage(tmp_path / "coverage.json", tmp_path)


@pytest.mark.parametrize(
    "xml",
    [
        '<coverage><class filename="a.py"><line number="x" hits="1"/></class>'
        "</coverage>",
        '<coverage><class filename="a.py"><line number="1" hits="1e999"/></class>'
        "</coverage>",
    ],
)
def test_read_coverage_malformed_xml_raises_usage_error(
    tmp_path: Path, xml: str
) -> None:
    (tmp_path / "coverage.xml").write_text(xml)
    with pytest.raises(UsageError, match="not a coverage report"):
        read_coverage(tmp_path / "coverage.xml", tmp_path)


@pytest.mark.parametrize("glob", ["**", "src/core**"])
def test_check_globs_glob_coverage_rejects_raises_usage_error_naming_key(
    glob: str,
) -> None:
    with pytest.raises(UsageError, match=r"coverage-gate\.critical: .*\*\*"):
        check_globs([glob])


def test_check_globs_coverage_globs_accepted() -> None:
    globs = ["*", "src/**", "**/core/*.py"]
    check_globs(globs)
    match = glob_matcher(Path("/"))
    assert [match(glob, "src/core/a.py") for glob in globs] == [True, True, True]
