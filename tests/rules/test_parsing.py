"""CON001 and CON002: the runner's own rules for files Python cannot parse or read."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core.config import load_config
from constitution_hooks.core.runner import check_files
from constitution_hooks.rules import RULES as ALL_RULES
from constitution_hooks.rules import SECTIONS, size
from constitution_hooks.rules.parsing import RULES, SYNTAX_ERROR, UNREADABLE_FILE

# Reason: a file hook parses only when one of its rules needs the tree, so the
# runner's own rules are run beside function-size, as the hook runs them.
HOOK = (*RULES, *size.RULES)


def _codes(tmp_path: Path, data: bytes) -> list[tuple[str, str]]:
    (tmp_path / ".git").mkdir(exist_ok=True)
    path = tmp_path / "snippet.py"
    path.write_bytes(data)
    config = load_config(SECTIONS, cwd=tmp_path)
    return [
        (v.code, v.rule)
        for v in check_files([str(path)], config, HOOK, known=ALL_RULES)
    ]


def test_rules_codes_and_ids_are_con001_con002_con003_in_order() -> None:
    assert [(rule.code, rule.id) for rule in RULES] == [
        ("CON001", "syntax-error"),
        ("CON002", "unreadable-file"),
        ("CON003", "internal-error"),
    ]


def test_rules_both_run_with_every_file_hook_and_have_no_table() -> None:
    assert {(rule.hook, rule.section) for rule in RULES} == {("constitution", "")}


def test_syntax_error_documented_example_is_reported_as_con001(
    tmp_path: Path,
) -> None:
    found = _codes(tmp_path, SYNTAX_ERROR.example.encode())
    assert found == [("CON001", "syntax-error")]


def test_syntax_error_documented_fix_is_clean(tmp_path: Path) -> None:
    assert _codes(tmp_path, SYNTAX_ERROR.fix.encode()) == []


def test_unreadable_file_latin1_without_cookie_is_reported_as_con002(
    tmp_path: Path,
) -> None:
    found = _codes(tmp_path, "name = 'café'\n".encode("latin-1"))
    assert found == [("CON002", "unreadable-file")]


@pytest.mark.parametrize(
    "data",
    [
        "# -*- coding: latin-1 -*-\nname = 'café'\n".encode("latin-1"),
        "\ufeffname = 'café'\n".encode(),
    ],
)
def test_unreadable_file_cookie_or_bom_decodes_and_is_clean(
    tmp_path: Path, data: bytes
) -> None:
    assert _codes(tmp_path, data) == []


def test_unreadable_file_is_reported_for_the_whole_file() -> None:
    assert UNREADABLE_FILE.file_level
    assert not SYNTAX_ERROR.file_level
