"""The documentation family: CON501 examples, CON502 reasons, CON503 package READMEs.

"Public APIs must have Google-style docstrings with examples. Complex logic requires
inline comments with `# Reason:` prefix. README.md mandatory for each module with
setup instructions and examples." The checks live in ``examples``, ``complexity``
and ``readme``; the wrappers below import them on first use, so a hook that only
reads this registry (commit-msg) never imports ``ast``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from constitution_hooks.core.options import Section, boolean, exempt_list, positive_int
from constitution_hooks.core.registry import Rule

if TYPE_CHECKING:
    from constitution_hooks.core.config import Settings
    from constitution_hooks.core.source import SourceFile
    from constitution_hooks.core.violation import Finding

SECTION = Section(
    "docs",
    (
        boolean(
            "methods",
            False,
            "CON501 also judges the public methods of public classes",
        ),
        positive_int(
            "max-complexity",
            10,
            "CON502: most McCabe complexity (as ruff C901) without a # Reason:",
        ),
        positive_int(
            "readme-depth",
            1,
            "CON503: packages at most this deep (src/app is 1) need a README.md",
        ),
        exempt_list(
            "exempt",
            "files (globs from the project root) none of CON501-CON503 judges,"
            " each with its written reason",
        ),
    ),
)


def exempted(display: str, settings: Settings) -> bool:
    """Whether a file matches an ``exempt`` glob of the docs table.

    Example:
        >>> from constitution_hooks.core.config import Settings
        >>> s = Settings({"exempt": [{"path": "scripts/*", "reason": "not an API"}]})
        >>> exempted("scripts/bench.py", s), exempted("src/app.py", s)
        (True, False)
    """
    entries = settings.raw("exempt")
    if not entries:
        return False
    import fnmatch

    path = display.replace("\\", "/").removeprefix("./")
    return any(
        fnmatch.fnmatchcase(path, entry["path"].lstrip("/")) for entry in entries
    )


def _check_examples(source: SourceFile, settings: Settings) -> Iterator[Finding]:
    from constitution_hooks.rules.docs.examples import check_examples

    if exempted(source.display, settings):
        return iter(())
    return check_examples(source, settings)


def _check_complexity(source: SourceFile, settings: Settings) -> Iterator[Finding]:
    from constitution_hooks.rules.docs.complexity import check_complexity

    if exempted(source.display, settings):
        return iter(())
    return check_complexity(source, settings)


def _check_readme(source: SourceFile, settings: Settings) -> Iterator[Finding]:
    from constitution_hooks.rules.docs.readme import check_readme

    if exempted(source.display, settings):
        return iter(())
    return check_readme(source, settings)


def _readme_inputs(path: str) -> tuple[str, ...]:
    from constitution_hooks.rules.docs.readme import readme_inputs

    return readme_inputs(path)


_DOCS = "Public APIs must have Google-style docstrings with examples."
RULES: tuple[Rule, ...] = (
    Rule(
        code="CON501",
        id="public-api-without-example",
        hook="constitution",
        section=SECTION.name,
        summary=(
            "a public top-level function or class whose docstring has no"
            " `Example:`/`Examples:` section with at least one indented line"
        ),
        constitution=_DOCS,
        why=(
            "An example shows how an API is meant to be called faster than any"
            " description, and as a doctest it is checked. Public means: no leading"
            " underscore in the name or the module path, outside tests; when the"
            " module has a literal `__all__`, it decides. Exceptions, Protocols,"
            " TypedDicts, NamedTuples, Enums and `@overload` stubs are exempt. A"
            " missing docstring is ruff D101/D103's to report, so it is not reported"
            " here twice. Methods are judged only with `methods = true` (public"
            " methods of public classes; properties exempt)."
        ),
        example=(
            'def slugify(title: str) -> str:\n    """Turn a title into a URL'
            ' slug."""\n'
        ),
        fix=(
            'def slugify(title: str) -> str:\n    """Turn a title into a URL'
            ' slug.\n\n    Example:\n        >>> slugify("Hello World")\n'
            '        \'hello-world\'\n    """\n'
        ),
        default="on; methods off",
        hint=(
            "add an 'Example:' section with an indented doctest to the docstring, or"
            " make the name private"
        ),
        check=_check_examples,
    ),
    Rule(
        code="CON502",
        id="complex-logic-without-reason",
        hook="constitution",
        section=SECTION.name,
        summary=(
            "a function whose McCabe complexity (counted as ruff's C901) exceeds the"
            " limit, with no `# Reason:` comment from its def line to its last line"
        ),
        constitution="Complex logic requires inline comments with `# Reason:` prefix.",
        why=(
            "Branchy code is where a reader needs the why; a `# Reason:` comment"
            " records it where the logic is. Complexity is one plus each `if`/`elif`,"
            " loop, `except`, `try` with `else`, `match` case (an unguarded catch-all"
            " last case excluded) and nested function; boolean operators and"
            " comprehensions add nothing, exactly as ruff's C901 counts, so the"
            " numbers agree with `ruff check --select C901`."
        ),
        example=(
            "def route(event):  # complexity 12\n    if event.kind == 'a':\n"
            "        ...\n    elif event.kind == 'b':\n        ...\n"
        ),
        fix=(
            "def route(event):  # complexity 12\n    # Reason: one branch per event"
            " kind of the v2 wire protocol\n    if event.kind == 'a':\n        ...\n"
            "    elif event.kind == 'b':\n        ...\n"
        ),
        default="10 (as ruff's C901 default max-complexity)",
        hint="add a '# Reason: <why>' comment inside the function, or split it",
        check=_check_complexity,
    ),
    Rule(
        code="CON503",
        id="package-without-readme",
        hook="constitution",
        section=SECTION.name,
        summary=(
            "a package at most `readme-depth` levels below its source root without a"
            " README.md holding a setup/install heading and an example/usage heading"
        ),
        constitution=(
            "README.md mandatory for each module with setup instructions and"
            " examples."
        ),
        why=(
            "A package's README is where a newcomer learns how to set it up and use"
            " it. The depth counts folders with an `__init__.py` from the topmost one"
            " (`src/app` is depth 1, `src/app/api` depth 2); test packages are not"
            " judged. Judged once per run for each package whose `__init__.py` is"
            " checked, and reported at it; an `__init__.py` is never answered from"
            " the result cache, so editing the README re-judges the package."
        ),
        example="src/app/__init__.py   # and no src/app/README.md\n",
        fix=(
            "# src/app/README.md\n# app\n\n## Setup\n\n    uv sync\n\n## Usage\n\n"
            "    uv run app serve\n"
        ),
        default="depth 1 (the top-level packages)",
        hint=(
            "add README.md to the package folder with a '## Setup' (or Installation)"
            " and a '## Usage' (or Example) section"
        ),
        check=_check_readme,
        file_level=True,
        example_language="markdown",
        inputs=_readme_inputs,
    ),
)
