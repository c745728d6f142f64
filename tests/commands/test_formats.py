"""Every output format through every command that reports violations."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from constitution_hooks.cli import main
from constitution_hooks.commands.common import report
from constitution_hooks.core.reporters import REPORTERS
from constitution_hooks.core.violation import Violation
from tests.conftest import git

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json"
LONG = "def f():\n" + "    x = 1\n" * 49 + "    return x\n"
FILE_COMMANDS = ("check", "function-size", "file-length")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.py").write_text(LONG, encoding="utf-8")
    (tmp_path / "big.py").write_text("x = 1\n" * 501, encoding="utf-8")
    return tmp_path


def parsed(output_format: str, out: str) -> list[tuple[str, int, str]]:
    if output_format == "json":
        return [(r["path"], r["line"], r["code"]) for r in json.loads(out)]
    if output_format == "sarif":
        document = json.loads(out)
        schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
        jsonschema.Draft4Validator(schema).validate(document)
        return [
            (
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
                r["ruleId"],
            )
            for r in document["runs"][0]["results"]
        ]
    if output_format == "github":
        return [
            (
                line.split("file=")[1].split(",")[0],
                int(line.split("line=")[1].split(",")[0]),
                line.split("title=")[1][:6],
            )
            for line in out.splitlines()
        ]
    return [
        (line.split(":")[0], int(line.split(":")[1]), line.split()[1])
        for line in out.splitlines()
    ]


@pytest.mark.parametrize("command", FILE_COMMANDS)
@pytest.mark.parametrize("output_format", sorted(REPORTERS))
def test_main_every_format_reports_the_violation_and_exits_1(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    output_format: str,
) -> None:
    expected = {
        "check": [("app.py", 1, "CON102"), ("big.py", 501, "CON101")],
        "function-size": [("app.py", 1, "CON102")],
        "file-length": [("big.py", 501, "CON101")],
    }[command]
    assert main([command, "--format", output_format, "app.py", "big.py"]) == 1
    out = capsys.readouterr().out
    assert parsed(output_format, out) == expected


@pytest.mark.parametrize("output_format", sorted(REPORTERS))
def test_report_every_format_clean_exits_0(
    output_format: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert report([], output_format) == 0
    assert parsed(output_format, capsys.readouterr().out) == []


@pytest.mark.parametrize("output_format", sorted(REPORTERS))
def test_report_violation_without_file_rule_formats_without_error(
    output_format: str, capsys: pytest.CaptureFixture[str]
) -> None:
    commit = Violation(".git/COMMIT_EDITMSG", 1, 1, "CON999", "future-rule", "m")
    assert report([commit], output_format) == 1
    assert "CON999" in capsys.readouterr().out


@pytest.fixture
def history(git_repo: Path) -> Path:
    git(git_repo, "commit", "-q", "--allow-empty", "-m", "feat: start")
    git(git_repo, "commit", "-q", "--allow-empty", "-m", "feature: add search")
    Path("MSG").write_text("feature: add search\n")
    return git_repo


@pytest.mark.parametrize(
    "argv",
    [
        ["commit-msg", "MSG"],
        ["commit-msg", "--range", "HEAD~1..HEAD"],
        ["branch-name", "--branch", "wip"],
    ],
)
@pytest.mark.parametrize("output_format", sorted(REPORTERS))
def test_main_other_reporting_commands_every_format(
    history: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    output_format: str,
) -> None:
    assert main([*argv, "--format", output_format]) == 1
    codes = [code for _, _, code in parsed(output_format, capsys.readouterr().out)]
    assert codes == (["CON311"] if argv[0] == "branch-name" else ["CON302"])


@pytest.mark.parametrize("output_format", sorted(REPORTERS))
@pytest.mark.parametrize("io_encoding", ["utf-8", "utf-8:surrogateescape"])
def test_main_non_utf8_file_name_every_format_reports_it(
    tmp_path: Path, output_format: str, io_encoding: str
) -> None:
    (tmp_path / ".git").mkdir()
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.py"), "wb") as handle:
        handle.write(b"def f(:\n")
    command = ["-m", "constitution_hooks", "check", "--format", output_format, "."]
    env = {**os.environ, "PYTHONIOENCODING": io_encoding}
    done = subprocess.run(
        [sys.executable, *command], cwd=tmp_path, env=env, capture_output=True
    )
    assert (done.returncode, b"Traceback" in done.stderr) == (1, False), done.stderr
    out = done.stdout
    if output_format == "json":
        assert json.loads(out.decode("utf-8"))[0]["path"] == "caf\udce9.py"
    elif output_format == "sarif":
        assert b'"uri": "caf%E9.py"' in out
    else:
        assert b"caf\xe9.py" in out
