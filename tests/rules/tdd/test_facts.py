"""What a test or source file imports, defines, names and asserts."""

from __future__ import annotations

import pytest

from constitution_hooks.core.source import SourceFile
from constitution_hooks.rules.tdd.facts import (
    CollectedTest,
    Facts,
    Symbol,
    behaviour_changed,
    imports_module,
    module_facts,
)

CONFIG_NAMES = frozenset({"load", "Config"})


def _imports(source: str, package: str = "tests") -> bool:
    facts = module_facts(source.encode(), package)
    return imports_module(facts, "pkg.core.config", CONFIG_NAMES)


@pytest.mark.parametrize(
    "source",
    [
        "import pkg.core.config\n",
        "import pkg.core.config as c\n",
        "from pkg.core import config\n",
        "from pkg.core.config import load\n",
        "from pkg.core import load\n",
        "from pkg import Config\n",
        "import pkg.core.config.sub\n",
    ],
)
def test_imports_module_absolute_forms_verify(source: str) -> None:
    assert _imports(source) is True


@pytest.mark.parametrize(
    "source",
    [
        "import pkg.core\n",
        "from pkg.other import config\n",
        "from other.core.config import load\n",
        "from pkg.core import unrelated\n",
        "x = 1\n",
    ],
)
def test_imports_module_unrelated_imports_do_not_verify(source: str) -> None:
    assert _imports(source) is False


def test_imports_module_relative_import_resolved_from_package() -> None:
    assert _imports("from .config import load\n", package="pkg.core") is True


def test_imports_module_relative_parent_import_resolved() -> None:
    assert _imports("from .. import config\n", package="pkg.core.tests") is True


def test_imports_module_relative_beyond_top_ignored() -> None:
    assert _imports("from ...x import config\n", package="pkg") is False


def test_module_facts_syntax_error_not_parsed() -> None:
    facts = module_facts(b"def (:\n", "")
    assert facts.parsed is False
    assert facts.tests == ()


def test_module_facts_undecodable_bytes_not_parsed() -> None:
    assert module_facts(b"x = '\xff'\n", "").parsed is False


def test_module_facts_public_symbols_top_level_only() -> None:
    facts = module_facts(
        b"def f():\n    def inner(): ...\nclass C: ...\ndef _p(): ...\n", ""
    )
    assert facts.public == (Symbol("f", "function", 1, 1), Symbol("C", "class", 3, 1))


def test_module_facts_defined_includes_assignments() -> None:
    facts = module_facts(b"X = 1\nY: int = 2\ndef f(): ...\n", "")
    assert facts.defined == {"X", "Y", "f"}


def test_module_facts_referenced_collects_names_attributes_and_imports() -> None:
    facts = module_facts(b"import m\nfrom a import b\nm.load(c)\n", "")
    assert {"m", "b", "load", "c"} <= facts.referenced


def test_module_facts_no_function_or_class_has_no_definitions() -> None:
    assert (
        module_facts(b"from .a import b\n__all__ = ['b']\n", "").has_definitions
        is False
    )


def test_module_facts_behaviour_ignores_docstrings_comments_and_format() -> None:
    first = module_facts(b'"""Doc."""\ndef f(a):\n    """Doc."""\n    return a\n', "")
    second = module_facts(b"# note\ndef f( a ):\n\n    return a  # same\n", "")
    assert first.behaviour == second.behaviour


def test_module_facts_behaviour_code_change_differs() -> None:
    first = module_facts(b"def f(a):\n    return a\n", "")
    second = module_facts(b"def f(a):\n    return a + 1\n", "")
    assert first.behaviour != second.behaviour


def test_module_facts_empty_module_behaviour_is_empty() -> None:
    assert module_facts(b'"""Only a docstring."""\n', "").has_behaviour is False


@pytest.mark.parametrize(
    ("body", "asserts"),
    [
        ("assert f() == 1", True),
        ("with pytest.raises(ValueError):\n        f()", True),
        ("pytest.fail('no')", True),
        ("with raises(ValueError):\n        f()", True),
        ("self.assertEqual(f(), 1)", True),
        ("mock.assert_called_once_with(1)", True),
        ("f()", False),
        ("pass", False),
    ],
)
def test_module_facts_test_function_assertion_forms(body: str, asserts: bool) -> None:
    facts = module_facts(f"def test_f_x_y():\n    {body}\n".encode(), "")
    assert [t.asserts for t in facts.tests] == [asserts]


def test_module_facts_tests_methods_of_test_classes_only() -> None:
    source = (
        "class TestA:\n    def test_a_b_c(self):\n        assert 1\n"
        "    def helper(self): ...\n"
        "class Helper:\n    def test_x(self): ...\n"
        "def helper_test(): ...\n"
        "async def test_async_one_two(): ...\n"
    )
    facts = module_facts(source.encode(), "")
    assert [(t.name, t.line) for t in facts.tests] == [
        ("test_a_b_c", 2),
        ("test_async_one_two", 8),
    ]


def test_behaviour_changed_new_module_with_code_true() -> None:
    assert behaviour_changed(None, b"def f(): ...\n") is True


def test_behaviour_changed_new_docstring_only_module_false() -> None:
    assert behaviour_changed(None, b'"""Doc."""\n') is False


def test_behaviour_changed_docstring_edit_false() -> None:
    assert (
        behaviour_changed(b'def f():\n    """A."""\n', b'def f():\n    """B."""\n')
        is False
    )


def test_behaviour_changed_code_edit_true() -> None:
    assert behaviour_changed(b"x = 1\n", b"x = 2\n") is True


def test_module_facts_collected_test_records_position_and_assertion() -> None:
    facts = module_facts(b"def test_a_b_c():\n    assert 1\n", "")
    assert facts.tests == (
        CollectedTest("test_a_b_c", 1, 1, True, frozenset(), "test_a_b_c"),
    )


def test_facts_unparsed_default_has_no_behaviour() -> None:
    assert Facts(b"def (:\n", "").has_behaviour is False


@pytest.mark.parametrize(
    "source",
    [
        "from pkg.core.config import (\n    load,\n    Config,\n)\n",
        "from pkg.core.config import \\\n    load\n",
        "def test_x():\n    from pkg.core import config\n",
        "import os; import pkg.core.config\n",
    ],
)
def test_imports_module_statement_forms_verify(source: str) -> None:
    assert _imports(source) is True


def test_module_facts_imports_scanned_even_when_file_does_not_parse() -> None:
    facts = module_facts(b"import pkg.core.config\ndef (:\n", "")
    assert ("pkg.core.config", "") in facts.imports
    assert facts.parsed is False


@pytest.mark.parametrize(
    ("source", "ref"),
    [
        ("from . import cart\ncart.total()\n", ("pkg", "tests", "cart", "total")),
        ("import pkg.sub\npkg.sub.f()\n", ("pkg", "sub", "f")),
        ("import pkg as p\np.C\n", ("pkg", "C")),
        ("patch('pkg.mod.f')\n", ("pkg", "mod", "f")),
        ("from pkg import C\n", ("pkg", "C")),
    ],
)
def test_module_facts_refs_each_form(source: str, ref: tuple[str, ...]) -> None:
    assert ref in module_facts(source.encode(), "pkg.tests").refs


@pytest.mark.parametrize(
    ("source", "names"),
    [
        ("x = 1\ny: int = 2\nz: int\na, b = 1, 2\n", {"x", "y", "z", "a", "b"}),
        (
            "def f():\n    inner = 1\nasync def g(): ...\nclass C: ...\n",
            {"f", "g", "C"},
        ),
        ("try:\n    pass\nelse:\n    pass\nif x == 1:\n    pass\n", set()),
    ],
)
def test_module_facts_defined_lists_top_level_names(
    source: str, names: set[str]
) -> None:
    assert module_facts(source.encode(), "").defined == names


def test_module_facts_of_a_source_file_parse_it_once_for_summary_and_behaviour(
    parse_calls: list[str],
) -> None:
    text = '"""Doc."""\ndef total(x: int) -> int:\n    return x\n'
    source = SourceFile.from_bytes("a.py", text.encode())
    facts = module_facts(source, "")
    assert (facts.has_code, facts.has_behaviour) == (True, True)
    assert [s.name for s in facts.public] == ["total"]
    assert not behaviour_changed(b"def total(x):\n    return x\n", facts)
    assert parse_calls.count("a.py") == 1


@pytest.mark.parametrize(
    ("data", "parsed", "imports"),
    [
        (b"import os\ndef f(:\n", False, {("os", "")}),
        (b"import os\nx = '\x00'\n", False, {("os", "")}),
        (b"\xff\xfe import os\n", False, set()),
    ],
)
def test_module_facts_of_a_source_file_unparsable_as_bytes_would_be(
    data: bytes, parsed: bool, imports: set[tuple[str, str]]
) -> None:
    facts = module_facts(SourceFile.from_bytes("a.py", data), "")
    assert (facts.parsed, set(facts.imports)) == (parsed, imports)
    bare = module_facts(data, "")
    assert (bare.parsed, set(bare.imports)) == (parsed, imports)
