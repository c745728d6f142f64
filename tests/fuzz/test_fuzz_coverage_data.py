"""Random coverage JSON, XML and data files: the gate judges or refuses, read-only."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

from hypothesis import example, given
from hypothesis import strategies as st

from tests.fuzz.harness import run_cli, snapshot

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 2**64)
    | st.floats()
    | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=10,
)
LINES = st.lists(st.integers(-2, 6), max_size=5) | JSON_VALUES
ENTRY = st.fixed_dictionaries(
    {},
    optional={
        "summary": st.fixed_dictionaries(
            {},
            optional={"num_branches": JSON_VALUES, "covered_branches": JSON_VALUES},
        )
        | JSON_VALUES,
        "executed_lines": LINES,
        "missing_lines": LINES,
    },
)
REPORT = (
    st.fixed_dictionaries(
        {}, optional={"files": st.dictionaries(st.text(max_size=8), ENTRY, max_size=3)}
    )
    | JSON_VALUES
)
ATTRIBUTES = st.dictionaries(
    st.sampled_from(["filename", "number", "hits", "branch", "condition-coverage"]),
    st.sampled_from(["a.py", "1", "0", "-1", "x", "true", "50% (1/2)", "(9/0)", ""]),
    max_size=5,
)
TAGS = st.sampled_from(["coverage", "sources", "source", "class", "line", "lines"])
XML = st.recursive(
    st.tuples(TAGS, ATTRIBUTES).map(lambda t: f"<{t[0]} {_attrs(t[1])}/>"),
    lambda inner: st.tuples(TAGS, ATTRIBUTES, st.lists(inner, max_size=3)).map(
        lambda t: f"<{t[0]} {_attrs(t[1])}>{''.join(t[2])}</{t[0]}>"
    ),
    max_leaves=8,
)


def _attrs(attributes: dict[str, str]) -> str:
    return " ".join(f"{name}={quoteattr(value)}" for name, value in attributes.items())


DATA = (
    st.tuples(st.just("coverage.json"), REPORT.map(lambda r: json.dumps(r).encode()))
    | st.tuples(st.just("coverage.xml"), XML.map(str.encode))
    | st.tuples(
        st.sampled_from([".coverage", "c.json", "c.xml"]), st.binary(max_size=200)
    )
)


@example(data=("coverage.json", b'{"files": {"a.py": {"summary": []}}}'))
@example(data=(".coverage", b""))
@given(data=DATA)
def test_coverage_gate_random_data_verdict_and_data_unchanged(
    data: tuple[str, bytes],
) -> None:
    name, content = data
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / ".git").mkdir()
        (root / "a.py").write_text("x = 1\n", "utf-8")
        (root / name).write_bytes(content)
        before = snapshot(root)
        run_cli(["coverage-gate", "--data", name], root)
        assert snapshot(root) == before
