"""The baseline as every command applies it: where it lives, what it drops."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.commands.baseline_filter import (
    baseline_anchors,
    baseline_path,
    drop_baselined,
    fingerprinter,
)
from constitution_hooks.core import baseline
from constitution_hooks.core.config import Config
from constitution_hooks.core.errors import UsageError
from constitution_hooks.core.violation import Violation


def _config(root: Path) -> Config:
    return Config(root, None, ())


def test_baseline_path_beside_the_config(tmp_path: Path) -> None:
    assert baseline_path(_config(tmp_path)) == tmp_path / baseline.BASELINE_FILE


def test_baseline_anchors_only_when_file_exists(tmp_path: Path) -> None:
    assert baseline_anchors(_config(tmp_path)) is None
    baseline.write(baseline_path(_config(tmp_path)), [])
    assert baseline_anchors(_config(tmp_path)) == fingerprinter(_config(tmp_path))


def test_fingerprinter_size_rules_record_size(tmp_path: Path) -> None:
    assert {"CON101", "CON102", "CON103"} <= set(fingerprinter(_config(tmp_path)).sized)


def test_drop_baselined_keeps_unrecorded_file_without_reading_it(
    tmp_path: Path,
) -> None:
    recorded = baseline.Entry("CON201", "old.py", "file", "", 0)
    baseline.write(baseline_path(_config(tmp_path)), [recorded])
    old = Violation(str(tmp_path / "old.py"), 1, 1, "CON201", "missing-test", "m")
    new = Violation(str(tmp_path / "gone.py"), 1, 1, "CON201", "missing-test", "m")
    assert drop_baselined([new, old], _config(tmp_path)) == ([new], 1)


def test_drop_baselined_broken_file_raises_usage_error(tmp_path: Path) -> None:
    baseline_path(_config(tmp_path)).write_text("[", encoding="utf-8")
    with pytest.raises(UsageError, match="not valid JSON"):
        drop_baselined([], _config(tmp_path))


def test_baseline_path_file_name_is_the_baseline_modules() -> None:
    assert baseline_path(Config(Path("/r"), None, ())).name == baseline.BASELINE_FILE


def test_drop_baselined_baseline_path_is_a_folder_is_usage_error(
    tmp_path: Path,
) -> None:
    (tmp_path / ".constitution-baseline.json").mkdir()
    with pytest.raises(UsageError, match="cannot read the baseline"):
        drop_baselined([], Config(tmp_path, None, ()))
