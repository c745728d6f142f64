"""CON701 unpinned-dependency and CON705 dev-tool-in-production."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from constitution_hooks.rules.project.files import (
    PYPROJECT,
    ProjectFiles,
    loads,
    strings,
    table,
)
from constitution_hooks.rules.project.lines import locate
from constitution_hooks.rules.project.settings import ContractSettings, ProjectFinding

_HASH = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
_ARCHIVES = (".whl", ".tar.gz", ".zip", ".tgz", ".tar.bz2", ".tar.xz")


class Entry(NamedTuple):
    """One dependency string and where it is declared.

    Example:
        >>> Entry("httpx>=0.27", "project", "dependencies").where
        '[project] dependencies'
    """

    text: str
    header: str
    key: str

    @property
    def where(self) -> str:
        """The table and key, as a reader finds them in pyproject.toml."""
        return f"[{self.header}] {self.key}"


def entries(
    document: Mapping[str, Any], optional: bool = False, groups: bool = False
) -> Iterator[Entry]:
    """Dependency strings: ``[project] dependencies``, then optional ones, groups.

    Example:
        >>> doc = {"project": {"dependencies": ["a==1"]}, "dependency-groups": {
        ...     "dev": ["b>=2", {"include-group": "x"}]}}
        >>> [e.text for e in entries(doc, groups=True)]
        ['a==1', 'b>=2']
    """
    project = table(document, "project")
    for text in strings(project.get("dependencies")):
        yield Entry(text, "project", "dependencies")
    if optional:
        for extra, value in table(project, "optional-dependencies").items():
            for text in strings(value):
                yield Entry(text, "project.optional-dependencies", extra)
    if groups:
        for group, value in table(document, "dependency-groups").items():
            for text in strings(value):
                yield Entry(text, "dependency-groups", group)


def is_pinned(requirement: Requirement) -> bool:
    """Whether a requirement names one version, or one commit or archive file.

    Example:
        >>> is_pinned(Requirement("a==1.2; python_version < '3.12'"))
        True
        >>> is_pinned(Requirement("a==1.*")), is_pinned(Requirement("a>=1"))
        (False, False)
    """
    if requirement.url:
        return pinned_url(requirement.url)
    specifiers = list(requirement.specifier)
    return (
        len(specifiers) == 1
        and specifiers[0].operator in ("==", "===")
        and not specifiers[0].version.endswith("*")
    )


def pinned_url(url: str) -> bool:
    """Whether a direct reference names a commit hash or an archive file.

    Example:
        >>> pinned_url("git+https://example.invalid/a.git@" + "ab12" * 10)
        True
        >>> pinned_url("git+https://example.invalid/a.git@main")
        False
        >>> pinned_url("https://example.invalid/a-1.0-py3-none-any.whl")
        True
    """
    path = urlsplit(url).path
    if "+" in url.split(":", 1)[0]:
        return bool(_HASH.fullmatch(path.rpartition("@")[2]))
    return path.lower().endswith(_ARCHIVES)


def check_pins(files: ProjectFiles, cfg: ContractSettings) -> Iterator[ProjectFinding]:
    """CON701: every production dependency pinned to one version.

    Example:
        >>> doc = b'[project]\\ndependencies = ["httpx>=0.27"]\\n'
        >>> files = ProjectFiles("", frozenset({"pyproject.toml"}),
        ...                      {"pyproject.toml": doc})
        >>> [f.message[:34] for f in check_pins(files, ContractSettings())]
        ["dependency 'httpx>=0.27' is not pi"]
    """
    text = files.text(PYPROJECT) or ""
    locked = _locked_versions(files)
    for entry in entries(files.pyproject, cfg.optional, cfg.groups):
        line, column = locate(text, entry.header, entry.key, entry.text)
        try:
            requirement = Requirement(entry.text)
        except InvalidRequirement as error:
            message = (
                f"{entry.where}: '{entry.text}' is not a valid requirement: {error}"
            )
            yield ProjectFinding(
                "CON701", files.where(PYPROJECT), line, column, message, entry.text
            )
            continue
        if is_pinned(requirement):
            continue
        name = canonicalize_name(requirement.name)
        yield ProjectFinding(
            "CON701",
            files.where(PYPROJECT),
            line,
            column,
            f"dependency '{entry.text}' is not pinned ({entry.where}): production"
            f" dependencies name one version: {_suggest(requirement, locked)}",
            name,
        )


def _suggest(requirement: Requirement, locked: Mapping[str, set[str]]) -> str:
    versions = sorted(locked.get(canonicalize_name(requirement.name), set()))
    extras = f"[{','.join(sorted(requirement.extras))}]" if requirement.extras else ""
    marker = f"; {requirement.marker}" if requirement.marker else ""
    pin = versions[0] if len(versions) == 1 else "VERSION"
    told = " (the version uv.lock holds)" if len(versions) == 1 else ""
    return f"uv add '{requirement.name}{extras}=={pin}{marker}'{told}"


def _locked_versions(files: ProjectFiles) -> dict[str, set[str]]:
    text = files.text(files.lock)
    if text is None:
        return {}
    try:
        document = loads(text)
    except ValueError:
        return {}
    versions: dict[str, set[str]] = {}
    packages = document.get("package", [])
    for package in packages if isinstance(packages, list) else []:
        if isinstance(package, Mapping) and isinstance(package.get("name"), str):
            name = canonicalize_name(package["name"])
            versions.setdefault(name, set()).add(str(package.get("version", "")))
    return versions


def check_dev_tools(
    files: ProjectFiles, cfg: ContractSettings
) -> Iterator[ProjectFinding]:
    """CON705: no development or test tool among the production dependencies.

    Example:
        >>> doc = b'[project]\\ndependencies = ["pytest==8.3"]\\n'
        >>> files = ProjectFiles("", frozenset(), {"pyproject.toml": doc})
        >>> cfg = ContractSettings(dev_tools=("pytest*",))
        >>> [f.subject for f in check_dev_tools(files, cfg)]
        ['pytest']
    """
    text = files.text(PYPROJECT) or ""
    for entry in entries(files.pyproject):
        try:
            name = canonicalize_name(Requirement(entry.text).name)
        except InvalidRequirement:
            continue
        if not any(fnmatch.fnmatchcase(name, tool) for tool in cfg.dev_tools):
            continue
        line, column = locate(text, entry.header, entry.key, entry.text)
        yield ProjectFinding(
            "CON705",
            files.where(PYPROJECT),
            line,
            column,
            f"'{name}' is a development tool in [project] dependencies: move it to"
            f" a dependency group (uv remove {name} && uv add --dev {name})",
            name,
        )
