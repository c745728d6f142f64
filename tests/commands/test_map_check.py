"""What a project's own config enforces: hooks, ruff's selection, mypy, bandit, uv."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.commands.map_check import Setup, active, read_setup, selected
from constitution_hooks.constitution_map import Enforcer
from constitution_hooks.rules import RULES

CONFIG = """\
repos:
  - repo: https://x/ruff-pre-commit
    rev: v1
    hooks:
      - id: ruff
  - repo: local
    hooks:
      - id: types
        name: types
        entry: uv run mypy --strict
        language: system
      - id: constitution
        name: c
        entry: constitution check
        language: system
"""
PYPROJECT = """\
[tool.ruff.lint]
select = ["E", "D"]
extend-select = ["ERA"]
ignore = ["D1"]

[tool.bandit]
skips = ["B101"]
"""


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    (tmp_path / ".pre-commit-config.yaml").write_text(CONFIG)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    return read_setup(tmp_path)


@pytest.mark.parametrize(
    ("enforcer", "missing"),
    [
        (Enforcer("ruff", "ERA001"), ""),
        (Enforcer("ruff", "D103"), "ruff does not select D103"),
        (Enforcer("ruff", "D417"), ""),
        (Enforcer("ruff", "T201"), "ruff does not select T201"),
        (Enforcer("mypy", "--strict"), ""),
        (Enforcer("bandit", "B105"), "no bandit hook"),
        (Enforcer("black", "black"), "no black hook"),
        (Enforcer("uv", "add-bounds"), 'no [tool.uv] add-bounds = "exact"'),
        (Enforcer("pre-commit", "uv-lock"), "no uv-lock hook"),
        (Enforcer("constitution", "CON102"), ""),
        (Enforcer("constitution", "CON303"), "no commit-message hook"),
        (Enforcer("constitution", "CON999"), "planned: not released yet"),
    ],
)
def test_active_from_the_project_config(
    setup: Setup, enforcer: Enforcer, missing: str
) -> None:
    assert active(enforcer, setup, RULES) == missing


def test_read_setup_ruff_toml_wins_over_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    (tmp_path / "ruff.toml").write_text('[lint]\nselect = ["T20"]\n')
    assert read_setup(tmp_path).select == ("T20",)


def test_read_setup_bandit_skip_reported(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    setup = read_setup(tmp_path)._replace(kinds=frozenset({"bandit"}))
    assert active(Enforcer("bandit", "B101"), setup, RULES) == "bandit skips B101"


@pytest.mark.parametrize(
    ("select", "ignore", "code", "on"),
    [
        (("ALL",), ("D",), "D103", False),
        (("ALL",), ("D",), "E501", True),
        (("D",), ("D1",), "D103", False),
        (("D103",), ("D1",), "D103", True),
        (("E",), ("E",), "E722", False),
    ],
)
def test_selected_most_specific_selector_wins(
    select: tuple[str, ...], ignore: tuple[str, ...], code: str, on: bool
) -> None:
    setup = Setup(frozenset(), frozenset(), select, ignore, False, (), "")
    assert selected(setup, code) is on
