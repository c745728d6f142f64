"""Render a rule's documentation from the registry: docs pages and ``explain``."""

from __future__ import annotations

from collections.abc import Iterable

from constitution_hooks.core.options import Section, toml_repr
from constitution_hooks.core.registry import Rule


def render_rule(rule: Rule, sections: Iterable[Section]) -> str:
    """Render one rule as Markdown with ruff's headings.

    Args:
        rule: The rule to document.
        sections: Every config table, to list the rule's options.

    Returns:
        The page text: What it does / Why is this bad? / Example / Use instead /
        Options / The constitution says / How to justify an exception.

    Example:
        >>> r = Rule("CON9", "x", "h", "", "flags x", "Say so.", "why", "a", "b", "-")
        >>> render_rule(r, []).splitlines()[0]
        '# CON9 x'
    """
    fence = rule.example_language
    parts = [
        f"# {rule.code} {rule.id}\n",
        f"Hook: `{rule.hook}`. Default: {rule.default}.\n",
        f"## What it does\nFlags {rule.summary}.\n",
        f"## Why is this bad?\n{rule.why}\n",
        f"## Example\n```{fence}\n{rule.example.rstrip()}\n```\n",
        f"## Use instead\n```{fence}\n{rule.fix.rstrip()}\n```\n",
        f"## Options\n{_options(rule, sections)}\n",
        f"## The constitution says\n> {rule.constitution}\n",
    ]
    if rule.hint:
        parts.append(f"## How to fix or justify it\n{rule.hint}\n")
    if rule.is_file_rule:
        parts.append(f"## How to waive it\n{_waiver(rule)}\n")
    return "\n".join(parts)


def _waiver(rule: Rule) -> str:
    if rule.file_level:
        return (
            "For the whole file, with a written reason, before its first statement"
            f" (a module docstring may come first):\n\n```python\n"
            f"# constitution: ignore-file[{rule.code}] Reason: <why>\n```"
        )
    return (
        "With a written reason, on the line the violation is reported at (for a"
        " function or class its `def`/`class` line) or alone on the line above it;"
        f" the rule id `{rule.id}` works as well as the code:\n\n```python\n"
        f"# constitution: ignore[{rule.code}] Reason: <why>\n```\n\n"
        "`constitution waivers` lists every waiver with its reason."
    )


def _options(rule: Rule, sections: Iterable[Section]) -> str:
    section = next((s for s in sections if s.name == rule.section), None)
    if section is None:
        return "None."
    rows = [
        f"- `{option.key}` (default `{toml_repr(option.default)}`): {option.help}"
        for option in section.all_options()
    ]
    header = f"In `[tool.constitution.{section.name}]` of `pyproject.toml`:\n\n"
    return header + "\n".join(rows)
