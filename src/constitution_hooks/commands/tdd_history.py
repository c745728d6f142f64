"""``constitution tdd-history``: did each module's test come no later than its code?"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

from constitution_hooks.commands.common import (
    add_config_argument,
    add_output_arguments,
    config_from,
    report,
)
from constitution_hooks.core import git
from constitution_hooks.core.blobs import BlobReader
from constitution_hooks.core.config import Config
from constitution_hooks.core.errors import UsageError
from constitution_hooks.core.log import get_logger
from constitution_hooks.core.progress import Progress
from constitution_hooks.core.violation import Violation
from constitution_hooks.rules.tdd.history import check_history
from constitution_hooks.rules.tdd.project import (
    Project,
    load_folder_config,
    open_project,
    open_projects,
)
from constitution_hooks.rules.tdd.settings import SECTION

_SHALLOW = (
    "this clone is shallow and lacks {what}; fetch the history (git fetch"
    " --unshallow, or actions/checkout with fetch-depth: 0) and run again"
)


NAME = "tdd-history"
HELP = "commits that changed a module before its test existed (CON206)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the range, ``--base``, format and config arguments.

    Example:
        >>> parser = argparse.ArgumentParser(); add_arguments(parser)
        >>> parser.parse_args(["main..HEAD"]).range
        'main..HEAD'
    """
    parser.add_argument(
        "range",
        nargs="?",
        metavar="RANGE",
        help="BASE..TIP, or one revision for its whole history"
        " (default: merge base with the upstream branch..HEAD)",
    )
    parser.add_argument(
        "--base", metavar="REV", help="check HEAD's commits since its merge base"
    )
    add_output_arguments(parser)
    add_config_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Check the range and report; return the exit code.

    Example:
        The section is ``tdd-pairing``'s; turned off, nothing is checked:

        >>> import pathlib, tempfile
        >>> config = pathlib.Path(tempfile.mkdtemp()) / "pyproject.toml"
        >>> _ = config.write_text("[tool.constitution.tdd-pairing]\\nenabled = false")
        >>> run(argparse.Namespace(config=config, format="text"))
        0
    """
    config = config_from(args)
    if not config.enabled(SECTION.name):
        return report([], args.format)
    projects = open_projects(config, load_folder_config)
    project = projects[0]
    if not git.has_commit("HEAD", project.top):
        return report([], args.format)
    given = args.range or (None if args.base else _pushed())
    base, tip = resolve_range(given, args.base, project)
    violations = sorted(v for p in projects for v in _check(p, base, tip))
    get_logger().info("tdd-history finished", violations=len(violations))
    return report(violations, args.format, args=args, config=config)


def _pushed() -> str | None:
    """The range pre-commit hands a pre-push or ``--from-ref`` run, if any."""
    start = os.environ.get("PRE_COMMIT_FROM_REF")
    end = os.environ.get("PRE_COMMIT_TO_REF")
    if start and end:
        return f"{start}..{end}"
    # Reason: pre-commit gives a push without refs when it pushes a root commit,
    # that is the whole history of HEAD.
    return "HEAD" if os.environ.get("PRE_COMMIT_REMOTE_NAME") else None


def resolve_range(
    given: str | None, base: str | None, project: Project
) -> tuple[str | None, str]:
    """Turn ``RANGE``/``--base`` into (base commit or None, tip), or raise.

    Raises:
        UsageError: For a bad range, a missing revision or a shallow clone that
            lacks the history to check (never a false pass).

    Example:
        >>> import os, tempfile
        >>> from constitution_hooks.core.config import load_config
        >>> from constitution_hooks.rules import SECTIONS
        >>> here = os.getcwd(); os.chdir(tempfile.mkdtemp()); _ = git.run_git(["init"])
        >>> who = ["-c", "user.name=A", "-c", "user.email=a@example.invalid"]
        >>> for _ in range(2):
        ...     _ = git.run_git([*who, "commit", "-q", "--allow-empty", "-mfeat: a"])
        >>> project = open_project(load_config(SECTIONS))
        >>> base, tip = resolve_range("HEAD~1..", None, project)  # no tip: HEAD
        >>> base == git.verify_commit("HEAD~1"), tip
        (True, 'HEAD')
        >>> resolve_range("HEAD~1...HEAD", None, project)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        constitution_hooks.core.errors.UsageError: HEAD~1...HEAD: use BASE..TIP ...
        >>> os.chdir(here)
    """
    top = project.top
    if given and base:
        raise UsageError("give either RANGE or --base, not both")
    if given and "..." in given:
        raise UsageError(f"{given}: use BASE..TIP (two dots), not a symmetric range")
    if given and ".." in given:
        start, _, end = given.partition("..")
        tip = _existing_commit(end or "HEAD", top)
        return _merge_base_of(_existing_commit(start or "HEAD", top), tip, top), tip
    if given:
        if git.is_shallow(top):
            raise UsageError(_SHALLOW.format(what=f"the whole history of {given}"))
        return None, _existing_commit(given, top)
    if base is None and not git.has_commit("@{upstream}", top):
        raise UsageError(
            "no upstream branch to compare with: pass RANGE (such as"
            " origin/main..HEAD) or --base REV"
        )
    return (
        _merge_base_of(_existing_commit(base or "@{upstream}", top), "HEAD", top),
        "HEAD",
    )


def _merge_base_of(start: str, tip: str, top: Path) -> str:
    """The merge base the replay starts from; a shallow gap is an error."""
    try:
        return git.merge_base(start, top, tip=tip)
    except git.GitError as error:
        if git.is_shallow(top):
            what = f"the merge base of {start} and {tip}"
            raise UsageError(_SHALLOW.format(what=what)) from error
        raise


def _existing_commit(rev: str, top: Path) -> str:
    if git.has_commit(rev, top):
        return rev
    if git.is_shallow(top):
        raise UsageError(_SHALLOW.format(what=rev))
    raise UsageError(f"{rev}: no such commit in this repository")


def check_all(config: Config) -> list[Violation]:
    """Every CON206 finding over the whole history of HEAD (for the baseline).

    Example:
        Each commit is judged on its own: the cart came with its test, the tax
        did not.

        >>> import os, tempfile
        >>> from constitution_hooks.core.config import load_config
        >>> from constitution_hooks.rules import SECTIONS
        >>> here = os.getcwd(); os.chdir(tempfile.mkdtemp())
        >>> who = ["-c", "user.name=A", "-c", "user.email=a@example.invalid"]
        >>> _ = git.run_git(["init", "-q"]); Path("src/shop").mkdir(parents=True)
        >>> Path("tests").mkdir()
        >>> test = "from shop.cart import cart\\ndef test_cart():\\n  assert cart()\\n"
        >>> for name, extra in (("cart", {"tests/test_cart.py": test}), ("tax", {})):
        ...     code = {f"src/shop/{name}.py": f"def {name}():\\n    return 1\\n"}
        ...     for file, text in {**code, **extra}.items():
        ...         _ = Path(file).write_text(text)
        ...     _ = git.run_git(["add", "-A"])
        ...     _ = git.run_git([*who, "commit", "-qm", f"feat: add the {name}"])
        >>> [(v.path, v.code) for v in check_all(load_config(SECTIONS))]
        [('src/shop/tax.py', 'CON206')]
        >>> os.chdir(here)
    """
    if not config.enabled(SECTION.name):
        return []
    project = open_project(config)
    if not git.has_commit("HEAD", project.top) or git.is_shallow(project.top):
        return []
    return _check(project, None, "HEAD")


def _check(project: Project, base: str | None, tip: str) -> list[Violation]:
    top = project.top
    base_files = _python_files(project, git.tree_entries(base, top)) if base else {}
    log = git.log_changes([f"{base}..{tip}" if base else tip], top)
    commits = [c._replace(changes=_relative(project, c.changes)) for c in log]
    get_logger().info("history read", commits=len(commits))

    def tree_of(sha: str) -> dict[str, str]:
        # Reason: a commit of another branch of the range replays from its parent.
        return _python_files(project, git.tree_entries(sha, top))

    # Reason: blobs are read when a rule asks, from one git process, and not kept:
    # memory stays bounded by the facts cache, whatever the range.
    shown = Progress(len(commits), "commits")
    with BlobReader(top) as read:
        found = check_history(
            base_files, commits, read, project.cfg, tree_of, base, _progress(shown)
        )
    shown.close()
    return [v._replace(path=project.prefix + v.path) for v in found]


def _progress(shown: Progress) -> Callable[[int], None]:
    """Count commits replayed on ``shown`` (drawn on a terminal, for a long range)."""

    def advance(done: int) -> None:
        shown.advance(done - shown.done)

    return advance


def _python_files(project: Project, entries: dict[str, str]) -> dict[str, str]:
    return {
        relative: blob
        for path, blob in entries.items()
        if (relative := project.relative(path)) is not None and path.endswith(".py")
    }


def _relative(
    project: Project, changes: tuple[git.Change, ...]
) -> tuple[git.Change, ...]:
    kept: list[git.Change] = []
    for change in changes:
        if not (change.path.endswith(".py") or change.old_path.endswith(".py")):
            continue
        path = project.relative(change.path)
        old_path = project.relative(change.old_path)
        # Reason: a file moved across the project's edge enters or leaves it.
        if path is not None and old_path is not None:
            kept.append(change._replace(path=path, old_path=old_path))
        elif path is not None:
            kept.append(git.Change("A", path, path, git.NULL_SHA, change.new_blob))
        elif old_path is not None:
            kept.append(
                git.Change("D", old_path, old_path, change.old_blob, git.NULL_SHA)
            )
    return tuple(kept)
