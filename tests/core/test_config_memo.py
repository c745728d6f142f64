"""The config memo: exact values back, and nothing once anything it keys on moved."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from constitution_hooks.core import config_memo
from constitution_hooks.core.config_memo import RACY_NS, memo_path, recall, remember


def later() -> int:
    """A look-up time well after any file this test wrote (not racy)."""
    return time.time_ns() + 10 * RACY_NS


@pytest.fixture
def source(tmp_path: Path) -> str:
    path = tmp_path / "pyproject.toml"
    path.write_text("[project]\n")
    return str(path)


def test_remember_tricky_values_come_back_exactly(source: str) -> None:
    values = {
        "enabled": False,
        "max-length": 72,
        "length-of": "subject\ttab",
        "types": ("feat", "wip\n", "caf\u00e9", "back\\slash", "", "\ud800"),
        "scopes": [],
    }
    assert remember(source, values, later()) is True
    assert recall(source) == {**values, "scopes": ()}


def test_remember_fresh_config_is_not_remembered(source: str) -> None:
    assert remember(source, {"enabled": True}, time.time_ns()) is False
    assert recall(source) is None


def test_recall_changed_config_is_no_memo(source: str) -> None:
    remember(source, {"enabled": True}, later())
    Path(source).write_text("[project]\nname = 'x'\n")
    assert recall(source) is None


def test_recall_changed_code_is_no_memo(
    source: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = tmp_path / "mod.py"
    module.write_text("x = 1\n")
    monkeypatch.setattr(config_memo, "_code_files", lambda: [(str(module), (6, 1))])
    remember(source, {"enabled": True}, later())
    assert recall(source) is None


@pytest.mark.parametrize(
    "damage",
    [b"", b"\xff\xfe", b"constitution-hooks config memo 1\n", b"x\ty\n"],
)
def test_recall_malformed_memo_is_no_memo(source: str, damage: bytes) -> None:
    remember(source, {"enabled": True}, later())
    Path(memo_path(source)).write_bytes(damage)
    assert recall(source) is None


def test_recall_truncated_value_line_is_no_memo(source: str) -> None:
    remember(source, {"enabled": True}, later())
    text = Path(memo_path(source)).read_text()
    Path(memo_path(source)).write_text(text.replace("enabled\tb\t1", "enabled\tb\t2"))
    assert recall(source) is None


def test_remember_unwritable_folder_writes_nothing(
    source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(os, "makedirs", refuse)
    assert remember(source, {"enabled": True}, later()) is False


def test_remember_cache_folder_ignores_itself(source: str) -> None:
    remember(source, {"enabled": True}, later())
    ignore = Path(memo_path(source)).parent / ".gitignore"
    assert ignore.read_text() == "*\n"


def test_remember_unknown_value_kind_writes_nothing(source: str) -> None:
    assert remember(source, {"exempt": [{"path": "x"}]}, later()) is False
