"""CON503: top-level packages need a README.md with setup and usage sections."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.core.config import Config, Settings
from constitution_hooks.core.runner import check_files
from constitution_hooks.core.source import SourceFile
from constitution_hooks.rules import RULES, SECTIONS
from constitution_hooks.rules.docs.readme import (
    check_readme,
    headings,
    missing_sections,
    readme_inputs,
)

Make = Callable[..., Settings]
Write = Callable[..., Path]
GOOD = "# app\n\n## Setup\n\n    uv sync\n\n## Usage\n\n    app run\n"


def _lines(path: Path, settings: Make, **options: object) -> list[str]:
    source = SourceFile(path, str(path))
    return [f.message for f in check_readme(source, settings("docs", **options))]


@pytest.mark.parametrize(
    ("readme", "missing"),
    [
        (GOOD, []),
        ("Title\n=====\n\nInstallation\n------------\n\nExamples\n--------\n", []),
        ("# app\n## Getting set up\n## Usage examples\n", []),
        ("# app\n## Install\n", ["example/usage"]),
        ("# app\n## Usage\n", ["setup/install"]),
        (
            "# app\n\nInstall it, then see the usage.\n",
            ["setup/install", "example/usage"],
        ),
        ("# app\n```\n## Setup\n## Usage\n```\n", ["setup/install", "example/usage"]),
        ("#Setup\n#Usage\n", ["setup/install", "example/usage"]),
    ],
)
def test_missing_sections_readme_judged(readme: str, missing: list[str]) -> None:
    assert missing_sections(readme) == missing


def test_check_readme_package_without_readme_fails_at_init(
    write: Write, settings: Make
) -> None:
    init = write("src/app/__init__.py")
    (finding,) = check_readme(SourceFile(init, "src/app/__init__.py"), settings("docs"))
    assert (finding.line, finding.column) == (1, 1)
    assert finding.message.startswith("package 'src/app' has no README.md")


def test_check_readme_complete_readme_passes(write: Write, settings: Make) -> None:
    write("src/app/README.md", GOOD)
    assert _lines(write("src/app/__init__.py"), settings) == []


def test_check_readme_incomplete_readme_names_missing_heading(
    write: Write, settings: Make
) -> None:
    write("src/app/README.md", "# app\n## Setup\n")
    (message,) = _lines(write("src/app/__init__.py"), settings)
    assert "has no example/usage heading" in message


def test_check_readme_subpackage_beyond_depth_passes(
    write: Write, settings: Make
) -> None:
    write("src/app/__init__.py")
    write("src/app/README.md", GOOD)
    assert _lines(write("src/app/api/__init__.py"), settings) == []


def test_check_readme_subpackage_within_depth_2_fails(
    write: Write, settings: Make
) -> None:
    write("src/app/__init__.py")
    init = write("src/app/api/__init__.py")
    assert len(_lines(init, settings, readme_depth=2)) == 1


@pytest.mark.parametrize(
    ("package", "depth", "judged"),
    [("a", 1, True), ("a/b", 2, True), ("a/b/c", 2, False), ("a/b/c", 3, True)],
)
def test_check_readme_depth_boundary(
    write: Write, settings: Make, package: str, depth: int, judged: bool
) -> None:
    for folder in ("a", "a/b", "a/b/c"):
        write(f"{folder}/__init__.py")
    init = write(f"{package}/__init__.py")
    assert len(_lines(init, settings, readme_depth=depth)) == int(judged)


@pytest.mark.parametrize("name", ["tests/__init__.py", "app/tests/__init__.py"])
def test_check_readme_test_package_not_judged(
    write: Write, settings: Make, name: str
) -> None:
    assert _lines(write(name), settings, readme_depth=2) == []


def test_check_readme_plain_module_not_judged(write: Write, settings: Make) -> None:
    assert _lines(write("app/core.py", "x = 1\n"), settings) == []


def test_readme_inputs_names_readme_and_parent_inits(write: Write) -> None:
    init = write("src/app/api/__init__.py")
    write("src/app/__init__.py")
    inputs = readme_inputs(str(init))
    app = init.parent.parent.resolve()
    assert inputs == (
        str(init.parent.resolve() / "README.md"),
        str(app / "__init__.py"),
        str(app.parent / "__init__.py"),
    )


def test_readme_inputs_plain_module_none() -> None:
    assert readme_inputs("app/core.py") == ()


def test_check_files_readme_edit_invalidates_cache(write: Write, project: Path) -> None:
    init = write("app/__init__.py")
    # Reason: an old mtime lets the cache answer by stat, were it allowed to.
    old = init.stat().st_mtime_ns - 3_600 * 10**9
    os.utime(init, ns=(old, old))
    config = Config(project, None, (), {s.name: _defaults(s.name) for s in SECTIONS})
    rules = [rule for rule in RULES if rule.code == "CON503"]

    def run() -> list[str]:
        found = check_files(["app/__init__.py"], config, rules, 1, True, known=RULES)
        return [v.code for v in found]

    assert [run(), run()] == [["CON503"], ["CON503"]]
    write("app/README.md", GOOD)
    assert run() == []
    assert init.is_file()


def _defaults(name: str) -> Settings:
    table = next(s for s in SECTIONS if s.name == name)
    return Settings({o.key: o.default for o in table.all_options()})


def test_headings_atx_and_setext_outside_fences() -> None:
    text = "# One #\n~~~\n# no\n~~~\nTwo\n===\n\n---\n   ### Three\n"
    assert headings(text) == ["One", "Two", "Three"]
