"""The commit-message table as one frozen, typed record."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from constitution_hooks.core.config import Settings
from constitution_hooks.rules.commit import SECTION
from constitution_hooks.rules.commit.settings import CommitSettings


def test_from_settings_every_key_becomes_a_field() -> None:
    keys = {o.key.replace("-", "_") for o in SECTION.all_options()} - {"enabled"}
    assert set(CommitSettings._fields) == keys


def test_from_settings_lists_become_tuples(
    settings: Callable[..., Settings],
) -> None:
    table = settings("commit-message", scopes=["api"], ai_allow=["^x"])
    record = CommitSettings.from_settings(table)
    assert (record.scopes, record.ai_allow, record.ai_patterns) == (
        ("api",),
        ("^x",),
        (),
    )


def test_from_settings_record_is_frozen(settings: Callable[..., Settings]) -> None:
    record = CommitSettings.from_settings(settings("commit-message"))
    with pytest.raises(AttributeError):
        record.max_length = 3  # type: ignore[misc]  # Reason: the write under test
