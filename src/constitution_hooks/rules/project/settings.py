"""The project-contract table resolved into settings; findings and exemptions."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from typing import NamedTuple

from constitution_hooks.core.config import Settings
from constitution_hooks.core.violation import Finding, Violation
from constitution_hooks.rules.project import RULES


class ProjectFinding(NamedTuple):
    """One broken contract rule: where, what, and the subject exemptions match.

    Attributes:
        code: The rule's code, such as ``CON701``.
        path: The repository-relative file the finding concerns.
        line: 1-based line in that file.
        column: 1-based column.
        message: What is wrong and how to fix it.
        subject: The dependency name or path an exemption's ``subject`` matches.

    Example:
        >>> f = ProjectFinding("CON705", "pyproject.toml", 3, 5, "m", "pytest")
        >>> f.violation().rule
        'dev-tool-in-production'
    """

    code: str
    path: str
    line: int
    column: int
    message: str
    subject: str = ""

    def violation(self) -> Violation:
        """The finding as the violation reporters format."""
        rule = next(rule for rule in RULES if rule.code == self.code)
        return rule.at(self.path, Finding(self.line, self.column, self.message))


class Exemption(NamedTuple):
    """One ``exempt`` entry: a rule code, an optional subject glob, the reason.

    Example:
        >>> Exemption("CON705", "coverage", "read at run time").covers(
        ...     ProjectFinding("CON705", "pyproject.toml", 1, 1, "m", "coverage"))
        True
    """

    code: str
    subject: str
    reason: str

    def covers(self, finding: ProjectFinding) -> bool:
        """Whether this entry exempts ``finding``."""
        if finding.code != self.code:
            return False
        return not self.subject or fnmatch.fnmatchcase(finding.subject, self.subject)


@dataclass(frozen=True)
class ContractSettings:
    """The ``[tool.constitution.project-contract]`` table, resolved.

    Example:
        >>> ContractSettings().decisions_dir
        'docs/architecture/decisions'
    """

    exempt: tuple[Exemption, ...] = ()
    optional: bool = False
    groups: bool = False
    dev_tools: tuple[str, ...] = ()
    decisions_dir: str = "docs/architecture/decisions"
    debt_file: str = "docs/technical-debt.md"

    @classmethod
    def from_settings(cls, settings: Settings) -> ContractSettings:
        """Resolve the table's values (already validated by the config loader)."""
        exempt = tuple(
            Exemption(_code(e["rule"]), e.get("subject", ""), e["reason"])
            for e in settings.raw("exempt")
        )
        return cls(
            exempt,
            settings.flag("check-optional-dependencies"),
            settings.flag("check-dependency-groups"),
            settings.strings("dev-tools"),
            settings.text("decisions-dir").strip("/"),
            settings.text("technical-debt-file").strip("/"),
        )

    def exemption(self, finding: ProjectFinding) -> str | None:
        """The written reason ``finding`` is exempt, or None."""
        return next((e.reason for e in self.exempt if e.covers(finding)), None)


def _code(name: str) -> str:
    return next(
        rule.code for rule in RULES if name.upper() == rule.code or name == rule.id
    )
