"""CON701 unpinned-dependency and CON705 dev-tool-in-production."""

from __future__ import annotations

import pytest
from packaging.requirements import Requirement

from constitution_hooks.rules.project.dependencies import (
    Entry,
    check_dev_tools,
    check_pins,
    entries,
    is_pinned,
    pinned_url,
)
from constitution_hooks.rules.project.settings import ContractSettings
from tests.rules.project.snapshots import project_files

SHA = "0123456789abcdef" * 2 + "01234567"


def _pyproject(*deps: str, extra: str = "") -> str:
    listed = "".join(f'    "{dep}",\n' for dep in deps)
    return f'[project]\nname = "app"\ndependencies = [\n{listed}]\n{extra}'


@pytest.mark.parametrize(
    ("dependency", "codes"),
    [
        ("httpx==0.27.2", []),
        ("httpx===0.27.2", []),
        ("httpx[http2]==0.27.2 ; python_version >= '3.11'", []),
        ("httpx>=0.27", ["CON701"]),
        ("httpx==0.27.*", ["CON701"]),
        ("httpx>=0.27,<0.28", ["CON701"]),
        ("httpx~=0.27.2", ["CON701"]),
        ("httpx", ["CON701"]),
        (f"lib @ git+https://example.invalid/lib.git@{SHA}", []),
        ("lib @ git+https://example.invalid/lib.git@main", ["CON701"]),
        ("lib @ https://example.invalid/lib-1.0-py3-none-any.whl", []),
        ("lib @ file:///src/lib", ["CON701"]),
        ("not a requirement!", ["CON701"]),
    ],
)
def test_check_pins_production_dependency_pinned_or_reported(
    dependency: str, codes: list[str]
) -> None:
    files = project_files({"pyproject.toml": _pyproject(dependency)})
    assert [f.code for f in check_pins(files, ContractSettings())] == codes


def test_check_pins_reported_at_entry_line_with_locked_version() -> None:
    lock = '[[package]]\nname = "httpx"\nversion = "0.27.2"\n'
    files = project_files(
        {
            "pyproject.toml": _pyproject("fastapi==0.115.0", "httpx>=0.27"),
            "uv.lock": lock,
        }
    )
    (finding,) = check_pins(files, ContractSettings())
    assert (finding.path, finding.line, finding.column) == ("pyproject.toml", 5, 5)
    assert "uv add 'httpx==0.27.2' (the version uv.lock holds)" in finding.message


def test_check_pins_suggestion_keeps_extras_and_marker() -> None:
    files = project_files(
        {"pyproject.toml": _pyproject("httpx[http2]>=0.27; os_name == 'nt'")}
    )
    (finding,) = check_pins(files, ContractSettings())
    assert "uv add 'httpx[http2]==VERSION; os_name == \"nt\"'" in finding.message
    assert finding.subject == "httpx"


@pytest.mark.parametrize(
    ("cfg", "count"),
    [
        (ContractSettings(), 0),
        (ContractSettings(optional=True), 1),
        (ContractSettings(groups=True), 1),
        (ContractSettings(optional=True, groups=True), 2),
    ],
)
def test_check_pins_optional_and_groups_only_when_asked(
    cfg: ContractSettings, count: int
) -> None:
    extra = (
        '[project.optional-dependencies]\ncli = ["click>=8"]\n'
        '[dependency-groups]\ndev = ["pytest>=8", {include-group = "x"}]\n'
    )
    files = project_files({"pyproject.toml": _pyproject(extra=extra)})
    assert len(list(check_pins(files, cfg))) == count


def test_entries_table_and_key_named() -> None:
    doc = {"project": {"optional-dependencies": {"cli": ["click"]}}}
    assert list(entries(doc, optional=True)) == [
        Entry("click", "project.optional-dependencies", "cli")
    ]
    assert Entry("a", "project", "dependencies").where == "[project] dependencies"


def test_is_pinned_two_specifiers_not_pinned() -> None:
    assert not is_pinned(Requirement("a==1,!=2"))


def test_pinned_url_vcs_short_sha_not_pinned() -> None:
    assert not pinned_url("git+https://example.invalid/a.git@abc1234")


@pytest.mark.parametrize(
    ("dependency", "subjects"),
    [
        ("pytest==8.3.3", ["pytest"]),
        ("pytest-cov==5.0", ["pytest-cov"]),
        ("Pytest_Asyncio==0.24", ["pytest-asyncio"]),
        ("coverage[toml]==7.6", ["coverage"]),
        ("types-requests==2.32", ["types-requests"]),
        ("pre_commit==4.0", ["pre-commit"]),
        ("Faker==30.0", ["faker"]),
        ("fastapi==0.115.0", []),
        ("typer==0.12", []),
        ("broken!", []),
    ],
)
def test_check_dev_tools_tool_in_production_reported(
    dependency: str, subjects: list[str]
) -> None:
    files = project_files({"pyproject.toml": _pyproject(dependency)})
    cfg = ContractSettings(
        dev_tools=("pytest*", "coverage", "types-*", "pre-commit", "faker")
    )
    assert [f.subject for f in check_dev_tools(files, cfg)] == subjects


def test_check_dev_tools_groups_never_reported() -> None:
    extra = '[dependency-groups]\ndev = ["pytest>=8"]\n'
    files = project_files({"pyproject.toml": _pyproject(extra=extra)})
    assert list(check_dev_tools(files, ContractSettings(dev_tools=("pytest*",)))) == []
