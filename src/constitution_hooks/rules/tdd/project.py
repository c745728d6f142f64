"""The TDD git model: where the project sits in its repository, and the index as data.

The TDD hooks judge what git holds (the index, or a commit), never the disk alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from constitution_hooks.core import git
from constitution_hooks.core.config import Config
from constitution_hooks.core.errors import UsageError
from constitution_hooks.rules.tdd import SECTION
from constitution_hooks.rules.tdd.pairing import Snapshot
from constitution_hooks.rules.tdd.settings import TddSettings

_DISK = "disk:"


@dataclass(frozen=True)
class Project:
    """Where the project sits in the repository, and its resolved settings.

    Example:
        >>> cfg = None
        >>> Project(Path("/r"), "svc/", cfg).relative("svc/a.py")  # type: ignore
        'a.py'
    """

    top: Path
    prefix: str
    cfg: TddSettings

    def relative(self, path: str) -> str | None:
        """A repository path relative to the project, or None outside it."""
        if path + "/" == self.prefix:
            return ""
        return path[len(self.prefix) :] if path.startswith(self.prefix) else None


def open_project(config: Config) -> Project:
    """Locate the repository and resolve settings, or raise ``UsageError``.

    Example:
        >>> callable(open_project)
        True
    """
    if not git.inside_work_tree():
        raise UsageError(
            "tdd-pairing and tdd-history judge what git holds: run them inside a"
            " git work tree"
        )
    top = git.repository_root()
    try:
        prefix = config.root.resolve().relative_to(top).as_posix()
    except ValueError:
        prefix = "."
    prefix = "" if prefix == "." else prefix + "/"
    cfg = TddSettings.from_settings(config.section(SECTION.name), config.exclude)
    return Project(top, prefix, cfg)


def index_snapshot(project: Project, extra: dict[str, Path]) -> Snapshot:
    """The Python files of the index (plus ``extra`` untracked files from disk).

    Example:
        >>> callable(index_snapshot)
        True
    """
    files: dict[str, str] = {}
    for path, sha in git.index_entries(project.top).items():
        relative = project.relative(path)
        if relative is not None and relative.endswith(".py"):
            files[relative] = sha
    for relative, disk in extra.items():
        files.setdefault(relative, _DISK + str(disk))
    blobs = git.read_blobs(
        (key for key in files.values() if not key.startswith(_DISK)), project.top
    )

    def load(key: str) -> bytes:
        if key.startswith(_DISK):
            return Path(key[len(_DISK) :]).read_bytes()
        return blobs[key]

    return Snapshot(files, load, project.cfg)
