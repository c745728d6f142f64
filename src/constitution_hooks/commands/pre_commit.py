"""``constitution pre-commit``: every pre-commit-stage rule in one process.

The ``constitution`` hook runs this: the file rules on the files pre-commit
passes, TDD pairing of the staged change and the branch name, so a commit pays
for one start-up instead of three. Findings come grouped by the hook that owns
them, in the order the separate hooks would print them. A hook the project's
``.pre-commit-config.yaml`` also lists on its own (``tdd-pairing``,
``branch-name``) is left to that entry, so nothing is reported twice.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from constitution_hooks.commands.check import CHECK, add_speed_arguments
from constitution_hooks.commands.common import (
    add_config_argument,
    add_output_arguments,
    config_from,
    report,
)
from constitution_hooks.core.config import Config
from constitution_hooks.core.violation import Violation

if TYPE_CHECKING:
    import argparse

    from constitution_hooks.core.git import Change
    from constitution_hooks.core.source import SourceFile

NAME = "pre-commit"
HELP = "every pre-commit-stage rule in one process (the 'constitution' hook)"
# Reason: a hook id as the YAML list item `- id: NAME` (quoted or not, comment
# after it allowed); a commented-out line does not start with `-`. Compiled by
# `re` on first use: a config naming none of the three never needs it.
_STAGE_HOOKS = ("tdd-pairing", "branch-name", "project-contract")
_HOOK_ID = (
    r"""(?m)^[ \t]*-[ \t]+id:[ \t]*["']?"""
    r"""(tdd-pairing|branch-name|project-contract)["']?[ \t]*(?:#.*)?$"""
)
# Reason: a commit's worth of files; past it, the files the file rules read are
# not kept for TDD pairing (each would hold its tree until the end of the run).
SHARED_FILES = 200


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the staged file paths, ``--jobs``, ``--no-cache``, format and config.

    Example:
        >>> import argparse
        >>> p = argparse.ArgumentParser(); add_arguments(p)
        >>> p.parse_args(["a.py", "--no-cache"]).paths
        ['a.py']
    """
    parser.add_argument(
        "paths", nargs="*", metavar="FILE", help="the staged Python files to check"
    )
    add_speed_arguments(parser)
    add_output_arguments(parser)
    add_config_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Run every pre-commit-stage rule and report; return the exit code.

    Example:
        ``constitution pre-commit src/app.py`` (the hook's entry) judges the staged
        ``src/app.py``, the staged change's TDD pairing and the branch name.
    """
    config = config_from(args)
    found = stage_violations(
        config, args.paths, args.jobs, not args.no_cache, not args.no_baseline
    )
    judged = f"{len(args.paths)} file" + ("" if len(args.paths) == 1 else "s")
    return report(found, args.format, args=args, config=config, judged=judged)


def stage_violations(
    config: Config,
    paths: list[str],
    jobs: int | None,
    cache: bool,
    baseline: bool = True,
) -> list[Violation]:
    """File rules on ``paths``, TDD pairing, the branch name, the project contract.

    The project contract runs only when the staged change touches one of its
    files, as its own hook would.

    Args:
        config: The project's config.
        paths: The files to run the file rules on (none: no file rules).
        jobs: Worker processes; None: one per CPU on a large run (the hook is
            ``require_serial``, so pre-commit does not split its files).
        cache: Whether file results may be read from and written to the cache.
        baseline: Whether a baseline will judge the findings (then each file
            finding carries its fingerprint's anchor and size).

    Returns:
        The findings, grouped by hook, each group sorted.

    Example:
        ``stage_violations(config, ["src/app.py"], None, True)`` gives what
        ``check src/app.py``, ``tdd-pairing`` and ``branch-name`` would report.
    """
    # Reason: pre-commit runs every hook at the repository's top level, where its
    # config lives; asking git for the top level would cost one more process.
    separate = listed_separately(Path.cwd())
    read = _kept_reads(separate, paths)
    found = _file_violations(config, paths, jobs, cache, baseline, read)
    staged = _Staged()
    if "tdd-pairing" not in separate:
        broken = {v.path for v in found if v.code == "CON001"}
        found += _pairing(config, broken, read, staged)
    if "branch-name" not in separate:
        from constitution_hooks.commands.branch_name import branch_violations

        found += branch_violations(config)
    if "project-contract" not in separate and contract_files_staged(staged()):
        from constitution_hooks.commands.project_contract import contract_violations

        found += contract_violations(config)
    return found


def _kept_reads(separate: set[str], paths: list[str]) -> dict[str, SourceFile] | None:
    """Where the file rules keep what they read for TDD pairing; None: keep nothing."""
    # Reason: the staged files the file rules read and parse, TDD pairing judges
    # again: it takes those it finds unchanged in the index, parsing each once.
    if "tdd-pairing" not in separate and len(paths) <= SHARED_FILES:
        return {}
    return None


class _Staged:
    """The staged changes, read from git once and only when first asked for."""

    def __init__(self) -> None:
        self._changes: list[Change] | None = None

    def __call__(self) -> list[Change]:
        if self._changes is None:
            from constitution_hooks.core import git

            self._changes = git.staged_changes()
        return self._changes


def _pairing(
    config: Config,
    broken: set[str],
    read: dict[str, SourceFile] | None,
    staged: _Staged,
) -> list[Violation]:
    """TDD pairing's findings; a file the file rules found broken is said once."""
    from constitution_hooks.commands.tdd_pairing import pairing_violations

    return [
        v
        for v in pairing_violations(config, read=read, staged=staged)
        if not (v.code == "CON001" and v.path in broken)
    ]


def _file_violations(
    config: Config,
    paths: list[str],
    jobs: int | None,
    cache: bool,
    baseline: bool,
    read: dict[str, SourceFile] | None,
) -> list[Violation]:
    from constitution_hooks.commands.baseline_filter import baseline_anchors
    from constitution_hooks.core.config import ProjectConfigs
    from constitution_hooks.core.parallel import default_jobs
    from constitution_hooks.core.runner import check_files
    from constitution_hooks.rules import RULES, SECTIONS

    return check_files(
        paths,
        config,
        CHECK.rules(),
        jobs or default_jobs(paths, split_by_pre_commit=False),
        cache,
        known=RULES,
        configs=ProjectConfigs(SECTIONS, config, False).for_path,
        anchors=baseline_anchors(config) if baseline else None,
        keep=read,
    )


# Reason: the project-contract hook's `files` pattern in .pre-commit-hooks.yaml
# (a meta-test keeps the two equal): the files its rules judge.
CONTRACT_FILES = (
    r"(^|/)(pyproject\.toml|uv\.lock|\.python-version|\.env[^/]*|\.gitignore"
    r"|CHANGELOG\.md|poetry\.lock|Pipfile\.lock|pdm\.lock|requirements[^/]*\.txt"
    r"|pyvenv\.cfg)$|(^|/)(docs|requirements)/"
)


def contract_files_staged(staged: list[Change] | None = None) -> bool:
    """Whether the staged change touches a file the project contract judges.

    Args:
        staged: The staged changes, if already read (else git is asked).

    Example:
        >>> import os, tempfile
        >>> from constitution_hooks.core.git import run_git
        >>> here = os.getcwd(); os.chdir(tempfile.mkdtemp())
        >>> _ = run_git(["init", "-q"]), Path("app.py").touch(), Path("uv.lock").touch()
        >>> _ = run_git(["add", "app.py"])
        >>> contract_files_staged()
        False
        >>> _ = run_git(["add", "uv.lock"])
        >>> contract_files_staged()
        True
        >>> os.chdir(here)
    """
    from constitution_hooks.core import git

    pattern = re.compile(CONTRACT_FILES)
    changes = git.staged_changes() if staged is None else staged
    return any(pattern.search(change.path) for change in changes)


def listed_separately(top: Path) -> set[str]:
    """The hooks of this stage that ``.pre-commit-config.yaml`` lists on their own.

    Args:
        top: The folder that holds ``.pre-commit-config.yaml``.

    Returns:
        ``tdd-pairing`` and/or ``branch-name``, when listed.

    Example:
        >>> import tempfile
        >>> top = Path(tempfile.mkdtemp())
        >>> _ = (top / ".pre-commit-config.yaml").write_text("    - id: branch-name\\n")
        >>> listed_separately(top)
        {'branch-name'}
    """
    try:
        text = (top / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set()
    if not any(hook in text for hook in _STAGE_HOOKS):
        return set()
    return set(re.findall(_HOOK_ID, text))
