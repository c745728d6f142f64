"""Help for the commands this package adds."""

from __future__ import annotations

import pytest

from constitution_hooks.cli import main


def test_main_check_help_documents_diff_base(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert "--diff-base REV" in out
    assert "sarif" in out and "github" in out
