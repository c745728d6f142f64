"""Blobs read on demand from one ``git cat-file --batch`` process."""

from __future__ import annotations

from pathlib import Path

from constitution_hooks.core.blobs import BlobReader
from tests.conftest import git


def test_blob_reader_reads_blobs_in_any_order(git_repo: Path) -> None:
    (git_repo / "a.py").write_bytes(b"x = 1\n")
    (git_repo / "b.py").write_bytes(b"")
    git(git_repo, "add", "a.py", "b.py")
    shas = git(git_repo, "ls-files", "-s").split()
    a, b = shas[1], shas[5]
    with BlobReader(git_repo) as read:
        assert (read(b), read(a), read(a)) == (b"", b"x = 1\n", b"x = 1\n")


def test_blob_reader_missing_object_reads_empty(git_repo: Path) -> None:
    with BlobReader(git_repo) as read:
        assert read("1" * 40) == b""
