"""CON101 file-too-long: 500 passes, 501 fails, at the first line past the limit."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from constitution_hooks.core.config import Settings
from constitution_hooks.core.source import SourceFile
from constitution_hooks.rules.size.file_length import check_file_length

Parse = Callable[[str], SourceFile]


def test_check_file_length_500_lines_passes(
    parse: Parse, settings: Callable[..., Settings]
) -> None:
    source = parse("x = 1\n" * 500)
    assert list(check_file_length(source, settings("file-length"))) == []


def test_check_file_length_501_lines_fails_at_line_501(
    parse: Parse, settings: Callable[..., Settings]
) -> None:
    (finding,) = check_file_length(parse("x = 1\n" * 501), settings("file-length"))
    assert (finding.line, finding.column) == (501, 1)
    assert finding.message.startswith("file is 501 lines long (limit 500)")


def test_check_file_length_last_line_without_newline_counts(
    parse: Parse, settings: Callable[..., Settings]
) -> None:
    source = parse("x = 1\n" * 500 + "y = 2")
    assert len(list(check_file_length(source, settings("file-length")))) == 1


@pytest.mark.parametrize(("lines", "fails"), [(500, False), (501, True)])
def test_check_file_length_crlf_counts_like_lf(
    parse: Parse, settings: Callable[..., Settings], lines: int, fails: bool
) -> None:
    source = parse("x = 1\r\n" * lines)
    assert bool(list(check_file_length(source, settings("file-length")))) is fails


def test_check_file_length_configured_limit_applies(
    parse: Parse, settings: Callable[..., Settings]
) -> None:
    (finding,) = check_file_length(
        parse("a\nb\nc\n"), settings("file-length", max_lines=2)
    )
    assert (finding.line, finding.message[:30]) == (3, "file is 3 lines long (limit 2)")
