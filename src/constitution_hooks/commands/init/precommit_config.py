"""Merge our hooks into a ``.pre-commit-config.yaml``, keeping every existing line.

The file is parsed (PyYAML's node tree, with line and column marks) only to learn what
is there and where; changes are text insertions, so comments, order and formatting of
the user's file survive. A file that does not parse, or whose shape we cannot extend
safely, is refused with a ``UsageError`` (exit 2).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import yaml

from constitution_hooks.core.errors import UsageError

FILE = ".pre-commit-config.yaml"
INSTALL_TYPES = ("pre-commit", "commit-msg", "pre-push")
# Reason: ruff-pre-commit renamed "ruff" to "ruff-check"; either means the gate is on.
ALIASES = {"ruff-check": ("ruff", "ruff-check")}


@dataclass(frozen=True)
class HookSpec:
    """One hook to add: its repository, revision, id, stages and extra YAML lines.

    Example:
        >>> HookSpec("r", "v", "mypy", ("pre-commit",)).lines(2)[0]
        '  - id: mypy\\n'
    """

    repo: str
    rev: str
    id: str
    stages: tuple[str, ...]
    extra: tuple[str, ...] = ()

    def lines(self, dash: int) -> list[str]:
        """The hook as YAML list-item lines, its dash at column ``dash``."""
        pad = " " * dash
        body = [f"stages: [{', '.join(self.stages)}]", *self.extra]
        return [f"{pad}- id: {self.id}\n", *(f"{pad}  {line}\n" for line in body)]


def default_hooks(repo: str, rev: str) -> tuple[HookSpec, ...]:
    """Our hooks at their stages, then the constitution's other gates.

    Example:
        >>> [h.id for h in default_hooks("r", "v")][:2]
        ['constitution', 'tdd-pairing']
    """
    commit, push = ("pre-commit",), ("pre-push",)
    return (
        HookSpec(repo, rev, "constitution", commit),
        HookSpec(repo, rev, "tdd-pairing", commit),
        HookSpec(repo, rev, "commit-message", ("commit-msg",)),
        HookSpec(repo, rev, "branch-name", (*commit, *push)),
        HookSpec(repo, rev, "coverage-gate", push),
        HookSpec(repo, rev, "project-contract", commit),
        HookSpec(repo, rev, "migrations", (*commit, *push)),
        HookSpec(
            "https://github.com/psf/black-pre-commit-mirror", "26.10.1", "black", commit
        ),
        HookSpec(
            "https://github.com/astral-sh/ruff-pre-commit",
            "v0.17.6",
            "ruff-check",
            commit,
        ),
        HookSpec(
            "https://github.com/pre-commit/mirrors-mypy", "v2.4.1", "mypy", commit
        ),
        HookSpec(
            "https://github.com/PyCQA/bandit",
            "1.9.4",
            "bandit",
            commit,
            (
                'args: ["-c", "pyproject.toml"]',
                'additional_dependencies: ["bandit[toml]"]',
            ),
        ),
    )


Edit = tuple[int, int, list[str]]  # (line index, lines replaced, new lines)
_HEADER = [
    "# Written by `constitution init`: the constitution's gates at their git stages.\n",
    "# `pre-commit install` installs every stage in default_install_hook_types.\n",
]


def merge_precommit(
    text: str | None, hooks: Sequence[HookSpec]
) -> tuple[str, list[str]]:
    """Add the missing hooks and install types to a config's text.

    Args:
        text: The current file, or None when there is none.
        hooks: The hooks the project should have.

    Returns:
        The new text (the same text when nothing is missing) and what changed.

    Raises:
        UsageError: The file does not parse, or cannot be extended safely.

    Example:
        >>> text, changes = merge_precommit(None, default_hooks("r", "v1"))
        >>> text.count("- id: "), len(changes)
        (11, 2)
    """
    original = text or ""
    root = _compose(original)
    lines = original.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    changes: list[str] = []
    edits = [
        *_install_types(root, lines, changes),
        *_repos(root, original, lines, hooks, changes),
    ]
    if not changes:
        return original, []
    # Reason: apply bottom-up so earlier indexes stay valid; at one index, the
    # later edit goes in first so the edits end up in their listed order.
    ordered = sorted(enumerate(edits), key=lambda e: (e[1][0], e[0]), reverse=True)
    for _, (index, removed, new) in ordered:
        lines[index : index + removed] = new
    merged = "".join(lines)
    _verify(merged, hooks)
    return merged, changes


def _compose(text: str) -> yaml.MappingNode | None:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        reason = " ".join(str(error).split())
        raise UsageError(f"{FILE}: not valid YAML, left untouched: {reason}") from error
    if root is not None and not isinstance(root, yaml.MappingNode):
        raise UsageError(f"{FILE}: the top level is not a mapping; left untouched")
    return root


def _entry(node: yaml.Node | None, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next(((k, v) for k, v in node.value if k.value == key), None)


def _install_types(
    root: yaml.MappingNode | None, lines: list[str], changes: list[str]
) -> list[Edit]:
    found = _entry(root, "default_install_hook_types")
    if found is None:
        changes.append(f"set default_install_hook_types: {', '.join(INSTALL_TYPES)}")
        repos = _entry(root, "repos")
        at = repos[0].start_mark.line if repos else len(lines)
        line = f"default_install_hook_types: [{', '.join(INSTALL_TYPES)}]\n"
        return [(at, 0, [*(_HEADER if not lines else []), line])]
    value = found[1]
    if not isinstance(value, yaml.SequenceNode) or not value.value:
        raise UsageError(f"{FILE}: default_install_hook_types is not a list")
    have = [str(item.value) for item in value.value]
    missing = [t for t in INSTALL_TYPES if t not in have]
    if not missing:
        return []
    changes.append(f"added {', '.join(missing)} to default_install_hook_types")
    if value.flow_style:
        start, end = value.start_mark, value.end_mark
        if start.line != end.line:
            raise UsageError(f"{FILE}: {_FLOW} default_install_hook_types")
        row = lines[start.line]
        listed = "[" + ", ".join([*have, *missing]) + "]"
        return [(start.line, 1, [row[: start.column] + listed + row[end.column :]])]
    pad = " " * _dash(lines, value.value[0])
    return [(_after(value), 0, [f"{pad}- {t}\n" for t in missing])]


def _repos(
    root: yaml.MappingNode | None,
    text: str,
    lines: list[str],
    hooks: Sequence[HookSpec],
    changes: list[str],
) -> list[Edit]:
    present = _present_ids(text)
    missing = [h for h in hooks if not set(ALIASES.get(h.id, (h.id,))) & present]
    if not missing:
        return []
    changes.append("added hooks: " + ", ".join(h.id for h in missing))
    found = _entry(root, "repos")
    if found is None:
        return [(len(lines), 0, ["repos:\n", *_new_repos(missing, 2, ())])]
    key, seq = found
    if isinstance(seq, yaml.ScalarNode) and seq.tag.endswith(":null"):
        return [(key.end_mark.line + 1, 0, _new_repos(missing, 2, ()))]
    if not isinstance(seq, yaml.SequenceNode) or seq.flow_style or not seq.value:
        raise UsageError(f"{FILE}: {_FLOW} repos")
    edits: list[Edit] = []
    placed: list[HookSpec] = []
    for item in seq.value:
        url = _entry(item, "repo")
        mine = [h for h in missing if url and url[1].value == h.repo]
        edit = _into_existing(item, mine, lines)
        if edit is not None:
            edits.append(edit)
            placed.extend(mine)
    dash = _dash(lines, seq.value[0])
    edits.append((_after(seq), 0, _new_repos(missing, dash, placed)))
    return edits


def _into_existing(
    item: yaml.Node, mine: list[HookSpec], lines: list[str]
) -> Edit | None:
    hooks = _entry(item, "hooks")
    seq = hooks[1] if hooks else None
    if not mine or not isinstance(seq, yaml.SequenceNode) or seq.flow_style:
        return None
    if not seq.value:
        return None
    dash = _dash(lines, seq.value[0])
    return (_after(seq), 0, [line for hook in mine for line in hook.lines(dash)])


def _new_repos(
    hooks: Sequence[HookSpec], dash: int, placed: Iterable[HookSpec]
) -> list[str]:
    pad = " " * dash
    out: list[str] = []
    left = [h for h in hooks if h not in placed]
    for repo in dict.fromkeys(h.repo for h in left):
        group = [h for h in left if h.repo == repo]
        out += [f"{pad}- repo: {repo}\n", f"{pad}  rev: {group[0].rev}\n"]
        out.append(f"{pad}  hooks:\n")
        out += [line for hook in group for line in hook.lines(dash + 4)]
    return out


def _present_ids(text: str) -> set[str]:
    data = yaml.safe_load(text) if text.strip() else None
    repos = data.get("repos") if isinstance(data, dict) else None
    return {
        str(hook.get("id"))
        for repo in (repos if isinstance(repos, list) else [])
        if isinstance(repo, dict) and isinstance(repo.get("hooks"), list)
        for hook in repo["hooks"]
        if isinstance(hook, dict)
    }


def _dash(lines: list[str], item: yaml.Node) -> int:
    mark = item.start_mark
    column = lines[mark.line].rfind("-", 0, mark.column)
    if column < 0:
        raise UsageError(f"{FILE}: cannot find the list's indentation; left untouched")
    return column


def _after(node: yaml.Node) -> int:
    """The line index just after the last line holding ``node``'s content."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        mark = node.end_mark
        return int(mark.line + (1 if mark.column > 0 else 0))
    children: list[yaml.Node] = []
    if isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    elif isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    return max((_after(child) for child in children), default=node.start_mark.line + 1)


def _verify(merged: str, hooks: Sequence[HookSpec]) -> None:
    data = yaml.safe_load(merged)
    types = data.get("default_install_hook_types") if isinstance(data, dict) else None
    ids = _present_ids(merged)
    complete = all(set(ALIASES.get(h.id, (h.id,))) & ids for h in hooks)
    if not complete or not set(INSTALL_TYPES) <= set(types or ()):
        raise UsageError(f"{FILE}: could not merge safely; left untouched")


_FLOW = (
    "cannot extend a flow-style or empty list, left untouched;"
    " write it as a block list:"
)
