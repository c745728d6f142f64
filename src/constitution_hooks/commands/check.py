"""``constitution check`` and the per-hook commands restricted to their rules."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from constitution_hooks.commands.baseline_filter import baseline_anchors
from constitution_hooks.commands.common import (
    add_config_argument,
    add_output_arguments,
    config_from,
    report,
)
from constitution_hooks.core.cache import CACHE_DIR
from constitution_hooks.core.config import ProjectConfigs
from constitution_hooks.core.files import discover
from constitution_hooks.core.log import get_logger
from constitution_hooks.core.parallel import LARGE_RUN_BYTES
from constitution_hooks.core.registry import Rule, select_rules
from constitution_hooks.core.runner import check_files
from constitution_hooks.rules import RULES, SECTIONS

if TYPE_CHECKING:
    import argparse

    from constitution_hooks.core.changes import Changes
    from constitution_hooks.core.config import Config
    from constitution_hooks.core.violation import Violation

# Reason: the runner reports these itself (parse errors, waivers) for every file hook.
PARSE_CODES = ("CON001", "CON002", "CON003", "CON010", "CON011")


class FileCommand(NamedTuple):
    """A command that runs file rules: ``check`` runs all, a hook command its own.

    Example:
        >>> [r.code for r in FILE_LENGTH.rules()]
        ['CON001', 'CON002', 'CON003', 'CON101', 'CON010', 'CON011']
    """

    name: str
    help: str
    hooks: tuple[str, ...] = ()

    def rules(self) -> tuple[Rule, ...]:
        """The rules this command runs before ``--select``/``--ignore``."""
        return tuple(
            rule
            for rule in RULES
            if rule.is_file_rule or rule.code in PARSE_CODES
            if not self.hooks or rule.hook in self.hooks or rule.code in PARSE_CODES
        )

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Add file selection, rule selection, format and config arguments."""
        parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
        parser.add_argument(
            "--all-files",
            action="store_true",
            help="every Python file git tracks (outside git: every *.py below here)",
        )
        parser.add_argument(
            "--select",
            action="append",
            default=[],
            metavar="RULE",
            help="only these rules (code or id; repeatable, comma-separated)",
        )
        parser.add_argument(
            "--ignore",
            action="append",
            default=[],
            metavar="RULE",
            help="skip these rules (code or id; repeatable, comma-separated)",
        )
        parser.add_argument(
            "--diff-base",
            metavar="REV",
            help="only violations on lines changed since REV (its merge base with"
            " HEAD), plus file-level ones of changed files; without paths, checks"
            " the changed Python files",
        )
        add_output_arguments(parser)
        add_config_argument(parser)
        add_speed_arguments(parser)

    def run(self, args: argparse.Namespace) -> int:
        """Check the files and report; return the exit code."""
        config = config_from(args)
        rules = select_rules(
            self.rules(), _names(args.select), _names(args.ignore), known=RULES
        )
        changes = _changes(args.diff_base)
        # Reason: like ruff, no paths and no --all-files means the current folder;
        # with --diff-base it means the changed Python files.
        default = changes.paths() if changes is not None else ["."]
        given = args.paths or ([] if args.all_files else default)
        paths = discover(given, args.all_files, config.exclude, config.root)
        get_logger().info("files discovered", command=self.name, count=len(paths))
        violations = check_files(
            paths,
            config,
            rules,
            jobs=args.jobs,
            use_cache=not args.no_cache,
            known=RULES,
            configs=ProjectConfigs(SECTIONS, config, args.config is not None).for_path,
            anchors=None if args.no_baseline else baseline_anchors(config),
            spans=changes is not None,
        )
        if args.all_files and not self.hooks:
            violations = sorted(violations + _contract(config, args))
        if changes is not None:
            violations = [v for v in violations if changes.keeps(v)]
        get_logger().info("check finished", violations=len(violations))
        judged = f"{len(paths)} file" + ("" if len(paths) == 1 else "s")
        return report(violations, args.format, args=args, config=config, judged=judged)


def add_speed_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--jobs N`` and ``--no-cache``.

    Example:
        >>> import argparse
        >>> p = argparse.ArgumentParser(); add_speed_arguments(p)
        >>> args = p.parse_args(["--jobs", "2", "--no-cache"])
        >>> args.jobs, args.no_cache
        (2, True)
    """
    parser.add_argument(
        "--jobs",
        type=_positive_int,
        default=None,
        metavar="N",
        help=(
            "worker processes (default: one per CPU when the files to check hold"
            f" {LARGE_RUN_BYTES // 1_000_000} MB of source or more, else 1; 1 under"
            " pre-commit, which runs one hook process per CPU itself; never more"
            " than the files or the CPUs)"
        ),
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help=f"neither read nor write the result cache ({CACHE_DIR}/)",
    )


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        import argparse

        raise argparse.ArgumentTypeError(
            f"expected a whole number >= 1, found {text!r}"
        )
    return value


def _names(values: list[str]) -> list[str]:
    return [
        name.strip() for value in values for name in value.split(",") if name.strip()
    ]


CHECK = FileCommand("check", "run every file rule (the 'constitution' hook)")
FILE_LENGTH = FileCommand(
    "file-length", "files over the line limit (CON101)", ("file-length",)
)
FUNCTION_SIZE = FileCommand(
    "function-size",
    "functions and classes over their limits (CON102, CON103)",
    ("function-size",),
)
COMMANDS = (CHECK, FILE_LENGTH, FUNCTION_SIZE)


def _changes(diff_base: str | None) -> Changes | None:
    if not diff_base:
        return None
    from constitution_hooks.core.changes import changes_since

    return changes_since(diff_base, RULES)


def _contract(config: Config, args: argparse.Namespace) -> list[Violation]:
    # Reason: --all-files judges the whole repository, so the project contract
    # too; imported only then, so a hook run on staged files never pays for it.
    from constitution_hooks.commands.project_contract import contract_violations

    return contract_violations(config, _names(args.select), _names(args.ignore))
