"""A pytest plugin for the coverage gate's own run: one coverage context per test.

The gate copies this file into its temporary folder and loads it with
``PYTEST_PLUGINS`` (the project's files and configuration are not touched). While
a test runs, coverage records under the context ``<node id>|run``, the label
pytest-cov's ``--cov-context=test`` writes, so ``tdd-pairing`` sees which test ran
which module. It stays out of the way when the project records contexts itself
(``[run] dynamic_context``, or ``--cov-context``) or coverage is not measuring.
Self-contained: it imports only pytest and coverage, in the project's environment.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


def active_coverage(item: Any) -> Any:
    """The coverage measurement to label, or None when it is not ours to label.

    Example:
        >>> from types import SimpleNamespace as NS
        >>> item = NS(config=NS(getoption=lambda name, default: "test"))
        >>> active_coverage(item) is None  # pytest-cov's --cov-context labels it
        True
    """
    try:
        import coverage
    except ImportError:
        return None
    cov = coverage.Coverage.current()
    if cov is None or cov.config.dynamic_context:
        return None
    if item is not None and item.config.getoption("cov_context", None):
        return None
    core = getattr(cov, "_core", None)
    # Reason: coverage's sys.monitoring core cannot record dynamic contexts and
    # warns when asked to; its data then simply holds no contexts.
    if not getattr(core, "supports_dynamic_contexts", True):
        return None
    return cov


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Record the lines the test's body runs under its own context.

    Example:
        >>> from types import SimpleNamespace as NS
        >>> item = NS(config=NS(getoption=lambda name, default: "test"))
        >>> hook = pytest_runtest_call(item)
        >>> next(hook)  # the test runs here; pytest-cov labels this one itself
        >>> next(hook, "finished")
        'finished'
    """
    cov = active_coverage(item)
    if cov is None:
        yield
        return
    cov.switch_context(f"{item.nodeid}|run")
    try:
        yield
    finally:
        cov.switch_context("")
