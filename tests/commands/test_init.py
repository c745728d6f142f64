"""constitution init: writes or merges the configs, idempotent, refuses broken files."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
import yaml

from constitution_hooks import __version__
from constitution_hooks.cli import main
from constitution_hooks.commands.init import DEFAULT_REPO, InitCommand

CONFIG = ".pre-commit-config.yaml"
EXISTING_YAML = "# team hooks\nrepos:\n  - repo: local\n    hooks:\n      - id: x\n"
EXISTING_TOML = '[project]\nname = "app"\n'


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted(folder.iterdir()) if p.is_file()}


def test_main_init_empty_project_writes_both_files(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init"]) == 0
    out = capsys.readouterr().out
    assert f"created {CONFIG}" in out
    assert "created pyproject.toml" in out
    assert "pre-commit install" in out
    assert "[tool.constitution]" in (project / "pyproject.toml").read_text()


def test_main_init_repo_and_rev_options_used(project: Path) -> None:
    assert main(["init", "--repo", "https://example.invalid/c", "--rev", "v9"]) == 0
    repos = yaml.safe_load((project / CONFIG).read_text())["repos"]
    assert {"repo": "https://example.invalid/c", "rev": "v9"}.items() <= repos[
        0
    ].items()


def test_main_init_existing_files_merged_keeping_lines(project: Path) -> None:
    (project / CONFIG).write_text(EXISTING_YAML)
    (project / "pyproject.toml").write_text(EXISTING_TOML)
    assert main(["init"]) == 0
    merged = (project / CONFIG).read_text()
    assert all(line in merged.splitlines() for line in EXISTING_YAML.splitlines())
    assert (project / "pyproject.toml").read_text().startswith(EXISTING_TOML)


def test_main_init_twice_changes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / CONFIG).write_text(EXISTING_YAML)
    assert main(["init"]) == 0
    before = snapshot(project)
    capsys.readouterr()
    assert main(["init"]) == 0
    assert snapshot(project) == before
    assert capsys.readouterr().out.startswith("nothing to change")


def test_main_init_dry_run_shows_diff_and_writes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / CONFIG).write_text(EXISTING_YAML)
    assert main(["init", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"--- {CONFIG}\n+++ {CONFIG}\n" in out
    assert "+      - id: constitution\n" in out
    assert snapshot(project) == {CONFIG: EXISTING_YAML}


@pytest.mark.parametrize(
    ("name", "broken"),
    [(CONFIG, "repos: [\n"), ("pyproject.toml", "[project\n")],
)
def test_main_init_broken_file_exits_2_and_touches_nothing(
    project: Path, capsys: pytest.CaptureFixture[str], name: str, broken: str
) -> None:
    (project / name).write_text(broken)
    assert main(["init"]) == 2
    assert snapshot(project) == {name: broken}
    assert f"constitution: error: {name}: not valid" in capsys.readouterr().err


def test_main_init_undecodable_file_exits_2(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_bytes(b"name = '\xff'\n")
    assert main(["init"]) == 2
    assert "pyproject.toml: cannot read" in capsys.readouterr().err
    assert not (project / CONFIG).exists()


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    InitCommand().add_arguments(parser)
    return parser.parse_args(list(argv))


def test_add_arguments_defaults_point_at_this_version() -> None:
    args = _args()
    assert (args.dry_run, args.repo) == (False, DEFAULT_REPO)
    assert args.rev == f"v{__version__}"


def test_run_dry_run_writes_no_file_and_returns_0(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert InitCommand().run(_args("--dry-run")) == 0
    assert snapshot(project) == {}
    assert "+++ pyproject.toml" in capsys.readouterr().out


def test_run_second_time_reports_nothing_to_change(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    InitCommand().run(_args())
    capsys.readouterr()
    assert InitCommand().run(_args()) == 0
    assert capsys.readouterr().out == (
        "nothing to change: the hooks and config are in place\n"
    )
