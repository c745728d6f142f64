"""Help for the commands this package adds."""

from __future__ import annotations

import pytest

from constitution_hooks.cli import main


@pytest.mark.parametrize("command", ["explain", "waivers", "init"])
def test_main_help_new_command_exits_0_with_usage(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"])
    assert caught.value.code == 0
    assert f"usage: constitution {command}" in capsys.readouterr().out


def test_main_check_help_documents_diff_base(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert "--diff-base REV" in out
    assert "sarif" in out and "github" in out
