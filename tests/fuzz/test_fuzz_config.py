"""Random values for every known config key: a verdict or a config error, no crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from constitution_hooks.rules import SECTIONS
from tests.fuzz.harness import new_repo, run_cli, snapshot
from tests.fuzz.toml_values import VALUES, to_toml

KEYS = [(s.name, o.key) for s in SECTIONS for o in s.all_options()] + [("", "exclude")]
COVERAGE = (
    '{"files": {"a.py": {"summary": {}, "executed_lines": [1], "missing_lines": []}}}'
)
COMMANDS = (
    ["check", "a.py"],
    ["commit-msg", "msg.txt"],
    ["coverage-gate", "--data", "coverage.json"],
    ["tdd-pairing", "--all-files"],
    ["branch-name", "--branch", "feature/x"],
)


def _pyproject(section: str, key: str, value: object) -> str:
    table = f"tool.constitution.{section}" if section else "tool.constitution"
    return f"[{table}]\n{key} = {to_toml(value)}\n"


@example(("commit-message", "ai-patterns"), ["a{4294967296}"], COMMANDS[1])
@example(("coverage-gate", "critical"), {"**": 90}, COMMANDS[2])
@given(
    key=st.sampled_from(KEYS),
    value=VALUES,
    command=st.sampled_from(COMMANDS),
)
def test_load_config_random_value_verdict_or_config_error(
    key: tuple[str, str], value: object, command: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = new_repo(Path(folder) / "repo")
        (root / "pyproject.toml").write_text(_pyproject(*key, value), "utf-8")
        (root / "a.py").write_text("def f():\n    return 1\n", "utf-8")
        (root / "msg.txt").write_text("feat: add x\n\nCo-authored-by: Bot <b@x>\n")
        (root / "coverage.json").write_text(COVERAGE, "utf-8")
        before = snapshot(root)
        outcome = run_cli(command, root)
        assert snapshot(root) == before
        if outcome.code == 2:
            assert outcome.err.startswith("constitution: error: "), outcome.err
