"""constitution-hooks: pre-commit hooks that enforce an engineering constitution."""

__version__ = "0.1.0"
