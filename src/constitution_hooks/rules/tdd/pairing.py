"""CON201-CON203 and CON207: every module has a test that exercises it (pure, no git).

A ``Snapshot`` is one tree state (the index, or a commit of a history): its Python
paths and a way to read them. A module is paired when a test gives evidence that it
exercises it (see ``evidence``); a test named after a module that gives no evidence
for it is CON202 only when nothing else pairs the module.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import PurePosixPath
from typing import NamedTuple

from constitution_hooks.core.violation import Finding, Violation
from constitution_hooks.rules.tdd import layout
from constitution_hooks.rules.tdd.contexts import context_test
from constitution_hooks.rules.tdd.evidence import Snapshot
from constitution_hooks.rules.tdd.routes import routes_of
from constitution_hooks.rules.tdd.settings import (
    MISSING_TEST,
    NAMED_UNVERIFIED,
    NO_TEST_CHANGE,
    UNTESTED_SYMBOL,
    TddSettings,
)

__all__ = [
    "Pairing",
    "Snapshot",
    "check_pairing",
    "check_test_changes",
    "looked_for",
    "pair",
]


class Pairing(NamedTuple):
    """A module's tests (with evidence), and the tests named after it that give none.

    Example:
        >>> Pairing("src/a.py", ("tests/test_a.py",), ()).tests
        ('tests/test_a.py',)
    """

    module: str
    tests: tuple[str, ...]
    named_unverified: tuple[str, ...]


def pair(module: str, snap: Snapshot, first: bool = False) -> Pairing:
    """Find ``module``'s tests by the evidence ``match`` asks for.

    ``name``: named and placed per ``layouts``, importing it; ``import``: any test
    importing it; ``evidence`` (default): either, or a test reaching it by an import
    resolved to its origin, by attribute access or by a dotted string. With
    ``first``, stop at the first test found (whether a test exists is the question).

    Example:
        >>> from constitution_hooks.core.config import Settings
        >>> from constitution_hooks.rules.tdd.settings import SECTION
        >>> defaults = Settings({o.key: o.default for o in SECTION.all_options()})
        >>> t = "from shop.cart import total\\ndef test_total():\\n  assert total()\\n"
        >>> files = {"src/shop/cart.py": "def total():\\n    return 1\\n",
        ...          "src/shop/tax.py": "def rate():\\n    return 1\\n",
        ...          "tests/test_cart.py": t}
        >>> cfg = TddSettings.from_settings(defaults, ())
        >>> snap = Snapshot({p: p for p in files}, lambda p: files[p].encode(), cfg)
        >>> pair("src/shop/cart.py", snap).tests, pair("src/shop/tax.py", snap).tests
        (('tests/test_cart.py',), ())
    """
    cfg = snap.cfg
    if cfg.match == "import":
        return Pairing(module, tuple(snap.importers(module)), ())
    dotted = snap.dotted(module)
    named = snap.tests_by_stem.get(layout.module_stem(module), [])
    pool = layout.candidates(module, dotted, named, cfg.test_roots, cfg.layouts)
    tests = [test for test in pool if _named_evidence(test, module, snap)]
    if cfg.match == "evidence" and first and not tests:
        tests = _first_reaching(module, snap)
    elif cfg.match == "evidence" and not first:
        tests += [t for t in snap.reached.get(module, ()) if t not in tests]
    if cfg.match == "evidence" and not (first and tests):
        ran = [context_test(c) for c in snap.contexts.get(module, ())]
        tests += [t for t in dict.fromkeys(ran) if t not in tests]
    if cfg.match == "evidence" and not (first and tests):
        called = routes_of(snap).reached().get(module, [])
        tests += [t for t in called if t not in tests]
    return Pairing(module, tuple(tests), tuple(t for t in pool if t not in tests))


def _first_reaching(module: str, snap: Snapshot) -> list[str]:
    """The first test that reaches ``module``, trying the one that did last time."""
    hint = snap.memo.hints.get(module, "")
    order = snap.evidence_files
    if hint in snap.files:
        order = (hint, *(t for t in order if t != hint))
    for test in order:
        if any(path == module for path, _ in snap.reach(test)):
            snap.memo.hints[module] = test
            return [test]
    return []


def _named_evidence(test: str, module: str, snap: Snapshot) -> bool:
    """A test named and placed after the module imports it, or its package."""
    if snap.verifies(test, module):
        return True
    # Reason: a test named after a module that imports the module's package tests
    # it through the package's public API (tests/test_formatting.py doing
    # ``import click``); only two modules sharing the name need the module itself.
    dotted = snap.dotted(module)
    stem = layout.module_stem(module)
    if sum(1 for other in snap.modules() if layout.module_stem(other) == stem) > 1:
        return False
    top = dotted.partition(".")[0]
    return any(
        imported == top or imported.startswith(top + ".")
        for imported, _ in snap.facts(test).imports
    )


def _checked(modules: Iterable[str], snap: Snapshot) -> Iterable[str]:
    for module in modules:
        if snap.exemption(module) is None and snap.facts(module).parsed:
            yield module


def check_pairing(modules: Iterable[str], snap: Snapshot) -> list[Violation]:
    """Report modules no test exercises (CON201, CON202) and CON203.

    Args:
        modules: The modules to check (staged ones, or all of the tree).
        snap: The tree state tests are looked up in.

    Returns:
        The violations, unsorted.

    Example:
        >>> from constitution_hooks.core.config import Settings
        >>> from constitution_hooks.rules.tdd.settings import SECTION
        >>> defaults = Settings({o.key: o.default for o in SECTION.all_options()})
        >>> t = "from shop.cart import total\\ndef test_total():\\n  assert total()\\n"
        >>> files = {"src/shop/cart.py": "def total():\\n    return 1\\n",
        ...          "src/shop/tax.py": "def rate():\\n    return 1\\n",
        ...          "tests/test_cart.py": t}
        >>> cfg = TddSettings.from_settings(defaults, ())
        >>> snap = Snapshot({p: p for p in files}, lambda p: files[p].encode(), cfg)
        >>> [(v.code, v.path) for v in check_pairing(snap.modules(), snap)]
        [('CON201', 'src/shop/tax.py')]
    """
    found: list[Violation] = []
    for module in _checked(modules, snap):
        pairing = pair(module, snap)
        if pairing.tests:
            if snap.cfg.untested_symbols:
                found.extend(_untested_symbols(module, pairing.tests, snap))
            continue
        unverified = [
            test
            for test in pairing.named_unverified
            if not _tests_same_named_module(test, module, snap)
        ]
        found.extend(_named_unverified(test, module, snap) for test in unverified)
        if not unverified:
            found.append(_missing(module, snap))
    return found


def _tests_same_named_module(test: str, module: str, snap: Snapshot) -> bool:
    stem = layout.module_stem(module)
    return any(
        other != module
        and layout.module_stem(other) == stem
        and (snap.verifies(test, other) or test in snap.reached.get(other, ()))
        for other in snap.modules()
    )


def looked_for(cfg: TddSettings) -> str:
    """The evidence a run looked for, in words (for hints).

    Example:
        >>> from constitution_hooks.rules.tdd.layout import LAYOUTS
        >>> cfg = TddSettings((), (), LAYOUTS, "import", (), False, "t", False)
        >>> looked_for(cfg)
        'a test file importing it'
    """
    if cfg.match == "import":
        return "a test file importing it"
    named = f"a test named and placed after it ({', '.join(cfg.layouts)}) importing it"
    if cfg.match == "name":
        return named
    return (
        f"{named}, or any test importing it or a name that originates in it"
        " (re-exports followed), or reaching it through an imported package"
        " (pkg.name), or calling one of its routes through an HTTP test client, or"
        " running it inside a test's coverage context"
    )


def _named_unverified(test: str, module: str, snap: Snapshot) -> Violation:
    dotted = snap.dotted(module)
    if snap.facts(test).parsed:
        problem = (
            "neither it nor any other test exercises it (looked for "
            f"{looked_for(snap.cfg)}); import what it tests"
        )
    else:
        problem = "does not parse (see CON001), so it cannot be verified; fix it"
    message = f"test file is named after module {dotted} ({module}) but {problem}"
    return NAMED_UNVERIFIED.at(test, Finding(1, 1, message))


def _missing(module: str, snap: Snapshot) -> Violation:
    dotted = snap.dotted(module)
    suggested = _suggested_test(module, dotted, snap.cfg)
    message = (
        f"module {dotted} has no test: looked for {looked_for(snap.cfg)};"
        f" add {suggested} that imports it"
    )
    return MISSING_TEST.at(module, Finding(1, 1, message))


def _suggested_test(module: str, dotted: str, cfg: TddSettings) -> str:
    root = cfg.test_roots[0] if cfg.test_roots else "tests"
    name = f"test_{layout.module_stem(module)}.py"
    if "mirrored" in cfg.layouts or "flat" in cfg.layouts:
        mirrored = dotted.split(".")[1:-1] if "mirrored" in cfg.layouts else []
        return "/".join([root, *(part.lstrip("_") for part in mirrored), name])
    if "adjacent" in cfg.layouts:
        return str(PurePosixPath(module).parent / name)
    return f"{root}/{layout.module_stem(module)}_test.py"


def _untested_symbols(
    module: str, tests: Iterable[str], snap: Snapshot
) -> Iterable[Violation]:
    named = set(snap.reached_names.get(module, ()))
    for test in {*tests, *snap.importers(module)}:
        named |= snap.facts(test).referenced
    for symbol in snap.facts(module).public:
        if symbol.name not in named:
            message = (
                f"public {symbol.kind} '{symbol.name}' of {snap.dotted(module)} is"
                f" named by no test; test it or make it private"
            )
            yield UNTESTED_SYMBOL.at(
                module, Finding(symbol.line, symbol.column, message)
            )


def check_test_changes(
    modules: Iterable[str], snap: Snapshot, changed: Collection[str]
) -> list[Violation]:
    """Report modules whose code changed while none of their tests did (CON207).

    Args:
        modules: Modules whose behaviour changed in this commit.
        snap: The tree state tests are looked up in.
        changed: Paths changed in the same commit.

    Returns:
        One violation per module with tests, none of them changed.

    Example:
        The cart's code changed; its test changed too, or did not:

        >>> from constitution_hooks.core.config import Settings
        >>> from constitution_hooks.rules.tdd.settings import SECTION
        >>> defaults = Settings({o.key: o.default for o in SECTION.all_options()})
        >>> t = "from shop.cart import total\\ndef test_total():\\n  assert total()\\n"
        >>> files = {"src/shop/cart.py": "def total():\\n    return 1\\n",
        ...          "src/shop/tax.py": "def rate():\\n    return 1\\n",
        ...          "tests/test_cart.py": t}
        >>> cfg = TddSettings.from_settings(defaults, ())
        >>> snap = Snapshot({p: p for p in files}, lambda p: files[p].encode(), cfg)
        >>> cart = ["src/shop/cart.py"]
        >>> check_test_changes(cart, snap, {*cart, "tests/test_cart.py"})
        []
        >>> [(v.code, v.path) for v in check_test_changes(cart, snap, set(cart))]
        [('CON207', 'src/shop/cart.py')]
    """
    found: list[Violation] = []
    for module in _checked(modules, snap):
        tests = pair(module, snap).tests
        if tests and not set(tests) & set(changed):
            message = (
                f"code of {snap.dotted(module)} changed but none of its tests"
                f" ({', '.join(tests[:5])}) changed in this commit; change a test"
                f" first (require-test-change = true)"
            )
            found.append(NO_TEST_CHANGE.at(module, Finding(1, 1, message)))
    return found
