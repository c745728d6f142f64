"""One parse of a file: code of its own, tests, helpers, references, behaviour."""

from __future__ import annotations

import ast

import pytest

from constitution_hooks.rules.tdd.summary import (
    behaviour,
    resolve_relative,
    summarise,
)


# Reason: the summary's record type is private to the module under test.
def _summary(source: str):  # type: ignore[no-untyped-def]
    return summarise(ast.parse(source))


@pytest.mark.parametrize(
    ("source", "has_code"),
    [
        ("X = 1\nTABLE = {'a': [1, 2]}\n__all__ = ['X']\n", False),
        ("from .a import b\nAlias = list[int]\n", False),
        ("class P(Protocol):\n    def f(self) -> int: ...\n", False),
        ("class E(Exception):\n    '''Doc.'''\n", False),
        ("class M(BaseModel):\n    x: int = Field(1)\n", False),
        ("@overload\ndef f(x: int) -> int: ...\n", False),
        ("if TYPE_CHECKING:\n    def f():\n        return 1\n", False),
        ("def f():\n    return 1\n", True),
        ("class C:\n    def f(self):\n        return 1\n", True),
        (
            "try:\n    import a\nexcept ImportError:\n    def f():\n        return 1\n",
            True,
        ),
        ("for x in range(3):\n    print(x)\n", True),
    ],
)
def test_summarise_has_code_only_for_real_bodies(source: str, has_code: bool) -> None:
    assert _summary(source).has_code is has_code


def test_summarise_unittest_case_methods_are_tests_whatever_the_class_name() -> None:
    source = (
        "class JSONChecks(unittest.TestCase):\n"
        "    def test_dumps(self):\n        self.assertEqual(1, 1)\n"
        "class Other:\n    def test_no(self): ...\n"
    )
    assert [t.qualname for t in _summary(source).tests] == ["JSONChecks.test_dumps"]


def test_summarise_fixture_named_test_is_not_a_test() -> None:
    source = "@pytest.fixture\ndef test_data():\n    return 1\n"
    assert _summary(source).tests == ()


@pytest.mark.parametrize(
    "body",
    [
        "raise AssertionError('no')",
        "with pytest.RaisesGroup(ValueError):\n        f()",
        "with pytest.warns(UserWarning):\n        f()",
    ],
)
def test_summarise_assertion_forms_count(body: str) -> None:
    [test] = _summary(f"def test_f_x_y():\n    {body}\n").tests
    assert test.asserts is True


def test_summarise_helpers_by_name_or_by_asserting() -> None:
    source = (
        "def check_total(x):\n    return x\n"
        "def compare(a, b):\n    assert a == b\n"
        "def build():\n    return 1\n"
    )
    assert _summary(source).helpers == {"check_total", "compare"}


def test_summarise_test_calls_recorded_for_helper_assertions() -> None:
    [test] = _summary("def test_a_b_c():\n    check_total(pkg.build())\n").tests
    assert test.asserts is False
    assert {"check_total", "build"} <= test.calls


def test_summarise_public_skips_declarations_and_overloads() -> None:
    source = (
        "@overload\ndef f(x: int) -> int: ...\n@overload\ndef f(x: str) -> str: ...\n"
        "def f(x):\n    return x\n"
        "class Color(Enum):\n    RED = 1\n"
        "class Bad(ValueError):\n    pass\n"
        "def pytest_configure(config):\n    pass\n"
    )
    assert [s.name for s in _summary(source).public] == ["f"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("def f(x):\n    return x\n", "def f(x: int) -> int:\n    return x\n"),
        ("x = 1\n", "from __future__ import annotations\nx = 1\n"),
        ("x = 1\n", "from typing import Any\nx = 1\n"),
        ("x = 1\n", "if TYPE_CHECKING:\n    from a import B\nx = 1\n"),
    ],
)
def test_behaviour_ignores_typing_only_changes(before: str, after: str) -> None:
    assert behaviour(ast.parse(before)) == behaviour(ast.parse(after))


def test_behaviour_class_field_annotation_is_behaviour() -> None:
    first = behaviour(ast.parse("class M(BaseModel):\n    x: int\n"))
    assert first != behaviour(ast.parse("class M(BaseModel):\n    x: str\n"))


@pytest.mark.parametrize(
    "source",
    [
        '"""Doc."""\nfrom typing import Any\ndef f(x: int) -> int:\n    """D."""\n'
        "    return x\n",
        "if TYPE_CHECKING:\n    from a import B\nclass C:\n    def m(self, *a: B):\n"
        "        pass\n",
    ],
)
def test_behaviour_leaves_the_tree_as_it_was(source: str) -> None:
    tree = ast.parse(source)
    digest = behaviour(tree)
    assert ast.dump(tree) == ast.dump(ast.parse(source))
    assert behaviour(tree) == digest


def test_resolve_relative_above_the_top_is_none() -> None:
    assert resolve_relative("x", 3, "pkg") is None
