"""The migrations family's registry data and config table."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core.config import load_config
from constitution_hooks.core.errors import UsageError
from constitution_hooks.rules.migrations import HOOK, RULES, SECTION


def test_rules_migrations_one_rule_in_its_hook() -> None:
    assert [(rule.code, rule.hook, rule.section) for rule in RULES] == [
        ("CON801", HOOK, SECTION.name)
    ]


@pytest.mark.parametrize(
    ("table", "valid"),
    [
        (
            'exempt = [{ path = "db/versions/1a_*.py", reason = "typo fix agreed" }]',
            True,
        ),
        ('exempt = [{ path = "db/versions/*" }]', False),
        ('exempt = [{ path = "x", reason = "" }]', False),
        ("deployed-tags = true", True),
        ('deployed-tags = "yes"', False),
        ('migrations-glob = ["db/*.py"]', True),
        ('deployed-ref = "origin/production"', True),
    ],
)
def test_load_config_migrations_table_validated(
    tmp_path: Path, table: str, valid: bool
) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(f"[tool.constitution.migrations]\n{table}\n")
    if valid:
        assert load_config([SECTION], path).enabled(SECTION.name)
    else:
        with pytest.raises(UsageError, match=r"tool\.constitution\.migrations"):
            load_config([SECTION], path)
