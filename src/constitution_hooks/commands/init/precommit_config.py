"""Merge our hooks and the peer gates into a ``.pre-commit-config.yaml``.

What is there is read through matcher paths (``yaml_edit``); what is missing goes
in as text at the places those paths find, so every line and comment of the file
stays. A file that does not parse, or whose shape cannot be extended safely, is
refused with a ``UsageError`` (exit 2) before anything is written.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import yaml

from constitution_hooks.commands.init.gates import HookSpec, Present, choose
from constitution_hooks.commands.init.yaml_edit import (
    Edit,
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

FILE = ".pre-commit-config.yaml"
INSTALL_TYPES = ("pre-commit", "commit-msg", "pre-push")
REPOS = (Value("repos"), Item())
HOOKS = (*REPOS, Value("hooks"), Item())
_HEADER = (
    "# Written by `constitution init`: the constitution's gates at their git stages.",
    "# `pre-commit install` installs every stage in default_install_hook_types.",
)


def present(root: yaml.Node | None) -> list[Present]:
    """Every hook of the config, in order.

    Example:
        >>> root = compose("repos:\\n- repo: local\\n  hooks:\\n  - id: x\\n", FILE)
        >>> present(root)
        [Present(repo='local', id='x', entry='')]
    """
    found = []
    for repo in find(root, REPOS):
        url = scalar(repo, (Value("repo"),)) or ""
        for hook in find(repo, (Value("hooks"), Item())):
            hook_id = scalar(hook, (Value("id"),)) or ""
            found.append(Present(url, hook_id, scalar(hook, (Value("entry"),)) or ""))
    return found


def quoted(value: str) -> str:
    """``value`` as a YAML scalar that reads back as the same string.

    Example:
        >>> quoted("v1"), quoted("1234")
        ('v1', '"1234"')
    """
    plain = value and yaml.safe_load(value) == value and value.strip() == value
    return (
        value
        if plain and ": " not in value and " #" not in value
        else json.dumps(value)
    )


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
        ...     None, "r", "v1", ruff_format=True, language=None
        ... )
        >>> changes[-1].startswith("added hooks: constitution, project-contract")
        True
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
        >>> spec = HookSpec("r", "v1", "x", ("pre-push",))
        >>> merge_precommit(None, [spec])[1][-1]
        'added hooks: x'

    """
    original = text or ""
    eol = "\r\n" if "\r\n" in original else "\n"
    if original and not original.endswith("\n"):
        original += eol
    root = compose(original, FILE)
    if root is not None and not isinstance(root, yaml.MappingNode):
        raise UsageError(f"{FILE}: the top level is not a mapping; left untouched")
    changes: list[str] = []
    try:
        edits = [
            *_top_keys(root, original, language, changes),
            *_repos(root, original, hooks, changes),
        ]
    except UsageError as error:
        raise UsageError(f"{FILE}: {error}; left untouched") from error
    if not changes:
        return text or "", []
    merged = apply(
        original, [(at, cut, new.replace("\n", eol)) for at, cut, new in edits]
    )
    _verify(merged, hooks)
    return merged, changes


def _top_keys(
    root: yaml.Node | None, text: str, language: str | None, changes: list[str]
) -> list[Edit]:
    repos_key = [k for k, _ in getattr(root, "value", ()) if k.value == "repos"]
    at = repos_key[0].start_mark.index if repos_key else len(text)
    lines = list(_HEADER) if not text.strip() else []
    edits = []
    types = find(root, (Value("default_install_hook_types"),))
    if not types:
        changes.append(f"set default_install_hook_types: {', '.join(INSTALL_TYPES)}")
        lines.append(f"default_install_hook_types: [{', '.join(INSTALL_TYPES)}]")
    else:
        edits += _install_types(types[0], text, changes)
    if language and not find(root, (Value("default_language_version"),)):
        changes.append(f"set default_language_version: python: {language}")
        lines += ["default_language_version:", f"  python: {language}"]
    return [(at, 0, "".join(f"{line}\n" for line in lines)), *edits] if lines else edits


def _install_types(node: yaml.Node, text: str, changes: list[str]) -> list[Edit]:
    items = node.value if isinstance(node, yaml.SequenceNode) else []
    if not items:
        raise UsageError("default_install_hook_types is not a list")
    missing = [t for t in INSTALL_TYPES if t not in {str(i.value) for i in items}]
    if not missing:
        return []
    changes.append(f"added {', '.join(missing)} to default_install_hook_types")
    # Reason: a new item goes right after the last one, in the list's own style.
    gap = (
        ", "
        if getattr(node, "flow_style", False)
        else f"\n{' ' * indents(text, node)[0]}- "
    )
    return [(items[-1].end_mark.index, 0, "".join(gap + t for t in missing))]


def _repos(
    root: yaml.Node | None, text: str, hooks: Sequence[HookSpec], changes: list[str]
) -> list[Edit]:
    if not hooks:
        return []
    changes.append("added hooks: " + ", ".join(h.id for h in hooks))
    found = find(root, (Value("repos"),))
    if not found:
        return [(len(text), 0, "repos:\n" + _new_repos(hooks, 2, 4))]
    seq = found[0]
    if isinstance(seq, yaml.ScalarNode) and seq.tag.endswith(":null"):
        return [(line_after(text, seq), 0, _new_repos(hooks, 2, 4))]
    dash, content = indents(text, seq)
    edits, left = [], list(hooks)
    for repo in find(root, REPOS):
        url = scalar(repo, (Value("repo"),))
        mine = [h for h in left if h.repo == url and url != "local"]
        listed = [n for n in find(repo, (Value("hooks"),)) if _block(n)]
        if mine and listed:
            inner, body = indents(text, listed[0])
            edits.append((line_after(text, listed[0]), 0, _hooks(mine, inner, body)))
            left = [h for h in left if h not in mine]
    return [*edits, (line_after(text, seq), 0, _new_repos(left, dash, content))]


def _block(node: yaml.Node) -> bool:
    return isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value


def _new_repos(hooks: Sequence[HookSpec], dash: int, content: int) -> str:
    pad, out = " " * content, ""
    for repo in dict.fromkeys(h.repo for h in hooks):
        group = [h for h in hooks if h.repo == repo]
        out += f"{' ' * dash}-{' ' * (content - dash - 1)}repo: {quoted(repo)}\n"
        out += f"{pad}rev: {quoted(group[0].rev)}\n" if group[0].rev else ""
        out += f"{pad}hooks:\n" + _hooks(group, content + 2, content + 4)
    return out


def _hooks(hooks: Sequence[HookSpec], dash: int, body: int) -> str:
    gap, pad = " " * (body - dash - 1), " " * body
    return "".join(
        f"{' ' * dash}-{gap}id: {h.id}\n"
        + "".join(f"{pad}{line}\n" for line in h.body())
        for h in hooks
    )


def _verify(merged: str, hooks: Sequence[HookSpec]) -> None:
    root = compose(merged, FILE)
    ids = {hook.id for hook in present(root)} | {
        str(n.value) for n in find(root, (Value("default_install_hook_types"), Item()))
    }
    if not {h.id for h in hooks} | set(INSTALL_TYPES) <= ids:
        raise UsageError(f"{FILE}: could not merge safely; left untouched")
