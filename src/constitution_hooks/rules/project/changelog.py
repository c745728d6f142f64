"""CON706 changelog-format: CHANGELOG.md in the Keep a Changelog format."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import NamedTuple

from packaging.version import InvalidVersion, Version

from constitution_hooks.rules.project.files import ProjectFiles
from constitution_hooks.rules.project.settings import ContractSettings, ProjectFinding

FILE = "CHANGELOG.md"
SECTIONS = ("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security")
_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*")
_FENCE = re.compile(r"[ ]{0,3}(```|~~~)")
# Reason: a version may be written [1.2.0] or as a link, [1.2.0](compare-url).
_RELEASE = re.compile(
    r"\[(?P<version>[^\]]+)\](?:\([^)]*\))?[ \t]+-[ \t]+(?P<date>\S+)"
    r"(?:[ \t]+\[YANKED\])?",
    re.IGNORECASE,
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_UNRELEASED = re.compile(r"\[unreleased\](?:\([^)]*\))?", re.IGNORECASE)


class Heading(NamedTuple):
    """An ATX heading outside code blocks.

    Example:
        >>> [h.line for h in headings("# Changelog\\n```\\n## no\\n```\\n## [A]\\n")]
        [1, 5]
    """

    line: int
    level: int
    text: str


def headings(text: str) -> Iterator[Heading]:
    """Every ATX heading of a Markdown text, fenced code blocks skipped.

    Example:
        >>> [h.text for h in headings("## [1.0.0] - 2026-01-01 ##\\n### Added\\n")]
        ['[1.0.0] - 2026-01-01', 'Added']
    """
    fence = ""
    for number, line in enumerate(text.splitlines(), 1):
        opened = _FENCE.match(line)
        if fence:
            fence = "" if opened and opened[1] == fence else fence
            continue
        if opened:
            fence = opened[1]
            continue
        match = _HEADING.fullmatch(line)
        if match:
            yield Heading(number, len(match[1]), match[2].strip())


def check_changelog(
    files: ProjectFiles, cfg: ContractSettings
) -> Iterator[ProjectFinding]:
    """CON706: the changelog's headings follow Keep a Changelog.

    Example:
        >>> files = ProjectFiles("", frozenset(), {"CHANGELOG.md": b"# Changes\\n"})
        >>> [f.message[:21] for f in check_changelog(files, ContractSettings())]
        ['the first heading is ', "no '## [Unreleased]' "]
    """
    where = files.where(FILE)
    text = files.text(FILE)
    if text is None:
        yield _finding(
            where,
            1,
            f"{FILE} is missing (or not tracked): keep one in the Keep a"
            " Changelog format, starting with '# Changelog' and '## [Unreleased]'",
        )
        return
    found = list(headings(text))
    yield from _title(where, found)
    yield from _releases(where, [h for h in found if h.level == 2], found)
    for heading in found:
        if heading.level == 3 and heading.text.capitalize() not in SECTIONS:
            yield _finding(
                where,
                heading.line,
                f"section '### {heading.text}' is not one of Keep a Changelog's:"
                f" {', '.join(SECTIONS)}",
            )


def _finding(where: str, line: int, message: str) -> ProjectFinding:
    return ProjectFinding("CON706", where, line, 1, message)


def _title(where: str, found: list[Heading]) -> Iterator[ProjectFinding]:
    first = found[0] if found else None
    if first is None or first.level != 1 or first.text.lower() != "changelog":
        shown = f"'{'#' * first.level} {first.text}'" if first else "missing"
        yield _finding(
            where,
            first.line if first else 1,
            f"the first heading is {shown}: a Keep a Changelog file starts with"
            " '# Changelog'",
        )


def _releases(
    where: str, releases: list[Heading], found: list[Heading]
) -> Iterator[ProjectFinding]:
    if not releases or not _UNRELEASED.fullmatch(releases[0].text):
        line = releases[0].line if releases else (found[0].line if found else 1)
        yield _finding(
            where,
            line,
            "no '## [Unreleased]' section at the top: add it above the releases to"
            " collect changes as they are made",
        )
    previous: tuple[str, Version] | None = None
    for heading in releases:
        if _UNRELEASED.fullmatch(heading.text):
            continue
        release, problem = _release(heading.text)
        if release is None:
            yield _finding(where, heading.line, problem)
            continue
        # Reason: newest first means by release date; a backport or a pre-release
        # may carry a lower version than the release above it, on an earlier day.
        if previous is not None and release >= previous:
            yield _finding(
                where,
                heading.line,
                f"release {release[1]} ({release[0]}) is listed below {previous[1]}"
                f" ({previous[0]}): releases go newest first",
            )
        previous = release


def _release(text: str) -> tuple[tuple[str, Version] | None, str]:
    match = _RELEASE.fullmatch(text)
    expected = "a release heading is '## [x.y.z] - YYYY-MM-DD'"
    if match is None:
        return None, f"'## {text}' is not a release: {expected}"
    try:
        version = Version(match["version"])
    except InvalidVersion:
        return None, f"'{match['version']}' is not a version: {expected}"
    date = match["date"]
    try:
        valid = bool(_DATE.fullmatch(date)) and bool(datetime.date.fromisoformat(date))
    except ValueError:
        valid = False
    if not valid:
        return None, f"'{date}' is not a date written YYYY-MM-DD: {expected}"
    return (date, version), ""
