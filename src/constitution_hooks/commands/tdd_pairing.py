"""``constitution tdd-pairing``: judge what the next commit will contain."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

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
from constitution_hooks.core.runner import syntax_message
from constitution_hooks.core.source import SourceFile
from constitution_hooks.core.violation import Finding, Violation
from constitution_hooks.core.waivers import UNWAIVABLE, apply_waivers
from constitution_hooks.rules import RULES as ALL_RULES
from constitution_hooks.rules.parsing import SYNTAX_ERROR
from constitution_hooks.rules.tdd import layout
from constitution_hooks.rules.tdd.facts import behaviour_changed, module_facts
from constitution_hooks.rules.tdd.pairing import (
    Snapshot,
    check_pairing,
    check_test_changes,
)
from constitution_hooks.rules.tdd.project import (
    Project,
    index_snapshot,
    load_folder_config,
    open_projects,
)
from constitution_hooks.rules.tdd.routes import check_routes
from constitution_hooks.rules.tdd.settings import RULES, SECTION
from constitution_hooks.rules.tdd.tests import check_tests
from constitution_hooks.rules.tdd.tree import judged, share

if TYPE_CHECKING:
    import argparse

_CODES = frozenset(rule.code for rule in RULES)
_STAGED = frozenset("AMRCT")


NAME = "tdd-pairing"
HELP = "staged modules need a test that imports them (CON201-CON205, CON207)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add files, ``--all-files``, format and config arguments.

    Example:
        >>> import argparse
        >>> parser = argparse.ArgumentParser(); add_arguments(parser)
        >>> parser.parse_args(["--all-files"]).all_files
        True
    """
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
        "--explain-exempt",
        action="store_true",
        help="list every module that needs no test, with the reason, and exit",
    )
    parser.add_argument(
        "--diff-base",
        metavar="REV",
        help="check the modules and tests changed since the merge base of REV"
        " and HEAD (staged, unstaged and untracked changes included)",
    )
    add_output_arguments(parser)
    add_config_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Check and report; return the exit code.

    Example:
        >>> import pathlib, tempfile
        >>> config = pathlib.Path(tempfile.mkdtemp()) / "pyproject.toml"
        >>> _ = config.write_text("[tool.constitution.tdd-pairing]\\nenabled = false")
        >>> import argparse
        >>> run(argparse.Namespace(config=config, format="text"))
        0
    """
    config = config_from(args)
    if not config.enabled(SECTION.name):
        return report([], args.format)
    projects = open_projects(config, load_folder_config)
    if args.explain_exempt:
        return _explain_exempt(projects)
    paths = args.paths
    if args.diff_base:
        paths = paths or _changed_since(args.diff_base, projects)
        if not paths:
            return report([], args.format, args=args, config=config)
    violations, judged = _judge_projects(projects, paths, args.all_files)
    code = report(violations, args.format, args=args, config=config)
    _summarise(judged, bool(violations or args.all_files or paths))
    return code


def pairing_violations(
    config: Config,
    paths: list[str] | None = None,
    all_files: bool = False,
    read: Mapping[str, SourceFile] | None = None,
    staged: Callable[[], list[git.Change]] | None = None,
) -> list[Violation]:
    """The TDD findings of the staged change (or of ``paths``, or every file).

    Every Python project of the repository is judged with its own settings;
    paths are relative to the repository root, sorted. ``read`` holds the
    files the file rules of the same run read, by the path they were given:
    one that holds the staged bytes is not parsed again. ``staged`` reads the
    staged changes when the caller shares them (default: git is asked).

    Raises:
        UsageError: Not inside a git work tree, or a path outside the projects.

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
    projects = open_projects(config, load_folder_config)
    return _judge_projects(projects, paths or [], all_files, read or {}, staged)[0]


def check_all(config: Config) -> list[Violation]:
    """Every finding of ``--all-files``, as reported (for the baseline).

    Example:
        A committed module without a test: nothing is staged, every file is judged.

        >>> import os, tempfile
        >>> from constitution_hooks.core.config import load_config
        >>> from constitution_hooks.rules import SECTIONS
        >>> here = os.getcwd(); os.chdir(tempfile.mkdtemp())
        >>> Path("src/shop").mkdir(parents=True)
        >>> _ = Path("src/shop/cart.py").write_text("def total():\\n    return 0\\n")
        >>> who = ["-c", "user.name=A", "-c", "user.email=a@example.invalid"]
        >>> _ = git.run_git(["init", "-q"]), git.run_git(["add", "-A"])
        >>> _ = git.run_git([*who, "commit", "-qm", "feat: add the cart"])
        >>> config = load_config(SECTIONS)
        >>> pairing_violations(config), [(v.path, v.code) for v in check_all(config)]
        ([], [('src/shop/cart.py', 'CON201')])
        >>> os.chdir(here)
    """
    return pairing_violations(config, [], True)


def _judge_projects(
    projects: list[Project],
    paths: list[str],
    all_files: bool,
    read: Mapping[str, SourceFile] = MappingProxyType({}),
    staged: Callable[[], list[git.Change]] | None = None,
) -> tuple[list[Violation], list[Judged]]:
    _outside_every(projects, paths)
    # Reason: one `git diff --cached` serves every project of the repository.
    changes = _once(staged or (lambda: git.staged_changes(projects[0].top)))
    judged = [_check(p, paths, all_files, _within(p, read), changes) for p in projects]
    violations = sorted(
        v._replace(path=project.prefix + v.path)
        for project, found in zip(projects, judged, strict=True)
        for v in found.violations
    )
    get_logger().info("tdd-pairing finished", violations=len(violations))
    return violations, judged


def _changed_since(rev: str, projects: list[Project]) -> list[str]:
    # Reason: changes outside every Python project are not this hook's to judge.
    from constitution_hooks.core.changes import changes_since

    changed = changes_since(rev, ALL_RULES).paths()
    return [
        path
        for path in changed
        if Path(path).exists()
        and any(_relative_to(project, path) is not None for project in projects)
    ]


def _explain_exempt(projects: list[Project]) -> int:
    """Print ``path: reason`` for each exempt module of every project."""
    for project in projects:
        snap = index_snapshot(project, {})
        for module in snap.modules():
            reason = snap.exemption(module)
            if reason is not None:
                sys.stdout.write(f"{project.prefix}{module}: exempt: {reason}\n")
    return 0


class Judged(NamedTuple):
    """What one project's run judged, and found.

    Example:
        >>> Judged([], 2, 1, 5).modules
        2
    """

    violations: list[Violation]
    modules: int
    tests: int
    files: int


def _summarise(judged: list[Judged], loud: bool) -> None:
    """End the run with what it judged on stderr (always when nothing was found)."""
    modules = sum(j.modules for j in judged)
    files = sum(j.files for j in judged)
    if modules == 0 and files and loud:
        sys.stderr.write(
            f"tdd-pairing: warning: found no source module among {files} Python"
            " files: set source-roots in [tool.constitution.tdd-pairing] (default:"
            " src, else the top-level packages)\n"
        )
    if loud:
        tests = sum(j.tests for j in judged)
        counts = (_count(modules, "module"), _count(tests, "test file"))
        projects = _count(len(judged), "project")
        sys.stderr.write(f"tdd-pairing: checked {', '.join(counts)} in {projects}\n")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _once(read: Callable[[], list[git.Change]]) -> Callable[[], list[git.Change]]:
    """``read``, called at most once (its first answer kept)."""
    kept: list[list[git.Change]] = []

    def first() -> list[git.Change]:
        if not kept:
            kept.append(read())
        return kept[0]

    return first


def _within(project: Project, read: Mapping[str, SourceFile]) -> dict[str, SourceFile]:
    """The files of ``read`` that lie in ``project``, by their path in it."""
    found = {}
    for path, source in read.items():
        relative = _relative_to(project, path)
        if relative is not None:
            found[relative] = source
    return found


def _check(
    project: Project,
    paths: list[str],
    all_files: bool,
    read: dict[str, SourceFile],
    staged: Callable[[], list[git.Change]],
) -> Judged:
    if all_files:
        snap = index_snapshot(project, {})
        return _judge(snap.modules(), list(snap.tests), snap)
    if paths:
        given = _given(project, paths)
        files = {k: v for k, v in given.items() if v.is_file()}
        snap = index_snapshot(project, files)
        # Reason: the files named are judged, so read and parsed once for every
        # rule; a folder's files are many and are read as needed instead.
        share(snap, files, read)
        folders = [f"{k}/" if k else "" for k, v in given.items() if v.is_dir()]
        chosen = [*files, *(p for p in snap.files if p.startswith(tuple(folders)))]
        modules = [path for path in chosen if snap.is_module(path)]
        tests = [path for path in chosen if path in snap.tests]
        return _judge(modules, tests, snap) if given else Judged([], 0, 0, 0)
    return _check_staged(project, read, staged)


def _judge(
    modules: list[str],
    tests: list[str],
    snap: Snapshot,
    only: dict[str, frozenset[str]] | None = None,
    extra: list[Violation] | None = None,
) -> Judged:
    exempt = {module: snap.exemption(module) for module in modules}
    found = [
        *_unparsed([m for m in modules if exempt[m] is None] + tests, snap),
        *check_pairing(modules, snap),
        *check_tests(tests, snap, only),
        *check_routes(modules, snap),
    ]
    for module, reason in exempt.items():
        if reason is not None:
            get_logger().info("needs no test", module=module, reason=reason)
    checked = sum(1 for reason in exempt.values() if reason is None)
    return Judged(
        waive([*found, *(extra or [])], snap), checked, len(tests), len(snap.files)
    )


def _unparsed(paths: list[str], snap: Snapshot) -> list[Violation]:
    """CON001 for each of ``paths`` that does not parse: never skipped silently."""
    return [
        SYNTAX_ERROR.at(path, Finding(1, 1, UNPARSED))
        for path in paths
        if not snap.facts(path).parsed
    ]


UNPARSED = syntax_message(
    "the file does not parse (or nests too deeply for the parser), so the TDD rules"
    " cannot judge it; `constitution check` shows the line"
)


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
        if path not in snap.files:
            kept.extend(found)
            continue
        waived = apply_waivers(judged(snap, path), found, _CODES, ALL_RULES)
        kept.extend(v for v in waived if v.code not in UNWAIVABLE)
    return kept


def _relative_to(project: Project, path: str) -> str | None:
    try:
        return project.relative(
            Path(path).resolve().relative_to(project.top).as_posix()
        )
    except ValueError:
        return None


def _outside_every(projects: list[Project], paths: list[str]) -> None:
    for path in paths:
        try:
            Path(path).resolve()
        except (OSError, RuntimeError) as error:
            # Reason: a symlink loop raises RuntimeError before Python 3.13.
            raise UsageError(f"{path}: cannot be resolved: {error}") from error
        if not Path(path).exists():
            raise UsageError(f"{path}: no such file or folder")
        if all(_relative_to(project, path) is None for project in projects):
            raise UsageError(f"{path}: not inside the project at {projects[0].top}")


def _given(project: Project, paths: list[str]) -> dict[str, Path]:
    given: dict[str, Path] = {}
    for path in paths:
        relative = _relative_to(project, path)
        if relative is not None:
            given[relative.rstrip("/").removesuffix(".")] = Path(path).resolve()
    return given


def _check_staged(
    project: Project,
    read: dict[str, SourceFile],
    read_staged: Callable[[], list[git.Change]],
) -> Judged:
    changes = [
        c._replace(path=new, old_path=project.relative(c.old_path) or c.old_path)
        for c in read_staged()
        if (new := project.relative(c.path)) is not None and new.endswith(".py")
    ]
    snap = index_snapshot(project, {})
    staged = [c for c in changes if c.status in _STAGED and c.path in snap.files]
    share(snap, [c.path for c in staged], read)
    modules = [c.path for c in staged if snap.is_module(c.path)]
    modules += _orphaned_by(changes, snap, modules)
    tests = [c.path for c in staged if c.path in snap.tests]
    only = _added_tests(project, [c for c in staged if c.path in snap.tests], snap)
    extra: list[Violation] = []
    if project.cfg.require_test_change:
        changed = _behaviour_changes(project, staged, snap, set(modules))
        extra = check_test_changes(changed, snap, {c.path for c in staged})
    return _judge(modules, tests, snap, only, extra)


def _added_tests(
    project: Project, staged: list[git.Change], snap: Snapshot
) -> dict[str, frozenset[str]]:
    """Per staged test file, the tests it adds or renames against ``HEAD``."""
    old = git.read_blobs(
        (c.old_blob for c in staged if c.old_blob != git.NULL_SHA), project.top
    )
    added: dict[str, frozenset[str]] = {}
    for change in staged:
        now = {test.qualname for test in snap.facts(change.path).tests}
        before = old.get(change.old_blob)
        if before is not None:
            package = snap.facts(change.path).package
            now -= {test.qualname for test in module_facts(before, package).tests}
        added[change.path] = frozenset(now)
    return added


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
        if behaviour_changed(old.get(c.old_blob), snap.facts(c.path))
    ]
