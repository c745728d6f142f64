"""Arguments and steps every command shares: --format, --config, report()."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pytest

from constitution_hooks.commands.common import (
    add_config_argument,
    add_format_argument,
    add_output_arguments,
    config_from,
    report,
    summary,
    write_out,
)
from constitution_hooks.core.errors import UsageError
from constitution_hooks.core.reporters import REPORTERS
from constitution_hooks.core.violation import Violation

TOO_LONG = Violation("a.py", 3, 1, "CON102", "function-too-long", "too long")


def test_add_format_argument_offers_every_reporter() -> None:
    parser = argparse.ArgumentParser()
    add_format_argument(parser)
    for name in REPORTERS:
        assert parser.parse_args(["--format", name]).format == name


def test_add_format_argument_unknown_format_exits_2() -> None:
    parser = argparse.ArgumentParser()
    add_format_argument(parser)
    with pytest.raises(SystemExit) as exit_info:
        parser.parse_args(["--format", "xml"])
    assert exit_info.value.code == 2


def test_add_config_argument_default_is_none() -> None:
    parser = argparse.ArgumentParser()
    add_config_argument(parser)
    assert parser.parse_args([]).config is None


def test_config_from_config_flag_reads_that_file(tmp_path: Path) -> None:
    path = tmp_path / "custom.toml"
    path.write_text(
        "[tool.constitution.file-length]\nmax-lines = 7\n", encoding="utf-8"
    )
    config = config_from(argparse.Namespace(config=path))
    assert config.section("file-length").integer("max-lines") == 7


def test_config_from_unknown_key_raises_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "custom.toml"
    path.write_text("[tool.constitution.file-length]\nmax-line = 7\n", "utf-8")
    with pytest.raises(UsageError, match="max-line"):
        config_from(argparse.Namespace(config=path))


def test_report_no_violations_returns_0_and_prints_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert report([], "text") == 0
    assert capsys.readouterr() == ("", "")


def test_report_text_violations_return_1_with_hint_on_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert report([TOO_LONG], "text") == 1
    captured = capsys.readouterr()
    assert captured.out == "a.py:3:1: CON102 too long\n"
    assert captured.err.startswith(
        "Found 1 violation(s).\n  CON102 (function-too-long)"
    )
    assert captured.err.endswith("docs/rules/<CODE>.md\n")


def test_report_json_violations_return_1_without_hints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert report([TOO_LONG], "json") == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)[0]["code"] == "CON102"
    assert captured.err == ""


def test_summary_counts_per_rule_most_frequent_first() -> None:
    other = TOO_LONG._replace(code="CON101")
    found = [TOO_LONG, TOO_LONG, TOO_LONG, other]
    assert summary("214 files", found, 2) == (
        "checked 214 files: 3 CON102, 1 CON101 (4 new, 2 in the baseline)"
    )


def test_summary_nothing_found_says_no_violations() -> None:
    assert summary("3 files", [], 0) == "checked 3 files: no violations"


def test_report_color_always_paints_code(capsys: pytest.CaptureFixture[str]) -> None:
    args = argparse.Namespace(color="always")
    assert report([TOO_LONG], "text", args=args) == 1
    assert "\x1b[1;31mCON102\x1b[0m" in capsys.readouterr().out


def test_report_color_auto_not_a_terminal_plain(
    capsys: pytest.CaptureFixture[str],
) -> None:
    report([TOO_LONG], "text", args=argparse.Namespace(color="auto"))
    assert "\x1b[" not in capsys.readouterr().out


def test_add_output_arguments_defaults_auto_colour_and_baseline_on() -> None:
    parser = argparse.ArgumentParser()
    add_output_arguments(parser)
    args = parser.parse_args([])
    assert (args.format, args.color, args.no_baseline) == ("text", "auto", False)


def test_write_out_strict_stream_writes_name_bytes_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    monkeypatch.setattr(sys, "stdout", stream)
    write_out("caf\udce9.py:1:1: CON001 x\n")
    stream.flush()
    assert stream.buffer.getvalue() == b"caf\xe9.py:1:1: CON001 x\n"
