"""Reading the files init edits as they are, and writing them all or none."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.commands.init.writes import read, write_all
from constitution_hooks.core.errors import UsageError


def test_read_missing_file_returns_none(tmp_path: Path) -> None:
    assert read(tmp_path / "pyproject.toml") is None


def test_read_crlf_file_keeps_its_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_bytes(b"[project]\r\nname = 'a'\r\n")
    assert read(path) == "[project]\r\nname = 'a'\r\n"


def test_read_dangling_symlink_refused(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.symlink_to(tmp_path / "gone.toml")
    with pytest.raises(UsageError, match="symbolic link to a missing file"):
        read(path)


@pytest.mark.parametrize("content", [None, b"\xff\xfe"])
def test_read_folder_or_undecodable_refused(
    tmp_path: Path, content: bytes | None
) -> None:
    path = tmp_path / "pyproject.toml"
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    with pytest.raises(
        UsageError, match=r"pyproject\.toml: (not a regular|cannot read)"
    ):
        read(path)


def test_write_all_writes_through_a_symlink_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "real.toml"
    target.write_text("old\n")
    target.chmod(0o640)
    link = tmp_path / "pyproject.toml"
    link.symlink_to(target)
    write_all([(link, "new\r\n")])
    assert link.is_symlink()
    assert target.read_bytes() == b"new\r\n"
    assert target.stat().st_mode & 0o777 == 0o640


def test_write_all_one_failure_writes_nothing(tmp_path: Path) -> None:
    good = tmp_path / ".pre-commit-config.yaml"
    (tmp_path / "file").write_text("")
    with pytest.raises(UsageError, match="nothing changed"):
        write_all([(good, "a\n"), (tmp_path / "file" / "pyproject.toml", "b\n")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]
