"""Run the project's tests under coverage, in the project's own environment.

The tests run with the project's ``.venv`` interpreter (uv-managed or plain), not the
hook's isolated environment, so dependencies only the project has are importable.
Coverage data goes to a temporary ``COVERAGE_FILE``: the user's ``.coverage``,
``htmlcov/`` and ``coverage.xml`` are never written.
"""

from __future__ import annotations

import os
import re
import shutil
import signal

# Reason: commands run with argument lists, never through a shell.
import subprocess  # nosec B404
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from constitution_hooks.core.errors import UsageError

PROBE = (
    "import importlib.util as u;"
    " print(*(m for m in ('coverage', 'pytest_cov') if u.find_spec(m)))"
)
RUN_TESTS = ("-m", "coverage", "run", "-m", "pytest")
# Reason: a name no project module has, so the plugin's copy shadows nothing.
CONTEXT_PLUGIN = "_constitution_test_contexts"
# Reason: the probe only imports two modules; a program that takes longer is not
# the interpreter it claims to be.
PROBE_TIMEOUT = 60.0


@dataclass(frozen=True)
class TestRun:
    """The outcome of one test run: its command, exit code and output.

    Example:
        >>> TestRun(("pytest",), 1, "x\\n=== 1 failed in 0.1s ===\\n").summary()
        '1 failed in 0.1s'
    """

    __test__ = False  # Reason: not a pytest test class despite its name.

    command: tuple[str, ...]
    returncode: int
    output: str
    timed_out: bool = False
    elapsed: float = 0.0

    def summary(self) -> str:
        """The runner's last output line (pytest's summary), without its rulers."""
        lines = [line.strip(" =") for line in self.output.splitlines()]
        return next((line for line in reversed(lines) if line), "")

    def start_failure(self) -> str | None:
        """Why the command never got to run the tests, if it did not.

        A shell's 126/127, ``uv run``'s "Failed to spawn" or a missing module
        (``python -m pytest`` without pytest) is a usage error, not a test failure.

        Example:
            >>> TestRun(("python", "-m", "pytest"), 1,
            ...         "/usr/bin/python: No module named pytest\\n").start_failure()
            '/usr/bin/python: No module named pytest'
        """
        lines = [line.strip() for line in self.output.splitlines() if line.strip()]
        head = lines[:3]
        if self.returncode in (126, 127) or any(
            "Failed to spawn" in line or re.search(r"No module named \S+$", line)
            for line in head
        ):
            return "; ".join(head) or f"exit code {self.returncode}"
        return None

    def tail(self, count: int = 15) -> str:
        """The last ``count`` lines of output, to show why a run failed."""
        return "\n".join(self.output.rstrip().splitlines()[-count:])


def venv_python(root: Path) -> Path | None:
    """The interpreter of ``root/.venv``, if there is one.

    Example:
        >>> venv_python(Path("/no/such/project")) is None
        True
    """
    folder = root / ".venv"
    for candidate in (folder / "bin" / "python", folder / "Scripts" / "python.exe"):
        if candidate.is_file():
            return candidate
    return None


def default_command(root: Path) -> list[str]:
    """``.venv``'s python -m coverage run -m pytest; through uv when .venv lacks it.

    Without coverage in ``.venv``, ``uv run --with coverage`` layers it over the
    project's environment for this run only (``.venv`` itself is not changed).
    With pytest-cov installed, ``--no-cov`` keeps its reports (coverage.xml,
    htmlcov/) from being written by the gate's run.

    Raises:
        UsageError: No ``.venv``, or no coverage in it and no uv on PATH.

    Example:
        >>> default_command(Path("/no/such/project"))
        Traceback (most recent call last):
        ...
        constitution_hooks.core.errors.UsageError: no virtualenv at /no/such/project/.venv: create it (uv sync, or python -m venv .venv) or set command in [tool.constitution.coverage-gate]
    """  # noqa: E501 -- the doctest shows the whole message
    python = venv_python(root)
    if python is None:
        raise UsageError(
            f"no virtualenv at {root / '.venv'}: create it (uv sync, or python -m"
            " venv .venv) or set command in [tool.constitution.coverage-gate]"
        )
    try:
        probe = _run([str(python), "-c", PROBE], root, PROBE_TIMEOUT)
    except OSError as error:
        raise UsageError(
            f"{python}: not a program this system can run"
            f" ({error.strerror or error}): recreate the virtualenv (uv sync, or"
            " python -m venv .venv) or set command in [tool.constitution.coverage-gate]"
        ) from error
    found = probe.output.split()
    if "coverage" in found:
        return [
            str(python),
            *RUN_TESTS,
            *(["--no-cov"] if "pytest_cov" in found else []),
        ]
    uv = shutil.which("uv")
    if uv is None:
        raise UsageError(
            f"coverage is not installed in {root / '.venv'} and uv is not on PATH:"
            " add coverage to the project's dev dependencies or set command in"
            " [tool.constitution.coverage-gate]"
        )
    pinned = f"coverage=={version('coverage')}"
    return [uv, "run", "--no-project", "--python", str(python), "--with", pinned,
            "python", *RUN_TESTS]  # fmt: skip  # Reason: reads as the command line


def run_tests(
    command: Sequence[str],
    root: Path,
    data_file: Path,
    timeout: float | None = None,
) -> TestRun:
    """Run ``command`` in ``root`` with ``COVERAGE_FILE=data_file``.

    A run still going after ``timeout`` seconds is stopped with its whole process
    group (the test runner's own children too) and marked ``timed_out``.

    Raises:
        UsageError: If the command cannot be started.

    Example:
        >>> import sys, tempfile
        >>> run = run_tests([sys.executable, "-c", "print(1)"], Path("."),
        ...                 Path(tempfile.mkdtemp()) / ".coverage")
        >>> run.returncode, run.output
        (0, '1\\n')
    """
    try:
        plugin = context_plugin(data_file.parent)
        result = _run(
            list(command), root, timeout, COVERAGE_FILE=str(data_file), **plugin
        )
    except OSError as error:
        raise UsageError(f"cannot run {' '.join(command)}: {error}") from error
    return result


def context_plugin(folder: Path) -> dict[str, str]:
    """Copy the per-test context plugin into ``folder``; the environment loading it.

    ``PYTEST_PLUGINS`` loads it into whatever pytest the command runs (the
    project's files and configuration stay as they are); any plugins and path the
    environment already names are kept.

    Example:
        >>> import tempfile
        >>> sorted(context_plugin(Path(tempfile.mkdtemp())))
        ['PYTEST_PLUGINS', 'PYTHONPATH']
    """
    source = Path(__file__).with_name("pytest_contexts.py")
    shutil.copyfile(source, folder / f"{CONTEXT_PLUGIN}.py")
    plugins = [p for p in os.environ.get("PYTEST_PLUGINS", "").split(",") if p]
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    return {
        "PYTEST_PLUGINS": ",".join([*plugins, CONTEXT_PLUGIN]),
        "PYTHONPATH": os.pathsep.join([str(folder), *paths]),
    }


def _run(command: list[str], cwd: Path, timeout: float | None, **extra: str) -> TestRun:
    # Reason: the hook's own virtualenv must not leak into the project's run.
    env = {
        k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONHOME")
    }
    env.update(extra)
    started = time.monotonic()
    # Reason: its own session makes the run a process group the gate can stop
    # whole, test workers and their children included.
    process = subprocess.Popen(  # nosec B603  # Reason: argv list, no shell
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
        start_new_session=True,
    )
    timed_out = False
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        _kill_group(process)
        output, _ = process.communicate()
    except BaseException:
        # Reason: in its own session the run misses the terminal's Ctrl-C; stop it
        # here (before it is reaped, so its group id cannot have been reused).
        _kill_group(process)
        raise
    elapsed = time.monotonic() - started
    return TestRun(tuple(command), process.wait(), output, timed_out, elapsed)


def _kill_group(process: subprocess.Popen[str]) -> None:
    """Stop the process and everything it started (a no-op once all are gone)."""
    if not hasattr(os, "killpg"):  # pragma: no cover -- Windows has no groups
        process.kill()
        return
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        return
