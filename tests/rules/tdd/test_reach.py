"""Evidence through the code: a module run by the code a test reaches."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from constitution_hooks.core.config import Settings
from constitution_hooks.rules.tdd.evidence import Snapshot
from constitution_hooks.rules.tdd.reach import code_imports, reached_through_code
from constitution_hooks.rules.tdd.settings import TddSettings

TARGET = "pkg/target.py"
TEST = {
    "tests/test_core.py": "from pkg.core import run\n\n"
    "def test_run_x_y():\n    assert run()\n"
}
HELPER = "def helper():\n    return 1\n"
ROUTE = (
    "from fastapi import APIRouter\nrouter = APIRouter()\n\n"
    "@router.get('/health')\ndef health():\n    return 1\n"
)


@pytest.fixture
def cfg(settings: Callable[..., Settings]) -> TddSettings:
    return TddSettings.from_settings(settings("tdd-pairing"), ())


def snapshot(files: dict[str, str], cfg: TddSettings) -> Snapshot:
    return Snapshot(
        {path: path for path in files}, lambda key: files[key].encode(), cfg
    )


def through(extra: dict[str, str], cfg: TddSettings) -> tuple[str, ...]:
    files = {"pkg/__init__.py": "", TARGET: HELPER, **TEST, **extra}
    return reached_through_code(TARGET, snapshot(files, cfg))


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        # Imported at the top level of a module the test reaches: run with it.
        (
            {"pkg/core.py": "from pkg.target import h\ndef run():\n    h()\n"},
            ("tests/test_core.py",),
        ),
        # Transitively, one reached module importing the next.
        (
            {
                "pkg/core.py": "from . import mid\ndef run():\n    mid.go()\n",
                "pkg/mid.py": "from .target import helper\ndef go():\n    helper()\n",
            },
            ("tests/test_core.py",),
        ),
        # At the head of a function body: runs whenever the function does.
        (
            {"pkg/core.py": 'def run():\n    """Run."""\n    from .target import h\n'},
            ("tests/test_core.py",),
        ),
        # At the head of a method, the import continued over lines.
        (
            {
                "pkg/core.py": "class C:\n    def run(self):\n"
                "        from .target import (\n            helper,\n        )\n"
            },
            ("tests/test_core.py",),
        ),
        # After an early return: a path the tests may never take.
        (
            {
                "pkg/core.py": "def run():\n    return complete()\n"
                "def complete(flag=None):\n    if not flag:\n        return 1\n"
                "    from .target import helper\n    return helper()\n"
            },
            (),
        ),
        # Under a top-level condition (a platform): not run by every test run.
        (
            {
                "pkg/core.py": "import sys\nif sys.platform == 'win32':\n"
                "    from .target import helper\ndef run():\n    return 1\n"
            },
            (),
        ),
        # In the body of a top-level try: run (an ImportError aside).
        (
            {
                "pkg/core.py": "try:\n    from .target import helper\n"
                "except ImportError:\n    helper = None\ndef run():\n    return 1\n"
            },
            ("tests/test_core.py",),
        ),
        # In its except: a fallback the tests do not take.
        (
            {
                "pkg/core.py": "try:\n    from json import loads\n"
                "except ImportError:\n    from .target import loads\n"
                "def run():\n    return 1\n"
            },
            (),
        ),
        # Anywhere in a function that reached code imports by name.
        (
            {
                "pkg/core.py": "from .select import pick\ndef run():\n    pick()\n",
                "pkg/select.py": "def pick(kind='a'):\n    if kind == 'a':\n"
                "        from .target import helper\n        return helper()\n",
            },
            ("tests/test_core.py",),
        ),
        # A function nobody names is not followed into its branches.
        (
            {
                "pkg/core.py": "from .select import other\ndef run():\n    other()\n",
                "pkg/select.py": "def other():\n    return 0\n"
                "def pick(kind='a'):\n    if kind == 'a':\n"
                "        from .target import helper\n        return helper()\n",
            },
            (),
        ),
        # Only gathered by the package __init__: no code of a test runs it.
        (
            {
                "pkg/__init__.py": "from .core import run\nfrom .target import h\n",
                "pkg/core.py": "def run():\n    return 1\n",
            },
            (),
        ),
        # Nothing imports it.
        ({"pkg/core.py": "def run():\n    return 1\n"}, ()),
    ],
)
def test_reached_through_code_each_path_expected_tests(
    code: dict[str, str], expected: tuple[str, ...], cfg: TddSettings
) -> None:
    assert through(code, cfg) == expected


def test_reached_through_code_test_naming_a_package_function_follows_its_body(
    cfg: TddSettings,
) -> None:
    init = "def run(kind='a'):\n    if kind:\n        from .target import h\n"
    test = {"tests/test_core.py": "import pkg\n\ndef test_run_x_y():\n    pkg.run()\n"}
    assert through({"pkg/__init__.py": init, **test}, cfg) == ("tests/test_core.py",)


def test_reached_through_code_route_module_needs_its_routes_called(
    cfg: TddSettings,
) -> None:
    core = "from pkg import target\ndef run():\n    return target.router\n"
    assert through({"pkg/core.py": core, TARGET: ROUTE}, cfg) == ()


def test_reached_through_code_other_package_is_not_followed(cfg: TddSettings) -> None:
    files = {
        "pkg/__init__.py": "",
        "pkg/core.py": "from other.target import helper\ndef run():\n    helper()\n",
        "other/__init__.py": "",
        "other/target.py": HELPER,
        **TEST,
    }
    assert reached_through_code("other/target.py", snapshot(files, cfg)) == ()


def test_code_imports_unparsable_module_imports_nothing(cfg: TddSettings) -> None:
    snap = snapshot({"pkg/__init__.py": "", "pkg/bad.py": "def (:\n"}, cfg)
    imports = code_imports(snap.facts("pkg/bad.py"))
    assert (imports.heads, imports.functions) == (frozenset(), {})


def test_reached_through_code_route_called_by_a_test_runs_its_imports(
    cfg: TddSettings,
) -> None:
    route = "from pkg.target import helper\n" + ROUTE
    test = {
        "tests/test_api.py": "from fastapi.testclient import TestClient\n"
        "from pkg.app import app\nclient = TestClient(app)\n\n"
        "def test_health_x_y():\n    assert client.get('/health')\n",
    }
    app = "from fastapi import FastAPI\nfrom pkg import api\napp = FastAPI()\n"
    app += "app.include_router(api.router)\n"
    files = {"pkg/api.py": route, "pkg/app.py": app, **test}
    assert through(files, cfg) == ("tests/test_api.py",)


@pytest.mark.parametrize(
    ("init", "test", "expected"),
    [
        # A function the test calls runs the names it uses.
        ("from .target import helper\ndef run():\n    return helper()\n", "run", True),
        # ... but not the names another function uses.
        (
            "from .target import helper\ndef run():\n    return 1\n"
            "def other():\n    return helper()\n",
            "run",
            False,
        ),
        # A name bound under a condition may not exist when the tests run.
        (
            "import sys\nif sys.platform == 'win32':\n    from .target import helper\n"
            "def run():\n    if sys.platform == 'win32':\n        return helper()\n",
            "run",
            False,
        ),
        # A Python 2 implicit relative import names the sibling module.
        ("from target import helper\ndef run():\n    return helper()\n", "run", True),
    ],
)
def test_reached_through_code_called_function_runs_the_names_it_uses(
    init: str, test: str, expected: bool, cfg: TddSettings
) -> None:
    code = f"import pkg\n\ndef test_run_x_y():\n    assert pkg.{test}()\n"
    found = through({"pkg/__init__.py": init, "tests/test_core.py": code}, cfg)
    assert bool(found) is expected


def test_reached_through_code_stdlib_name_of_a_sibling_is_not_followed(
    cfg: TddSettings,
) -> None:
    files = {"pkg/core.py": "import logging\ndef run():\n    return 1\n"}
    files |= {"pkg/__init__.py": "", "pkg/logging.py": HELPER, **TEST}
    snap = snapshot(files, cfg)
    assert reached_through_code("pkg/logging.py", snap) == ()
