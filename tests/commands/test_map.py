"""constitution map: the table as text, JSON and Markdown, and --check in a project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from constitution_hooks.cli import main
from constitution_hooks.commands import map as map_command
from constitution_hooks.commands.map import markdown, records, text
from constitution_hooks.constitution_map import Clause, bandit, clauses, con, ruff

CLAUSE = Clause("Part", "Sect", "no print", ruff("T201") + con("CON999"), "")


def test_records_planned_code_marked_planned() -> None:
    row = records([CLAUSE], None)[0]
    assert [e["shown"] for e in row["enforcers"]] == [
        "ruff T201",
        "constitution CON999 (planned)",
    ]
    assert "status" not in row


def test_markdown_one_table_per_section_with_pipes_escaped() -> None:
    rows = records([Clause("P", "S", "a | b", bandit("B101"))], None)
    page = markdown(rows)
    assert "\n## P\n\n### S\n\n| clause | enforced by | review |\n" in page
    assert "| a \\| b | bandit B101 | — |\n" in page


def test_text_review_only_clause_says_why() -> None:
    rows = records([Clause("P", "S", "w", (), "people decide")], None)
    assert text(rows) == "P / S\n  w: review only (people decide)\n"


def test_main_map_json_lists_every_clause(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["map", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == len(clauses())
    assert {"part", "section", "clause", "enforcers", "review"} <= set(rows[0])


def test_main_map_check_empty_project_nothing_enforced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["map", "--check", "--format", "json"]) == 0
    statuses = {row["status"] for row in json.loads(capsys.readouterr().out)}
    assert statuses == {"not enforced", "review only"}


def test_main_map_check_after_init_enforces_ruff_and_mypy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init", "--repo", "https://x/c", "--rev", "v1"]) == 0
    capsys.readouterr()
    assert main(["map", "--check", "--format", "json"]) == 0
    rows = {row["clause"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["No commented-out code in commits"]["status"] == "enforced"
    assert rows["mypy validation passing before commit"]["status"] == "enforced"
    assert rows["... with examples"]["status"] in {"enforced", "not enforced"}


def test_main_map_check_broken_config_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: [\n")
    assert main(["map", "--check"]) == 2


def test_map_command_named_map() -> None:
    assert map_command.NAME == "map"


def test_text_checked_review_only_clause_shows_no_status() -> None:
    rows = records([Clause("P", "S", "w", (), "why")], Path("/nonexistent"))
    assert (
        text(rows) == "P / S\n  w: review only (why)\n1 clauses here: 1 review only\n"
    )


def test_text_checked_counts_each_status() -> None:
    rows = records([CLAUSE, Clause("P", "S", "w", (), "why")], Path("/nonexistent"))
    assert text(rows).endswith("2 clauses here: 1 not enforced, 1 review only\n")


@pytest.mark.parametrize(
    "text",
    [
        "[tool.ruff.lint]\nselect = 5\n",
        '[tool.ruff.lint]\nignore = 5\nselect = ["ALL"]\n',
        "[tool.bandit]\nskips = 5\n",
    ],
)
def test_main_map_check_ill_typed_tool_keys_no_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(text)
    assert main(["map", "--check", "--format", "json"]) == 0
