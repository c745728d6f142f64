"""The ratchet file: the best total coverage recorded, raised and never lowered."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

from constitution_hooks.core.errors import UsageError
from constitution_hooks.rules.coverage.figures import Figure

EXPECTED = '{"covered": <int>, "total": <int>}'


def read_baseline(path: Path) -> Fraction | None:
    """The exact baseline percentage, or None when there is no baseline file.

    Raises:
        UsageError: If the file is not a baseline written by ``--update-baseline``.

    Example:
        >>> read_baseline(Path("/no/such/baseline.json")) is None
        True
    """
    if not path.is_file():
        return None
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        covered, total = _count(document, "covered"), _count(document, "total")
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise UsageError(
            f"{path}: not a coverage baseline ({error}); expected {EXPECTED}"
        ) from error
    if not 0 <= covered <= total:
        raise UsageError(f"{path}: covered must be between 0 and total")
    return Figure(covered, total).percent


def _count(document: object, key: str) -> int:
    if not isinstance(document, dict):
        raise TypeError("the file holds no JSON object")
    value = document[key]
    # Reason: 1e999 reads as infinity, true as 1; only a whole number counts.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{key} must be a whole number, found {value!r}")
    return value


def update_baseline(path: Path, figure: Figure) -> bool:
    """Record ``figure`` when it beats the baseline (or none exists); never lower it.

    Returns:
        Whether the file was written.

    Example:
        >>> import tempfile
        >>> target = Path(tempfile.mkdtemp()) / "baseline.json"
        >>> update_baseline(target, Figure(9, 10))
        True
        >>> update_baseline(target, Figure(8, 10))
        False
    """
    current = read_baseline(path)
    if current is not None and figure.percent <= current:
        return False
    record = {
        "covered": figure.covered,
        "total": figure.total,
        "percent": float(figure.percent),
    }
    path.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return True
