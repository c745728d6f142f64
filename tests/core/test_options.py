"""Option values rendered back the way users write them in TOML."""

from __future__ import annotations

from constitution_hooks.core.options import toml_repr


def test_toml_repr_tuple_default_renders_as_toml_array() -> None:
    assert toml_repr(("src", "lib")) == '["src", "lib"]'


def test_toml_repr_empty_tuple_renders_as_empty_array() -> None:
    assert toml_repr(()) == "[]"
