"""``constitution tdd-pairing``: judge what the next commit will contain."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from constitution_hooks.commands.common import (
    add_config_argument,
    add_output_arguments,
    config_from,
    report,
)
from constitution_hooks.core import git
from constitution_hooks.core.config import Config
from constitution_hooks.core.errors import UsageError
from constitution_hooks.core.log import get_logger
from constitution_hooks.core.source import SourceFile
from constitution_hooks.core.violation import Violation
from constitution_hooks.core.waivers import UNWAIVABLE, apply_waivers
from constitution_hooks.rules import RULES as ALL_RULES
from constitution_hooks.rules.tdd import layout
from constitution_hooks.rules.tdd.facts import behaviour_changed
from constitution_hooks.rules.tdd.pairing import (
    Snapshot,
    check_pairing,
    check_test_changes,
)
from constitution_hooks.rules.tdd.project import Project, index_snapshot, open_project
from constitution_hooks.rules.tdd.settings import RULES, SECTION
from constitution_hooks.rules.tdd.tests import check_tests

_CODES = frozenset(rule.code for rule in RULES)
_STAGED = frozenset("AMRCT")


@dataclass(frozen=True)
class TddPairingCommand:
    """Every staged module has a verified test; tests assert and are well named.

    Example:
        >>> TddPairingCommand().name
        'tdd-pairing'
    """

    name: str = "tdd-pairing"
    help: str = "staged modules need a test that imports them (CON201-CON205, CON207)"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Add files, ``--all-files``, format and config arguments."""
        parser.add_argument(
            "paths",
            nargs="*",
            metavar="FILE",
            help="check these files or folders instead of the staged ones",
        )
        parser.add_argument(
            "--all-files", action="store_true", help="check every tracked module"
        )
        parser.add_argument(
            "--diff-base",
            metavar="REV",
            help="check the modules and tests changed since the merge base of REV"
            " and HEAD (staged, unstaged and untracked changes included)",
        )
        add_output_arguments(parser)
        add_config_argument(parser)

    def run(self, args: argparse.Namespace) -> int:
        """Check and report; return the exit code."""
        config = config_from(args)
        paths = args.paths
        if args.diff_base and config.enabled(SECTION.name):
            paths = paths or _changed_since(args.diff_base, open_project(config))
            if not paths:
                return report([], args.format, args=args, config=config)
        violations = pairing_violations(config, paths, args.all_files)
        return report(violations, args.format, args=args, config=config)


def pairing_violations(
    config: Config, paths: list[str] | None = None, all_files: bool = False
) -> list[Violation]:
    """The TDD findings of the staged change (or of ``paths``, or every file).

    Paths are relative to the repository root, sorted.

    Raises:
        UsageError: Not inside a git work tree, or a path outside the project.

    Example:
        A repository whose staged module has no test:

        >>> import os, subprocess, tempfile
        >>> from constitution_hooks.core.config import load_config
        >>> from constitution_hooks.rules import SECTIONS
        >>> repo = tempfile.mkdtemp()
        >>> _ = subprocess.run(["git", "init", "-q", repo], check=True)
        >>> os.makedirs(f"{repo}/src/shop")
        >>> with open(f"{repo}/src/shop/cart.py", "w") as module:
        ...     _ = module.write("def total():\\n    return 0\\n")
        >>> _ = subprocess.run(["git", "-C", repo, "add", "-A"], check=True)
        >>> here = os.getcwd(); os.chdir(repo)
        >>> [(v.path, v.code) for v in pairing_violations(load_config(SECTIONS))]
        [('src/shop/cart.py', 'CON201')]
        >>> os.chdir(here)
    """
    if not config.enabled(SECTION.name):
        return []
    project = open_project(config)
    violations = _check(project, paths or [], all_files)
    get_logger().info("tdd-pairing finished", violations=len(violations))
    return sorted(v._replace(path=project.prefix + v.path) for v in violations)


def check_all(config: Config) -> list[Violation]:
    """Every finding of ``--all-files``, as reported (for the baseline).

    Example:
        >>> callable(check_all)
        True
    """
    if not config.enabled(SECTION.name):
        return []
    project = open_project(config)
    found = _check(project, [], True)
    return sorted(v._replace(path=project.prefix + v.path) for v in found)


def _changed_since(rev: str, project: Project) -> list[str]:
    # Reason: the same merge-base diff as `check --diff-base`, imported only here;
    # a monorepo's changes outside this project are not its to judge.
    from constitution_hooks.core.changes import changes_since

    changed = changes_since(rev, ALL_RULES).paths()
    top = project.top.resolve()
    return [
        path
        for path in changed
        if Path(path).resolve().is_relative_to(top)
        and project.relative(Path(path).resolve().relative_to(top).as_posix())
        is not None
    ]


def _check(project: Project, paths: list[str], all_files: bool) -> list[Violation]:
    if all_files:
        snap = index_snapshot(project, {})
        found = [*check_pairing(snap.modules(), snap), *check_tests(snap.tests, snap)]
        return waive(found, snap)
    if paths:
        given = _given(project, paths)
        files = {k: v for k, v in given.items() if v.is_file()}
        snap = index_snapshot(project, files)
        folders = [f"{k}/" if k else "" for k, v in given.items() if v.is_dir()]
        chosen = [*files, *(p for p in snap.files if p.startswith(tuple(folders)))]
        modules = [path for path in chosen if snap.is_module(path)]
        tests = [path for path in chosen if path in snap.tests]
        return waive([*check_pairing(modules, snap), *check_tests(tests, snap)], snap)
    return _check_staged(project)


def waive(violations: list[Violation], snap: Snapshot) -> list[Violation]:
    """Apply inline waivers, read from the same text the rules judged (the index).

    Waivers without a reason or naming nothing are reported by the file hooks
    (CON010/CON011); here they simply waive nothing.

    Example:
        >>> waive([], None)  # type: ignore[arg-type]
        []
    """
    by_path: dict[str, list[Violation]] = {}
    for violation in violations:
        by_path.setdefault(violation.path, []).append(violation)
    kept: list[Violation] = []
    for path, found in by_path.items():
        key = snap.files.get(path)
        if key is None:
            kept.extend(found)
            continue
        source = SourceFile.from_bytes(path, snap.load(key))
        waived = apply_waivers(source, found, _CODES, ALL_RULES)
        kept.extend(v for v in waived if v.code not in UNWAIVABLE)
    return kept


def _given(project: Project, paths: list[str]) -> dict[str, Path]:
    given: dict[str, Path] = {}
    for path in paths:
        try:
            disk = Path(path).resolve()
        except (OSError, RuntimeError) as error:
            # Reason: a symlink loop raises RuntimeError before Python 3.13.
            raise UsageError(f"{path}: cannot be resolved: {error}") from error
        try:
            relative = project.relative(disk.relative_to(project.top).as_posix())
        except ValueError:
            relative = None
        if relative is None:
            raise UsageError(f"{path}: not inside the project at {project.top}")
        if not disk.exists():
            raise UsageError(f"{path}: no such file or folder")
        given[relative.rstrip("/").removesuffix(".")] = disk
    return given


def _check_staged(project: Project) -> list[Violation]:
    changes = [
        c._replace(path=new, old_path=project.relative(c.old_path) or c.old_path)
        for c in git.staged_changes(project.top)
        if (new := project.relative(c.path)) is not None and new.endswith(".py")
    ]
    snap = index_snapshot(project, {})
    staged = [c for c in changes if c.status in _STAGED and c.path in snap.files]
    modules = [c.path for c in staged if snap.is_module(c.path)]
    modules += _orphaned_by(changes, snap, modules)
    tests = [c.path for c in staged if c.path in snap.tests]
    found = [*check_pairing(modules, snap), *check_tests(tests, snap)]
    if project.cfg.require_test_change:
        changed = _behaviour_changes(project, staged, snap, set(modules))
        found += check_test_changes(changed, snap, {c.path for c in staged})
    return waive(found, snap)


def _orphaned_by(
    changes: list[git.Change], snap: Snapshot, modules: list[str]
) -> list[str]:
    """Modules named like a test file deleted or renamed away in this commit."""
    removed = {
        layout.tested_name(c.old_path)
        for c in changes
        if c.status in "DR" and layout.naming_kind(c.old_path)
    }
    return [
        path
        for path in snap.modules()
        if path not in modules and layout.module_stem(path) in removed
    ]


def _behaviour_changes(
    project: Project, staged: list[git.Change], snap: Snapshot, modules: set[str]
) -> list[str]:
    relevant = [c for c in staged if c.path in modules]
    old = git.read_blobs(
        (c.old_blob for c in relevant if c.old_blob != git.NULL_SHA), project.top
    )
    return [
        c.path
        for c in relevant
        if behaviour_changed(old.get(c.old_blob), snap.load(snap.files[c.path]))
    ]
