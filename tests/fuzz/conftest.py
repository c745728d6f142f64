"""Hypothesis profiles: a few examples in ``make test``, many in ``make fuzz``."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Reason: every example runs the command line on a fresh tree (git included), so a
# per-example deadline would only measure the machine's load.
settings.register_profile(
    "bounded",
    max_examples=15,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
settings.register_profile(
    "fuzz", parent=settings.get_profile("bounded"), max_examples=1000
)
settings.load_profile(os.environ.get("CONSTITUTION_FUZZ", "bounded"))
