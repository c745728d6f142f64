"""Load ``[tool.constitution]`` from pyproject.toml, validate it, resolve settings."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple, TypeVar

from constitution_hooks.core.errors import UsageError
from constitution_hooks.core.options import Option, Section, string_list, toml_repr

PREFIX = "tool.constitution"
R = TypeVar("R")
ROOT_OPTIONS: tuple[Option, ...] = (
    string_list("exclude", (), "globs excluded from every check, beside the built-ins"),
)


class Settings(NamedTuple):
    """The resolved values of one table, defaults filled in.

    Example:
        >>> s = Settings({"max-lines": 500, "enabled": True})
        >>> s.integer("max-lines"), s.flag("enabled")
        (500, True)
    """

    values: Mapping[str, Any]

    def integer(self, key: str) -> int:
        """Return an integer option."""
        return int(self.values[key])

    def number(self, key: str) -> float:
        """Return a numeric option."""
        return float(self.values[key])

    def flag(self, key: str) -> bool:
        """Return a boolean option."""
        return bool(self.values[key])

    def text(self, key: str) -> str:
        """Return a string option."""
        return str(self.values[key])

    def strings(self, key: str) -> tuple[str, ...]:
        """Return a list-of-strings option as a tuple."""
        return tuple(self.values[key])

    def raw(self, key: str) -> Any:
        """Return an option as TOML gave it (tables, lists of tables)."""
        return self.values[key]

    def record(self, kind: type[R]) -> R:
        """This table as ``kind``, a NamedTuple with a field per key (``-`` as ``_``).

        A family reads its options once, typed, through its own record, so call
        sites name attributes that mypy checks instead of string keys.

        Example:
            >>> class Limits(NamedTuple):
            ...     max_lines: int
            >>> Settings({"max-lines": 500, "enabled": True}).record(Limits)
            Limits(max_lines=500)
        """
        # Reason: NamedTuple classes have _fields; the TypeVar cannot say so.
        fields = kind._fields  # type: ignore[attr-defined]
        values = {name: self.values[name.replace("_", "-")] for name in fields}
        # Reason: TOML arrays arrive as lists; records hold hashable tuples.
        return kind(
            **{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}
        )


class Config(NamedTuple):
    """The one config object passed down to every rule.

    Attributes:
        root: The folder that holds the config file (or the current folder).
        source: The pyproject.toml read, if any.
        exclude: User globs excluded from every check.
        sections: Resolved settings per table name.

    Example:
        >>> off = {"file-length": Settings({"enabled": False})}
        >>> cfg = Config(Path("."), None, (), off)
        >>> cfg.enabled("file-length"), cfg.enabled("function-size")
        (False, True)
    """

    root: Path
    source: Path | None
    exclude: tuple[str, ...]
    sections: Mapping[str, Settings] = MappingProxyType({})

    def section(self, name: str) -> Settings:
        """Return one table's resolved settings."""
        return self.sections[name]

    def enabled(self, name: str) -> bool:
        """Return whether a table's rules are on (unknown tables are on)."""
        settings = self.sections.get(name)
        return settings is None or settings.flag("enabled")


def find_pyproject(start: Path) -> Path | None:
    """Find the nearest pyproject.toml from ``start`` up to the repository root.

    Args:
        start: The folder to start from (usually the current folder).

    Returns:
        The file's path, or None when there is none up to the root.

    Example:
        >>> import tempfile; top = Path(tempfile.mkdtemp())
        >>> (top / ".git").mkdir(); (top / "src/pkg").mkdir(parents=True)
        >>> print(find_pyproject(top / "src/pkg"))  # none up to the repository's root
        None
        >>> (top / "pyproject.toml").touch()
        >>> find_pyproject(top / "src/pkg") == top / "pyproject.toml"
        True
    """
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
        if (folder / ".git").exists():
            return None
    return None


def load_config(
    sections: Iterable[Section], path: Path | None = None, cwd: Path | None = None
) -> Config:
    """Read, validate and resolve the config, or raise ``UsageError``.

    Args:
        sections: Every table the registered rules declare.
        path: An explicit ``--config`` file; otherwise the nearest pyproject.toml.
        cwd: The folder to search from (default: the current folder).

    Returns:
        The resolved config, defaults filled in.

    Raises:
        UsageError: For unreadable or invalid TOML, unknown keys or bad values.

    Example:
        >>> load_config([], cwd=Path("/")).exclude
        ()
    """
    start = (cwd or Path.cwd()).resolve()
    source = path if path is not None else find_pyproject(start)
    table = _read_table(source) if source is not None else {}
    where = str(source)
    sections = tuple(sections)
    root = _resolve(table, ROOT_OPTIONS, (s.name for s in sections), where, PREFIX)
    resolved = {}
    for section in sections:
        raw = table.get(section.name, {})
        key = f"{PREFIX}.{section.name}"
        if not isinstance(raw, Mapping):
            raise UsageError(
                f"{where}: {key}: expected a table, found {toml_repr(raw)}"
            )
        values = _resolve(raw, section.all_options(), (), where, key)
        resolved[section.name] = Settings(values)
    folder = source.parent.resolve() if source is not None else start
    return Config(folder, source, tuple(root["exclude"]), resolved)


def _read_table(source: Path) -> Mapping[str, Any]:
    table: Any = _read_document(source)
    for part in PREFIX.split("."):
        table = table.get(part, {}) if isinstance(table, Mapping) else {}
    if not isinstance(table, Mapping):
        raise UsageError(
            f"{source}: {PREFIX}: expected a table, found {toml_repr(table)}"
        )
    return table


def _read_document(source: Path) -> Mapping[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover -- exercised by the 3.10 test matrix
        import tomli as tomllib

    try:
        # Reason: --config naming a FIFO or /dev/zero would block or never end.
        if not stat.S_ISREG(os.stat(source).st_mode):
            raise UsageError(f"{source}: cannot read config: not a regular file")
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{source}: cannot read config: {error}") from error
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{source}: invalid TOML: {error}") from error
    except RecursionError as error:
        # Reason: the TOML parser recurses once per level of nested arrays/tables.
        raise UsageError(f"{source}: invalid TOML: nested too deeply") from error


def _resolve(
    raw: Mapping[str, Any],
    options: tuple[Option, ...],
    subtables: Iterable[str],
    where: str,
    prefix: str,
) -> dict[str, Any]:
    known = {option.key: option for option in options}
    allowed = [*known, *subtables]
    for key in raw:
        if key not in allowed:
            raise UsageError(
                f"{where}: unknown key {prefix}.{key}{_suggest(key, allowed)}"
            )
    values: dict[str, Any] = {}
    for key, option in known.items():
        value = raw.get(key, option.default)
        if key in raw and not option.check(value):
            raise UsageError(
                f"{where}: {prefix}.{key}: expected {option.expected},"
                f" found {toml_repr(value)}"
            )
        values[key] = value
    return values


def _suggest(key: str, allowed: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    return (
        f" (did you mean '{close[0]}'?)"
        if close
        else f" (known keys: {', '.join(allowed)})"
    )


class ProjectConfigs:
    """Each file's config: the nearest pyproject.toml with a ``[tool.constitution]``.

    As ruff resolves settings per file: in a monorepo every project's table
    decides its own files; a file under no such table gets ``fallback`` (the
    config found from the current folder). An explicit ``--config`` decides all.

    Example:
        >>> fallback = Config(Path("."), None, ())
        >>> ProjectConfigs([], fallback, explicit=True).for_path("x/a.py") is fallback
        True
    """

    def __init__(
        self, sections: Iterable[Section], fallback: Config, explicit: bool = False
    ) -> None:
        """Resolve against ``sections``; ``explicit`` means ``--config`` was given."""
        self.sections = tuple(sections)
        self.fallback = fallback
        self.explicit = explicit
        self._by_folder: dict[Path, Config] = {}
        self._by_source: dict[Path, Config] = {}
        self._resolved: dict[str, Path] = {}

    def for_path(self, path: str) -> Config:
        """The config deciding ``path`` (loaded once per project)."""
        if self.explicit:
            return self.fallback
        folder = self._folder(path)
        found = self._by_folder.get(folder)
        if found is None:
            found = self._by_folder[folder] = self._nearest(folder)
        return found

    def _folder(self, path: str) -> Path:
        """``Path(path).resolve().parent``, each folder resolved once per run."""
        head, name = os.path.split(path)
        # Reason: resolving costs a system call per part of the path; the files
        # of a folder share its resolution, unless the file itself is a link.
        if name in ("", ".", "..") or os.path.islink(path):
            return Path(path).resolve().parent
        folder = self._resolved.get(head)
        if folder is None:
            folder = self._resolved[head] = Path(head or ".").resolve()
        return folder

    def _nearest(self, folder: Path) -> Config:
        for current in (folder, *folder.parents):
            cached = self._by_folder.get(current)
            if cached is not None:
                return cached
            candidate = current / "pyproject.toml"
            if candidate.is_file() and _has_table(candidate):
                return self._load(candidate)
            if (current / ".git").exists():
                break
        return self.fallback

    def _load(self, source: Path) -> Config:
        resolved = source.resolve()
        if (
            self.fallback.source is not None
            and resolved == self.fallback.source.resolve()
        ):
            return self.fallback
        config = self._by_source.get(resolved)
        if config is None:
            config = self._by_source[resolved] = load_config(self.sections, source)
        return config


def _has_table(source: Path) -> bool:
    # Reason: a cheap text test first; only a file naming the table is parsed.
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "constitution" not in text:
        return False
    document = _read_document(source)
    tool = document.get("tool", {})
    return isinstance(tool, Mapping) and "constitution" in tool
