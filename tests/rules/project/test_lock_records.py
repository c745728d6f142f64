"""Requirements read from pyproject.toml and uv.lock into comparable records."""

from __future__ import annotations

import pytest
from packaging.markers import Marker

from constitution_hooks.rules.project.lock_records import (
    Record,
    declared,
    from_lock,
    from_text,
    invalid,
    markers_agree,
    recorded,
)


@pytest.mark.parametrize(
    ("text", "entry", "same"),
    [
        ("Foo_Bar>=1,<2", {"name": "foo-bar", "specifier": "<2,>=1"}, True),
        ("foo>=1", {"name": "foo", "specifier": ">=2"}, False),
        ("foo[A]", {"name": "foo", "extras": ["a"]}, True),
        ("foo[a]", {"name": "foo"}, False),
        ("foo==1", {"name": "foo", "directory": "libs/foo"}, True),
        ("foo==1", {"name": "foo"}, False),
        (
            "foo; python_version < '3.13'",
            {"name": "foo", "marker": "python_full_version < '3.13'"},
            True,
        ),
        (
            "foo; python_version <= '3.11'",
            {"name": "foo", "marker": "python_full_version < '3.12'"},
            True,
        ),
        ("foo; sys_platform == 'win32'", {"name": "foo"}, False),
        ("bar", {"name": "foo"}, False),
    ],
)
def test_same_pyproject_and_lock_forms_compared(
    text: str, entry: dict[str, object], same: bool
) -> None:
    assert from_text(text).same(from_lock(entry)) is same


def test_from_text_extra_joins_marker() -> None:
    record = from_text("click>=8; sys_platform == 'linux'", "CLI")
    lock = from_lock(
        {
            "name": "click",
            "marker": "sys_platform == 'linux' and extra == 'cli'",
            "specifier": ">=8",
        }
    )
    assert record.same(lock)


def test_from_lock_nameless_or_bad_marker_raises() -> None:
    with pytest.raises(ValueError):
        from_lock({"specifier": ">=1"})
    with pytest.raises(ValueError):
        from_lock({"name": "a", "marker": "nonsense here"})


def test_from_lock_text_shows_extras_specifier_marker() -> None:
    record = from_lock(
        {"name": "a", "extras": ["x"], "specifier": ">=1", "marker": "os_name == 'nt'"}
    )
    assert record.text == 'a[x]>=1; os_name == "nt"'
    assert isinstance(record, Record)


def test_markers_agree_different_platforms_disagree() -> None:
    assert not markers_agree(Marker("os_name == 'nt'"), None)
    assert markers_agree(None, None)


def test_declared_groups_normalised_includes_expanded_legacy_dev_merged() -> None:
    document = {
        "project": {
            "dependencies": ["a==1"],
            "optional-dependencies": {"cli": ["click"]},
        },
        "dependency-groups": {
            "Dev_Tools": [
                "b",
                {"include-group": "lint"},
                {"include-group": "Dev_Tools"},
            ],
            "lint": ["ruff"],
        },
        "tool": {"uv": {"dev-dependencies": ["c"]}},
    }
    assert declared(document) == {
        "": [("a==1", ""), ("click", "cli")],
        "dev-tools": [("b", ""), ("ruff", "")],
        "lint": [("ruff", "")],
        "dev": [("c", "")],
    }


def test_recorded_workspace_member_found_by_source_path() -> None:
    lock = {
        "package": [
            {"name": "x", "source": {"registry": "r"}},
            {
                "name": "app",
                "source": {"editable": "backend"},
                "metadata": {"requires-dev": {"Dev": [{"name": "pytest"}]}},
            },
        ]
    }
    assert recorded(lock, "backend") == {"": [], "dev": [{"name": "pytest"}]}
    assert recorded(lock, ".") is None


def test_recorded_virtual_root_reads_manifest_groups() -> None:
    lock = {"manifest": {"dependency-groups": {"dev": [{"name": "typer"}]}}}
    assert recorded(lock, ".") == {"": [], "dev": [{"name": "typer"}]}


def test_invalid_reason_given() -> None:
    assert invalid("a>=1") is None
    assert invalid("a @") is not None
