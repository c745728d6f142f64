"""Remember each file's violations, keyed by its content, config and tool version.

One small JSON file per entry under ``.constitution_cache/``: a key is the SHA-256 of
the run's context (tool version and code, Python version, rules, effective config),
the file's path as reported and its bytes. Any change to one of them is a new key, so
a stale entry is never read. Entries are written atomically (a temporary file, then a
rename), so concurrent hooks never see half an entry; anything unreadable or
malformed is treated as a miss and overwritten, never trusted.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import constitution_hooks
from constitution_hooks.core.config import Config
from constitution_hooks.core.violation import Violation

CACHE_DIR = ".constitution_cache"
# Reason: bump when the entry layout changes, so old entries become misses.
FORMAT = "1"


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
    """Look up and store one run's per-file results.

    Example:
        >>> import tempfile
        >>> cache = ResultCache(Path(tempfile.mkdtemp()) / CACHE_DIR, "context")
        >>> cache.lookup("no-such-file.py") is None
        True
    """

    def __init__(self, folder: Path, context: str) -> None:
        """Use ``folder`` for entries of runs whose context is ``context``."""
        self.folder = folder
        self.context = context.encode("utf-8", "surrogateescape")
        self._keys: dict[str, str] = {}
        self._writable = True
        self._prepared = False

    def lookup(self, path: str) -> list[Violation] | None:
        """Return the stored violations of ``path`` as it is now, or None on a miss.

        Args:
            path: The file, as it is reported.

        Returns:
            The violations, or None when nothing valid is stored.
        """
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        import hashlib  # Reason: --no-cache runs never pay for importing it.

        digest = hashlib.sha256(self.context)
        digest.update(b"\0" + path.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        key = self._keys[path] = digest.hexdigest()
        try:
            raw = (self.folder / key).read_bytes()
        except OSError:
            return None
        return _decode(raw, path)

    def store(self, path: str, violations: Sequence[Violation]) -> None:
        """Remember ``violations`` for ``path`` as last looked up; never raises.

        A file that was not looked up (or could not be read) is not stored; a
        folder that cannot be written turns storing off for the rest of the run.
        """
        key = self._keys.get(path)
        if key is None or not self._writable:
            return
        try:
            self._prepare()
            temporary = self.folder / f".{key}.{os.getpid()}.tmp"
            temporary.write_bytes(_encode(violations))
            os.replace(temporary, self.folder / key)
        except OSError:
            self._writable = False

    def _prepare(self) -> None:
        if self._prepared:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.is_file():
            ignore.write_text("*\n", encoding="utf-8")
        self._prepared = True


def _encode(violations: Sequence[Violation]) -> bytes:
    import json

    records = [[v.line, v.column, v.code, v.rule, v.message] for v in violations]
    return json.dumps(records, ensure_ascii=False).encode("utf-8")


def _decode(raw: bytes, path: str) -> list[Violation] | None:
    import json

    try:
        records: Any = json.loads(raw.decode("utf-8"))
    except ValueError:
        return None
    if not isinstance(records, list) or not all(map(_valid, records)):
        return None
    return [Violation(path, *record) for record in records]


_SHAPE = (int, int, str, str, str)


def _valid(record: Any) -> bool:
    return (
        isinstance(record, list)
        and len(record) == len(_SHAPE)
        and all(type(value) is kind for value, kind in zip(record, _SHAPE, strict=True))
    )
