"""Read the files ``init`` edits, and write them all or none.

Files are read and written as bytes decoded as UTF-8 with their line endings kept.
A name that is a dangling symbolic link, a folder or anything but a regular file is
refused before anything is written. New contents go to temporary files beside their
targets first; only when every one is written are they moved into place.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from constitution_hooks.core.errors import UsageError


def read(path: Path) -> str | None:
    """The file's text with its line endings, or None when there is no such file.

    Raises:
        UsageError: The name is a dangling link, not a regular file, or unreadable.

    Example:
        >>> read(Path("/nonexistent/pyproject.toml")) is None
        True
    """
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise UsageError(f"{path}: cannot read, left untouched: {error}") from error
    if stat.S_ISLNK(info.st_mode) and not path.exists():
        raise UsageError(f"{path}: a symbolic link to a missing file; left untouched")
    if not path.is_file():
        raise UsageError(f"{path}: not a regular file; left untouched")
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot read, left untouched: {error}") from error


def write_all(files: Sequence[tuple[Path, str]]) -> None:
    """Write every file, or (on any error) none of them.

    Raises:
        UsageError: A file could not be written; nothing was changed.

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> write_all([(folder / "a.txt", "x\\r\\n")])
        >>> (folder / "a.txt").read_bytes()
        b'x\\r\\n'
    """
    staged: list[tuple[str, Path]] = []
    try:
        for path, text in files:
            staged.append((_stage(path.resolve(), text), path.resolve()))
    except OSError as error:
        for temporary, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise UsageError(f"cannot write, nothing changed: {error}") from error
    for temporary, target in staged:
        os.replace(temporary, target)


def _stage(target: Path, text: str) -> str:
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
        mode = target.stat().st_mode if target.exists() else 0o666 & ~_umask()
        os.chmod(name, stat.S_IMODE(mode))
    except OSError:
        os.unlink(name)
        raise
    return name


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
