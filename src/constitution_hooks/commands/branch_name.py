"""``constitution branch-name``: the current branch, or ``--branch NAME``."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from constitution_hooks.commands.common import (
    add_config_argument,
    add_format_argument,
    config_from,
    report,
)
from constitution_hooks.core import git
from constitution_hooks.core.config import Config
from constitution_hooks.core.head import head_branch
from constitution_hooks.core.log import get_logger
from constitution_hooks.core.violation import Violation
from constitution_hooks.rules.branch import RULES
from constitution_hooks.rules.branch.check import check_branch

if TYPE_CHECKING:
    import argparse

_RULE = RULES[0]


NAME = "branch-name"
HELP = "check the current branch (or --branch NAME) against the patterns (CON311)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--branch``, format and config arguments.

    Example:
        >>> import argparse
        >>> parser = argparse.ArgumentParser(); add_arguments(parser)
        >>> parser.parse_args(["--branch", "fix/42"]).branch
        'fix/42'
    """
    parser.add_argument(
        "--branch",
        metavar="NAME",
        help="the branch to check (default: the one being pushed, else HEAD's)",
    )
    add_format_argument(parser)
    add_config_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Check the branch and report; return the exit code.

    Example:
        >>> import argparse
        >>> run(argparse.Namespace(branch="docs/readme", format="text", config=None))
        0
    """
    return report(branch_violations(config_from(args), args.branch), args.format)


def branch_violations(config: Config, branch: str | None = None) -> list[Violation]:
    """CON311 for ``branch``, else the branch being pushed, else HEAD's.

    A detached HEAD, the unborn branch of a fresh repository and a disabled
    ``branch-name`` table give nothing.

    Example:
        >>> from constitution_hooks.core.config import load_config
        >>> from constitution_hooks.rules import SECTIONS
        >>> config = load_config(SECTIONS)
        >>> branch_violations(config, "feature/search")
        []
        >>> [(v.location(), v.code) for v in branch_violations(config, "wip")]
        [('wip:1:1', 'CON311')]
    """
    if not config.enabled("branch-name"):
        return []
    name, is_head = (branch, False) if branch else _branch_under_check()
    if not name:
        return []
    findings = list(check_branch(name, config.section("branch-name")))
    if findings and is_head and not git.branch_exists(name):
        # Reason: the unborn branch of a fresh repository is git init's choice.
        findings = []
    get_logger().info("branch checked", branch=name, violations=len(findings))
    return [_RULE.at(name, finding) for finding in findings]


def _branch_under_check() -> tuple[str, bool]:
    """The branch pre-commit pushes (pre-push stage), else HEAD's; is it HEAD's."""
    pushed = os.environ.get("PRE_COMMIT_LOCAL_BRANCH", "")
    if pushed.startswith("refs/heads/"):
        return pushed[len("refs/heads/") :], False
    # Reason: HEAD's file answers without a git process; None means ask git.
    name = head_branch(os.getcwd())
    return (git.current_branch() if name is None else name), True
