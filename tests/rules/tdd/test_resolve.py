"""Resolving dotted references to the modules where names originate."""

from __future__ import annotations

from constitution_hooks.rules.tdd.facts import module_facts
from constitution_hooks.rules.tdd.resolve import TOP, Memo, Resolver, answer, reach_ref

FILES = {
    "p/__init__.py": b"from p._a import *\nfrom p import sub as s\n",
    "p/_a.py": b"def f():\n    return 1\n",
    "p/sub.py": b"X = 1\n",
}
MODULES = {"p": "p/__init__.py", "p._a": "p/_a.py", "p.sub": "p/sub.py"}


def resolver() -> Resolver:
    return Resolver(MODULES, lambda path: module_facts(FILES[path], "p"))


def test_reach_ref_star_import_reaches_the_defining_module() -> None:
    assert ("p/_a.py", "f") in reach_ref(resolver(), ("p", "f"))


def test_reach_ref_module_alias_goes_one_module_further() -> None:
    assert ("p/sub.py", "X") in reach_ref(resolver(), ("p", "s", "X"))


def test_resolver_records_the_names_it_asked_of_each_module() -> None:
    found = resolver()
    found.origin("p", "f")
    assert found.consulted == {("p/__init__.py", "f"), ("p/_a.py", "f")}


def _entry_valid(asked: str, after: bytes) -> bool:
    """Whether an entry that asked ``asked`` of p/_a.py holds once it is ``after``."""
    memo = Memo()
    before = answer(module_facts(FILES["p/_a.py"], "p"), asked)
    memo.reaches[("blob", "t.py")] = (1, frozenset(), (("p/_a.py", asked, before),))
    changed = module_facts(after, "p")
    return memo.get(("blob", "t.py"), 1, lambda path: changed) is not None


def test_memo_entry_name_still_defined_after_another_is_added_is_valid() -> None:
    assert _entry_valid("f", FILES["p/_a.py"] + b"def g():\n    return 2\n")


def test_memo_entry_name_no_longer_defined_is_invalid() -> None:
    assert not _entry_valid("f", b"def g():\n    return 1\n")


def test_memo_entry_name_now_imported_from_elsewhere_is_invalid() -> None:
    assert not _entry_valid("f", b"from p.sub import f\n")


def test_memo_entry_whole_module_once_its_interface_changes_is_invalid() -> None:
    assert not _entry_valid("", FILES["p/_a.py"] + b"def g():\n    return 2\n")
    assert _entry_valid("", FILES["p/_a.py"] + b"# a comment\n")


def test_memo_entry_top_imports_once_they_change_is_invalid() -> None:
    assert not _entry_valid(TOP, b"import p._b\n" + FILES["p/_a.py"])
    assert _entry_valid(TOP, FILES["p/_a.py"] + b"def g():\n    return 2\n")


def test_resolver_origin_top_level_class_wins_over_an_import_in_its_docstring() -> None:
    files = {
        "q/__init__.py": b"from .app import App\n",
        "q/app.py": b'class App:\n    """Use it:\n\n    from q import App\n    """\n',
    }
    modules = {"q": "q/__init__.py", "q.app": "q/app.py"}
    found = Resolver(modules, lambda path: module_facts(files[path], "q"))
    assert found.origin("q", "App") == "q.app"


def test_resolver_origin_implicit_relative_import_of_a_sibling_resolves() -> None:
    files = {
        "q/__init__.py": b"from app import App\nfrom logging import getLogger\n",
        "q/app.py": b"class App:\n    pass\n",
        "q/logging.py": b"def setup():\n    pass\n",
    }
    modules = {"q": "q/__init__.py", "q.app": "q/app.py", "q.logging": "q/logging.py"}
    found = Resolver(modules, lambda path: module_facts(files[path], "q"))
    assert (found.origin("q", "App"), found.origin("q", "getLogger")) == ("q.app", None)
