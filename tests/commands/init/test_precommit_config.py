"""Merging our hooks into .pre-commit-config.yaml without losing a line."""

from __future__ import annotations

import pytest
import yaml

from constitution_hooks.commands.init.precommit_config import (
    INSTALL_TYPES,
    HookSpec,
    default_hooks,
    merge_precommit,
)
from constitution_hooks.core.errors import UsageError

OURS = "https://example.invalid/constitution-hooks"
HOOKS = default_hooks(OURS, "v1")
ALL_IDS = {hook.id for hook in HOOKS}


def hooks_of(text: str) -> dict[str, list[str]]:
    config = yaml.safe_load(text)
    return {
        hook["id"]: hook.get("stages", [])
        for repo in config["repos"]
        for hook in repo["hooks"]
    }


def test_merge_precommit_no_file_writes_every_hook_at_its_stage() -> None:
    text, changes = merge_precommit(None, HOOKS)
    found = hooks_of(text)
    assert set(found) == ALL_IDS
    assert found["commit-message"] == ["commit-msg"]
    assert found["coverage-gate"] == ["pre-push"]
    assert found["branch-name"] == ["pre-commit", "pre-push"]
    assert found["project-contract"] == ["pre-commit"]
    assert found["migrations"] == ["pre-commit", "pre-push"]
    assert changes


def test_merge_precommit_no_file_sets_default_install_hook_types() -> None:
    text, _ = merge_precommit(None, HOOKS)
    assert yaml.safe_load(text)["default_install_hook_types"] == list(INSTALL_TYPES)


def test_merge_precommit_gates_include_black_ruff_mypy_bandit() -> None:
    assert {"black", "ruff-check", "mypy", "bandit"} <= ALL_IDS


EXISTING = """\
# Our team's hooks; keep this comment.
repos:
  - repo: https://example.invalid/psf/black
    rev: 24.1.0
    hooks:
      - id: black  # formatter
        args: [--quiet]
  # a comment between repos
  - repo: local
    hooks:
      - id: custom
        name: custom
        entry: ./run.sh
        language: system

ci:
  autofix_prs: false
"""


def test_merge_precommit_existing_keeps_every_line() -> None:
    text, _ = merge_precommit(EXISTING, HOOKS)
    merged = text.splitlines()
    for line in EXISTING.splitlines():
        assert line in merged, line


def test_merge_precommit_existing_black_not_added_twice() -> None:
    text, _ = merge_precommit(EXISTING, HOOKS)
    ids = [h["id"] for r in yaml.safe_load(text)["repos"] for h in r["hooks"]]
    assert ids.count("black") == 1
    assert set(ids) == ALL_IDS | {"custom"}


def test_merge_precommit_existing_keeps_other_keys() -> None:
    text, _ = merge_precommit(EXISTING, HOOKS)
    assert yaml.safe_load(text)["ci"] == {"autofix_prs": False}


def test_merge_precommit_twice_changes_nothing() -> None:
    once, _ = merge_precommit(EXISTING, HOOKS)
    twice, changes = merge_precommit(once, HOOKS)
    assert (twice, changes) == (once, [])


def test_merge_precommit_our_repo_present_gets_missing_hooks_inside() -> None:
    partial = f"repos:\n- repo: {OURS}\n  rev: v1\n  hooks:\n  - id: constitution\n"
    text, _ = merge_precommit(partial, HOOKS)
    repos = yaml.safe_load(text)["repos"]
    ours = [r for r in repos if r["repo"] == OURS]
    assert len(ours) == 1
    assert {h["id"] for h in ours[0]["hooks"]} >= {"constitution", "coverage-gate"}


def test_merge_precommit_flow_style_repos_refused() -> None:
    start = "default_install_hook_types: [pre-commit]  # keep\nrepos: []\n"
    with pytest.raises(UsageError, match="flow-style"):
        merge_precommit(start, HOOKS)


def test_merge_precommit_install_types_block_list_extended() -> None:
    start = "default_install_hook_types:\n  - pre-push\nrepos:\n"
    text, _ = merge_precommit(start + "  - repo: local\n    hooks: []\n", HOOKS)
    types = yaml.safe_load(text)["default_install_hook_types"]
    assert set(types) == {"pre-push", "pre-commit", "commit-msg"}


def test_merge_precommit_install_types_flow_one_line_rewritten() -> None:
    start = "default_install_hook_types: [pre-push]  # keep\nrepos:\n- repo: local\n"
    text, _ = merge_precommit(start + "  hooks:\n  - id: x\n", HOOKS)
    assert yaml.safe_load(text)["default_install_hook_types"] == [
        "pre-push",
        "pre-commit",
        "commit-msg",
    ]
    assert "  # keep" in text


@pytest.mark.parametrize(
    "broken",
    ["repos: [\n", "- just\n- a list\n", "repos:\n\t- tab\n", "a: 1\n---\nb: 2\n"],
)
def test_merge_precommit_unparsable_or_odd_file_refused(broken: str) -> None:
    with pytest.raises(UsageError, match=r"\.pre-commit-config\.yaml"):
        merge_precommit(broken, HOOKS)


def test_hook_spec_yaml_lines_indent_under_dash() -> None:
    spec = HookSpec("r", "v", "x", ("pre-push",), ("args: [-q]",))
    assert spec.lines(4) == [
        "    - id: x\n",
        "      stages: [pre-push]\n",
        "      args: [-q]\n",
    ]
