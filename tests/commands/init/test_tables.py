"""The ruff, mypy, bandit and uv tables, checked against the ruff init pins."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from constitution_hooks.commands.init.gates import RUFF
from constitution_hooks.commands.init.pyproject_table import merge_pyproject, parse
from constitution_hooks.commands.init.tables import (
    FULL_SELECT,
    PREVIEW,
    SELECTORS,
    covers,
    lint_keys,
    other_tables,
    ruff_tables,
    selection,
    toml_list,
)

RUFF_BIN = Path(sys.executable).parent / "ruff"


@pytest.fixture(scope="module")
def ruff_rules() -> dict[str, dict[str, Any]]:
    """Every rule of the installed ruff, which must be the version init pins."""
    version = subprocess.run(
        [RUFF_BIN, "--version"], capture_output=True, text=True, check=True
    ).stdout.split()[1]
    assert version == RUFF, "the dev group's ruff must be the one init pins"
    listed = subprocess.run(
        [RUFF_BIN, "rule", "--all", "--output-format", "json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {rule["code"]: rule for rule in json.loads(listed) if rule["code"]}


def test_selectors_every_one_names_stable_ruff_rules(
    ruff_rules: dict[str, dict[str, Any]],
) -> None:
    for selector in SELECTORS:
        codes = [c for c in ruff_rules if c.startswith(selector)]
        assert codes, f"{selector} selects nothing in ruff {RUFF}"
        if selector in ruff_rules and selector not in PREVIEW:
            assert "Stable" in ruff_rules[selector]["status"], selector


def test_preview_codes_are_preview_and_named_in_full(
    ruff_rules: dict[str, dict[str, Any]],
) -> None:
    assert all("Preview" in ruff_rules[code]["status"] for code in PREVIEW)


def test_ruff_tables_accepted_by_the_pinned_ruff(tmp_path: Path) -> None:
    tables = (*ruff_tables(FULL_SELECT), *other_tables("3.11", ("src",)))
    text = merge_pyproject('[project]\nname = "a"\n', [], tables).text
    (tmp_path / "pyproject.toml").write_text(text)
    (tmp_path / "a.py").write_text('"""A."""\n\nprint(1)\n')
    done = subprocess.run(
        [RUFF_BIN, "check", "--no-cache", "--output-format", "json", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert [found["code"] for found in json.loads(done.stdout)] == ["T201"]
    assert done.stderr == ""


def test_lint_keys_no_selection_writes_ours_in_full() -> None:
    assert lint_keys(parse("[tool.ruff]\nline-length = 100\n")) == (FULL_SELECT, "")


def test_lint_keys_selection_extended_with_stable_codes_only() -> None:
    keys, manual = lint_keys(parse('[tool.ruff.lint]\nselect = ["E", "F", "D"]\n'))
    added = parse(f"x = {keys[0][1]}")["x"]
    assert keys[0][0] == "extend-select"
    assert "ANN" in added
    assert not {"E", "F", "D", *PREVIEW} & set(added)
    assert manual == ""


def test_lint_keys_preview_project_gets_the_doc_codes() -> None:
    start = '[tool.ruff.lint]\npreview = true\nselect = ["E"]\n'
    added = parse(f"x = {lint_keys(parse(start))[0][0][1]}")["x"]
    assert set(PREVIEW) <= set(added)


def test_lint_keys_existing_extend_select_gives_a_line_to_add() -> None:
    start = '[tool.ruff]\nselect = ["E"]\n[tool.ruff.lint]\nextend-select = ["F"]\n'
    keys, manual = lint_keys(parse(start))
    assert keys == ()
    assert manual.startswith('add to [tool.ruff.lint] extend-select: "W", "I"')


def test_selection_lists_every_selector_once() -> None:
    assert parse(f"x = {selection()}")["x"] == list(SELECTORS)
    assert len(set(SELECTORS)) == len(SELECTORS)


def test_other_tables_no_python_version_leaves_the_key_out() -> None:
    mypy = other_tables(None, ("src", "tests"))[0]
    assert mypy.keys == (("strict", "true"), ("files", toml_list(("src", "tests"))))


@pytest.mark.parametrize(
    ("selector", "code", "selected"),
    [
        ("E", "E722", True),
        ("E", "ERA", False),
        ("D", "DOC201", False),
        ("C", "C90", True),
        ("ALL", "T20", True),
        ("T20", "T20", True),
        ("ANN0", "ANN", False),
    ],
)
def test_covers_selector_by_linter_prefix_and_digits(
    selector: str, code: str, selected: bool
) -> None:
    assert covers(selector, code) is selected


def test_lint_keys_pycodestyle_select_still_adds_eradicate() -> None:
    keys, _ = lint_keys(parse('[tool.ruff.lint]\nselect = ["E", "D"]\n'))
    assert "ERA" in parse(f"x = {keys[0][1]}")["x"]
