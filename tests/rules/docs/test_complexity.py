"""CON502: McCabe complexity as ruff's C901 counts it, and the ``# Reason:`` comment."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.core.config import Settings
from constitution_hooks.core.source import SourceFile, read_comments
from constitution_hooks.rules.docs.complexity import (
    check_complexity,
    complexities,
    complexity,
    reason_lines,
)

Parse = Callable[[str], SourceFile]
Make = Callable[..., Settings]

# Reason: each snippet's complexity is pinned twice: here by hand, and against the
# real ruff below, so a ruff release that counts differently fails a test.
CASES = [
    ("def f():\n    pass\n", 1),
    ("def f(a, b):\n    return a and b or not a\n", 1),
    (
        "def f(n):\n    if n:\n        return 1\n    elif n > 2:\n        return 2\n"
        "    else:\n        return 3\n",
        3,
    ),
    (
        "def f(n):\n    if n:\n        pass\n    else:\n        if n > 1:\n"
        "            pass\n",
        3,
    ),
    ("def f(xs):\n    for x in xs:\n        pass\n    else:\n        pass\n", 2),
    ("def f(n):\n    while n:\n        n -= 1\n", 2),
    (
        "def f():\n    try:\n        a()\n    except A:\n        b()\n    except B:\n"
        "        c()\n    else:\n        d()\n    finally:\n        e()\n",
        4,
    ),
    (
        "def f():\n    try:\n        pass\n    finally:\n        if x:\n"
        "            pass\n",
        2,
    ),
    ("def f():\n    with a:\n        if b:\n            pass\n", 2),
    ("def f():\n    def g():\n        def h():\n            pass\n", 3),
    (
        "def f(s):\n    match s:\n        case 1:\n            pass\n        case _:\n"
        "            pass\n",
        2,
    ),
    (
        "def f(s):\n    match s:\n        case 1:\n            pass\n        case 2:\n"
        "            pass\n",
        3,
    ),
    (
        "def f(s):\n    match s:\n        case 1:\n            pass\n"
        "        case x if x:\n            pass\n",
        3,
    ),
    (
        "def f(s):\n    match s:\n        case 1:\n            pass\n"
        "        case 2 | y:\n            pass\n",
        2,
    ),
    (
        "async def f(a):\n    async with a:\n        pass\n    async for x in a:\n"
        "        pass\n",
        2,
    ),
    (
        "def f(a):\n    x = [i for i in a if i]\n    y = lambda: 1 if a else 2\n"
        "    return x, y\n",
        1,
    ),
    (
        "def f():\n    class C:\n        def m(self):\n            if x:\n"
        "                pass\n",
        3,
    ),
    pytest.param(
        "def f():\n    try:\n        pass\n    except* A:\n        pass\n",
        2,
        marks=pytest.mark.skipif(sys.version_info < (3, 11), reason="except* is 3.11+"),
    ),
]


def _values(case: object) -> tuple[str, int]:
    values = getattr(case, "values", case)
    assert isinstance(values, tuple)
    return values[0], values[1]


def _parses(source: str) -> bool:
    try:
        ast.parse(source)
    except SyntaxError:
        return False
    return True


def _first_function(source: str) -> ast.FunctionDef | ast.AsyncFunctionDef:
    node = ast.parse(source).body[0]
    assert isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    return node


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_complexity_snippet_equals_pinned_value(source: str, expected: int) -> None:
    assert complexity(_first_function(source)) == expected


NESTED = (
    "class A:\n    def m(self):\n        def inner():\n            if a:\n"
    "                pass\n        for x in y:\n            pass\n"
    "    class B:\n        async def n(self):\n            while a:\n"
    "                pass\ntry:\n    def t():\n        pass\nexcept E:\n"
    "    def u():\n        with a:\n            if b:\n                pass\n"
    "match v:\n    case 1:\n        def w():\n            pass\n"
)


@pytest.mark.parametrize(
    "source",
    [NESTED, *(_values(case)[0] for case in CASES if _parses(_values(case)[0]))],
)
@pytest.mark.parametrize("above", [0, 1, 2, 3, 10])
def test_complexities_one_walk_equals_each_function_alone(
    source: str, above: int
) -> None:
    tree = ast.parse(source)
    alone = {
        node.lineno: complexity(node)
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    }
    walked = complexities(tree, above)
    assert [node.lineno for node, _ in walked] == sorted(
        line for line, value in alone.items() if value > above
    )
    assert all(alone[node.lineno] == value for node, value in walked)


def test_complexities_never_exceed_the_lines_a_function_spans() -> None:
    source = "def f(a):\n    if a: return 1\n    elif a > 1: return 2\n    return 3\n"
    ((node, value),) = complexities(ast.parse(source))
    assert value == 3 <= (node.end_lineno or 0) - node.lineno + 1 == 4
    assert complexities(ast.parse(source), 3) == []


def _ruff_values(tmp_path: Path) -> dict[int, int]:
    sources = [_values(case)[0] for case in CASES]
    for index, source in enumerate(sources):
        (tmp_path / f"case_{index:02}.py").write_text(source, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--isolated",
            "--select",
            "C901",
            "--config",
            "lint.mccabe.max-complexity=0",
            "--output-format",
            "json",
            "--no-cache",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    found = {}
    for item in json.loads(result.stdout):
        index = int(Path(item["filename"]).stem.split("_")[1])
        if item["location"]["row"] == 1:
            found[index] = int(item["message"].rsplit("(", 1)[1].split(" ")[0])
    return found


def test_complexity_every_pinned_case_equals_real_ruff_c901(tmp_path: Path) -> None:
    pytest.importorskip("ruff")
    ruff = _ruff_values(tmp_path)
    ours = {
        index: complexity(_first_function(_values(case)[0]))
        for index, case in enumerate(CASES)
        if _parses(_values(case)[0])
    }
    assert {index: ruff[index] for index in ours} == ours


def _function(decisions: int, comment: str = "") -> str:
    """A function of complexity ``decisions + 1``: one ``if`` per decision."""
    body = "".join(f"    if a == {n}:\n        a += 1\n" for n in range(decisions))
    return f"def f(a):\n{comment}{body}    return a\n"


def test_check_complexity_10_passes(parse: Parse, settings: Make) -> None:
    assert list(check_complexity(parse(_function(9)), settings("docs"))) == []


def test_check_complexity_11_without_reason_fails_with_value_and_limit(
    parse: Parse, settings: Make
) -> None:
    (finding,) = check_complexity(parse(_function(10)), settings("docs"))
    assert (finding.line, finding.column) == (1, 1)
    assert "function 'f' has complexity 11 (limit 10" in finding.message
    assert "# Reason:" in finding.message


def test_check_complexity_11_with_reason_comment_passes(
    parse: Parse, settings: Make
) -> None:
    source = _function(10, "    # Reason: one branch per wire format\n")
    assert list(check_complexity(parse(source), settings("docs"))) == []


@pytest.mark.parametrize(
    ("comment", "passes"),
    [
        ("    # Reason: the table mirrors the spec\n", True),
        ("    # reason: the table mirrors the spec\n", True),
        ("    x = 1  # noqa: E501  # Reason: mirrors the spec\n", True),
        ("    # Reason:\n", False),
        ("    # the table mirrors the spec\n", False),
        ("    s = '# Reason: in a string'\n", False),
        ('    s = """\n# Reason: in a string\n"""\n', False),
        ("    x = f(\n        # Reason: the API wants it\n        1)\n", True),
    ],
)
def test_check_complexity_reason_forms_judged(
    parse: Parse, settings: Make, comment: str, passes: bool
) -> None:
    found = list(check_complexity(parse(_function(10, comment)), settings("docs")))
    assert (found == []) is passes


def test_check_complexity_reads_only_comment_lines_inside_functions(
    parse: Parse, settings: Make
) -> None:
    source = parse("# Reason: above\n" + _function(10, "    # Reason: the spec\n"))
    assert list(check_complexity(source, settings("docs"))) == []
    assert "comments" not in vars(source)


def test_check_complexity_reason_above_def_does_not_count(
    parse: Parse, settings: Make
) -> None:
    source = "# Reason: explained above\n" + _function(10)
    assert len(list(check_complexity(parse(source), settings("docs")))) == 1


def test_check_complexity_limit_from_settings(parse: Parse, settings: Make) -> None:
    found = check_complexity(parse(_function(3)), settings("docs", max_complexity=3))
    assert [f.line for f in found] == [1]


def test_check_complexity_method_named_with_class(parse: Parse, settings: Make) -> None:
    method = "class C:\n" + "".join(
        "    " + line + "\n" for line in _function(10).splitlines()
    )
    (finding,) = check_complexity(parse(method), settings("docs"))
    assert (finding.line, finding.column) == (2, 5)
    assert "'C.f'" in finding.message


def test_reason_lines_reads_comments_not_strings() -> None:
    text = "x = '# Reason: no'\n# Reason: yes it is\ny = 1  # Reason: inline\n"
    assert reason_lines(read_comments(text)) == frozenset({2, 3})
