"""Pairing modules with tests: CON201, CON202, CON203 and CON207."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from constitution_hooks.core.config import Settings
from constitution_hooks.rules.tdd.pairing import (
    Pairing,
    Snapshot,
    check_pairing,
    check_test_changes,
    pair,
)
from constitution_hooks.rules.tdd.settings import TddSettings

MODULE = "src/pkg/core/config.py"
MODULE_TEXT = "def load():\n    return 1\n"
TEST_TEXT = (
    "from pkg.core.config import load\n\ndef test_load_x_y():\n    assert load()\n"
)


@pytest.fixture
def cfg(settings: Callable[..., Settings]) -> TddSettings:
    return TddSettings.from_settings(settings("tdd-pairing"), ())


def snapshot(files: dict[str, str], cfg: TddSettings) -> Snapshot:
    return Snapshot(
        {path: path for path in files}, lambda key: files[key].encode(), cfg
    )


def codes(
    files: dict[str, str], cfg: TddSettings, modules: list[str] | None = None
) -> list[tuple[str, str]]:
    snap = snapshot(files, cfg)
    found = check_pairing(snap.modules() if modules is None else modules, snap)
    return [(v.code, v.path) for v in found]


@pytest.mark.parametrize(
    "test_path",
    [
        "tests/core/test_config.py",
        "tests/pkg/core/test_config.py",
        "tests/unit/core/test_config.py",
        "tests/test_config.py",
        "tests/config_test.py",
        "src/pkg/core/test_config.py",
        "src/pkg/core/tests/test_config.py",
    ],
)
def test_check_pairing_each_layout_with_import_is_clean(
    test_path: str, cfg: TddSettings
) -> None:
    assert codes({MODULE: MODULE_TEXT, test_path: TEST_TEXT}, cfg) == []


def test_check_pairing_no_test_reports_con201_at_module(cfg: TddSettings) -> None:
    assert codes({MODULE: MODULE_TEXT}, cfg) == [("CON201", MODULE)]


def test_check_pairing_con201_message_names_expected_test(cfg: TddSettings) -> None:
    snap = snapshot({MODULE: MODULE_TEXT}, cfg)
    [found] = check_pairing([MODULE], snap)
    assert "tests/core/test_config.py" in found.message
    assert "pkg.core.config" in found.message
    assert (found.line, found.column) == (1, 1)


def test_check_pairing_named_test_without_import_reports_con202_at_test(
    cfg: TddSettings,
) -> None:
    files = {
        MODULE: MODULE_TEXT,
        "tests/test_config.py": "def test_a_b_c():\n    assert 1\n",
    }
    assert codes(files, cfg) == [("CON202", "tests/test_config.py")]


def test_check_pairing_same_name_in_two_packages_each_paired_by_import(
    cfg: TddSettings,
) -> None:
    files = {
        "src/a/config.py": MODULE_TEXT,
        "src/b/config.py": MODULE_TEXT,
        "tests/a/test_config.py": "from a.config import load\nload()\n",
        "tests/b/test_config.py": "from b import config\nconfig.load()\n",
    }
    assert codes(files, cfg) == []


def test_check_pairing_collision_untested_same_named_module_gets_con201_not_con202(
    cfg: TddSettings,
) -> None:
    files = {
        "src/a/config.py": MODULE_TEXT,
        "src/b/config.py": MODULE_TEXT,
        "tests/a/test_config.py": "from a.config import load\nload()\n",
    }
    assert codes(files, cfg) == [("CON201", "src/b/config.py")]


def test_check_pairing_untracked_test_absent_from_snapshot_reports_con201(
    cfg: TddSettings,
) -> None:
    named = cfg._replace(match="name")
    assert codes({MODULE: MODULE_TEXT, "tests/helpers.py": TEST_TEXT}, named) == [
        ("CON201", MODULE)
    ]


def test_check_pairing_layouts_narrowed_rejects_flat(cfg: TddSettings) -> None:
    strict = cfg._replace(layouts=("mirrored",), match="name")
    files = {MODULE: MODULE_TEXT, "tests/test_config.py": TEST_TEXT}
    assert codes(files, strict) == [("CON201", MODULE)]


def test_check_pairing_match_import_accepts_feature_named_test(
    cfg: TddSettings,
) -> None:
    loose = cfg._replace(match="import")
    files = {MODULE: MODULE_TEXT, "tests/test_checkout_flow.py": TEST_TEXT}
    assert codes(files, loose) == []


def test_check_pairing_match_name_rejects_feature_named_test(cfg: TddSettings) -> None:
    files = {MODULE: MODULE_TEXT, "tests/test_checkout_flow.py": TEST_TEXT}
    assert codes(files, cfg._replace(match="name")) == [("CON201", MODULE)]


def test_check_pairing_evidence_accepts_feature_named_test(cfg: TddSettings) -> None:
    files = {MODULE: MODULE_TEXT, "tests/test_checkout_flow.py": TEST_TEXT}
    assert codes(files, cfg) == []


def test_check_pairing_exempt_module_skipped(cfg: TddSettings) -> None:
    exempt = cfg._replace(exempt=(("src/pkg/core/**", "generated"),))
    assert codes({MODULE: MODULE_TEXT}, exempt) == []


def test_check_pairing_globally_excluded_module_skipped(cfg: TddSettings) -> None:
    excluded = cfg._replace(exclude=("src/pkg/core/*",))
    assert codes({MODULE: MODULE_TEXT}, excluded) == []


def test_check_pairing_unparsable_module_left_to_con001(cfg: TddSettings) -> None:
    assert codes({MODULE: "def (:\n"}, cfg) == []


def test_check_pairing_untested_public_function_reports_con203_at_def(
    cfg: TddSettings,
) -> None:
    files = {
        MODULE: MODULE_TEXT + "\n\ndef save():\n    return 2\n",
        "tests/test_config.py": TEST_TEXT,
    }
    snap = snapshot(files, cfg._replace(untested_symbols=True))
    [found] = check_pairing([MODULE], snap)
    assert (found.code, found.path, found.line) == ("CON203", MODULE, 5)
    assert "'save'" in found.message


def test_check_pairing_symbol_named_by_attribute_counts(cfg: TddSettings) -> None:
    test = "import pkg.core.config as c\ndef test_a_b_c():\n    assert c.load(c.save)\n"
    files = {MODULE: MODULE_TEXT + "def save(): ...\n", "tests/test_config.py": test}
    assert codes(files, cfg) == []


def test_check_pairing_untested_symbol_off_is_clean(cfg: TddSettings) -> None:
    quiet = cfg._replace(untested_symbols=False)
    files = {
        MODULE: MODULE_TEXT + "def save(): ...\n",
        "tests/test_config.py": TEST_TEXT,
    }
    assert codes(files, quiet) == []


def test_modules_init_without_definitions_not_a_module(cfg: TddSettings) -> None:
    files = {
        "src/pkg/__init__.py": "from .a import b\n",
        "src/pkg/__main__.py": "main()\n",
    }
    assert snapshot(files, cfg).modules() == []


def test_modules_init_with_function_is_a_module(cfg: TddSettings) -> None:
    files = {"src/pkg/__init__.py": "def f(): ...\n", "tests/conftest.py": "x = 1\n"}
    assert snapshot(files, cfg).modules() == ["src/pkg/__init__.py"]


def test_modules_top_level_packages_without_src(cfg: TddSettings) -> None:
    files = {"app/__init__.py": "", "app/views.py": "x = 1\n", "setup.py": "x = 1\n"}
    assert snapshot(files, cfg).modules() == ["app/views.py"]


def test_check_test_changes_module_changed_without_test_change_reports_con207(
    cfg: TddSettings,
) -> None:
    snap = snapshot({MODULE: MODULE_TEXT, "tests/test_config.py": TEST_TEXT}, cfg)
    [found] = check_test_changes([MODULE], snap, changed=set())
    assert (found.code, found.path) == ("CON207", MODULE)
    assert "tests/test_config.py" in found.message


def test_check_test_changes_test_staged_too_is_clean(cfg: TddSettings) -> None:
    snap = snapshot({MODULE: MODULE_TEXT, "tests/test_config.py": TEST_TEXT}, cfg)
    assert check_test_changes([MODULE], snap, changed={"tests/test_config.py"}) == []


def test_check_test_changes_unpaired_module_left_to_con201(cfg: TddSettings) -> None:
    snap = snapshot({MODULE: MODULE_TEXT}, cfg)
    assert check_test_changes([MODULE], snap, changed=set()) == []


def test_pair_named_test_without_import_is_a_named_unverified(cfg: TddSettings) -> None:
    files = {MODULE: MODULE_TEXT, "tests/test_config.py": "x = 1\n", "t/x.py": ""}
    found = pair(MODULE, snapshot(files, cfg))
    assert found == Pairing(MODULE, (), ("tests/test_config.py",))


def test_check_pairing_unparsable_named_test_says_so(cfg: TddSettings) -> None:
    snap = snapshot({MODULE: MODULE_TEXT, "tests/test_config.py": "def (:\n"}, cfg)
    [found] = check_pairing([MODULE], snap)
    assert found.code == "CON202"
    assert "does not parse" in found.message


PRIVATE = {
    "pkg/__init__.py": "from ._client import Client\n",
    "pkg/_client.py": "class Client:\n    def get(self):\n        return 1\n",
}


@pytest.mark.parametrize(
    "test",
    [
        "import pkg\ndef test_a_b_c():\n    assert pkg.Client().get()\n",
        "from pkg import Client\n",
        "import pkg as p\np.Client\n",
    ],
)
def test_check_pairing_reexported_name_pairs_its_origin(
    test: str, cfg: TddSettings
) -> None:
    assert codes({**PRIVATE, "tests/test_client.py": test}, cfg) == []


def test_check_pairing_private_module_named_test_importing_package_pairs(
    cfg: TddSettings,
) -> None:
    files = {**PRIVATE, "pkg/_content.py": "def enc():\n    return 1\n"}
    files["tests/test_content.py"] = "import pkg\nassert pkg.Client\n"
    assert codes(files, cfg) == []


def test_check_pairing_named_test_importing_package_pairs(cfg: TddSettings) -> None:
    files = {**PRIVATE, "pkg/content.py": "def enc():\n    return 1\n"}
    files["tests/test_content.py"] = "import pkg\nassert pkg.Client\n"
    assert codes(files, cfg) == []


def test_check_pairing_named_test_importing_another_package_is_con202(
    cfg: TddSettings,
) -> None:
    files = {**PRIVATE, "pkg/content.py": "def enc():\n    return 1\n"}
    files["tests/test_content.py"] = "import other\nassert other.x\n"
    assert ("CON202", "tests/test_content.py") in codes(files, cfg)


def test_check_pairing_same_named_modules_need_import(cfg: TddSettings) -> None:
    files = {
        **PRIVATE,
        "pkg/a/__init__.py": "",
        "pkg/a/content.py": "def enc():\n    return 1\n",
        "pkg/b/__init__.py": "",
        "pkg/b/content.py": "def enc():\n    return 1\n",
        "tests/test_content.py": "import pkg\nassert pkg.Client\n",
    }
    found = codes(files, cfg)
    assert ("CON202", "tests/test_content.py") in found


def test_check_pairing_con202_not_reported_when_other_evidence_pairs(
    cfg: TddSettings,
) -> None:
    files = {
        MODULE: MODULE_TEXT,
        "tests/test_config.py": "def test_a_b_c():\n    assert 1\n",
        "tests/test_flow.py": TEST_TEXT,
    }
    assert codes(files, cfg) == []


def test_check_pairing_private_package_pairs_with_stripped_name(
    cfg: TddSettings,
) -> None:
    files = {
        "pkg/__init__.py": "",
        "pkg/_data/__init__.py": "def load():\n    return 1\n",
        "tests/test_data.py": "from pkg._data import load\n",
    }
    assert codes(files, cfg._replace(match="name")) == []


@pytest.mark.parametrize(
    "path",
    ["pkg/consts.py", "pkg/examples/demo.py", "pkg/gen_pb2.py"],
)
def test_check_pairing_default_exemptions_need_no_test(
    path: str, cfg: TddSettings
) -> None:
    text = {
        "pkg/consts.py": "X = 1\n",
        "pkg/examples/demo.py": "def f():\n    return 1\n",
        "pkg/gen_pb2.py": "# Generated by protoc.\ndef f():\n    return 1\n",
    }[path]
    assert codes({"pkg/__init__.py": "", path: text}, cfg) == []


def test_check_pairing_con201_hint_says_what_evidence_was_looked_for(
    cfg: TddSettings,
) -> None:
    [found] = check_pairing([MODULE], snapshot({MODULE: MODULE_TEXT}, cfg))
    assert "originates in it" in found.message
    assert "tests/core/test_config.py" in found.message


def test_check_pairing_mirrored_named_test_importing_package_pairs(
    cfg: TddSettings,
) -> None:
    files = {
        **PRIVATE,
        "pkg/dispatch/__init__.py": "",
        "pkg/dispatch/http2.py": "def send():\n    return 1\n",
        "tests/dispatch/test_http2.py": "import pkg\nassert pkg.Client\n",
    }
    assert codes(files, cfg) == []
