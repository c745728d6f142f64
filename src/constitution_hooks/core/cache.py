"""Remember each file's violations, keyed by its content, config and tool version.

One JSON file per context under ``.constitution_cache/``: the context is the tool's
version and code, the Python version, the rules and the effective config; inside, an
entry's key is the SHA-256 of the file's path as reported and its bytes. Any change
to one of them is another file or another key, so a stale entry is never read. Beside
the entries, each file's size, mtime (ns) and inode at its last look-up name its key,
so a file whose stat is unchanged is not read again (files changed in the last two
seconds are always read, as git treats "racy" files). The
file is written once per run, atomically (a temporary file, then a rename), so
concurrent hooks never see half a file; anything unreadable or malformed is treated
as a miss and overwritten, never trusted.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import constitution_hooks
from constitution_hooks.core.config import Config
from constitution_hooks.core.violation import Violation

CACHE_DIR = ".constitution_cache"
# Reason: bump when the entry layout changes, so old entries become misses.
FORMAT = "5"
# Reason: the whole file is read by every run, a 5-file commit too; past this many
# entries, those of files the run did not see are dropped (about 1 MB of JSON).
MAX_ENTRIES = 10_000
# Reason: where each file was last seen (size, mtime in ns, inode) and its content
# key: a warm run answers from one stat per file, reading no file at all.
STATS = "@stat"
# Reason: a file changed within this long of being looked up could change again
# without its mtime moving (git's "racy" files); it is keyed by content only.
RACY_NS = 2_000_000_000


def context_for(config: Config, codes: Iterable[str]) -> str:
    """Describe everything besides the file that decides a file's violations.

    Args:
        config: The resolved config (every table's effective values).
        codes: The codes of the rules this run reports.

    Returns:
        A text that differs whenever the tool, Python, the rules or the config do.

    Example:
        >>> a = context_for(Config(Path("."), None, ()), ["CON101"])
        >>> a == context_for(Config(Path("."), None, ()), ["CON102"])
        False
    """
    settings = sorted(
        (name, sorted(values.values.items()))
        for name, values in config.sections.items()
    )
    parts = (
        FORMAT,
        constitution_hooks.__version__,
        _code_fingerprint(),
        sys.version_info[:3],
        sorted(codes),
        settings,
    )
    return repr(parts)


def _code_fingerprint() -> list[tuple[str, int, int]]:
    # Reason: a development checkout changes code without changing the version; the
    # size and time of every module of the tool makes such a change a new context.
    package = Path(constitution_hooks.__file__).parent
    found = []
    for folder, _, names in os.walk(package):
        for name in sorted(names):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(folder, name))
                found.append((name, stat.st_size, stat.st_mtime_ns))
    return sorted(found)


class ResultCache:
    """Look up and store one run's per-file results in one file per context.

    Example:
        >>> import tempfile
        >>> cache = ResultCache(Path(tempfile.mkdtemp()) / CACHE_DIR, "context")
        >>> cache.lookup("no-such-file.py") is None
        True
    """

    def __init__(
        self, folder: Path, context: str, volatile: tuple[bytes, ...] = ()
    ) -> None:
        """Keep the entries of runs of ``context`` in ``folder``.

        Only files below the project root (``folder``'s parent) and without a
        ``volatile`` marker (results that depend on other files) are cached.
        ``misses`` holds the bytes a missed lookup read, for the check to take.
        """
        import hashlib  # start-up imports: ADR 0010

        self.folder = folder
        self._inside = os.path.realpath(folder.parent).rstrip(os.sep) + os.sep
        self._cwd = os.path.realpath(os.getcwd())
        name = hashlib.sha256(context.encode("utf-8", "surrogateescape")).hexdigest()
        self.file = folder / f"{name[:32]}.json"
        self._sha256 = hashlib.sha256
        self._entries: dict[str, Any] | None = None
        self._keys: dict[str, str] = {}
        self._new: dict[str, list[list[Any]]] = {}
        self._seen: dict[str, list[Any]] = {}
        self._new_seen: dict[str, list[Any]] = {}
        self._volatile = volatile
        self.misses: dict[str, bytes] = {}

    def lookup(self, path: str) -> list[Violation] | None:
        """The stored violations of ``path`` (as reported) as it is now, or None."""
        if not os.path.normpath(os.path.join(self._cwd, path)).startswith(self._inside):
            return None
        try:
            # Reason: opening a FIFO blocks; anything but a regular file is a miss.
            status = os.stat(path)
            if not stat.S_ISREG(status.st_mode):
                return None
            if self._entries is None:
                self._entries = _load(self.file)
            signature = [status.st_size, status.st_mtime_ns, status.st_ino]
            key = _key_by_stat(self._entries, path, signature)
            hit = _decode(self._entries.get(key), path) if key else None
            if hit is not None and key is not None:
                self._keys[path] = key
                return hit
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        if any(marker in data for marker in self._volatile):
            self.misses[path] = data
            return None
        key = self._keys[path] = _content_key(self._sha256, path, data)
        if time.time_ns() - status.st_mtime_ns > RACY_NS:
            self._seen[path] = [*signature, key]
        found = _decode(self._entries.get(key), path)
        if found is None:
            self.misses[path] = data
        elif path in self._seen:
            self._new_seen[path] = self._seen[path]
        return found

    def store(self, path: str, violations: Sequence[Violation]) -> None:
        """Remember ``violations`` for ``path`` as last looked up (until ``save``).

        A file that was not looked up (or could not be read) is not stored.
        """
        key = self._keys.get(path)
        if path in self._seen:
            self._new_seen[path] = self._seen[path]
        if key is not None:
            # Reason: every field but the path, in Violation's order (_SHAPE).
            self._new[key] = [list(v[1:]) for v in violations]

    def save(self) -> None:
        """Write the new entries, beside those already there; never raises.

        The file is read again first (another hook may have written it meanwhile)
        and replaced atomically. A folder that cannot be written is skipped.
        """
        if not self._new and not self._new_seen:
            return
        merged = _merge(_load(self.file), set(self._keys.values()), self._new)
        seen = merged.pop(STATS)
        seen.update(self._new_seen)
        merged[STATS] = _live(seen, merged)
        try:
            _write(self.folder, self.file, merged)
        except (OSError, ValueError):
            return
        self._new, self._new_seen = {}, {}


def _content_key(sha256: Any, path: str, data: bytes) -> str:
    """The entry key of ``data`` read at ``path``: SHA-256 of both."""
    digest = sha256(path.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(data)
    return str(digest.hexdigest())


def _merge(
    current: dict[str, Any], touched: set[str], new: dict[str, Any]
) -> dict[str, Any]:
    """The entries to write: ``new``, those this run saw, then the most recent others.

    The stat records come back under ``STATS`` (empty when missing or broken).
    """
    seen = current.pop(STATS, None)
    # Reason: entries of files this run did not see go first past the limit.
    kept = [key for key in current if key not in touched and key not in new]
    room = max(0, MAX_ENTRIES - len(new) - len(touched & current.keys()))
    merged = {key: current[key] for key in kept[len(kept) - room :] if room}
    merged.update((k, current[k]) for k in touched & current.keys())
    merged.update(new)
    merged[STATS] = seen if isinstance(seen, dict) else {}
    return merged


def _key_by_stat(entries: dict[str, Any], path: str, signature: list[int]) -> str:
    """The content key recorded for ``path`` at this stat signature, or ``""``."""
    seen = entries.get(STATS)
    known = seen.get(path) if isinstance(seen, dict) else None
    if not isinstance(known, list) or len(known) != 4 or known[:3] != signature:
        return ""
    return known[3] if isinstance(known[3], str) else ""


def _live(seen: dict[str, Any], entries: dict[str, Any]) -> dict[str, Any]:
    """The stat records that still name a kept entry."""
    return {
        path: known
        for path, known in seen.items()
        if isinstance(known, list) and len(known) == 4 and known[3] in entries
    }


def _load(file: Path) -> dict[str, Any]:
    import json

    try:
        entries = json.loads(file.read_bytes().decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _write(folder: Path, file: Path, entries: dict[str, Any]) -> None:
    import json

    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.is_file():
        ignore.write_text("*\n", encoding="utf-8")
    temporary = folder / f".{file.name}.{os.getpid()}.tmp"
    temporary.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, file)


def _decode(records: Any, path: str) -> list[Violation] | None:
    if not isinstance(records, list) or not all(map(_valid, records)):
        return None
    return [Violation(path, *record) for record in records]


_SHAPE = (int, int, str, str, str, str, int, int)


def _valid(record: Any) -> bool:
    return (
        isinstance(record, list)
        and len(record) == len(_SHAPE)
        and all(
            type(value) is kind for value, kind in zip(record, _SHAPE, strict=False)
        )
    )
