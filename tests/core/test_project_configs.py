"""Per-project config in a monorepo: the nearest ``[tool.constitution]`` decides."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.cli import main
from constitution_hooks.core.config import ProjectConfigs, load_config
from constitution_hooks.rules import SECTIONS

Write = Callable[..., Path]
LIMIT = "[tool.constitution.function-size]\nmax-function-lines = {}\n"


def _function(lines: int) -> str:
    body = "".join(f"    x{i} = {i}\n" for i in range(lines - 2))
    return f"def f():\n{body}    return 0\n"


@pytest.fixture
def monorepo(project: Path, write: Write) -> Path:
    """Two projects of different limits, and a root pyproject.toml without a table."""
    write("pyproject.toml", "[project]\nname = 'root'\n")
    write("a/pyproject.toml", LIMIT.format(10))
    write(
        "b/pyproject.toml",
        LIMIT.format(30) + "[tool.constitution]\nexclude = ['gen']\n",
    )
    write("a/src/m.py", _function(20))
    write("b/src/m.py", _function(20))
    write("b/gen/m.py", _function(40))
    write("c/m.py", _function(60))
    return project


def test_for_path_nearest_table_decides_each_project(monorepo: Path) -> None:
    configs = ProjectConfigs(SECTIONS, load_config(SECTIONS, cwd=monorepo))
    limits = [
        configs.for_path(p).section("function-size").integer("max-function-lines")
        for p in ("a/src/m.py", "b/src/m.py", "c/m.py")
    ]
    assert limits == [10, 30, 49]


def test_for_path_symlinked_file_judged_by_its_target_project(monorepo: Path) -> None:
    (monorepo / "c/link.py").symlink_to(monorepo / "a/src/m.py")
    (monorepo / "c/linked").symlink_to(monorepo / "b/src")
    configs = ProjectConfigs(SECTIONS, load_config(SECTIONS, cwd=monorepo))
    limits = [
        configs.for_path(p).section("function-size").integer("max-function-lines")
        for p in ("c/m.py", "c/link.py", "c/linked/m.py", "c/./m.py", "a/x/../src/m.py")
    ]
    assert limits == [49, 10, 30, 49, 10]


def test_for_path_pyproject_without_table_is_skipped(
    monorepo: Path, write: Write
) -> None:
    write("a/src/pyproject.toml", "[project]\nname = 'inner'\n")
    configs = ProjectConfigs(SECTIONS, load_config(SECTIONS, cwd=monorepo))
    assert configs.for_path("a/src/m.py").root == (monorepo / "a").resolve()


def test_for_path_explicit_config_decides_every_file(monorepo: Path) -> None:
    fallback = load_config(SECTIONS, cwd=monorepo)
    configs = ProjectConfigs(SECTIONS, fallback, explicit=True)
    assert configs.for_path("a/src/m.py") is fallback


def test_check_monorepo_each_file_judged_by_its_project(
    monorepo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--no-cache", "."]) == 1
    out = capsys.readouterr().out
    assert "a/src/m.py:1:1: CON102 function 'f' is 20 lines long (limit 10)" in out
    assert "b/src/m.py" not in out
    assert "b/gen/m.py" not in out
    assert "c/m.py:1:1: CON102 function 'f' is 60 lines long (limit 49)" in out


def test_check_monorepo_cache_keys_by_project(
    monorepo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", "."])
    first = capsys.readouterr().out
    assert main(["check", "."]) == 1
    assert capsys.readouterr().out == first
    assert (monorepo / "a" / ".constitution_cache").is_dir()
    assert (monorepo / "b" / ".constitution_cache").is_dir()
