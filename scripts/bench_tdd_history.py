"""Time ``constitution tdd-history`` over a generated 1,000-commit repository.

The repository is written with ``git fast-import`` in a temporary folder: 250 modules
of about 140 lines (12 functions) and their tests, each test committed before its
module (500 commits; every tenth module before its test), then 500 commits changing
module code. The command runs as a
subprocess (start-up included); the median of several runs is printed.

With ``--repo PATH`` (repeatable) it times, instead, the last 1,000 commits of each
given clone of a real project: wall and CPU seconds and peak memory of one run,
against the targets (5 s and 200 MB each). "The last 1,000 commits" is
``BASE..HEAD`` holding at most 1,000 commits, BASE on HEAD's first-parent line
(see ``constitution_hooks.core.history_range``). ``make bench`` times, with the
same helpers, this checkout's own history and every clone in ``BENCH_HISTORIES``.

Usage: ``uv run --frozen python scripts/bench_tdd_history.py [--runs N] [--repo PATH]``
"""

from __future__ import annotations

import argparse
import os
import statistics

# Reason: the benchmark drives git and the command with argument lists only.
import subprocess  # nosec B404
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from constitution_hooks.core.history_range import recent_range

ROOT = Path(__file__).resolve().parent.parent
HISTORIES = "BENCH_HISTORIES"
MODULES = 250
CHANGES = 500
FUNCTIONS = 12  # about 140 lines a module, 40 a test
LIMIT_SECONDS = 2.0
REAL_SECONDS = 5.0
REAL_MEGABYTES = 200
REAL_COMMITS = 1000
# Reason: the command's own peak memory, printed by the process that ran it.
_MEASURED = (
    "import resource, sys\n"
    "from constitution_hooks.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "sys.stderr.write(f'MAXRSS {peak}\\n')\n"
    "sys.exit(code)\n"
)


def _module(index: int, version: int) -> str:
    functions = "".join(
        f"\n\ndef step_{index}_{n}(values: list[int], limit: int = {version}) -> int:\n"
        f'    """Fold the values of step {n} (version {version})."""\n'
        "    total = 0\n"
        "    for value in values:\n"
        "        if value > limit:\n"
        "            total += value * 2  # double the large ones\n"
        "        else:\n"
        "            total -= value\n"
        "    return total\n"
        for n in range(FUNCTIONS)
    )
    return f'"""Module {index}."""\n\nfrom __future__ import annotations\n{functions}'


def _test(index: int) -> str:
    tests = "".join(
        f"\n\ndef test_step_{index}_{n}_empty_returns_zero() -> None:\n"
        f"    assert mod.step_{index}_{n}([]) == 0\n"
        for n in range(FUNCTIONS)
    )
    return f"from pkg import mod_{index} as mod\n{tests}"


def _commit(number: int, message: str, files: dict[str, str]) -> str:
    lines = [
        "commit refs/heads/main",
        f"committer Bench <bench@example.invalid> {1_700_000_000 + number} +0000",
        f"data {len(message.encode())}",
        message,
    ]
    for path, text in files.items():
        data = text.encode()
        lines += [f"M 100644 inline {path}", f"data {len(data)}", text]
    return "\n".join(lines) + "\n"


def build_stream() -> str:
    """Return a fast-import stream of exactly 1,000 commits.

    Example:
        >>> build_stream().count("commit refs/heads/main")
        1000
    """
    parts: list[str] = []
    number = 0
    for index in range(MODULES):
        test = {f"tests/test_mod_{index}.py": _test(index)}
        module = {f"src/pkg/mod_{index}.py": _module(index, 0)}
        first, second = (module, test) if index % 10 == 0 else (test, module)
        for files in (first, second):
            number += 1
            parts.append(_commit(number, f"feat: step {number}", files))
    for change in range(CHANGES):
        number += 1
        index = change % MODULES
        files = {f"src/pkg/mod_{index}.py": _module(index, change + 1)}
        parts.append(_commit(number, f"fix: change {number}", files))
    return "".join(parts)


def make_repository(folder: Path) -> None:
    """Create the benchmark repository in ``folder``.

    Example:
        >>> callable(make_repository)
        True
    """
    subprocess.run(["git", "init", "-q", "-b", "main", str(folder)], check=True)
    subprocess.run(  # nosec B603  # Reason: fixed git argv, no shell
        ["git", "fast-import", "--quiet"],
        cwd=folder,
        input=build_stream().encode(),
        check=True,
    )
    subprocess.run(["git", "reset", "-q", "--hard", "main"], cwd=folder, check=True)


def time_command(folder: Path) -> tuple[float, int]:
    """Run the command once; return (seconds, exit code).

    Example:
        >>> callable(time_command)
        True
    """
    command = [sys.executable, "-m", "constitution_hooks", "tdd-history", "HEAD"]
    start = time.perf_counter()
    result = subprocess.run(  # nosec B603  # Reason: fixed argv, no shell
        command, cwd=folder, capture_output=True, check=False
    )
    return time.perf_counter() - start, result.returncode


def time_real(repo: Path) -> tuple[float, float, float, int]:
    """Run the command over the last commits of a clone: (wall, CPU, MB, exit code).

    Example:
        >>> callable(time_real)
        True
    """
    import resource

    command = [sys.executable, "-c", _MEASURED, "tdd-history"]
    command.append(recent_range(REAL_COMMITS, repo).range)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # Reason: the measured command is an argument list, never a shell.
    result = subprocess.run(  # nosec B603
        command, cwd=repo, capture_output=True, check=False
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    peak = result.stderr.rsplit(b"MAXRSS ", 1)[-1].split()[0]
    return wall, cpu, int(peak) / 1024, result.returncode


def real(repos: list[Path]) -> int:
    """Time each clone once; 0 when every one meets the targets.

    Example:
        >>> real([])
        0
    """
    failed = 0
    for repo in repos:
        problem = history_problem(repo)
        if problem is not None:
            print(f"tdd-history: not timed: {problem}")
            continue
        wall, cpu, megabytes, code = time_real(repo)
        met = wall < REAL_SECONDS and megabytes < REAL_MEGABYTES
        failed += not met
        print(
            f"tdd-history over the last {REAL_COMMITS:,} commits of {repo.name}:"
            f" {wall:.2f}s wall, {cpu:.2f}s CPU, {megabytes:.0f} MB peak (exit code"
            f" {code}; targets {REAL_SECONDS:.0f}s, {REAL_MEGABYTES} MB:"
            f" {'met' if met else 'missed'})"
        )
    return 1 if failed else 0


def histories(given: Sequence[Path], env: Mapping[str, str]) -> list[Path]:
    """The histories to time: this checkout, then ``BENCH_HISTORIES``, then ``given``.

    ``BENCH_HISTORIES`` holds clones separated by ``os.pathsep`` (``:``).

    Example:
        >>> histories([], {"BENCH_HISTORIES": "/tmp/h/click"})[1:]
        [PosixPath('/tmp/h/click')]
    """
    named = [Path(part) for part in env.get(HISTORIES, "").split(os.pathsep) if part]
    return [ROOT, *named, *given]


def _git(repo: Path, *args: str) -> str | None:
    # Reason: git with a fixed argument list, never a shell.
    result = subprocess.run(  # nosec B603 B607
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=False
    )
    return result.stdout.strip() if result.returncode == 0 else None


def history_problem(repo: Path) -> str | None:
    """Why ``repo`` cannot be timed (missing, not a clone, shallow), or None.

    Example:
        >>> history_problem(Path("/no/such/clone"))
        '/no/such/clone: no such folder (git clone it there)'
    """
    if not repo.is_dir():
        return f"{repo}: no such folder (git clone it there)"
    top = _git(repo, "rev-parse", "--show-toplevel")
    if top is None or Path(top).resolve() != repo.resolve():
        return f"{repo}: not a git clone"
    commits = _git(repo, "rev-list", "--count", "HEAD")
    if commits is None:
        return f"{repo}: no commit yet"
    if _git(repo, "rev-parse", "--is-shallow-repository") == "true":
        plural = "" if commits == "1" else "s"
        return (
            f"{repo}: a shallow clone ({commits} commit{plural}); fetch its history:"
            f" git -C {repo} fetch --unshallow"
        )
    return None


def main() -> int:
    """Build the repository, time several runs, print the median; 0 if fast enough.

    Example:
        >>> callable(main)
        True
    """
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repo", type=Path, action="append", default=[])
    args = parser.parse_args()
    if args.repo:
        return real(args.repo)
    if os.environ.get(HISTORIES):
        return real(histories([], os.environ))
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "repo"
        make_repository(folder)
        count = subprocess.run(
            ["git", "rev-list", "--count", "HEAD"],
            cwd=folder,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        timings = [time_command(folder) for _ in range(args.runs)]
    seconds = [t for t, _ in timings]
    median = statistics.median(seconds)
    print(
        f"tdd-history over {count} commits: median {median:.3f}s of {args.runs} runs"
        f" (min {min(seconds):.3f}s, max {max(seconds):.3f}s; exit code"
        f" {timings[0][1]}; limit {LIMIT_SECONDS:.1f}s)"
    )
    return 0 if median < LIMIT_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
