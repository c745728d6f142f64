"""``constitution init``: adopt the constitution's hooks and config in a project."""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Callable
from pathlib import Path

from constitution_hooks import __version__
from constitution_hooks.commands.init import precommit_config, pyproject_table
from constitution_hooks.commands.init.precommit_config import merge_precommit
from constitution_hooks.commands.init.pyproject_table import merge_pyproject
from constitution_hooks.core.errors import UsageError
from constitution_hooks.rules import SECTIONS

# Reason: the project's public home is not settled yet; README uses the same address.
DEFAULT_REPO = "https://example.invalid/your-mirror/constitution-hooks"


class InitCommand:
    """Write or merge ``.pre-commit-config.yaml`` and ``[tool.constitution]``.

    Example:
        >>> InitCommand().name
        'init'
    """

    name = "init"
    help = "add the hooks (at their git stages) and a commented config to a project"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Add ``--dry-run``, ``--repo`` and ``--rev``."""
        parser.add_argument(
            "--dry-run", action="store_true", help="show the diff, write nothing"
        )
        parser.add_argument(
            "--repo", default=DEFAULT_REPO, help="where pre-commit fetches our hooks"
        )
        parser.add_argument(
            "--rev", default=f"v{__version__}", help="the tag or commit of our hooks"
        )

    def run(self, args: argparse.Namespace) -> int:
        """Merge both files (or refuse, exit 2, before writing any); print changes."""
        hooks = precommit_config.default_hooks(args.repo, args.rev)
        plans = [
            _plan(precommit_config.FILE, lambda t: merge_precommit(t, hooks)),
            _plan(pyproject_table.FILE, lambda t: merge_pyproject(t, SECTIONS)),
        ]
        plans = [plan for plan in plans if plan[3]]
        if not plans:
            sys.stdout.write("nothing to change: the hooks and config are in place\n")
            return 0
        for path, old, new, changes in plans:
            _apply(path, old, new, changes, args.dry_run)
        if not args.dry_run:
            sys.stdout.write("next: pre-commit install (installs every stage listed)\n")
        return 0


Plan = tuple[Path, str | None, str, list[str]]


def _plan(name: str, merge: Callable[[str | None], tuple[str, list[str]]]) -> Plan:
    path = Path(name)
    try:
        old = path.read_text(encoding="utf-8") if path.exists() else None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{name}: cannot read, left untouched: {error}") from error
    new, changes = merge(old)
    return path, old, new, changes


def _apply(
    path: Path, old: str | None, new: str, changes: list[str], dry: bool
) -> None:
    if dry:
        diff = difflib.unified_diff(
            (old or "").splitlines(keepends=True),
            new.splitlines(keepends=True),
            str(path) if old is not None else "/dev/null",
            str(path),
        )
        sys.stdout.write("".join(diff))
        return
    path.write_text(new, encoding="utf-8")
    verb = "created" if old is None else "updated"
    sys.stdout.write(f"{verb} {path}: {'; '.join(changes)}\n")
