"""Progress on stderr for long runs, only when stderr is a terminal."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

# Reason: a commit's few files finish before a progress line could be read.
MIN_ITEMS = 200
_INTERVAL = 0.1


def _interactive(stream: TextIO) -> bool:
    # Reason: pre-commit gives hooks a pseudo-terminal for colour, but replays
    # their output later: a progress line there is noise.
    if os.environ.get("PRE_COMMIT"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Progress:
    """``checking files 120/2000`` rewritten in place; nothing off a terminal.

    Example:
        >>> import io
        >>> p = Progress(500, "files", io.StringIO()); p.advance(); p.close()
        >>> p.enabled, p.done
        (False, 1)
    """

    def __init__(
        self, total: int, label: str, stream: TextIO | None = None, force: bool = False
    ) -> None:
        """Show progress of ``total`` items on ``stream`` (stderr) when it helps."""
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.label = label
        self.done = 0
        self.enabled = force or (_interactive(self.stream) and total >= MIN_ITEMS)
        self._shown = 0.0

    def advance(self, count: int = 1) -> None:
        """Count ``count`` more items done; redraw at most ten times a second."""
        self.done += count
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._shown >= _INTERVAL or self.done >= self.total:
            self._shown = now
            self.stream.write(f"\rchecking {self.label} {self.done}/{self.total}")
            self.stream.flush()

    def close(self) -> None:
        """Erase the progress line, so the report starts on a clean line."""
        if self.enabled and self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


class Elapsed:
    """``running tests 12 s`` rewritten each second meanwhile; nothing off a terminal.

    Example:
        >>> import io
        >>> with Elapsed("tests", io.StringIO()) as shown:
        ...     pass
        >>> shown.enabled
        False
    """

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        """Show the time spent on ``label`` on ``stream`` (stderr) if a terminal."""
        self.stream = stream if stream is not None else sys.stderr
        self.label = label
        self.enabled = _interactive(self.stream)
        import threading

        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._tick, daemon=True)

    def __enter__(self) -> Elapsed:
        """Start the ticker."""
        self._started = time.monotonic()
        if self.enabled:
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        """Stop the ticker and erase its line."""
        if self.enabled:
            self._stop.set()
            self._thread.join()
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def _tick(self) -> None:
        while not self._stop.wait(1.0):
            seconds = int(time.monotonic() - self._started)
            self.stream.write(f"\rrunning {self.label} {seconds} s")
            self.stream.flush()
