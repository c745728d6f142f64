"""The catalogue's data: size, shape, and an evidence comment on every entry."""

from __future__ import annotations

import inspect
import re

import pytest

from constitution_hooks.rules.commit import ai_catalogue, ai_models
from constitution_hooks.rules.commit.ai_catalogue import REVIEW_BOT, TOOL, Entry, tool

ENTRIES = (*ai_catalogue.TOOLS, *ai_models.VENDORS, *ai_models.MODELS)
ENTRIES += ai_models.GATEWAYS


def test_tools_catalogue_has_at_least_40_tools_and_bots() -> None:
    assert len([e for e in ai_catalogue.TOOLS if e.kind in (TOOL, REVIEW_BOT)]) >= 40


def test_tool_shorthand_splits_lists() -> None:
    entry = tool("X", "x|x ai", addresses="a@x.dev", logins="x-bot", prefixes="x:")
    assert entry == Entry(TOOL, "X", ("x", "x ai"), ("a@x.dev",), ("x-bot",), ("x:",))


@pytest.mark.parametrize("module", [ai_catalogue, ai_models])
def test_every_entry_has_an_evidence_comment(module: object) -> None:
    # Reason: the parametrised modules are typed as plain objects.
    lines = inspect.getsource(module).splitlines()  # type: ignore[arg-type]
    starts = [i for i, line in enumerate(lines) if re.match(r"\s+tool\(", line)]
    missing = [lines[i] for i in starts if "# Evidence:" not in "\n".join(lines[:i])]
    uncommented = [
        lines[i].strip() for i in starts if not lines[i - 1].strip().startswith("#")
    ]
    assert (missing, uncommented) == ([], [])


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry.name)
def test_every_entry_is_well_formed(entry: Entry) -> None:
    assert entry.spellings
    for spelling in entry.spellings:
        assert spelling == spelling.lower(), spelling
        assert re.fullmatch(r"[~!^%#]?[a-z0-9][a-z0-9 ./-]*", spelling), spelling
    for address in entry.addresses:
        assert re.fullmatch(r"[a-z0-9.+-]+@[a-z0-9.-]+\.[a-z]+", address), address
    assert all(login == login.lower() for login in entry.logins)


def test_no_non_ai_bot_is_in_the_catalogue() -> None:
    logins = {login for entry in ENTRIES for login in entry.logins}
    robots = {"dependabot", "renovate", "pre-commit-ci", "github-actions"}
    assert not logins & robots
