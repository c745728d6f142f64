"""``check --jobs N`` and ``--no-cache``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.cli import main
from constitution_hooks.core.cache import CACHE_DIR
from tests.core.tree import generate_tree


@pytest.fixture
def tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: Callable[..., Path]
) -> list[str]:
    monkeypatch.chdir(tmp_path)
    return generate_tree(tmp_path, write, copies=2)


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_main_check_bad_jobs_exits_usage_error(
    tree: list[str], value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--jobs", value, *tree])
    assert exit_info.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_main_check_two_jobs_prints_same_report_as_one(
    tree: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", "--no-cache", "--jobs", "1", *tree])
    one = capsys.readouterr().out
    assert main(["check", "--no-cache", "--jobs", "2", *tree]) == 1
    assert capsys.readouterr().out == one


def test_main_check_no_cache_writes_no_cache_folder(
    tree: list[str], tmp_path: Path
) -> None:
    main(["check", "--no-cache", *tree])
    assert not (tmp_path / CACHE_DIR).exists()


def test_main_check_default_writes_cache_folder(
    tree: list[str], tmp_path: Path
) -> None:
    main(["check", *tree])
    assert (tmp_path / CACHE_DIR / ".gitignore").is_file()


def test_main_check_warm_cache_prints_same_report(
    tree: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", *tree])
    cold = capsys.readouterr().out
    assert main(["check", *tree]) == 1
    assert capsys.readouterr().out == cold


def test_main_check_file_of_other_project_writes_no_cache_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: Callable[..., Path]
) -> None:
    here = tmp_path / "here"
    here.mkdir()
    other = write("proj/a.py", "x = 1\n")
    (tmp_path / "proj" / ".git").mkdir()
    monkeypatch.chdir(here)
    assert main(["check", str(other)]) == 0
    assert sorted(p.name for p in here.iterdir()) == []
    assert sorted(p.name for p in (tmp_path / "proj").iterdir()) == [".git", "a.py"]


def test_main_check_from_subfolder_caches_at_repository_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: Callable[..., Path]
) -> None:
    (tmp_path / ".git").mkdir()
    write("sub/a.py", "x = 1\n")
    monkeypatch.chdir(tmp_path / "sub")
    assert main(["check", "a.py"]) == 0
    assert (tmp_path / CACHE_DIR).is_dir()
    assert not (tmp_path / "sub" / CACHE_DIR).exists()
