"""Where tests live: test roots, source roots, module names and the four layouts."""

from __future__ import annotations

import pytest

from constitution_hooks.rules.tdd import layout

ALL = layout.LAYOUTS


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("tests", True),
        ("test", True),
        ("pkgtests", True),
        ("testsuite", True),
        ("testing", False),
    ],
)
def test_is_test_dir_folder_names_match_convention(name: str, expected: bool) -> None:
    assert layout.is_test_dir(name) is expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("tests/test_config.py", "prefix"),
        ("tests/config_test.py", "suffix"),
        ("tests/conftest.py", None),
        ("src/pkg/config.py", None),
        ("tests/test_data.txt", None),
        ("pkg/tests.py", "module"),
        ("pkg/contests.py", None),
    ],
)
def test_naming_kind_file_names_classified(path: str, expected: str | None) -> None:
    assert layout.naming_kind(path) == expected


def test_in_test_root_configured_roots_replace_convention() -> None:
    assert layout.in_test_root("qa/test_a.py", ("qa",)) is True
    assert layout.in_test_root("tests/test_a.py", ("qa",)) is False


def test_in_test_root_default_any_test_folder_counts() -> None:
    assert layout.in_test_root("pkgtests/unit/test_a.py", ()) is True


def test_source_roots_src_present_returns_src() -> None:
    assert layout.source_roots(["src/pkg/a.py", "lib/b.py"], ()) == ("src",)


def test_source_roots_no_src_returns_top_level_packages() -> None:
    paths = ["pkg/__init__.py", "pkg/a.py", "tests/__init__.py", "setup.py"]
    assert layout.source_roots(paths, ()) == ("pkg",)


def test_source_roots_configured_trailing_slash_stripped() -> None:
    assert layout.source_roots([], ("lib/",)) == ("lib",)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("src/pkg/core/config.py", True),
        ("src/pkg/core/test_config.py", False),
        ("src/pkg/conftest.py", False),
        ("src/pkg/tests/helpers.py", False),
        ("scripts/tool.py", False),
        ("src/pkg/data.txt", False),
    ],
)
def test_is_module_path_source_files_only(path: str, expected: bool) -> None:
    assert layout.is_module_path(path, ("src",), ()) is expected


def test_dotted_name_src_layout_drops_root() -> None:
    assert layout.dotted_name("src/pkg/core/config.py", ("src",), set()) == (
        "pkg.core.config"
    )


def test_dotted_name_package_root_keeps_package_name() -> None:
    paths = {"pkg/__init__.py"}
    assert layout.dotted_name("pkg/core/__init__.py", ("pkg",), paths) == "pkg.core"


def test_dotted_name_outside_roots_uses_folders() -> None:
    assert layout.dotted_name("tests/core/test_a.py", ("src",), set()) == (
        "tests.core.test_a"
    )


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("src/pkg/_config.py", "config"),
        ("src/pkg/config.py", "config"),
        ("src/pkg/__init__.py", "pkg"),
        ("src/pkg/__main__.py", "main"),
    ],
)
def test_module_stem_private_and_dunder_names(path: str, expected: str) -> None:
    assert layout.module_stem(path) == expected


MODULE = "src/pkg/core/config.py"
DOTTED = "pkg.core.config"


@pytest.mark.parametrize(
    ("test", "expected"),
    [
        ("tests/core/test_config.py", {"mirrored"}),
        ("tests/pkg/core/test_config.py", {"mirrored"}),
        ("tests/unit/core/test_config.py", {"mirrored"}),
        ("tests/test_config.py", {"flat"}),
        ("tests/unit/test_config.py", {"flat"}),
        ("tests/config_test.py", {"suffix"}),
        ("src/pkg/core/test_config.py", {"adjacent"}),
        ("src/pkg/core/tests/test_config.py", {"adjacent"}),
        ("docs/test_config.py", set()),
    ],
)
def test_layouts_of_each_layout_recognised(test: str, expected: set[str]) -> None:
    assert layout.layouts_of(test, MODULE, DOTTED, ()) == expected


def test_layouts_of_top_package_module_flat_test_is_mirrored_too() -> None:
    found = layout.layouts_of(
        "tests/test_config.py", "src/pkg/config.py", "pkg.config", ()
    )
    assert found == {"flat", "mirrored"}


def test_candidates_layouts_narrowed_drops_other_layouts() -> None:
    tests = ["tests/test_config.py", "tests/core/test_config.py", "tests/test_other.py"]
    found = layout.candidates(MODULE, DOTTED, tests, (), ("mirrored",))
    assert found == ["tests/core/test_config.py"]


def test_candidates_private_module_pairs_with_public_name() -> None:
    found = layout.candidates(
        "src/pkg/_config.py", "pkg._config", ["tests/test_config.py"], (), ALL
    )
    assert found == ["tests/test_config.py"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("tests/test_config.py", "config"),
        ("t/config_test.py", "config"),
        ("a.py", None),
    ],
)
def test_tested_name_prefix_and_suffix_names(path: str, expected: str | None) -> None:
    assert layout.tested_name(path) == expected
