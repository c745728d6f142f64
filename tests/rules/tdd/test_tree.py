"""One tree state: its modules, tests, dotted names and facts."""

from __future__ import annotations

from collections.abc import Callable

from constitution_hooks.core.config import Settings
from constitution_hooks.rules.tdd.settings import TddSettings
from constitution_hooks.rules.tdd.tree import Tree


def test_tree_index_maps_dotted_names_of_the_source_roots(
    settings: Callable[..., Settings],
) -> None:
    cfg = TddSettings.from_settings(settings("tdd-pairing"), ())
    files = {"src/pkg/__init__.py": "", "src/pkg/a.py": "", "tests/test_a.py": ""}
    tree = Tree({p: p for p in files}, lambda key: files[key].encode(), cfg)
    assert tree.index == {"pkg": "src/pkg/__init__.py", "pkg.a": "src/pkg/a.py"}
    assert (tree.package("src/pkg/a.py"), tree.package("src/pkg/__init__.py")) == (
        "pkg",
        "pkg",
    )
