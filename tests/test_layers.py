"""Layers only point down: core never imports rules or commands, rules never commands.

Every import counts: top-level, inside a function, under ``TYPE_CHECKING``, relative.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = "constitution_hooks"
SRC = Path(__file__).resolve().parent.parent / "src" / PACKAGE
FORBIDDEN = {"core": ("rules", "commands"), "rules": ("commands",)}


def _module_of(path: Path, root: Path) -> list[str]:
    parts = [PACKAGE, *path.relative_to(root).with_suffix("").parts]
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imports(path: Path, root: Path) -> Iterator[tuple[int, str]]:
    """Every absolute module name ``path`` imports, with its line."""
    package = _module_of(path, root)
    if path.name != "__init__.py":
        package = package[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[: len(package) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if _layer(base):
                yield node.lineno, base
            else:
                yield from ((node.lineno, f"{base}.{a.name}") for a in node.names)


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == PACKAGE else ""


def _upward_edges(path: Path, root: Path = SRC) -> Iterator[str]:
    own = _layer(".".join(_module_of(path, root)))
    for line, module in _imports(path, root):
        if _layer(module) in FORBIDDEN.get(own, ()):
            yield f"{path.relative_to(root.parent)}:{line}: {own} imports {module}"


def test_layer_of_module_names_its_layer() -> None:
    assert _layer("constitution_hooks.rules.tdd") == "rules"
    assert _layer("os.path") == ""


def test_upward_edges_relative_import_in_function_reported(tmp_path: Path) -> None:
    root = tmp_path / PACKAGE
    path = root / "core" / "a.py"
    path.parent.mkdir(parents=True)
    path.write_text("def f():\n    from ..rules import x\n")
    assert list(_upward_edges(path, root)) == [
        f"{PACKAGE}/core/a.py:2: core imports {PACKAGE}.rules"
    ]


def test_upward_edges_from_package_import_reported(tmp_path: Path) -> None:
    root = tmp_path / PACKAGE
    path = root / "rules" / "a.py"
    path.parent.mkdir(parents=True)
    path.write_text("from constitution_hooks import commands\n")
    assert list(_upward_edges(path, root)) == [
        f"{PACKAGE}/rules/a.py:1: rules imports {PACKAGE}.commands"
    ]


def test_upward_edges_type_checking_import_reported(tmp_path: Path) -> None:
    root = tmp_path / PACKAGE
    path = root / "rules" / "__init__.py"
    path.parent.mkdir(parents=True)
    path.write_text("if TYPE_CHECKING:\n    import constitution_hooks.commands.x\n")
    assert list(_upward_edges(path, root)) == [
        f"{PACKAGE}/rules/__init__.py:2: rules imports {PACKAGE}.commands.x"
    ]


def test_upward_edges_in_source_tree_none_found() -> None:
    found = [edge for path in sorted(SRC.rglob("*.py")) for edge in _upward_edges(path)]
    assert found == [], "upward imports:\n" + "\n".join(found)
