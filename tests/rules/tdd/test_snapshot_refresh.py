"""A snapshot replayed through a history: what it keeps between commits is right."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from constitution_hooks.core.config import Settings
from constitution_hooks.rules.tdd.evidence import Snapshot
from constitution_hooks.rules.tdd.settings import TddSettings

BLOBS = {
    "empty": "",
    "init-def": "def make():\n    return 1\n",
    "a": "def f():\n    return 1\n",
    "b": "def g():\n    return 2\n",
    "client-parse": "from pkg._parse import split\nclass Client: ...\n",
    "client-other": "from pkg._other import join\nclass Client: ...\n",
    "parse": "def split(x):\n    return x\n",
    "other": "def join(x):\n    return x\n",
    "test-a": "from pkg.a import f\n",
    "test-b": "from pkg.b import g\n",
    "test-client": "from pkg._client import Client\n",
}


@pytest.fixture
def cfg(settings: Callable[..., Settings]) -> TddSettings:
    return TddSettings.from_settings(settings("tdd-pairing"), ())


def snapshot(state: dict[str, str], cfg: TddSettings) -> Snapshot:
    return Snapshot(state, lambda key: BLOBS[key].encode(), cfg)


def test_refreshed_init_gaining_a_function_becomes_a_module(cfg: TddSettings) -> None:
    state = {"pkg/__init__.py": "empty", "pkg/a.py": "a"}
    snap = snapshot(state, cfg)
    assert snap.modules() == ["pkg/a.py"]
    state["pkg/__init__.py"] = "init-def"
    assert snap.refreshed().modules() == ["pkg/__init__.py", "pkg/a.py"]


def test_refreshed_test_importing_another_module_reaches_it(cfg: TddSettings) -> None:
    state = {
        "pkg/__init__.py": "empty",
        "pkg/a.py": "a",
        "pkg/b.py": "b",
        "tests/test_x.py": "test-a",
    }
    snap = snapshot(state, cfg)
    assert {path for path, _ in snap.reach("tests/test_x.py")} == {"pkg/a.py"}
    state["tests/test_x.py"] = "test-b"
    snap = snap.refreshed()
    assert {path for path, _ in snap.reach("tests/test_x.py")} == {"pkg/b.py"}
    assert "pkg/a.py" not in snap.reached


def test_refreshed_module_importing_another_private_module_reaches_it(
    cfg: TddSettings,
) -> None:
    state = {
        "pkg/__init__.py": "empty",
        "pkg/_client.py": "client-parse",
        "pkg/_parse.py": "parse",
        "pkg/_other.py": "other",
        "tests/test_x.py": "test-client",
    }
    snap = snapshot(state, cfg)
    assert "pkg/_parse.py" in snap.reached
    state["pkg/_client.py"] = "client-other"
    snap = snap.refreshed()
    assert "pkg/_other.py" in snap.reached
    assert "pkg/_parse.py" not in snap.reached
