"""The gate's per-test context plugin: when it labels coverage and when it does not."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import coverage
import pytest

from constitution_hooks.rules.coverage.pytest_contexts import active_coverage


def fake(dynamic: str | None, supports: bool = True) -> Any:
    core = SimpleNamespace(supports_dynamic_contexts=supports)
    return SimpleNamespace(config=SimpleNamespace(dynamic_context=dynamic), _core=core)


def item(cov_context: str | None) -> Any:
    options = {"cov_context": cov_context}
    return SimpleNamespace(config=SimpleNamespace(getoption=lambda k, d: options[k]))


@pytest.mark.parametrize(
    ("running", "cov_context", "labelled"),
    [
        (fake(None), None, True),
        (fake("test_function"), None, False),
        (fake(None), "test", False),
        (fake(None, supports=False), None, False),
        (None, None, False),
    ],
)
def test_active_coverage_labels_only_its_own_runs(
    running: Any,
    cov_context: str | None,
    labelled: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(coverage.Coverage, "current", staticmethod(lambda: running))
    found = active_coverage(item(cov_context))
    assert (found is running and running is not None) is labelled
