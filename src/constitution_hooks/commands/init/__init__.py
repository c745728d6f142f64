"""``constitution init``: adopt the constitution's hooks and its peer gates, configured.

Both files are read and merged in memory first; only when every step succeeded are
they written, all together (``writes.write_all``). A step that fails is exit 2 and
leaves every file as it was.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from importlib import metadata
from pathlib import Path

from constitution_hooks import __version__
from constitution_hooks.commands.init import precommit_config, pyproject_table
from constitution_hooks.commands.init.gates import MYPY
from constitution_hooks.commands.init.precommit_config import plan_precommit
from constitution_hooks.commands.init.project import peer_tables, read_project
from constitution_hooks.commands.init.pyproject_table import merge_pyproject, parse
from constitution_hooks.commands.init.writes import read, write_all
from constitution_hooks.core.errors import UsageError
from constitution_hooks.rules import SECTIONS

# Reason: the project's public home is not settled yet; README uses the same address.
DEFAULT_REPO = "https://example.invalid/your-mirror/constitution-hooks"
Plan = tuple[Path, str | None, str, list[str]]


NAME = "init"
HELP = "add the hooks and the configured peer gates (ruff, mypy, bandit, ...)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--dry-run``, ``--repo`` and ``--rev``.

    Example:
        >>> parser = argparse.ArgumentParser(); add_arguments(parser)
        >>> parser.parse_args(["--dry-run", "--rev", "v1"]).rev
        'v1'
    """
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="show every file's diff, write nothing",
    )
    parser.add_argument("--repo", help="where pre-commit fetches our hooks")
    parser.add_argument("--rev", help="the tag or commit of our hooks")


def run(args: argparse.Namespace) -> int:
    """Merge both files (or refuse, exit 2, before writing any); print changes.

    Example:
        A dry run in an empty folder shows the files it would create:

        >>> import os, tempfile
        >>> here = os.getcwd(); os.chdir(tempfile.mkdtemp())
        >>> args = argparse.Namespace(dry_run=True, repo="https://x/c", rev="v1")
        >>> run(args)  # doctest: +ELLIPSIS
        --- /dev/null
        +++ .pre-commit-config.yaml
        ...
        0
        >>> os.chdir(here)
    """
    repo, rev = source(args.repo, args.rev)
    plans, notes = _plans(Path("."), repo, rev)
    if repo == DEFAULT_REPO:
        notes.append(
            f"warning: the hooks' address {repo} (rev {rev}) is a placeholder:"
            " replace it in .pre-commit-config.yaml, or run init again with"
            " --repo URL --rev TAG"
        )
    changed = [plan for plan in plans if plan[3]]
    if not changed:
        sys.stdout.write("nothing to change: the hooks and config are in place\n")
    elif args.dry_run:
        sys.stdout.write(
            "".join(_diff(path, old, new) for path, old, new, _ in changed)
        )
    else:
        write_all([(path, new) for path, _, new, _ in changed])
        for path, old, _, changes in changed:
            verb = "created" if old is None else "updated"
            sys.stdout.write(f"{verb} {path}: {'; '.join(changes)}\n")
        notes.append("next: pre-commit install (installs every stage listed)")
    # Reason: what to do next comes last, and only once the files are written.
    if not changed or args.dry_run:
        notes = [note for note in notes if not note.startswith("next:")]
    notes.sort(key=lambda note: note.startswith("next:"))
    sys.stdout.write("".join(f"{note}\n" for note in notes))
    return 0


def source(repo: str | None, rev: str | None) -> tuple[str, str]:
    """Where pre-commit fetches our hooks: the flags, else our own address.

    Raises:
        UsageError: A value is empty, holds a space or control character, starts
            with ``-``, or names one of pre-commit's own repositories.

    Example:
        >>> source("https://example.invalid/c", "v2")
        ('https://example.invalid/c', 'v2')
    """
    repo = repo if repo is not None else _package_repo_url() or DEFAULT_REPO
    rev = rev if rev is not None else f"v{__version__}"
    for flag, value in (("--repo", repo), ("--rev", rev)):
        if not re.fullmatch(r"[^\s\x00-\x1f\x7f-][^\s\x00-\x1f\x7f]*", value):
            raise UsageError(
                f"{flag} {value!r}: expected a non-empty value without spaces"
                " or control characters, not starting with '-'"
            )
    if repo in ("local", "meta"):
        raise UsageError(f"--repo {repo}: that is pre-commit's own; give our address")
    return repo, rev


def _package_repo_url() -> str | None:
    try:
        urls = metadata.metadata("constitution-hooks").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    return next((url.split(",", 1)[1].strip() for url in urls if "," in url), None)


def _plans(root: Path, repo: str, rev: str) -> tuple[list[Plan], list[str]]:
    yaml_path = root / precommit_config.FILE
    toml_path = root / pyproject_table.FILE
    yaml_old, toml_old = read(yaml_path), read(toml_path)
    document = parse(toml_old or "")
    facts = read_project(root, document)
    yaml_new, yaml_changes, notes, added = plan_precommit(
        yaml_old, repo, rev, ruff_format=facts.ruff_format, language=facts.language
    )
    ruff_text = read(root / facts.ruff_file) if facts.ruff_file else None
    ruff_file = parse(ruff_text) if ruff_text is not None else None
    tables, manual = peer_tables(document, facts, ruff_file)
    merged = merge_pyproject(toml_old, SECTIONS, tables)
    if manual or merged.manual:
        notes.append(f"{toml_path}: not extended where unsafe; add these by hand:")
        notes += [f"    {line}" for line in [*manual, *merged.manual] if line]
    if not facts.has_lock:
        notes.append("next: uv lock (there is no uv.lock; the uv-lock hook checks it)")
    if "mypy" in added and not facts.has_mypy:
        notes.append(
            f"next: uv add --dev mypy=={MYPY} (the mypy hook runs the project's)"
        )
    return [
        (yaml_path, yaml_old, yaml_new, yaml_changes),
        (toml_path, toml_old, merged.text, merged.changes),
    ], notes


def _diff(path: Path, old: str | None, new: str) -> str:
    return "".join(
        difflib.unified_diff(
            (old or "").splitlines(keepends=True),
            new.splitlines(keepends=True),
            str(path) if old is not None else "/dev/null",
            str(path),
        )
    )
