"""constitution init: writes or merges the configs, idempotent, refuses broken files."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pytest
import yaml

from constitution_hooks import __version__
from constitution_hooks.cli import main
from constitution_hooks.commands import init
from constitution_hooks.commands.init import DEFAULT_REPO, source
from constitution_hooks.core.errors import UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover -- exercised by the 3.10 test matrix
    import tomli as tomllib

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
    init.add_arguments(parser)
    return parser.parse_args(list(argv))


def test_add_arguments_repo_and_rev_default_to_none() -> None:
    args = _args()
    assert (args.dry_run, args.repo, args.rev) == (False, None, None)


def test_source_neither_given_is_the_placeholder_at_this_version() -> None:
    assert source(None, None) == (DEFAULT_REPO, f"v{__version__}")


@pytest.mark.parametrize(
    ("repo", "rev", "message"),
    [
        ("", "v1", "--repo '': expected a non-empty value"),
        ("https://x/c", "", "--rev '': expected"),
        ("https://x/c", "v 1", "--rev 'v 1'"),
        ("-x", "v1", "not starting with '-'"),
        ("https://x/c", "v1\n", "control characters"),
        ("local", "v1", "pre-commit's own"),
    ],
)
def test_source_bad_values_refused(repo: str, rev: str, message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        source(repo, rev)


def test_main_init_empty_repo_and_rev_exit_2_writing_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", "--repo", "", "--rev", ""]) == 2
    assert snapshot(project) == {}
    assert "--repo ''" in capsys.readouterr().err


def test_run_dry_run_writes_no_file_and_returns_0(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert init.run(_args("--dry-run")) == 0
    assert snapshot(project) == {}
    out = capsys.readouterr().out
    assert "--- /dev/null\n+++ pyproject.toml\n" in out
    assert f"--- /dev/null\n+++ {CONFIG}\n" in out
    assert '+add-bounds = "exact"\n' in out


def test_run_second_time_reports_nothing_to_change(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    init.run(_args("--repo", "https://x/c", "--rev", "v1"))
    capsys.readouterr()
    assert init.run(_args("--repo", "https://x/c", "--rev", "v1")) == 0
    assert capsys.readouterr().out == (
        "nothing to change: the hooks and config are in place\n"
    )


def test_run_placeholder_address_warned_and_exit_0(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert init.run(_args()) == 0
    out = capsys.readouterr().out
    assert f"warning: the hooks' address {DEFAULT_REPO} (rev v{__version__})" in out
    assert "--repo URL --rev TAG" in out


def test_run_given_address_no_warning(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    init.run(_args("--repo", "https://x/c", "--rev", "v1"))
    assert "warning" not in capsys.readouterr().out


def test_main_init_dangling_pyproject_link_exit_2_writes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").symlink_to(project / "gone" / "pyproject.toml")
    assert main(["init"]) == 2
    assert "symbolic link to a missing file" in capsys.readouterr().err
    assert sorted(p.name for p in project.iterdir()) == ["pyproject.toml"]


def test_main_init_custom_yaml_tag_exit_2_writes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / CONFIG).write_text("repos: !custom\n")
    assert main(["init"]) == 2
    assert "constructor for the tag '!custom'" in capsys.readouterr().err
    assert snapshot(project) == {CONFIG: "repos: !custom\n"}


def test_main_init_crlf_pyproject_keeps_crlf(project: Path) -> None:
    (project / "pyproject.toml").write_bytes(b'[project]\r\nname = "app"\r\n')
    assert main(["init"]) == 0
    data = (project / "pyproject.toml").read_bytes()
    assert data.startswith(b'[project]\r\nname = "app"\r\n')
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_main_init_writes_the_peer_tables(project: Path) -> None:
    (project / ".python-version").write_text("3.12.1\n")
    (project / "src").mkdir()
    assert main(["init"]) == 0
    config = tomllib.loads((project / "pyproject.toml").read_text())
    assert config["tool"]["mypy"] == {
        "strict": True,
        "python_version": "3.12",
        "files": ["src"],
    }
    assert config["tool"]["uv"] == {"add-bounds": "exact"}
    assert "*/test_*.py" in config["tool"]["bandit"]["assert_used"]["skips"]
    lint = config["tool"]["ruff"]["lint"]
    assert {"ANN", "D", "ERA", "T20", "E722"} <= set(lint["select"])
    assert lint["pydocstyle"] == {"convention": "google"}
    assert "fastapi.Depends" in lint["flake8-bugbear"]["extend-immutable-calls"]
    language = yaml.safe_load((project / CONFIG).read_text())[
        "default_language_version"
    ]
    assert language == {"python": "python3.12"}


def test_main_init_existing_ruff_table_merged_keeping_keys(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start = '[tool.ruff]\nline-length = 100\n\n[tool.ruff.lint]\nselect = ["E", "F"]\n'
    (project / "pyproject.toml").write_text(start)
    assert main(["init"]) == 0
    ruff = tomllib.loads((project / "pyproject.toml").read_text())["tool"]["ruff"]
    assert ruff["line-length"] == 100
    assert ruff["lint"]["select"] == ["E", "F"]
    assert "ANN" in ruff["lint"]["extend-select"]
    assert "added extend-select to [tool.ruff.lint]" in capsys.readouterr().out


def test_main_init_unsafe_ruff_table_prints_lines_to_add(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start = '[tool.ruff]\nlint.select = ["E"]\nlint.extend-select = ["F"]\n'
    (project / "pyproject.toml").write_text(start)
    assert main(["init"]) == 0
    out = capsys.readouterr().out
    assert "pyproject.toml: not extended where unsafe; add these by hand:" in out
    assert '    add to [tool.ruff.lint] extend-select: "W", "I"' in out


def test_main_init_mypy_missing_from_dev_group_says_how_to_add_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init"]) == 0
    assert "next: uv add --dev mypy==" in capsys.readouterr().out


def test_main_init_mypy_in_dev_group_no_hint(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text(
        '[dependency-groups]\ndev = ["mypy==2.4.1"]\n'
    )
    assert main(["init"]) == 0
    assert "uv add --dev mypy" not in capsys.readouterr().out


def test_run_next_steps_printed_last(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    init.run(_args())
    lines = capsys.readouterr().out.splitlines()
    steps = [i for i, line in enumerate(lines) if line.startswith("next:")]
    assert steps == list(range(len(lines) - len(steps), len(lines)))
    assert len(steps) == 3
    assert any("next: uv lock (there is no uv.lock" in lines[i] for i in steps)


def test_main_init_mypy_ini_kept_and_strict_asked_for(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "setup.cfg").write_text(
        "[metadata]\nname = a\n\n[mypy]\nstrict = False\n"
    )
    assert main(["init"]) == 0
    assert "[tool.mypy]" not in (project / "pyproject.toml").read_text()
    assert (
        "    # mypy reads setup.cfg: set strict = True there" in capsys.readouterr().out
    )


def test_main_init_ruff_toml_gets_the_lines_not_pyproject(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "ruff.toml").write_text('[lint]\nselect = ["E"]\n')
    assert main(["init"]) == 0
    out = capsys.readouterr().out
    assert "[tool.ruff" not in (project / "pyproject.toml").read_text()
    assert "    # ruff reads ruff.toml, not pyproject.toml; add there:" in out
    assert "    [lint]\n    extend-select = " in out
    assert "    [lint.pydocstyle]\n" in out


@pytest.mark.parametrize(
    "text",
    [
        "dependency-groups = 1\n",
        "[dependency-groups]\ndev = 1\n",
        "[tool.ruff]\nselect = [1, 2]\nlint = 3\n",
        "[tool.ruff.lint]\nselect = 5\n",
        "[tool.ruff.lint]\nextend-select = 5\n",
    ],
)
def test_main_init_ill_typed_tool_keys_no_traceback(project: Path, text: str) -> None:
    (project / "pyproject.toml").write_text(text)
    assert main(["init", "--repo", "https://x/c", "--rev", "v1"]) == 0
    merged = (project / "pyproject.toml").read_text().splitlines()
    assert all(line in merged for line in text.splitlines())
