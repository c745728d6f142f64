"""Run every project-contract rule over the project; exemptions applied."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from constitution_hooks.core.violation import Violation
from constitution_hooks.rules.project.changelog import check_changelog
from constitution_hooks.rules.project.decisions import check_decisions
from constitution_hooks.rules.project.dependencies import check_dev_tools, check_pins
from constitution_hooks.rules.project.files import ProjectFiles
from constitution_hooks.rules.project.lockfile import check_lockfile
from constitution_hooks.rules.project.python_version import check_python_version
from constitution_hooks.rules.project.repository import (
    check_env_files,
    check_virtualenvs,
)
from constitution_hooks.rules.project.settings import ContractSettings, ProjectFinding

Check = Callable[[ProjectFiles, ContractSettings], Iterator[ProjectFinding]]
CHECKS: tuple[tuple[str, Check], ...] = (
    ("CON701", check_pins),
    ("CON702", check_python_version),
    ("CON703", check_lockfile),
    ("CON704", check_env_files),
    ("CON705", check_dev_tools),
    ("CON706", check_changelog),
    ("CON707", check_decisions),
    ("CON708", check_virtualenvs),
)


def check_contract(
    files: ProjectFiles, cfg: ContractSettings, codes: Iterable[str]
) -> list[Violation]:
    """Run the rules named by ``codes`` and return their unexempted violations.

    Args:
        files: The project as the next commit holds it.
        cfg: The resolved ``[tool.constitution.project-contract]`` table.
        codes: The selected rule codes.

    Returns:
        Violations sorted by path, line, column and code.

    Example:
        >>> files = ProjectFiles("", frozenset({".env"}), {})
        >>> [v.code for v in check_contract(files, ContractSettings(), ["CON704"])]
        ['CON704']
    """
    chosen = set(codes)
    found = [
        finding
        for code, check in CHECKS
        if code in chosen
        for finding in check(files, cfg)
    ]
    return sorted(f.violation() for f in found if cfg.exemption(f) is None)
