"""What the contract judges: the project's tracked paths and the few files it reads."""

from __future__ import annotations

import posixpath
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from constitution_hooks.core.errors import UsageError
from constitution_hooks.rules.project.settings import ContractSettings

PYPROJECT = "pyproject.toml"
LOCK = "uv.lock"
PIN = ".python-version"
_READ = frozenset({PYPROJECT, LOCK, PIN, "CHANGELOG.md"})
_REQUIREMENTS = re.compile(r"requirements[^/]*\.txt|requirements/[^/]+\.txt")
ADR = re.compile(r"\d{4}-[^/]+\.md")


def wanted(relative: str, cfg: ContractSettings) -> bool:
    """Whether the contract reads this project-relative file's content.

    Example:
        >>> cfg = ContractSettings()
        >>> wanted("uv.lock", cfg), wanted("src/a.py", cfg)
        (True, False)
    """
    if relative in _READ or relative == cfg.debt_file:
        return True
    if _REQUIREMENTS.fullmatch(relative):
        return True
    folder, name = posixpath.split(relative)
    return folder == cfg.decisions_dir and bool(ADR.fullmatch(name))


@dataclass(frozen=True)
class ProjectFiles:
    """The project as the next commit holds it.

    Attributes:
        prefix: The project folder in the repository (``""`` or ``"app/"``).
        paths: Every tracked path of the project, relative to the project.
        blobs: The content of the files the contract reads (see ``wanted``).
        env_ignored: Whether git ignores the project's ``.env``.
        lock: The lock the project uses, relative to the project (a workspace's
            lock may sit in a folder above, such as ``../uv.lock``).
        member: The project's folder relative to the lock's (``"."`` beside it).
        python_version: The ``.python-version`` the project uses (uv reads the
            nearest one), relative to the project.

    Example:
        >>> files = ProjectFiles("", frozenset({"a.md"}), {"a.md": b"# A\\n"})
        >>> files.text("a.md"), files.text("b.md"), files.where("a.md")
        ('# A\\n', None, 'a.md')
    """

    prefix: str
    paths: frozenset[str]
    blobs: Mapping[str, bytes]
    env_ignored: bool = True
    lock: str = LOCK
    member: str = "."
    python_version: str = PIN

    def text(self, relative: str) -> str | None:
        """A read file's text (undecodable bytes replaced), or None if absent."""
        data = self.blobs.get(relative)
        return None if data is None else data.decode("utf-8", "replace")

    def where(self, relative: str) -> str:
        """The repository-relative path findings report."""
        return posixpath.normpath(self.prefix + relative)

    @cached_property
    def pyproject(self) -> Mapping[str, Any]:
        """The project's pyproject.toml as the index holds it (empty if absent).

        Raises:
            UsageError: If it is not valid TOML (exit 2, like the config loader).
        """
        text = self.text(PYPROJECT)
        if text is None:
            return {}
        try:
            return loads(text)
        except ValueError as error:
            raise UsageError(
                f"{self.where(PYPROJECT)}: invalid TOML: {error}"
            ) from error


def loads(text: str) -> dict[str, Any]:
    """Parse TOML with tomllib (tomli before Python 3.11).

    Raises:
        ValueError: For invalid TOML (``TOMLDecodeError`` is a ``ValueError``).

    Example:
        >>> loads('a = 1')
        {'a': 1}
    """
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover -- exercised by the 3.10 test matrix
        import tomli as tomllib
    return tomllib.loads(text)


def table(document: Mapping[str, Any], *keys: str) -> Mapping[str, Any]:
    """A nested table, or an empty one when absent or not a table.

    Example:
        >>> table({"project": {"name": "x"}}, "project")["name"], table({}, "a", "b")
        ('x', {})
    """
    current: Any = document
    for key in keys:
        current = current.get(key) if isinstance(current, Mapping) else None
    return current if isinstance(current, Mapping) else {}


def strings(value: object) -> list[str]:
    """The strings of a TOML array (anything else ignored).

    Example:
        >>> strings(["a", 1, {"include-group": "x"}]), strings("a")
        (['a'], [])
    """
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
