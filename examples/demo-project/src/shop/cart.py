"""A cart that follows the rules."""


def add_item(cart: list[str], item: str) -> list[str]:
    """Return a new cart with ``item`` added.

    Example:
        >>> add_item(["pear"], "apple")
        ['pear', 'apple']
    """
    return [*cart, item]
