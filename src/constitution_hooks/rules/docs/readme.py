"""CON503: "README.md mandatory for each module with setup instructions and examples".

A package is a folder with an ``__init__.py``; its depth counts the folders with an
``__init__.py`` from the topmost one (``src/app`` is 1, ``src/app/api`` is 2). Each
package is judged once per run, when its ``__init__.py`` is checked, and reported
there; the README and the ``__init__.py`` files above are part of the cache key.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path, PurePath

from constitution_hooks.core.config import Settings
from constitution_hooks.core.source import SourceFile
from constitution_hooks.core.violation import Finding
from constitution_hooks.rules.tdd.layout import is_test_dir

README = "README.md"
_ATX = re.compile(r" {0,3}#{1,6}[ \t]+(?P<text>.*?)[ \t#]*")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
_FENCE = re.compile(r" {0,3}(?:```|~~~)")
_SECTIONS = (
    ("setup/install", re.compile(r"install|set[ \t-]*up", re.IGNORECASE)),
    ("example/usage", re.compile(r"example|usage", re.IGNORECASE)),
)


def headings(text: str) -> list[str]:
    """Return the Markdown headings (ATX and setext) outside code fences.

    Example:
        >>> headings("# Title\\n```\\n# not one\\n```\\nUsage\\n-----\\n")
        ['Title', 'Usage']
    """
    found: list[str] = []
    fenced = False
    previous = ""
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced, previous = not fenced, ""
            continue
        if fenced:
            continue
        atx = _ATX.fullmatch(line)
        if atx:
            found.append(atx.group("text"))
        elif _SETEXT.fullmatch(line) and previous.strip():
            found.append(previous.strip())
        previous = "" if atx else line
    return found


def missing_sections(text: str) -> list[str]:
    """Return which of the setup/install and example/usage headings a README lacks.

    Example:
        >>> missing_sections("# app\\n## Installation\\n")
        ['example/usage']
    """
    titles = headings(text)
    return [
        name
        for name, pattern in _SECTIONS
        if not any(pattern.search(title) for title in titles)
    ]


def _deeper_than(folder: str, limit: int) -> bool:
    """Whether more than ``limit`` folders up from ``folder`` hold an ``__init__.py``.

    Counting stops past the limit: a deep package need not be walked to its top.
    """
    depth = 0
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        depth += 1
        if depth > limit:
            return True
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return False


def readme_inputs(path: str) -> tuple[str, ...]:
    """Return the files besides an ``__init__.py`` that decide its CON503 verdict.

    Its package's README.md and the ``__init__.py`` of each folder above, up to and
    including the first folder without one (which decides the depth).

    Example:
        >>> readme_inputs("app/core.py")
        ()
    """
    # Reason: called for every file of a run; a Path costs more than this test.
    if "__init__.py" not in path:
        return ()
    if Path(path).name != "__init__.py":
        return ()
    # Reason: os.path, not pathlib: every package's __init__.py of a run comes
    # here, and the strings are the same.
    folder = os.path.dirname(os.path.realpath(path))
    found = [os.path.join(folder, README)]
    while os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)
        init = os.path.join(folder, "__init__.py")
        found.append(init)
        if not os.path.isfile(init):
            break
    return tuple(found)


def check_readme(source: SourceFile, settings: Settings) -> Iterator[Finding]:
    """Flag a package's ``__init__.py`` when its README.md is missing or incomplete.

    Example:
        >>> import pathlib, tempfile
        >>> init = pathlib.Path(tempfile.mkdtemp()) / "app" / "__init__.py"
        >>> init.parent.mkdir(); _ = init.write_text("")
        >>> s = Settings({"readme-depth": 1})
        >>> source = SourceFile(init, "app/__init__.py")
        >>> [f.message[:34] for f in check_readme(source, s)]
        ["package 'app' has no README.md; ad"]
    """
    if "__init__.py" not in source.display:
        return
    display = PurePath(source.display)
    if display.name != "__init__.py" or any(map(is_test_dir, display.parent.parts)):
        return
    folder = os.path.dirname(os.path.realpath(source.path))
    if _deeper_than(folder, settings.integer("readme-depth")):
        return
    package = display.parent.as_posix()
    try:
        text = Path(folder, README).read_text(encoding="utf-8", errors="replace")
    except OSError:
        yield Finding(
            1,
            1,
            f"package '{package}' has no README.md; add one with a setup/install"
            " section and an example/usage section",
        )
        return
    missing = missing_sections(text)
    if missing:
        headings_wanted = " and no ".join(missing)
        yield Finding(
            1,
            1,
            f"README.md of package '{package}' has no {headings_wanted} heading; add"
            " a '## Setup' (or Installation) and a '## Usage' (or Example) section",
        )
