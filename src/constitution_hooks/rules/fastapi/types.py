"""What a route's annotations name: a Pydantic model, a loose ``dict``/``Any``, ...

Resolved statically within the project: a class is a model when it derives from
one of the model bases directly or through project classes. Anything the tool
cannot resolve is ``UNKNOWN`` and never reported.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable

from constitution_hooks.core.symbols import External, Project, Symbol

MODEL = "model"
RESPONSE = "response"
NONE = "none"
UNTYPED = "untyped"
LOOSE = "loose"
OTHER = "other"
UNKNOWN = "unknown"

_LOOSE = {
    "typing.Any",
    "typing_extensions.Any",
    "builtins.dict",
    "builtins.list",
    "builtins.object",
    "typing.Dict",
    "typing.List",
    "typing.Mapping",
    "typing.MutableMapping",
    "collections.abc.Mapping",
    "collections.abc.MutableMapping",
}
_MAPPINGS = {
    q for q in _LOOSE if q.rpartition(".")[2] in ("dict", "Dict") or "Map" in q
}
_CONTAINERS = {
    "builtins.list",
    "builtins.set",
    "builtins.frozenset",
    "builtins.tuple",
    "typing.List",
    "typing.Set",
    "typing.FrozenSet",
    "typing.Tuple",
    "typing.Sequence",
    "typing.Iterable",
    "collections.abc.Sequence",
    "collections.abc.Iterable",
}
_SCALARS = {f"builtins.{n}" for n in ("str", "int", "float", "bool", "bytes")}
_NEUTRAL_BASES = {"typing.Generic", "builtins.object", "abc.ABC"}
_OTHER_ROOTS = ("builtins.", "enum.", "typing.NamedTuple", "datetime.", "uuid.")
_UNION = {"typing.Union", "typing.Optional"}
_ANNOTATED = {"typing.Annotated", "typing_extensions.Annotated"}
_MAX_DEPTH = 16


def _is_response(qualname: str) -> bool:
    return qualname.endswith("Response") and qualname.startswith(
        ("fastapi.", "starlette.")
    )


class Types:
    """Classify annotations and find the model classes they name.

    Example:
        >>> import tempfile; from pathlib import Path
        >>> f = Path(tempfile.mkdtemp()) / "m.py"; _ = f.write_text("x = 1\\n")
        >>> types = Types(Project([str(f)]), ["pydantic.BaseModel"])
        >>> types.kind(str(f), ast.parse("dict", mode="eval").body)
        'loose'
    """

    def __init__(self, project: Project, model_bases: Iterable[str]) -> None:
        """Resolve within ``project``; ``model_bases`` are dotted class names."""
        self.project = project
        self.bases = frozenset(model_bases)

    def kind(self, file: str, node: ast.expr | None, depth: int = 0) -> str:
        """One of MODEL, RESPONSE, NONE, UNTYPED, LOOSE, OTHER or UNKNOWN."""
        if node is None:
            return UNTYPED
        if depth > _MAX_DEPTH:
            return UNKNOWN
        if isinstance(node, ast.Constant):
            return _constant(self, file, node, depth)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            return _union(
                self.kind(file, s, depth + 1) for s in (node.left, node.right)
            )
        if isinstance(node, ast.Subscript):
            return self._subscript(file, node, depth)
        target = self.project.resolve(file, node)
        if isinstance(target, External):
            return _external(self.bases, target.qualname)
        if isinstance(target, Symbol) and isinstance(target.node, ast.ClassDef):
            return self.class_kind(target, depth + 1)
        if isinstance(target, Symbol) and isinstance(target.node, ast.expr):
            return self.kind(target.file, target.node, depth + 1)
        return UNKNOWN

    def _subscript(self, file: str, node: ast.Subscript, depth: int) -> str:
        base = self.project.resolve(file, node.value)
        items = _items(node.slice)
        name = base.qualname if isinstance(base, External) else ""
        if name in _ANNOTATED:
            return self.kind(file, items[0], depth + 1) if items else UNKNOWN
        if name in _UNION:
            return _union(self.kind(file, item, depth + 1) for item in items)
        if name in _MAPPINGS:
            return self._mapping(file, items, depth)
        if name in _CONTAINERS:
            inner = [self.kind(file, i, depth + 1) for i in items if not _ellipsis(i)]
            return _container(inner)
        if isinstance(base, Symbol):
            return self.kind(file, node.value, depth + 1)
        return UNKNOWN

    def _mapping(self, file: str, items: tuple[ast.expr, ...], depth: int) -> str:
        # Reason: dict[int, float] is validated; dict and dict[str, Any] are not.
        if len(items) != 2:
            return LOOSE
        value = self.kind(file, items[1], depth + 1)
        if value in (LOOSE, UNTYPED, UNKNOWN):
            return value
        return OTHER

    def class_kind(self, cls: Symbol, depth: int = 0) -> str:
        """MODEL, RESPONSE, OTHER or UNKNOWN for a project class."""
        node = cls.node
        if not isinstance(node, ast.ClassDef) or depth > _MAX_DEPTH:
            return UNKNOWN
        if node.decorator_list:
            # Reason: a decorated class (a dataclass, say) may be validated anyway.
            return UNKNOWN
        kinds = [self._base_kind(cls.file, base, depth) for base in node.bases]
        for kind in (MODEL, RESPONSE, UNKNOWN):
            if kind in kinds:
                return kind
        return OTHER

    def _base_kind(self, file: str, base: ast.expr, depth: int) -> str:
        if isinstance(base, ast.Subscript):
            base = base.value
        target = self.project.resolve(file, base)
        if isinstance(target, External):
            if target.qualname in _NEUTRAL_BASES:
                return OTHER
            kind = _external(self.bases, target.qualname)
            return kind if kind in (MODEL, RESPONSE, OTHER) else UNKNOWN
        if isinstance(target, Symbol) and isinstance(target.node, ast.ClassDef):
            return self.class_kind(target, depth + 1)
        return UNKNOWN


def _external(bases: frozenset[str], qualname: str) -> str:
    if qualname in bases:
        return MODEL
    if qualname in _LOOSE:
        return LOOSE
    if _is_response(qualname):
        return RESPONSE
    if qualname in _SCALARS or qualname.startswith(_OTHER_ROOTS):
        return OTHER
    return UNKNOWN


def _constant(types: Types, file: str, node: ast.Constant, depth: int) -> str:
    if node.value is None:
        return NONE
    if isinstance(node.value, str):
        try:
            parsed = ast.parse(node.value.strip(), mode="eval").body
        except SyntaxError:
            return UNKNOWN
        return types.kind(file, parsed, depth + 1)
    return UNKNOWN


def _is_annotated(types: Types, file: str, node: ast.Subscript) -> bool:
    base = types.project.resolve(file, node.value)
    return isinstance(base, External) and base.qualname in _ANNOTATED


def _items(node: ast.expr) -> tuple[ast.expr, ...]:
    return tuple(node.elts) if isinstance(node, ast.Tuple) else (node,)


def _ellipsis(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is Ellipsis


def _union(kinds: Iterable[str]) -> str:
    found = {kind for kind in kinds if kind != NONE} or {NONE}
    for kind in (LOOSE, UNTYPED, UNKNOWN, OTHER, RESPONSE):
        if kind in found:
            return kind
    return MODEL if MODEL in found else NONE


def _container(inner: list[str]) -> str:
    if not inner:
        return LOOSE
    kind = _union(inner)
    return kind if kind in (MODEL, LOOSE, UNKNOWN) else OTHER


def model_classes(types: Types, file: str, node: ast.expr | None) -> set[str]:
    """The model classes an annotation names (through lists, unions, aliases).

    Each is named ``file:Class`` for a project class.

    Example:
        >>> types = Types(Project([]), ["pydantic.BaseModel"])
        >>> model_classes(types, "m.py", ast.parse("list[int]", mode="eval").body)
        set()
    """
    found: set[str] = set()
    _collect(types, file, node, found, 0)
    return found


def _collect(
    types: Types, file: str, node: ast.expr | None, found: set[str], depth: int
) -> None:
    if node is None or depth > _MAX_DEPTH:
        return
    if isinstance(node, ast.BinOp):
        for side in (node.left, node.right):
            _collect(types, file, side, found, depth + 1)
        return
    if isinstance(node, ast.Subscript):
        for item in (
            _items(node.slice)[:1]
            if _is_annotated(types, file, node)
            else _items(node.slice)
        ):
            _collect(types, file, item, found, depth + 1)
        return
    target = types.project.resolve(file, node)
    if isinstance(target, Symbol) and isinstance(target.node, ast.ClassDef):
        if types.class_kind(target) == MODEL:
            found.add(f"{target.file}:{target.name}")
    elif isinstance(target, Symbol) and isinstance(target.node, ast.expr):
        _collect(types, target.file, target.node, found, depth + 1)


def annotated(types: Types, file: str, node: ast.expr | None) -> tuple[ast.expr, ...]:
    """The metadata of an ``Annotated[...]`` annotation (aliases followed).

    Example:
        >>> types = Types(Project([]), ["pydantic.BaseModel"])
        >>> annotated(types, "m.py", ast.parse("int", mode="eval").body)
        ()
    """
    for _ in range(_MAX_DEPTH):
        if isinstance(node, ast.Subscript):
            if _is_annotated(types, file, node):
                return _items(node.slice)[1:]
            return ()
        target = types.project.resolve(file, node) if node is not None else None
        if not isinstance(target, Symbol) or not isinstance(target.node, ast.expr):
            return ()
        file, node = target.file, target.node
    return ()
