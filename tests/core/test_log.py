"""The tool's own logging: quiet by default, structlog on -v or --log-format json."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from constitution_hooks.core.log import Logger, QuietLogger, configure, get_logger


@pytest.fixture(autouse=True)
def _quiet_afterwards() -> Iterator[None]:
    """Leave the module's logger quiet for the tests that follow."""
    yield
    configure(False, "text")


def test_quiet_logger_info_and_debug_print_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    logger = QuietLogger()
    logger.info("files discovered", count=3)
    logger.debug("command started")
    assert capsys.readouterr() == ("", "")


def test_quiet_logger_warning_prints_one_stderr_line_with_details(
    capsys: pytest.CaptureFixture[str],
) -> None:
    QuietLogger().warning("cache unreadable", path=".constitution_cache")
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "constitution: warning: cache unreadable path=.constitution_cache\n"
    )


def test_quiet_logger_warning_without_details_has_no_trailing_space(
    capsys: pytest.CaptureFixture[str],
) -> None:
    QuietLogger().warning("cache unreadable")
    assert capsys.readouterr().err == "constitution: warning: cache unreadable\n"


def test_configure_not_verbose_text_returns_quiet_logger() -> None:
    logger = configure(False, "text")
    assert isinstance(logger, QuietLogger)
    assert get_logger() is logger


def test_configure_json_format_writes_json_events_with_correlation_id(
    capsys: pytest.CaptureFixture[str],
) -> None:
    logger = configure(False, "json")
    logger.info("files discovered", count=2)
    logger.debug("dropped below info")
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    event = json.loads(lines[0])
    assert (event["event"], event["count"], event["level"]) == (
        "files discovered",
        2,
        "info",
    )
    assert event["correlation_id"]


def test_configure_verbose_text_logs_debug_events(
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure(True, "text")
    get_logger().debug("command started", command="check")
    err = capsys.readouterr().err
    assert "command started" in err
    assert "command=check" in err


def test_get_logger_after_configure_returns_the_configured_logger() -> None:
    logger = configure(True, "json")
    assert get_logger() is logger
    assert not isinstance(logger, QuietLogger)


@pytest.mark.parametrize("verbose", [False, True])
def test_configure_any_logger_has_every_method_logger_declares(
    verbose: bool,
) -> None:
    declared = sorted(n for n in vars(Logger) if not n.startswith("_"))
    logger: Logger = configure(verbose, "text")
    assert declared == ["debug", "info", "warning"]
    assert all(callable(getattr(logger, name)) for name in declared)
