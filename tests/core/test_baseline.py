"""The baseline: fingerprints, matching, shrink-only update, stale entries, file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from constitution_hooks.core.baseline import (
    BASELINE_FILE,
    Entry,
    Fingerprinter,
    Split,
    Update,
    dumps,
    read,
    relative_path,
    split,
    stale,
    update,
    write,
)
from constitution_hooks.core.errors import UsageError
from constitution_hooks.core.source import SourceFile
from constitution_hooks.core.violation import Violation

SIZED = frozenset({"CON101", "CON102", "CON103"})
FILE_LEVEL = frozenset({"CON101", "CON201"})
CLASS = "class Parser:\n    def parse(self):\n        return 1\n"


def _finger(root: Path) -> Fingerprinter:
    return Fingerprinter(root, FILE_LEVEL, SIZED)


def _v(path: Path, line: int, code: str = "CON102") -> Violation:
    return Violation(str(path), line, 1, code, "rule", "message")


def test_entries_function_finding_anchored_on_qualified_name_with_size(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.py"
    path.write_text(CLASS, encoding="utf-8")
    [entry] = _finger(tmp_path).entries([_v(path, 2)])
    assert entry == Entry("CON102", "a.py", "symbol", "Parser.parse", 0, 2)


@pytest.mark.parametrize(
    ("code", "line", "kind", "anchor", "size"),
    [
        ("CON101", 3, "file", "", 3),
        ("CON201", 1, "file", "", None),
        ("CON103", 1, "symbol", "Parser", 3),
        ("CON203", 1, "symbol", "Parser", None),
        ("CON010", 3, "line", "return 1", None),
        ("CON001", 9, "line", "", None),
    ],
)
def test_entries_rule_kinds_anchor_as_expected(
    tmp_path: Path, code: str, line: int, kind: str, anchor: str, size: int | None
) -> None:
    path = tmp_path / "a.py"
    path.write_text(CLASS, encoding="utf-8")
    [entry] = _finger(tmp_path).entries([_v(path, line, code)])
    assert (entry.kind, entry.anchor, entry.size) == (kind, anchor, size)


def test_entries_function_moved_within_file_same_fingerprint(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_text(CLASS, encoding="utf-8")
    before = _finger(tmp_path).entries([_v(path, 2)])
    path.write_text("import os\n\n\n" + CLASS, encoding="utf-8")
    assert _finger(tmp_path).entries([_v(path, 5)]) == before


def test_entries_same_line_twice_counted_by_occurrence(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_text("x = 1  # w\nx = 1  # w\n", encoding="utf-8")
    entries = _finger(tmp_path).entries([_v(path, 2, "CON010"), _v(path, 1, "CON010")])
    assert [e.occurrence for e in entries] == [1, 0]
    assert entries[0].anchor == "x = 1 # w"


def test_entries_file_does_not_parse_falls_back_to_line(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_text("def f(:\n", encoding="utf-8")
    [entry] = _finger(tmp_path).entries([_v(path, 1, "CON001")])
    assert (entry.kind, entry.anchor) == ("line", "def f(:")


def test_entries_history_rule_anchored_on_commit_of_message(tmp_path: Path) -> None:
    finger = Fingerprinter(tmp_path, {"CON206"}, (), by_commit={"CON206"})
    found = Violation("m.py", 1, 1, "CON206", "r", 'commit 1a2b3c4 "x": module m')
    [entry] = finger.entries([found])
    assert (entry.kind, entry.anchor, entry.occurrence) == ("commit", "1a2b3c4", 0)


def test_relative_path_relative_to_root_with_slashes(tmp_path: Path) -> None:
    assert relative_path(str(tmp_path / "p" / "a.py"), tmp_path) == "p/a.py"


RECORDED = Entry("CON102", "a.py", "symbol", "f", 0, 63)
VIOLATION = Violation("a.py", 9, 1, "CON102", "function-too-long", "m")


@pytest.mark.parametrize(
    ("found", "baselined"),
    [
        (RECORDED, True),
        (RECORDED._replace(size=40), True),
        (RECORDED._replace(size=70), False),
        (RECORDED._replace(anchor="g"), False),
        (RECORDED._replace(occurrence=1), False),
        (RECORDED._replace(path="b.py"), False),
        (RECORDED._replace(code="CON103"), False),
    ],
)
def test_split_fingerprint_and_size_decide_baselined(
    found: Entry, baselined: bool
) -> None:
    result = split([VIOLATION], [found], [RECORDED])
    assert isinstance(result, Split)
    assert (result.skipped, result.new) == ((1, []) if baselined else (0, [VIOLATION]))


def test_update_fixed_finding_leaves_new_one_refused() -> None:
    fresh = RECORDED._replace(anchor="g")
    assert update([RECORDED], [fresh], allow_growth=False) == Update([], 1, 0, 1)


def test_update_allow_growth_admits_new_finding() -> None:
    fresh = RECORDED._replace(anchor="g")
    assert update([RECORDED], [fresh], allow_growth=True) == ([fresh], 1, 1, 0)


def test_update_shrunk_function_records_smaller_size() -> None:
    smaller = RECORDED._replace(size=55)
    assert update([RECORDED], [smaller], allow_growth=False).entries == [smaller]


def test_update_grown_function_refused_keeps_nothing() -> None:
    grown = RECORDED._replace(size=70)
    result = update([RECORDED], [grown], allow_growth=False)
    assert (result.entries, result.refused) == ([], 1)


def test_stale_entry_matching_nothing_reported() -> None:
    other = RECORDED._replace(anchor="g")
    assert stale([RECORDED, other], [other]) == [RECORDED]


def test_dumps_sorted_one_entry_a_line() -> None:
    b = Entry("CON010", "b.py", "line", "x = 1", 0)
    text = dumps([b, RECORDED])
    lines = text.splitlines()
    assert lines[3] == (
        '    {"code": "CON010", "path": "b.py", "line": "x = 1", "occurrence": 0},'
    )
    assert lines[4].startswith('    {"code": "CON102"')
    assert dumps([RECORDED, b]) == text


def test_write_then_read_round_trips(tmp_path: Path) -> None:
    path = tmp_path / BASELINE_FILE
    entries = [RECORDED, Entry("CON201", "m.py", "file", "", 0)]
    write(path, entries)
    assert read(path) == sorted(entries)


def test_read_missing_file_returns_none(tmp_path: Path) -> None:
    assert read(tmp_path / BASELINE_FILE) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ("[]", "not a baseline of format 1"),
        ('{"version": 1, "findings": {}}', '"findings" must be a list'),
        ('{"version": 1, "findings": [3]}', "findings[0]: expected an object"),
        ('{"version": 1, "findings": [{"code": "C"}]}', "code and path are required"),
        (
            '{"version": 1, "findings": [{"code": "C", "path": "a", "x": 1}]}',
            "unknown key 'x'",
        ),
        (
            '{"version": 1, "findings": [{"code": "C", "path": "a", "size": "9"}]}',
            "size must be int",
        ),
        (
            '{"version": 1, "findings": [{"code": "C", "path": 1}]}',
            "path must be str",
        ),
        (
            '{"version": 1, "findings":'
            ' [{"code": "C", "path": "a", "occurrence": -1}]}',
            "occurrence must be >= 0",
        ),
        (
            '{"version": 1, "findings": [{"code": "C", "path": "a", "symbol": "f",'
            ' "line": "x"}]}',
            "one of symbol, line or commit",
        ),
    ],
)
def test_read_broken_file_raises_usage_error(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / BASELINE_FILE
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match=message.replace("[", r"\[")):
        read(path)


def test_read_undecodable_file_raises_usage_error(tmp_path: Path) -> None:
    path = tmp_path / BASELINE_FILE
    path.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(UsageError, match="cannot read the baseline"):
        read(path)


def test_write_into_missing_folder_raises_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot write the baseline"):
        write(tmp_path / "no" / BASELINE_FILE, [])


def test_dumps_is_valid_json_of_records() -> None:
    document = json.loads(dumps([RECORDED]))
    assert document["findings"] == [RECORDED.record()]


def test_anchor_then_entries_match_entries_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_text(CLASS, encoding="utf-8")
    finger = _finger(tmp_path)
    anchored = finger.anchor(_v(path, 2), SourceFile(path))
    assert (anchored.anchor, anchored.size) == ("symbol:Parser.parse", 2)
    expected = finger.entries([_v(path, 2)])
    path.unlink()
    assert finger.entries([anchored]) == expected


def test_check_files_with_anchors_fills_them_in_worker(tmp_path: Path) -> None:
    from constitution_hooks.core.config import load_config
    from constitution_hooks.core.runner import check_files
    from constitution_hooks.rules import RULES, SECTIONS

    (tmp_path / ".git").mkdir()
    path = tmp_path / "a.py"
    path.write_text("x = 1\n" * 501, encoding="utf-8")
    config = load_config(SECTIONS, cwd=tmp_path)
    [found] = check_files(
        [str(path)], config, RULES, known=RULES, anchors=_finger(tmp_path)
    )
    assert (found.code, found.anchor, found.size) == ("CON101", "file:", 501)
