"""The pyproject tables init writes: ruff, mypy, bandit and uv.

Plain data. Each table is a dotted name and its keys as TOML text; ``pyproject_table``
adds the keys a project lacks and leaves every key it has.
"""

from __future__ import annotations

from typing import Any

from constitution_hooks.commands.init.gates import RUFF
from constitution_hooks.commands.init.pyproject_table import Table, strings, table

# Reason: the DOC rules are preview rules; with explicit-preview-rules only the
# codes named in full below are turned on, no other preview behaviour of a prefix.
PREVIEW = ("DOC102", "DOC201", "DOC202", "DOC402", "DOC403", "DOC501", "DOC502")
SELECTION: tuple[tuple[tuple[str, ...], str], ...] = (
    (("E", "W", "F", "I", "UP", "B", "SIM", "RUF"), "the usual baseline"),
    (("ANN",), "IV: all functions require type hints"),
    (("D",), "IV: Google-style docstrings on public APIs"),
    (PREVIEW, "Code Documentation: Args, Returns, Raises, Yields"),
    (("ERA",), "Quality Gates: no commented-out code"),
    (("E722", "BLE"), "Error Handling: never a bare or blind except"),
    (
        ("TRY002", "TRY004", "TRY201", "TRY203", "TRY300", "TRY301", "TRY400"),
        "Error Handling: custom exceptions, raised and logged right (not TRY003)",
    ),
    (("TRY401",), "Error Handling: log an exception once"),
    (("T20",), "VI: no print; log with structlog"),
    (("LOG", "G"), "VI: logging hygiene"),
    (("TID251",), "VI: structlog, not logging.getLogger or basicConfig"),
    (("ASYNC",), "III: async I/O without blocking calls"),
    (("FAST001", "FAST003"), "III: FastAPI (not FAST002: `= Depends()` is ours)"),
    (("PT",), "Testing: pytest style"),
    (("C90",), "I and IV: complexity (max-complexity below)"),
)
SELECTORS = tuple(code for group, _ in SELECTION for code in group)
FASTAPI_CALLS: tuple[str, ...] = ("Depends", "Query", "Path", "Body", "Header")
FASTAPI_CALLS += ("Cookie", "Form", "File", "Security")
TEST_GLOBS = ("tests/**", "**/test_*.py", "**/conftest.py")
BANDIT_TESTS = ("*/test_*.py", "test_*.py", "*_test.py", "*/conftest.py")


def covers(selector: str, code: str) -> bool:
    """Whether a ruff selector turns on ``code`` (or all of a code prefix).

    Ruff selects by linter prefix and then digits: ``E`` selects ``E722`` but not
    ``ERA001``, which belongs to another linter.

    Example:
        >>> covers("E", "E722"), covers("E", "ERA"), covers("ALL", "D")
        (True, False, True)
    """
    if selector in ("ALL", code):
        return True
    rest = code[len(selector) :]
    return code.startswith(selector) and rest[:1].isdigit()


def toml_list(items: tuple[str, ...]) -> str:
    """A one-line TOML array of strings.

    Example:
        >>> toml_list(("a", "b"))
        '["a", "b"]'
    """
    return "[" + ", ".join(f'"{item}"' for item in items) + "]"


def selection() -> str:
    """The commented, multi-line ``select`` array.

    Example:
        >>> selection().splitlines()[1:3]
        ['    # the usual baseline', '    "E", "W", "F", "I", "UP", "B", "SIM", "RUF",']
    """
    rows = [f"    # {why}\n    {toml_list(group)[1:-1]}," for group, why in SELECTION]
    return "\n".join(["[", *rows, "]"])


def ruff_tables(select: tuple[tuple[str, str], ...]) -> tuple[Table, ...]:
    """Ruff's tables; ``select`` holds the selection keys of ``[tool.ruff.lint]``.

    Example:
        >>> [t.name for t in ruff_tables(())][:2]
        ['tool.ruff.lint', 'tool.ruff.lint.pydocstyle']
    """
    note = f"constitution-hooks: the constitution's rules, checked against ruff {RUFF}"
    banned = (
        ('"logging.getLogger".msg', '"use structlog.get_logger()"'),
        ('"logging.basicConfig".msg', '"configure structlog instead"'),
    )
    calls = tuple(f"fastapi.{name}" for name in FASTAPI_CALLS)
    ignores = tuple((f'"{glob}"', '["D", "DOC"]') for glob in TEST_GLOBS)
    return (
        Table("tool.ruff.lint", select, note),
        Table("tool.ruff.lint.pydocstyle", (("convention", '"google"'),)),
        Table("tool.ruff.lint.mccabe", (("max-complexity", "10"),)),
        Table(
            "tool.ruff.lint.flake8-bugbear",
            (("extend-immutable-calls", toml_list(calls)),),
            "FastAPI's dependency injection is not a mutable default (B008)",
        ),
        Table("tool.ruff.lint.flake8-tidy-imports.banned-api", banned),
        Table("tool.ruff.lint.per-file-ignores", ignores, "tests need no docstrings"),
    )


def lint_keys(document: dict[str, Any]) -> tuple[tuple[tuple[str, str], ...], str]:
    """The selection keys to add to ``[tool.ruff.lint]``, and a line to add by hand.

    No selection yet: ours in full. A selection: ``extend-select`` with what it
    lacks (the preview DOC codes only when the project already runs preview);
    when ``extend-select`` is there already, the codes to add, for the user.

    Example:
        >>> keys, _ = lint_keys({"tool": {"ruff": {"lint": {"select": ["ALL"]}}}})
        >>> keys
        ()
    """
    lint, legacy = table(document, "tool.ruff.lint"), table(document, "tool.ruff")
    chosen = [
        code
        for found in (lint, legacy)
        for key in ("select", "extend-select")
        for code in strings(found.get(key))
    ]
    if not chosen:
        return FULL_SELECT, ""
    preview = bool(lint.get("preview", legacy.get("preview", False)))
    missing = tuple(
        code
        for code in SELECTORS
        if not any(covers(c, code) for c in chosen) and (preview or code not in PREVIEW)
    )
    if not missing:
        return (), ""
    if "extend-select" in lint:
        return (), f"add to [tool.ruff.lint] extend-select: {toml_list(missing)[1:-1]}"
    return (("extend-select", toml_list(missing)),), ""


FULL_SELECT = (
    ("preview", "true  # only for the DOC codes named below"),
    ("explicit-preview-rules", "true"),
    ("select", selection()),
)


def other_tables(python: str | None, files: tuple[str, ...]) -> tuple[Table, ...]:
    """The mypy, bandit and uv tables.

    Example:
        >>> other_tables("3.11", ("src",))[0].keys[1]
        ('python_version', '"3.11"')
    """
    mypy: tuple[tuple[str, str], ...] = (("strict", "true"),)
    mypy += (("python_version", f'"{python}"'),) if python else ()
    mypy += (("files", toml_list(files)),)
    return (
        Table("tool.mypy", mypy, "mypy --strict, run by `uv run --frozen mypy`"),
        Table(
            "tool.bandit.assert_used",
            (("skips", toml_list(BANDIT_TESTS)),),
            "pytest asserts are fine in tests (bandit B101)",
        ),
        Table("tool.uv", (("add-bounds", '"exact"'),), "`uv add x` pins x==version"),
    )
