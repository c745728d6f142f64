"""A cart that follows the rules."""


def add_item(cart: list[str], item: str) -> list[str]:
    """Return a new cart with ``item`` added."""
    return [*cart, item]
