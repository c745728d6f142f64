"""Which files are migrations: alembic's ``script_location``, or configured globs."""

from __future__ import annotations

import configparser
import fnmatch
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

INI = "alembic.ini"
_SPLIT = re.compile(r"[\s,]+")


def _joined(folder: str, location: str) -> str | None:
    """``location`` (``%(here)s`` expanded) relative to ``folder``, or None."""
    # Reason: %(here)s is the ini's folder; other relative paths are read from it
    # too, as alembic does when run beside its ini.
    here = "%(here)s" in location
    location = location.replace("%(here)s", folder or ".").strip()
    # Reason: "package:folder" names a package resource, not a path in the tree.
    if not location or re.match(r"[\w.]+:(?![\\/])", location):
        return None
    joined = posixpath.normpath(location if here else posixpath.join(folder, location))
    return None if joined.startswith("..") or posixpath.isabs(joined) else joined


def version_dirs(ini_path: str, text: str) -> list[str]:
    """The version folders an ``alembic.ini`` names, relative to the repository.

    ``version_locations`` wins over ``script_location`` + ``/versions``.

    Example:
        >>> ini = "[alembic]\\nscript_location = %(here)s/db\\n"
        >>> version_dirs("app/alembic.ini", ini)
        ['app/db/versions']
    """
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except configparser.Error:
        return []
    if not parser.has_section("alembic"):
        return []
    return _dirs(posixpath.dirname(ini_path), dict(parser.items("alembic")))


def pyproject_dirs(path: str, document: Mapping[str, Any]) -> list[str]:
    """The version folders of a pyproject.toml ``[tool.alembic]`` table (alembic 1.16).

    Example:
        >>> pyproject_dirs("pyproject.toml", {"tool": {"alembic": {
        ...     "script_location": "migrations"}}})
        ['migrations/versions']
    """
    tool = document.get("tool")
    table = tool.get("alembic") if isinstance(tool, Mapping) else None
    if not isinstance(table, Mapping):
        return []
    values = {k: v for k, v in table.items() if isinstance(v, str)}
    locations = table.get("version_locations")
    if isinstance(locations, list):
        values["version_locations"] = " ".join(
            v for v in locations if isinstance(v, str)
        )
    return _dirs(posixpath.dirname(path), values)


def _dirs(folder: str, values: Mapping[str, str]) -> list[str]:
    locations = values.get("version_locations", "").strip()
    if locations:
        found = [_joined(folder, part) for part in _SPLIT.split(locations) if part]
    else:
        script = _joined(folder, values.get("script_location", ""))
        found = [posixpath.join(script, "versions") if script else None]
    return [path for path in found if path]


@dataclass(frozen=True)
class Migrations:
    """The migration folders and globs of a repository.

    Example:
        >>> m = Migrations(("db/versions",))
        >>> m.holds("db/versions/1a_users.py"), m.holds("db/versions/__init__.py")
        (True, False)
    """

    dirs: tuple[str, ...] = ()
    globs: tuple[str, ...] = ()

    def holds(self, path: str) -> bool:
        """Whether ``path`` (repository-relative) is a migration file."""
        if self.globs:
            return any(
                fnmatch.fnmatchcase(path, glob.lstrip("/")) for glob in self.globs
            )
        name = posixpath.basename(path)
        if not name.endswith(".py") or name == "__init__.py":
            return False
        return any(path.startswith(folder + "/") for folder in self.dirs)

    def __bool__(self) -> bool:
        return bool(self.dirs or self.globs)


def find_migrations(
    configs: Mapping[str, str], globs: Iterable[str] = ()
) -> Migrations:
    """Read every tracked ``alembic.ini`` (path -> text), unless ``globs`` are given.

    Example:
        >>> find_migrations({"alembic.ini": "[alembic]\\nscript_location = alembic\\n"})
        Migrations(dirs=('alembic/versions',), globs=())
    """
    globs = tuple(globs)
    if globs:
        return Migrations((), globs)
    dirs = [
        d for path, text in sorted(configs.items()) for d in version_dirs(path, text)
    ]
    return Migrations(tuple(dict.fromkeys(dirs)))
