"""Waivers: read from comments with the tokenizer, applied per file with a reason."""

from __future__ import annotations

import io
import tokenize
from collections.abc import Callable
from typing import Any

import pytest

from constitution_hooks.core.source import SourceFile
from constitution_hooks.core.violation import Violation
from constitution_hooks.core.waivers import (
    Waiver,
    apply_waivers,
    read_waivers,
    rule_names,
)
from constitution_hooks.rules import RULES

Parse = Callable[[str], SourceFile]
CHECKED = frozenset({"CON101", "CON102", "CON103"})
NAMES = rule_names(RULES)


def long_at(source: SourceFile, line: int, code: str = "CON102") -> Violation:
    rule = {"CON101": "file-too-long", "CON102": "function-too-long"}[code]
    return Violation(source.display, line, 1, code, rule, "too long")


def codes(found: list[Violation]) -> list[tuple[int, str]]:
    return [(v.line, v.code) for v in found]


def test_read_waivers_code_and_reason_parsed() -> None:
    (waiver,) = read_waivers("def f():  # constitution: ignore[CON102] Reason: gen\n")
    assert (waiver.line, waiver.target, waiver.names, waiver.reason) == (
        1,
        1,
        ("CON102",),
        "gen",
    )


def test_read_waivers_several_names_and_ids_listed() -> None:
    text = "x = 1  # constitution: ignore[CON102, class-too-long] Reason: r\n"
    assert read_waivers(text)[0].names == ("CON102", "class-too-long")


def test_read_waivers_inside_string_is_not_a_waiver() -> None:
    text = 's = "# constitution: ignore[CON102] Reason: no"\n'
    assert read_waivers(text) == []


def test_read_waivers_prose_mentioning_ignored_is_not_a_waiver() -> None:
    assert read_waivers("x = 1  # constitution: ignored on purpose\n") == []


def test_read_waivers_standalone_comment_targets_next_code_line() -> None:
    text = "# constitution: ignore[CON102] Reason: r\n# more\n\ndef f():\n    pass\n"
    assert read_waivers(text)[0].target == 4


def test_read_waivers_file_level_before_first_statement_in_header() -> None:
    text = '"""Doc."""\n# constitution: ignore-file[CON101] Reason: data\nx = 1\n'
    (waiver,) = read_waivers(text)
    assert (waiver.file_level, waiver.in_header) == (True, True)


def test_read_waivers_file_level_after_code_not_in_header() -> None:
    text = "x = 1\n# constitution: ignore-file[CON101] Reason: data\n"
    assert read_waivers(text)[0].in_header is False


def test_read_waivers_broken_file_keeps_comments_before_error() -> None:
    text = "x = 1  # constitution: ignore[CON102] Reason: r\ny = (\n"
    assert [w.line for w in read_waivers(text)] == [1]


def test_apply_waivers_matching_code_waives_violation(parse: Parse) -> None:
    source = parse("def f():  # constitution: ignore[CON102] Reason: generated\n")
    assert apply_waivers(source, [long_at(source, 1)], CHECKED, RULES) == []


def test_apply_waivers_rule_id_waives_violation(parse: Parse) -> None:
    source = parse("def f():  # constitution: ignore[function-too-long] Reason: r\n")
    assert apply_waivers(source, [long_at(source, 1)], CHECKED, RULES) == []


def test_apply_waivers_lowercase_code_waives_violation(parse: Parse) -> None:
    source = parse("def f():  # constitution: ignore[con102] Reason: r\n")
    assert apply_waivers(source, [long_at(source, 1)], CHECKED, RULES) == []


def test_apply_waivers_standalone_above_decorators_waives_def_line(
    parse: Parse,
) -> None:
    source = parse(
        "# constitution: ignore[CON102] Reason: r\n@a\n@b(\n    1,\n)\ndef f():\n"
        "    pass\n"
    )
    assert apply_waivers(source, [long_at(source, 6)], CHECKED, RULES) == []


def test_apply_waivers_other_line_keeps_violation_and_reports_unused(
    parse: Parse,
) -> None:
    source = parse("x = 1  # constitution: ignore[CON102] Reason: r\ndef f():\n")
    found = apply_waivers(source, [long_at(source, 2)], CHECKED, RULES)
    assert codes(found) == [(1, "CON011"), (2, "CON102")]


@pytest.mark.parametrize(
    "comment",
    [
        "# constitution: ignore[CON102]",
        "# constitution: ignore[CON102] Reason:",
        "# constitution: ignore[CON102] Reason:   ",
        "# constitution: ignore[CON102] because",
    ],
)
def test_apply_waivers_missing_reason_waives_nothing_and_reports_con010(
    parse: Parse, comment: str
) -> None:
    source = parse(f"def f():  {comment}\n")
    found = apply_waivers(source, [long_at(source, 1)], CHECKED, RULES)
    assert codes(found) == [(1, "CON102"), (1, "CON010")]


def test_apply_waivers_missing_reason_message_says_how_to_fix(parse: Parse) -> None:
    source = parse("def f():  # constitution: ignore[CON102]\n")
    found = apply_waivers(source, [], CHECKED, RULES)
    assert "Reason: <why>" in found[0].message


def test_apply_waivers_no_rule_named_reports_con010(parse: Parse) -> None:
    source = parse("def f():  # constitution: ignore Reason: r\n")
    assert codes(apply_waivers(source, [], CHECKED, RULES)) == [(1, "CON010")]


def test_apply_waivers_unused_waiver_reports_con011(parse: Parse) -> None:
    source = parse("def f():  # constitution: ignore[CON102] Reason: r\n")
    (found,) = apply_waivers(source, [], CHECKED, RULES)
    assert (found.code, found.rule) == ("CON011", "unused-waiver")
    assert "CON102" in found.message


def test_apply_waivers_unused_for_unchecked_rule_not_reported(parse: Parse) -> None:
    source = parse("def f():  # constitution: ignore[CON002] Reason: r\n")
    assert apply_waivers(source, [], CHECKED, RULES) == []


def test_apply_waivers_unknown_rule_reported_con011(parse: Parse) -> None:
    source = parse("def f():  # constitution: ignore[CON999] Reason: r\n")
    (found,) = apply_waivers(source, [], CHECKED, RULES)
    assert (found.code, "unknown rule 'CON999'" in found.message) == ("CON011", True)


def test_apply_waivers_cannot_silence_con010_or_con011(parse: Parse) -> None:
    source = parse("x = 1  # constitution: ignore[CON010, CON011] Reason: r\n")
    own = Violation(source.display, 1, 1, "CON010", "waiver-without-reason", "m")
    found = apply_waivers(source, [own], CHECKED, RULES)
    assert codes(found) == [(1, "CON010"), (1, "CON011")]


def test_apply_waivers_file_level_waives_file_rule_anywhere(parse: Parse) -> None:
    source = parse("# constitution: ignore-file[CON101] Reason: data table\nx = 1\n")
    assert apply_waivers(source, [long_at(source, 501, "CON101")], CHECKED, RULES) == []


def test_apply_waivers_file_level_does_not_waive_line_rule(parse: Parse) -> None:
    source = parse("# constitution: ignore-file[CON102] Reason: r\ndef f():\n")
    found = apply_waivers(source, [long_at(source, 2)], CHECKED, RULES)
    assert codes(found) == [(1, "CON011"), (2, "CON102")]
    assert "not a file-level rule" in found[0].message


def test_apply_waivers_file_level_below_code_waives_nothing(parse: Parse) -> None:
    source = parse("x = 1\n# constitution: ignore-file[CON101] Reason: r\n")
    found = apply_waivers(source, [long_at(source, 501, "CON101")], CHECKED, RULES)
    assert codes(found) == [(2, "CON011"), (501, "CON101")]


def test_apply_waivers_syntax_error_file_unused_not_reported(parse: Parse) -> None:
    source = parse("def f(:  # constitution: ignore[CON102] Reason: r\n")
    broken = Violation(source.display, 1, 7, "CON001", "syntax-error", "m")
    assert apply_waivers(source, [broken], CHECKED, RULES) == [broken]


def test_apply_waivers_without_marker_never_tokenizes(
    parse: Parse, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Any] = []
    real = tokenize.generate_tokens

    def counting(readline: Callable[[], str]) -> Any:
        calls.append(readline)
        return real(readline)

    monkeypatch.setattr(tokenize, "generate_tokens", counting)
    source = parse("def f():\n    pass\n")
    apply_waivers(source, [long_at(source, 1)], CHECKED, RULES)
    assert calls == []
    list(tokenize.generate_tokens(io.StringIO("x\n").readline))
    assert len(calls) == 1


def test_apply_waivers_unreadable_file_returns_violations(write: Any) -> None:
    path = write("bin.py", b"\x00\x01")
    source = SourceFile(path, "bin.py")
    unreadable = Violation("bin.py", 1, 1, "CON002", "unreadable-file", "m")
    assert apply_waivers(source, [unreadable], CHECKED, RULES) == [unreadable]


def _waiver(names: tuple[str, ...]) -> Waiver:
    return Waiver(1, 8, 1, names, "r", False, False, "# constitution: ignore[...]")


def test_waiver_codes_rule_ids_and_lowercase_codes_map_to_codes() -> None:
    waiver = _waiver(("function-too-long", "con101", "CON103"))
    assert waiver.codes(NAMES) == ("CON102", "CON101", "CON103")


def test_waiver_unknown_lists_only_names_matching_no_rule() -> None:
    waiver = _waiver(("CON102", "CON999", "no-such-rule"))
    assert waiver.unknown(NAMES) == ("CON999", "no-such-rule")
    assert waiver.codes(NAMES) == ("CON102",)


def test_rule_names_code_and_id_map_to_code() -> None:
    names = rule_names(RULES)
    assert names["CON102"] == "CON102"
    assert names["function-too-long"] == "CON102"
