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
