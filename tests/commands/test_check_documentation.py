"""CON012 and CON501-CON503 through ``constitution check``: the shared runner's
formats, config validation, waivers, cache and ``--diff-base`` for each."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.cli import main
from constitution_hooks.core.reporters import REPORTERS
from tests.commands.test_formats import parsed
from tests.conftest import git

BRANCHY = (
    "def route(a):\n"
    + "".join(f"    if a == {n}:\n        a += 1\n" for n in range(10))
    + "    return a\n"
)
FILES = {
    "app/__init__.py": "",
    "app/api.py": 'def handle():\n    """Handle a request."""\n',
    "app/logic.py": BRANCHY,
    "app/imports.py": "import os  # noqa\n",
}
EXPECTED = [
    ("app/__init__.py", 1, "CON503"),
    ("app/api.py", 1, "CON501"),
    ("app/imports.py", 1, "CON012"),
    ("app/logic.py", 1, "CON502"),
]


@pytest.fixture
def app(project: Path) -> Path:
    for name, text in FILES.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    return project


def _config(root: Path, text: str) -> None:
    (root / "pyproject.toml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("output_format", sorted(REPORTERS))
def test_main_check_every_format_reports_each_new_rule(
    app: Path, capsys: pytest.CaptureFixture[str], output_format: str
) -> None:
    code = main(["check", "--no-cache", "--format", output_format, "app"])
    assert (code, sorted(parsed(output_format, capsys.readouterr().out))) == (
        1,
        EXPECTED,
    )


@pytest.mark.parametrize(
    ("table", "fragment"),
    [
        (
            "[tool.constitution.docs]\nmax-complexty = 3\n",
            "did you mean 'max-complexity'",
        ),
        ("[tool.constitution.docs]\nmethods = 'yes'\n", "expected true or false"),
        ("[tool.constitution.docs]\nreadme-depth = 0\n", "expected an integer >= 1"),
        ("[tool.constitution.docs]\nexempt = [{ path = 'x' }]\n", "reason required"),
        ("[tool.constitution.suppressions]\nmin-reason-chars = 0\n", ">= 1"),
        ("[tool.constitution.suppressions]\nkinds = ['pylint']\n", "a list of: noqa"),
    ],
)
def test_main_check_bad_table_exits_2_naming_key(
    app: Path, capsys: pytest.CaptureFixture[str], table: str, fragment: str
) -> None:
    _config(app, table)
    assert main(["check", "app"]) == 2
    assert fragment in capsys.readouterr().err


def test_main_check_tables_configure_each_rule(
    app: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _config(
        app,
        "[tool.constitution.docs]\nmax-complexity = 11\n"
        "exempt = [{ path = 'app/api.py', reason = 'a generated client' }]\n"
        "[tool.constitution.suppressions]\nkinds = ['fmt']\n",
    )
    assert main(["check", "--no-cache", "app"]) == 1
    assert [line.split()[1] for line in capsys.readouterr().out.splitlines()] == [
        "CON503"
    ]


def test_main_check_waivers_with_reasons_silence_each_rule(
    app: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reason = "Reason: kept as the upstream client"
    waived = {
        "app/__init__.py": f"# constitution: ignore-file[CON503] {reason}\n",
        "app/api.py": f"# constitution: ignore[CON501] {reason}\n"
        + FILES["app/api.py"],
        "app/logic.py": f"# constitution: ignore[CON502] {reason}\n" + BRANCHY,
        "app/imports.py": f"import os  # noqa  # constitution: ignore[CON012] {reason}"
        "\n",
    }
    for name, text in waived.items():
        (app / name).write_text(text, encoding="utf-8")
    assert main(["check", "--no-cache", "app"]) == 0
    assert capsys.readouterr().out == ""


def test_main_check_cache_follows_config_and_readme(
    app: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "app"]) == 1
    first = capsys.readouterr().out
    assert main(["check", "app"]) == 1
    assert capsys.readouterr().out == first
    (app / "app" / "README.md").write_text("# app\n## Setup\n## Usage\n")
    _config(app, "[tool.constitution.docs]\nmax-complexity = 11\n")
    assert main(["check", "app"]) == 1
    codes = [line.split()[1] for line in capsys.readouterr().out.splitlines()]
    assert codes == ["CON501", "CON012"]


def test_main_check_diff_base_keeps_new_rules_on_changed_lines_only(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, text in FILES.items():
        (git_repo / name).parent.mkdir(parents=True, exist_ok=True)
        (git_repo / name).write_text(text, encoding="utf-8")
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "chore: legacy code")
    (git_repo / "app" / "logic.py").write_text(BRANCHY.replace("a += 1", "a += 2", 1))
    (git_repo / "app" / "imports.py").write_text("import os  # noqa\nx = 1\n")
    (git_repo / "app" / "__init__.py").write_text('"""The app."""\n')
    assert main(["check", "--no-cache", "--diff-base", "HEAD"]) == 1
    assert sorted(parsed("text", capsys.readouterr().out)) == [
        ("app/__init__.py", 1, "CON503"),
        ("app/logic.py", 1, "CON502"),
    ]


@pytest.mark.parametrize("code", ["CON012", "CON501", "CON502", "CON503"])
def test_main_explain_each_new_rule_exits_0_with_its_words(
    capsys: pytest.CaptureFixture[str], code: str
) -> None:
    assert main(["explain", code]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"# {code} ") and "## Options" in out
