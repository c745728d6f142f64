"""CON206: walk a history oldest first; a module's test must come no later than it.

Pure: the history arrives as data (the base tree and each commit's raw changes) and
contents through ``load``; no git is run here. Memory is bounded: facts are kept
for a fixed number of blobs, and each blob's facts are computed once while kept.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence

from constitution_hooks.core.git import NULL_SHA, Change, Commit
from constitution_hooks.core.violation import Finding, Violation
from constitution_hooks.core.waivers import MARKER, read_waivers
from constitution_hooks.rules.tdd.facts import Facts, module_facts
from constitution_hooks.rules.tdd.layout import naming_kind
from constitution_hooks.rules.tdd.pairing import Snapshot, pair
from constitution_hooks.rules.tdd.reach import reached_through_code
from constitution_hooks.rules.tdd.settings import BEFORE_TEST, TddSettings
from constitution_hooks.rules.waivers import WAIVER_WITHOUT_REASON

_CHANGED = frozenset("AMRCT")
_NAMES = frozenset({"CON206", "implementation-before-test"})
_FILE_NAMES = frozenset({"CON201", "missing-test", *_NAMES})
_REASON_PREFIX = re.compile(r"^[\s:\-]*(?:reason:\s*)?", re.IGNORECASE)
WAYS_OUT = (
    "commit the test in the same or an earlier commit (git rebase -i), or write"
    " the exception in the commit message as a trailer 'Constitution-Waiver: CON206"
    " <reason>', or exempt the module (exempt in [tool.constitution.tdd-pairing], or"
    " '# constitution: ignore-file[CON201] Reason: ...')"
)
CACHE_SIZE = 4096
# Reason: the facts of a file take a few times its size; 24 MB of sources keeps a
# large project's tree and its recent versions (sqlalchemy's tree is 20 MB) while
# the whole run stays under 200 MB.
CACHE_BYTES = 24 * 1024 * 1024


class FactsCache(OrderedDict[tuple[str, str], Facts]):
    """Facts by (blob, package), the least recently used dropped past ``size``
    entries or ``budget`` bytes of sources (the latest entry is always kept).

    Example:
        >>> cache = FactsCache(1)
        >>> cache[("a", "")] = module_facts(b"", "")
        >>> cache[("b", "")] = module_facts(b"", "")
        >>> list(cache)
        [('b', '')]
    """

    def __init__(self, size: int = CACHE_SIZE, budget: int = CACHE_BYTES) -> None:
        """An empty cache holding at most ``size`` entries and ``budget`` bytes."""
        super().__init__()
        self.size = size
        self.budget = budget
        self.bytes = 0

    def __getitem__(self, key: tuple[str, str]) -> Facts:
        """Return an entry and mark it recently used."""
        self.move_to_end(key)
        return super().__getitem__(key)

    def __setitem__(self, key: tuple[str, str], value: Facts) -> None:
        """Store an entry, dropping the least recently used past the bounds."""
        self.bytes += _size(value) - _size(self.get(key))
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > 1 and (len(self) > self.size or self.bytes > self.budget):
            self.bytes -= _size(self.popitem(last=False)[1])


def _size(facts: Facts | None) -> int:
    return len(getattr(facts, "data", b""))


def check_history(
    base: Mapping[str, str],
    commits: Sequence[Commit],
    load: Callable[[str], bytes],
    cfg: TddSettings,
    tree_of: Callable[[str], Mapping[str, str] | None] | None = None,
    start: str | None = None,
    progress: Callable[[int], None] | None = None,
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
        progress: Called with the number of commits replayed so far.

    Returns:
        One CON206 violation per commit and module, in history order, and a
        CON010 for a ``Constitution-Waiver`` trailer without a reason. Merge
        commits are not judged: their changes were judged on their own branch.

    Example:
        >>> check_history({}, [], lambda blob: b"", None)  # type: ignore[arg-type]
        []
    """
    state = dict(base)
    replay = _Replay(state, start, Snapshot(state, load, cfg, FactsCache()))
    replay.states.wanted = replayed_from(commits)
    found: list[Violation] = []
    for number, commit in enumerate(commits, 1):
        if progress is not None:
            progress(number)
        found.extend(replay.step(commit, replay.states.lookup(tree_of)))
    return found


class _Replay:
    """The state of a history replay: the files now, and what was seen so far."""

    def __init__(
        self, state: dict[str, str], current: str | None, snap: Snapshot
    ) -> None:
        self.state, self.current, self.snap = state, current, snap
        self.touched: set[str] = set()
        self.states = _States()

    def _new(self) -> Snapshot:
        old = self.snap
        return Snapshot(self.state, old.load, old.cfg, old.cache, old.memo)

    def step(
        self, commit: Commit, tree_of: Callable[[str], Mapping[str, str] | None] | None
    ) -> list[Violation]:
        """Apply one commit; return its violations (none for a merge)."""
        self.state = _state_before(commit, self.state, self.current, tree_of)
        changes = [c for c in commit.changes if c.path.endswith(".py")]
        merge = len(commit.parents) > 1
        reload = self.state is not self.snap.files or any(
            c.status != "M" for c in commit.changes
        )
        _apply(self.state, commit.changes)
        # Reason: the snapshot reads the live state; its path indexes (roots, tests)
        # stay valid until a commit adds, removes or renames a file, while what
        # tests reach depends on contents and is recomputed after every commit.
        self.snap = self._new() if reload or merge else self.snap.refreshed()
        self.current = commit.sha
        if self.states.wants(commit.sha):
            self.states[commit.sha] = dict(self.state)
        if merge:
            # Reason: a merge is replayed (its diff against the first parent) so
            # the commits after it start from its tree, but not judged.
            return []
        self.touched |= {c.path for c in changes if c.status in _CHANGED}
        judged = [
            v
            for change in changes
            if _judged(change, self.snap)
            for v in _judge(commit, change, self.snap, self.touched)
        ]
        return _waive(commit, judged, changes)


def replayed_from(commits: Sequence[Commit]) -> set[str]:
    """The commits a later one replays from, other than the one just before it.

    Example:
        >>> replayed_from([Commit("a", "", ()), Commit("b", "", (), ("a",))])
        set()
    """
    before = [None, *(commit.sha for commit in commits)]
    return {
        commit.parents[0]
        for commit, previous in zip(commits, before, strict=False)
        if commit.parents and commit.parents[0] != previous
    }


class _States(OrderedDict[str, dict[str, str]]):
    """The files after the commits a branch replays from, so it needs no git."""

    wanted: set[str] | None = None

    def wants(self, sha: str) -> bool:
        """Whether a later commit replays from ``sha`` (all are kept when unknown)."""
        return self.wanted is None or sha in self.wanted

    def __setitem__(self, key: str, value: dict[str, str]) -> None:
        super().__setitem__(key, value)
        if len(self) > CACHE_SIZE // 2:
            self.popitem(last=False)

    def lookup(
        self, tree_of: Callable[[str], Mapping[str, str] | None] | None
    ) -> Callable[[str], Mapping[str, str] | None] | None:
        """``tree_of``, answered from the replayed states when it can be."""
        if tree_of is None:
            return None
        fallback = tree_of

        def find(sha: str) -> Mapping[str, str] | None:
            return self.get(sha) if sha in self else fallback(sha)

        return find


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
    if not after.behaviour:  # Reason: no digest means it does not parse.
        return False
    if change.old_blob == NULL_SHA or not change.old_path.endswith(".py"):
        return after.has_behaviour
    before = snap.cache.get((change.old_blob, after.package))
    if before is None:
        before = module_facts(snap.load(change.old_blob), after.package)
    return before.behaviour != after.behaviour


def _judge(
    commit: Commit, change: Change, snap: Snapshot, touched: set[str]
) -> list[Violation]:
    module = change.path
    strict = snap.cfg.require_test_change
    tests = pair(module, snap, first=not strict).tests
    # Reason: a module whose test exists (and, strict, changed) passes whatever its
    # code did, so the costly behaviour comparison runs only for suspects.
    if tests and not (strict and not set(tests) & touched):
        return []
    where = f'commit {commit.sha[:7]} "{commit.subject}": module {snap.dotted(module)}'
    if not snap.facts(module).parsed:
        # Reason: a past commit's module that this interpreter cannot parse was
        # usually written for another Python (2, or a newer 3): tried on real
        # histories (simplejson, the FastAPI template), reporting it was noise.
        return []
    if not _changes_behaviour(change, snap) or _exempt(module, snap):
        return []
    tests = tests or reached_through_code(module, snap)
    if tests and not (strict and not set(tests) & touched):
        return []
    if not tests:
        reason = f"{where} changed behaviour before its test existed; {WAYS_OUT}"
    else:
        reason = (
            f"{where} changed behaviour while its tests ({', '.join(tests[:5])}) were"
            f" not changed in this commit or an earlier one of the range; {WAYS_OUT}"
        )
    return [BEFORE_TEST.at(module, Finding(1, 1, reason))]


def _exempt(module: str, snap: Snapshot) -> bool:
    """Exempt at this commit: by default, or by a file-level waiver with a reason."""
    if snap.exemption(module) is not None:
        return True
    text = snap.facts(module).text or ""
    if MARKER not in text:
        return False
    return any(
        waiver.file_level and waiver.reason and _FILE_NAMES & set(waiver.names)
        for waiver in read_waivers(text)
    )


def _waive(
    commit: Commit, found: list[Violation], changes: list[Change]
) -> list[Violation]:
    """Apply the commit's ``Constitution-Waiver: CON206 <reason>`` trailers."""
    kept = found
    for text in commit.waivers:
        name, _, rest = text.partition(" ")
        if name not in _NAMES:
            continue
        if _REASON_PREFIX.sub("", rest).strip():
            kept = [v for v in kept if v.code != "CON206"]
            continue
        path = found[0].path if found else (changes[0].path if changes else ".")
        kept = [*kept, _no_reason(commit, path)]
    return kept


def _no_reason(commit: Commit, path: str) -> Violation:
    message = (
        f'commit {commit.sha[:7]} "{commit.subject}": the trailer'
        " 'Constitution-Waiver: CON206' has no written reason, so it waives"
        " nothing; write why after the code"
    )
    return WAIVER_WITHOUT_REASON.at(path, Finding(1, 1, message))
