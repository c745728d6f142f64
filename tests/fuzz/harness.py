"""Run the command line in-process on a throwaway tree and check the promises.

The promises every fuzz test checks (docs/reliability.md): the exit code is one of
0, 1, 2 (3 is the internal-error code), nothing escapes as a traceback, and the
user's files, git index and coverage data are byte-identical afterwards.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from constitution_hooks.cli import main

EXIT_CODES = frozenset({0, 1, 2, 3})
# Reason: the result cache is the tool's own output, not the user's data.
OWN_OUTPUT = ".constitution_cache"


class Outcome(NamedTuple):
    """What one run printed and returned."""

    code: int
    out: str
    err: str


@contextlib.contextmanager
def inside(folder: Path) -> Iterator[None]:
    """Run a block with ``folder`` as the current folder."""
    previous = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)


def _stream() -> io.TextIOWrapper:
    # Reason: like a real UTF-8 terminal, where Python writes undecodable file
    # names back as the bytes they were.
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="surrogateescape")


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    raw = stream.buffer.getvalue()  # type: ignore[attr-defined]  # Reason: a BytesIO buffer
    return bytes(raw).decode("utf-8", "replace")


def run_cli(argv: Sequence[str], cwd: Path) -> Outcome:
    """Run ``constitution ARGV`` in ``cwd``; fail on a traceback or a bad code."""
    out, err = _stream(), _stream()
    with inside(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 2
        # Reason: any exception escaping main() is the defect under test.
        except Exception:
            raise AssertionError(
                f"constitution {list(argv)!r} raised:\n{traceback.format_exc()}"
            ) from None
    outcome = Outcome(code, _text(out), _text(err))
    assert outcome.code in EXIT_CODES, outcome
    assert "Traceback (most recent call last)" not in outcome.err, outcome.err
    return outcome


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file below ``root`` (the git index included) mapped to its bytes."""
    found: dict[str, bytes] = {}
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d != OWN_OUTPUT]
        for name in names:
            path = os.path.join(folder, name)
            key = os.path.relpath(path, root)
            if os.path.islink(path):
                found[key] = b"-> " + os.fsencode(os.readlink(path))
            elif os.path.isfile(path):
                with open(path, "rb") as handle:
                    found[key] = handle.read()
    return found


def git(cwd: Path, *args: str) -> None:
    """Run real git quietly (the test's own set-up, never the tool's)."""
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def new_repo(folder: Path) -> Path:
    """A fresh git repository (branch main) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    git(folder, "init", "-q", "-b", "main")
    git(folder, "config", "commit.gpgsign", "false")
    return folder
