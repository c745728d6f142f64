"""The coverage gate records per-test contexts in its own run; tdd-pairing reads them.

A real pytest run under coverage in a temporary repository: a module the test only
reaches at run time (chosen by name, so no import names it) is unpaired until the
gate has run, and paired after, while no ``.coverage`` of the user's is written.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from coverage import CoverageData

from constitution_hooks.cli import main
from constitution_hooks.rules.coverage.run import context_plugin, run_tests
from tests.conftest import git

pytestmark = pytest.mark.integration

FILES = {
    "pkg/__init__.py": "",
    "pkg/core.py": "import importlib\n\n\ndef run(name):\n"
    "    return importlib.import_module('pkg.' + name).go()\n",
    "pkg/engine.py": "def go():\n    return 1\n",
    "tests/test_core.py": "from pkg.core import run\n\n\n"
    "def test_run_engine_by_name_returns_one():\n    assert run('engine') == 1\n",
}
COMMAND = [sys.executable, "-m", "coverage", "run", "-m", "pytest", "-q"]
PYTEST = ["-p", "no:randomly", "-p", "no:cacheprovider", "-p", "no:cov"]


def _project(root: Path) -> None:
    for path, text in FILES.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)
    command = json.dumps([*COMMAND, *PYTEST])
    (root / "pyproject.toml").write_text(
        '[project]\nname = "demo"\nversion = "0"\n\n[tool.coverage.run]\n'
        'source = ["pkg"]\n\n[tool.constitution.coverage-gate]\n'
        f"command = {command}\nfail-under = 0\n"
    )
    git(root, "add", "-A")


def test_run_tests_records_one_context_per_test(git_repo: Path, tmp_path: Path) -> None:
    _project(git_repo)
    gate = tmp_path / "gate"
    gate.mkdir()
    run = run_tests([*COMMAND, *PYTEST], git_repo, gate / ".coverage")
    assert run.returncode == 0, run.output
    data = CoverageData(basename=str(gate / ".coverage"))
    data.read()
    assert "tests/test_core.py::test_run_engine_by_name_returns_one|run" in (
        data.measured_contexts()
    )


def test_coverage_gate_then_tdd_pairing_pairs_module_reached_at_run_time(
    git_repo: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    _project(git_repo)
    assert main(["tdd-pairing", "--all-files"]) == 1
    assert "pkg/engine.py:1:1: CON201" in capsys.readouterr().out
    assert main(["coverage-gate"]) == 0, capsys.readouterr().out
    assert main(["tdd-pairing", "--all-files"]) == 0, capsys.readouterr().out
    assert not (git_repo / ".coverage").exists()


def test_context_plugin_keeps_the_plugins_already_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTEST_PLUGINS", "theirs")
    env = context_plugin(tmp_path)
    assert env["PYTEST_PLUGINS"] == "theirs,_constitution_test_contexts"
    assert (tmp_path / "_constitution_test_contexts.py").is_file()
