"""Matcher paths over the composed YAML, and text edits at the places they find."""

from __future__ import annotations

import pytest
import yaml

from constitution_hooks.commands.init.yaml_edit import (
    Item,
    Value,
    apply,
    compose,
    find,
    indents,
    line_after,
    scalar,
)
from constitution_hooks.core.errors import UsageError

CONFIG = """\
repos:
-   repo: local  # ours
    hooks:
    -   id: a
    -   id: b
        args: [--x]
# trailing
ci:
  skip: [a]
"""
IDS = (Value("repos"), Item(), Value("hooks"), Item(), Value("id"))


def test_find_hook_ids_path_yields_in_document_order() -> None:
    assert [n.value for n in find(compose(CONFIG, "c"), IDS)] == ["a", "b"]


def test_find_path_through_scalar_yields_nothing() -> None:
    root = compose("repos: none\n", "c")
    assert find(root, IDS) == []


def test_find_empty_document_yields_nothing() -> None:
    assert find(compose("", "c"), IDS) == []


def test_scalar_missing_key_returns_none() -> None:
    assert scalar(compose(CONFIG, "c"), (Value("default_stages"),)) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("repos: !custom x\n", "constructor for the tag '!custom'.*column 8"),
        ("a: !!python/name:os.system x\n", "tag 'tag:yaml.org,2002:python/name"),
        ("repos: [\n", "c: not valid YAML"),
    ],
)
def test_compose_custom_tag_or_broken_refused(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        compose(text, "c")


def test_line_after_nested_list_skips_its_comment_tail() -> None:
    root = compose(CONFIG, "c")
    hooks = find(root, (Value("repos"), Item(), Value("hooks")))[0]
    assert CONFIG[line_after(CONFIG, hooks) :].startswith("# trailing")


def test_line_after_block_scalar_ends_before_next_key() -> None:
    text = "a: |\n  one\n  two\nb: 1\n"
    node = find(compose(text, "c"), (Value("a"),))[0]
    assert text[line_after(text, node) :] == "b: 1\n"


def test_line_after_last_line_without_newline_is_end() -> None:
    text = "a:\n- x"
    node = find(compose(text, "c"), (Value("a"),))[0]
    assert line_after(text, node) == len(text)


def test_indents_four_space_style_read_from_first_item() -> None:
    root = compose(CONFIG, "c")
    assert indents(CONFIG, find(root, (Value("repos"),))[0]) == (0, 4)


@pytest.mark.parametrize("text", ["a: [x]\n", "a: []\n"])
def test_indents_flow_or_empty_list_refused(text: str) -> None:
    node = find(compose(text, "c"), (Value("a"),))[0]
    with pytest.raises(UsageError, match="flow-style or empty"):
        indents(text, node)


def test_apply_edits_at_one_offset_keep_listed_order() -> None:
    assert apply("ac", [(1, 0, "b"), (2, 0, "d"), (1, 0, "B")]) == "abBcd"


def test_apply_replacement_and_insertion_keep_the_rest() -> None:
    text = "a: [x]  # keep\n"
    node = find(compose(text, "c"), (Value("a"),))[0]
    start, end = node.start_mark.index, node.end_mark.index
    new = apply(text, [(start, end - start, "[x, y]")])
    assert new == "a: [x, y]  # keep\n"
    assert yaml.safe_load(new) == {"a": ["x", "y"]}
