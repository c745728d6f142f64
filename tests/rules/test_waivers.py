"""CON010 and CON011: waivers need a written reason and must waive something."""

from __future__ import annotations

from pathlib import Path

from constitution_hooks.core.config import load_config
from constitution_hooks.core.runner import check_files
from constitution_hooks.rules import RULES as ALL_RULES
from constitution_hooks.rules import SECTIONS
from constitution_hooks.rules.waivers import (
    KINDS,
    RULES,
    SECTION,
    SUPPRESSION_WITHOUT_REASON,
    UNUSED_WAIVER,
    WAIVER_WITHOUT_REASON,
)

LONG_DEF = "def f():{waiver}\n" + "    x = 1\n" * 49 + "    return x\n"


def _codes(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / ".git").mkdir(exist_ok=True)
    path = tmp_path / "snippet.py"
    path.write_text(text, encoding="utf-8")
    config = load_config(SECTIONS, cwd=tmp_path)
    return [
        v.code for v in check_files([str(path)], config, ALL_RULES, known=ALL_RULES)
    ]


def test_rules_codes_and_ids_are_con010_to_con012() -> None:
    assert [(rule.code, rule.id) for rule in RULES] == [
        ("CON010", "waiver-without-reason"),
        ("CON011", "unused-waiver"),
        ("CON012", "suppression-without-reason"),
    ]


def test_waiver_without_reason_documented_example_is_reported(
    tmp_path: Path,
) -> None:
    assert "CON010" in _codes(tmp_path, WAIVER_WITHOUT_REASON.example)


def test_waiver_without_reason_waives_nothing_so_violation_stays(
    tmp_path: Path,
) -> None:
    text = LONG_DEF.format(waiver="  # constitution: ignore[CON102]")
    assert _codes(tmp_path, text) == ["CON102", "CON010"]


def test_waiver_with_reason_on_real_violation_reports_nothing(tmp_path: Path) -> None:
    text = LONG_DEF.format(waiver="  # constitution: ignore[CON102] Reason: table")
    assert _codes(tmp_path, text) == []


def test_unused_waiver_stale_waiver_on_short_function_is_reported(
    tmp_path: Path,
) -> None:
    text = "def short():  # constitution: ignore[CON102] Reason: was long\n    pass\n"
    assert _codes(tmp_path, text) == ["CON011"]


def test_unused_waiver_documented_fix_without_waiver_is_clean(tmp_path: Path) -> None:
    assert _codes(tmp_path, UNUSED_WAIVER.fix + "    pass\n") == []


def test_unused_waiver_unknown_rule_name_is_reported(tmp_path: Path) -> None:
    text = "x = 1  # constitution: ignore[CON999] Reason: no such rule\n"
    assert _codes(tmp_path, text) == ["CON011"]


def test_suppression_without_reason_documented_example_reports_each_line(
    tmp_path: Path,
) -> None:
    assert _codes(tmp_path, SUPPRESSION_WITHOUT_REASON.example) == ["CON012"] * 3


def test_suppression_without_reason_documented_fix_is_clean(tmp_path: Path) -> None:
    assert _codes(tmp_path, SUPPRESSION_WITHOUT_REASON.fix) == []


def test_suppression_without_reason_waived_with_reason_reports_nothing(
    tmp_path: Path,
) -> None:
    text = (
        "# constitution: ignore[CON012] Reason: vendored file, kept as upstream\n"
        "import yaml  # type: ignore\n"
    )
    assert _codes(tmp_path, text) == []


def test_section_kinds_default_lists_every_kind() -> None:
    kinds = next(o for o in SECTION.options if o.key == "kinds")
    assert (kinds.default, kinds.check(["noqa"]), kinds.check(["pylint"])) == (
        KINDS,
        True,
        False,
    )
