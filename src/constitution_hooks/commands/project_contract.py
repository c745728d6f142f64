"""``constitution project-contract``: the repository-level rules, on the index."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

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
from constitution_hooks.core.registry import select_rules
from constitution_hooks.core.violation import Violation
from constitution_hooks.rules import RULES
from constitution_hooks.rules.project import RULES as CONTRACT_RULES
from constitution_hooks.rules.project import SECTION

if TYPE_CHECKING:
    from constitution_hooks.rules.project.files import ProjectFiles
    from constitution_hooks.rules.project.settings import ContractSettings

if TYPE_CHECKING:
    import argparse


def project_prefix(config: Config, top: Path) -> str:
    """The project's folder in the repository: ``""`` at the top, else ``"app/"``.

    Example:
        >>> from constitution_hooks.core.config import Config
        >>> project_prefix(Config(Path("/r/app"), None, ()), Path("/r"))
        'app/'
    """
    try:
        prefix = config.root.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        prefix = "."
    return "" if prefix == "." else prefix + "/"


def _nearest(name: str, prefix: str, index: dict[str, str]) -> tuple[str, str, str]:
    """(repository path, path from the project, project from its folder) of the
    nearest tracked ``name`` in the project folder or above, as uv looks it up."""
    parts = prefix.rstrip("/").split("/") if prefix else []
    for depth in range(len(parts) + 1):
        folder = "/".join(parts[: len(parts) - depth])
        path = posixpath.join(folder, name)
        if path in index:
            member = "/".join(parts[len(parts) - depth :]) or "."
            return path, "../" * depth + name, member
    return prefix + name, name, "."


def snapshot(top: Path, prefix: str, cfg: ContractSettings) -> ProjectFiles:
    """Read the project as the index holds it, with one ``cat-file`` process.

    Example:
        What is staged counts, not the edit made after it:

        >>> import tempfile; top = Path(tempfile.mkdtemp())
        >>> from constitution_hooks.core.config import Settings
        >>> from constitution_hooks.rules.project.settings import ContractSettings
        >>> _ = git.run_git(["init", "-q"], top), (top / "pyproject.toml").touch()
        >>> _ = git.run_git(["add", "-A"], top)
        >>> _ = (top / "pyproject.toml").write_text("[project]  # not staged\\n")
        >>> defaults = Settings({o.key: o.default for o in SECTION.all_options()})
        >>> snapshot(top, "", ContractSettings.from_settings(defaults)).blobs
        {'pyproject.toml': b''}
    """
    from constitution_hooks.rules.project.files import LOCK, PIN, ProjectFiles, wanted
    from constitution_hooks.rules.project.repository import ENV

    index = git.index_entries(top)
    paths = frozenset(p[len(prefix) :] for p in index if p.startswith(prefix))
    lock_path, lock, member = _nearest(LOCK, prefix, index)
    pin_path, pin, _ = _nearest(PIN, prefix, index)
    keys = {prefix + p: p for p in paths if wanted(p, cfg)}
    keys.update(
        {p: key for p, key in ((lock_path, lock), (pin_path, pin)) if p in index}
    )
    blobs = git.read_blobs((index[path] for path in keys), top)
    contents = {keys[path]: blobs[index[path]] for path in keys if index[path] in blobs}
    env_ignored = bool(git.ignored([prefix + ENV], top))
    return ProjectFiles(prefix, paths, contents, env_ignored, lock, member, pin)


def contract_violations(
    config: Config, select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> list[Violation]:
    """The project contract's violations; none when off or outside a git work tree.

    Example:
        >>> import os, tempfile
        >>> from constitution_hooks.core.config import load_config
        >>> from constitution_hooks.rules import SECTIONS
        >>> here = os.getcwd(); os.chdir(tempfile.mkdtemp())
        >>> _ = git.run_git(["init", "-q"])
        >>> config = load_config(SECTIONS)
        >>> [(v.path, v.code) for v in contract_violations(config, select=["CON704"])]
        [('.gitignore', 'CON704')]
        >>> _ = Path(".gitignore").write_text(".env\\n"), git.run_git(["add", "-A"])
        >>> contract_violations(config, select=["CON704"])
        []
        >>> os.chdir(here)
    """
    codes = [rule.code for rule in select_rules(CONTRACT_RULES, select, ignore, RULES)]
    if not codes or not config.enabled(SECTION.name):
        return []
    top = git.work_tree_root()
    if top is None:
        get_logger().debug("project contract skipped: not a git work tree")
        return []
    from constitution_hooks.rules.project.contract import check_contract
    from constitution_hooks.rules.project.settings import ContractSettings

    cfg = ContractSettings.from_settings(config.section(SECTION.name))
    return check_contract(snapshot(top, project_prefix(config, top), cfg), cfg, codes)


NAME = "project-contract"
HELP = (
    "pinned dependencies, .python-version, uv.lock, no .env, changelog, ADRs"
    " (CON701-CON708)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add rule selection, format and config arguments.

    Example:
        >>> import argparse
        >>> parser = argparse.ArgumentParser(); add_arguments(parser)
        >>> parser.parse_args(["--select", "CON701", "--ignore", "CON705"]).ignore
        ['CON705']
    """
    for flag, what in (("--select", "only these"), ("--ignore", "skip these")):
        parser.add_argument(
            flag,
            action="append",
            default=[],
            metavar="RULE",
            help=f"{what} rules (code or id; repeatable, comma-separated)",
        )
    add_output_arguments(parser)
    add_config_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Check the project and report; return the exit code.

    Example:
        >>> import pathlib, tempfile
        >>> config = pathlib.Path(tempfile.mkdtemp()) / "pyproject.toml"
        >>> table = "[tool.constitution.project-contract]\\nenabled = false"
        >>> _ = config.write_text(table)
        >>> import argparse
        >>> parser = argparse.ArgumentParser(); add_arguments(parser)
        >>> run(parser.parse_args(["--config", str(config)]))
        0
    """
    config = config_from(args)
    if not git.inside_work_tree():
        raise UsageError(
            "project-contract judges what git holds: run it inside a git work tree"
        )
    violations = contract_violations(config, _names(args.select), _names(args.ignore))
    get_logger().info("project-contract finished", violations=len(violations))
    return report(violations, args.format, args=args, config=config)


def _names(values: list[str]) -> list[str]:
    return [
        name.strip() for value in values for name in value.split(",") if name.strip()
    ]
