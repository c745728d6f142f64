"""Which hooks init adds: ours, and the peer gates the project does not run yet."""

from __future__ import annotations

import pytest

from constitution_hooks.commands.init.gates import (
    Present,
    choose,
    kind_of,
    our_hooks,
)

OURS = "https://example.invalid/c"
EVERY = [
    "constitution",
    "project-contract",
    "migrations",
    "commit-message",
    "coverage-gate",
    "tdd-history",
    "ruff-check",
    "black",
    "bandit",
    "mypy",
    "uv-lock",
]


def test_our_hooks_tdd_history_runs_at_pre_push() -> None:
    stages = {hook.id: hook.stages for hook in our_hooks(OURS, "v1")}
    assert stages["tdd-history"] == ("pre-push",)
    assert stages["commit-message"] == ("commit-msg",)


def test_choose_empty_config_adds_ours_and_every_peer() -> None:
    hooks, notes = choose([], OURS, "v1", ruff_format=False)
    assert [hook.id for hook in hooks] == EVERY
    assert notes == []


def test_choose_peers_pinned_and_mypy_in_project_environment() -> None:
    hooks = {hook.id: hook for hook in choose([], OURS, "v1", ruff_format=False)[0]}
    assert 'additional_dependencies: ["ruff==0.17.6"]' in hooks["ruff-check"].extra
    assert "entry: uv run --frozen mypy" in hooks["mypy"].extra
    assert "pass_filenames: false" in hooks["mypy"].extra
    assert "entry: uv lock --check" in hooks["uv-lock"].extra
    assert {hook.repo for hook in hooks.values() if hook.id in EVERY[6:]} == {"local"}


@pytest.mark.parametrize(
    ("hook", "kind"),
    [
        (Present("https://x/ruff-pre-commit", "ruff", ""), "ruff-check"),
        (Present("https://x/ruff-pre-commit", "ruff-format", ""), "ruff-format"),
        (Present("local", "lint", "uv run ruff check"), "ruff-check"),
        (Present("local", "fmt", "ruff format --check"), "ruff-format"),
        (Present("local", "types", "uv run mypy src"), "mypy"),
        (Present("https://x/mirrors-mypy", "mypy", ""), "mypy"),
        (Present("https://x/bandit", "bandit", ""), "bandit"),
        (Present("local", "lock", "uv lock --locked"), "uv-lock"),
        (Present("https://x/black", "black-jupyter", ""), "black"),
        (Present("local", "x", "./run.sh"), None),
    ],
)
def test_kind_of_hook_by_id_or_entry_names_the_tool(
    hook: Present, kind: str | None
) -> None:
    assert kind_of(hook) == kind


def test_choose_existing_mypy_and_ruff_format_kept_and_said() -> None:
    found = [
        Present("https://x/mirrors-mypy", "mypy", ""),
        Present("local", "fmt", "ruff format"),
    ]
    hooks, notes = choose(found, OURS, "v1", ruff_format=False)
    ids = [hook.id for hook in hooks]
    assert "mypy" not in ids
    assert "black" not in ids
    assert "kept your mypy hook (https://x/mirrors-mypy)" in notes
    assert any("ruff format is in use: black not added" in note for note in notes)


def test_choose_ruff_format_table_means_no_black() -> None:
    hooks, notes = choose([], OURS, "v1", ruff_format=True)
    assert "black" not in [hook.id for hook in hooks]
    assert notes


def test_choose_our_hooks_present_anywhere_not_added_again() -> None:
    found = [Present("https://mirror/c", "constitution", "")]
    hooks, _ = choose(found, OURS, "v1", ruff_format=False)
    assert "constitution" not in [hook.id for hook in hooks]
