"""A tiny shop used to demonstrate constitution-hooks."""
