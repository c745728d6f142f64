"""Which of the map's enforcers a project really runs, from its own config files.

Read: the hooks of ``.pre-commit-config.yaml`` (by id, or for local hooks by the
command they run), ruff's selection (``ruff.toml``, ``.ruff.toml`` or
``[tool.ruff]``), ``[tool.mypy] strict``, ``[tool.bandit] skips`` and ``[tool.uv]
add-bounds``. A clause whose peer hook is missing, or whose ruff code is not
selected, is not enforced there.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from constitution_hooks.commands.init.gates import kind_of
from constitution_hooks.commands.init.precommit_config import present
from constitution_hooks.commands.init.pyproject_table import lookup, parse, strings
from constitution_hooks.commands.init.tables import covers
from constitution_hooks.commands.init.writes import read
from constitution_hooks.commands.init.yaml_edit import compose
from constitution_hooks.constitution_map import Enforcer
from constitution_hooks.core.registry import Rule

# Reason: ruff's own default when a project selects nothing.
RUFF_DEFAULT = ("E4", "E7", "E9", "F")


class Setup(NamedTuple):
    """What a project's config turns on.

    Example:
        >>> setup = Setup(frozenset({"mypy"}), frozenset(), (), (), True, (), "")
        >>> setup.mypy_strict
        True
    """

    kinds: frozenset[str]
    ids: frozenset[str]
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    mypy_strict: bool
    bandit_skips: tuple[str, ...]
    add_bounds: str


def read_setup(root: Path) -> Setup:
    """Read a project's hooks and tool tables.

    Raises:
        UsageError: A config file cannot be read or does not parse.

    Example:
        >>> read_setup(Path("/nonexistent")).select
        ('E4', 'E7', 'E9', 'F')
    """
    hooks = present(compose(read(root / ".pre-commit-config.yaml") or "", "config"))
    document = parse(read(root / "pyproject.toml") or "")
    ruff = _ruff_table(root, document)
    found = ruff.get("lint")
    lint: dict[str, Any] = found if isinstance(found, dict) else {}
    select = _codes(lint, ruff, "select") or RUFF_DEFAULT
    return Setup(
        kinds=frozenset(filter(None, (kind_of(hook) for hook in hooks))),
        ids=frozenset(hook.id for hook in hooks),
        select=(*select, *_codes(lint, ruff, "extend-select")),
        ignore=(*_codes(lint, ruff, "ignore"), *_codes(lint, ruff, "extend-ignore")),
        mypy_strict=lookup(document, "tool.mypy.strict") is True
        or any("--strict" in hook.entry for hook in hooks if kind_of(hook) == "mypy"),
        bandit_skips=strings(lookup(document, "tool.bandit.skips")),
        add_bounds=str(lookup(document, "tool.uv.add-bounds") or ""),
    )


def _ruff_table(root: Path, document: dict[str, Any]) -> dict[str, Any]:
    for name in ("ruff.toml", ".ruff.toml"):
        text = read(root / name)
        if text is not None:
            return parse(text)
    table = lookup(document, "tool.ruff")
    return table if isinstance(table, dict) else {}


def _codes(lint: dict[str, Any], ruff: dict[str, Any], key: str) -> tuple[str, ...]:
    return strings(lint.get(key, ruff.get(key)))


def selected(setup: Setup, code: str) -> bool:
    """Whether ruff runs ``code``: the most specific selector wins, ignore on a tie.

    Example:
        >>> setup = Setup(frozenset(), frozenset(), ("E",), ("E7",), False, (), "")
        >>> selected(setup, "E501"), selected(setup, "E722")
        (True, False)
    """

    def best(selectors: Iterable[str]) -> int:
        lengths = [0 if s == "ALL" else len(s) for s in selectors if covers(s, code)]
        return max(lengths, default=-1)

    return best(setup.select) > best(setup.ignore)


def active(enforcer: Enforcer, setup: Setup, rules: Iterable[Rule]) -> str:
    """Why ``enforcer`` does not run in the project, or ``""`` when it does.

    Example:
        >>> setup = Setup(frozenset({"black"}), frozenset(), (), (), False, (), "")
        >>> active(Enforcer("black", "black"), setup, []), active(
        ...     Enforcer("mypy", "--strict"), setup, [])
        ('', 'no mypy hook')
    """
    tool, rule = enforcer
    if tool == "constitution":
        return _ours(rule, setup, rules)
    peer = {"ruff": "ruff-check", "pre-commit": rule, "uv": ""}.get(tool, tool)
    if (
        peer
        and peer not in setup.kinds
        and not (tool == "black" and "ruff-format" in setup.kinds)
    ):
        return f"no {peer} hook"
    if tool == "ruff" and not selected(setup, rule):
        return f"ruff does not select {rule}"
    if tool == "mypy" and not setup.mypy_strict:
        return "mypy is not strict"
    if tool == "bandit" and rule in setup.bandit_skips:
        return f"bandit skips {rule}"
    if tool == "uv" and setup.add_bounds != "exact":
        return 'no [tool.uv] add-bounds = "exact"'
    return ""


def _ours(code: str, setup: Setup, rules: Iterable[Rule]) -> str:
    rule = next((r for r in rules if r.code == code), None)
    if rule is None:
        return "planned: not released yet"
    if rule.hook in setup.ids or (rule.is_file_rule and "constitution" in setup.ids):
        return ""
    return f"no {rule.hook} hook"
