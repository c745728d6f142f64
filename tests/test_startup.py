"""Lazy start-up: a check imports nothing heavy that it does not use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROBE = """
import sys
from constitution_hooks.cli import main
code = main(sys.argv[1:])
print(",".join(sorted(m for m in {modules} if m in sys.modules)))
"""
HEAVY = (
    "structlog",
    "multiprocessing",
    "concurrent.futures",
    "subprocess",
    "json",
    "uuid",
    "difflib",
    "hashlib",
    "coverage",
    "yaml",
    "fractions",
    "dataclasses",
    "tomllib",
    "ast",
    "constitution_hooks.core.git",
    "shutil",
)


_SEEN: dict[tuple[str, ...], list[str]] = {}


def _imported(tmp_path: Path, *args: str) -> list[str]:
    # Reason: one subprocess per command line; several tests read the same one.
    if args not in _SEEN:
        _SEEN[args] = _probe(tmp_path, *args)
    return _SEEN[args]


def _probe(tmp_path: Path, *args: str) -> list[str]:
    (tmp_path / "x.py").write_text("def f():\n    return 1\n")
    (tmp_path / "MSG").write_text("feat: add search\n")
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(modules=HEAVY), *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    return [name for name in result.stdout.strip().split(",") if name]


def test_main_check_one_file_imports_no_structlog(tmp_path: Path) -> None:
    assert "structlog" not in _imported(tmp_path, "check", "x.py")


def test_main_check_verbose_imports_structlog(tmp_path: Path) -> None:
    assert "structlog" in _imported(tmp_path, "check", "-v", "x.py")


def test_main_check_small_run_imports_no_worker_pool(tmp_path: Path) -> None:
    imported = _imported(tmp_path, "check", "x.py")
    assert "multiprocessing" not in imported
    assert "concurrent.futures" not in imported


def test_main_check_given_paths_imports_no_subprocess(tmp_path: Path) -> None:
    assert "subprocess" not in _imported(tmp_path, "check", "x.py")


def test_main_check_text_format_imports_no_json(tmp_path: Path) -> None:
    assert "json" not in _imported(tmp_path, "check", "--no-cache", "x.py")


def test_main_check_quiet_imports_no_uuid(tmp_path: Path) -> None:
    assert "uuid" not in _imported(tmp_path, "check", "x.py")


def test_main_check_valid_config_imports_no_difflib(tmp_path: Path) -> None:
    assert "difflib" not in _imported(tmp_path, "check", "x.py")


def test_main_check_no_cache_imports_no_hashlib(tmp_path: Path) -> None:
    assert "hashlib" not in _imported(tmp_path, "check", "--no-cache", "x.py")


def test_main_check_one_file_imports_no_other_hooks_logic(tmp_path: Path) -> None:
    imported = _imported(tmp_path, "check", "x.py")
    assert not {"coverage", "yaml", "fractions", "dataclasses"} & set(imported)


def test_main_check_one_file_loads_no_ai_catalogue(tmp_path: Path) -> None:
    probe = PROBE.replace("{modules}", repr(CATALOGUE))
    result = subprocess.run(
        [sys.executable, "-c", probe, "check", "x.py"],
        cwd=_write_probe_files(tmp_path),
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == ""


CATALOGUE = (
    "constitution_hooks.rules.commit.ai_catalogue",
    "constitution_hooks.rules.commit.ai_models",
)


def _write_probe_files(tmp_path: Path) -> Path:
    (tmp_path / "x.py").write_text("def f():\n    return 1\n")
    return tmp_path


def test_main_check_given_paths_imports_no_shutil(tmp_path: Path) -> None:
    assert "shutil" not in _imported(tmp_path, "check", "x.py")


def test_main_check_given_paths_imports_no_git_module(tmp_path: Path) -> None:
    assert "constitution_hooks.core.git" not in _imported(tmp_path, "check", "x.py")


def test_main_check_without_pyproject_imports_no_tomllib(tmp_path: Path) -> None:
    assert "tomllib" not in _imported(tmp_path, "check", "x.py")


def test_main_commit_msg_file_imports_nothing_heavy(tmp_path: Path) -> None:
    imported = _imported(tmp_path, "commit-msg", "MSG")
    heavy = {"coverage", "yaml", "fractions", "json", "difflib", "hashlib", "ast"}
    assert not (heavy | {"dataclasses", "tomllib"}) & set(imported)


RULE_LOGIC = (
    "fractions",
    "constitution_hooks.rules.coverage.gate",
    "constitution_hooks.rules.coverage.figures",
    "constitution_hooks.rules.tdd.settings",
    "constitution_hooks.rules.commit.message",
    "constitution_hooks.rules.commit.cleanup",
    "constitution_hooks.rules.commit.ai_catalogue",
    "constitution_hooks.rules.commit.ai_models",
    "constitution_hooks.rules.commit.ai_match",
    "constitution_hooks.rules.commit.ai_lines",
)


def test_rules_registry_import_loads_no_rule_logic() -> None:
    probe = (
        "import sys, constitution_hooks.rules as r;"
        f"print(','.join(m for m in {RULE_LOGIC} if m in sys.modules), len(r.RULES),"
        " sep='|')"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    loaded, count = result.stdout.strip().split("|")
    assert (loaded, int(count) > 0) == ("", True)


def test_main_pre_commit_hook_imports_no_coverage_yaml_or_pool(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    imported = _imported(tmp_path, "pre-commit", "--no-cache", "x.py")
    heavy = {"coverage", "yaml", "fractions", "json", "multiprocessing", "difflib"}
    assert not heavy & set(imported)
