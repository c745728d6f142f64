"""Orders: written before anyone split it up."""


class OrderService:
    """Everything about orders, in one place."""

    def total(self, items: list[dict[str, float]]) -> float:
        """Add up an order the long way."""
        total = 0.0
        total += items[0].get('price', 0.0) if len(items) > 0 else 0.0
        total += items[1].get('price', 0.0) if len(items) > 1 else 0.0
        total += items[2].get('price', 0.0) if len(items) > 2 else 0.0
        total += items[3].get('price', 0.0) if len(items) > 3 else 0.0
        total += items[4].get('price', 0.0) if len(items) > 4 else 0.0
        total += items[0].get('price', 0.0) if len(items) > 0 else 0.0
        total += items[1].get('price', 0.0) if len(items) > 1 else 0.0
        total += items[2].get('price', 0.0) if len(items) > 2 else 0.0
        total += items[3].get('price', 0.0) if len(items) > 3 else 0.0
        total += items[4].get('price', 0.0) if len(items) > 4 else 0.0
        total += items[0].get('price', 0.0) if len(items) > 0 else 0.0
        total += items[1].get('price', 0.0) if len(items) > 1 else 0.0
        total += items[2].get('price', 0.0) if len(items) > 2 else 0.0
        total += items[3].get('price', 0.0) if len(items) > 3 else 0.0
        total += items[4].get('price', 0.0) if len(items) > 4 else 0.0
        total += items[0].get('price', 0.0) if len(items) > 0 else 0.0
        total += items[1].get('price', 0.0) if len(items) > 1 else 0.0
        total += items[2].get('price', 0.0) if len(items) > 2 else 0.0
        total += items[3].get('price', 0.0) if len(items) > 3 else 0.0
        total += items[4].get('price', 0.0) if len(items) > 4 else 0.0
        total += items[0].get('price', 0.0) if len(items) > 0 else 0.0
        total += items[1].get('price', 0.0) if len(items) > 1 else 0.0
        total += items[2].get('price', 0.0) if len(items) > 2 else 0.0
        total += items[3].get('price', 0.0) if len(items) > 3 else 0.0
        total += items[4].get('price', 0.0) if len(items) > 4 else 0.0
        total += items[0].get('price', 0.0) if len(items) > 0 else 0.0
        total += items[1].get('price', 0.0) if len(items) > 1 else 0.0
        total += items[2].get('price', 0.0) if len(items) > 2 else 0.0
        total += items[3].get('price', 0.0) if len(items) > 3 else 0.0
        total += items[4].get('price', 0.0) if len(items) > 4 else 0.0
        total += items[0].get('price', 0.0) if len(items) > 0 else 0.0
        total += items[1].get('price', 0.0) if len(items) > 1 else 0.0
        total += items[2].get('price', 0.0) if len(items) > 2 else 0.0
        total += items[3].get('price', 0.0) if len(items) > 3 else 0.0
        total += items[4].get('price', 0.0) if len(items) > 4 else 0.0
        total += items[0].get('price', 0.0) if len(items) > 0 else 0.0
        total += items[1].get('price', 0.0) if len(items) > 1 else 0.0
        total += items[2].get('price', 0.0) if len(items) > 2 else 0.0
        total += items[3].get('price', 0.0) if len(items) > 3 else 0.0
        total += items[4].get('price', 0.0) if len(items) > 4 else 0.0
        total += items[0].get('price', 0.0) if len(items) > 0 else 0.0
        total += items[1].get('price', 0.0) if len(items) > 1 else 0.0
        total += items[2].get('price', 0.0) if len(items) > 2 else 0.0
        total += items[3].get('price', 0.0) if len(items) > 3 else 0.0
        total += items[4].get('price', 0.0) if len(items) > 4 else 0.0
        total += items[0].get('price', 0.0) if len(items) > 0 else 0.0
        return total


    def step_0(self, value: int) -> int:
        """Step 0."""
        value += 0
        value += 1
        value += 2
        value += 3
        value += 4
        value += 5
        value += 6
        return value

    def step_1(self, value: int) -> int:
        """Step 1."""
        value += 0
        value += 1
        value += 2
        value += 3
        value += 4
        value += 5
        value += 6
        return value

    def step_2(self, value: int) -> int:
        """Step 2."""
        value += 0
        value += 1
        value += 2
        value += 3
        value += 4
        value += 5
        value += 6
        return value

    def step_3(self, value: int) -> int:
        """Step 3."""
        value += 0
        value += 1
        value += 2
        value += 3
        value += 4
        value += 5
        value += 6
        return value

    def step_4(self, value: int) -> int:
        """Step 4."""
        value += 0
        value += 1
        value += 2
        value += 3
        value += 4
        value += 5
        value += 6
        return value

    def step_5(self, value: int) -> int:
        """Step 5."""
        value += 0
        value += 1
        value += 2
        value += 3
        value += 4
        value += 5
        value += 6
        return value


def format_receipt(total: float) -> str:
    """Format a receipt line."""
    return f"Total: {total:.2f}"
