"""Blobs read on demand from one long-lived ``git cat-file --batch`` process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from constitution_hooks.core.git import GitError


class BlobReader:
    """Read blobs on demand from one long-lived ``git cat-file --batch`` process.

    Use it as a context manager; the process ends with the block.

    Example:
        >>> with BlobReader() as read:
        ...     read("0" * 40) == b""
        True
    """

    def __init__(self, cwd: Path | None = None) -> None:
        """Remember where to run; the process starts on entry."""
        self.cwd = cwd
        self._process: Any = None

    def __enter__(self) -> BlobReader:
        """Start ``git cat-file --batch``."""
        import shutil

        # Reason: git is run with argument lists, never through a shell.
        import subprocess  # nosec B404

        executable = shutil.which("git")
        if executable is None:
            raise GitError("git is not installed or not on PATH")
        # Reason: git by its full path with a fixed argument list, never a shell.
        self._process = subprocess.Popen(  # nosec B603
            [executable, "cat-file", "--batch"],
            cwd=self.cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Close git's input and wait for it to end."""
        self._process.stdin.close()
        self._process.stdout.close()
        self._process.wait()

    def __call__(self, sha: str) -> bytes:
        """The bytes of blob ``sha`` (empty when git has no such object)."""
        process = self._process
        process.stdin.write(sha.encode("ascii") + b"\n")
        process.stdin.flush()
        header = process.stdout.readline().split(b" ")
        if len(header) != 3:
            return b""
        data: bytes = process.stdout.read(int(header[2]) + 1)
        return data[:-1]
