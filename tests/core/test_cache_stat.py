"""The result cache's stat keys: a warm run reads no unchanged file, racy files are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from constitution_hooks.core.cache import CACHE_DIR, RACY_NS, ResultCache
from constitution_hooks.core.violation import Violation

FOUND = [Violation("a.py", 1, 1, "CON101", "file-too-long", "long")]
AN_HOUR_AGO_NS = 3_600 * 10**9


def _record(root: Path) -> None:
    first = ResultCache(root / CACHE_DIR, "ctx")
    first.lookup("a.py")
    first.store("a.py", FOUND)
    first.save()


def _same_stat_other_bytes(path: Path) -> None:
    """Change the bytes, keep size, mtime and inode: only a read can tell."""
    status = path.stat()
    with open(path, "r+b") as handle:
        handle.write(b"y")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))


@pytest.fixture
def old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "a.py"
    path.write_text("x = 1\n")
    mtime = path.stat().st_mtime_ns - AN_HOUR_AGO_NS
    os.utime(path, ns=(mtime, mtime))
    return path


def test_lookup_unchanged_stat_answers_without_reading(
    tmp_path: Path, old_file: Path
) -> None:
    _record(tmp_path)
    _same_stat_other_bytes(old_file)
    assert ResultCache(tmp_path / CACHE_DIR, "ctx").lookup("a.py") == FOUND


def test_lookup_changed_mtime_reads_content_again(
    tmp_path: Path, old_file: Path
) -> None:
    _record(tmp_path)
    old_file.write_text("x = 2\n")
    assert ResultCache(tmp_path / CACHE_DIR, "ctx").lookup("a.py") is None


def test_lookup_file_changed_just_now_is_keyed_by_content_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "a.py"
    path.write_text("x = 1\n")
    assert path.stat().st_mtime_ns > 0 and RACY_NS > 0
    _record(tmp_path)
    _same_stat_other_bytes(path)
    assert ResultCache(tmp_path / CACHE_DIR, "ctx").lookup("a.py") is None


def test_lookup_content_hit_records_stat_for_the_next_run(
    tmp_path: Path, old_file: Path
) -> None:
    _record(tmp_path)
    again = ResultCache(tmp_path / CACHE_DIR, "ctx")
    assert again.lookup("a.py") == FOUND
    again.save()
    _same_stat_other_bytes(old_file)
    assert ResultCache(tmp_path / CACHE_DIR, "ctx").lookup("a.py") == FOUND
