"""constitution waivers: every waiver in the tree with its reason."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.cli import main
from constitution_hooks.commands import waivers
from tests.conftest import git

Write = Callable[..., Path]
WAIVED = "def f():  # constitution: ignore[CON102, class-too-long] Reason: generated\n"
BARE = "x = 1  # constitution: ignore[CON101]\n"
HEADER = "# constitution: ignore-file[CON101] Reason: data table\nx = 1\n"
STRING = 's = "# constitution: ignore[CON102] Reason: no"\n'


@pytest.fixture
def tree(git_repo: Path, write: Write) -> Path:
    for name, text in (
        ("repo/a.py", WAIVED),
        ("repo/pkg/b.py", BARE + HEADER),
        ("repo/c.py", STRING),
    ):
        write(name, text)
    git(git_repo, "add", "-A")
    return git_repo


def test_main_waivers_text_lists_each_waiver_with_reason(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["waivers"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "a.py:1:11: ignore[CON102, class-too-long] Reason: generated",
        "pkg/b.py:1:8: ignore[CON101] (no reason: waives nothing, CON010)",
        "pkg/b.py:2:1: ignore-file[CON101] Reason: data table",
    ]


def test_main_waivers_json_gives_records(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["waivers", "--format", "json", "a.py"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert record == {
        "kind": "waiver",
        "path": "a.py",
        "line": 1,
        "column": 11,
        "target": 1,
        "scope": "line",
        "rules": ["CON102", "class-too-long"],
        "codes": ["CON102", "CON103"],
        "reason": "generated",
        "comment": "# constitution: ignore[CON102, class-too-long] Reason: generated",
    }


def test_main_waivers_none_prints_nothing_and_exits_0(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["waivers"]) == 0
    assert capsys.readouterr().out == ""


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    waivers.add_arguments(parser)
    return parser.parse_args(list(argv))


def test_add_arguments_no_flags_lists_text_of_every_tracked_file() -> None:
    args = _args()
    assert (args.paths, args.format, args.config) == ([], "text", None)


def test_run_given_path_lists_only_that_file(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert waivers.run(_args("pkg/b.py")) == 0
    assert [line.split(":")[0] for line in capsys.readouterr().out.splitlines()] == [
        "pkg/b.py",
        "pkg/b.py",
    ]


def test_run_undecodable_file_is_skipped_and_others_listed(
    tree: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("repo/bad.py", b"x = '\xff'  # constitution: ignore[CON101] Reason: r\n")
    assert waivers.run(_args("bad.py", "a.py")) == 0
    assert capsys.readouterr().out.splitlines() == [
        "a.py:1:11: ignore[CON102, class-too-long] Reason: generated"
    ]


SUPPRESSED = (
    "import os  # noqa: F401 -- re-exported for users\n"
    "x = f()  # type: ignore  # constitution: ignore[CON012] Reason: vendored\n"
    "if y:  # pragma: no cover\n    pass\n"
)


def test_main_waivers_lists_suppressions_beside_waivers_in_line_order(
    tree: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("repo/s.py", SUPPRESSED)
    assert main(["waivers", "s.py"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "s.py:1:12: noqa: F401 Reason: re-exported for users",
        "s.py:2:10: ignore[CON012] Reason: vendored",
        "s.py:2:10: type: ignore Reason: vendored",
        "s.py:3:8: pragma: no cover (no reason: CON012)",
    ]


def test_main_waivers_kind_suppressions_json_gives_records(
    tree: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("repo/s.py", SUPPRESSED)
    assert main(["waivers", "--kind", "suppressions", "--format", "json", "s.py"]) == 0
    first, second, _ = json.loads(capsys.readouterr().out)
    assert first == {
        "kind": "noqa",
        "path": "s.py",
        "line": 1,
        "column": 12,
        "scope": "line",
        "directive": "noqa",
        "codes": ["F401"],
        "reason": "re-exported for users",
        "comment": "# noqa: F401 -- re-exported for users",
    }
    assert (second["kind"], second["codes"], second["reason"]) == (
        "type-ignore",
        [],
        "vendored",
    )


def test_main_waivers_kind_waivers_omits_suppressions(
    tree: Path, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    write("repo/s.py", SUPPRESSED)
    assert main(["waivers", "--kind", "waivers", "s.py"]) == 0
    assert capsys.readouterr().out == "s.py:2:10: ignore[CON012] Reason: vendored\n"
