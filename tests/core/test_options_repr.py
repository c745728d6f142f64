"""toml_repr of tuple defaults (string_list options keep tuples)."""

from __future__ import annotations

from constitution_hooks.core.options import toml_repr


def test_toml_repr_tuple_renders_as_toml_array() -> None:
    assert toml_repr(("feat", "fix")) == '["feat", "fix"]'


def test_toml_repr_empty_tuple_renders_as_empty_array() -> None:
    assert toml_repr(()) == "[]"
