"""Where ``git`` is: the lookup ``shutil.which`` does, without importing shutil."""

from __future__ import annotations

import os


def git_executable() -> str:
    """The full path of ``git`` on ``PATH``, as ``shutil.which("git")`` finds it.

    Raises:
        GitError: If git is not installed.

    Example:
        >>> git_executable().endswith("git")
        True
    """
    # Reason: shutil (with bz2, lzma and zlib) costs 3 ms of every hook run; on
    # POSIX its `which` is this loop, elsewhere (PATHEXT) it is asked.
    if os.name != "posix":
        import shutil

        found = shutil.which("git")
    else:
        path = os.environ.get("PATH")
        if path is None:
            path = os.confstr("CS_PATH") or os.defpath
        # Reason: as shutil.which, an empty PATH finds nothing (":" means here).
        folders = path.split(os.pathsep) if path else []
        candidates = (os.path.join(folder, "git") for folder in folders)
        found = next((c for c in candidates if _executable_file(c)), None)
    if found is None:
        # Reason: deferred for the cycle: core.git finds git with this function.
        from constitution_hooks.core.git import GitError

        raise GitError("git is not installed or not on PATH")
    return found


def _executable_file(path: str) -> bool:
    return os.path.exists(path) and os.access(path, os.X_OK) and not os.path.isdir(path)
