"""Adding [tool.constitution] and the peer tables to pyproject.toml, losing no key."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from constitution_hooks.commands.init.pyproject_table import (
    Merged,
    Table,
    default_table,
    lookup,
    merge_pyproject,
    parse,
    strings,
    table,
)
from constitution_hooks.core.config import load_config
from constitution_hooks.core.errors import UsageError
from constitution_hooks.rules import SECTIONS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover -- exercised by the 3.10 test matrix
    import tomli as tomllib

EXISTING = '[project]\nname = "app"  # keep\n\n[tool.black]\nline-length = 88'
UV = Table("tool.uv", (("add-bounds", '"exact"'),), "pin")
MYPY = Table("tool.mypy", (("strict", "true"), ("files", '["src"]')))


def test_default_table_lists_every_option_commented_with_default() -> None:
    table = default_table(SECTIONS)
    assert "# [tool.constitution.function-size]" in table
    assert "# max-function-lines = 49" in table
    assert "# exclude = []" in table


def test_merge_pyproject_no_file_creates_valid_table() -> None:
    merged = merge_pyproject(None, SECTIONS)
    assert tomllib.loads(merged.text)["tool"]["constitution"] == {}
    assert merged.changes == ["added a commented [tool.constitution] with the defaults"]


def test_merge_pyproject_existing_appends_and_keeps_every_line() -> None:
    text = merge_pyproject(EXISTING, SECTIONS).text
    assert text.startswith(EXISTING + "\n\n")
    assert tomllib.loads(text)["tool"]["black"] == {"line-length": 88}


def test_merge_pyproject_existing_table_left_alone() -> None:
    start = "[tool.constitution.file-length]\nmax-lines = 300\n"
    assert merge_pyproject(start, SECTIONS) == Merged(start, [], [])


def test_merge_pyproject_twice_changes_nothing() -> None:
    once = merge_pyproject(EXISTING, SECTIONS, [UV, MYPY]).text
    assert merge_pyproject(once, SECTIONS, [UV, MYPY]) == (once, [], [])


def test_merge_pyproject_result_loads_as_config(tmp_path: Path) -> None:
    text = merge_pyproject(None, SECTIONS, [UV, MYPY]).text
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    assert load_config(SECTIONS, cwd=tmp_path).exclude == ()


def test_merge_pyproject_invalid_toml_refused() -> None:
    with pytest.raises(UsageError, match=r"pyproject\.toml: not valid TOML"):
        merge_pyproject("[project\nname = 1\n", SECTIONS)


def test_merge_pyproject_missing_table_appended_with_its_note() -> None:
    merged = merge_pyproject(EXISTING, [], [UV])
    assert merged.text.endswith('\n# pin\n[tool.uv]\nadd-bounds = "exact"\n')
    assert "added [tool.uv]" in merged.changes


def test_merge_pyproject_missing_key_goes_under_the_header() -> None:
    start = "[tool.mypy]  # ours\nstrict = false\n\n[tool.other]\nx = 1\n"
    merged = merge_pyproject(start, [], [MYPY])
    assert merged.text.startswith(
        '[tool.mypy]  # ours\nfiles = ["src"]\nstrict = false\n'
    )
    assert lookup(parse(merged.text), "tool.mypy.strict") is False
    assert merged.changes[-1] == "added files to [tool.mypy]"


def test_merge_pyproject_crlf_file_stays_crlf() -> None:
    start = '[project]\r\nname = "app"\r\n\r\n[tool.mypy]\r\nstrict = true\r\n'
    text = merge_pyproject(start, SECTIONS, [UV, MYPY]).text
    assert text.startswith(start[:30])
    assert "\n" not in text.replace("\r\n", "")


@pytest.mark.parametrize(
    "start",
    [
        "tool = { black = { line-length = 88 } }\n",
        "[tool]\nmypy.strict = true\n",
    ],
)
def test_merge_pyproject_unextendable_table_gives_lines_to_add(start: str) -> None:
    merged = merge_pyproject(start, [], [MYPY])
    assert lookup(parse(merged.text), "tool.mypy") == lookup(parse(start), "tool.mypy")
    assert {"[tool.mypy]", 'files = ["src"]'} <= set(merged.manual)


def test_merge_pyproject_implicit_table_header_appended() -> None:
    start = "[tool.mypy.overrides]\nx = 1\n"
    merged = merge_pyproject(start, [], [MYPY])
    assert lookup(parse(merged.text), "tool.mypy.strict") is True
    assert merged.manual == []


def test_lookup_quoted_dotted_key_found() -> None:
    document = parse('[a]\n"logging.getLogger".msg = "no"\n')
    assert lookup(document, 'a."logging.getLogger".msg') == "no"


def test_table_not_a_table_is_empty() -> None:
    document = parse("[tool]\nruff = 1\n[tool.mypy]\nstrict = true\n")
    assert (table(document, "tool.ruff"), table(document, "tool.mypy")) == (
        {},
        {"strict": True},
    )


@pytest.mark.parametrize(
    ("value", "found"), [(["a", 1], ("a", "1")), ("a", ()), (5, ())]
)
def test_strings_only_a_list_counts(value: object, found: tuple[str, ...]) -> None:
    assert strings(value) == found
