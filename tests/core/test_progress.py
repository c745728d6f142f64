"""Progress shows on a terminal for long runs only."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.core import progress as progress_module
from constitution_hooks.core.config import load_config
from constitution_hooks.core.progress import MIN_ITEMS, Elapsed, Progress
from constitution_hooks.core.runner import check_files
from constitution_hooks.rules import RULES, SECTIONS


@pytest.fixture(autouse=True)
def _outside_pre_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRE_COMMIT", raising=False)


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_progress_long_run_on_terminal_shows_count_then_erases() -> None:
    stream = Terminal()
    progress = Progress(MIN_ITEMS, "files", stream)
    for _ in range(MIN_ITEMS):
        progress.advance()
    progress.close()
    text = stream.getvalue()
    assert f"\rchecking files {MIN_ITEMS}/{MIN_ITEMS}" in text
    assert text.endswith("\r\x1b[K")


def test_progress_not_a_terminal_writes_nothing() -> None:
    stream = io.StringIO()
    progress = Progress(MIN_ITEMS * 10, "files", stream)
    progress.advance(MIN_ITEMS * 10)
    progress.close()
    assert (progress.enabled, stream.getvalue()) == (False, "")


def test_progress_short_run_on_terminal_writes_nothing() -> None:
    stream = Terminal()
    progress = Progress(MIN_ITEMS - 1, "files", stream)
    progress.advance()
    progress.close()
    assert stream.getvalue() == ""


def test_check_files_many_files_on_terminal_counts_every_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.setattr(progress_module, "MIN_ITEMS", 3)
    paths = []
    for index in range(3):
        path = tmp_path / f"m{index}.py"
        path.write_text("x = 1\n", encoding="utf-8")
        paths.append(str(path))
    stream = Terminal()
    monkeypatch.setattr(sys, "stderr", stream)
    config = load_config(SECTIONS, cwd=tmp_path)
    assert check_files(paths, config, RULES, known=RULES) == []
    assert "checking files 3/3" in stream.getvalue()


def test_elapsed_on_terminal_ticks_then_erases(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stream = Terminal()
    elapsed = Elapsed("the tests", stream)
    monkeypatch.setattr(elapsed._stop, "wait", _wait_once())
    with elapsed:
        elapsed._thread.join(timeout=5)
    assert stream.getvalue() == "\rrunning the tests 0 s\r\x1b[K"


def test_elapsed_not_a_terminal_starts_nothing() -> None:
    stream = io.StringIO()
    with Elapsed("the tests", stream) as elapsed:
        pass
    assert (elapsed._thread.is_alive(), stream.getvalue()) == (False, "")


def _wait_once() -> Callable[[float], bool]:
    calls = iter([False, True])
    return lambda timeout: next(calls)


def test_progress_under_pre_commit_writes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PRE_COMMIT", "1")
    assert Progress(MIN_ITEMS, "files", Terminal()).enabled is False
    assert Elapsed("the tests", Terminal()).enabled is False
