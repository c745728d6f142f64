"""CON201-CON207 and CON210 as registry data: the TDD rules and their config table."""

from __future__ import annotations

import re
from collections.abc import Mapping

from constitution_hooks.core.options import (
    Option,
    Section,
    boolean,
    string,
    string_list,
)
from constitution_hooks.core.registry import Rule
from constitution_hooks.rules.tdd.layout import DEFAULT_EXEMPT, LAYOUTS

DEFAULT_NAME_PATTERN = r"test(_[^\W_]+){3,}"


def _is_layout_list(value: object) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, str) and v in LAYOUTS for v in value)
    )


def _is_exempt_kinds(value: object) -> bool:
    return isinstance(value, list) and all(
        isinstance(v, str) and v in DEFAULT_EXEMPT for v in value
    )


def _is_exempt_list(value: object) -> bool:
    if not isinstance(value, list):
        return False
    return all(
        isinstance(entry, Mapping)
        and set(entry) == {"path", "reason"}
        and isinstance(entry["path"], str)
        and isinstance(entry["reason"], str)
        and bool(entry["path"].strip())
        and bool(entry["reason"].strip())
        for entry in value
    )


def _is_pattern(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        re.compile(value)
    except re.error:
        return False
    return True


SECTION = Section(
    "tdd-pairing",
    (
        string_list(
            "source-roots",
            (),
            "folders holding source modules (default: src"
            " when it exists, else the top-level packages)",
        ),
        string_list(
            "test-roots",
            (),
            "folders holding tests (default: every folder"
            " named tests, test or testsuite or ending in tests)",
        ),
        Option(
            "layouts",
            list(LAYOUTS),
            "a non-empty list of " + ", ".join(repr(name) for name in LAYOUTS),
            _is_layout_list,
            "where a module's test may live",
        ),
        string(
            "match",
            "evidence",
            ("name", "import", "evidence"),
            "evidence: any test that imports the module or a name"
            " originating in it, reaches it through an imported package, or"
            " calls its routes; name: test_<module>.py that imports it; import:"
            " any test file importing it",
        ),
        Option(
            "exempt",
            [],
            'a list of { path = "glob", reason = "why" } tables'
            " (a written reason is required)",
            _is_exempt_list,
            "modules and tests exempt from the TDD rules, each with its reason",
        ),
        boolean(
            "require-test-change",
            False,
            "strict TDD: a module whose code"
            " changed needs its test changed in the same commit (CON207)",
        ),
        Option(
            "test-name-pattern",
            DEFAULT_NAME_PATTERN,
            "a regular expression",
            _is_pattern,
            "the full-match pattern every test name follows",
        ),
        Option(
            "default-exempt",
            list(DEFAULT_EXEMPT),
            "a list of " + ", ".join(repr(name) for name in DEFAULT_EXEMPT),
            _is_exempt_kinds,
            "what needs no test: modules with no code of their own, generated"
            " files, folders that are not product code (benchmarks, examples,"
            " docs, scripts, vendored copies)",
        ),
        boolean(
            "untested-public-symbol",
            False,
            "report public functions and" " classes no test file names (CON203)",
        ),
    ),
)


_CONSTITUTION_TEST_FIRST = "Tests must exist before implementation code."
_PAIR_HINT = (
    "add tests/<mirrored path>/test_<module>.py that imports the module, or exempt it"
    " with a written reason in [tool.constitution.tdd-pairing] exempt"
)


# Reason: these judge a whole module or test file, so the file-level waiver applies.
_FILE_LEVEL = frozenset({"CON201", "CON202", "CON207"})


def _rule(code: str, rule_id: str, hook: str, **text: str) -> Rule:
    return Rule(
        code=code,
        id=rule_id,
        hook=hook,
        section=SECTION.name,
        summary=text["summary"],
        constitution=text["constitution"],
        why=text["why"],
        example=text["example"],
        fix=text["fix"],
        default=text.get("default", "on"),
        hint=text["hint"],
        file_level=code in _FILE_LEVEL,
    )


RULES = (
    _rule(
        "CON201",
        "missing-test",
        "tdd-pairing",
        summary="a source module with code of its own that no test gives evidence of"
        " exercising",
        constitution="No implementation code without corresponding test file."
        " Test file naming: test_<module>.py.",
        why="Code without a test is unverified; the constitution calls it technical"
        " debt requiring immediate action. A module is paired by evidence, any one"
        " sufficing: a test named and placed after it that imports it or its package;"
        " any test importing it or a name originating in it (re-exports followed),"
        " reaching it by attribute access through an imported package, or naming it"
        " in a dotted string; a private module a reached module imports; a test"
        " calling one of its routes through an HTTP test client. Needing no test (by"
        " default-exempt): modules with no code of their own (imports, constants,"
        " declarations, Protocol/ABC stubs, TYPE_CHECKING blocks), generated files,"
        " and benchmarks/, bench/, examples/, docs/, scripts/, and vendored copies of"
        " other projects (_vendor/, vendor/, vendored/, third_party/).",
        example="# src/shop/cart.py exists, tests/ holds no test_cart.py\n",
        fix="# tests/shop/test_cart.py\nfrom shop.cart import Cart\n",
        hint=_PAIR_HINT,
    ),
    _rule(
        "CON202",
        "test-does-not-import-module",
        "tdd-pairing",
        summary="a test file named after a module that gives no evidence of"
        " exercising it, when no other test does either",
        constitution="Watch it fail - Ensure the test actually tests something.",
        why="A test file named after a module that imports neither it, nor a name"
        " from it, nor its package tests nothing of it; it also hides which of two"
        " same-named modules is tested (then the module itself must be imported).",
        example="# tests/test_cart.py\nimport json\n",
        fix="# tests/test_cart.py\nfrom shop.cart import Cart\n",
        hint="import the module (or a name it defines) in its test file",
    ),
    _rule(
        "CON203",
        "untested-public-symbol",
        "tdd-pairing",
        summary="a public top-level function or class of a checked module that no"
        " test names or reaches (NamedTuples, Enums, exceptions, Protocols and"
        " pytest hooks excepted; overloads are one symbol)",
        constitution="Unit tests for all business logic functions.",
        why="A public function no test mentions is never exercised on purpose.",
        example="# shop/cart.py\ndef total(items): ...\ndef discount(items): ...\n"
        "# tests/test_cart.py names only total\n",
        fix="# tests/test_cart.py\nfrom shop.cart import discount, total\n",
        default="off (untested-public-symbol = false)",
        hint="name the function or class in a test, make it private (_name), or"
        " set untested-public-symbol = false",
    ),
    _rule(
        "CON204",
        "test-without-assertion",
        "tdd-pairing",
        summary="a test function that asserts nothing (no assert, raise"
        " AssertionError, pytest.raises/RaisesGroup/warns/fail, assert* or mock"
        " assert_* call, nor a call to a helper that asserts)",
        constitution="Watch it fail - Ensure the test actually tests something.",
        why="A test that asserts nothing cannot fail, so it proves nothing. A helper"
        " asserts for its caller when it asserts itself or is named assert*,"
        " check*, verify* or expect*; fixtures are not tests.",
        example="def test_total_two_items_sums():\n    total([1, 2])\n",
        fix="def test_total_two_items_sums():\n    assert total([1, 2]) == 3\n",
        hint="assert the expected result, or use pytest.raises for an error",
    ),
    _rule(
        "CON205",
        "test-name-format",
        "tdd-pairing",
        summary="a test function not named test_<function>_<scenario>_"
        "<expected_result>",
        constitution="Test function naming: test_<function>_<scenario>_"
        "<expected_result>.",
        why="A name that states the function, the scenario and the expected result"
        " tells what broke without reading the test. At commit time only the tests"
        " the commit adds or renames are judged (--all-files audits all);"
        " unittest methods count when their class subclasses TestCase.",
        example="def test_total():\n    assert total([]) == 0\n",
        fix="def test_total_empty_cart_returns_zero():\n    assert total([]) == 0\n",
        default="at least three words after test_",
        hint="rename to test_<function>_<scenario>_<expected_result> or set"
        " test-name-pattern",
    ),
    _rule(
        "CON206",
        "implementation-before-test",
        "tdd-history",
        summary="a commit that changes a module's behaviour before its test exists"
        " (or, strict, without a test change)",
        constitution=_CONSTITUTION_TEST_FIRST + " Code reviews must verify test-first"
        " approach.",
        why="Test-first means the test is in the history no later than the code it"
        " tests; a test added afterwards was never seen failing. Behaviour is the"
        " code: docstrings, comments, formatting and typing-only changes"
        " (annotations, from __future__, TYPE_CHECKING blocks, typing imports) are"
        " not. The test is found by the same evidence as tdd-pairing (in the same"
        " commit counts), or through the code a test exercises: a module that"
        " tested code of its package always runs (imported at the top level, in a"
        " top-level try, at the head of a function, or by a function the tested"
        " code calls) is tested with it; one imported under a condition, only"
        " gathered by a package __init__, or defining routes no test requests is"
        " not. Modules exempt by config, by default or by an"
        " ignore-file[CON201] waiver at the commit are exempt. A commit trailer"
        " 'Constitution-Waiver: CON206 <reason>' waives the commit; one without a"
        " reason waives nothing and is CON010.",
        example="abc1234 feat: add cart      (src/shop/cart.py)\n"
        "def5678 test: add cart test (tests/test_cart.py)\n",
        fix="abc1234 test: add cart test (tests/test_cart.py)\n"
        "def5678 feat: add cart      (src/shop/cart.py)\n",
        hint="commit the test in the same or an earlier commit (reorder with git"
        " rebase -i), or write the exception as a commit trailer"
        " 'Constitution-Waiver: CON206 <reason>'",
    ),
    _rule(
        "CON207",
        "behaviour-change-without-test-change",
        "tdd-pairing",
        summary="a staged module whose code (not just docstrings, comments or"
        " formatting) changed while its test did not",
        constitution="The development cycle is: Write Test -> Run Test (Red) -> Write"
        " Code -> Run Test (Green).",
        why="Strict TDD: every behaviour change starts with a test change.",
        example="# staged: src/shop/cart.py (new branch in total), no test change\n",
        fix="# staged: src/shop/cart.py and tests/shop/test_cart.py\n",
        default="off (require-test-change = false)",
        hint="stage the test that covers the change, or turn off require-test-change",
    ),
    _rule(
        "CON210",
        "endpoint-without-test",
        "tdd-pairing",
        summary="a route no test calls through an HTTP test client",
        constitution="Integration tests for API endpoints using FastAPI TestClient.",
        why="An endpoint no test calls is never exercised the way its clients use"
        " it: routing, validation, status codes and serialisation go untested.",
        example="# app/items.py\n@router.get('/items/{item_id}')\n"
        "async def read_item(item_id: int) -> Item: ...\n"
        "# no test calls client.get('/items/...')\n",
        fix="# tests/test_items.py\ndef test_read_item_known_id_returns_200(client):\n"
        "    assert client.get('/items/1').status_code == 200\n",
        hint="call the route in a test through TestClient (client.get(...) ...),"
        " or exempt its module with a written reason",
    ),
)
