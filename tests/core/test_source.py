"""SourceFile: decoding like Python, physical line counting, definition spans."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.core.source import (
    Comment,
    Definition,
    SourceFile,
    SourceUnreadableError,
    count_lines,
    decode_source,
    read_comments,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("x = 1", 1),
        ("x = 1\n", 1),
        ("x = 1\ny = 2", 2),
        ("a\r\nb\r\n", 2),
        ("a\rb\r", 2),
        ("a\n\n\n", 3),
        ("a\x0cb\n", 1),
        ("s = '\u2028'\n", 1),
    ],
)
def test_count_lines_physical_lines_counted_like_python(
    text: str, expected: int
) -> None:
    assert count_lines(text) == expected


def test_decode_source_latin1_cookie_decodes() -> None:
    data = "# -*- coding: latin-1 -*-\nname = 'café'\n".encode("latin-1")
    assert "café" in decode_source(data)


def test_decode_source_utf8_bom_is_stripped() -> None:
    assert decode_source(b"\xef\xbb\xbfx = 1\n") == "x = 1\n"


def test_decode_source_latin1_first_line_without_cookie_raises_unreadable() -> None:
    with pytest.raises(SourceUnreadableError, match="no PEP 263 cookie"):
        decode_source("name = 'café'\n".encode("latin-1"))


def test_decode_source_bad_byte_after_line_two_names_byte_and_offset() -> None:
    data = b"a = 1\nb = 2\nname = 'caf\xe9'\n"
    with pytest.raises(SourceUnreadableError, match="utf-8: byte 0xe9 at 23"):
        decode_source(data)


def test_decode_source_unknown_cookie_raises_unreadable() -> None:
    with pytest.raises(SourceUnreadableError, match="unknown encoding"):
        decode_source(b"# coding: no-such-codec\nx = 1\n")


def test_source_text_binary_file_raises_unreadable(write: Callable[..., Path]) -> None:
    path = write("blob.py", b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(SourceUnreadableError, match="binary"):
        SourceFile(path).text  # noqa: B018 -- reading the property is the test


def test_source_data_missing_file_raises_unreadable(tmp_path: Path) -> None:
    with pytest.raises(SourceUnreadableError, match="cannot be read"):
        # Reason: reading the property is the test.
        SourceFile(tmp_path / "gone.py").data  # noqa: B018


def test_source_display_defaults_to_path(tmp_path: Path) -> None:
    assert SourceFile(tmp_path / "a.py").display == str(tmp_path / "a.py")


def test_source_tree_parsed_once_when_read_twice(
    parse: Callable[[str], SourceFile], parse_calls: list[str]
) -> None:
    source = parse("x = 1\n")
    assert source.tree is source.tree
    assert len(parse_calls) == 1


def test_definitions_decorated_function_starts_at_def_line(
    parse: Callable[[str], SourceFile],
) -> None:
    source = parse("@decorator\n@other(1)\ndef f():\n    return 1\n")
    (definition,) = source.definitions
    assert (definition.line, definition.end_line, definition.length) == (3, 4, 2)


def test_definitions_nested_and_methods_named_by_qualname(
    parse: Callable[[str], SourceFile],
) -> None:
    source = parse(
        "class Parser:\n"
        "    def parse(self):\n"
        "        def helper():\n"
        "            return 1\n"
        "        return helper()\n"
        "    class Inner:\n"
        "        pass\n"
    )
    names = [(d.kind, d.name, d.line, d.end_line) for d in source.definitions]
    assert names == [
        ("class", "Parser", 1, 7),
        ("function", "Parser.parse", 2, 5),
        ("function", "Parser.parse.helper", 3, 4),
        ("class", "Parser.Inner", 6, 7),
    ]


def test_definitions_async_function_is_a_function(
    parse: Callable[[str], SourceFile],
) -> None:
    (definition,) = parse("async def fetch():\n    return 1\n").definitions
    assert (definition.kind, definition.name) == ("function", "fetch")


def test_definitions_lambda_is_not_a_definition(
    parse: Callable[[str], SourceFile],
) -> None:
    assert parse("f = lambda x: (\n    x\n)\n").definitions == ()


def test_definitions_inside_if_block_found_with_column(
    parse: Callable[[str], SourceFile],
) -> None:
    (definition,) = parse("if True:\n    def f():\n        pass\n").definitions
    assert (definition.line, definition.column) == (2, 5)


def test_definitions_syntax_error_raises(parse: Callable[[str], SourceFile]) -> None:
    with pytest.raises(SyntaxError):
        parse("def f(:\n").definitions  # noqa: B018 -- reading the property is the test


def test_definition_length_counts_def_line_through_last_line() -> None:
    assert Definition("function", "f", 3, 1, 7).length == 5
    assert Definition("class", "A", 10, 5, 10).length == 1


def test_definitions_decorated_method_spans_from_def_line_with_qualified_name(
    parse: Callable[[str], SourceFile],
) -> None:
    text = "class A:\n    @staticmethod\n    def f():\n        return 1\n"
    assert parse(text).definitions == (
        Definition("class", "A", 1, 1, 4),
        Definition("function", "A.f", 3, 5, 4),
    )


def test_read_comments_records_own_line_and_statement_start() -> None:
    text = "# head\nf(1,\n  2)  # tail\nx = '# not a comment'\n"
    assert read_comments(text) == (
        Comment(1, 1, "# head", True, 1),
        Comment(3, 7, "# tail", False, 2),
    )


def test_read_comments_stops_at_tokenize_error_keeping_earlier() -> None:
    assert [c.line for c in read_comments("# a\nx = (\n")] == [1]


def test_source_comments_read_once_and_cached(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_text("x = 1  # note\n", encoding="utf-8")
    source = SourceFile(path)
    assert source.comments is source.comments


@pytest.mark.parametrize(
    "data",
    [b"# coding: punycode\nx = 1\n", b"# coding: undefined\nx = 1\n"],
)
def test_decode_source_codec_failing_with_unicode_error_raises_unreadable(
    data: bytes,
) -> None:
    with pytest.raises(SourceUnreadableError, match="cannot be decoded as"):
        decode_source(data)


def test_source_data_fifo_raises_not_regular_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "x.py"
    os.mkfifo(fifo)
    with pytest.raises(SourceUnreadableError, match="is not a regular file"):
        SourceFile(fifo).data  # noqa: B018 -- reading is the behaviour under test


def test_source_data_device_raises_not_regular() -> None:
    with pytest.raises(SourceUnreadableError, match="is not a regular file"):
        SourceFile(Path("/dev/null")).data  # noqa: B018 -- reading is under test
