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
