"""CON201-CON207: the tdd-pairing table resolved into settings, and violations."""

from __future__ import annotations

import fnmatch
from functools import cache
from typing import NamedTuple

from constitution_hooks.core.config import Settings
from constitution_hooks.core.files import BUILTIN_EXCLUDES, is_excluded
from constitution_hooks.core.violation import Violation
from constitution_hooks.rules.tdd import RULES as RULES
from constitution_hooks.rules.tdd import SECTION as SECTION
from constitution_hooks.rules.tdd.layout import DEFAULT_EXEMPT

EXCLUDED = "excluded by [tool.constitution] exclude"


class TddSettings(NamedTuple):
    """The tdd-pairing table resolved for the TDD rules.

    Example:
        >>> from constitution_hooks.rules.tdd.layout import LAYOUTS
        >>> TddSettings((), (), LAYOUTS, "name", (), False, "test_.*", True).match
        'name'
    """

    source_roots: tuple[str, ...]
    test_roots: tuple[str, ...]
    layouts: tuple[str, ...]
    match: str
    exempt: tuple[tuple[str, str], ...]
    require_test_change: bool
    name_pattern: str
    untested_symbols: bool
    exclude: tuple[str, ...] = ()
    default_exempt: tuple[str, ...] = DEFAULT_EXEMPT

    @classmethod
    def from_settings(cls, settings: Settings, exclude: tuple[str, ...]) -> TddSettings:
        """Resolve the table's values (already validated by the config loader)."""
        exempt = tuple((e["path"], e["reason"]) for e in settings.raw("exempt"))
        return cls(
            settings.strings("source-roots"),
            tuple(root.strip("/") for root in settings.strings("test-roots")),
            tuple(settings.strings("layouts")),
            settings.text("match"),
            exempt,
            settings.flag("require-test-change"),
            settings.text("test-name-pattern"),
            settings.flag("untested-public-symbol"),
            exclude,
            settings.strings("default-exempt"),
        )

    def exemption(self, path: str) -> str | None:
        """Return the written reason ``path`` is exempt, or None."""
        return _exemption(self.exempt, self.exclude, path)


@cache
def _exemption(
    exempt: tuple[tuple[str, str], ...], exclude: tuple[str, ...], path: str
) -> str | None:
    for pattern, reason in exempt:
        if fnmatch.fnmatchcase(path, pattern.lstrip("/")):
            return reason
    if is_excluded(path, (*BUILTIN_EXCLUDES, *exclude)):
        return EXCLUDED
    return None


def violation(code: str, path: str, line: int, column: int, message: str) -> Violation:
    """Build a violation of a TDD rule, its id looked up from the code.

    Example:
        >>> violation("CON204", "t.py", 3, 1, "asserts nothing").rule
        'test-without-assertion'
    """
    rule = next(rule for rule in RULES if rule.code == code)
    return Violation(path, line, column, code, rule.id, message)
