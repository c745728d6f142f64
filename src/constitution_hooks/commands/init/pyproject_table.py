"""Add a commented ``[tool.constitution]`` with every default to pyproject.toml.

The table is appended as text, so every existing line stays as it was; a file that is
not valid TOML is refused with a ``UsageError`` (exit 2).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from constitution_hooks.core.config import ROOT_OPTIONS
from constitution_hooks.core.errors import UsageError
from constitution_hooks.core.options import Option, Section, toml_repr

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover -- exercised by the 3.10 test matrix
    import tomli as tomllib

FILE = "pyproject.toml"
ADDED = "added a commented [tool.constitution] with the defaults"


def default_table(sections: Iterable[Section]) -> str:
    """The ``[tool.constitution]`` table, every option commented out at its default.

    Example:
        >>> default_table([]).splitlines()[1]
        '[tool.constitution]'
    """
    lines = [
        "# constitution-hooks: every value below is the default; uncomment to change.",
        "[tool.constitution]",
        *(_option(option) for option in ROOT_OPTIONS),
    ]
    for section in sections:
        lines += ["", f"# [tool.constitution.{section.name}]"]
        lines += [_option(option) for option in section.all_options()]
    return "\n".join(lines) + "\n"


def _option(option: Option) -> str:
    value = option.default
    shown = toml_repr(list(value) if isinstance(value, tuple) else value)
    return f"# {option.key} = {shown}  # {option.help}".rstrip(" #")


def merge_pyproject(
    text: str | None, sections: Iterable[Section]
) -> tuple[str, list[str]]:
    """Append the default table when the file has no ``[tool.constitution]``.

    Args:
        text: The current file, or None when there is none.
        sections: Every rule family's table.

    Returns:
        The new text (unchanged when the table exists) and what changed.

    Raises:
        UsageError: The file is not valid TOML.

    Example:
        >>> merge_pyproject("[tool.constitution]\\n", [])
        ('[tool.constitution]\\n', [])
    """
    original = text or ""
    try:
        document = tomllib.loads(original)
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{FILE}: not valid TOML, left untouched: {error}") from error
    tool = document.get("tool")
    if isinstance(tool, dict) and "constitution" in tool:
        return original, []
    separator = "" if not original else ("\n" if original.endswith("\n") else "\n\n")
    merged = original + separator + default_table(sections)
    try:
        tomllib.loads(merged)
    except tomllib.TOMLDecodeError as error:
        raise UsageError(
            f"{FILE}: [tool.constitution] cannot be appended safely ({error});"
            " left untouched, add the table by hand"
        ) from error
    return merged, [ADDED]
