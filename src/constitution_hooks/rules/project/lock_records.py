"""Requirements as pyproject.toml declares them and as uv.lock recorded them.

uv writes the root package's requirements into ``[package.metadata]``
(``requires-dist``, ``requires-dev``), normalised: names and group names per PEP 503,
``python_version`` markers as ``python_full_version``, optional dependencies as
``extra == '...'`` markers, included groups expanded, and the specifier dropped when
``[tool.uv.sources]`` points the package elsewhere. Both sides are read into the same
records; markers are equal when they agree on a grid of environments.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple

from packaging.markers import InvalidMarker, Marker
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name

from constitution_hooks.rules.project.files import strings, table

DIST = ""
_SOURCES = ("directory", "path", "editable", "git", "url", "virtual", "workspace")
_PYTHONS = (
    *("2.7.18", "3.6.15", "3.7.17", "3.8.0", "3.9.0", "3.10.0", "3.10.9", "3.11.0"),
    *("3.11.9", "3.12.0", "3.12.7", "3.13.0", "3.13.5", "3.14.0", "3.15.0"),
)
_PLATFORMS = (
    ("linux", "Linux", "posix", "x86_64"),
    ("linux", "Linux", "posix", "aarch64"),
    ("win32", "Windows", "nt", "AMD64"),
    ("darwin", "Darwin", "posix", "arm64"),
)
_IMPLEMENTATIONS = (("cpython", "CPython"), ("pypy", "PyPy"))


class Record(NamedTuple):
    """One requirement, normalised for comparison.

    Attributes:
        name: The PEP 503 normalised name.
        extras: Normalised extras.
        specifier: The version specifier; None when uv.lock dropped it for a source.
        marker: The environment marker, if any.
        text: The requirement as written, for messages.

    Example:
        >>> r = from_text("Foo_Bar[X]>=1")
        >>> r.name, sorted(r.extras), str(r.specifier)
        ('foo-bar', ['x'], '>=1')
    """

    name: str
    extras: frozenset[str]
    specifier: SpecifierSet | None
    marker: Marker | None
    text: str

    def same(self, other: Record) -> bool:
        """Whether two records ask for the same thing."""
        if (self.name, self.extras) != (other.name, other.extras):
            return False
        if None not in (self.specifier, other.specifier) and (
            self.specifier != other.specifier
        ):
            return False
        return markers_agree(self.marker, other.marker)


def from_text(text: str, extra: str = "") -> Record:
    """Read a PEP 508 string; ``extra`` adds ``and extra == '...'`` to its marker.

    Raises:
        InvalidRequirement: For a string that is not a requirement.

    Example:
        >>> str(from_text("a; python_version < '3.12'", "cli").marker)
        'python_version < "3.12" and extra == "cli"'
    """
    requirement = Requirement(text)
    marker = requirement.marker
    if extra:
        clause = f'extra == "{canonicalize_name(extra)}"'
        marker = Marker(f"({marker}) and {clause}" if marker else clause)
    return Record(
        canonicalize_name(requirement.name),
        frozenset(canonicalize_name(e) for e in requirement.extras),
        requirement.specifier,
        marker,
        text,
    )


def from_lock(entry: Mapping[str, Any]) -> Record:
    """Read one ``{ name = ..., specifier = ..., marker = ... }`` of uv.lock.

    Raises:
        ValueError: For an entry uv would not write (no name, bad marker).

    Example:
        >>> r = from_lock({"name": "a", "directory": "libs/a"})
        >>> r.specifier is None, r.text
        (True, 'a')
    """
    name = entry.get("name")
    if not isinstance(name, str):
        raise ValueError(f"entry without a name: {entry}")
    raw = entry.get("specifier")
    try:
        specifier: SpecifierSet | None = SpecifierSet(raw or "")
        marker = Marker(entry["marker"]) if "marker" in entry else None
    except (InvalidSpecifier, InvalidMarker, TypeError) as error:
        raise ValueError(str(error)) from error
    if raw is None and any(key in entry for key in _SOURCES):
        specifier = None
    extras = frozenset(canonicalize_name(e) for e in strings(entry.get("extras")))
    shown = name + (f"[{','.join(sorted(extras))}]" if extras else "") + (raw or "")
    if marker is not None:
        shown += f"; {marker}"
    return Record(canonicalize_name(name), extras, specifier, marker, shown)


def markers_agree(first: Marker | None, second: Marker | None) -> bool:
    """Whether two markers select the same environments (None selects all).

    Example:
        >>> markers_agree(Marker("python_version < '3.11'"),
        ...               Marker("python_full_version < '3.11'"))
        True
    """
    if str(first) == str(second):
        return True
    extras = {"", *_extras(first), *_extras(second)}
    try:
        return all(
            _evaluate(first, env) == _evaluate(second, env)
            for env in _environments(extras)
        )
    except Exception:
        return False


def _evaluate(marker: Marker | None, env: dict[str, str]) -> bool:
    return True if marker is None else marker.evaluate(env)


def _extras(marker: Marker | None) -> set[str]:
    text = str(marker) if marker is not None else ""
    return {part.split('"')[1] for part in text.split("extra == ")[1:] if '"' in part}


def _environments(extras: Iterable[str]) -> Iterator[dict[str, str]]:
    for full in _PYTHONS:
        for system, platform, os_name, machine in _PLATFORMS:
            for implementation, python in _IMPLEMENTATIONS:
                for extra in extras:
                    yield {
                        "python_full_version": full,
                        "python_version": ".".join(full.split(".")[:2]),
                        "implementation_version": full,
                        "sys_platform": system,
                        "platform_system": platform,
                        "os_name": os_name,
                        "platform_machine": machine,
                        "implementation_name": implementation,
                        "platform_python_implementation": python,
                        "platform_release": "",
                        "platform_version": "",
                        "extra": extra,
                    }


def declared(document: Mapping[str, Any]) -> dict[str, list[tuple[str, str]]]:
    """pyproject.toml's requirements per group (``DIST`` for the package's own).

    Each item is (requirement text, extra or ``""``), included groups expanded.

    Example:
        >>> declared({"dependency-groups": {"Dev": [{"include-group": "lint"}],
        ...           "lint": ["ruff"]}})
        {'': [], 'dev': [('ruff', '')], 'lint': [('ruff', '')]}
    """
    project = table(document, "project")
    found: dict[str, list[tuple[str, str]]] = {
        DIST: [(text, "") for text in strings(project.get("dependencies"))]
    }
    for extra, value in table(project, "optional-dependencies").items():
        found[DIST] += [(text, extra) for text in strings(value)]
    groups = table(document, "dependency-groups")
    for group in groups:
        found[canonicalize_name(group)] = [(t, "") for t in _group(groups, group, ())]
    legacy = strings(table(document, "tool", "uv").get("dev-dependencies"))
    if legacy:
        found.setdefault("dev", []).extend((text, "") for text in legacy)
    return found


def _group(groups: Mapping[str, Any], name: str, seen: tuple[str, ...]) -> list[str]:
    if name in seen:
        return []
    items = groups.get(name)
    found: list[str] = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, Mapping) and isinstance(item.get("include-group"), str):
            wanted = canonicalize_name(item["include-group"])
            key = next((g for g in groups if canonicalize_name(g) == wanted), wanted)
            found += _group(groups, key, (*seen, name))
    return found


def recorded(lock: Mapping[str, Any], member: str) -> dict[str, list[Any]] | None:
    """uv.lock's record of the package at ``member`` (``"."`` or a workspace path).

    A workspace root without a ``[project]`` table has only its groups, in
    ``[manifest.dependency-groups]``. None when the lock has no such package.

    Example:
        >>> lock = {"package": [{"name": "app", "source": {"editable": "."},
        ...     "metadata": {"requires-dist": [{"name": "a"}]}}]}
        >>> recorded(lock, ".")
        {'': [{'name': 'a'}]}
    """
    packages = lock.get("package")
    for package in packages if isinstance(packages, list) else []:
        source = package.get("source") if isinstance(package, Mapping) else None
        if isinstance(source, Mapping) and member in (
            source.get("editable"),
            source.get("virtual"),
        ):
            metadata = table(package, "metadata")
            return _groups(
                metadata.get("requires-dist"), table(metadata, "requires-dev")
            )
    manifest = table(lock, "manifest")
    if member == "." and "dependency-groups" in manifest:
        return _groups([], table(manifest, "dependency-groups"))
    return None


def _groups(dist: object, dev: Mapping[str, Any]) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {DIST: list(dist) if isinstance(dist, list) else []}
    for group, value in dev.items():
        found[canonicalize_name(group)] = list(value) if isinstance(value, list) else []
    return found


def invalid(text: str) -> str | None:
    """Why ``text`` is not a valid requirement, or None.

    Example:
        >>> invalid("a>=1"), invalid("a>=") is not None
        (None, True)
    """
    try:
        Requirement(text)
    except InvalidRequirement as error:
        return str(error)
    return None
