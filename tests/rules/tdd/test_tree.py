"""One tree state: its modules, tests, dotted names and facts."""

from __future__ import annotations

from collections.abc import Callable

from constitution_hooks.core.config import Settings
from constitution_hooks.core.source import SourceFile
from constitution_hooks.rules.tdd.settings import TddSettings
from constitution_hooks.rules.tdd.tree import Tree, judged, share


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


TEXT = "def total(x):\n    return x\n"


def _tree(settings: Callable[..., Settings]) -> Tree:
    cfg = TddSettings.from_settings(settings("tdd-pairing"), ())
    return Tree({"src/pkg/a.py": "k"}, lambda key: TEXT.encode(), cfg)


def test_share_file_read_with_the_same_bytes_is_the_one_judged(
    settings: Callable[..., Settings], parse_calls: list[str]
) -> None:
    tree = _tree(settings)
    read = SourceFile.from_bytes("src/pkg/a.py", TEXT.encode())
    read.tree  # noqa: B018 -- the file rules parsed it
    share(tree, ["src/pkg/a.py"], {"src/pkg/a.py": read})
    assert judged(tree, "src/pkg/a.py") is read
    assert tree.facts("src/pkg/a.py").has_code
    assert len(parse_calls) == 1


def test_share_file_read_with_other_bytes_is_judged_as_the_tree_holds_it(
    settings: Callable[..., Settings],
) -> None:
    tree = _tree(settings)
    disk = SourceFile.from_bytes("src/pkg/a.py", b"x = 1\n")
    share(tree, ["src/pkg/a.py"], {"src/pkg/a.py": disk})
    assert judged(tree, "src/pkg/a.py").data == TEXT.encode()
    assert tree.facts("src/pkg/a.py").has_code


def test_judged_file_not_shared_is_made_from_the_tree_bytes(
    settings: Callable[..., Settings],
) -> None:
    tree = _tree(settings)
    made = judged(tree, "src/pkg/a.py")
    assert made.data == TEXT.encode()
    assert tree.facts("src/pkg/a.py").source is None
