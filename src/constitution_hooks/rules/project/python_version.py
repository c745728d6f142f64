"""CON702 python-version: ``.python-version`` names CPython 3.11+, matched below."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from constitution_hooks.rules.project.files import PYPROJECT, ProjectFiles, table
from constitution_hooks.rules.project.lines import locate
from constitution_hooks.rules.project.settings import ContractSettings, ProjectFinding

FILE = ".python-version"
MINIMUM = (3, 11)
_REQUEST = re.compile(
    r"(?:(?P<impl>[a-z]+)[-@]?)?(?P<major>\d+)\.(?P<minor>\d+)(?:\.(?P<micro>\d+))?"
    r"(?P<rest>[a-z0-9.+-]*)",
    re.IGNORECASE,
)


class Pin(NamedTuple):
    """The interpreter ``.python-version`` names.

    Example:
        >>> parse_pin("cpython-3.12.4")
        Pin(implementation='cpython', major=3, minor=12, micro=4, text='cpython-3.12.4')
    """

    implementation: str
    major: int
    minor: int
    micro: int | None
    text: str


def parse_pin(text: str) -> Pin | None:
    """Read the first version request of a ``.python-version`` file (uv's forms).

    Example:
        >>> parse_pin("# pinned\\n3.11\\n").minor, parse_pin("latest")
        (11, None)
    """
    lines = (line.strip() for line in text.splitlines())
    first = next((line for line in lines if line and not line.startswith("#")), "")
    match = _REQUEST.fullmatch(first)
    if match is None:
        return None
    micro = match["micro"]
    return Pin(
        (match["impl"] or "cpython").lower(),
        int(match["major"]),
        int(match["minor"]),
        None if micro is None else int(micro),
        first,
    )


def lower_admitted(specifier: SpecifierSet, pin: Pin) -> str | None:
    """The first version below the pin's minor version that ``specifier`` admits.

    Example:
        >>> pin = parse_pin("3.11")
        >>> lower_admitted(SpecifierSet(">=3.10"), pin), lower_admitted(
        ...     SpecifierSet(">=3.11"), pin)
        ('3.10', None)
    """
    candidates = [(2, 7)] + [(3, minor) for minor in range(pin.minor)]
    for major, minor in candidates:
        for micro in (0, 99):
            if specifier.contains(
                Version(f"{major}.{minor}.{micro}"), prereleases=True
            ):
                return f"{major}.{minor}"
    return None


def check_python_version(
    files: ProjectFiles, cfg: ContractSettings
) -> Iterator[ProjectFinding]:
    """CON702: ``.python-version`` present, CPython 3.11+, and ``requires-python``
    admitting nothing below it.

    Example:
        >>> files = ProjectFiles("", frozenset(), {})
        >>> [f.path for f in check_python_version(files, ContractSettings())]
        ['.python-version']
    """
    where = files.where(files.python_version)
    text = files.text(files.python_version)
    if text is None:
        yield ProjectFinding(
            "CON702",
            where,
            1,
            1,
            f"{FILE} is missing (or not tracked): pin the interpreter with"
            " uv python pin 3.11 (or newer) and commit the file",
        )
        return
    pin = parse_pin(text)
    problem = _pin_problem(pin, text)
    if pin is None or problem:
        yield ProjectFinding("CON702", where, 1, 1, problem)
        return
    yield from _requires_python(files, pin)


def _pin_problem(pin: Pin | None, text: str) -> str:
    first = text.strip().splitlines()[0] if text.strip() else ""
    if pin is None:
        return (
            f"{FILE} names '{first}', not a Python version: write one such as 3.12"
            " (uv python pin 3.12)"
        )
    if pin.implementation != "cpython":
        return f"{FILE} names {pin.text}, not CPython: pin CPython 3.11 or newer"
    if (pin.major, pin.minor) < MINIMUM:
        return (
            f"{FILE} names Python {pin.major}.{pin.minor}, below 3.11: pin 3.11 or"
            " newer (uv python pin 3.12)"
        )
    return ""


def _requires_python(files: ProjectFiles, pin: Pin) -> Iterator[ProjectFinding]:
    project = table(files.pyproject, "project")
    if not project:
        return
    text = files.text(PYPROJECT) or ""
    raw = project.get("requires-python")
    line, column = locate(text, "project", "requires-python")
    named = f"{pin.major}.{pin.minor}"
    if not isinstance(raw, str):
        message = (
            f"[project] has no requires-python, so it admits any Python: add"
            f' requires-python = ">={named}" to match {FILE}'
        )
        yield ProjectFinding("CON702", files.where(PYPROJECT), line, column, message)
        return
    try:
        specifier = SpecifierSet(raw)
    except InvalidSpecifier as error:
        message = f"requires-python '{raw}' is not a valid specifier: {error}"
        yield ProjectFinding("CON702", files.where(PYPROJECT), line, column, message)
        return
    lower = lower_admitted(specifier, pin)
    if lower is not None:
        message = (
            f"requires-python '{raw}' admits Python {lower}, lower than the"
            f' {named} that {FILE} names: use requires-python = ">={named}"'
        )
        yield ProjectFinding("CON702", files.where(PYPROJECT), line, column, message)
