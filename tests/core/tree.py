"""A generated tree with every kind of file result, for comparing run modes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

LONG_FUNCTION = "def long():\n" + "    x = 1\n" * 49 + "    return x\n"
LONG_CLASS = "class Big:\n" + "    x = 1\n" * 100
LONG_FILE = "x = 1\n" * 501
CLEAN = "def short():\n    return 1\n"
BROKEN = "def broken(:\n    pass\n"
UNDECODABLE = b"name = 'caf\xe9'\n"


def generate_tree(
    root: Path, write: Callable[..., Path], copies: int = 12
) -> list[str]:
    """Write ``copies`` packages of clean, long, broken and undecodable modules.

    Returns:
        The written paths relative to ``root``, in a stable order.
    """
    contents: dict[str, str | bytes] = {
        "clean.py": CLEAN,
        "function.py": LONG_FUNCTION,
        "klass.py": LONG_CLASS,
        "long.py": LONG_FILE,
        "broken.py": BROKEN,
        "latin.py": UNDECODABLE,
        "mixed.py": LONG_FUNCTION + LONG_CLASS + LONG_FILE,
    }
    paths = []
    for copy in range(copies):
        for name, content in contents.items():
            relative = f"pkg{copy}/{name}"
            write(relative, content)
            paths.append(relative)
    assert all((root / p).is_file() for p in paths)
    return paths
