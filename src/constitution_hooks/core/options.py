"""Declared config options: a key, its default, and what values it accepts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple


class Option(NamedTuple):
    """One key of a ``[tool.constitution.*]`` table.

    Attributes:
        key: The kebab-case key, such as ``max-lines``.
        default: The value when the key is absent (the constitution's number).
        expected: What a valid value is, in words, for error messages.
        check: Returns True when a value from TOML is acceptable.
        help: One line for ``constitution rules`` and the docs.

    Example:
        >>> opt = positive_int("max-lines", 500, "physical lines allowed")
        >>> opt.check(500), opt.check(0), opt.check(True)
        (True, False, False)
    """

    key: str
    default: object
    expected: str
    check: Callable[[object], bool]
    help: str = ""


class Section(NamedTuple):
    """A ``[tool.constitution.<name>]`` table; every table accepts ``enabled``.

    Example:
        >>> Section("file-length", (positive_int("max-lines", 500),)).keys()
        ('enabled', 'max-lines')
    """

    name: str
    options: tuple[Option, ...] = ()

    def all_options(self) -> tuple[Option, ...]:
        """Return the section's options, ``enabled`` first."""
        enabled = boolean(
            "enabled", True, "set false to turn the rules of this table off"
        )
        return (enabled, *self.options)

    def keys(self) -> tuple[str, ...]:
        """Return every key the table accepts."""
        return tuple(option.key for option in self.all_options())

    def defaults(self) -> dict[str, Any]:
        """Return the table as it is when the user sets nothing.

        Example:
            >>> table = Section("t", (positive_int("max-lines", 500),)).defaults()
            >>> table["max-lines"], table["enabled"]
            (500, True)
        """
        return {option.key: option.default for option in self.all_options()}


def _is_positive_int(value: object) -> bool:
    # Reason: TOML booleans are Python bools, and bool is a subclass of int.
    if isinstance(value, bool) or not isinstance(value, int):
        return False
    return value >= 1


def positive_int(key: str, default: int, help: str = "") -> Option:
    """Declare an integer option that must be at least 1.

    Example:
        >>> positive_int("max-lines", 500).check(-1)
        False
    """
    return Option(key, default, "an integer >= 1", _is_positive_int, help)


def number(
    key: str, default: float, low: float = 0.0, high: float = 100.0, help: str = ""
) -> Option:
    """Declare a number option within ``[low, high]``.

    Example:
        >>> number("fail-under", 80).check(79.5)
        True
    """

    def check(value: object) -> bool:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        number: float = value
        return low <= number <= high

    return Option(key, default, f"a number from {low:g} to {high:g}", check, help)


def boolean(key: str, default: bool, help: str = "") -> Option:
    """Declare a true/false option.

    Example:
        >>> boolean("enabled", True).check("yes")
        False
    """
    return Option(key, default, "true or false", lambda v: isinstance(v, bool), help)


def string(
    key: str, default: str, choices: tuple[str, ...] = (), help: str = ""
) -> Option:
    """Declare a string option, optionally one of ``choices``.

    Example:
        >>> string("match", "name", ("name", "import")).check("path")
        False
    """
    expected = (
        "one of " + ", ".join(repr(c) for c in choices) if choices else "a string"
    )

    def check(value: object) -> bool:
        return isinstance(value, str) and (not choices or value in choices)

    return Option(key, default, expected, check, help)


def string_list(key: str, default: tuple[str, ...] = (), help: str = "") -> Option:
    """Declare a list-of-strings option.

    Example:
        >>> string_list("exclude").check(["a", 1])
        False
    """

    def check(value: object) -> bool:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)

    return Option(key, default, "a list of strings", check, help)


def _is_exempt_list(value: object) -> bool:
    if not isinstance(value, list):
        return False
    return all(
        isinstance(entry, Mapping)
        and set(entry) == {"path", "reason"}
        and all(isinstance(entry[key], str) and entry[key].strip() for key in entry)
        for entry in value
    )


def exempt_list(key: str, help: str = "") -> Option:
    """Declare a list of ``{ path = "glob", reason = "why" }`` tables.

    Every entry needs a written reason, as the constitution asks of every exception.

    Example:
        >>> opt = exempt_list("exempt")
        >>> opt.check([{"path": "scripts/**", "reason": "not an API"}])
        True
        >>> opt.check([{"path": "scripts/**"}])
        False
    """
    expected = 'a list of { path = "glob", reason = "why" } tables (reason required)'
    return Option(key, [], expected, _is_exempt_list, help)


# Reason: TOML nests hundreds of levels deep; a message shows the first few.
_SHOWN_LEVELS = 20


def toml_repr(value: object, depth: int = 0) -> str:
    """Render a TOML value the way a user wrote it, for error messages.

    Example:
        >>> toml_repr(True), toml_repr("x"), toml_repr([1, "a"])
        ('true', '"x"', '[1, "a"]')
    """
    if depth > _SHOWN_LEVELS:
        return "..."
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_repr(v, depth + 1) for v in value) + "]"
    if isinstance(value, Mapping):
        inner = ", ".join(f"{k} = {toml_repr(v, depth + 1)}" for k, v in value.items())
        return "{ " + inner + " }"
    return str(value)
