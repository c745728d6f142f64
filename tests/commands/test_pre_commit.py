"""``constitution pre-commit``: every pre-commit-stage rule in one process."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import pytest

from constitution_hooks.cli import main
from constitution_hooks.commands import pre_commit
from constitution_hooks.commands.branch_name import branch_violations
from constitution_hooks.commands.pre_commit import listed_separately, stage_violations
from constitution_hooks.commands.tdd_pairing import pairing_violations
from constitution_hooks.core.config import load_config
from constitution_hooks.rules import SECTIONS
from tests.conftest import git

LONG = "def f():\n" + "    x = 1\n" * 48 + "    return x\n"


def _stage(repo: Path, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)
    git(repo, "add", "-A")
    return list(files)


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[object]]:
    code = main([*argv, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def test_run_same_findings_as_the_three_hooks_apart(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(git_repo, "checkout", "-q", "-b", "wip")
    git(git_repo, "commit", "-q", "--allow-empty", "-m", "chore: start")
    readme = "# pkg\n## Setup\n## Usage\n"
    files = {
        "src/pkg/core.py": LONG,
        "src/pkg/__init__.py": "",
        "src/pkg/README.md": readme,
    }
    paths = [path for path in _stage(git_repo, files) if path.endswith(".py")]
    apart: list[object] = []
    for argv in (["check", *paths], ["tdd-pairing"], ["branch-name"]):
        apart += _json(capsys, *argv)[1]
    code, together = _json(capsys, "pre-commit", *paths)
    assert code == 1
    assert together == apart
    # Reason: JSON records are plain objects to mypy.
    assert {v["code"] for v in together} == {"CON102", "CON201", "CON311"}  # type: ignore[index]


def test_run_no_files_still_judges_branch_and_checks_no_folder(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(git_repo, "checkout", "-q", "-b", "wip")
    git(git_repo, "commit", "-q", "--allow-empty", "-m", "chore: start")
    (git_repo / "big.py").write_text(LONG)
    code, found = _json(capsys, "pre-commit")
    assert code == 1
    # Reason: JSON records are plain objects to mypy.
    assert [v["code"] for v in found] == ["CON311"]  # type: ignore[index]


def test_run_hooks_listed_in_the_config_are_not_run_twice(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(git_repo, "checkout", "-q", "-b", "wip")
    git(git_repo, "commit", "-q", "--allow-empty", "-m", "chore: start")
    (git_repo / ".pre-commit-config.yaml").write_text(
        "repos:\n- repo: local\n  hooks:\n  - id: branch-name\n    name: b\n"
    )
    assert _json(capsys, "pre-commit") == (0, [])


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ("", set()),
        ("hooks:\n  - id: tdd-pairing\n  - id: constitution\n", {"tdd-pairing"}),
        ("    - id: branch-name  # at push\n", {"branch-name"}),
        ("    -   id: 'tdd-pairing'\n", {"tdd-pairing"}),
        ("# - id: branch-name\n", set()),
        ("    - id: branch-name-extra\n", set()),
    ],
)
def test_listed_separately_reads_hook_ids_from_the_config_text(
    tmp_path: Path, config: str, expected: set[str]
) -> None:
    (tmp_path / ".pre-commit-config.yaml").write_text(config)
    assert listed_separately(tmp_path) == expected


def test_listed_separately_no_config_file_is_empty(tmp_path: Path) -> None:
    assert listed_separately(tmp_path) == set()


def test_stage_violations_groups_file_then_pairing_then_branch(git_repo: Path) -> None:
    git(git_repo, "checkout", "-q", "-b", "wip")
    git(git_repo, "commit", "-q", "--allow-empty", "-m", "chore: start")
    paths = _stage(git_repo, {"src/pkg/core.py": LONG})
    config = load_config(SECTIONS)
    found = stage_violations(config, paths, 1, False)
    assert [v.code for v in found] == ["CON102", "CON201", "CON311"]
    assert found[1:] == pairing_violations(config) + branch_violations(config)


def test_add_arguments_and_run_jobs_flag_accepted_clean_exit(git_repo: Path) -> None:
    parser = argparse.ArgumentParser()
    pre_commit.add_arguments(parser)
    args = parser.parse_args(["--jobs", "2", "--no-cache"])
    assert (args.jobs, args.paths) == (2, [])
    assert pre_commit.run(args) == 0


def test_contract_files_staged_pattern_equals_the_hook_manifest() -> None:
    import yaml

    manifest_file = Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml"
    manifest = yaml.safe_load(manifest_file.read_text())
    hook = next(h for h in manifest if h["id"] == "project-contract")
    assert hook["files"] == pre_commit.CONTRACT_FILES


def test_run_staged_pyproject_adds_the_project_contract_findings(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(git_repo, "checkout", "-q", "-b", "feature/deps")
    git(git_repo, "commit", "-q", "--allow-empty", "-m", "chore: start")
    pyproject = '[project]\nname = "x"\nversion = "1"\ndependencies = ["httpx>=0.27"]\n'
    _stage(git_repo, {"pyproject.toml": pyproject})
    _, contract = _json(capsys, "project-contract")
    code, together = _json(capsys, "pre-commit")
    assert code == 1
    # Reason: JSON records are plain objects to mypy.
    assert "CON701" in {v["code"] for v in contract}  # type: ignore[index]
    assert [v for v in together if v in contract] == contract
    assert pre_commit.contract_files_staged() is True


def test_run_findings_in_the_baseline_are_not_reported(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(git_repo, "checkout", "-q", "-b", "feature/old")
    git(git_repo, "commit", "-q", "--allow-empty", "-m", "chore: start")
    paths = _stage(git_repo, {"src/pkg/core.py": LONG})
    assert main(["baseline"]) == 0
    capsys.readouterr()
    assert _json(capsys, "pre-commit", *paths) == (0, [])
    assert _json(capsys, "pre-commit", "--no-baseline", *paths)[0] == 1


def test_run_broken_staged_module_reports_one_con001(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(git_repo, "checkout", "-q", "-b", "feature/broken")
    git(git_repo, "commit", "-q", "--allow-empty", "-m", "chore: start")
    paths = _stage(git_repo, {"src/pkg/core.py": "def broken(:\n    pass\n"})
    code, found = _json(capsys, "pre-commit", *paths)
    assert code == 1
    # Reason: JSON records are plain objects to mypy.
    assert [v["code"] for v in found].count("CON001") == 1  # type: ignore[index]


def _logging_git(folder: Path, log: Path) -> str:
    """A ``git`` on PATH that records its arguments and runs the real git."""
    import shutil

    real = shutil.which("git")
    folder.mkdir()
    wrapper = folder / "git"
    wrapper.write_text(f'#!/bin/sh\necho "$*" >> "{log}"\nexec "{real}" "$@"\n')
    wrapper.chmod(0o755)
    return f"{folder}{os.pathsep}{os.environ['PATH']}"


@pytest.mark.parametrize(
    ("staged", "most"),
    [
        ({"src/pkg/core.py": LONG, "tests/test_core.py": "import pkg.core\n"}, 3),
        # Reason: the project contract reads its own files (index, blobs, ignores).
        ({"src/pkg/core.py": LONG, "pyproject.toml": "[project]\nname='x'\n"}, 7),
        ({"README.md": "# x\n"}, 3),
    ],
)
def test_run_staged_commit_starts_at_most_three_git_processes(
    git_repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    staged: dict[str, str],
    most: int,
) -> None:
    git(git_repo, "checkout", "-q", "-b", "feature/x")
    git(git_repo, "commit", "-q", "--allow-empty", "-m", "chore: start")
    paths = [p for p in _stage(git_repo, staged) if p.endswith(".py")]
    log = tmp_path / "git.log"
    monkeypatch.setenv("PATH", _logging_git(tmp_path / "bin", log))
    main(["pre-commit", *paths])
    capsys.readouterr()
    calls = log.read_text().splitlines()
    assert len(calls) <= most, calls
