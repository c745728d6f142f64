"""Evidence that a test exercises a module, resolved statically from the index.

A test reaches a module when it imports it, imports a name that originates in it
(re-exports followed through packages, ``from x import *`` included), reaches it by
attribute access through an imported package (``pkg.Client(...)``), or names it in a
dotted string (``mock.patch("pkg.mod.f")``, ``python -m pkg.tool``). Nothing is
imported or executed. Every Python file of a test root counts as a test here
(helpers and ``conftest.py`` exercise code for the tests that use them).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping
from functools import cached_property
from pathlib import PurePosixPath
from typing import Any

from constitution_hooks.rules.tdd import layout
from constitution_hooks.rules.tdd.facts import Facts, analyse, imports_module
from constitution_hooks.rules.tdd.settings import TddSettings

_PACKAGE_FILES = ("__init__.py", "__main__.py")
# Reason: a re-export chain longer than this is a cycle (``a`` imports from ``b``
# which imports from ``a``); resolution stops instead of recursing forever.
_MAX_DEPTH = 12
NO_CODE = "no code of its own (only imports, constants, declarations or stubs)"
GENERATED = "generated (a generated / do not edit marker in its first 5 lines)"
NOT_PRODUCT = "not product code (" + ", ".join(sorted(layout.NOT_PRODUCT)) + ")"


class _Bounded(OrderedDict[Hashable, Any]):
    """A dict that drops its oldest entries past ``size``."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def __setitem__(self, key: Hashable, value: Any) -> None:
        super().__setitem__(key, value)
        if len(self) > self.size:
            self.popitem(last=False)


Reach = frozenset[tuple[str, str]]


class Memo:
    """What each test blob reached, shared by the snapshots of a history.

    An entry holds the tree's modules version it was resolved in, the (module, name)
    pairs reached, and the interface of every module its resolution consulted:
    it stays valid while those interfaces and the tree's paths do.

    Example:
        >>> len(Memo().reaches)
        0
    """

    def __init__(self, size: int = 4096) -> None:
        """An empty memo of at most ``size`` entries."""
        self.reaches: _Bounded = _Bounded(size)

    def get(self, key: tuple[str, str], version: int, snap: Snapshot) -> Reach | None:
        """The memoised reach of ``key``, if still valid in ``snap``."""
        entry = self.reaches.get(key)
        if entry is None or entry[0] != version:
            return None
        if any(snap.facts(path).interface_key != k for path, k in entry[2]):
            return None
        found: Reach = entry[1]
        return found


class Resolver:
    """Resolve names and attribute chains of a test to the modules they reach.

    Attributes:
        modules: Dotted module name -> path, for every module of the project.
        facts: The facts of a path.

    Example:
        >>> files = {"p/__init__.py": b"from ._c import C\\n", "p/_c.py": b"C = 1\\n"}
        >>> r = Resolver({"p": "p/__init__.py", "p._c": "p/_c.py"},
        ...              lambda path: analyse(files[path], "p"))
        >>> sorted(r.reach("p", ("C",)))
        [('p/__init__.py', ''), ('p/_c.py', 'C')]
    """

    def __init__(
        self, modules: Mapping[str, str], facts: Callable[[str], Facts]
    ) -> None:
        """Remember the index; resolutions are memoised per instance."""
        self.modules = modules
        self._facts = facts
        self._origins: dict[tuple[str, str], tuple[str | None, frozenset[str]]] = {}
        self.consulted: set[str] = set()

    def facts(self, path: str) -> Facts:
        """The facts of ``path``, recorded among the paths consulted."""
        self.consulted.add(path)
        return self._facts(path)

    def origin(self, dotted: str, name: str, depth: int = 0) -> str | None:
        """The dotted module a name of module ``dotted`` originates in, or None.

        A submodule ``dotted.name`` is its own origin; a name bound by import is
        followed to where it is defined; a name the module defines is its own.
        """
        key = (dotted, name)
        if key in self._origins:
            found, used = self._origins[key]
            self.consulted |= used
            return found
        self._origins[key] = (None, frozenset())  # Reason: a cycle finds nothing.
        outer, self.consulted = self.consulted, set()
        found = self._origin(dotted, name, depth)
        used = frozenset(self.consulted)
        self._origins[key] = (found, used)
        self.consulted = outer | used
        return found

    def _origin(self, dotted: str, name: str, depth: int) -> str | None:
        path = self.modules.get(dotted)
        if path is None or depth > _MAX_DEPTH:
            return None
        facts = self.facts(path)
        bound = facts.bindings.get(name)
        if bound is not None:
            module, original = bound
            if not original:
                return module if module in self.modules else None
            if f"{module}.{original}" in self.modules:
                return f"{module}.{original}"
            return self.origin(module, original, depth + 1)
        if name in facts.defined:
            return dotted
        if f"{dotted}.{name}" in self.modules:
            return f"{dotted}.{name}"
        for star in facts.stars:
            found = self.origin(star, name, depth + 1)
            if found is not None:
                return found
        return None

    def reach_ref(self, ref: tuple[str, ...]) -> set[tuple[str, str]]:
        """What a dotted reference reaches, from its longest prefix that is a module.

        Example:
            >>> Resolver({}, analyse).reach_ref(("os", "path"))
            set()
        """
        for end in range(len(ref), 0, -1):
            dotted = ".".join(ref[:end])
            if dotted in self.modules:
                return self.reach(dotted, ref[end:])
        return set()

    def reach(self, dotted: str, attributes: Iterable[str]) -> set[tuple[str, str]]:
        """The paths of the modules a reference ``dotted.attr1.attr2...`` reaches.

        The module itself is reached (it was imported); each attribute that is a
        submodule, or a name bound to a module, goes one step further; the first
        attribute that is a plain name reaches the module it originates in.
        """
        reached: set[tuple[str, str]] = set()
        current = dotted
        if current not in self.modules:
            return reached
        reached.add((self.modules[current], ""))
        for attribute in attributes:
            found = self.origin(current, attribute)
            if found is None:
                break
            is_module = found == f"{current}.{attribute}" or self._is_module_binding(
                current, attribute
            )
            reached.add((self.modules[found], "" if is_module else attribute))
            if not is_module:
                break
            current = found
        return reached

    def _is_module_binding(self, dotted: str, name: str) -> bool:
        bound = self.facts(self.modules[dotted]).bindings.get(name)
        if bound is None:
            return False
        module, original = bound
        return not original or f"{module}.{original}" in self.modules


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
        memo: Memo | None = None,
    ) -> None:
        """Remember the files; nothing is read until a rule asks.

        ``memo`` (shared between the snapshots of a history) keeps what each test
        blob reaches while the modules it consulted keep their interfaces and
        the tree keeps its modules' paths.
        """
        self.files = files
        self.load = load
        self.cfg = cfg
        self.cache: dict[tuple[str, str], Facts] = {} if cache is None else cache
        self.memo = Memo() if memo is None else memo
        self._dotted: dict[str, str] = {}
        self._packages: dict[str, str] = {}

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
    def evidence_files(self) -> tuple[str, ...]:
        """Test files, and every other file of a test root (helpers, conftest)."""
        return tuple(
            path
            for path in sorted(self.files)
            if (
                layout.naming_kind(path)
                or PurePosixPath(path).name == "conftest.py"
                or layout.in_test_root(path, self.cfg.test_roots)
            )
            and self.cfg.exemption(path) is None
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

    def package(self, path: str) -> str:
        """The dotted package ``path`` lives in (itself for ``__init__.py``)."""
        if path not in self._packages:
            dotted = self.dotted(path)
            is_package = path.rpartition("/")[2] == "__init__.py"
            self._packages[path] = dotted if is_package else dotted.rpartition(".")[0]
        return self._packages[path]

    def facts(self, path: str) -> Facts:
        """The parsed facts of ``path`` (cached by content and package)."""
        key = (self.files[path], self.package(path))
        if key not in self.cache:
            self.cache[key] = analyse(self.load(self.files[path]), key[1])
        return self.cache[key]

    def is_module(self, path: str) -> bool:
        """Whether ``path`` is a source module (exempt or not)."""
        if not layout.is_module_path(path, self.roots, self.cfg.test_roots):
            return False
        if PurePosixPath(path).name in _PACKAGE_FILES:
            return self.facts(path).has_definitions
        return True

    def modules(self) -> list[str]:
        """Every source module of the tree, sorted."""
        return [path for path in sorted(self.files) if self.is_module(path)]

    def exemption(self, path: str) -> str | None:
        """Why ``path`` needs no test: configured, or a default; None when it does."""
        reason = self.cfg.exemption(path)
        if reason is not None:
            return reason
        kinds = self.cfg.default_exempt
        if "not-product" in kinds and layout.not_product(path, self.roots):
            return NOT_PRODUCT
        facts = self.facts(path)
        if "generated" in kinds and facts.generated:
            return GENERATED
        if "no-code" in kinds and facts.parsed and not facts.has_code:
            return NO_CODE
        return None

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

    @cached_property
    def index(self) -> dict[str, str]:
        """Dotted name -> path of every importable file under the source roots."""
        found: dict[str, str] = {}
        for path in sorted(self.files):
            if layout.is_module_path(path, self.roots, self.cfg.test_roots):
                found.setdefault(self.dotted(path), path)
        return found

    @cached_property
    def version(self) -> int:
        """Identifies the modules' paths (what resolution looks names up in)."""
        return hash(tuple(self.index.items()))

    @cached_property
    def resolver(self) -> Resolver:
        """Resolve references against this tree's modules."""
        return Resolver(self.index, self.facts)

    def reach(self, test: str) -> Reach:
        """The (module path, name) pairs ``test`` reaches (name "" for a module)."""
        key = (self.files[test], test)
        found = self.memo.get(key, self.version, self)
        if found is None:
            resolver = self.resolver
            resolver.consulted = set()
            found = frozenset(
                pair
                for ref in self.facts(test).refs
                for pair in resolver.reach_ref(ref)
            )
            deps = tuple(
                (path, self.facts(path).interface_key) for path in resolver.consulted
            )
            self.memo.reaches[key] = (self.version, found, deps)
        return found

    @cached_property
    def _evidence(self) -> tuple[dict[str, list[str]], dict[str, set[str]]]:
        by_module: dict[str, list[str]] = {}
        names: dict[str, set[str]] = {}
        for test in self.evidence_files:
            reached: set[str] = set()
            for path, name in self.reach(test):
                reached.add(path)
                if name:
                    names.setdefault(path, set()).add(name)
            for path in reached:
                by_module.setdefault(path, []).append(test)
        return by_module, names

    def refreshed(self) -> Snapshot:
        """This snapshot, with what depends on file contents forgotten.

        Example:
            >>> from constitution_hooks.rules.tdd.layout import LAYOUTS
            >>> cfg = TddSettings((), (), LAYOUTS, "name", (), False, "t", True)
            >>> snap = Snapshot({}, lambda k: b"", cfg)
            >>> snap.refreshed() is snap
            True
        """
        for name in ("_evidence", "resolver"):
            self.__dict__.pop(name, None)
        return self

    @property
    def reached(self) -> dict[str, list[str]]:
        """Module path -> the tests (and test helpers) that reach it."""
        return self._evidence[0]

    @property
    def reached_names(self) -> dict[str, set[str]]:
        """Module path -> the names of it that tests reach."""
        return self._evidence[1]
