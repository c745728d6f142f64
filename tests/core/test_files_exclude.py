"""``is_excluded`` matches globs as .gitignore reads them (guards its fast path)."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core.files import BUILTIN_EXCLUDES, is_excluded


@pytest.mark.parametrize(
    ("path", "patterns", "expected"),
    [
        ("pkg/.venv/x.py", [".venv"], True),
        ("pkg/venvs/x.py", ["venv"], False),
        ("a/b.py", ["a/*"], True),
        ("x/a/b.py", ["a/*"], False),
        ("build/x.py", ["build/"], True),
        ("src/app.egg-info/x.py", ["*.egg-info"], True),
        ("src/app.py", ["*.egg-info", "/src/app.py"], True),
        ("src/App.py", ["src/app.py"], False),
        ("src/app.py", [], False),
        ("migrations/0001.py", ["migrations/**"], True),
    ],
)
def test_is_excluded_glob_forms_match_like_gitignore(
    path: str, patterns: list[str], expected: bool
) -> None:
    assert is_excluded(path, patterns) is expected


def test_is_excluded_slash_pattern_relative_to_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert is_excluded("gen.py", ["sub/gen.py"], tmp_path)


def test_is_excluded_builtin_cache_folder_excluded() -> None:
    assert is_excluded(".constitution_cache/x.py", BUILTIN_EXCLUDES)


def test_is_excluded_dot_segments_ignored_for_hidden_glob() -> None:
    assert not is_excluded("./pkg/app.py", [".*"])


def test_is_excluded_file_outside_root_matched_as_given(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    assert is_excluded(str(tmp_path / "gen" / "x.py"), ["gen"], root)


def test_is_excluded_root_relative_after_chdir_uses_new_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
    monkeypatch.chdir(tmp_path / "one")
    is_excluded("x.py", ["one/x.py"], tmp_path)
    monkeypatch.chdir(tmp_path / "two")
    assert not is_excluded("x.py", ["one/x.py"], tmp_path)
