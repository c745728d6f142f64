"""One tree state (the index, or a commit): its paths, modules, tests and facts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from pathlib import PurePosixPath
from types import MappingProxyType

from constitution_hooks.core.source import SourceFile, SourceUnreadableError
from constitution_hooks.rules.tdd import layout
from constitution_hooks.rules.tdd.facts import Facts, module_facts
from constitution_hooks.rules.tdd.resolve import Memo
from constitution_hooks.rules.tdd.settings import TddSettings

_PACKAGE_FILES = ("__init__.py", "__main__.py")
_NONE: Mapping[str, SourceFile] = MappingProxyType({})


class Tree:
    """The Python files of one tree state, read lazily and each parsed at most once.

    Attributes:
        files: Path (relative to the project root) -> content key (a blob id).
        load: Reads a content key's bytes.
        cfg: The resolved tdd-pairing settings.
        cache, memo: Facts by (content key, package), and what tests reach.
        contexts: Module -> the coverage contexts that ran it.

    Example:
        >>> from constitution_hooks.rules.tdd.layout import LAYOUTS
        >>> cfg = TddSettings((), (), LAYOUTS, "name", (), False, "test_.*", True)
        >>> Tree({"src/a.py": "k"}, lambda k: b"x = 1\\n", cfg).modules()
        ['src/a.py']
    """

    contexts: Mapping[str, list[str]] = MappingProxyType({})

    def __init__(
        self,
        files: Mapping[str, str],
        load: Callable[[str], bytes],
        cfg: TddSettings,
        cache: dict[tuple[str, str], Facts] | None = None,
        memo: Memo | None = None,
    ) -> None:
        """Remember the files; nothing is read until a rule asks."""
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
            self.cache[key] = module_facts(self.load(self.files[path]), key[1])
        return self.cache[key]

    def is_module(self, path: str) -> bool:
        """Whether ``path`` is a source module (exempt or not)."""
        if not layout.is_module_path(path, self.roots, self.cfg.test_roots):
            return False
        if PurePosixPath(path).name in _PACKAGE_FILES:
            return self.facts(path).has_definitions
        return True

    def modules(self) -> list[str]:
        """Every source module of the tree, sorted (listed once per state)."""
        return list(_modules(self))

    @cached_property
    def index(self) -> dict[str, str]:
        """Dotted name -> path of every importable file under the source roots."""
        found: dict[str, str] = {}
        for path in sorted(self.files):
            if layout.is_module_path(path, self.roots, self.cfg.test_roots):
                found.setdefault(self.dotted(path), path)
        return found


def _modules(tree: Tree) -> tuple[str, ...]:
    # Reason: asked per judged module; forgotten when contents change (refresh).
    found: tuple[str, ...] | None = tree.__dict__.get("_modules")
    if found is None:
        found = tuple(path for path in sorted(tree.files) if tree.is_module(path))
        tree.__dict__["_modules"] = found
    return found


def share(
    tree: Tree, paths: Iterable[str], read: Mapping[str, SourceFile] = _NONE
) -> None:
    """Judge each of ``paths`` on one ``SourceFile``: its facts and waivers share it.

    A file in ``read`` (the file rules of the same run read it) is taken when it
    holds the tree's bytes, so one parse serves every rule. Call it before asking
    for the facts of ``paths``; their trees stay in memory with the facts, so
    share the files a run judges (a commit's), not a whole tree.

    Example:
        >>> from constitution_hooks.rules.tdd.layout import LAYOUTS
        >>> cfg = TddSettings((), (), LAYOUTS, "name", (), False, "test_.*", True)
        >>> tree = Tree({"a.py": "k"}, lambda k: b"x = 1\\n", cfg)
        >>> given = SourceFile.from_bytes("a.py", b"x = 1\\n")
        >>> share(tree, ["a.py"], {"a.py": given})
        >>> judged(tree, "a.py") is given
        True
    """
    for path in paths:
        key = tree.files.get(path)
        if key is None:
            continue
        data = tree.load(key)
        source = read.get(path)
        if source is None or _data(source) != data:
            source = SourceFile.from_bytes(path, data)
        package = tree.package(path)
        tree.cache.setdefault((key, package), module_facts(source, package))


def judged(tree: Tree, path: str) -> SourceFile:
    """The file ``path`` as judged: the one its facts share, else one made now.

    Example:
        >>> from constitution_hooks.rules.tdd.layout import LAYOUTS
        >>> cfg = TddSettings((), (), LAYOUTS, "name", (), False, "test_.*", True)
        >>> tree = Tree({"a.py": "k"}, lambda k: b"x = 1\\n", cfg)
        >>> judged(tree, "a.py").line_count
        1
    """
    shared = tree.facts(path).source
    return shared or SourceFile.from_bytes(path, tree.load(tree.files[path]))


def _data(source: SourceFile) -> bytes | None:
    try:
        return source.data
    except SourceUnreadableError:
        return None
