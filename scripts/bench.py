"""`make bench`: time constitution-hooks against the parse floor and its peers.

Every figure is a whole process (start-up included) timed with Python's own clock;
the rows that are compared run in rounds (one run of each per round; median and
min-max over the rounds), with the peak memory (maximum resident set) of the largest
process and the CPU time of all of them, from ``os.wait4``. Ratios are taken within
this one run, on this machine. Results go to stdout as a table and to
``.bench/results.json``; see docs/performance.md.

``tdd-history`` is timed on a generated 1,000-commit history, on the last 1,000
commits of this checkout's own history (all of it when shorter), and on every
clone named in ``BENCH_HISTORIES`` (``:``-separated) or ``--history PATH``; a
missing or shallow clone is a row that says so.

Usage: python scripts/bench.py [--runs N] [--json PATH] [--no-profile]
       [--history PATH]...
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import bench_hooks as hooks
import bench_report as report
import bench_setup as setup
import bench_tdd_history as histories

from constitution_hooks.core.history_range import recent_range

CONSTITUTION = Path(sys.executable).parent / "constitution"
MESSAGE_TYPES = ("feat", "fix", "docs", "style", "refactor", "test", "chore")


@dataclass
class Row:
    """One measured command."""

    name: str
    command: list[str]
    cwd: str
    times: list[float] = field(default_factory=list)
    cpu_times: list[float] = field(default_factory=list)
    peak_mb: float = 0.0
    exit_codes: list[int] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float:
        """Median wall time in seconds (nan when it did not run)."""
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def cpu_median(self) -> float:
        """Median CPU seconds, all its processes together (nan when it did not run)."""
        return statistics.median(self.cpu_times) if self.cpu_times else float("nan")


@dataclass
class Target:
    """One target of the issue, as a ratio or figure measured in this run."""

    name: str
    measured: float
    limit: float
    unit: str
    met: bool | None
    detail: str
    cpu_ratio: float = float("nan")


def run_once(
    command: Sequence[str], cwd: Path, env: dict[str, str]
) -> tuple[float, int, int, float]:
    """Run a command; return (seconds, exit code, peak KB, CPU seconds).

    Peak KB is the largest resident set of the command or any process it waited
    for; CPU seconds are user plus system time of all of them.
    """
    start = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # Reason: wait4 gives this child's own resource usage (its reaped workers
    # included), so peak memory belongs to this command and no other.
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, process.returncode, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


class Bench:
    """Measures rows, remembers them, and derives the targets."""

    def __init__(self, runs: int, env: dict[str, str]) -> None:
        """Measure each row ``runs`` times with ``env``."""
        self.runs = runs
        self.env = env
        self.rows: dict[str, Row] = {}
        self.queue: list[tuple[Row, Path, Callable[[], None] | None, bool]] = []

    def measure(
        self,
        name: str,
        command: Sequence[str],
        cwd: Path,
        before: Callable[[], None] | None = None,
        warm: bool = False,
    ) -> None:
        """Queue ``command`` in ``cwd``; ``before`` runs ahead of each timed run."""
        row = Row(name, [str(part) for part in command], str(cwd))
        self.rows[name] = row
        self.queue.append((row, cwd, before, warm))

    def run_queued(self) -> None:
        """Run the queued rows in rounds, one run of each row per round.

        Reason: the machine is shared; interleaving the rows that are compared
        spreads any change in load over all of them instead of one.
        """
        for row, cwd, _, warm in self.queue:
            if warm:
                run_once(row.command, cwd, self.env)
        for round_number in range(1, self.runs + 1):
            setup.say(f"round {round_number}/{self.runs} of {len(self.queue)} rows")
            for row, cwd, before, _ in self.queue:
                if before is not None:
                    before()
                seconds, code, peak_kb, cpu = run_once(row.command, cwd, self.env)
                row.times.append(seconds)
                row.cpu_times.append(cpu)
                row.exit_codes.append(code)
                row.peak_mb = max(row.peak_mb, peak_kb / 1024)
        self.queue = []

    def missing(self, name: str, why: str) -> None:
        """Record a row that cannot run here, and why."""
        self.rows[name] = Row(name, [], "", note=why)

    def median(self, name: str, cpu: bool = False) -> float:
        """The median wall (or CPU) seconds of a row (nan when missing or broken).

        A row whose command exited 2 (usage error, say a changed command line)
        measured nothing worth comparing.
        """
        row = self.rows.get(name)
        if row is None or 2 in row.exit_codes:
            return float("nan")
        return row.cpu_median if cpu else row.median


def has_command(name: str, env: dict[str, str]) -> bool:
    """Whether this checkout's ``constitution`` has the subcommand ``name``."""
    result = subprocess.run(
        [str(CONSTITUTION), name, "--help"],
        capture_output=True,
        env=env,
        check=False,
    )
    return result.returncode == 0


def clear_cache(folder: Path) -> Callable[[], None]:
    """A ``before`` step that removes the result cache of ``folder``."""
    return lambda: shutil.rmtree(folder / ".constitution_cache", ignore_errors=True)


def bench_tree(bench: Bench, corpus: Path, floor: Path) -> None:
    """The whole-tree rows on Django: floor, cold, warm, workers, ruff."""
    check = [CONSTITUTION, "check", "--all-files"]
    cold = clear_cache(corpus)
    bench.measure("django: floor (read + ast.parse)", [sys.executable, floor], corpus)
    bench.measure("django: check cold, --jobs 1", [*check, "--jobs", "1"], corpus, cold)
    bench.measure("django: check cold, --jobs 2", [*check, "--jobs", "2"], corpus, cold)
    bench.measure("django: check cold, default jobs", check, corpus, cold)
    no_cache = [*check, "--no-cache", "--jobs", "1"]
    bench.measure("django: check --no-cache, --jobs 1", no_cache, corpus)
    bench.measure("django: check warm cache", check, corpus, warm=True)
    ruff = [setup.peer("ruff"), "check", "--exit-zero", "."]
    bench.measure("django: ruff warm cache", ruff, corpus, warm=True)
    bench.measure("django: ruff --no-cache", [*ruff, "--no-cache"], corpus)


def bench_growth(bench: Bench, corpus4: Path, floor: Path) -> None:
    """The 4x corpus, cold with one worker, beside its floor."""
    check = [CONSTITUTION, "check", "--all-files", "--jobs", "1"]
    bench.measure("django x4: floor", [sys.executable, floor], corpus4)
    bench.measure(
        "django x4: check cold, --jobs 1", check, corpus4, clear_cache(corpus4)
    )


def bench_commit(bench: Bench, corpus: Path, floor: Path) -> None:
    """The 5-file commit on requests, beside its floor and bare Python."""
    files = [f"requests/{name}.py" for name in setup.COMMIT_FILES]
    check = [CONSTITUTION, "check", *files]
    bench.measure("5 files: python -c pass", [sys.executable, "-c", "pass"], corpus)
    bench.measure(
        "5 files: floor (read + ast.parse)", [sys.executable, floor, *files], corpus
    )
    bench.measure("5 files: check cold", check, corpus, clear_cache(corpus))
    bench.measure("5 files: check --no-cache", [*check, "--no-cache"], corpus)
    bench.measure("5 files: check warm cache", check, corpus, warm=True)
    ruff = [setup.peer("ruff"), "check", "--exit-zero", "--no-cache", *files]
    bench.measure("5 files: ruff --no-cache", ruff, corpus)


def bench_message(bench: Bench, message: Path) -> None:
    """The commit-message hook against conventional-pre-commit and cz check."""
    folder = message.parent
    if has_command("commit-msg", bench.env):
        ours = [CONSTITUTION, "commit-msg", message]
        bench.measure("message: constitution commit-msg", ours, folder)
    else:
        bench.missing("message: constitution commit-msg", "n/a (command missing)")
    peer = [setup.peer("conventional-pre-commit"), *MESSAGE_TYPES, message]
    bench.measure("message: conventional-pre-commit", peer, folder)
    cz = [setup.peer("cz"), "check", "--commit-msg-file", message]
    bench.measure("message: cz check", cz, folder)


def bench_history(bench: Bench, workspace: Path) -> None:
    """``tdd-history`` over 1,000 commits of a generated repository."""
    name = f"history: tdd-history over {setup.HISTORY_COMMITS:,} commits"
    if not has_command("tdd-history", bench.env):
        bench.missing(name, "n/a (command missing)")
        return
    repo, commits = setup.make_history(workspace)
    bench.measure(name, [CONSTITUTION, "tdd-history", commits], repo)


def bench_real_histories(bench: Bench, clones: Sequence[Path]) -> list[str]:
    """``tdd-history`` over the last 1,000 commits of each real history.

    Returns:
        The names of the rows that ran.
    """
    names: list[str] = []
    for clone in clones:
        problem = histories.history_problem(clone)
        label = "this checkout" if clone == histories.ROOT else clone.name
        if problem is not None:
            bench.missing(f"real history: {label}", f"not timed: {problem}")
            continue
        found = recent_range(histories.REAL_COMMITS, clone)
        name = f"real history: {label}, last {found.commits:,} commits"
        bench.measure(name, [CONSTITUTION, "tdd-history", found.range], clone)
        names.append(name)
    return names


def history_targets(bench: Bench, names: Sequence[str]) -> list[Target]:
    """Under 5 s (goal 2 s) and 200 MB, for each real history that ran."""
    found: list[Target] = []
    for name in names:
        seconds = bench.median(name)
        cpu = bench.median(name, cpu=True)
        met = None if seconds != seconds else seconds < histories.REAL_SECONDS
        goal = "met" if seconds < 2.0 else "missed"
        short = name.removeprefix("real history: ")
        label = f"tdd-history, {short} (CPU {cpu:.2f} s; goal 2 s {goal})"
        found.append(Target(label, seconds, 5.0, "s", met, name))
        peak = bench.rows[name].peak_mb
        limit = float(histories.REAL_MEGABYTES)
        found.append(
            Target(f"peak memory, {short}", peak, limit, "MB", peak < limit, name)
        )
    return found


def bench_hooks(bench: Bench, workspace: Path, requests: Path) -> None:
    """Hook start-up in the hook environment, then whole commits through pre-commit."""
    hooks.bench_startup(bench, workspace, requests)
    bench.run_queued()
    hooks.bench_whole_commit(bench, workspace, requests)
    bench.run_queued()


def ratio_target(
    bench: Bench, name: str, top: str, bottom: str, limit: float
) -> Target:
    """A target ``median(top) / median(bottom) <= limit``."""
    measured = bench.median(top) / bench.median(bottom)
    met = None if measured != measured else measured <= limit
    detail = f"{top} / {bottom}"
    cpu = bench.median(top, cpu=True) / bench.median(bottom, cpu=True)
    return Target(name, measured, limit, "x", met, detail, cpu)


RATIO_TARGETS = (
    ("5-file commit vs its floor", "5 files: check cold",
     "5 files: floor (read + ast.parse)", 1.5),
    ("commit-msg vs conventional-pre-commit", "message: constitution commit-msg",
     "message: conventional-pre-commit", 0.5),
    ("django cold, 1 worker vs floor", "django: check cold, --jobs 1",
     "django: floor (read + ast.parse)", 1.3),
    ("django cold, 2 workers vs floor", "django: check cold, --jobs 2",
     "django: floor (read + ast.parse)", 0.8),
    ("django warm cache vs ruff warm cache", "django: check warm cache",
     "django: ruff warm cache", 1.0),
    ("growth: 4x corpus vs corpus", "django x4: check cold, --jobs 1",
     "django: check cold, --jobs 1", 4.4),
)  # fmt: skip  # Reason: one target per line, aligned


def targets(bench: Bench) -> list[Target]:
    """Every target of the issue, from this run's rows."""
    specs = (*RATIO_TARGETS, *hooks.HOOK_TARGETS)
    found = [ratio_target(bench, *spec) for spec in specs]
    history = next(r for r in bench.rows.values() if r.name.startswith("history"))
    seconds = bench.median(history.name)
    met = None if seconds != seconds else seconds < 2.0
    found.append(
        Target("tdd-history over 1,000 commits", seconds, 2.0, "s", met, history.name)
    )
    ours = [
        r for r in bench.rows.values() if r.command[:2] == [str(CONSTITUTION), "check"]
    ]
    peak = max(r.peak_mb for r in ours)
    found.append(
        Target(
            "peak memory per check process",
            peak,
            100.0,
            "MB",
            peak < 100.0,
            "largest process of any check row",
        )
    )
    return found


def _capture(command: list[str], cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    return result.stdout + result.stderr


def profile(bench: Bench, corpus: Path, commit: Path) -> list[str]:
    """Write a cProfile of a cold Django run and an import profile of a commit."""
    django = setup.BENCH / "profile-django-cold.txt"
    shutil.rmtree(corpus / ".constitution_cache", ignore_errors=True)
    cprofile = [sys.executable, "-m", "cProfile", "-s", "tottime"]
    check = ["-m", "constitution_hooks", "check", "--all-files", "--jobs", "1"]
    output = _capture([*cprofile, *check], corpus, bench.env)
    start = output.find("   Ordered by")
    django.write_text(output[start:][:6000], encoding="utf-8")
    imports = setup.BENCH / "profile-commit-imports.txt"
    files = [f"requests/{name}.py" for name in setup.COMMIT_FILES]
    importtime = [sys.executable, "-X", "importtime", "-m", "constitution_hooks"]
    output = _capture([*importtime, "check", "--no-cache", *files], commit, bench.env)
    # Reason: keep the tree's order (nesting shows who imports what), only the
    # imports that cost 0.5 ms or more including what they import.
    kept = [
        line
        for line in output.splitlines()
        if line.startswith("import time:")
        and (
            line.split("|")[1].strip() == "cumulative" or int(line.split("|")[1]) >= 500
        )
    ]
    imports.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return [str(django), str(imports)]


def environment() -> dict[str, str]:
    """The environment of every measured command, the tool's bytecode compiled.

    Reason: an installed tool (pip, pre-commit) has its modules byte-compiled;
    a development shell with PYTHONDONTWRITEBYTECODE would compile all of them
    on every run (about 15 ms), which no user pays.
    """
    env = dict(os.environ)
    env.pop("PRE_COMMIT", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    import constitution_hooks

    package = str(Path(constitution_hooks.__file__).parent)
    compileall = [sys.executable, "-m", "compileall", "-q", package]
    subprocess.run(compileall, env=env, check=True)
    return env


def main(argv: Sequence[str] | None = None) -> int:
    """Set up, measure every row, print the tables, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per row (default 5)")
    parser.add_argument("--json", type=Path, default=setup.BENCH / "results.json")
    parser.add_argument("--no-profile", action="store_true", help="skip profiles")
    parser.add_argument(
        "--history",
        type=Path,
        action="append",
        default=[],
        help="a clone whose tdd-history is timed too (repeatable)",
    )
    args = parser.parse_args(argv)
    setup.ensure_peers()
    wheels = setup.ensure_wheels()
    workspace = setup.make_workspace()
    env = environment()
    env["GIT_CEILING_DIRECTORIES"] = str(workspace.parent)
    try:
        bench = Bench(args.runs, env)
        django = setup.unpack(wheels["django"], workspace / "django")
        requests = setup.unpack(wheels["requests"], workspace / "requests")
        floor = setup.write_floor(workspace)
        bench_commit(bench, requests, floor)
        bench.run_queued()
        bench_message(bench, setup.write_message(workspace))
        bench.run_queued()
        bench_tree(bench, django, floor)
        bench_growth(bench, setup.quadruple(django, workspace / "django4"), floor)
        bench.run_queued()
        bench_history(bench, workspace)
        clones = histories.histories(args.history, os.environ)
        real_rows = bench_real_histories(bench, clones)
        bench.run_queued()
        bench_hooks(bench, workspace, requests)
        found = [*targets(bench), *history_targets(bench, real_rows)]
        profiles = [] if args.no_profile else profile(bench, django, requests)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
    sys.stdout.write(report.render(bench.rows.values(), found))
    print(f"machine: {report.machine()}")
    for path in profiles:
        print(f"profile: {path}")
    write_results(args.json, args.runs, bench, found)
    return 0


def write_results(path: Path, runs: int, bench: Bench, found: list[Target]) -> None:
    """Write every row and target as JSON to ``path``."""
    rows = [
        report.clean(
            {**asdict(row), "median": row.median, "cpu_median": row.cpu_median}
        )
        for row in bench.rows.values()
    ]
    targets_found = [report.clean(asdict(target)) for target in found]
    results = {"machine": report.machine(), "runs": runs, "rows": rows}
    results["targets"] = targets_found
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, default=str) + "\n")
    print(f"results: {path}")


if __name__ == "__main__":
    raise SystemExit(main())
