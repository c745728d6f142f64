"""CON501: "Public APIs must have Google-style docstrings with examples".

A missing docstring is ruff's (D101/D103) to report; this rule only judges the
docstrings that exist, so nothing is reported twice.
"""

from __future__ import annotations

import ast
import builtins
import os
import re
from collections.abc import Iterator
from pathlib import PurePath

from constitution_hooks.core.config import Settings
from constitution_hooks.core.source import SourceFile
from constitution_hooks.core.violation import Finding
from constitution_hooks.rules.tdd.layout import in_test_root, naming_kind

_HEADER = re.compile(r"(?P<indent>[ \t]*)examples?:[ \t]*", re.IGNORECASE)
_HEADER_WORD = re.compile(r"examples?:", re.IGNORECASE)
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_DEFINITIONS = (*_FUNCTIONS, ast.ClassDef)
_EXEMPT_BASES = frozenset(
    {"Protocol", "TypedDict", "NamedTuple", "Enum", "IntEnum", "StrEnum", "Flag"}
    | {"IntFlag", "ReprEnum"}
    | {
        name
        for name, value in vars(builtins).items()
        if isinstance(value, type) and issubclass(value, BaseException)
    }
)
_EXCEPTION_SUFFIXES = ("Error", "Exception", "Warning")
_OVERLOAD = frozenset({"overload"})
_PROPERTIES = frozenset({"property", "cached_property", "setter", "getter", "deleter"})


def has_example(docstring: str) -> bool:
    """Return whether a docstring has an ``Example:``/``Examples:`` section.

    The header stands alone on its line (as Google style and Sphinx's napoleon
    read it) and the next non-blank line is indented deeper than the header.

    Example:
        >>> has_example("Add.\\n\\nExample:\\n    >>> add(1, 2)\\n    3\\n")
        True
        >>> has_example("Add.\\n\\nExample:\\n")
        False
    """
    lines = docstring.expandtabs().splitlines()
    for index, line in enumerate(lines):
        header = _HEADER.fullmatch(line)
        if header is None:
            continue
        following = next((text for text in lines[index + 1 :] if text.strip()), "")
        if len(following) - len(following.lstrip()) > len(header.group("indent")):
            return True
    return False


def _has_header(docstring: str) -> bool:
    return any(_HEADER.fullmatch(line) for line in docstring.expandtabs().splitlines())


def _private_module(display: str) -> bool:
    # Reason: a part starting with "_" starts the path or follows a "/"; most
    # paths have none, and a PurePath costs more than this file's whole check.
    if os.sep == "/" and not display.startswith("_") and "/_" not in display:
        return False
    pure = PurePath(display)
    if pure.stem.startswith("_") and pure.stem != "__init__":
        return True
    return any(part.startswith("_") for part in pure.parent.parts)


def _is_test(display: str) -> bool:
    # Reason: a test module's name and a test root's name both hold "test".
    if "test" not in display:
        return False
    posix = PurePath(display).as_posix()
    name = PurePath(display).name
    return (
        naming_kind(posix) is not None
        or name == "conftest.py"
        or (in_test_root(posix, ()))
    )


def _terminal(node: ast.expr) -> str:
    """The last name of ``a.b.C``, ``C[T]`` or ``C``; "" for anything else."""
    if isinstance(node, ast.Subscript):
        node = node.value
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return ""


def _exempt_classes(tree: ast.Module) -> set[str]:
    """Top-level exceptions, Protocols, TypedDicts, ... and classes derived from one."""
    exempt: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            for base in map(_terminal, node.bases):
                if (
                    base in _EXEMPT_BASES
                    or base in exempt
                    or (base.endswith(_EXCEPTION_SUFFIXES))
                ):
                    exempt.add(node.name)
    return exempt


def _declared_all(tree: ast.Module) -> set[str] | None:
    """The names of a literal ``__all__`` (with ``+=``), or None if none or computed."""
    names: set[str] | None = None
    for node in tree.body:
        target, value = _all_assignment(node)
        if target is None:
            continue
        literal = _literal_names(value)
        if literal is None:
            return None
        names = (
            (names or set()) | literal if isinstance(node, ast.AugAssign) else literal
        )
    return names


def _all_assignment(node: ast.stmt) -> tuple[str | None, ast.expr | None]:
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target: ast.expr = node.targets[0]
    elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and node.value is not None:
        target = node.target
    else:
        return None, None
    if isinstance(target, ast.Name) and target.id == "__all__":
        return target.id, node.value
    return None, None


def _literal_names(value: ast.expr | None) -> set[str] | None:
    if not isinstance(value, (ast.List, ast.Tuple)):
        return None
    names = {e.value for e in value.elts if isinstance(e, ast.Constant)}
    if len(names) != len(value.elts) or not all(isinstance(n, str) for n in names):
        return None
    return {str(name) for name in names}


def _decorated_by(
    node: ast.FunctionDef | ast.AsyncFunctionDef, names: frozenset[str]
) -> bool:
    return any(_terminal(_called(d)) in names for d in node.decorator_list)


def _called(node: ast.expr) -> ast.expr:
    return node.func if isinstance(node, ast.Call) else node


def _judge(
    node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef, qualified: str
) -> Iterator[Finding]:
    docstring = ast.get_docstring(node, clean=False)
    if docstring is None:
        return
    # Reason: a header line of the cleaned docstring is a run of the raw one, so
    # a docstring without one is judged without cleaning (most have none).
    header = _HEADER_WORD.search(docstring) is not None
    if header:
        import inspect

        docstring = inspect.cleandoc(docstring)
        if has_example(docstring):
            return
    kind = "method" if qualified != node.name else "function"
    if isinstance(node, ast.ClassDef):
        kind = "class"
    if header and _has_header(docstring):
        message = (
            f"'Example:' section of public {kind} '{qualified}' has no indented line;"
            " indent the example (a doctest) below the header"
        )
    else:
        message = (
            f"public {kind} '{qualified}' has no 'Example:' section in its docstring;"
            " add one with an indented example (a doctest that teaches its use)"
        )
    yield Finding(node.lineno, node.col_offset + 1, message)


def check_examples(source: SourceFile, settings: Settings) -> Iterator[Finding]:
    """Flag public functions and classes whose docstring has no example section.

    Example:
        >>> import pathlib, tempfile
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.py"
        >>> _ = p.write_text("def add(a, b):\\n    'Add two numbers.'\\n")
        >>> s = Settings({"methods": False})
        >>> [f.message[:30] for f in check_examples(SourceFile(p, "a.py"), s)]
        ["public function 'add' has no '"]
    """
    if _private_module(source.display) or _is_test(source.display):
        return
    tree = source.tree
    # Reason: the parser normalises identifiers (NFKC), so only an ASCII text
    # without "__all__" surely declares none.
    text = source.text
    declared = None if text.isascii() and "__all__" not in text else _declared_all(tree)
    exempt = _exempt_classes(tree)
    methods = settings.flag("methods")
    for node in tree.body:
        if not isinstance(node, _DEFINITIONS):
            continue
        public = (
            node.name in declared
            if declared is not None
            else (not node.name.startswith("_"))
        )
        if not public or node.name in exempt:
            continue
        if isinstance(node, _FUNCTIONS):
            if not _decorated_by(node, _OVERLOAD):
                yield from _judge(node, node.name)
        elif methods:
            yield from _judge(node, node.name)
            yield from _methods(node)
        else:
            yield from _judge(node, node.name)


def _methods(node: ast.ClassDef) -> Iterator[Finding]:
    skip = _PROPERTIES | {"overload"}
    for child in node.body:
        if not isinstance(child, _FUNCTIONS) or child.name.startswith("_"):
            continue
        if not _decorated_by(child, skip):
            yield from _judge(child, f"{node.name}.{child.name}")
