"""CON707 decision-records: ADRs with the four headings, and a technical-debt log."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from constitution_hooks.rules.project.changelog import headings
from constitution_hooks.rules.project.files import ADR, ProjectFiles
from constitution_hooks.rules.project.settings import ContractSettings, ProjectFinding

REQUIRED = ("Status", "Context", "Decision", "Consequences")
_FRONT_STATUS = re.compile(r"---\n(?:.*\n)*?status:.*\n(?:.*\n)*?---\n", re.IGNORECASE)


def missing_headings(text: str) -> list[str]:
    """The required headings an ADR lacks (a heading naming the word counts).

    A ``status:`` field in YAML front matter (MADR) counts as the Status heading.

    Example:
        >>> missing_headings("# 1. X\\n## Context\\n## Decision Outcome\\n")
        ['Status', 'Consequences']
    """
    words = {
        word.lower()
        for heading in headings(text)
        for word in re.findall(r"\w+", heading.text)
    }
    if _FRONT_STATUS.match(text.replace("\r\n", "\n")):
        words.add("status")
    return [name for name in REQUIRED if name.lower() not in words]


def check_decisions(
    files: ProjectFiles, cfg: ContractSettings
) -> Iterator[ProjectFinding]:
    """CON707: decision records exist and have their headings; a debt log exists.

    Example:
        >>> files = ProjectFiles("", frozenset(), {})
        >>> [f.subject for f in check_decisions(files, ContractSettings())]
        ['docs/architecture/decisions', 'docs/technical-debt.md']
    """
    records = sorted(
        path
        for path in files.paths
        if posixpath.dirname(path) == cfg.decisions_dir
        and ADR.fullmatch(posixpath.basename(path))
    )
    if not records:
        yield ProjectFinding(
            "CON707",
            files.where(cfg.decisions_dir),
            1,
            1,
            f"no decision records in {cfg.decisions_dir}/: record significant design"
            f" choices as {cfg.decisions_dir}/0001-<title>.md with Status, Context,"
            " Decision and Consequences headings",
            cfg.decisions_dir,
        )
    for path in records:
        lacking = missing_headings(files.text(path) or "")
        if lacking:
            yield ProjectFinding(
                "CON707",
                files.where(path),
                1,
                1,
                f"decision record lacks the heading(s) {', '.join(lacking)}: an ADR"
                " has Status, Context, Decision and Consequences headings",
                path,
            )
    if cfg.debt_file not in files.paths:
        yield ProjectFinding(
            "CON707",
            files.where(cfg.debt_file),
            1,
            1,
            f"{cfg.debt_file} is missing (or not tracked): keep a technical-debt log,"
            " each shortcut with why it was taken and what would repay it",
            cfg.debt_file,
        )
