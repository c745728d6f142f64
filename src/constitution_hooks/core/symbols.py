"""Resolve names across a project's modules statically: no import is executed.

A ``Project`` holds the Python files of a run; it parses a module only when a name
leads to it. Names resolve to a ``Symbol`` (bound in a project module), an
``External`` (imported from outside the project, or a builtin), or None when the
tool cannot tell (a star import, a name bound twice, a dynamic value).
"""

from __future__ import annotations

import ast
import builtins
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import NamedTuple, Union

from constitution_hooks.core.source import SourceFile, SourceUnreadableError

# Reason: deep enough for any real alias chain, short enough to stop a cycle.
MAX_DEPTH = 24
_BLOCKS = ("body", "orelse", "finalbody", "handlers")
_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


class External(NamedTuple):
    """A name from outside the project: a module, a name in it, or a builtin.

    Example:
        >>> External("fastapi.APIRouter").name
        'APIRouter'
    """

    qualname: str

    @property
    def name(self) -> str:
        """The last part of the dotted name."""
        return self.qualname.rpartition(".")[2]


class Symbol(NamedTuple):
    """A name bound in a project module.

    Attributes:
        file: The module's file, as the project lists it.
        scope: ``""`` at module level, else the qualified name of the function.
        name: The bound name (``""`` for a module itself).
        node: The bound value: an expression, a class or function definition,
            or None when the symbol is the module ``file`` itself.

    Example:
        >>> Symbol("app/main.py", "", "", None).is_module
        True
    """

    file: str
    scope: str
    name: str
    node: ast.AST | None

    @property
    def is_module(self) -> bool:
        """Whether the symbol is a whole module."""
        return self.node is None


Target = Union[Symbol, External, None]  # noqa: UP007 -- a run-time alias on 3.10


class _Imported(NamedTuple):
    """A name an import statement binds: the alias and its statement."""

    alias: ast.alias
    statement: ast.Import | ast.ImportFrom


class Scope:
    """The names one block of statements binds (not those of nested definitions).

    Compound statements (``if``, ``try``, ``with``, loops) are walked into; function
    and class bodies are not, they are scopes of their own.

    Example:
        >>> s = Scope.of(ast.parse("import os\\nif x:\\n    y = 1\\n").body)
        >>> sorted(s.names)
        ['os', 'y']
    """

    def __init__(self, qualname: str = "") -> None:
        """An empty scope; ``qualname`` is ``""`` for a module."""
        self.qualname = qualname
        self.names: dict[str, list[ast.AST | _Imported]] = {}
        self.star = False

    @classmethod
    def of(cls, body: Sequence[ast.stmt], qualname: str = "") -> Scope:
        """Collect the bindings of ``body``."""
        scope = cls(qualname)
        scope._collect(body)
        return scope

    def _bind(self, name: str, node: ast.AST | _Imported) -> None:
        self.names.setdefault(name, []).append(node)

    def _collect(self, body: Iterable[ast.AST]) -> None:
        for node in body:
            if isinstance(node, _DEFS):
                self._bind(node.name, node)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                self._imports(node)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                self._assign(node)
            else:
                for block in _BLOCKS:
                    self._collect(getattr(node, block, ()))

    def _imports(self, node: ast.Import | ast.ImportFrom) -> None:
        for alias in node.names:
            if alias.name == "*":
                self.star = True
            elif isinstance(node, ast.Import) and alias.asname is None:
                self._bind(alias.name.partition(".")[0], _Imported(alias, node))
            else:
                self._bind(alias.asname or alias.name, _Imported(alias, node))

    def _assign(self, node: ast.Assign | ast.AnnAssign) -> None:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            if isinstance(target, ast.Name) and node.value is not None:
                self._bind(target.id, node.value)
            elif isinstance(target, (ast.Tuple, ast.List, ast.Starred)):
                # Reason: unpacking binds each name to a part the tool cannot tell.
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        self._bind(name.id, target)


def module_name_of(file: str, files: frozenset[str]) -> str:
    """The dotted module name of ``file``, walking up its ``__init__.py`` packages.

    Example:
        >>> module_name_of("src/pkg/mod.py", frozenset({"src/pkg/__init__.py"}))
        'pkg.mod'
    """
    folder, name = os.path.split(file)
    parts = [] if name == "__init__.py" else [name[:-3]]
    while folder and os.path.join(folder, "__init__.py") in files:
        folder, package = os.path.split(folder)
        parts.insert(0, package)
    return ".".join(parts)


class Modules:
    """The Python files of a run, each parsed once, when first needed.

    Example:
        >>> import tempfile
        >>> root = Path(tempfile.mkdtemp())
        >>> _ = (root / "db.py").write_text("x = 1\\n")
        >>> modules = Modules([str(root / "db.py")])
        >>> modules.module_file("db", str(root / "app.py")) == str(root / "db.py")
        True
    """

    def __init__(self, files: Iterable[str] | Callable[[], Iterable[str]]) -> None:
        """Index ``files``, or the files a callable lists when first needed."""
        self._list = files
        self._files: frozenset[str] | None = None
        self._extra: set[str] = set()
        self._sources: dict[str, SourceFile | None] = {}
        self._scopes: dict[str, Scope | None] = {}

    @property
    def files(self) -> frozenset[str]:
        """Every file of the project, as absolute paths."""
        if self._files is None:
            listed = self._list() if callable(self._list) else self._list
            self._files = frozenset(os.path.abspath(f) for f in listed)
            self._files |= self._extra
        return self._files

    def add(self, source: SourceFile) -> None:
        """Use an already parsed file, so it is not read again."""
        file = os.path.abspath(str(source.path))
        known = self._sources.get(file)
        if known is not None and known is not source:
            # Reason: share one parse (and so one tree) between the run and the index.
            for name in ("data", "text", "tree"):
                if name in known.__dict__ and name not in source.__dict__:
                    source.__dict__[name] = known.__dict__[name]
        self._extra.add(file)
        if self._files is not None:
            self._files |= {file}
        self._sources[file] = source

    def data(self, file: str) -> bytes | None:
        """The bytes of ``file``: those of a file given to ``add``, else the disk's.

        Example:
            >>> Modules([]).data("no-such-file.py") is None
            True
        """
        known = self._sources.get(os.path.abspath(file))
        try:
            return known.data if known is not None else Path(file).read_bytes()
        except (OSError, SourceUnreadableError):
            return None

    def source(self, file: str) -> SourceFile | None:
        """The parsed file, or None when it cannot be read or parsed."""
        file = os.path.abspath(file)
        if file not in self._sources:
            source: SourceFile | None = SourceFile(Path(file), file)
            try:
                # Reason: parse here, so a broken file is caught in this try.
                source.tree  # type: ignore[union-attr]  # noqa: B018
            except (SourceUnreadableError, SyntaxError, ValueError, RecursionError):
                source = None
            self._sources[file] = source
        return self._sources[file]

    def tree(self, file: str) -> ast.Module | None:
        """The parsed module of ``file``, or None."""
        source = self.source(file)
        try:
            return source.tree if source is not None else None
        except (SourceUnreadableError, SyntaxError, ValueError, RecursionError):
            return None

    def scope(self, file: str) -> Scope | None:
        """The module-level bindings of ``file``, or None when it does not parse."""
        file = os.path.abspath(file)
        if file not in self._scopes:
            tree = self.tree(file) if file in self.files else None
            self._scopes[file] = Scope.of(tree.body) if tree is not None else None
        return self._scopes[file]

    def module_file(self, module: str, near: str) -> str | None:
        """The project file of a dotted module imported from ``near``, or None.

        Looked up from the importing file's package root, then from each folder
        above it, nearest first (so ``src`` layouts and namespace packages work).
        """
        relative = module.replace(".", os.sep)
        for folder in _roots(self.files, near):
            for candidate in (relative + ".py", os.path.join(relative, "__init__.py")):
                path = os.path.normpath(os.path.join(folder, candidate))
                if path in self.files:
                    return path
        return None


class Project(Modules):
    """The files of a run with static name resolution across them.

    Example:
        >>> import tempfile
        >>> root = Path(tempfile.mkdtemp())
        >>> _ = (root / "conf.py").write_text("class Settings: ...\\n")
        >>> _ = (root / "app.py").write_text("from conf import Settings\\n")
        >>> project = Project([str(root / "conf.py"), str(root / "app.py")])
        >>> project.resolve_name(str(root / "app.py"), "Settings").name
        'Settings'
    """

    def __init__(self, files: Iterable[str] | Callable[[], Iterable[str]]) -> None:
        """Index ``files``; module-level names are resolved once each."""
        super().__init__(files)
        self._resolved: dict[tuple[str, str], Target] = {}

    def resolve(
        self, file: str, node: ast.expr, scopes: Sequence[Scope] = (), depth: int = 0
    ) -> Target:
        """What a ``Name`` or dotted ``Attribute`` expression refers to.

        Args:
            file: The module the expression is in.
            node: The expression.
            scopes: The enclosing function scopes, innermost first.
            depth: How many aliases were followed so far.

        Returns:
            A ``Symbol``, an ``External`` or None when unknown.
        """
        if depth > MAX_DEPTH:
            return None
        if isinstance(node, ast.Name):
            return self.resolve_name(file, node.id, scopes, depth)
        if isinstance(node, ast.Attribute):
            base = self.resolve(file, node.value, scopes, depth + 1)
            return self.member(base, node.attr, depth + 1)
        return None

    def resolve_name(
        self, file: str, name: str, scopes: Sequence[Scope] = (), depth: int = 0
    ) -> Target:
        """What a bare name refers to in ``file`` (innermost scope first)."""
        for scope in scopes:
            if name in scope.names:
                return self._bound(file, scope, name, depth)
        key = (file, name)
        if key in self._resolved:
            return self._resolved[key]
        found = _module_level(self, file, name, depth)
        if found is not None or depth == 0:
            # Reason: a None found deep in an alias chain may be the depth limit.
            self._resolved[key] = found
        return found

    def member(self, base: Target, attr: str, depth: int = 0) -> Target:
        """What ``base.attr`` refers to."""
        if isinstance(base, External):
            return External(f"{base.qualname}.{attr}")
        if base is None or not base.is_module:
            return None
        scope = self.scope(base.file)
        if scope is not None and attr in scope.names:
            return self._bound(base.file, scope, attr, depth + 1)
        return _submodule(self.files, base.file, attr)

    def _bound(self, file: str, scope: Scope, name: str, depth: int) -> Target:
        nodes = scope.names[name]
        if len(nodes) != 1 or depth > MAX_DEPTH:
            return None
        node = nodes[0]
        if isinstance(node, _Imported):
            return self._imported(file, node, depth)
        if isinstance(node, (ast.Name, ast.Attribute)):
            # Reason: an alias (``router = items.router``) is followed to its origin.
            return self.resolve(file, node, (), depth + 1)
        if isinstance(node, (ast.Tuple, ast.List, ast.Starred)):
            return None
        if isinstance(node, (ast.expr, *_DEFS)):
            return Symbol(file, scope.qualname, name, node)
        return None

    def _imported(self, file: str, imported: _Imported, depth: int) -> Target:
        alias, statement = imported
        base: Target
        if isinstance(statement, ast.Import):
            dotted = alias.name if alias.asname else alias.name.partition(".")[0]
            return _absolute(self, dotted, file)
        if statement.level:
            base = _relative(self.files, file, statement.level, statement.module)
        else:
            base = _absolute(self, statement.module or "", file)
        if isinstance(base, Symbol) and base.file == os.path.abspath(file):
            # Reason: a package importing from itself (``from . import sub`` in its
            # __init__) binds the name it is looking up: that is the submodule.
            return _submodule(self.files, base.file, alias.name)
        return self.member(base, alias.name, depth + 1)


def _roots(files: frozenset[str], near: str) -> list[str]:
    near = os.path.abspath(near)
    folder = os.path.dirname(near)
    module = module_name_of(near, files)
    root = folder
    for _ in range(module.count(".") + (near.endswith("__init__.py"))):
        root = os.path.dirname(root)
    chain = [root]
    while folder and folder != os.path.dirname(folder):
        chain.append(folder)
        folder = os.path.dirname(folder)
    chain.append(folder)
    return list(dict.fromkeys(chain))


def _module_level(project: Project, file: str, name: str, depth: int) -> Target:
    module = project.scope(file)
    if module is None:
        return None
    if name in module.names:
        return project._bound(file, module, name, depth)
    if module.star or not hasattr(builtins, name):
        return None
    return External(f"builtins.{name}")


def _absolute(modules: Modules, dotted: str, near: str) -> Target:
    found = modules.module_file(dotted, near)
    return Symbol(found, "", "", None) if found else External(dotted)


def _submodule(files: frozenset[str], file: str, attr: str) -> Symbol | None:
    if os.path.basename(file) != "__init__.py":
        return None
    folder = os.path.dirname(file)
    for candidate in (f"{attr}.py", os.path.join(attr, "__init__.py")):
        path = os.path.normpath(os.path.join(folder, candidate))
        if path in files:
            return Symbol(path, "", "", None)
    return None


def _relative(
    files: frozenset[str], file: str, level: int, module: str | None
) -> Symbol | None:
    folder = os.path.dirname(os.path.abspath(file))
    for _ in range(level - 1):
        folder = os.path.dirname(folder)
    if module is None:
        # Reason: a namespace package has no __init__.py, yet its submodules
        # resolve through this (absent) file's folder.
        return Symbol(os.path.join(folder, "__init__.py"), "", "", None)
    base = os.path.join(folder, module.replace(".", os.sep))
    for candidate in (base + ".py", os.path.join(base, "__init__.py")):
        if os.path.normpath(candidate) in files:
            return Symbol(os.path.normpath(candidate), "", "", None)
    return None


def string_value(
    project: Project,
    file: str,
    node: ast.expr,
    scopes: Sequence[Scope] = (),
    depth: int = 0,
) -> str | None:
    """The value of a string expression built from literals and constants.

    Literals, f-strings and ``+`` of them, and names bound once to such a
    value (in the module or imported from another project module) are
    followed; anything else (a settings attribute, a call) is None.

    Example:
        >>> code = b"V = 'v1'\\nPREFIX = f'/api/{V}' + '/items'\\n"
        >>> project = Project([])
        >>> project.add(SourceFile.from_bytes("m.py", code))
        >>> string_value(project, "m.py", ast.parse("PREFIX", mode="eval").body)
        '/api/v1/items'
    """
    if depth > MAX_DEPTH:
        return None
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    if isinstance(node, ast.JoinedStr):
        parts = [_fstring_part(project, file, p, scopes, depth) for p in node.values]
        return None if None in parts else "".join(p or "" for p in parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left = string_value(project, file, node.left, scopes, depth + 1)
        right = string_value(project, file, node.right, scopes, depth + 1)
        return left + right if left is not None and right is not None else None
    target = project.resolve(file, node, scopes, depth + 1)
    if isinstance(target, Symbol) and isinstance(target.node, ast.expr):
        return string_value(project, target.file, target.node, (), depth + 1)
    return None


def _fstring_part(
    project: Project, file: str, part: ast.expr, scopes: Sequence[Scope], depth: int
) -> str | None:
    if isinstance(part, ast.FormattedValue):
        if part.format_spec is not None or part.conversion not in (-1, 115):
            return None
        return string_value(project, file, part.value, scopes, depth + 1)
    return string_value(project, file, part, scopes, depth + 1)
