"""Thin command entry points: parse arguments, call the shared runner, return an int."""
