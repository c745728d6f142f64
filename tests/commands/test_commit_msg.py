"""``constitution commit-msg``: a message file or a range of commits."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.cli import main
from constitution_hooks.commands import commit_msg
from constitution_hooks.commands.commit_msg import (
    check_message_file,
    check_range,
    message_config,
)
from constitution_hooks.core.config import Settings
from constitution_hooks.core.errors import UsageError
from constitution_hooks.rules.commit.settings import CommitSettings
from tests.conftest import git


def _record(settings: Callable[..., Settings]) -> CommitSettings:
    return CommitSettings.from_settings(settings("commit-message"))


def commit(repo: Path, message: str) -> str:
    git(repo, "commit", "-q", "--allow-empty", "--cleanup=verbatim", "-m", message)
    return git(repo, "rev-parse", "--short", "HEAD").strip()


def test_run_valid_message_file_exits_clean(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("MSG").write_text("feat: add user search\n# comment\n")
    assert main(["commit-msg", "MSG"]) == 0
    assert capsys.readouterr().out == ""


def test_run_bad_message_file_reports_path_line_and_code(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("MSG").write_text("# intro\nAdd user search\n")
    assert main(["commit-msg", "MSG"]) == 1
    out = capsys.readouterr().out
    assert out.startswith('MSG:2:1: CON301 first line "Add user search"')


def test_run_repository_comment_char_is_honoured(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(git_repo, "config", "core.commentChar", ";")
    Path("MSG").write_text("feat: add search\n\n#123 fixed\n; Please enter\n")
    assert main(["commit-msg", "MSG"]) == 0


def test_run_auto_comment_char_is_inferred(git_repo: Path) -> None:
    git(git_repo, "config", "core.commentChar", "auto")
    Path("MSG").write_text("feat: add search\n\n#123 fixed\n; Please enter it\n;\n")
    assert main(["commit-msg", "MSG"]) == 0


def test_run_json_format_lists_violations(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("MSG").write_text("feature: add search\n")
    assert main(["commit-msg", "--format", "json", "MSG"]) == 1
    [record] = json.loads(capsys.readouterr().out)
    assert (record["path"], record["code"]) == ("MSG", "CON302")


def test_run_missing_file_exits_usage(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["commit-msg", "NOPE"]) == 2
    assert "cannot read commit message file NOPE" in capsys.readouterr().err


def test_run_neither_file_nor_range_exits_usage(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["commit-msg"]) == 2
    assert "FILE or --range" in capsys.readouterr().err


def test_run_disabled_table_exits_clean(git_repo: Path) -> None:
    Path("pyproject.toml").write_text(
        "[tool.constitution.commit-message]\nenabled = false\n"
    )
    Path("MSG").write_text("whatever\n")
    assert main(["commit-msg", "MSG"]) == 0


def test_run_config_max_length_is_applied(git_repo: Path) -> None:
    Path("pyproject.toml").write_text(
        "[tool.constitution.commit-message]\nmax-length = 10\n"
    )
    Path("MSG").write_text("feat: add search\n")
    assert main(["commit-msg", "MSG"]) == 1


def test_run_range_reports_short_sha_and_first_line(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = commit(git_repo, "feat: start")
    bad = commit(git_repo, "fix: x\n\nCo-authored-by: Claude <noreply@anthropic.com>")
    commit(git_repo, "docs: fine")
    assert main(["commit-msg", "--range", f"{base}..HEAD"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f'{bad}:3:1: CON304 (fix: x) line "Co-authored-by:')


def test_run_range_keeps_hash_lines_of_stored_messages(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = commit(git_repo, "feat: start")
    commit(git_repo, "# not a comment once stored")
    assert main(["commit-msg", "--range", f"{base}..HEAD"]) == 1
    assert "CON301" in capsys.readouterr().out


def test_run_range_clean_history_exits_clean(git_repo: Path) -> None:
    base = commit(git_repo, "feat: start")
    commit(git_repo, "fix: two")
    assert main(["commit-msg", "--range", f"{base}..HEAD"]) == 0


def test_run_range_unknown_revision_exits_usage_with_reason(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commit(git_repo, "feat: start")
    assert main(["commit-msg", "--range", "nope..HEAD"]) == 2
    assert "bad revision 'nope..HEAD'" in capsys.readouterr().err


def test_run_file_and_range_together_exit_usage(git_repo: Path) -> None:
    Path("MSG").write_text("feat: x\n")
    assert main(["commit-msg", "MSG", "--range", "HEAD"]) == 2


def test_run_undecodable_bytes_are_judged_not_crashed(git_repo: Path) -> None:
    Path("MSG").write_bytes(b"feat: caf\xe9 menu\r\n")
    assert main(["commit-msg", "MSG"]) == 0


def test_run_scissors_block_with_bad_diff_is_ignored(git_repo: Path) -> None:
    cut = "# ------------------------ >8 ------------------------"
    Path("MSG").write_text(f"feat: add search\n{cut}\n+Made-with: Cursor\n")
    assert main(["commit-msg", "MSG"]) == 0


def test_check_message_file_violation_carries_file_path_and_line(
    git_repo: Path, settings: Callable[..., Settings]
) -> None:
    Path("MSG").write_text("# intro\nAdded search\n")
    (violation,) = check_message_file("MSG", _record(settings))
    assert (violation.path, violation.line, violation.code) == ("MSG", 2, "CON301")


def test_check_message_file_missing_file_raises_usage_error(
    git_repo: Path, settings: Callable[..., Settings]
) -> None:
    with pytest.raises(UsageError, match="cannot read commit message file NOPE"):
        check_message_file("NOPE", _record(settings))


def test_check_range_bad_commit_is_reported_under_its_short_sha(
    git_repo: Path, settings: Callable[..., Settings]
) -> None:
    commit(git_repo, "feat: start")
    sha = commit(git_repo, "Added search")
    found = check_range("HEAD~1..HEAD", _record(settings))
    assert [(v.path, v.line, v.code) for v in found] == [(sha, 1, "CON301")]


def test_run_file_and_range_both_missing_raises_usage_error(git_repo: Path) -> None:
    args = argparse.Namespace(file=None, rev_range=None, config=None, format="text")
    with pytest.raises(UsageError, match="give either a message FILE or --range"):
        commit_msg.run(args)


def test_message_config_reads_comment_char_and_cleanup(git_repo: Path) -> None:
    git(git_repo, "config", "core.commentChar", ";")
    git(git_repo, "config", "commit.cleanup", "strip")
    assert message_config() == (";", "strip")


def test_message_config_unset_gives_git_defaults(git_repo: Path) -> None:
    assert message_config() == ("#", "default")


def test_run_strip_cleanup_hash_first_line_is_empty(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(git_repo, "config", "commit.cleanup", "strip")
    Path("MSG").write_text("#123 fix the thing\n")
    assert main(["commit-msg", "MSG"]) == 1
    assert "CON306" in capsys.readouterr().out


def test_run_default_cleanup_hash_first_line_is_con301(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("MSG").write_text("#123 fix the thing\n")
    assert main(["commit-msg", "MSG"]) == 1
    assert 'MSG:1:1: CON301 first line "#123 fix the thing"' in capsys.readouterr().out


def test_commit_family_builds_violations_only_through_rule_at() -> None:
    package = Path(commit_msg.__file__).resolve().parent.parent
    sources = [*(package / "rules" / "commit").glob("*.py"), Path(commit_msg.__file__)]
    built = [path.name for path in sources if "Violation(" in path.read_text()]
    assert built == []
