"""Vendors, model families and gateways of the catalogue."""

from __future__ import annotations

from constitution_hooks.rules.commit.ai_models import (
    GATEWAY,
    GATEWAYS,
    MODEL,
    MODELS,
    VENDOR,
    VENDORS,
)


def test_models_catalogue_has_at_least_25_model_families() -> None:
    assert len(MODELS) >= 25


def test_vendors_models_and_gateways_carry_their_kind() -> None:
    kinds = (
        {e.kind for e in VENDORS},
        {e.kind for e in MODELS},
        {e.kind for e in GATEWAYS},
    )
    assert kinds == ({VENDOR}, {MODEL}, {GATEWAY})


def test_names_are_unique_across_models() -> None:
    names = [e.name for e in (*VENDORS, *MODELS, *GATEWAYS)]
    assert len(names) == len(set(names))
