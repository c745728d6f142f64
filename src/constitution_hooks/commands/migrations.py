"""``constitution migrations``: staged, pushed or branch changes to deployed ones."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable
from pathlib import Path

from constitution_hooks.commands.common import (
    add_config_argument,
    add_format_argument,
    config_from,
    report,
)
from constitution_hooks.commands.project_contract import project_prefix
from constitution_hooks.core import git
from constitution_hooks.core.config import Settings
from constitution_hooks.core.errors import UsageError
from constitution_hooks.core.log import get_logger
from constitution_hooks.rules.migrations import SECTION
from constitution_hooks.rules.migrations.locate import (
    INI,
    Migrations,
    find_migrations,
    pyproject_dirs,
)
from constitution_hooks.rules.migrations.modified import check_migrations
from constitution_hooks.rules.project.files import loads

_RAW = ["--raw", "-z", "-M", "--no-abbrev", "--no-ext-diff"]


def changes_to_judge(top: Path, diff_base: str | None) -> list[git.Change]:
    """The pushed range under pre-push, else since ``diff_base``, else the staged.

    Example:
        Two commits (``a.py``, ``b.py``), then ``c.py`` staged:

        >>> import tempfile; top = Path(tempfile.mkdtemp())
        >>> who = ["-c", "user.name=A", "-c", "user.email=a@example.invalid"]
        >>> _ = git.run_git(["init", "-q"], top)
        >>> for name in ("a.py", "b.py", "c.py"):
        ...     _ = (top / name).touch(), git.run_git(["add", name], top)
        ...     if name != "c.py":
        ...         _ = git.run_git([*who, "commit", "-qm", f"feat: {name}"], top)
        >>> [c.path for c in changes_to_judge(top, None)]
        ['c.py']
        >>> [c.path for c in changes_to_judge(top, "HEAD~1")]
        ['b.py', 'c.py']
    """
    start = os.environ.get("PRE_COMMIT_FROM_REF")
    end = os.environ.get("PRE_COMMIT_TO_REF")
    if start and end and not diff_base:
        args = ["diff", *_RAW, "--end-of-options", start, end, "--"]
    elif diff_base:
        base = git.merge_base(diff_base, top)
        args = ["diff", "--cached", *_RAW, "--end-of-options", base, "--"]
    else:
        return git.staged_changes(top)
    return git.parse_raw(git.run_git(args, top).split(b"\0"))


def default_deployed(top: Path) -> str | None:
    """The upstream of the default branch (origin's HEAD names it), else main.

    Example:
        >>> import tempfile; top = Path(tempfile.mkdtemp())
        >>> who = ["-c", "user.name=A", "-c", "user.email=a@example.invalid"]
        >>> _ = git.run_git(["init", "-q", "-b", "main"], top)
        >>> print(default_deployed(top))  # no commit yet
        None
        >>> _ = git.run_git([*who, "commit", "-q", "--allow-empty", "-mfeat: a"], top)
        >>> default_deployed(top)
        'main'
    """
    branch = "main"
    try:
        origin = git.run_git(
            ["symbolic-ref", "-q", "--short", "refs/remotes/origin/HEAD"], top
        )
        branch = origin.decode("utf-8", "replace").strip().split("/", 1)[1]
    except (git.GitError, IndexError):
        pass
    upstream = f"{branch}@{{upstream}}"
    if git.has_commit(upstream, top):
        name = git.run_git(["rev-parse", "--abbrev-ref", upstream], top)
        return name.decode("utf-8", "replace").strip() or upstream
    return next(
        (ref for ref in (f"origin/{branch}", branch) if git.has_commit(ref, top)), None
    )


def deployed_refs(top: Path, settings: Settings) -> list[str]:
    """Every revision counted as deployed: ``deployed-ref`` or the default, tags.

    Raises:
        UsageError: If ``deployed-ref`` names no commit here.

    Example:
        >>> import tempfile; top = Path(tempfile.mkdtemp())
        >>> who = ["-c", "user.name=A", "-c", "user.email=a@example.invalid"]
        >>> _ = git.run_git(["init", "-q", "-b", "main"], top)
        >>> _ = git.run_git([*who, "commit", "-q", "--allow-empty", "-mfeat: a"], top)
        >>> _ = git.run_git(["tag", "v1.0"], top)
        >>> defaults = {o.key: o.default for o in SECTION.all_options()}
        >>> deployed_refs(top, Settings(defaults))
        ['main']
        >>> deployed_refs(top, Settings({**defaults, "deployed-tags": True}))
        ['main', 'refs/tags/v1.0']
    """
    chosen = settings.text("deployed-ref")
    if chosen and not git.has_commit(chosen, top):
        raise UsageError(
            f"[tool.constitution.migrations] deployed-ref '{chosen}': no such commit"
            " here (fetch it first)"
        )
    refs = [chosen] if chosen else [r for r in [default_deployed(top)] if r]
    if settings.flag("deployed-tags"):
        output = git.run_git(["for-each-ref", "--format=%(refname)", "refs/tags"], top)
        refs += output.decode("utf-8", "replace").split()
    return refs


def present_at(refs: list[str], paths: Iterable[str], top: Path) -> dict[str, str]:
    """Map each path some revision holds to the first such revision (one process).

    Example:
        >>> present_at([], ["a.py"], Path("."))
        {}
    """
    wanted = [(ref, path) for path in paths if "\n" not in path for ref in refs]
    if not wanted:
        return {}
    stdin = "".join(f"{ref}:{path}\n" for ref, path in wanted)
    output = git.run_git(
        ["cat-file", "--batch-check=%(objecttype)"],
        top,
        stdin.encode("utf-8", "surrogateescape"),
    )
    found: dict[str, str] = {}
    for (ref, path), answer in zip(wanted, output.decode().splitlines(), strict=False):
        if answer == "blob":
            found.setdefault(path, ref.removeprefix("refs/tags/"))
    return found


def locate_migrations(
    top: Path, prefix: str, settings: Settings, index: dict[str, str]
) -> Migrations:
    """The migrations of the project: ``migrations-glob``, else alembic's config.

    Example:
        >>> import tempfile; top = Path(tempfile.mkdtemp())
        >>> _ = git.run_git(["init", "-q"], top)
        >>> _ = (top / "alembic.ini").write_text("[alembic]\\nscript_location = db\\n")
        >>> _ = git.run_git(["add", "alembic.ini"], top)
        >>> settings = Settings({o.key: o.default for o in SECTION.all_options()})
        >>> locate_migrations(top, "", settings, git.index_entries(top))
        Migrations(dirs=('db/versions',), globs=())
    """
    globs = [prefix + glob.lstrip("/") for glob in settings.strings("migrations-glob")]
    if globs:
        return find_migrations({}, globs)
    inis = [
        p for p in index if p.startswith(prefix) and (p == INI or p.endswith("/" + INI))
    ]
    pyproject = prefix + "pyproject.toml"
    blobs = git.read_blobs((index[p] for p in [*inis, pyproject] if p in index), top)
    texts = {p: blobs.get(index[p], b"").decode("utf-8", "replace") for p in inis}
    found = find_migrations(texts)
    if pyproject in index:
        try:
            document = loads(
                blobs.get(index[pyproject], b"").decode("utf-8", "replace")
            )
        except ValueError:
            document = {}
        dirs = pyproject_dirs(pyproject, document)
        found = Migrations(tuple(dict.fromkeys([*found.dirs, *dirs])))
    return found


NAME = "migrations"
HELP = "changes to migrations the deployed revision holds (CON801)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--diff-base``, format and config arguments.

    Example:
        >>> parser = argparse.ArgumentParser(); add_arguments(parser)
        >>> parser.parse_args(["--diff-base", "origin/main"]).diff_base
        'origin/main'
    """
    parser.add_argument(
        "--diff-base",
        metavar="REV",
        help="judge the changes since REV (its merge base with HEAD, staged"
        " changes included) instead of the staged ones",
    )
    add_format_argument(parser)
    add_config_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Check and report; return the exit code.

    Example:
        >>> import pathlib, tempfile
        >>> config = pathlib.Path(tempfile.mkdtemp()) / "pyproject.toml"
        >>> _ = config.write_text("[tool.constitution.migrations]\\nenabled = false")
        >>> parser = argparse.ArgumentParser(); add_arguments(parser)
        >>> run(parser.parse_args(["--config", str(config)]))
        0
    """
    config = config_from(args)
    if not config.enabled(SECTION.name):
        return report([], args.format)
    if not git.inside_work_tree():
        raise UsageError(
            "migrations judges what git holds: run it inside a git work tree"
        )
    top = git.repository_root()
    settings = config.section(SECTION.name)
    index = git.index_entries(top)
    migrations = locate_migrations(top, project_prefix(config, top), settings, index)
    changes = [
        change
        for change in changes_to_judge(top, args.diff_base)
        if change.status != "A" and migrations.holds(change.old_path)
    ]
    get_logger().info("migration changes", count=len(changes))
    if not changes:
        return report([], args.format)
    refs = deployed_refs(top, settings)
    if not refs:
        get_logger().info("no deployed revision found: nothing is deployed")
    deployed = present_at(refs, {c.old_path for c in changes}, top)
    blobs = git.read_blobs(
        (b for c in changes for b in (c.old_blob, c.new_blob) if b != git.NULL_SHA),
        top,
    )
    exempt = [(e["path"], e["reason"]) for e in settings.raw("exempt")]
    violations = check_migrations(changes, migrations, deployed, blobs, exempt)
    return report(violations, args.format)
