"""Merging our hooks and the peer gates into .pre-commit-config.yaml, losing no line."""

from __future__ import annotations

import pytest
import yaml

from constitution_hooks.commands.init import precommit_config
from constitution_hooks.commands.init.gates import HookSpec
from constitution_hooks.commands.init.precommit_config import (
    INSTALL_TYPES,
    merge_precommit,
    plan_precommit,
    present,
)
from constitution_hooks.commands.init.yaml_edit import compose
from constitution_hooks.core.errors import UsageError

OURS = "https://example.invalid/constitution-hooks"


def plan(text: str | None, language: str | None = None) -> tuple[str, list[str]]:
    merged = plan_precommit(text, OURS, "v1", ruff_format=False, language=language)
    return merged[0], merged[1]


def test_plan_precommit_added_ids_listed() -> None:
    added = plan_precommit(None, OURS, "v1", ruff_format=True, language=None)[3]
    assert "black" not in added
    assert added[-1] == "uv-lock"


def hooks_of(text: str) -> dict[str, list[str]]:
    config = yaml.safe_load(text)
    return {
        hook["id"]: hook.get("stages", [])
        for repo in config["repos"]
        for hook in repo["hooks"]
    }


def test_plan_precommit_no_file_writes_every_hook_at_its_stage() -> None:
    text, changes = plan(None)
    found = hooks_of(text)
    assert {"constitution", "tdd-history", "ruff-check", "mypy", "bandit"} <= set(found)
    assert found["commit-message"] == ["commit-msg"]
    assert found["tdd-history"] == ["pre-push"]
    assert found["constitution"] == ["pre-commit"]
    assert "branch-name" not in found and "tdd-pairing" not in found
    assert found["project-contract"] == ["pre-commit"]
    assert found["migrations"] == ["pre-commit", "pre-push"]
    assert changes


def test_plan_precommit_no_file_sets_install_types_and_python() -> None:
    config = yaml.safe_load(plan(None, "python3.11")[0])
    assert config["default_install_hook_types"] == list(INSTALL_TYPES)
    assert config["default_language_version"] == {"python": "python3.11"}


def test_plan_precommit_peers_are_local_hooks_without_rev() -> None:
    repos = yaml.safe_load(plan(None)[0])["repos"]
    local = [repo for repo in repos if repo["repo"] == "local"]
    assert len(local) == 1
    assert "rev" not in local[0]
    assert {"ruff-check", "black", "bandit", "mypy", "uv-lock"} == {
        hook["id"] for hook in local[0]["hooks"]
    }


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


def test_plan_precommit_existing_keeps_every_line() -> None:
    merged = plan(EXISTING)[0].splitlines()
    for line in EXISTING.splitlines():
        assert line in merged, line


def test_plan_precommit_existing_black_not_added_twice() -> None:
    text, _ = plan(EXISTING)
    ids = [h["id"] for r in yaml.safe_load(text)["repos"] for h in r["hooks"]]
    assert ids.count("black") == 1
    assert "custom" in ids


def test_plan_precommit_existing_keeps_other_keys() -> None:
    assert yaml.safe_load(plan(EXISTING)[0])["ci"] == {"autofix_prs": False}


def test_plan_precommit_twice_changes_nothing() -> None:
    once, _ = plan(EXISTING, "python3.12")
    assert plan(once, "python3.12") == (once, [])


def test_plan_precommit_our_repo_present_gets_missing_hooks_inside() -> None:
    partial = f"repos:\n- repo: {OURS}\n  rev: v1\n  hooks:\n  - id: constitution\n"
    repos = yaml.safe_load(plan(partial)[0])["repos"]
    ours = [r for r in repos if r["repo"] == OURS]
    assert len(ours) == 1
    assert {h["id"] for h in ours[0]["hooks"]} >= {"constitution", "coverage-gate"}


def test_plan_precommit_four_space_style_kept_for_new_entries() -> None:
    start = "repos:\n-   repo: local\n    hooks:\n    -   id: x\n        entry: x\n"
    text, _ = plan(start)
    assert "\n-   repo: local\n    hooks:\n" in text[len(start) :]


def test_plan_precommit_crlf_file_stays_crlf() -> None:
    start = "repos:\r\n  - repo: local\r\n    hooks:\r\n      - id: x\r\n"
    text, _ = plan(start)
    assert text.startswith("default_install_hook_types")
    assert "\n" not in text.replace("\r\n", "")


def test_plan_precommit_flow_style_repos_refused() -> None:
    start = "default_install_hook_types: [pre-commit]  # keep\nrepos: []\n"
    with pytest.raises(UsageError, match="flow-style"):
        plan(start)


def test_plan_precommit_install_types_block_list_extended() -> None:
    start = "default_install_hook_types:\n  - pre-push\nrepos:\n"
    text, _ = plan(start + "  - repo: local\n    hooks: []\n")
    types = yaml.safe_load(text)["default_install_hook_types"]
    assert set(types) == {"pre-push", "pre-commit", "commit-msg"}


def test_plan_precommit_install_types_flow_one_line_rewritten() -> None:
    start = "default_install_hook_types: [pre-push]  # keep\nrepos:\n- repo: local\n"
    text, _ = plan(start + "  hooks:\n  - id: x\n")
    assert yaml.safe_load(text)["default_install_hook_types"] == [
        "pre-push",
        "pre-commit",
        "commit-msg",
    ]
    assert "  # keep" in text


@pytest.mark.parametrize(
    "broken",
    [
        "repos: [\n",
        "- just\n- a list\n",
        "repos:\n\t- tab\n",
        "a: 1\n---\nb: 2\n",
        "repos: !custom\n",
        "repos:\n- !custom {repo: local}\n",
        "{}\n",
        "{repos: [{repo: local, hooks: [{id: x}]}]}\n",
    ],
)
def test_plan_precommit_unparsable_or_odd_file_refused(broken: str) -> None:
    with pytest.raises(UsageError, match=r"\.pre-commit-config\.yaml"):
        plan(broken)


def test_merge_precommit_hook_keys_indented_under_their_dash() -> None:
    spec = HookSpec("r", "v", "x", ("pre-push",), ("args: [-q]",))
    text, _ = merge_precommit(None, [spec])
    assert "  - repo: r\n    rev: v\n    hooks:\n      - id: x\n" in text
    assert "        stages: [pre-push]\n        args: [-q]\n" in text


def test_present_lists_repo_id_and_entry() -> None:
    root = compose("repos:\n- repo: local\n  hooks:\n  - id: t\n    entry: mypy\n", "c")
    assert [tuple(hook) for hook in present(root)] == [("local", "t", "mypy")]


@pytest.mark.parametrize("hooks", ["", "  hooks: [{id: constitution}]\n"])
def test_plan_precommit_our_repo_unextendable_gets_a_new_entry(hooks: str) -> None:
    start = f"repos:\n- repo: {OURS}\n  rev: v1\n{hooks}"
    repos = yaml.safe_load(plan(start)[0])["repos"]
    assert [r["repo"] for r in repos].count(OURS) == 2


@pytest.mark.parametrize("rev", ["v1.0", "1234", "yes", "a: b", "1e3", "x #y"])
def test_merge_precommit_rev_reads_back_as_the_same_string(rev: str) -> None:
    text, _ = merge_precommit(None, [HookSpec("r", rev, "x", ("pre-push",))])
    assert yaml.safe_load(text)["repos"][0]["rev"] == rev


def test_plan_precommit_repos_key_without_value_gets_entries_under_it() -> None:
    text, _ = plan("# hooks below\nrepos:\n")
    assert text.startswith("# hooks below\n")
    assert "constitution" in hooks_of(text)


def test_plan_precommit_explicit_null_repos_refused_naming_the_line() -> None:
    with pytest.raises(UsageError, match="line 2: cannot extend"):
        plan(f"default_install_hook_types: [{', '.join(INSTALL_TYPES)}]\nrepos: ~\n")


def test_plan_precommit_no_final_newline_keeps_every_line() -> None:
    start = "repos:\n- repo: local\n  hooks:\n  - id: x  # last line"
    merged = plan(start)[0].splitlines()
    assert all(line in merged for line in start.splitlines())
    assert "constitution" in hooks_of("\n".join(merged))


def test_plan_precommit_comments_only_file_kept_without_header() -> None:
    text, _ = plan("# nothing yet\n")
    assert text.startswith("# nothing yet\ndefault_install_hook_types")
    assert "Written by" not in text


def test_plan_precommit_block_scalar_in_last_hook_kept_whole() -> None:
    start = f"repos:\n- repo: {OURS}\n  rev: v1\n  hooks:\n  - id: constitution\n"
    start += "    args: |\n      one\n\n# after\n"
    config = yaml.safe_load(plan(start)[0])
    assert config["repos"][0]["hooks"][0]["args"] == "one\n"
    assert {h["id"] for h in config["repos"][0]["hooks"]} >= {"coverage-gate"}


def test_plan_precommit_flow_repos_list_extended_in_flow_style() -> None:
    start = "repos: [{repo: local, hooks: [{id: x}]}]  # keep\n"
    text, _ = plan(start)
    assert text.splitlines()[-1].endswith("]  # keep")
    assert {"x", "constitution", "mypy"} <= set(hooks_of(text))


def test_plan_precommit_our_repo_hooks_as_mapping_gets_a_new_entry() -> None:
    start = f"repos:\n- repo: {OURS}\n  rev: v1\n  hooks: {{id: constitution}}\n"
    repos = yaml.safe_load(plan(start)[0])["repos"]
    assert [r["repo"] for r in repos].count(OURS) == 2


def test_merge_precommit_lost_insertion_refused_by_verify(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(precommit_config, "extend", lambda *_: (0, ""))
    with pytest.raises(UsageError, match="could not merge safely; left untouched"):
        plan(EXISTING)
