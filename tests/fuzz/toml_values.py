"""Random TOML values, written back as TOML text, for the config fuzz test."""

from __future__ import annotations

import json
import math

from hypothesis import strategies as st

SCALARS = (
    st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["a{4294967296}", "(", "**", "*", "", "\x00", "(" * 300])
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def to_toml(value: object) -> str:
    """Render a value as an inline TOML value (strings as basic strings)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return ("-inf" if value < 0 else "inf") if math.isinf(value) else repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(to_toml(item) for item in value) + "]"
    assert isinstance(value, dict)
    pairs = (
        f"{json.dumps(k, ensure_ascii=False)} = {to_toml(v)}" for k, v in value.items()
    )
    return "{ " + ", ".join(pairs) + " }"
