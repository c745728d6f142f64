"""Write docs/rules/<CODE>.md for every rule from the registry (``make docs``)."""

from __future__ import annotations

from pathlib import Path

from constitution_hooks.core.ruledoc import render_rule
from constitution_hooks.rules import RULES, SECTIONS

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"


def main() -> int:
    """Regenerate every rule page; return 0.

    Example:
        >>> callable(main)
        True
    """
    DOCS.mkdir(parents=True, exist_ok=True)
    for rule in RULES:
        (DOCS / f"{rule.code}.md").write_text(
            render_rule(rule, SECTIONS), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
