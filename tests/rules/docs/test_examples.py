"""CON501: public functions and classes need an ``Example:`` section."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.core.config import Settings
from constitution_hooks.core.source import SourceFile
from constitution_hooks.rules.docs.examples import check_examples, has_example

Make = Callable[..., Settings]

GOOD = '"""Do it.\n\n    Example:\n        >>> f()\n    """'
BARE = '"""Do it."""'


def _codes(
    tmp_path: Path, settings: Make, text: str, name: str = "mod.py", **options: object
) -> list[int]:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    source = SourceFile(path, name)
    return [f.line for f in check_examples(source, settings("docs", **options))]


@pytest.mark.parametrize(
    ("docstring", "expected"),
    [
        ("Do it.\n\nExample:\n    >>> f()\n", True),
        ("Do it.\n\nExamples:\n    >>> f()\n", True),
        ("Do it.\n\nExample:\n\n    >>> f()\n", True),
        ("Do it.\n\nExample:\n", False),
        ("Do it.\n\nExample:\n\nReturns:\n    x\n", False),
        ("Do it.\n\nExample:\n>>> f()\n", False),
        ("Do it. Example: f()\n", False),
        ("Do it.\n\nExample: f()\n", False),
        ("Do it.\n", False),
        ("Do it.\n\n    Example:\n        >>> f()\n", True),
    ],
)
def test_has_example_docstring_judged(docstring: str, expected: bool) -> None:
    assert has_example(docstring) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"def f():\n    {GOOD}\n", []),
        (f"def f():\n    {BARE}\n", [1]),
        (f"async def f():\n    {BARE}\n", [1]),
        (f"class C:\n    {BARE}\n", [1]),
        ("def f():\n    return 1\n", []),
        (f"def _f():\n    {BARE}\n", []),
        (f"@decorator\ndef f():\n    {BARE}\n", [2]),
        (f"class E(ValueError):\n    {BARE}\n", []),
        (f"class E(errors.HTTPError):\n    {BARE}\n", []),
        (f"class Base(Exception):\n    {BARE}\nclass E(Base):\n    {BARE}\n", []),
        (f"class P(Protocol):\n    {BARE}\n", []),
        (f"class P(typing.Protocol[T]):\n    {BARE}\n", []),
        (f"class T(TypedDict, total=False):\n    {BARE}\n", []),
        (f"class N(NamedTuple):\n    {BARE}\n", []),
        (f"class Color(enum.Enum):\n    {BARE}\n", []),
        (f"class Color(StrEnum):\n    {BARE}\n", []),
        (f"@overload\ndef f(a: int) -> int:\n    {BARE}\ndef f(a):\n    {BARE}\n", [4]),
        (f"@typing.overload\ndef f(a: int) -> int:\n    {BARE}\n", []),
        (f"def outer():\n    {GOOD}\n    def inner():\n        {BARE}\n", []),
        (f"class C:\n    {GOOD}\n    def m(self):\n        {BARE}\n", []),
    ],
)
def test_check_examples_snippet_reports_lines(
    tmp_path: Path, settings: Make, text: str, expected: list[int]
) -> None:
    assert _codes(tmp_path, settings, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"__all__ = ['_f']\ndef _f():\n    {BARE}\ndef g():\n    {BARE}\n", [2]),
        (f"__all__ = ('g',)\ndef g():\n    {BARE}\n", [2]),
        (f"__all__: list[str] = []\ndef g():\n    {BARE}\n", []),
        (f"__all__ = ['g']\n__all__ += ['h']\ndef h():\n    {BARE}\n", [3]),
        (f"__all__ = names()\ndef g():\n    {BARE}\n", [2]),
    ],
)
def test_check_examples_all_decides_public(
    tmp_path: Path, settings: Make, text: str, expected: list[int]
) -> None:
    assert _codes(tmp_path, settings, text) == expected


@pytest.mark.parametrize(
    "name",
    [
        "_mod.py",
        "pkg/_private/mod.py",
        "tests/mod.py",
        "test_mod.py",
        "mod_test.py",
        "conftest.py",
        "__main__.py",
        "./_mod.py",
        "pkg//_private/mod.py",
        "pkgtests/mod.py",
        "pkg/test/mod.py",
    ],
)
def test_check_examples_private_or_test_module_not_judged(
    tmp_path: Path, settings: Make, name: str
) -> None:
    assert _codes(tmp_path, settings, f"def f():\n    {BARE}\n", name) == []


@pytest.mark.parametrize(
    "name", ["pkg/mod.py", "Tests/mod.py", "pkg/a_b/mod_c.py", "testing/mod.py"]
)
def test_check_examples_public_module_judged(
    tmp_path: Path, settings: Make, name: str
) -> None:
    assert _codes(tmp_path, settings, f"def f():\n    {BARE}\n", name) == [1]


def test_check_examples_init_module_judged(tmp_path: Path, settings: Make) -> None:
    text = f"def f():\n    {BARE}\n"
    assert _codes(tmp_path, settings, text, "pkg/__init__.py") == [1]


METHODS = (
    f"class C:\n    {GOOD}\n    def m(self):\n        {BARE}\n"
    f"    def _p(self):\n        {BARE}\n    @property\n    def size(self):\n"
    f"        {BARE}\n    @size.setter\n    def size(self, v):\n        {BARE}\n"
    f"    def __init__(self):\n        {BARE}\n"
    f"class _Hidden:\n    {GOOD}\n    def m(self):\n        {BARE}\n"
)


def test_check_examples_methods_option_judges_public_methods(
    tmp_path: Path, settings: Make
) -> None:
    assert _codes(tmp_path, settings, METHODS, methods=True) == [7]


def test_check_examples_methods_off_by_default(tmp_path: Path, settings: Make) -> None:
    assert _codes(tmp_path, settings, METHODS) == []


def test_check_examples_message_says_what_and_how(
    tmp_path: Path, settings: Make
) -> None:
    path = tmp_path / "mod.py"
    path.write_text(f"def f():\n    {BARE}\n", encoding="utf-8")
    (finding,) = check_examples(SourceFile(path, "mod.py"), settings("docs"))
    assert finding.column == 1
    assert finding.message.startswith("public function 'f' has no 'Example:' section")


def test_check_examples_empty_section_message(tmp_path: Path, settings: Make) -> None:
    path = tmp_path / "mod.py"
    path.write_text('class C:\n    """Do.\n\n    Example:\n    """\n', encoding="utf-8")
    (finding,) = check_examples(SourceFile(path, "mod.py"), settings("docs"))
    assert "'Example:' section of public class 'C' has no indented line" in (
        finding.message
    )
