"""Coverage contexts as evidence, read with coverage.py's API."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from coverage import CoverageData

from constitution_hooks.core.config import Settings
from constitution_hooks.rules.tdd.contexts import context_evidence, record_contexts
from constitution_hooks.rules.tdd.pairing import Snapshot, check_pairing
from constitution_hooks.rules.tdd.settings import TddSettings


def record(root: Path, module: str, context: str) -> Path:
    source = root / module
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text("def f():\n    return 1\n")
    data = CoverageData(basename=str(root / ".coverage"))
    data.set_context("")
    data.add_lines({str(source): [1]})
    data.set_context(context)
    data.add_lines({str(source): [2]})
    data.write()
    return source


def test_context_evidence_lines_run_in_a_test_context_pair(tmp_path: Path) -> None:
    record(tmp_path, "pkg/a.py", "tests/test_flow.py::test_a|run")
    assert context_evidence(tmp_path) == {
        "pkg/a.py": ["tests/test_flow.py::test_a|run"]
    }


def test_context_evidence_import_time_only_is_no_evidence(tmp_path: Path) -> None:
    record(tmp_path, "pkg/a.py", "")
    assert context_evidence(tmp_path) == {}


def test_context_evidence_stale_data_is_no_evidence(tmp_path: Path) -> None:
    source = record(tmp_path, "pkg/a.py", "tests/test_flow.py::test_a")
    later = (tmp_path / ".coverage").stat().st_mtime + 10
    os.utime(source, (later, later))
    assert context_evidence(tmp_path) == {}


def test_context_evidence_missing_or_broken_data_is_no_evidence(tmp_path: Path) -> None:
    assert context_evidence(tmp_path) == {}
    (tmp_path / ".coverage").write_text("not a database")
    assert context_evidence(tmp_path) == {}


def test_check_pairing_module_run_in_a_test_context_is_paired(
    settings: Callable[..., Settings],
) -> None:
    cfg = TddSettings.from_settings(settings("tdd-pairing"), ())
    files = {"pkg/__init__.py": "", "pkg/a.py": "def f():\n    return 1\n"}
    snap = Snapshot({p: p for p in files}, lambda k: files[k].encode(), cfg)
    assert [v.code for v in check_pairing(["pkg/a.py"], snap)] == ["CON201"]
    snap.contexts = {"pkg/a.py": ["tests/test_flow.py::test_a"]}
    assert check_pairing(["pkg/a.py"], snap.refreshed()) == []


def gate_run(root: Path, gate: Path, context: str) -> Path:
    """A gate's data file in its own folder, for a module of ``root``."""
    source = root / "pkg" / "a.py"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text("def f():\n    return 1\n")
    data = CoverageData(basename=str(gate / ".coverage"))
    data.set_context(context)
    data.add_lines({str(source): [2]})
    data.write()
    return gate / ".coverage"


def test_record_contexts_gate_run_is_evidence_without_user_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root, gate = tmp_path / "project", tmp_path / "gate"
    gate.mkdir()
    record_contexts(gate_run(root, gate, "tests/test_a.py::test_f|run"), root)
    assert context_evidence(root) == {"pkg/a.py": ["tests/test_a.py::test_f|run"]}
    assert not (root / ".coverage").exists()


def test_record_contexts_module_edited_since_is_no_evidence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root, gate = tmp_path / "project", tmp_path / "gate"
    gate.mkdir()
    record_contexts(gate_run(root, gate, "tests/test_a.py::test_f|run"), root)
    later = (root / "pkg" / "a.py").stat().st_mtime + 10
    os.utime(root / "pkg" / "a.py", (later, later))
    assert context_evidence(root) == {}


def test_record_contexts_unwritable_cache_records_nothing_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "cache").write_text("a file, not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root, gate = tmp_path / "project", tmp_path / "gate"
    gate.mkdir()
    record_contexts(gate_run(root, gate, "tests/test_a.py::test_f|run"), root)
    assert context_evidence(root) == {}
