"""CON206: walk a history oldest first; a module's test must come no later than it.

Pure: the history arrives as data (the base tree and each commit's raw changes) and
contents through ``load``; no git is run here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from constitution_hooks.core.git import NULL_SHA, Change, Commit
from constitution_hooks.core.violation import Violation
from constitution_hooks.rules.tdd.facts import Facts, analyse
from constitution_hooks.rules.tdd.layout import naming_kind
from constitution_hooks.rules.tdd.pairing import Snapshot, pair
from constitution_hooks.rules.tdd.settings import TddSettings, violation

_CHANGED = frozenset("AMRCT")


def check_history(
    base: Mapping[str, str],
    commits: Sequence[Commit],
    load: Callable[[str], bytes],
    cfg: TddSettings,
    tree_of: Callable[[str], Mapping[str, str] | None] | None = None,
    start: str | None = None,
) -> list[Violation]:
    """Report each commit that changed a module's behaviour before its test existed.

    Args:
        base: The Python files (path -> blob id) of commit ``start``.
        commits: The commits of the range, parents first, paths project-relative.
        load: Reads a blob's bytes.
        cfg: The resolved tdd-pairing settings (``require-test-change`` is strict).
        tree_of: The Python files of any commit, for a commit whose parent is not
            the one replayed before it (another branch of the range).
        start: The commit ``base`` holds.

    Returns:
        One CON206 violation per commit and module, in history order. Merge
        commits are not judged: their changes were judged on their own branch.

    Example:
        >>> check_history({}, [], lambda blob: b"", None)  # type: ignore[arg-type]
        []
    """
    state, current = dict(base), start
    cache: dict[tuple[str, str], Facts] = {}
    touched: set[str] = set()
    found: list[Violation] = []
    snap = Snapshot(state, load, cfg, cache)
    for commit in commits:
        if len(commit.parents) > 1:
            continue
        state = _state_before(commit, state, current, tree_of)
        changes = [c for c in commit.changes if c.path.endswith(".py")]
        reload = state is not snap.files or any(c.status != "M" for c in commit.changes)
        _apply(state, commit.changes)
        touched |= {c.path for c in changes if c.status in _CHANGED}
        # Reason: the snapshot reads the live state; its path indexes (roots, tests)
        # stay valid until a commit adds, removes or renames a file.
        if reload:
            snap = Snapshot(state, load, cfg, cache)
        for change in changes:
            if _judged(change, snap):
                found.extend(_judge(commit, change, snap, touched))
        current = commit.sha
    return found


def _state_before(
    commit: Commit,
    state: dict[str, str],
    current: str | None,
    tree_of: Callable[[str], Mapping[str, str] | None] | None,
) -> dict[str, str]:
    """The files before ``commit``: the replayed state, or its parent's tree."""
    parent = commit.parents[0] if commit.parents else None
    if parent is not None and parent != current and tree_of is not None:
        return dict(tree_of(parent) or {})
    if parent is None and current is not None:
        return {}
    return state


def _apply(state: dict[str, str], changes: Sequence[Change]) -> None:
    for change in changes:
        state.pop(change.old_path, None)
        if change.status != "D" and change.path.endswith(".py"):
            state[change.path] = change.new_blob
        if change.status == "C":
            state[change.old_path] = change.old_blob


def _judged(change: Change, snap: Snapshot) -> bool:
    if change.status not in _CHANGED or naming_kind(change.path):
        return False
    return snap.cfg.exemption(change.path) is None and snap.is_module(change.path)


def _changes_behaviour(change: Change, snap: Snapshot) -> bool:
    after = snap.facts(change.path)
    if not after.parsed:
        return False
    if change.old_blob == NULL_SHA or not change.old_path.endswith(".py"):
        return after.has_behaviour
    before = snap.cache.get((change.old_blob, after.package))
    if before is None:
        before = snap.cache[(change.old_blob, after.package)] = analyse(
            snap.load(change.old_blob), after.package
        )
    return before.behaviour != after.behaviour


def _judge(
    commit: Commit, change: Change, snap: Snapshot, touched: set[str]
) -> list[Violation]:
    module = change.path
    tests = pair(module, snap).tests
    strict = snap.cfg.require_test_change
    # Reason: a module whose test exists (and, strict, changed) passes whatever its
    # code did, so the costly behaviour comparison runs only for suspects.
    if tests and not (strict and not set(tests) & touched):
        return []
    if not _changes_behaviour(change, snap):
        return []
    where = f'commit {commit.sha[:7]} "{commit.subject}": module {snap.dotted(module)}'
    if not tests:
        reason = (
            f"{where} changed behaviour before its test existed; commit the test"
            " in the same or an earlier commit"
        )
    elif strict and not set(tests) & touched:
        reason = (
            f"{where} changed behaviour while its tests ({', '.join(tests)}) were"
            " not changed in this commit or an earlier one of the range"
        )
    else:
        return []
    return [violation("CON206", module, 1, 1, reason)]
