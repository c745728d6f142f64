"""CON201-CON210: the tdd-pairing table resolved into settings, and the rules."""

from __future__ import annotations

import fnmatch
from functools import cache
from typing import NamedTuple

from constitution_hooks.core.config import Settings
from constitution_hooks.core.files import BUILTIN_EXCLUDES, is_excluded
from constitution_hooks.core.registry import Rule
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


def _rule(code: str) -> Rule:
    return next(rule for rule in RULES if rule.code == code)


# Reason: each TDD check names its rule and builds its violations with Rule.at,
# the one place a finding becomes a violation.
MISSING_TEST = _rule("CON201")
NAMED_UNVERIFIED = _rule("CON202")
UNTESTED_SYMBOL = _rule("CON203")
NO_ASSERTION = _rule("CON204")
BAD_TEST_NAME = _rule("CON205")
BEFORE_TEST = _rule("CON206")
NO_TEST_CHANGE = _rule("CON207")
UNTESTED_ROUTE = _rule("CON210")
