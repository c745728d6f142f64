"""Apply the baseline to a command's findings: the one place every command shares."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from constitution_hooks.core.config import Config
from constitution_hooks.core.violation import Violation

if TYPE_CHECKING:
    from constitution_hooks.core import baseline

# Reason: a history finding belongs to a commit: the same module flagged again in
# a later commit is a new finding, whatever its order in the range.
HISTORY_CODES = frozenset({"CON206"})
# Reason: core.baseline's own name for the file (a test keeps them equal), so a
# project without a baseline never imports the baseline code.
BASELINE_FILE = ".constitution-baseline.json"


def fingerprinter(config: Config) -> baseline.Fingerprinter:
    """The fingerprinter of this registry, paths relative to the config's folder.

    Example:
        >>> fingerprinter(Config(Path("/r"), None, ())).root
        PosixPath('/r')
    """
    from constitution_hooks.commands.common import FILE_LEVEL_CODES, SIZED_CODES
    from constitution_hooks.core import baseline

    return baseline.Fingerprinter(
        config.root, FILE_LEVEL_CODES, SIZED_CODES, HISTORY_CODES
    )


def baseline_anchors(config: Config) -> baseline.Fingerprinter | None:
    """The fingerprinter for the runner's workers, when a baseline exists.

    Example:
        >>> baseline_anchors(Config(Path("/no/such"), None, ())) is None
        True
    """
    return fingerprinter(config) if baseline_path(config).is_file() else None


def baseline_path(config: Config) -> Path:
    """Where the baseline of this config lives: beside its pyproject.toml.

    Example:
        >>> baseline_path(Config(Path("/r"), None, ())).as_posix()
        '/r/.constitution-baseline.json'
    """
    return config.root / BASELINE_FILE


def drop_baselined(
    violations: Sequence[Violation], config: Config
) -> tuple[list[Violation], int]:
    """The violations the baseline does not record, and how many it does.

    Raises:
        UsageError: If the baseline file is broken.

    Example:
        >>> drop_baselined([], Config(Path("/no/such"), None, ()))
        ([], 0)
    """
    path = baseline_path(config)
    if not path.exists():
        return list(violations), 0
    from constitution_hooks.core import baseline

    recorded = baseline.read(path)
    if not recorded or not violations:
        return list(violations), 0
    finger = fingerprinter(config)
    # Reason: fingerprinting parses the file; a finding whose code and file the
    # baseline never names is new without it.
    named = {(entry.code, entry.path) for entry in recorded}
    root = finger.root
    known = [
        v for v in violations if (v.code, baseline.relative_path(v.path, root)) in named
    ]
    result = baseline.split(known, finger.entries(known), recorded)
    judged = {id(v) for v in known}
    kept = {id(v) for v in result.new}
    new = [v for v in violations if id(v) not in judged or id(v) in kept]
    return new, result.skipped
