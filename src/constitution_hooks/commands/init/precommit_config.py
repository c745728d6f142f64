"""Merge our hooks and the peer gates into a ``.pre-commit-config.yaml``.

What is there is read through paths (``yaml_edit``); what is missing goes in as
text at the places those paths find, so every line and comment of the file stays.
A file that does not parse, or whose shape cannot be extended safely, is refused
with a ``UsageError`` (exit 2) before anything is written; so is a merge that does
not read back with every hook and install type it was to add.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml
from yaml.nodes import CollectionNode

from constitution_hooks.commands.init.gates import HookSpec, Present, choose
from constitution_hooks.commands.init.yaml_edit import (
    EACH,
    Edit,
    apply,
    compose,
    dump,
    extend,
    find,
    scalar,
)
from constitution_hooks.core.errors import UsageError

FILE = ".pre-commit-config.yaml"
INSTALL_TYPES = ("pre-commit", "commit-msg", "pre-push")
REPOS = ("repos", EACH)
_HEADER = (
    "# Written by `constitution init`: the constitution's gates at their git stages.\n"
    "# `pre-commit install` installs every stage in default_install_hook_types.\n"
)


def present(root: yaml.Node | None) -> list[Present]:
    """Every hook of the config, in order.

    Example:
        >>> root = compose("repos:\\n- repo: local\\n  hooks:\\n  - id: x\\n", FILE)
        >>> present(root)
        [Present(repo='local', id='x', entry='')]
    """
    return [
        Present(
            scalar(repo, ("repo",)), scalar(hook, ("id",)), scalar(hook, ("entry",))
        )
        for repo in find(root, REPOS)
        for hook in find(repo, ("hooks", EACH))
    ]


def plan_precommit(
    text: str | None, repo: str, rev: str, *, ruff_format: bool, language: str | None
) -> tuple[str, list[str], list[str], list[str]]:
    """Merge what a config lacks of ours and of the peer gates.

    Returns:
        The new text, what changed, notes on the gates left as they were, and the
        ids of the hooks added.

    Raises:
        UsageError: The file does not parse, or cannot be extended safely.

    Example:
        >>> text, changes, notes, added = plan_precommit(
        ...     "repos:\\n- repo: local\\n  hooks:\\n  - id: black\\n",
        ...     "https://example.invalid/c", "v1", ruff_format=False, language=None
        ... )
        >>> "black" in added, added[:2]
        (False, ['constitution', 'project-contract'])
    """
    found = present(compose(text or "", FILE))
    hooks, notes = choose(found, repo, rev, ruff_format=ruff_format)
    merged, changes = merge_precommit(text, hooks, language)
    return merged, changes, notes, [hook.id for hook in hooks]


def merge_precommit(
    text: str | None, hooks: Sequence[HookSpec], language: str | None = None
) -> tuple[str, list[str]]:
    """Add the missing hooks, install types and Python version to a config's text.

    Args:
        text: The current file, or None when there is none.
        hooks: The hooks to add (``choose`` leaves out those already there).
        language: The ``default_language_version`` for Python, e.g. ``python3.11``.

    Returns:
        The new text (the same text when nothing is missing) and what changed.

    Raises:
        UsageError: The file does not parse, or cannot be extended safely.

    Example:
        >>> start = "default_install_hook_types: [pre-commit]  # ours\\nrepos: []\\n"
        >>> print(merge_precommit(start, [])[0], end="")
        default_install_hook_types: [pre-commit, commit-msg, pre-push]  # ours
        repos: []
    """
    original = text or ""
    if original and not original.endswith("\n"):
        original += "\r\n" if "\r\n" in original else "\n"
    root = compose(original, FILE)
    if root is not None and not _block(root, yaml.MappingNode):
        raise UsageError(
            f"{FILE}: the top level is not `key: value` lines; left untouched"
        )
    try:
        edits, changes = _edits(root, original, hooks, language)
    except UsageError as error:
        raise UsageError(f"{FILE}: {error}; left untouched") from error
    if not changes:
        return text or "", []
    merged = apply(original, edits)
    _verify(merged, hooks, language)
    return merged, changes


def _edits(
    root: yaml.Node | None, text: str, hooks: Sequence[HookSpec], language: str | None
) -> tuple[list[Edit], list[str]]:
    """The insertions, and what they add in words."""
    listed = {scalar(n, ()) for n in find(root, ("default_install_hook_types", EACH))}
    types = [t for t in INSTALL_TYPES if t not in listed]
    edits, left = _into_entries(root, text, hooks)
    wanted: dict[str, Any] = {
        "default_install_hook_types": types,
        "default_language_version": {"python": language} if language else {},
        "repos": _entries(left),
    }
    new = {}
    for key, value in wanted.items():
        found = find(root, (key,))
        if value and not found:
            new[key] = value
        elif value and isinstance(value, list):
            # Reason: lists are extended; a Python version already there is the user's.
            edits.append(extend(text, found[0], value))
    if new:
        keys = [k for k, _ in root.value if k.value == "repos"] if root else []
        at = keys[0].start_mark.index if keys else len(text)
        edits.append((at, ("" if text.strip() else _HEADER) + dump(new, 0, 2)))
    changes = (
        [f"added {', '.join(types)} to default_install_hook_types"] if types else []
    )
    if "default_language_version" in new:
        changes.append(f"set default_language_version: python: {language}")
    if hooks:
        changes.append("added hooks: " + ", ".join(hook.id for hook in hooks))
    return edits, changes


def _into_entries(
    root: yaml.Node | None, text: str, hooks: Sequence[HookSpec]
) -> tuple[list[Edit], list[HookSpec]]:
    """Our hooks into our repository's entry where it lists hooks in a block."""
    edits, left = [], list(hooks)
    for entry in find(root, REPOS):
        url = scalar(entry, ("repo",))
        mine = [hook for hook in left if hook.repo == url != "local"]
        listed = [n for n in find(entry, ("hooks",)) if _block(n, yaml.SequenceNode)]
        if mine and listed:
            edits.append(extend(text, listed[0], [_hook(hook) for hook in mine]))
            left = [hook for hook in left if hook not in mine]
    return edits, left


def _block(node: yaml.Node, kind: type[CollectionNode]) -> bool:
    """Whether ``node`` is a ``kind`` in block style, with items."""
    return isinstance(node, kind) and bool(node.value) and not node.flow_style


def _entries(hooks: Sequence[HookSpec]) -> list[dict[str, object]]:
    """New ``repos`` entries: one per repository, with its ``rev`` when pinned."""
    entries: list[dict[str, object]] = []
    for url, rev in dict.fromkeys((hook.repo, hook.rev) for hook in hooks):
        group = [_hook(h) for h in hooks if (h.repo, h.rev) == (url, rev)]
        entries.append({"repo": url, **({"rev": rev} if rev else {}), "hooks": group})
    return entries


def _hook(hook: HookSpec) -> dict[str, object]:
    """The hook as YAML data: its id, then the keys its lines hold."""
    return {"id": hook.id, **yaml.safe_load("\n".join(hook.body()))}


def _verify(merged: str, hooks: Sequence[HookSpec], language: str | None) -> None:
    """Refuse a merge after which planning again would still find something to add."""
    root = compose(merged, FILE)
    ids = {hook.id for hook in present(root)}
    if _edits(root, merged, [h for h in hooks if h.id not in ids], language)[1]:
        raise UsageError(f"{FILE}: could not merge safely; left untouched")
