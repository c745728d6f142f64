"""CON706 changelog-format."""

from __future__ import annotations

import pytest

from constitution_hooks.rules.project.changelog import (
    Heading,
    check_changelog,
    headings,
)
from constitution_hooks.rules.project.settings import ContractSettings
from tests.rules.project.snapshots import project_files

GOOD = """\
# Changelog

All notable changes are documented here.

## [Unreleased]

### Added
- export to CSV

## [1.10.0] - 2026-11-30
### Changed
- faster start

## [1.9.1](https://example.invalid/compare/1.9.0...1.9.1) - 2026-10-01
### Fixed
- a crash

## [1.0.0-rc.1] - 2026-01-01 [YANKED]
### Security
- a fix

```markdown
## not a heading
### Neither
```

[unreleased]: https://example.invalid/compare/1.10.0...HEAD
"""


def _lines(text: str) -> list[int]:
    files = project_files({"CHANGELOG.md": text})
    return [f.line for f in check_changelog(files, ContractSettings())]


def test_check_changelog_keep_a_changelog_passes() -> None:
    assert _lines(GOOD) == []


@pytest.mark.parametrize(
    ("old", "new", "lines"),
    [
        ("# Changelog", "# Changes", [1]),
        ("# Changelog", "## Changelog", [1, 1, 1]),
        ("## [Unreleased]", "## Unreleased", [5, 5]),
        ("## [Unreleased]\n", "", [9]),
        ("### Added", "### New", [7]),
        ("### Changed", "### changed", []),
        ("[1.10.0] - 2026-11-30", "[1.10.0] - 30.11.2026", [10]),
        ("[1.10.0] - 2026-11-30", "[1.10.0] - 2026-02-30", [10]),
        ("[1.10.0] - 2026-11-30", "[1.10.0]", [10]),
        ("[1.10.0] - 2026-11-30", "[one] - 2026-11-30", [10]),
        ("[1.10.0] - 2026-11-30", "[1.9.0] - 2026-10-01", [14]),
        ("[1.10.0] - 2026-11-30", "[1.10.0] - 2026-09-30", [14]),
        ("[1.9.1](https", "[1.11.0b1](https", []),
    ],
)
def test_check_changelog_each_departure_reported_at_its_line(
    old: str, new: str, lines: list[int]
) -> None:
    edited = GOOD.replace(old, new, 1)
    assert edited != GOOD
    assert _lines(edited) == lines


def test_check_changelog_missing_reported_at_project_changelog() -> None:
    files = project_files(prefix="app/")
    (finding,) = check_changelog(files, ContractSettings())
    assert (finding.path, finding.line, finding.code) == (
        "app/CHANGELOG.md",
        1,
        "CON706",
    )


def test_check_changelog_empty_file_reported_twice() -> None:
    assert _lines("") == [1, 1]


def test_headings_fences_and_closing_hashes_handled() -> None:
    text = "# Title #\n~~~\n# not\n~~~\n####### seven\n## [Unreleased] ##\n"
    assert list(headings(text)) == [
        Heading(1, 1, "Title"),
        Heading(6, 2, "[Unreleased]"),
    ]
