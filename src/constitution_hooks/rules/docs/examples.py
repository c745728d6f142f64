"""CON501 placeholder."""
