"""The commit-message table resolved once into a frozen, typed record."""

from __future__ import annotations

from typing import NamedTuple

from constitution_hooks.core.config import Settings


class CommitSettings(NamedTuple):
    """``[tool.constitution.commit-message]``, validated, lists as tuples.

    Every check reads its options from here by attribute, so mypy sees a
    mistyped key; the values are the config loader's (defaults filled in).

    Example:
        >>> from constitution_hooks.core.commit_text import DEFAULTS
        >>> record = CommitSettings.from_settings(Settings(DEFAULTS))
        >>> record.max_length, record.types[:2], record.require_scope
        (49, ('feat', 'fix'), False)
    """

    types: tuple[str, ...]
    max_length: int
    length_of: str
    scopes: tuple[str, ...]
    require_scope: bool
    allow_git_messages: bool
    ai_references: bool
    ai_patterns: tuple[str, ...]
    ai_builtin_patterns: bool
    ai_allow: tuple[str, ...]

    @classmethod
    def from_settings(cls, settings: Settings) -> CommitSettings:
        """Read the table's resolved values (validated by the config loader)."""
        raw = settings.record(cls)
        return raw._replace(
            types=tuple(raw.types),
            scopes=tuple(raw.scopes),
            ai_patterns=tuple(raw.ai_patterns),
            ai_allow=tuple(raw.ai_allow),
        )
