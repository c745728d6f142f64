"""What the full command learnt of a ``pyproject.toml``, for the next fast start.

Reading a config means ``tomllib`` and the validator of every rule family: more
than a whole ``commit-msg`` hook should cost. So the full command, once it has
validated a config, writes one table's resolved values to
``.constitution_cache/commit-msg-config`` beside the config, keyed by the file's
stat (device, inode, size, mtime and ctime in nanoseconds) and by the stat of
every module of this tool that ran the validation; the launcher's fast path
trusts them only while every key is unchanged. A config changed less than two
seconds before it was read is not remembered (git's "racy" files: a second change
in the same tick would not move the mtime). A memo is plain text, parsed field by
field; anything unreadable or malformed is no memo. Imports only ``os``.
"""

from __future__ import annotations

import os
import sys

MEMO = os.path.join(".constitution_cache", "commit-msg-config")
FORMAT = "constitution-hooks config memo 1"
RACY_NS = 2_000_000_000
PACKAGE = "constitution_hooks"


def memo_path(source: str) -> str:
    """Where the memo of the config ``source`` lives.

    Example:
        >>> memo_path("/p/pyproject.toml")
        '/p/.constitution_cache/commit-msg-config'
    """
    return os.path.join(os.path.dirname(source), MEMO)


def remember(source: str, values: dict[str, object], now_ns: int) -> bool:
    """Write the memo of ``source`` with a table's resolved ``values``.

    Values are booleans, integers, strings and lists or tuples of strings.
    Failures to write are ignored (the next run simply reads the config again).

    Returns:
        Whether a memo was written.

    Example:
        >>> import tempfile
        >>> folder = tempfile.mkdtemp()
        >>> path = os.path.join(folder, "pyproject.toml")
        >>> _ = open(path, "w").write("[project]\\n")
        >>> later = os.stat(path).st_ctime_ns + 2 * RACY_NS
        >>> remember(path, {"enabled": True}, later)
        True
        >>> recall(path)
        {'enabled': True}
    """
    try:
        key = _stat_key(source)
        if now_ns - max(key[3], key[4]) <= RACY_NS:
            return False
        lines = [FORMAT, _escape(source), " ".join(map(str, key))]
        code = _code_files()
        lines.append(str(len(code)))
        lines += ["\t".join((_escape(path), *map(str, stat))) for path, stat in code]
        lines += [_encode(name, value) for name, value in values.items()]
        _write(memo_path(source), "\n".join(lines) + "\n")
    except (OSError, ValueError, TypeError):
        return False
    return True


def recall(source: str) -> dict[str, object] | None:
    """The values remembered for ``source``, or None when no memo is still valid.

    Example:
        >>> recall("/nonexistent/pyproject.toml") is None
        True
    """
    try:
        with open(memo_path(source), encoding="ascii") as handle:
            lines = handle.read().split("\n")
        if lines[:2] != [FORMAT, _escape(source)] or lines[-1] != "":
            return None
        if lines[2] != " ".join(map(str, _stat_key(source))):
            return None
        count = int(lines[3])
        for entry in lines[4 : 4 + count]:
            path, size, mtime = entry.split("\t")
            found = os.stat(_unescape(path))
            if [size, mtime] != [str(found.st_size), str(found.st_mtime_ns)]:
                return None
        return dict(_decode(line) for line in lines[4 + count : -1])
    except (OSError, ValueError, IndexError, UnicodeError):
        return None


def _stat_key(path: str) -> tuple[int, int, int, int, int]:
    found = os.stat(path)
    return (
        found.st_dev,
        found.st_ino,
        found.st_size,
        found.st_mtime_ns,
        found.st_ctime_ns,
    )


def _code_files() -> list[tuple[str, tuple[int, int]]]:
    """Every module of this tool loaded now: the code that judged the config."""
    found = []
    for name, module in sorted(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if (name == PACKAGE or name.startswith(PACKAGE + ".")) and path:
            stat = os.stat(path)
            found.append((path, (stat.st_size, stat.st_mtime_ns)))
    return found


def _write(path: str, text: str) -> None:
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    ignore = os.path.join(folder, ".gitignore")
    if not os.path.isfile(ignore):
        with open(ignore, "w", encoding="utf-8") as handle:
            handle.write("*\n")
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "w", encoding="ascii") as handle:
        handle.write(text)
    os.replace(temporary, path)


def _escape(text: str) -> str:
    # Reason: no tab, newline or non-ASCII character survives the escape, so
    # fields split on them; decoding gives the text back exactly.
    return text.encode("unicode_escape").decode("ascii")


def _unescape(text: str) -> str:
    return text.encode("ascii").decode("unicode_escape")


def _encode(name: str, value: object) -> str:
    if isinstance(value, bool):
        return f"{_escape(name)}\tb\t{int(value)}"
    if isinstance(value, int):
        return f"{_escape(name)}\ti\t{value}"
    if isinstance(value, str):
        return f"{_escape(name)}\ts\t{_escape(value)}"
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return "\t".join((_escape(name), "l", *map(_escape, value)))
    raise TypeError(f"cannot remember {name} = {value!r}")


def _decode(line: str) -> tuple[str, object]:
    name, kind, *fields = line.split("\t")
    if kind == "b" and fields in (["0"], ["1"]):
        return _unescape(name), fields == ["1"]
    if kind == "i" and len(fields) == 1:
        return _unescape(name), int(fields[0])
    if kind == "s" and len(fields) == 1:
        return _unescape(name), _unescape(fields[0])
    if kind == "l":
        return _unescape(name), tuple(map(_unescape, fields))
    raise ValueError(f"malformed memo line {line!r}")
