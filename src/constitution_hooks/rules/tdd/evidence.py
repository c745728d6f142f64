"""Evidence that a test exercises a module, resolved statically from the index.

A test reaches a module when it imports it, imports a name that originates in it
(re-exports followed through packages, ``from x import *`` included), reaches it by
attribute access through an imported package (``pkg.Client(...)``), or names it in a
dotted string (``mock.patch("pkg.mod.f")``, ``python -m pkg.tool``). Nothing is
imported or executed. Every Python file of a test root counts as a test here
(helpers and ``conftest.py`` exercise code for the tests that use them).
"""

from __future__ import annotations

from functools import cached_property
from pathlib import PurePosixPath

from constitution_hooks.rules.tdd import layout
from constitution_hooks.rules.tdd.facts import imports_module
from constitution_hooks.rules.tdd.resolve import (
    TOP,
    Memo,
    Reach,
    Resolver,
    answer,
    reach_ref,
)
from constitution_hooks.rules.tdd.tree import Tree

__all__ = ["GENERATED", "NOT_PRODUCT", "NO_CODE", "Memo", "Resolver", "Snapshot"]

NO_CODE = "no code of its own (only imports, constants, declarations or stubs)"
GENERATED = "generated (a generated / do not edit marker in its first 5 lines)"
NOT_PRODUCT = "not product code (" + ", ".join(sorted(layout.NOT_PRODUCT)) + ")"


class Snapshot(Tree):
    """A tree state with what needs no test, and what each test reaches.

    Example:
        >>> from constitution_hooks.rules.tdd.layout import LAYOUTS
        >>> from constitution_hooks.rules.tdd.settings import TddSettings
        >>> cfg = TddSettings((), (), LAYOUTS, "name", (), False, "test_.*", True)
        >>> Snapshot({"a/b.py": "k"}, lambda k: b"X = 1\\n", cfg).exemption("a/b.py")
        'no code of its own (only imports, constants, declarations or stubs)'
    """

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

    def exemption(self, path: str) -> str | None:
        """Why ``path`` needs no test: configured, or a default; None when it does."""
        reason = self.cfg.exemption(path)
        return reason if reason is not None else _default_exemption(self, path)

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
    def version(self) -> int:
        """Identifies the modules' paths (what resolution looks names up in)."""
        return hash(tuple(self.index.items()))

    @cached_property
    def resolver(self) -> Resolver:
        """Resolve references against this tree's modules."""
        return Resolver(self.index, self.facts)

    def reach(self, test: str) -> Reach:
        """The (module path, name) pairs ``test`` reaches (name "" for a module)."""
        return _reach(self, test)

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
        >>> from constitution_hooks.rules.tdd.settings import TddSettings
            >>> cfg = TddSettings((), (), LAYOUTS, "name", (), False, "t", True)
            >>> snap = Snapshot({}, lambda k: b"", cfg)
            >>> snap.refreshed() is snap
            True
        """
        for name in ("_evidence", "resolver", "_routes", "_reaches", "_modules"):
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


def _default_exemption(snap: Snapshot, path: str) -> str | None:
    kinds = snap.cfg.default_exempt
    if "not-product" in kinds and layout.not_product(path, snap.roots):
        return NOT_PRODUCT
    facts = snap.facts(path)
    if "generated" in kinds and facts.generated:
        return GENERATED
    if "no-code" in kinds and facts.parsed and not facts.has_code:
        return NO_CODE
    return None


def _reach(snap: Snapshot, test: str) -> Reach:
    # Reason: several modules of one commit ask for the same tests; the memo's
    # check that an entry still holds is done once per test and state.
    known: dict[str, Reach] = snap.__dict__.setdefault("_reaches", {})
    if test not in known:
        key = (snap.files[test], test)
        found = snap.memo.get(key, snap.version, snap.facts)
        known[test] = _resolve(snap, test, key) if found is None else found
    return known[test]


def _resolve(snap: Snapshot, test: str, key: tuple[str, str]) -> Reach:
    """Resolve what ``test`` reaches and memoise it with what it consulted."""
    resolver = snap.resolver
    resolver.consulted = set()
    refs = snap.facts(test).refs
    found = frozenset(pair for ref in refs for pair in reach_ref(resolver, ref))
    used = {path for path, name in found if name and not path.endswith("__init__.py")}
    found |= _private_closure(used, snap, resolver)
    deps = tuple(
        (path, name, answer(snap.facts(path), name))
        for path, name in resolver.consulted
    )
    snap.memo.reaches[key] = (snap.version, found, deps)
    return found


def _private_closure(
    reached: set[str], snap: Snapshot, resolver: Resolver
) -> frozenset[tuple[str, str]]:
    """Private modules (``pkg._urlparse``) the reached modules import, transitively.

    A private module is tested through the public API of the modules that import
    it unconditionally (at the top level); a package's ``__init__`` only gathers
    names, so nothing is followed from it.
    """
    queue, seen = list(reached), set(reached)
    while queue:
        for target in _private_imports(queue.pop(), snap, resolver):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return frozenset((path, "") for path in seen - reached)


def _private_imports(path: str, snap: Snapshot, resolver: Resolver) -> list[str]:
    """The private modules ``path`` imports at the top level (not packages)."""
    facts = resolver.facts(path, TOP)
    # Reason: the answer depends on the file's content and the tree's modules only;
    # kept per (content, index) so a history computes it once per module version.
    key = (snap.files.get(path, path), path, snap.version)
    found: list[str] | None = snap.memo.private.get(key)
    if found is not None:
        return found
    found = []
    for module, name in facts.top_imports:
        for dotted in (f"{module}.{name}", module):
            target = snap.index.get(dotted)
            if (
                target is not None
                and not target.endswith("__init__.py")
                and any(p.startswith("_") for p in dotted.split(".")[1:])
            ):
                found.append(target)
    snap.memo.private[key] = found
    return found
