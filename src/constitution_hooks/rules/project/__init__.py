"""CON701-CON708 as registry data: the project contract and its config table."""

from __future__ import annotations

from collections.abc import Mapping

from constitution_hooks.core.options import Option, Section, boolean, string
from constitution_hooks.core.options import string_list as _string_list
from constitution_hooks.core.registry import Rule

HOOK = "project-contract"
DEV_TOOLS = (
    *("pytest*", "coverage", "mypy", "ruff", "black", "bandit", "faker"),
    *("pre-commit", "hypothesis", "types-*"),
)
_EXEMPT_KEYS = frozenset({"rule", "subject", "reason"})
_EXEMPT_HINT = (
    "; or exempt it with a written reason: [tool.constitution.project-contract]"
    ' exempt = [{{ rule = "{code}", subject = "...", reason = "why" }}]'
)


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_exempt_entry(entry: object) -> bool:
    if not isinstance(entry, Mapping) or not {"rule", "reason"} <= set(entry):
        return False
    if not set(entry) <= _EXEMPT_KEYS or not _is_text(entry["reason"]):
        return False
    if "subject" in entry and not _is_text(entry["subject"]):
        return False
    rule = entry["rule"]
    return isinstance(rule, str) and any(
        rule.upper() == r.code or rule == r.id for r in RULES
    )


def _is_exempt_list(value: object) -> bool:
    return isinstance(value, list) and all(_is_exempt_entry(e) for e in value)


SECTION = Section(
    HOOK,
    (
        Option(
            "exempt",
            [],
            'a list of { rule = "CON7xx", subject = "glob", reason = "why" } tables'
            " (rule and a written reason required; subject optional)",
            _is_exempt_list,
            "findings exempt from the contract, each with its reason; subject is a"
            " glob on the dependency name or path a finding names",
        ),
        boolean(
            "check-optional-dependencies",
            False,
            "also require [project.optional-dependencies] pinned (CON701)",
        ),
        boolean(
            "check-dependency-groups",
            False,
            "also require [dependency-groups] pinned (CON701)",
        ),
        _string_list(
            "dev-tools",
            DEV_TOOLS,
            "globs on normalised names of tools that are never production"
            " dependencies (CON705)",
        ),
        string(
            "decisions-dir",
            "docs/architecture/decisions",
            help="the folder of the NNNN-*.md decision records (CON707)",
        ),
        string(
            "technical-debt-file",
            "docs/technical-debt.md",
            help="the technical-debt log (CON707)",
        ),
    ),
)


def _rule(code: str, rule_id: str, **text: str) -> Rule:
    return Rule(
        code=code,
        id=rule_id,
        hook=HOOK,
        section=SECTION.name,
        summary=text["summary"],
        constitution=text["constitution"],
        why=text["why"],
        example=text["example"],
        fix=text["fix"],
        default=text.get("default", "on"),
        hint=text["hint"] + _EXEMPT_HINT.format(code=code),
        example_language=text.get("language", "toml"),
    )


_DEPENDENCY = "Pin all production dependencies to specific versions."
_UV = "Use UV exclusively for package management - never edit pyproject.toml directly."

RULES: tuple[Rule, ...] = (
    _rule(
        "CON701",
        "unpinned-dependency",
        summary="a `[project.dependencies]` entry not pinned with `==X` (or `===X`);"
        " markers and extras are fine, `name @ url` needs a commit hash or an"
        " archive file",
        constitution=_DEPENDENCY,
        why="A range lets the next install pick a release nobody tested; the"
        " same commit then builds differently on two machines.",
        example='[project]\ndependencies = ["httpx>=0.27"]\n',
        fix='[project]\ndependencies = ["httpx==0.27.2"]\n',
        default="production dependencies only (optional ones and groups: off)",
        hint="pin it with uv add 'NAME==VERSION' (the version uv.lock holds)",
    ),
    _rule(
        "CON702",
        "python-version",
        summary="`.python-version` missing or not CPython 3.11+ (`3.11`, `3.12.4`,"
        " `cpython-3.11`), or a `requires-python` that admits a lower version than"
        " `.python-version` names (or none)",
        constitution="Python 3.11+ specified in `.python-version` file.",
        why="Without the file, every developer and CI job picks its own"
        " interpreter; a `requires-python` below it promises support no one tests.",
        example="# .python-version\n3.10\n# pyproject.toml\n"
        'requires-python = ">=3.8"\n',
        fix='# .python-version\n3.12\n# pyproject.toml\nrequires-python = ">=3.12"\n',
        default="CPython 3.11",
        hint="uv python pin 3.12, and requires-python = '>=3.12' (its minor version)",
    ),
    _rule(
        "CON703",
        "lockfile",
        summary="`uv.lock` missing beside a `pyproject.toml` that declares"
        " dependencies, out of date with `[project]` and `[dependency-groups]`"
        " (compared natively, no network), or a foreign lockfile tracked"
        " (`poetry.lock`, `Pipfile.lock`, `pdm.lock`, `requirements*.txt` not"
        " written by uv)",
        constitution=_UV,
        why="A lock that no longer matches pyproject.toml means someone edited the"
        " file by hand or forgot to commit the lock: installs are then not what"
        " was reviewed. A second lockfile is a second truth.",
        example="# pyproject.toml edited by hand, uv.lock not updated\ndependencies"
        ' = ["httpx==0.28.1"]  # uv.lock still records httpx==0.27.2\n',
        fix="# uv add httpx==0.28.1 changes pyproject.toml and uv.lock together\n"
        'dependencies = ["httpx==0.28.1"]\n',
        hint="run uv lock and commit uv.lock (change dependencies with uv add/uv"
        " remove); git rm a foreign lockfile",
    ),
    _rule(
        "CON704",
        "env-file-committed",
        summary="a tracked or staged `.env` or `.env.*` file (the templates"
        " `.env.example`, `.env.sample`, `.env.template` exempt), or a `.env` that"
        " git does not ignore",
        constitution="Environment variables in `.env` files (never committed).",
        why="An environment file holds secrets; once committed they live in every"
        " clone and in history, and must be rotated.",
        example="git add .env.local\n",
        fix="echo '.env*' >> .gitignore; echo '!.env.example' >> .gitignore\n"
        "git add .gitignore .env.example\n",
        language="text",
        hint="git rm --cached the file, rotate what it held, and ignore .env in"
        " .gitignore",
    ),
    _rule(
        "CON705",
        "dev-tool-in-production",
        summary="a development or test tool (pytest*, coverage, mypy, ruff, black,"
        " bandit, faker, pre-commit, hypothesis, types-*) in"
        " `[project.dependencies]`",
        constitution="Separate dev, test, and production dependencies clearly.",
        why="Test and lint tools in production dependencies are installed on every"
        " server and for every user of a library, and widen the attack surface.",
        example='[project]\ndependencies = ["fastapi==0.115.0", "pytest==8.3.3"]\n',
        fix='[project]\ndependencies = ["fastapi==0.115.0"]\n\n[dependency-groups]\n'
        'dev = ["pytest>=8.3.3"]\n',
        default="the tools listed in dev-tools",
        hint="move it to a group: uv remove NAME && uv add --dev NAME",
    ),
    _rule(
        "CON706",
        "changelog-format",
        summary="CHANGELOG.md missing or not Keep a Changelog: `# Changelog`,"
        " `## [Unreleased]`, `## [x.y.z] - YYYY-MM-DD` newest first, `###`"
        " sections only Added, Changed, Deprecated, Removed, Fixed, Security",
        constitution="CHANGELOG.md following Keep a Changelog format.",
        why="One format lets people and tools find what changed in a release, and"
        " an Unreleased section collects changes as they are made.",
        example="# Changes\n\n## 1.1.0\n### New\n- export to CSV\n",
        fix="# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2026-11-30\n### Added\n"
        "- export to CSV\n",
        language="markdown",
        hint="follow keepachangelog.com 1.1.0: the headings above, releases newest"
        " first",
    ),
    _rule(
        "CON707",
        "decision-records",
        summary="no `docs/architecture/decisions/NNNN-*.md`, a decision record"
        " without Status, Context, Decision and Consequences headings, or no"
        " `docs/technical-debt.md`",
        constitution="Document decisions in `docs/architecture/decisions/`. Maintain"
        " technical debt log in `docs/technical-debt.md`.",
        why="Decisions without a record are argued again; debt without a log is"
        " forgotten until it breaks something.",
        example="# 0001. Use PostgreSQL\n\nWe use PostgreSQL.\n",
        fix="# 0001. Use PostgreSQL\n\n## Status\nAccepted\n\n## Context\n...\n\n"
        "## Decision\n...\n\n## Consequences\n...\n",
        language="markdown",
        hint="add the missing record, headings or log",
    ),
    _rule(
        "CON708",
        "committed-virtualenv",
        summary="a tracked folder holding `pyvenv.cfg` (a virtual environment)",
        constitution="Virtual environments mandatory via `uv venv` or"
        " `python -m venv`.",
        why="A virtual environment is built for one machine and one interpreter;"
        " committed, it bloats history and breaks on every other machine.",
        example="git add .venv\n",
        fix="echo '.venv/' >> .gitignore\nuv sync\n",
        language="text",
        hint="git rm -r --cached the folder and ignore it; recreate it with uv sync",
    ),
)
