"""Text edits of a YAML file at places found by matcher paths over its node tree.

The file is composed (PyYAML's node tree, each node with its start and end marks)
only to find places; every change is an insertion or a replacement of a span of the
original text, so every other line, comment and quote of the user's file stays.
A path is a tuple of matchers, read left to right: ``(Value("repos"), Item())`` is
every item of the top-level ``repos`` list.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

import yaml

from constitution_hooks.core.errors import UsageError


class Value(NamedTuple):
    """Matches the value under ``key`` in a mapping.

    Example:
        >>> root = compose("a: 1\\nb: 2\\n", "x.yaml")
        >>> [node.value for node in find(root, (Value("b"),))]
        ['2']
    """

    key: str

    def match(self, node: yaml.Node) -> Iterator[yaml.Node]:
        """The values of ``node``'s entries named ``key``."""
        if isinstance(node, yaml.MappingNode):
            yield from (v for k, v in node.value if k.value == self.key)


class Item(NamedTuple):
    """Matches every item of a sequence.

    Example:
        >>> root = compose("- a\\n- b\\n", "x.yaml")
        >>> [node.value for node in find(root, (Item(),))]
        ['a', 'b']
    """

    def match(self, node: yaml.Node) -> Iterator[yaml.Node]:
        """The items of ``node`` when it is a sequence."""
        if isinstance(node, yaml.SequenceNode):
            yield from node.value


Path = tuple[Value | Item, ...]
Edit = tuple[int, int, str]  # (character offset, characters replaced, new text)


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
        >>> path = (Value("repos"), Item(), Value("hooks"), Item(), Value("id"))
        >>> [node.value for node in find(root, path)]
        ['a', 'b']
    """
    found: Iterable[yaml.Node] = () if root is None else (root,)
    for matcher in path:
        found = [child for node in found for child in matcher.match(node)]
    return list(found)


def scalar(root: yaml.Node | None, path: Path) -> str | None:
    """The first scalar at ``path``, or None.

    Example:
        >>> scalar(compose("repo: local\\n", "x"), (Value("repo"),))
        'local'
    """
    nodes = [n for n in find(root, path) if isinstance(n, yaml.ScalarNode)]
    return str(nodes[0].value) if nodes else None


def line_after(text: str, node: yaml.Node) -> int:
    """The offset of the line after the last line holding ``node``'s content.

    Example:
        >>> text = "a:\\n  - x\\n  # note\\nb: 1\\n"
        >>> text[line_after(text, find(compose(text, "x"), (Value("a"),))[0]):]
        '  # note\\nb: 1\\n'
    """
    last = node
    while isinstance(last, (yaml.SequenceNode, yaml.MappingNode)) and last.value:
        if getattr(last, "flow_style", False):
            break
        tail = last.value[-1]
        last = tail[1] if isinstance(tail, tuple) else tail
    end = text.find("\n", last.end_mark.index - (last.end_mark.column == 0))
    return len(text) if end < 0 else end + 1


def indents(text: str, sequence: yaml.Node) -> tuple[int, int]:
    """The column of a block sequence's dash, and of its items' content.

    Raises:
        UsageError: The sequence is empty or written in flow style (``[a, b]``).

    Example:
        >>> text = "repos:\\n-   repo: x\\n"
        >>> indents(text, find(compose(text, "x"), (Value("repos"),))[0])
        (0, 4)
    """
    items = getattr(sequence, "value", None)
    if not isinstance(sequence, yaml.SequenceNode) or sequence.flow_style or not items:
        raise UsageError("cannot extend a flow-style or empty list")
    mark = items[0].start_mark
    start = text.rfind("\n", 0, mark.index) + 1
    dash = text.rfind("-", start, mark.index)
    if dash < 0:
        raise UsageError("cannot find the list's indentation")
    return dash - start, mark.column


def apply(text: str, edits: Iterable[Edit]) -> str:
    """Apply edits from the bottom up; edits at one offset keep their order.

    Example:
        >>> apply("ac", [(1, 0, "b"), (2, 0, "d"), (1, 0, "B")])
        'abBcd'
    """
    ordered = sorted(enumerate(edits), key=lambda e: (e[1][0], e[0]), reverse=True)
    for _, (offset, removed, new) in ordered:
        text = text[:offset] + new + text[offset + removed :]
    return text
