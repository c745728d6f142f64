"""Resolve a test's dotted references to the modules they reach, statically.

A name imported from a package is followed through the package's re-exports
(``from ._client import Client``, ``from x import *``) to the module where it is
defined; attribute access through an imported package goes one module at a time.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any

from constitution_hooks.rules.tdd.facts import Facts

# Reason: a re-export chain longer than this is a cycle (``a`` imports from ``b``
# which imports from ``a``); resolution stops instead of recursing forever.
_MAX_DEPTH = 12
Reach = frozenset[tuple[str, str]]
Asked = tuple[str, str]  # (module path, name asked of it)
# Reason: what a resolution asked of a module's top-level imports (not a name).
TOP = "\0top-imports"


def answer(facts: Facts, name: str) -> Hashable:
    """What resolving ``name`` in a module reads of its facts; ``""``: everything.

    A memo entry holds while every module answers as it did: adding a function
    to a module leaves the entries that never asked for it valid.

    Example:
        >>> from constitution_hooks.rules.tdd.facts import module_facts
        >>> answer(module_facts(b"def f(): ...\\n", ""), "f")
        True
    """
    if not name:
        return facts.interface_key
    if name == TOP:
        return hash(facts.top_imports)
    if name in facts.defined:
        return True  # Reason: the resolver asks whether it is defined first.
    bound = facts.bindings.get(name)
    return bound if bound is not None else facts.stars


class _Bounded(OrderedDict[Hashable, Any]):
    """A dict that drops its oldest entries past ``size``."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def __setitem__(self, key: Hashable, value: Any) -> None:
        super().__setitem__(key, value)
        if len(self) > self.size:
            self.popitem(last=False)


class Memo:
    """What each test blob reached, shared by the snapshots of a history.

    An entry holds the tree's modules version it was resolved in, the (module, name)
    pairs reached, and what its resolution asked of each module with the answer
    (see ``answer``): it stays valid while those answers and the tree's paths do.
    ``hints`` keeps, per module, the test that reached it last; ``private``, the
    private modules each module version imports.

    Example:
        >>> len(Memo().reaches)
        0
    """

    def __init__(self, size: int = 4096) -> None:
        """An empty memo of at most ``size`` entries."""
        self.reaches: _Bounded = _Bounded(size)
        self.hints: _Bounded = _Bounded(size)
        self.private: _Bounded = _Bounded(size)
        self.marked: _Bounded = _Bounded(size)
        self.routes: Any = None  # Reason: the last route discovery, see routes.py.

    def get(
        self, key: tuple[str, str], version: int, facts: Callable[[str], Facts]
    ) -> Reach | None:
        """The memoised reach of ``key``, if still valid where ``facts`` reads."""
        entry = self.reaches.get(key)
        if entry is None or entry[0] != version:
            return None
        if any(answer(facts(path), name) != k for path, name, k in entry[2]):
            return None
        found: Reach = entry[1]
        return found


class Resolver:
    """Resolve names and attribute chains of a test to the modules they reach.

    Attributes:
        modules: Dotted module name -> path, for every module of the project.
        facts: The facts of a path.

    Example:
        >>> from constitution_hooks.rules.tdd.facts import module_facts
        >>> files = {"p/__init__.py": b"from ._c import C\\n", "p/_c.py": b"C = 1\\n"}
        >>> r = Resolver({"p": "p/__init__.py", "p._c": "p/_c.py"},
        ...              lambda path: module_facts(files[path], "p"))
        >>> sorted(reach(r, "p", ("C",)))
        [('p/__init__.py', ''), ('p/_c.py', 'C')]
    """

    def __init__(
        self, modules: Mapping[str, str], facts: Callable[[str], Facts]
    ) -> None:
        """Remember the index; resolutions are memoised per instance."""
        self.modules = modules
        self._facts = facts
        self._origins: dict[tuple[str, str], tuple[str | None, frozenset[Asked]]] = {}
        self.consulted: set[Asked] = set()

    def facts(self, path: str, name: str = "") -> Facts:
        """The facts of ``path``, recorded with what is asked of it (see ``answer``)."""
        self.consulted.add((path, name))
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
        facts = self.facts(path, name)
        package = facts.package
        # Reason: a name defined at the top level is this module's own, whatever an
        # import scan found (``from pkg import App`` in a docstring's example).
        if name in facts.defined:
            return dotted
        bound = facts.bindings.get(name)
        if bound is not None:
            module, original = bound
            module = self.imported(module, original, facts.package)
            if not original:
                return module if module in self.modules else None
            if f"{module}.{original}" in self.modules:
                return f"{module}.{original}"
            return self.origin(module, original, depth + 1)
        if f"{dotted}.{name}" in self.modules:
            return f"{dotted}.{name}"
        for star in facts.stars:
            found = self.origin(self.imported(star, "*", package), name, depth + 1)
            if found is not None:
                return found
        return None

    def imported(self, module: str, name: str, package: str) -> str:
        """The module ``from module import name`` in ``package`` names: itself, or
        a sibling defining ``name`` when no project module has the name (Python 2's
        implicit relative import); a plain ``import logging`` stays itself.

        Example:
            >>> from constitution_hooks.rules.tdd.facts import module_facts
            >>> facts = module_facts(b"X = 1", "p")
            >>> r = Resolver({"p.b": "p/b.py"}, lambda path: facts)
            >>> r.imported("b", "X", "p"), r.imported("b", "", "p")
            ('p.b', 'b')
        """
        sibling = f"{package}.{module}"
        if not name or not package or module in self.modules:
            return module
        path = self.modules.get(sibling)
        if path is None:
            return module
        facts = self.facts(path)
        known = name == "*" or name in facts.defined or name in facts.bindings
        return sibling if known or f"{sibling}.{name}" in self.modules else module


def reach_ref(resolver: Resolver, ref: tuple[str, ...]) -> set[tuple[str, str]]:
    """What a dotted reference reaches, from its longest prefix that is a module.

    Example:
        >>> from constitution_hooks.rules.tdd.facts import module_facts
        >>> reach_ref(Resolver({}, module_facts), ("os", "path"))
        set()
    """
    for end in range(len(ref), 0, -1):
        dotted = ".".join(ref[:end])
        if dotted in resolver.modules:
            return reach(resolver, dotted, ref[end:])
    return set()


def reach(
    resolver: Resolver, dotted: str, attributes: Iterable[str]
) -> set[tuple[str, str]]:
    """The paths of the modules a reference ``dotted.attr1.attr2...`` reaches.

    The module itself is reached (it was imported); each attribute that is a
    submodule, or a name bound to a module, goes one step further; the first
    attribute that is a plain name reaches the module it originates in.

    Example:
        >>> from constitution_hooks.rules.tdd.facts import module_facts
        >>> reach(Resolver({}, module_facts), "os", ("path",))
        set()
    """
    reached: set[tuple[str, str]] = set()
    current = dotted
    if current not in resolver.modules:
        return reached
    reached.add((resolver.modules[current], ""))
    for attribute in attributes:
        found = resolver.origin(current, attribute)
        if found is None:
            break
        is_module = found == f"{current}.{attribute}" or _is_module_binding(
            resolver, current, attribute
        )
        reached.add((resolver.modules[found], "" if is_module else attribute))
        if not is_module:
            break
        current = found
    return reached


def _is_module_binding(resolver: Resolver, dotted: str, name: str) -> bool:
    bound = resolver.facts(resolver.modules[dotted], name).bindings.get(name)
    if bound is None:
        return False
    module, original = bound
    return not original or f"{module}.{original}" in resolver.modules
