"""CON503 placeholder."""
