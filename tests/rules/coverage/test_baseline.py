"""The ratchet file: raised, never lowered, and validated."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from constitution_hooks.core.errors import UsageError
from constitution_hooks.rules.coverage.baseline import read_baseline, update_baseline
from constitution_hooks.rules.coverage.figures import Figure


def test_update_baseline_no_file_writes_exact_counts(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    assert update_baseline(path, Figure(2, 3))
    assert read_baseline(path) == Fraction(200, 3)


def test_update_baseline_lower_figure_keeps_file(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    update_baseline(path, Figure(9, 10))
    assert not update_baseline(path, Figure(89, 100))
    assert read_baseline(path) == 90


def test_update_baseline_higher_figure_raises_it(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    update_baseline(path, Figure(8, 10))
    assert update_baseline(path, Figure(81, 100))
    assert read_baseline(path) == 81


@pytest.mark.parametrize(
    "text", ["not json", '{"covered": 1}', '{"covered": 3, "total": 2}']
)
def test_read_baseline_invalid_file_raises_usage_error(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "b.json"
    path.write_text(text)
    with pytest.raises(UsageError, match=r"b\.json"):
        read_baseline(path)


@pytest.mark.parametrize(
    "text",
    [
        '{"covered": 1e999, "total": 1e999}',
        '{"covered": 1.5, "total": 2}',
        '{"covered": true, "total": 2}',
        "[]",
        '"x"',
    ],
)
def test_read_baseline_out_of_range_numbers_raise_usage_error(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "b.json"
    path.write_text(text)
    with pytest.raises(UsageError, match=r"b\.json: not a coverage baseline"):
        read_baseline(path)
