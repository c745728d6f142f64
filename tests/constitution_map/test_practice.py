"""The practice rows: commit standards to our codes, secrets to bandit."""

from __future__ import annotations

from constitution_hooks.constitution_map.practice import DATA


def test_data_commit_standards_name_the_commit_rules() -> None:
    rows = DATA["Git Workflow"]["Commit Standards"]
    codes = {e.rule for row in rows for e in row[1]}
    assert codes == {"CON301", "CON302", "CON303", "CON304", "CON305"}


def test_data_review_only_rows_say_why() -> None:
    for sections in DATA.values():
        for rows in sections.values():
            for row in rows:
                assert row[1] or (len(row) == 3 and row[2]), row[0]
