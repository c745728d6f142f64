"""CON201-CON203 and CON207: every module has a verified test (pure, no git).

A ``Snapshot`` is one tree state (the index, or a commit of a history): its Python
paths and a way to read them. Pairing is verified, not guessed from names: a test
pairs with a module only when it imports the module or a name the module defines.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePosixPath

from constitution_hooks.core.violation import Violation
from constitution_hooks.rules.tdd import layout
from constitution_hooks.rules.tdd.facts import Facts, analyse, imports_module
from constitution_hooks.rules.tdd.settings import TddSettings, violation

_PACKAGE_FILES = ("__init__.py", "__main__.py")


class Snapshot:
    """The Python files of one tree state, parsed lazily and at most once.

    Attributes:
        files: Path (relative to the project root) -> content key (a blob id).
        load: Reads a content key's bytes.
        cfg: The resolved tdd-pairing settings.
        cache: Facts by (content key, package), shared between snapshots.

    Example:
        >>> from constitution_hooks.rules.tdd.layout import LAYOUTS
        >>> cfg = TddSettings((), (), LAYOUTS, "name", (), False, "test_.*", True)
        >>> Snapshot({"src/a.py": "k"}, lambda k: b"x = 1\\n", cfg).modules()
        ['src/a.py']
    """

    def __init__(
        self,
        files: Mapping[str, str],
        load: Callable[[str], bytes],
        cfg: TddSettings,
        cache: dict[tuple[str, str], Facts] | None = None,
    ) -> None:
        """Remember the files; nothing is read until a rule asks."""
        self.files = files
        self.load = load
        self.cfg = cfg
        self.cache: dict[tuple[str, str], Facts] = {} if cache is None else cache
        self._dotted: dict[str, str] = {}

    @cached_property
    def roots(self) -> tuple[str, ...]:
        """The source roots of this tree."""
        return layout.source_roots(self.files, self.cfg.source_roots)

    @cached_property
    def tests(self) -> tuple[str, ...]:
        """Every test file (``test_*.py`` or ``*_test.py``) not exempt."""
        return tuple(
            path
            for path in sorted(self.files)
            if layout.naming_kind(path) and self.cfg.exemption(path) is None
        )

    @cached_property
    def tests_by_stem(self) -> dict[str, list[str]]:
        """Test files grouped by the module name they are named after."""
        grouped: dict[str, list[str]] = {}
        for test in self.tests:
            grouped.setdefault(layout.tested_name(test) or "", []).append(test)
        return grouped

    def dotted(self, path: str) -> str:
        """The importable name of ``path``."""
        if path not in self._dotted:
            self._dotted[path] = layout.dotted_name(path, self.roots, self.files)
        return self._dotted[path]

    def facts(self, path: str) -> Facts:
        """The parsed facts of ``path`` (cached by content and package)."""
        dotted = self.dotted(path)
        is_package = PurePosixPath(path).name == "__init__.py"
        package = dotted if is_package else dotted.rpartition(".")[0]
        key = (self.files[path], package)
        if key not in self.cache:
            self.cache[key] = analyse(self.load(self.files[path]), package)
        return self.cache[key]

    def is_module(self, path: str) -> bool:
        """Whether ``path`` is a source module that needs a test."""
        if not layout.is_module_path(path, self.roots, self.cfg.test_roots):
            return False
        if PurePosixPath(path).name in _PACKAGE_FILES:
            return self.facts(path).has_definitions
        return True

    def modules(self) -> list[str]:
        """Every source module of the tree, sorted."""
        return [path for path in sorted(self.files) if self.is_module(path)]

    def importers(self, module: str) -> list[str]:
        """Every test file that imports ``module`` or a name it defines."""
        return [test for test in self.tests if self.verifies(test, module)]

    def verifies(self, test: str, module: str) -> bool:
        """Whether ``test`` imports ``module`` or a name it defines."""
        facts, dotted = self.facts(test), self.dotted(module)
        if imports_module(facts, dotted, frozenset()):
            return True
        # Reason: only a name imported from an ancestor package needs the module's
        # own names, and only then is the module parsed.
        if not any(name and dotted.startswith(m + ".") for m, name in facts.imports):
            return False
        return imports_module(facts, dotted, self.facts(module).defined)


@dataclass(frozen=True)
class Pairing:
    """A module's verified tests, and the tests named after it that import nothing.

    Example:
        >>> Pairing("src/a.py", ("tests/test_a.py",), ()).tests
        ('tests/test_a.py',)
    """

    module: str
    tests: tuple[str, ...]
    strangers: tuple[str, ...]


def pair(module: str, snap: Snapshot) -> Pairing:
    """Find ``module``'s tests: placed per ``layouts`` (or any, with match=import).

    Example:
        >>> callable(pair)
        True
    """
    cfg = snap.cfg
    if cfg.match == "import":
        return Pairing(module, tuple(snap.importers(module)), ())
    dotted = snap.dotted(module)
    named = snap.tests_by_stem.get(layout.module_stem(module), [])
    pool = layout.candidates(module, dotted, named, cfg.test_roots, cfg.layouts)
    tests = tuple(test for test in pool if snap.verifies(test, module))
    return Pairing(module, tests, tuple(t for t in pool if t not in tests))


def _checked(modules: Iterable[str], snap: Snapshot) -> Iterable[str]:
    for module in modules:
        if snap.cfg.exemption(module) is None and snap.facts(module).parsed:
            yield module


def check_pairing(modules: Iterable[str], snap: Snapshot) -> list[Violation]:
    """Report modules without a verified test (CON201, CON202) and CON203.

    Args:
        modules: The modules to check (staged ones, or all of the tree).
        snap: The tree state tests are looked up in.

    Returns:
        The violations, unsorted.

    Example:
        >>> callable(check_pairing)
        True
    """
    found: list[Violation] = []
    for module in _checked(modules, snap):
        pairing = pair(module, snap)
        if pairing.tests:
            if snap.cfg.untested_symbols:
                found.extend(_untested_symbols(module, snap))
            continue
        strangers = [t for t in pairing.strangers if not _tests_a_twin(t, module, snap)]
        found.extend(_stranger(test, module, snap) for test in strangers)
        if not strangers:
            found.append(_missing(module, snap))
    return found


def _tests_a_twin(test: str, module: str, snap: Snapshot) -> bool:
    stem = layout.module_stem(module)
    return any(
        other != module
        and layout.module_stem(other) == stem
        and snap.verifies(test, other)
        for other in snap.modules()
    )


def _stranger(test: str, module: str, snap: Snapshot) -> Violation:
    dotted = snap.dotted(module)
    if snap.facts(test).parsed:
        problem = "imports neither it nor a name defined in it; import what it tests"
    else:
        problem = "does not parse (see CON001), so it cannot be verified; fix it"
    return violation(
        "CON202",
        test,
        1,
        1,
        f"test file is named after module {dotted} ({module}) but {problem}",
    )


def _missing(module: str, snap: Snapshot) -> Violation:
    dotted = snap.dotted(module)
    if snap.cfg.match == "import":
        expected = "a test file that imports it"
    else:
        expected = f"{_suggested_test(module, dotted, snap.cfg)} importing it"
    return violation(
        "CON201",
        module,
        1,
        1,
        f"module {dotted} has no test: expected {expected}"
        f" (layouts: {', '.join(snap.cfg.layouts)})",
    )


def _suggested_test(module: str, dotted: str, cfg: TddSettings) -> str:
    root = cfg.test_roots[0] if cfg.test_roots else "tests"
    name = f"test_{layout.module_stem(module)}.py"
    if "mirrored" in cfg.layouts or "flat" in cfg.layouts:
        mirrored = dotted.split(".")[1:-1] if "mirrored" in cfg.layouts else []
        return "/".join([root, *mirrored, name])
    if "adjacent" in cfg.layouts:
        return str(PurePosixPath(module).parent / name)
    return f"{root}/{layout.module_stem(module)}_test.py"


def _untested_symbols(module: str, snap: Snapshot) -> Iterable[Violation]:
    named: set[str] = set()
    for test in snap.importers(module):
        named |= snap.facts(test).referenced
    for symbol in snap.facts(module).public:
        if symbol.name not in named:
            yield violation(
                "CON203",
                module,
                symbol.line,
                symbol.column,
                f"public {symbol.kind} '{symbol.name}' of {snap.dotted(module)} is"
                f" named by no test file; test it or make it private",
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
        >>> callable(check_test_changes)
        True
    """
    found: list[Violation] = []
    for module in _checked(modules, snap):
        tests = pair(module, snap).tests
        if tests and not set(tests) & set(changed):
            found.append(
                violation(
                    "CON207",
                    module,
                    1,
                    1,
                    f"code of {snap.dotted(module)} changed but none of its tests"
                    f" ({', '.join(tests)}) changed in this commit; change a test"
                    f" first (require-test-change = true)",
                )
            )
    return found
