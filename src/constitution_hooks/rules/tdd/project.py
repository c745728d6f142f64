"""The TDD git model: where the project sits in its repository, and the index as data.

The TDD hooks judge what git holds (the index, or a commit), never the disk alone.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from constitution_hooks.core import git
from constitution_hooks.core.blobs import IndexBlobs
from constitution_hooks.core.config import Config
from constitution_hooks.core.errors import UsageError
from constitution_hooks.rules.tdd import SECTION
from constitution_hooks.rules.tdd.contexts import context_evidence
from constitution_hooks.rules.tdd.layout import NOT_PRODUCT, is_test_dir
from constitution_hooks.rules.tdd.pairing import Snapshot
from constitution_hooks.rules.tdd.settings import TddSettings

_DISK = "disk:"
PROJECT_FILES = ("pyproject.toml", "setup.py", "setup.cfg")


class Project(NamedTuple):
    """Where the project sits in the repository, and its resolved settings.

    Example:
        >>> cfg = None
        >>> Project(Path("/r"), "svc/", cfg).relative("svc/a.py")  # type: ignore
        'a.py'
    """

    top: Path
    prefix: str
    cfg: TddSettings
    nested: tuple[str, ...] = ()
    # Reason: the index as read once by open_projects (path -> blob id), so a
    # snapshot does not ask git again; None: read it when needed.
    entries: dict[str, str] | None = None

    def relative(self, path: str) -> str | None:
        """A repository path relative to the project, or None outside it.

        Paths of a project nested below this one (``nested``) are outside it.
        """
        if path + "/" == self.prefix:
            return ""
        if not path.startswith(self.prefix) or path.startswith(self.nested):
            return None
        return path[len(self.prefix) :]


def open_project(config: Config) -> Project:
    """Locate the repository and resolve settings, or raise ``UsageError``.

    Example:
        A project in a folder of its repository:

        >>> import os, tempfile
        >>> from constitution_hooks.core.config import load_config
        >>> from constitution_hooks.rules import SECTIONS
        >>> here = os.getcwd(); os.chdir(tempfile.mkdtemp())
        >>> _ = git.run_git(["init", "-q"]); Path("services/api").mkdir(parents=True)
        >>> for name in ("pyproject.toml", "services/api/pyproject.toml"):
        ...     Path(name).touch()
        >>> _ = git.run_git(["add", "-A"])
        >>> open_project(load_config(SECTIONS, cwd=Path("services/api"))).prefix
        'services/api/'
        >>> os.chdir(here)
    """
    top = git.work_tree_root()
    if top is None:
        raise UsageError(
            "tdd-pairing and tdd-history judge what git holds: run them inside a"
            " git work tree"
        )
    try:
        prefix = config.root.resolve().relative_to(top).as_posix()
    except ValueError:
        prefix = "."
    prefix = "" if prefix == "." else prefix + "/"
    cfg = TddSettings.from_settings(config.section(SECTION.name), config.exclude)
    return Project(top, prefix, cfg)


def open_projects(config: Config, load: Callable[[Path], Config]) -> list[Project]:
    """The project of ``config`` and every Python project nested below it.

    A folder holding its own ``pyproject.toml``, ``setup.py`` or ``setup.cfg``
    is a project judged with its own settings (``load`` reads them), unless it
    lies in a test folder or in a folder that is not product code (examples/...).

    Example:
        >>> import os, tempfile
        >>> from constitution_hooks.core.config import load_config
        >>> from constitution_hooks.rules import SECTIONS
        >>> here = os.getcwd(); os.chdir(tempfile.mkdtemp())
        >>> _ = git.run_git(["init", "-q"]); Path("services/api").mkdir(parents=True)
        >>> for name in ("pyproject.toml", "services/api/pyproject.toml"):
        ...     Path(name).touch()
        >>> _ = git.run_git(["add", "-A"])
        >>> load = lambda folder: load_config(SECTIONS, cwd=folder)
        >>> [project.prefix for project in open_projects(load_config(SECTIONS), load)]
        ['', 'services/api/']
        >>> os.chdir(here)
    """
    outer = open_project(config)
    entries = git.index_entries(outer.top)
    folders = sorted(
        {
            path.rpartition("/")[0] + "/"
            for path in entries
            if path.rpartition("/")[2] in PROJECT_FILES and "/" in path
        }
    )
    nested = [
        folder
        for folder in folders
        if folder.startswith(outer.prefix)
        and folder != outer.prefix
        and _is_product(folder[len(outer.prefix) :])
    ]
    projects = [outer._replace(nested=tuple(nested), entries=entries)]
    for folder in nested:
        settings = load(outer.top / folder)
        cfg = TddSettings.from_settings(
            settings.section(SECTION.name), settings.exclude
        )
        inner = tuple(n for n in nested if n != folder and n.startswith(folder))
        projects.append(Project(outer.top, folder, cfg, inner, entries))
    return projects


def load_folder_config(folder: Path) -> Config:
    """The config of a nested project: its own pyproject.toml, else the nearest above.

    Example:
        >>> load_folder_config(Path("/")).exclude
        ()
    """
    # Reason: imported here: the rule table imports this family's registry data.
    from constitution_hooks.core.config import load_config
    from constitution_hooks.rules import SECTIONS

    pyproject = folder / "pyproject.toml"
    return load_config(SECTIONS, pyproject if pyproject.is_file() else None, folder)


def _is_product(folder: str) -> bool:
    parts = folder.strip("/").split("/")
    return not any(part in NOT_PRODUCT or is_test_dir(part) for part in parts)


def index_snapshot(project: Project, extra: dict[str, Path]) -> Snapshot:
    """The Python files of the index (plus ``extra`` untracked files from disk).

    Example:
        A staged module, and one not yet added that the caller names:

        >>> import os, tempfile
        >>> from constitution_hooks.core.config import load_config
        >>> from constitution_hooks.rules import SECTIONS
        >>> here = os.getcwd(); os.chdir(tempfile.mkdtemp())
        >>> _ = git.run_git(["init", "-q"]); Path("services/api").mkdir(parents=True)
        >>> for name in ("pyproject.toml", "services/api/pyproject.toml"):
        ...     Path(name).touch()
        >>> _ = git.run_git(["add", "-A"])
        >>> _ = Path("app.py").touch(), git.run_git(["add", "app.py"])
        >>> _ = Path("new.py").touch(), Path("notes.py").touch()
        >>> project = open_project(load_config(SECTIONS))
        >>> sorted(index_snapshot(project, {"new.py": Path("new.py")}).files)
        ['app.py', 'new.py']
        >>> os.chdir(here)
    """
    files: dict[str, str] = {}
    paths: dict[str, str] = {}
    entries = project.entries
    if entries is None:
        entries = git.index_entries(project.top)
    for path, sha in entries.items():
        relative = project.relative(path)
        if relative is not None and relative.endswith(".py"):
            files[relative] = sha
            paths.setdefault(sha, path)
    for relative, disk in extra.items():
        files.setdefault(relative, _DISK + str(disk))
    # Reason: read on demand, from the work tree where it holds the same blob.
    blobs = IndexBlobs(project.top, paths)

    def load(key: str) -> bytes:
        if key.startswith(_DISK):
            return Path(key[len(_DISK) :]).read_bytes()
        return blobs(key)

    snap = Snapshot(files, load, project.cfg)
    snap.contexts = context_evidence(project.top / project.prefix)
    return snap
