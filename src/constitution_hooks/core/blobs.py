"""Blobs read on demand from one long-lived ``git cat-file --batch`` process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from constitution_hooks.core import git
from constitution_hooks.core.git_exec import git_executable


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
        # Reason: git is run with argument lists, never through a shell.
        import subprocess  # nosec B404

        executable = git_executable()
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


class IndexBlobs:
    """Blobs of the index, read from the work tree where the file there is that blob.

    A staged file usually equals its work-tree copy: hashing the copy as git
    does proves it, without a process. The first blob the work tree cannot give
    (an unstaged edit, a missing file, a filter) starts one
    ``git cat-file --batch`` for every blob not read yet.

    Example:
        >>> IndexBlobs(Path("."), {}).paths
        {}
    """

    def __init__(self, top: Path, paths: dict[str, str]) -> None:
        """``paths`` maps each blob id to a repository path that holds it."""
        self.top = top
        self.paths = paths
        self._read: dict[str, bytes] = {}

    def __call__(self, sha: str) -> bytes:
        """The bytes of blob ``sha``; KeyError when neither copy has it."""
        if sha not in self._read:
            path = self.paths.get(sha)
            data = None if path is None else _work_tree_copy(self.top / path, sha)
            if data is None:
                rest = [key for key in self.paths if key not in self._read]
                self._read.update(git.read_blobs([*rest, sha], self.top))
            else:
                self._read[sha] = data
        return self._read[sha]


def blob_id(data: bytes, length: int = 40) -> str:
    """The id git gives a blob of ``data`` (SHA-1, or SHA-256 for 64 digits).

    Example:
        >>> blob_id(b"")
        'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391'
    """
    import hashlib

    header = b"blob %d\0" % len(data)
    name = "sha256" if length == 64 else "sha1"
    digest = hashlib.new(name, header, usedforsecurity=False)
    digest.update(data)
    return digest.hexdigest()


def _work_tree_copy(path: Path, sha: str) -> bytes | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    # Reason: the same id means the same bytes, so no filter, symlink or unstaged
    # edit can slip through; anything else is read from git.
    return data if blob_id(data, len(sha)) == sha else None
