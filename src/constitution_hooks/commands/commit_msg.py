"""``constitution commit-msg``: one message file (the hook) or a range (CI)."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path

from constitution_hooks.commands.common import (
    add_config_argument,
    add_format_argument,
    config_from,
    report,
)
from constitution_hooks.core import git
from constitution_hooks.core.commit_text import CONFIG_ARGUMENTS
from constitution_hooks.core.commit_text import message_config as read_message_config
from constitution_hooks.core.config import Config
from constitution_hooks.core.config_memo import remember
from constitution_hooks.core.errors import UsageError
from constitution_hooks.core.log import get_logger
from constitution_hooks.core.violation import Violation
from constitution_hooks.rules.commit.cleanup import (
    clean_message,
    message_for_hook,
    resolve_comment,
)
from constitution_hooks.rules.commit.message import Found, check_message
from constitution_hooks.rules.commit.settings import CommitSettings

NAME = "commit-msg"
HELP = "check a commit message file or --range BASE..HEAD (CON301-CON306)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the message file, ``--range``, format and config arguments.

    Example:
        >>> parser = argparse.ArgumentParser(); add_arguments(parser)
        >>> parser.parse_args(["--range", "main..HEAD"]).rev_range
        'main..HEAD'
    """
    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="the message file git passes to the commit-msg hook",
    )
    parser.add_argument(
        "--range",
        dest="rev_range",
        metavar="BASE..HEAD",
        help="check every commit of a git range instead (merges skipped)",
    )
    add_format_argument(parser)
    add_config_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Check the message(s) and report; return the exit code.

    Example:
        >>> try:
        ...     run(argparse.Namespace(file=None, rev_range=None))
        ... except UsageError as error:
        ...     print(error)
        give either a message FILE or --range BASE..HEAD
    """
    if (args.file is None) == (args.rev_range is None):
        raise UsageError("give either a message FILE or --range BASE..HEAD")
    config = config_from(args)
    if args.file is not None and args.config is None and config.source is not None:
        _remember(config)
    if not config.enabled("commit-message"):
        return report([], args.format)
    settings = CommitSettings.from_settings(config.section("commit-message"))
    if args.file is not None:
        violations = check_message_file(args.file, settings)
    else:
        violations = check_range(args.rev_range, settings)
    get_logger().info(
        "commit messages checked",
        source=args.file or args.rev_range,
        violations=len(violations),
    )
    return report(violations, args.format)


def _remember(config: Config) -> None:
    """Keep the validated table for the launcher's fast path (``config_memo``)."""
    import time

    values = dict(config.section("commit-message").values)
    remember(str(config.source), values, time.time_ns())


def check_message_file(path: str, settings: CommitSettings) -> list[Violation]:
    """Check the message file the commit-msg hook receives, before git cleans it.

    Comment lines use the repository's ``core.commentChar`` (``auto`` inferred)
    and ``commit.cleanup`` decides whether git keeps them (``message_for_hook``);
    violations carry the file as path and the line in the file.

    Raises:
        UsageError: If the file cannot be read.

    Example:
        >>> import pathlib, tempfile
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "MSG"
        >>> _ = p.write_text("# Please enter the message.\\n#\\n")
        >>> from constitution_hooks.core.commit_text import DEFAULTS
        >>> from constitution_hooks.core.config import Settings
        >>> s = CommitSettings.from_settings(Settings(DEFAULTS))
        >>> [v.code for v in check_message_file(str(p), s)]
        ['CON306']
    """
    try:
        # Reason: git stores messages as UTF-8 by default (i18n.commitEncoding);
        # undecodable bytes count as one character each.
        text = Path(path).read_bytes().decode("utf-8", "replace")
    except OSError as error:
        raise UsageError(f"cannot read commit message file {path}: {error}") from error
    comment, cleanup = message_config()
    message = message_for_hook(text, resolve_comment(comment, text), cleanup)
    return _violations(path, check_message(message, settings))


def message_config() -> tuple[str, str]:
    """Return ``core.commentChar`` (or ``core.commentString``) and ``commit.cleanup``.

    One ``git config`` call reads both (the hook's start-up stays one process);
    unset keys give git's defaults, ``#`` and ``default``.

    Example:
        >>> import os, tempfile
        >>> here = os.getcwd(); os.chdir(tempfile.mkdtemp())
        >>> _ = git.run_git(["init", "-q"])
        >>> message_config()
        ('#', 'default')
        >>> _ = git.run_git(["config", "core.commentChar", ";"])
        >>> _ = git.run_git(["config", "commit.cleanup", "scissors"])
        >>> message_config()
        (';', 'scissors')
        >>> os.chdir(here)
    """
    try:
        output = git.run_git(list(CONFIG_ARGUMENTS))
    except git.GitError:
        # Reason: git config exits 1 when no key is set: git's defaults apply.
        return "#", "default"
    return read_message_config(output)


def check_range(rev_range: str, settings: CommitSettings) -> list[Violation]:
    """Check every stored message of a range; merges (2+ parents) are skipped.

    The path of each violation is the commit's short sha and the line is the line
    in its stored message; a violation below the first line starts with the
    commit's first line in parentheses. Stored messages are already clean, so
    lines starting with ``#`` are content there, not comments.

    Raises:
        GitError: For an unknown revision (exit 2 with git's reason).

    Example:
        >>> import os, tempfile
        >>> from constitution_hooks.core.commit_text import DEFAULTS
        >>> from constitution_hooks.core.config import Settings
        >>> s = CommitSettings.from_settings(Settings(DEFAULTS))
        >>> here = os.getcwd(); os.chdir(tempfile.mkdtemp())
        >>> who = ["-c", "user.name=A", "-c", "user.email=a@example.invalid"]
        >>> _ = git.run_git(["init", "-q"])
        >>> for message in ("feat: add the cart", "Fixed things"):
        ...     _ = git.run_git([*who, "commit", "-q", "--allow-empty", "-m", message])
        >>> [(v.line, v.code) for v in check_range("HEAD", s)]
        [(1, 'CON301')]
        >>> os.chdir(here)
    """
    violations: list[Violation] = []
    commits = git.commit_log(rev_range)
    get_logger().debug("range listed", range=rev_range, commits=len(commits))
    for commit in commits:
        message = clean_message(commit.message, comment="")
        for violation in _violations(commit.sha, check_message(message, settings)):
            if violation.line != 1:
                text = f"({message.header}) {violation.message}"
                violation = violation._replace(message=text)
            violations.append(violation)
    return violations


def _violations(path: str, found: Iterable[Found]) -> list[Violation]:
    return [rule.at(path, finding) for rule, finding in found]
