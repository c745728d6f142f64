"""Progress shows on a terminal for long runs only."""

from __future__ import annotations

import io

from constitution_hooks.core.progress import MIN_ITEMS, Progress


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
