"""Blobs read on demand from one ``git cat-file --batch`` process."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core.blobs import BlobReader, IndexBlobs
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


def _staged(repo: Path, name: str, text: bytes) -> str:
    (repo / name).write_bytes(text)
    git(repo, "add", name)
    return git(repo, "ls-files", "-s", name).split()[1]


def test_index_blobs_work_tree_same_as_index_needs_no_git(
    git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sha = _staged(git_repo, "a.py", b"x = 1\n")
    read = IndexBlobs(git_repo, {sha: "a.py"})
    monkeypatch.setenv("PATH", "")
    assert read(sha) == b"x = 1\n"


def test_index_blobs_unstaged_edit_reads_the_index_version(git_repo: Path) -> None:
    sha = _staged(git_repo, "a.py", b"x = 1\n")
    other = _staged(git_repo, "b.py", b"y = 2\n")
    (git_repo / "a.py").write_bytes(b"x = 2  # not staged\n")
    (git_repo / "b.py").unlink()
    read = IndexBlobs(git_repo, {sha: "a.py", other: "b.py"})
    assert (read(sha), read(other)) == (b"x = 1\n", b"y = 2\n")


def test_index_blobs_unknown_blob_raises_key_error(git_repo: Path) -> None:
    with pytest.raises(KeyError):
        IndexBlobs(git_repo, {})("1" * 40)
