"""The hooks ``init`` adds: ours at their git stages, and the peer gates, pinned.

Every peer runs from a ``repo: local`` hook. Ruff, black and bandit install from the
package index at the versions pinned here, into pre-commit's own environment
(``additional_dependencies``): no repository host is needed, and the version is
written down once. Mypy runs in the project's environment (``uv run --frozen``),
where the project's own packages and their stubs are importable.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

RUFF = "0.17.6"
BLACK = "26.10.1"
BANDIT = "1.9.4"
MYPY = "2.4.1"


class HookSpec(NamedTuple):
    """One hook to add: its repository, revision, id, stages and further keys.

    Example:
        >>> HookSpec("local", "", "x", ("pre-push",), ("language: system",)).body()
        ['stages: [pre-push]', 'language: system']
    """

    repo: str
    rev: str
    id: str
    stages: tuple[str, ...]
    extra: tuple[str, ...] = ()

    def body(self) -> list[str]:
        """The hook's keys after ``id``, as YAML lines without indentation."""
        return [f"stages: [{', '.join(self.stages)}]", *self.extra]


class Present(NamedTuple):
    """A hook already in the config: its repository, id and entry.

    Example:
        >>> kind_of(Present("https://x/ruff-pre-commit", "ruff-format", ""))
        'ruff-format'
    """

    repo: str
    id: str
    entry: str


def our_hooks(repo: str, rev: str) -> tuple[HookSpec, ...]:
    """Our hooks, each at the git stage its rules judge.

    Example:
        >>> [hook.id for hook in our_hooks("r", "v1")][:2]
        ['constitution', 'project-contract']
    """
    commit, push = ("pre-commit",), ("pre-push",)
    return (
        # Reason: one process runs the file rules, TDD pairing and the branch name.
        HookSpec(repo, rev, "constitution", commit),
        HookSpec(repo, rev, "project-contract", commit),
        HookSpec(repo, rev, "migrations", (*commit, *push)),
        HookSpec(repo, rev, "commit-message", ("commit-msg",)),
        HookSpec(repo, rev, "coverage-gate", push),
        HookSpec(repo, rev, "tdd-history", push),
    )


def _local(hook_id: str, *extra: str) -> HookSpec:
    return HookSpec("local", "", hook_id, ("pre-commit",), extra)


def _pinned(hook_id: str, entry: str, requirement: str, types: str) -> HookSpec:
    version = requirement.rpartition("==")[2]
    return _local(
        hook_id,
        f"name: {entry.split()[0]} {version}",
        f"entry: {entry}",
        "language: python",
        types,
        "require_serial: true",
        f'additional_dependencies: ["{requirement}"]',
    )


PEERS = {
    "ruff-check": _pinned(
        "ruff-check",
        "ruff check --force-exclude",
        f"ruff=={RUFF}",
        "types_or: [python, pyi]",
    ),
    "black": _pinned("black", "black", f"black=={BLACK}", "types_or: [python, pyi]"),
    "bandit": _pinned(
        "bandit",
        "bandit -c pyproject.toml -q",
        f"bandit[toml]=={BANDIT}",
        "types: [python]",
    ),
    "mypy": _local(
        "mypy",
        "name: mypy --strict (the project's environment)",
        "entry: uv run --frozen mypy",
        "language: system",
        "types_or: [python, pyi]",
        "pass_filenames: false",
        "require_serial: true",
    ),
    "uv-lock": _local(
        "uv-lock",
        "name: uv lock --check",
        "entry: uv lock --check",
        "language: system",
        r"files: ^(uv\.lock|pyproject\.toml)$",
        "pass_filenames: false",
    ),
}
# Reason: a hook is known by its id (the mirrors' ids) or, for local hooks, by the
# command its entry runs; the first match wins, so "ruff format" is not "ruff check".
_KINDS = (
    ("ruff-format", ("ruff-format",), ("ruff format",)),
    ("ruff-check", ("ruff", "ruff-check"), ("ruff",)),
    ("black", ("black", "black-jupyter"), ("black",)),
    ("mypy", ("mypy",), ("mypy",)),
    ("bandit", ("bandit",), ("bandit",)),
    ("uv-lock", ("uv-lock",), ("uv lock",)),
)


def kind_of(hook: Present) -> str | None:
    """Which peer tool a present hook runs, if any.

    Example:
        >>> kind_of(Present("local", "types", "uv run mypy"))
        'mypy'
    """
    words = f" {hook.entry} "
    for kind, ids, commands in _KINDS:
        if hook.id in ids or any(f" {c} " in words for c in commands):
            return kind
    return None


def choose(
    found: Sequence[Present], repo: str, rev: str, *, ruff_format: bool
) -> tuple[list[HookSpec], list[str]]:
    """The hooks to add to a config holding ``found``, and what was kept, in words.

    Args:
        found: The hooks already in the config.
        repo: Where pre-commit fetches our hooks.
        rev: The revision of our hooks.
        ruff_format: The project formats with ``ruff format`` (a
            ``[tool.ruff.format]`` table), so black is not added.

    Returns:
        The hooks to add, in order, and one note for each gate left as it was.

    Example:
        >>> found = [Present("local", "types", "mypy .")]
        >>> choose(found, "r", "v", ruff_format=False)[1]
        ['kept your mypy hook (local)']
    """
    ids = {hook.id for hook in found}
    adding = [hook for hook in our_hooks(repo, rev) if hook.id not in ids]
    kinds: dict[str, Present] = {}
    for hook in found:
        kinds.setdefault(kind_of(hook) or "", hook)
    notes = []
    if ruff_format or "ruff-format" in kinds:
        kinds.setdefault("black", Present("", "", ""))
        notes.append("ruff format is in use: black not added (it formats as black)")
    for kind, spec in PEERS.items():
        if kind not in kinds:
            adding.append(spec)
        elif kinds[kind].id and not _ours(kinds[kind], spec):
            notes.append(f"kept your {kind} hook ({kinds[kind].repo})")
    return adding, notes


def _ours(hook: Present, spec: HookSpec) -> bool:
    """Whether ``hook`` is the one ``init`` writes (then it needs no note)."""
    return (hook.repo, hook.id) == (
        "local",
        spec.id,
    ) and f"entry: {hook.entry}" in spec.extra
