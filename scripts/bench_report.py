"""`make bench`: the tables it prints and what the JSON records about the machine."""

from __future__ import annotations

import os
import platform
import time
from typing import Any


def _seconds(value: float) -> str:
    if value != value:
        return "n/a"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def _figure(value: float, unit: str) -> str:
    return "n/a" if value != value else f"{value:.2f} {unit}"


def render(rows: Any, found: Any) -> str:
    """The table of rows and the table of targets, as Markdown."""
    lines = [
        "| command | median | min-max | CPU median | peak MB | exit |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        if not row.times:
            lines.append(f"| {row.name} | {row.note} | | | | |")
            continue
        spread = f"{_seconds(min(row.times))}-{_seconds(max(row.times))}"
        codes = ",".join(sorted({str(code) for code in row.exit_codes}))
        lines.append(
            f"| {row.name} | {_seconds(row.median)} | {spread} |"
            f" {_seconds(row.cpu_median)} | {row.peak_mb:.0f} | {codes} |"
        )
    lines += [
        "",
        "| target | measured (wall) | CPU-time ratio | limit | met |",
        "|---|---|---|---|---|",
    ]
    for target in found:
        verdict = {True: "yes", False: "**MISSED**", None: "n/a"}[target.met]
        measured = _figure(target.measured, target.unit)
        cpu = _figure(target.cpu_ratio, "x")
        lines.append(
            f"| {target.name} | {measured} | {cpu} | {target.limit} {target.unit}"
            f" | {verdict} |"
        )
    return "\n".join(lines) + "\n"


def clean(record: dict[str, object]) -> dict[str, object]:
    """The record with every NaN replaced by None."""
    # Reason: JSON has no NaN; a figure that was not measured is null.
    return {
        key: None if isinstance(value, float) and value != value else value
        for key, value in record.items()
    }


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": len(os.sched_getaffinity(0)),
        "load_average": [round(load, 2) for load in os.getloadavg()],
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
