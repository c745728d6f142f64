"""Comments read on chosen lines only: the same comments the whole-file read finds."""

from __future__ import annotations

import ast
import tokenize
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from constitution_hooks.core.comments import clean_start, comments_on, read_comments_on
from constitution_hooks.core.source import Comment, SourceFile, read_comments

# Reason: each snippet is a boundary the windowed read relies on; every line of
# every snippet is compared with the whole-file tokenizer, the reference.
SNIPPETS = {
    "hash in a string": 's = "# noqa"\nt = "# noqa"  # real\n',
    "triple-quoted string": 'x = 1\ns = """\n# noqa\n  # noqa\n"""  # after\ny = 2\n',
    "docstring in a method": (
        'class A:\n    def f(self):\n        """Doc.\n\n        # noqa\n'
        '        """\n        return 1  # noqa\n'
    ),
    "comment in brackets": "f(\n    1,\n    # noqa: E501\n    2,\n)  # tail\n",
    "statement start": "x = [\n    1,\n]  # noqa\n",
    "compound header": "if (a and\n        b):  # noqa\n    pass\n",
    "one-line compound": "if a: b = (1,\n  2)  # noqa\n",
    "semicolon chain": "a = (1,\n  2); b = 3  # noqa\n",
    "backslash": "x = 1 + \\\n    2  # noqa\n",
    "backslash then semicolon": "x = 1; \\\ny = 2  # noqa\n",
    "backslash then comment line": "x = 1 \\\n# noqa\n",
    "comment ending in backslash": "# C:\\\nx = 1  # noqa\n",
    "else after deeper body": (
        "if a:\n    if b:\n        pass\nelse:  # noqa\n    pass\n"
    ),
    "decorator after deeper body": (
        "class A:\n    def f(self):\n        if x:\n            return 1\n\n"
        '    @dec("# noqa")  # real\n    def g(self):\n        pass\n'
    ),
    "implicit concatenation": 'x = ("a"  # noqa\n     "b"\n     # own\n     "c")\n',
    "first and last line": "# noqa\nx = 1\n# noqa",
    "crlf": "x = 1  # noqa\r\nif a:\r\n    # own\r\n    pass\r\n",
    "lone carriage returns": "x = 1  # noqa\ry = '#'  # b\r",
    "tabs and form feed": "if a:\n\tx = 1  # noqa\n\x0cy = 2  # b\n",
    "match": "match x:\n    case 1:  # noqa\n        pass\n    case _:\n        pass\n",
    "try clauses": (
        "try:\n    a()\nexcept E:  # noqa\n    pass\nfinally:  # b\n    pass\n"
    ),
    "f-string": 'x = f"{a!r} # noqa"  # real\n',
    "raw string with escaped quote": 'x = r"\\"# noqa"  # real\n',
    "single quotes continued": "x = 'abc\\\n# noqa'\ny = 1  # real\n",
    "non-ascii before comment": 's = "é"  # noqa\n',
    "nested function": (
        "def f():\n    def g():\n        return 1  # noqa\n    # own\n    return g\n"
    ),
}


def _reference(text: str, line: int) -> tuple[Comment, ...]:
    return tuple(c for c in read_comments(text) if c.line == line)


def _tree(text: str) -> ast.Module | None:
    try:
        return ast.parse(text)
    except SyntaxError:
        return None


@pytest.mark.parametrize("text", SNIPPETS.values(), ids=SNIPPETS.keys())
def test_read_comments_on_every_single_line_equals_whole_file_read(text: str) -> None:
    tree = _tree(text)
    for line in range(1, text.count("\n") + text.count("\r") + 2):
        assert read_comments_on(text, [line], tree) == _reference(text, line), line


@pytest.mark.parametrize("text", SNIPPETS.values(), ids=SNIPPETS.keys())
def test_read_comments_on_all_lines_equals_whole_file_read(text: str) -> None:
    lines = range(1, text.count("\n") + text.count("\r") + 2)
    assert read_comments_on(text, lines, _tree(text)) == read_comments(text)


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ('s = "# noqa"\n', 1, ()),
        ('"""\n# noqa\n"""\n', 2, ()),
        ('s = """a\n"""  # b\n', 2, (Comment(2, 6, "# b", False, 1),)),
        ("f(\n    # noqa\n    1)\n", 2, (Comment(2, 5, "# noqa", True, 1),)),
        ("x = 1; \\\ny = 2  # c\n", 2, (Comment(2, 8, "# c", False, 1),)),
        ("if a: b = 1  # c\n", 1, (Comment(1, 14, "# c", False, 1),)),
        ('x = ("a"  # c\n     "b")\n', 1, (Comment(1, 11, "# c", False, 1),)),
    ],
)
def test_read_comments_on_boundary_cases_give_pinned_comment(
    text: str, line: int, expected: tuple[Comment, ...]
) -> None:
    assert read_comments_on(text, [line], ast.parse(text)) == expected


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("x = 1\ny = [\n    2,\n]\n", 3, 2),
        ("if a:\n    b = 1\n    c = 2\n", 3, 3),
        ("if a: b = 1\n", 1, 1),
        ("a = 1; b = 2\n", 1, 1),
        ("x = 1; \\\ny = 2\n", 2, 1),
        ("try:\n    pass\nexcept E:\n    pass\n", 3, 3),
        ("match x:\n    case 1:\n        y = 1\n", 3, 3),
        ("# only a comment\n", 1, 1),
    ],
)
def test_clean_start_snippet_gives_pinned_line(
    text: str, line: int, expected: int
) -> None:
    assert clean_start(ast.parse(text), text.split("\n"), line) == expected


def test_read_comments_on_syntax_error_reads_like_whole_file() -> None:
    text = "# a\nx = (\n# b\n"
    assert read_comments_on(text, [1, 3], None) == read_comments(text)


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    fed: list[str] = []
    real = tokenize.generate_tokens

    def generate(readline: Callable[[], str]) -> Iterator[tokenize.TokenInfo]:
        def counted() -> str:
            line = readline()
            fed.append(line)
            return line

        return real(counted)

    monkeypatch.setattr(tokenize, "generate_tokens", generate)
    return fed


def test_read_comments_on_long_file_tokenizes_only_the_statement_around(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    head = "".join(f"def f{n}():\n    return {n}\n\n" for n in range(300))
    text = head + "x = f(\n    1,\n)  # noqa\n" + head.replace("def f", "def g")
    fed = _counting(monkeypatch)
    (found,) = read_comments_on(text, [903], ast.parse(text))
    assert (found.line, found.statement) == (903, 901)
    assert len(fed) <= 5


_LINES = st.sampled_from(
    [
        "x = 1  # noqa\n",
        "# own\n",
        "\n",
        "s = '# not'  # yes\n",
        '"""\n# in string\n"""\n',
        "f(\n  # in call\n  1,\n)  # after\n",
        "if a:  # header\n",
        "    y = 2  # body\n",
        "    # indented own\n",
        "else:\n",
        "    pass\n",
        "z = 1; \\\n",
        "w = 2  # joined\n",
        "@d  # deco\n",
        "def g(): pass  # one line\n",
        "t = ('a'  # mid\n  'b')\n",
    ]
)


@settings(deadline=None)
@given(st.lists(_LINES, max_size=25).map("".join))
def test_read_comments_on_random_programs_equal_whole_file_read(text: str) -> None:
    tree = _tree(text)
    lines = range(1, text.count("\n") + 2)
    reference = read_comments(text)
    for line in lines:
        assert read_comments_on(text, [line], tree) == tuple(
            c for c in reference if c.line == line
        )


def test_comments_on_chosen_line_agrees_with_whole_read(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_text("x = 1  # a\ny = 2  # b\n", encoding="utf-8")
    source = SourceFile(path)
    assert comments_on(source, [2]) == (Comment(2, 8, "# b", False, 2),)
    assert "comments" not in vars(source)
    assert comments_on(source, [1]) == source.comments[:1]


def test_comments_on_file_that_does_not_parse_still_reads(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.py"
    path.write_text("x = (  # a\n", encoding="utf-8")
    assert comments_on(SourceFile(path), [1]) == (Comment(1, 8, "# a", False, 1),)
