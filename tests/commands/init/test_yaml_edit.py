"""Paths over the composed YAML, and insertions at the places they find."""

from __future__ import annotations

import pytest
import yaml

from constitution_hooks.commands.init.yaml_edit import (
    EACH,
    apply,
    compose,
    dump,
    extend,
    find,
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
IDS = ("repos", EACH, "hooks", EACH, "id")


def test_find_hook_ids_path_yields_in_document_order() -> None:
    assert [n.value for n in find(compose(CONFIG, "c"), IDS)] == ["a", "b"]


def test_find_path_through_scalar_yields_nothing() -> None:
    root = compose("repos: none\n", "c")
    assert find(root, IDS) == []


def test_find_empty_document_yields_nothing() -> None:
    assert find(compose("", "c"), IDS) == []


def test_scalar_missing_key_returns_empty_string() -> None:
    assert scalar(compose(CONFIG, "c"), ("default_stages",)) == ""


def test_scalar_list_at_path_is_not_a_scalar() -> None:
    assert scalar(compose(CONFIG, "c"), ("ci", "skip")) == ""


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
    hooks = find(root, ("repos", EACH, "hooks"))[0]
    assert CONFIG[line_after(CONFIG, hooks) :].startswith("# trailing")


def test_line_after_block_scalar_ends_before_next_key() -> None:
    text = "a: |\n  one\n  two\nb: 1\n"
    node = find(compose(text, "c"), ("a",))[0]
    assert text[line_after(text, node) :] == "b: 1\n"


def test_line_after_last_line_without_newline_is_end() -> None:
    text = "a:\n- x"
    node = find(compose(text, "c"), ("a",))[0]
    assert line_after(text, node) == len(text)


def _extended(text: str, path: tuple[str, ...], items: list[object]) -> str:
    return apply(text, [extend(text, find(compose(text, "c"), path)[0], items)])


def test_extend_four_space_style_read_from_first_item() -> None:
    new = _extended(CONFIG, ("repos",), [{"repo": "r", "hooks": [{"id": "z"}]}])
    assert "# trailing\n" in new
    assert "\n-   repo: r\n    hooks:\n        -   id: z\n# trailing\n" in new


def test_extend_block_list_of_scalars_stays_block() -> None:
    new = _extended("a:\n  - x  # one\nb: 1\n", ("a",), ["y", "z"])
    assert new == "a:\n  - x  # one\n  - y\n  - z\nb: 1\n"


def test_extend_flow_list_appended_after_last_item() -> None:
    new = _extended("a: [x]  # keep\n", ("a",), ["y", "1"])
    assert new == "a: [x, y, '1']  # keep\n"
    assert yaml.safe_load(new) == {"a": ["x", "y", "1"]}


def test_extend_key_without_value_gets_items_under_it() -> None:
    assert _extended("a:\nb: 1\n", ("a",), ["x"]) == "a:\n  - x\nb: 1\n"


@pytest.mark.parametrize("text", ["a: []\n", "a: x\n", "a: ~\n", "a: {b: 1}\n"])
def test_extend_empty_list_or_other_value_refused(text: str) -> None:
    node = find(compose(text, "c"), ("a",))[0]
    with pytest.raises(UsageError, match="line 1: cannot extend a flow-style or empty"):
        extend(text, node, ["x"])


@pytest.mark.parametrize("value", ["v1.0", "1234", "yes", "a: b", " x", "#x", ""])
def test_dump_value_reads_back_as_the_same_string(value: str) -> None:
    assert yaml.safe_load(dump({"k": value}, 0, 2)) == {"k": value}


def test_dump_nested_list_indented_under_its_key_lists_of_scalars_flow() -> None:
    data = [{"id": "x", "stages": ["pre-push"], "deps": [{"a": 1}]}]
    assert dump(data, 2, 2) == (
        "  - id: x\n    stages: [pre-push]\n    deps:\n      - a: 1\n"
    )


def test_apply_insertions_at_one_offset_keep_listed_order() -> None:
    assert apply("ac", [(1, "b"), (2, "d"), (1, "B")]) == "abBcd"


def test_apply_no_edits_returns_text() -> None:
    assert apply("a: 1\n", []) == "a: 1\n"
