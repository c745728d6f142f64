"""The tool's own events: structlog to stderr, imported only when logging is on."""

from __future__ import annotations

import sys
from typing import Any, Protocol


class Logger(Protocol):
    """The slice of a structlog logger the tool uses."""

    def debug(self, event: str, **kw: Any) -> Any:
        """Log a debug event."""

    def info(self, event: str, **kw: Any) -> Any:
        """Log an informational event."""

    def warning(self, event: str, **kw: Any) -> Any:
        """Log a recoverable problem."""


class QuietLogger:
    """The default: debug and info vanish, warnings are one plain stderr line.

    Example:
        >>> QuietLogger().info("files discovered", count=3)
    """

    def debug(self, event: str, **kw: Any) -> None:
        """Drop a debug event."""

    def info(self, event: str, **kw: Any) -> None:
        """Drop an info event."""

    def warning(self, event: str, **kw: Any) -> None:
        """Print a warning on stderr."""
        details = " ".join(f"{key}={value}" for key, value in kw.items())
        print(f"constitution: warning: {event} {details}".rstrip(), file=sys.stderr)


_logger: Logger = QuietLogger()


def configure(verbose: bool, log_format: str) -> Logger:
    """Set up logging for this run and return the logger.

    Quiet unless ``verbose`` or ``log_format == "json"``; then structlog writes to
    stderr with a correlation id on every event.

    Example:
        With ``--log-format json`` every event is one JSON object on stderr:

        >>> import contextlib, io, json
        >>> with contextlib.redirect_stderr(io.StringIO()) as err:
        ...     configure(False, "json").info("checked", files=3)
        >>> sorted(json.loads(err.getvalue()))
        ['correlation_id', 'event', 'files', 'level', 'timestamp']
        >>> configure(False, "text").info("checked", files=3)  # quiet: nothing
    """
    global _logger
    if not verbose and log_format != "json":
        _logger = QuietLogger()
        return _logger
    _logger = _structlog_logger(verbose, log_format)
    return _logger


def _structlog_logger(verbose: bool, log_format: str) -> Logger:
    import logging
    import uuid

    import structlog

    renderer: Any = (
        structlog.processors.JSONRenderer()
        if log_format == "json"
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso"),
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(
            logging.DEBUG if verbose else logging.INFO
        ),
        # Reason: _Stderr is a TextIO stand-in that follows sys.stderr.
        logger_factory=structlog.PrintLoggerFactory(_Stderr()),  # type: ignore[arg-type]
        cache_logger_on_first_use=False,
    )
    structlog.contextvars.clear_contextvars()
    structlog.contextvars.bind_contextvars(correlation_id=uuid.uuid4().hex)
    logger: Logger = structlog.get_logger("constitution")
    return logger


class _Stderr:
    """Whatever ``sys.stderr`` is when an event is written, not when configured.

    Reason: a caller that swaps ``sys.stderr`` after ``configure`` (pytest's
    capture, a redirecting wrapper) must not leave the logger writing to a
    closed stream.
    """

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


def get_logger() -> Logger:
    """Return the logger configured for this run.

    Example:
        >>> get_logger().debug("nothing printed when quiet")
    """
    return _logger
