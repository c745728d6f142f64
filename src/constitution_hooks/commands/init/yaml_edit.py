"""Insertions into a YAML file at places found by declared paths over its nodes.

The technique of pre-commit's ``migrate-config``: the file is composed (PyYAML's
node tree, each node with its start and end marks) only to find places, and every
change is an insertion into the original text, so every other line, comment and
quote of the user's file stays. A path reads left to right: a string is the value
under that key of a mapping, ``EACH`` every item of a list, so
``("repos", EACH, "repo")`` is the ``repo`` of every entry of ``repos``. What is
inserted is written by PyYAML's own dumper, so it is quoted as YAML needs.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from types import EllipsisType
from typing import Any, cast

import yaml
from yaml.nodes import CollectionNode
from yaml.representer import SafeRepresenter

from constitution_hooks.core.errors import UsageError

EACH = ...
Path = tuple[str | EllipsisType, ...]
Edit = tuple[int, str]  # (character offset, text inserted there)


def compose(text: str, name: str) -> yaml.Node | None:
    """Parse ``text`` into nodes; refuse what is not plain YAML.

    Raises:
        UsageError: The text does not parse, or uses a tag of its own (``!custom``).

    Example:
        >>> compose("repos: !custom x\\n", "c.yaml")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        constitution_hooks.core.errors.UsageError: c.yaml: not valid YAML, ...
    """
    try:
        # Reason: loading refuses the tags pre-commit's own loader refuses.
        yaml.safe_load(text)
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        reason = " ".join(str(error).split())
        raise UsageError(f"{name}: not valid YAML, left untouched: {reason}") from error


def find(root: yaml.Node | None, path: Path) -> list[yaml.Node]:
    """Every node at the end of ``path`` from ``root``, in document order.

    Example:
        >>> root = compose("repos:\\n- hooks:\\n  - id: a\\n  - id: b\\n", "x")
        >>> [node.value for node in find(root, ("repos", EACH, "hooks", EACH, "id"))]
        ['a', 'b']
    """
    found = [] if root is None else [root]
    for step in path:
        found = [child for node in found for child in _children(node, step)]
    return found


def _children(node: yaml.Node, step: str | EllipsisType) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode) and step is EACH:
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [value for key, value in node.value if key.value == step]
    return []


def scalar(root: yaml.Node | None, path: Path) -> str:
    """The first scalar at ``path``, or ``""``.

    Example:
        >>> scalar(compose("repo: local\\n", "x"), ("repo",))
        'local'
    """
    found = [n.value for n in find(root, path) if isinstance(n, yaml.ScalarNode)]
    return str(found[0]) if found else ""


def line_after(text: str, node: yaml.Node) -> int:
    """The offset of the line after the last line holding ``node``'s content.

    Example:
        >>> text = "a:\\n  - x\\n  # note\\nb: 1\\n"
        >>> text[line_after(text, find(compose(text, "x"), ("a",))[0]):]
        '  # note\\nb: 1\\n'
    """
    # Reason: a block list ends where the next token starts, past trailing comments.
    while isinstance(node, CollectionNode) and node.value and not node.flow_style:
        node = (
            node.value[-1][1] if isinstance(node.value[-1], tuple) else node.value[-1]
        )
    end = text.find("\n", node.end_mark.index - (node.end_mark.column == 0))
    return len(text) if end < 0 else end + 1


def extend(text: str, node: yaml.Node, items: Sequence[object]) -> Edit:
    """The insertion that appends ``items`` to the list ``node``, in its style.

    Raises:
        UsageError: ``node`` is an empty list, or a value that is not a list.

    Example:
        >>> text = "a:\\n  - x  # one\\nb: [1]  # two\\n"
        >>> root = compose(text, "x")
        >>> print(apply(text, [extend(text, find(root, (k,))[0], ["y"]) for k in "ab"]))
        a:
          - x  # one
          - y
        b: [1, y]  # two
        <BLANKLINE>
    """
    if node.tag.endswith(":null") and not node.value:  # `key:` with nothing after
        return line_after(text, node), dump(items, 2, 2)
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise UsageError(
            f"line {node.start_mark.line + 1}: cannot extend a flow-style or empty"
            " list, or a value that is not a list; write it as a block list"
        )
    if node.flow_style:
        return node.value[-1].end_mark.index, ", " + dump(items)[1:-2]
    dash = node.start_mark.column
    step = node.value[0].start_mark.column - dash
    return line_after(text, node), dump(items, dash, step)


class _Representer(SafeRepresenter):
    """Lists of plain values in flow style (``[a, b]``), all else in block style."""

    def represent_sequence(
        self, tag: str, sequence: Iterable[Any], flow_style: bool | None = None
    ) -> yaml.SequenceNode:
        """A list, in flow style when its items are plain values."""
        node = super().represent_sequence(tag, sequence, flow_style)
        node.flow_style = all(isinstance(n, yaml.ScalarNode) for n in node.value)
        return node


class _Dumper(yaml.SafeDumper):
    """Indents a list under its key (``key:\\n  - item``), as the files we edit do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        """Never indentless."""
        super().increase_indent(flow, False)


def dump(data: object, dash: int = 0, step: int = 0) -> str:
    """``data`` as YAML: block with ``step`` and its dashes at ``dash``, else flow.

    Lists of plain values inside come out in flow style (``[pre-push]``).

    Example:
        >>> print(dump([{"id": "x", "stages": ["pre-push"]}], 2, 2), end="")
          - id: x
            stages: [pre-push]
        >>> dump(["1234", "v1"])
        "['1234', v1]\\n"
    """
    node = cast(CollectionNode, _Representer(sort_keys=False).represent_data(data))
    node.flow_style = not step
    text = yaml.serialize(node, Dumper=_Dumper, indent=step or 2)
    return textwrap.indent(text, " " * dash)


def apply(text: str, edits: Sequence[Edit]) -> str:
    """Insert each edit's text at its offset, in the text's own line ending.

    Edits at one offset keep their order.

    Example:
        >>> apply("a\\r\\nc\\r\\n", [(3, "b\\n"), (6, "d\\n"), (3, "B\\n")])
        'a\\r\\nb\\r\\nB\\r\\nc\\r\\nd\\r\\n'
    """
    eol = "\r\n" if "\r\n" in text else "\n"
    parts, done = [], 0
    for at, new in sorted(edits, key=lambda edit: edit[0]):
        parts += [text[done:at], new.replace("\n", eol)]
        done = at
    return "".join(parts) + text[done:]
