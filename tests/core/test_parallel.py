"""Worker processes give exactly the violations of the plain, one-process run."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.core import parallel
from constitution_hooks.core.cache import ResultCache
from constitution_hooks.core.config import load_config
from constitution_hooks.core.parallel import (
    GC_THRESHOLD,
    cpu_count,
    default_jobs,
    fewer_collections,
    iter_files,
    map_files,
    run_checks,
    watch_parent,
)
from constitution_hooks.core.runner import check_files
from constitution_hooks.core.violation import Violation
from constitution_hooks.rules import RULES, SECTIONS
from tests.core.tree import generate_tree


def _double(path: str) -> list[str]:
    return [path, path]


def test_default_jobs_small_run_uses_one_process(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_bytes(b"x" * 1000)
    assert default_jobs([str(tmp_path / "a.py")]) == 1


def test_default_jobs_large_run_uses_every_cpu(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    monkeypatch.setattr(parallel, "LARGE_RUN_BYTES", 1500)
    for name in ("a.py", "b.py"):
        (tmp_path / name).write_bytes(b"x" * 1000)
    paths = [str(tmp_path / "a.py"), str(tmp_path / "b.py")]
    assert default_jobs(paths) == cpu_count()


def test_default_jobs_under_pre_commit_uses_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "LARGE_RUN_BYTES", 1)
    monkeypatch.setenv("PRE_COMMIT", "1")
    (tmp_path / "a.py").write_bytes(b"x = 1\n")
    assert default_jobs([str(tmp_path / "a.py")]) == 1


def test_default_jobs_unreadable_files_count_as_empty(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parallel, "LARGE_RUN_BYTES", 1)
    assert default_jobs(["no-such-file.py"]) == 1


def test_cpu_count_always_at_least_one() -> None:
    assert cpu_count() >= 1


def test_map_files_two_workers_keeps_input_order() -> None:
    paths = [f"f{i}.py" for i in range(40)]
    assert map_files(_double, paths, 2) == [[p, p] for p in paths]


def test_map_files_one_job_runs_in_this_process() -> None:
    seen: list[int] = []

    def record(path: str) -> list[int]:
        seen.append(os.getpid())
        return []

    map_files(record, ["a.py", "b.py"], 1)
    assert seen == [os.getpid(), os.getpid()]


def test_map_files_no_paths_returns_empty_list() -> None:
    assert map_files(_double, [], 4) == []


def test_check_files_two_jobs_same_violations_as_plain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: Callable[..., Path]
) -> None:
    paths = generate_tree(tmp_path, write)
    monkeypatch.chdir(tmp_path)
    config = load_config(SECTIONS, cwd=tmp_path)
    plain = check_files(paths, config, RULES, known=RULES)
    parallel = check_files(paths, config, RULES, jobs=2, known=RULES)
    assert plain and parallel == plain


def test_run_checks_restores_garbage_collector_settings() -> None:
    before = gc.get_threshold()
    run_checks(["a.py", "b.py"], lambda path, data: [], 1, None)
    assert gc.get_threshold() == before


def test_fewer_collections_raises_first_threshold() -> None:
    with fewer_collections():
        assert gc.get_threshold()[0] == GC_THRESHOLD


def _pid_violation(path: str, data: bytes | None = None) -> list[Violation]:
    return [Violation(path, os.getpid(), 1, "CON999", "pid", "checked")]


def test_run_checks_many_misses_use_worker_processes() -> None:
    paths = [f"f{i}.py" for i in range(40)]
    pids = {v.line for v in run_checks(paths, _pid_violation, 2, None)}
    assert os.getpid() not in pids


def test_run_checks_fewer_misses_than_a_chunk_stay_in_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    paths = [f"f{i}.py" for i in range(40)]
    for path in paths:
        (tmp_path / path).write_text(f"x = '{path}'\n")
    run_checks(paths, _pid_violation, 1, ResultCache(tmp_path / "cache", "c"))
    (tmp_path / "f7.py").write_text("changed = 1\n")
    cache = ResultCache(tmp_path / "cache", "c")
    found = run_checks(paths, _pid_violation, 2, cache)
    assert {v.line for v in found if v.path == "f7.py"} == {os.getpid()}


_PARENT = os.getpid()


def _die_in_worker(path: str, data: bytes | None = None) -> list[Violation]:
    if os.getpid() != _PARENT:
        os._exit(1)
    return _pid_violation(path)


def test_run_checks_worker_dies_rechecks_in_this_process() -> None:
    paths = [f"f{i}.py" for i in range(40)]
    found = run_checks(paths, _die_in_worker, 2, None)
    assert sorted(v.path for v in found) == sorted(paths)


def _pid(path: str) -> int:
    return os.getpid()


def test_map_files_more_jobs_than_files_starts_one_worker_per_file_at_most() -> None:
    pids = set(map_files(_pid, ["a.py", "b.py"], 1000))
    assert 1 <= len(pids) <= 2


def test_map_files_more_jobs_than_cpus_starts_at_most_one_per_cpu() -> None:
    paths = [f"f{i}.py" for i in range(64)]
    assert len(set(map_files(_pid, paths, 64))) <= cpu_count()


def test_run_checks_thousand_jobs_one_file_stays_in_this_process() -> None:
    found = run_checks(["a.py"], _pid_violation, 1000, None)
    assert [v.line for v in found] == [os.getpid()]


ORPHANED = """
import os, sys, time
from constitution_hooks.core.parallel import run_checks

def slow(path, data):
    open(os.path.join(sys.argv[1], str(os.getpid())), "w").close()
    time.sleep(0.3)
    return []

run_checks([f"f{i}.py" for i in range(400)], slow, 2, None)
"""


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
@pytest.mark.skipif(cpu_count() < 2, reason="needs two CPUs for two workers")
def test_run_checks_parent_killed_workers_exit(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    parent = subprocess.Popen([sys.executable, "-c", ORPHANED, str(tmp_path)])
    deadline = time.monotonic() + 30
    while len(list(tmp_path.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = [int(p.name) for p in tmp_path.iterdir()]
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while any(map(_running, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if _running(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert (len(workers), left) == (2, [])


def test_iter_files_two_workers_yields_in_input_order() -> None:
    paths = [f"{'x' * n}.py" for n in range(1, 41)]
    assert list(iter_files(len, paths, 2)) == [len(path) for path in paths]


def test_watch_parent_other_parent_exits_at_once() -> None:
    import subprocess
    import sys

    code = (
        "import time\nfrom constitution_hooks.core.parallel import watch_parent\n"
        "watch_parent(-1, 0.01)\ntime.sleep(30)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], timeout=20, check=False)
    assert done.returncode == 1


def test_watch_parent_living_parent_leaves_a_daemon_watching() -> None:
    import threading

    watch_parent(os.getppid(), interval=3600)
    watchers = [t for t in threading.enumerate() if t.name == "watch-parent"]
    assert watchers and all(t.daemon for t in watchers)


def _given_bytes(path: str, data: bytes | None = None) -> list[Violation]:
    """A check that reports the bytes it was handed (None: it must read itself)."""
    shown = "none" if data is None else data.decode()
    return [Violation(path, 1, 1, "CON999", "given", shown)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_run_checks_cache_miss_hands_the_hashed_bytes_to_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a.py", "b.py"):
        (tmp_path / name).write_text(f"{name[0]} = 1\n")
    cache = ResultCache(tmp_path / "cache", "c")
    found = run_checks(["a.py", "b.py"], _given_bytes, jobs, cache)
    assert [v.message for v in found] == ["a = 1\n", "b = 1\n"]


def test_run_checks_without_cache_lets_the_check_read() -> None:
    (found,) = run_checks(["a.py"], _given_bytes, 1, None)
    assert found.message == "none"
