"""The baseline: today's findings recorded, so only new ones are reported.

A finding's fingerprint survives unrelated edits: its code, its path (relative to
the baseline's folder), its anchor and an occurrence index, never its line number.
The anchor is the definition the finding sits on (``Parser.parse``), the file for
file-level rules, else the finding's source line with its whitespace normalised.
Size rules also record the size found: a recorded function that grows past it is
new again. The file is JSON, one sorted entry a line, read as data only.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from constitution_hooks.core.errors import UsageError
from constitution_hooks.core.parallel import fewer_collections
from constitution_hooks.core.source import SourceFile, SourceUnreadableError
from constitution_hooks.core.violation import Violation

BASELINE_FILE = ".constitution-baseline.json"
FORMAT = 1
_ANCHORS = ("symbol", "line", "commit")
_KEYS = {"code": str, "path": str, "occurrence": int, **dict.fromkeys(_ANCHORS, str)}


class Entry(NamedTuple):
    """One recorded finding.

    Attributes:
        code: The rule's code.
        path: The file, relative to the baseline's folder, with ``/``.
        kind: ``"file"``, ``"symbol"``, ``"line"`` or ``"commit"``: what
            ``anchor`` names.
        anchor: The definition's qualified name, the normalised line, the
            commit named by the message, or ``""``.
        occurrence: Which of the findings with the same code, path and anchor.
        size: For size rules, the size recorded; None for the others.

    Example:
        >>> e = Entry("CON102", "a.py", "symbol", "Parser.parse", 0, 63)
        >>> e.covers(e._replace(size=60)), e.covers(e._replace(size=70))
        (True, False)
    """

    code: str
    path: str
    kind: str
    anchor: str
    occurrence: int
    size: int | None = None

    @property
    def key(self) -> tuple[str, str, str, str, int]:
        """Everything but the size: what a finding must equal to match."""
        return (self.code, self.path, self.kind, self.anchor, self.occurrence)

    def covers(self, found: Entry) -> bool:
        """Whether a current finding is this recorded one, no bigger than recorded."""
        if found.key != self.key:
            return False
        return self.size is None or found.size is None or found.size <= self.size

    def record(self) -> dict[str, Any]:
        """The entry as the JSON object the file holds."""
        record: dict[str, Any] = {"code": self.code, "path": self.path}
        if self.kind != "file":
            record[self.kind] = self.anchor
        record["occurrence"] = self.occurrence
        if self.size is not None:
            record["size"] = self.size
        return record


class Fingerprinter(NamedTuple):
    """Turn violations into entries, reading each file with findings once.

    Attributes:
        root: The baseline's folder; paths are recorded relative to it.
        file_level: Codes whose findings judge the whole file.
        sized: Codes that record a size (the file's lines, the definition's span).
        by_commit: Codes of history rules, anchored on the commit their message
            names first (``commit 1a2b3c4 ...``).

    Example:
        >>> f = Fingerprinter(Path("/r"), frozenset({"CON201"}), frozenset())
        >>> [entry] = f.entries([Violation("/r/no.py", 1, 1, "CON201", "r", "m")])
        >>> entry.path, entry.kind
        ('no.py', 'file')
    """

    root: Path
    file_level: Collection[str]
    sized: Collection[str]
    by_commit: Collection[str] = ()

    def entries(self, violations: Sequence[Violation]) -> list[Entry]:
        """One entry per violation, in the violations' order.

        Occurrences count findings with the same code, path and anchor in
        line order (ties in the order given, as history rules report them).
        """
        sources: dict[str, SourceFile] = {}
        drafts: list[Entry] = []
        # Reason: the collector runs on each big tree parsed; as in the runner,
        # collecting less often made fingerprinting Django's findings 10x faster.
        with fewer_collections():
            for violation in violations:
                if violation.anchor:
                    drafts.append(self._anchored(violation))
                    continue
                source = sources.get(violation.path)
                if source is None:
                    source = sources[violation.path] = SourceFile(Path(violation.path))
                drafts.append(self._draft(violation, source))
        order = sorted(range(len(violations)), key=lambda i: violations[i].line)
        seen: dict[tuple[str, ...], int] = {}
        for index in order:
            draft = drafts[index]
            group = draft.key[:4]
            drafts[index] = draft._replace(occurrence=seen.get(group, 0))
            seen[group] = seen.get(group, 0) + 1
        return drafts

    def anchor(self, violation: Violation, source: SourceFile) -> Violation:
        """The violation with its anchor and size, from a file already parsed.

        The runner calls this in the worker that judged the file, so the
        baseline never parses a file again.

        Example:
            >>> f = Fingerprinter(Path("/r"), {"CON201"}, ())
            >>> v = Violation("/r/a.py", 1, 1, "CON201", "r", "m")
            >>> f.anchor(v, SourceFile(Path("/r/a.py"))).anchor
            'file:'
        """
        entry = self._draft(violation, source)
        return violation._replace(
            anchor=f"{entry.kind}:{entry.anchor}", size=entry.size or 0
        )

    def _anchored(self, violation: Violation) -> Entry:
        kind, _, anchor = violation.anchor.partition(":")
        size = violation.size if violation.code in self.sized else None
        path = relative_path(violation.path, self.root)
        return Entry(violation.code, path, kind, anchor, 0, size)

    def _draft(self, violation: Violation, source: SourceFile) -> Entry:
        path = relative_path(violation.path, self.root)
        sized = violation.code in self.sized
        commit = _COMMIT.search(violation.message)
        if violation.code in self.by_commit and commit is not None:
            return Entry(violation.code, path, "commit", commit.group(1), 0)
        if violation.code in self.file_level:
            size = _quietly(lambda: source.line_count) if sized else None
            return Entry(violation.code, path, "file", "", 0, size)
        definitions = _quietly(lambda: source.definitions) or ()
        on_line = [d for d in definitions if d.line == violation.line]
        if on_line:
            definition = on_line[-1]
            size = definition.length if sized else None
            return Entry(violation.code, path, "symbol", definition.name, 0, size)
        return Entry(violation.code, path, "line", _line(source, violation.line), 0)


_COMMIT = re.compile(r"\bcommit ([0-9a-f]{7,40})\b")


def _quietly(read: Any) -> Any:
    try:
        return read()
    except (SourceUnreadableError, SyntaxError, RecursionError, MemoryError):
        return None


def _line(source: SourceFile, number: int) -> str:
    text = _quietly(lambda: source.text) or ""
    lines = text.splitlines()
    return " ".join(lines[number - 1].split()) if 0 < number <= len(lines) else ""


def relative_path(path: str, root: Path) -> str:
    """A reported path relative to ``root`` with ``/``; as given when outside it.

    Example:
        >>> root = Path("/r")
        >>> relative_path("/r/pkg/a.py", root), relative_path("/x/b.py", root)
        ('pkg/a.py', '/x/b.py')
    """
    full = os.path.normpath(os.path.join(os.getcwd(), path))
    relative = os.path.relpath(full, root)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return path.replace(os.sep, "/")
    return relative.replace(os.sep, "/")


class Split(NamedTuple):
    """Violations divided by a baseline.

    Attributes:
        new: The violations the baseline does not cover, in the order given.
        skipped: How many it covers.
        matched: The baseline entries some current finding matched.

    Example:
        >>> Split([], 0, set()).skipped
        0
    """

    new: list[Violation]
    skipped: int
    matched: set[Entry]


def split(
    violations: Sequence[Violation], entries: Sequence[Entry], recorded: Iterable[Entry]
) -> Split:
    """Divide violations (with their ``entries``) into new and baselined ones.

    Example:
        >>> e = Entry("CON102", "a.py", "symbol", "f", 0, 60)
        >>> v = Violation("a.py", 1, 1, "CON102", "function-too-long", "m")
        >>> split([v], [e._replace(size=61)], [e]).new == [v]
        True
    """
    by_key = {entry.key: entry for entry in recorded}
    new: list[Violation] = []
    matched: set[Entry] = set()
    for violation, entry in zip(violations, entries, strict=True):
        old = by_key.get(entry.key)
        if old is not None and old.covers(entry):
            matched.add(old)
        else:
            new.append(violation)
    return Split(new, len(violations) - len(new), matched)


class Update(NamedTuple):
    """The result of ``update``: what to write and what changed.

    Example:
        >>> Update([], 0, 0, 0).refused
        0
    """

    entries: list[Entry]
    removed: int
    added: int
    refused: int


def update(
    recorded: Sequence[Entry], current: Sequence[Entry], allow_growth: bool
) -> Update:
    """The next baseline: only shrinks, unless ``allow_growth``.

    A recorded finding that is gone leaves; one still there keeps its entry with
    today's size (smaller or equal); a new finding, or one grown past its recorded
    size, enters only with ``allow_growth``.

    Example:
        >>> old = Entry("CON102", "a.py", "symbol", "f", 0, 60)
        >>> new = Entry("CON102", "a.py", "symbol", "g", 0, 55)
        >>> update([old], [new], False)
        Update(entries=[], removed=1, added=0, refused=1)
    """
    by_key = {entry.key: entry for entry in recorded}
    kept: list[Entry] = []
    refused = 0
    for entry in current:
        old = by_key.get(entry.key)
        if allow_growth or (old is not None and old.covers(entry)):
            kept.append(entry)
        else:
            refused += 1
    keys = {entry.key for entry in kept}
    removed = sum(1 for entry in recorded if entry.key not in keys)
    added = sum(1 for entry in kept if entry.key not in by_key)
    return Update(sorted(set(kept)), removed, added, refused)


def stale(recorded: Iterable[Entry], current: Iterable[Entry]) -> list[Entry]:
    """Recorded entries that no current finding matches, sorted.

    Example:
        >>> e = Entry("CON101", "a.py", "file", "", 0, 600)
        >>> stale([e], []) == [e], stale([e], [e])
        (True, [])
    """
    found = list(current)
    return sorted(e for e in recorded if not any(e.covers(f) for f in found))


def dumps(entries: Iterable[Entry]) -> str:
    """The file's text: sorted, one entry a line, so diffs show what changed.

    Example:
        >>> print(dumps([Entry("CON101", "a.py", "file", "", 0, 612)]), end="")
        {
          "version": 1,
          "findings": [
            {"code": "CON101", "path": "a.py", "occurrence": 0, "size": 612}
          ]
        }
    """
    import json

    lines = [
        json.dumps(entry.record(), ensure_ascii=False) for entry in sorted(set(entries))
    ]
    body = ",\n".join(f"    {line}" for line in lines)
    findings = f"[\n{body}\n  ]" if lines else "[]"
    return f'{{\n  "version": {FORMAT},\n  "findings": {findings}\n}}\n'


def write(path: Path, entries: Iterable[Entry]) -> None:
    """Write the baseline atomically (a temporary file, then a rename).

    Example:
        >>> import tempfile
        >>> target = Path(tempfile.mkdtemp()) / BASELINE_FILE
        >>> write(target, []); read(target)
        []
    """
    temporary = path.with_name(path.name + ".tmp")
    try:
        temporary.write_text(dumps(entries), encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:
        raise UsageError(f"{path}: cannot write the baseline: {error}") from error


def read(path: Path) -> list[Entry] | None:
    """Read and validate a baseline file; None when there is none.

    Raises:
        UsageError: For an unreadable file, invalid JSON or a malformed entry.

    Example:
        >>> read(Path("/no/such/baseline.json")) is None
        True
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot read the baseline: {error}") from error
    import json

    try:
        document = json.loads(text)
    except ValueError as error:
        raise UsageError(
            f"{path}: the baseline is not valid JSON ({error}); regenerate it with"
            " `constitution baseline`"
        ) from error
    return _entries(document, path)


def _entries(document: Any, path: Path) -> list[Entry]:
    if not isinstance(document, dict) or document.get("version") != FORMAT:
        raise UsageError(
            f"{path}: not a baseline of format {FORMAT}: expected an object with"
            ' "version": 1 and "findings"; regenerate it with `constitution baseline`'
        )
    findings = document.get("findings")
    if not isinstance(findings, list):
        raise UsageError(f'{path}: "findings" must be a list of objects')
    return [_entry(record, path, index) for index, record in enumerate(findings)]


def _entry(record: Any, path: Path, index: int) -> Entry:
    where = f"{path}: findings[{index}]"
    if not isinstance(record, dict):
        raise UsageError(f"{where}: expected an object, found {record!r}")
    for key, value in record.items():
        expected = int if key == "size" else _KEYS.get(key)
        if expected is None:
            raise UsageError(f"{where}: unknown key {key!r}")
        if not isinstance(value, expected) or isinstance(value, bool):
            raise UsageError(f"{where}: {key} must be {expected.__name__}")
    if "code" not in record or "path" not in record:
        raise UsageError(f"{where}: code and path are required")
    kinds = [key for key in _ANCHORS if key in record]
    if len(kinds) > 1:
        raise UsageError(f"{where}: give one of symbol, line or commit, not several")
    kind = kinds[0] if kinds else "file"
    anchor = record.get(kind, "")
    occurrence = record.get("occurrence", 0)
    if occurrence < 0:
        raise UsageError(f"{where}: occurrence must be >= 0")
    return Entry(
        record["code"], record["path"], kind, anchor, occurrence, record.get("size")
    )
