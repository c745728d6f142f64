"""The commit-msg fast path: never "clean" where the full command says otherwise."""

from __future__ import annotations

import ast
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from constitution_hooks import fast_commit_msg
from constitution_hooks.cli import main as full_main
from constitution_hooks.core.commit_text import DEFAULTS
from constitution_hooks.fast_commit_msg import might_refer, passes, which
from constitution_hooks.launch import main as launch_main
from constitution_hooks.rules.commit import ai_catalogue, ai_models
from constitution_hooks.rules.commit.ai_references import (
    DEFAULT_PATTERNS,
    compile_patterns,
    find_ai_references,
)
from tests.conftest import git

PATTERNS = compile_patterns(DEFAULT_PATTERNS)
# Reason: the defaults as a memo gives them back (every list a tuple).
DEFAULTS_LISTED = {
    key: tuple(value) if isinstance(value, (list, tuple)) else value
    for key, value in DEFAULTS.items()
}
TESTS = Path(__file__).resolve().parent / "rules" / "commit"


def _test_lines() -> set[str]:
    """Every line of every string in the commit family's tests."""
    found: set[str] = set()
    for path in TESTS.glob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.update(node.value.split("\n"))
    return found


def _catalogue_lines() -> set[str]:
    """Each name, address, login and prefix of the catalogue in typical contexts."""
    found: set[str] = set()
    for entry in (*ai_catalogue.TOOLS, *ai_models.VENDORS, *ai_models.MODELS):
        for spelling in entry.spellings:
            name = spelling.lstrip("~!^%#")
            title = " ".join(part.capitalize() for part in name.split())
            camel = "".join(part.capitalize() for part in name.split()) + "Provider"
            found |= {f"use {title} here", f"fix {title} 3.5 support", f"{name}4"}
            found |= {f"asked {title}", f"fix({name}): x", camel, f"Made-with: {name}"}
            found.add(f"Co-authored-by: {title} <x@example.org>")
        for address in entry.addresses:
            found.add(f"Co-authored-by: Someone <{address}>")
        for login in entry.logins:
            found.add(f"Co-authored-by: {login}[bot] <1+{login}[bot]@users.noreply.x>")
            found.add(f"Reviewed-by: X <1+{login}@users.noreply.github.com>")
        found.update(prefix + " fix the parser" for prefix in entry.prefixes)
    return found


def test_might_refer_every_line_the_matcher_flags_is_flagged() -> None:
    lines = _test_lines() | _catalogue_lines()
    missed = [
        line
        for line in sorted(lines)
        for first in (True, False)
        if find_ai_references(line, PATTERNS, (), first=first) and not might_refer(line)
    ]
    assert missed == []
    assert len(lines) > 2000


@pytest.mark.parametrize(
    "line",
    [
        "feat(api): add search",
        "fix: handle an empty query in the parser",
        "Signed-off-by: Jane Roe <jane@example.org>",
        "Co-authored-by: Jane Roe <12+jane@users.noreply.github.com>",
        "refactor(core): split the runner into two modules",
        "",
    ],
)
def test_might_refer_plain_line_is_not_flagged(line: str) -> None:
    assert might_refer(line) is False


def test_might_refer_non_ascii_line_is_maybe() -> None:
    assert might_refer("fix: caf\u00e9 menus") is True


def test_passes_empty_or_bom_message_is_not_clean() -> None:
    assert passes((), (), DEFAULTS) is False
    bom_type = {**DEFAULTS, "types": ["\ufefffeat"]}
    assert passes(("\ufefffeat: x",), (), bom_type) is False


@pytest.mark.parametrize("path", ["", "/nonexistent", "/usr/bin:/bin", "/bin::/bin"])
def test_which_agrees_with_shutil(path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", path)
    assert which("git") == (shutil.which("git") or "")


def test_which_without_path_is_not_sure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PATH")
    assert which("git") is None


def test_surely_clean_unexpected_error_is_not_sure(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(cwd: str) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(fast_commit_msg, "_settings", broken)
    assert fast_commit_msg.surely_clean(["MSG"], str(tmp_path)) is False


# Reason: (message, whether the fast path answers it under git's defaults).
MESSAGES = [
    ("feat(api): add search\n", True),
    ("feat: add search\n\nBody text, wrapped.\n", True),
    ("feat: x\n# Please enter the commit message.\n#\n# On branch main\n", True),
    ("feat: x\n\n#123 fixes it\n", True),
    ("#123 fix the thing\n", False),
    ("feat: x\n# " + "-" * 24 + " >8 " + "-" * 24 + "\n+Claude\n", True),
    ("feat: x\r\n\r\nbody\r\n", True),
    ("Add search\n", False),
    ("feature: add search\n", False),
    ("Feat: add search\n", False),
    ("feat: " + "x" * 50 + "\n", False),
    ("feat: x\nbody\n", False),
    ("", False),
    ("# only a comment\n#\n", False),
    ("feat: x\n\nCo-authored-by: Claude <noreply@anthropic.com>\n", False),
    ("feat: x\n\nAssisted-by: Cursor\n", False),
    ("feat: x\n\n\U0001f916 Generated with [Claude Code](https://claude.com)\n", False),
    ("aider: fix parser\n", False),
    ("feat: use ClineProvider\n", False),
    ("feat: support gpt-4o\n", False),
    ("fix(copilot): x\n", False),
    ("feat: AI-generated fixtures\n", False),
    ("feat: x\n\n# Co-authored-by: Claude <noreply@anthropic.com>\n", False),
    ("feat: x\n\nSigned-off-by: Jane Roe <jane@example.org>\n", True),
    ("feat: x\n\nCo-authored-by: renovate[bot] <2+renovate[bot]@x.org>\n", True),
    ("Merge branch 'feature/x'\n", False),
    ("fixup! feat: x\n", False),
    ("\ufefffeat: x\n", False),
    ("feat: handle caf\u00e9 menus\n", False),
    (";c\nfeat(api): x\n", False),
    ("feat(api):  two spaces\n", False),
]
GIT_SETTINGS = [
    (),
    (("core.commentChar", ";"),),
    (("core.commentChar", "auto"),),
    (("core.commentChar", "AUTO"),),
    (("commit.cleanup", "strip"),),
    (("commit.cleanup", "whitespace"),),
    (("commit.cleanup", "scissors"),),
    (("commit.cleanup", "verbatim"),),
    (("core.commentString", "//"), ("commit.cleanup", "strip")),
]
TABLES = [
    "[project]\nname = 'x'\n",
    "[tool.constitution.commit-message]\ntypes = ['feat', 'wip']\nmax-length = 72\n",
    "[tool.constitution.commit-message]\nrequire-scope = true\nscopes = ['api']\n",
    "[tool.constitution.commit-message]\nenabled = false\n",
    "[tool.constitution.commit-message]\nai-references = false\n",
    "[tool.constitution.commit-message]\nai-builtin-patterns = false\n",
    "[tool.constitution.commit-message]\nai-patterns = ['\\\\bfoo\\\\b']\n",
    "[tool.constitution.commit-message]\nlength-of = 'subject'\nmax-length = 20\n",
    "[tool.constitution.commit-message]\nallow-git-messages = false\n",
    "[tool.constitution]\nexclude = ['x']\n"
    "[tool.constitution.file-length]\nmax-lines = 9\n",
    "[tool.constitution.commit-message]\nmax-lenght = 72\n",
    "[tool.constitution.commit-message\n",
]
TABLE_MESSAGES = [text for text, _ in MESSAGES[:14]] + [
    "wip: try a thing\n",
    "feat: " + "x" * 60 + "\n",
    "feat: AI-generated fixtures\n",
    "Merge branch 'feature/x'\n",
]


def _full(capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = full_main(["commit-msg", "MSG"])
    out, err = capsys.readouterr()
    return code, out, err


def _compare(capsys: pytest.CaptureFixture[str]) -> tuple[bool, tuple[int, str, str]]:
    fast = fast_commit_msg._surely_clean(["MSG"], os.getcwd())
    full = _full(capsys)
    if fast:
        assert full == (0, "", "")
    assert launch_main(["commit-msg", "MSG"]) == full[0]
    assert capsys.readouterr() == full[1:]
    return fast, full


@pytest.mark.parametrize(("text", "answers"), MESSAGES)
def test_surely_clean_git_defaults_agree_with_full_command(
    git_repo: Path, capsys: pytest.CaptureFixture[str], text: str, answers: bool
) -> None:
    Path("MSG").write_bytes(text.encode("utf-8"))
    fast, _ = _compare(capsys)
    assert fast is answers


# Reason: the whole table of messages and settings runs in `make test`; the
# unit loop keeps git's defaults above.
@pytest.mark.integration
@pytest.mark.parametrize("settings", GIT_SETTINGS[1:], ids=str)
@pytest.mark.parametrize(("text", "answers"), MESSAGES)
def test_surely_clean_git_settings_agree_with_full_command(
    git_repo: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    answers: bool,
    settings: tuple[tuple[str, str], ...],
) -> None:
    for key, value in settings:
        git(git_repo, "config", key, value)
    Path("MSG").write_bytes(text.encode("utf-8"))
    _compare(capsys)


@pytest.mark.integration
@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("text", TABLE_MESSAGES)
def test_surely_clean_config_tables_agree_with_full_command(
    git_repo: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    table: str,
    text: str,
) -> None:
    (git_repo / "pyproject.toml").write_text(table)
    Path("MSG").write_bytes(text.encode("utf-8"))
    later = time.time_ns() + 10**10
    with monkeypatch.context() as patched:
        # Reason: a config changed in the last two seconds is never remembered.
        patched.setattr(time, "time_ns", lambda: later)
        _full(capsys)
    fast, full = _compare(capsys)
    valid = full[0] != 2
    assert (git_repo / ".constitution_cache" / "commit-msg-config").exists() is valid
    if "enabled = false" in table:
        assert fast is True


def test_surely_clean_changed_config_is_not_trusted(
    git_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pyproject = git_repo / "pyproject.toml"
    pyproject.write_text("[tool.constitution.commit-message]\ntypes = ['wip']\n")
    Path("MSG").write_text("wip: try\n")
    later = time.time_ns() + 10**10
    monkeypatch.setattr(time, "time_ns", lambda: later)
    assert full_main(["commit-msg", "MSG"]) == 0
    assert fast_commit_msg._surely_clean(["MSG"], os.getcwd()) is True
    pyproject.write_text("[tool.constitution.commit-message]\ntypes = ['wap']\n")
    assert fast_commit_msg._surely_clean(["MSG"], os.getcwd()) is False
    assert full_main(["commit-msg", "MSG"]) == 1
    assert "CON302" in capsys.readouterr().out


def test_surely_clean_fresh_config_is_not_remembered(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (git_repo / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    Path("MSG").write_text("feat: x\n")
    assert full_main(["commit-msg", "MSG"]) == 0
    assert fast_commit_msg._surely_clean(["MSG"], os.getcwd()) is False


@pytest.mark.parametrize(
    "rest",
    [["--format", "json", "MSG"], ["MSG", "-v"], ["--range", "a..b"], [], ["-"]],
)
def test_surely_clean_other_arguments_go_to_full_command(
    git_repo: Path, rest: list[str]
) -> None:
    Path("MSG").write_text("feat: x\n")
    assert fast_commit_msg._surely_clean(rest, os.getcwd()) is False


def test_surely_clean_missing_file_goes_to_full_command(git_repo: Path) -> None:
    assert fast_commit_msg._surely_clean(["NOPE"], os.getcwd()) is False
    assert full_main(["commit-msg", "NOPE"]) == 2


@pytest.mark.parametrize(
    "values",
    [None, {"enabled": True}, {**DEFAULTS_LISTED, "max-length": True}],
)
def test_usable_memo_of_another_shape_is_not_used(
    values: dict[str, Any] | None,
) -> None:
    assert fast_commit_msg._usable(values) is None


def test_usable_memo_of_the_table_is_used() -> None:
    assert fast_commit_msg._usable(DEFAULTS_LISTED) == DEFAULTS_LISTED
