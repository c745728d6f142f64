"""Median and 90th-percentile sizes of modules and functions in Python trees.

Usage: ``python scripts/measure_sizes.py NAME=PATH [NAME=PATH ...]``

Counts the non-test source of each tree: every ``*.py`` file outside folders
named ``tests``/``test``/``testing`` and files named ``test_*.py``/``*_test.py``/
``conftest.py``. A module's size is its physical lines; a function's is its span
from the ``def`` line to its last line (as CON102 counts it), nested ones
included. Prints one Markdown table row per tree.
"""

from __future__ import annotations

import ast
import statistics
import sys
from pathlib import Path

_TEST_DIRS = frozenset({"tests", "test", "testing"})


def is_source(path: Path) -> bool:
    """Whether ``path`` is product source, not a test.

    Example:
        >>> is_source(Path("pkg/core.py")), is_source(Path("tests/test_core.py"))
        (True, False)
    """
    name = path.name
    if name == "conftest.py" or name.startswith("test_") or name.endswith("_test.py"):
        return False
    return not _TEST_DIRS.intersection(path.parts)


def sizes(root: Path) -> tuple[list[int], list[int]]:
    """Module lines and function spans of every source file under ``root``.

    Example:
        >>> import tempfile
        >>> tree = Path(tempfile.mkdtemp())
        >>> _ = (tree / "m.py").write_text("def f():\\n    return 1\\n")
        >>> sizes(tree)
        ([2], [2])
    """
    modules: list[int] = []
    functions: list[int] = []
    for path in sorted(root.rglob("*.py")):
        if not is_source(path.relative_to(root)):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        modules.append(len(text.splitlines()))
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        functions.extend(
            (node.end_lineno or node.lineno) - node.lineno + 1
            for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        )
    return modules, functions


def percentile(values: list[int], fraction: float) -> float:
    """The ``fraction`` quantile of ``values`` (nearest rank).

    Example:
        >>> percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)
        9
    """
    ordered = sorted(values)
    rank = max(1, round(fraction * len(ordered)))
    return ordered[rank - 1]


def row(name: str, root: Path) -> str:
    """One Markdown table row: modules, median/p90 module, median/p90 function."""
    modules, functions = sizes(root)
    return (
        f"| {name} | {len(modules)} | {statistics.median(modules):g} /"
        f" {percentile(modules, 0.9)} | {statistics.median(functions):g} /"
        f" {percentile(functions, 0.9)} | {max(functions)} |"
    )


def main(argv: list[str]) -> int:
    """Print the table for every ``NAME=PATH`` argument; 2 on a bad argument."""
    if not argv or any("=" not in arg for arg in argv):
        print(__doc__, file=sys.stderr)
        return 2
    print("| tree | modules | median / p90 module | median / p90 function | max fn |")
    print("|---|---|---|---|---|")
    for arg in argv:
        name, _, path = arg.partition("=")
        print(row(name, Path(path)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
