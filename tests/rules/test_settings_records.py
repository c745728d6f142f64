"""Each family reads its table through one typed record whose fields are its keys."""

from __future__ import annotations

from typing import Any

import pytest

from constitution_hooks.core.config import Settings
from constitution_hooks.core.options import Section
from constitution_hooks.rules import docs, fastapi, migrations, waivers
from constitution_hooks.rules.coverage import SECTION as COVERAGE
from constitution_hooks.rules.coverage.gate import GateSettings

TABLES: list[tuple[Section, Any]] = [
    (docs.SECTION, docs.DocsSettings),
    (waivers.SECTION, waivers.SuppressionSettings),
    (migrations.SECTION, migrations.MigrationSettings),
    (fastapi.SECTION, fastapi.FastapiSettings),
    (COVERAGE, GateSettings),
]


@pytest.mark.parametrize(("section", "record"), TABLES, ids=lambda t: str(t)[:24])
def test_record_fields_are_the_tables_keys(section: Section, record: Any) -> None:
    fields = {name.replace("_", "-") for name in record._fields}
    assert fields == set(section.keys()) - {"enabled"}


@pytest.mark.parametrize(("section", "record"), TABLES, ids=lambda t: str(t)[:24])
def test_record_of_defaults_holds_the_defaults(section: Section, record: Any) -> None:
    table = Settings(section.defaults())
    values = table.record(record)
    for option in section.options:
        value = getattr(values, option.key.replace("-", "_"))
        default = option.default
        assert value == (tuple(default) if isinstance(default, list) else default)
