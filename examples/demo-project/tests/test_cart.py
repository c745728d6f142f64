"""Tests for shop.cart."""

from shop.cart import add_item


def test_add_item_empty_cart_returns_one_item() -> None:
    assert add_item([], "apple") == ["apple"]
