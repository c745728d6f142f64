"""Spread per-file checks over worker processes; look results up in a cache first.

The executor's own ``map`` does the spreading, after the cache pass.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from constitution_hooks.core.violation import Violation

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from constitution_hooks.core.cache import ResultCache

T = TypeVar("T")

# Reason: starting a pool of workers (fork, pickling the rules, collecting results)
# costs about as much as parsing 0.5 MB of source on one core; from 2 MB of source
# to check, every extra core saves more than it costs. File sizes vary too much for
# a threshold in files. Measured with `make bench`, see docs/performance.md.
LARGE_RUN_BYTES = 2_000_000
# Reason: parsing allocates tens of thousands of AST nodes per file, none in a
# reference cycle; at the default threshold (700) the collector runs dozens of times
# per file for nothing. Measured: about 5-10% of a large run.
GC_THRESHOLD = 50_000
# Reason: several chunks per worker balance a tree whose file sizes vary widely.
CHUNKS_PER_WORKER = 8


def cpu_count() -> int:
    """The number of CPUs this process may run on (at least 1).

    Example:
        >>> cpu_count() >= 1
        True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover -- macOS and Windows have no affinity
        return max(1, os.cpu_count() or 1)


def default_jobs(paths: Sequence[str], split_by_pre_commit: bool | None = None) -> int:
    """Worker processes for a run: every CPU on a large run, one on a small one.

    A run is large when the files to check hold ``LARGE_RUN_BYTES`` or more. Under
    pre-commit (``PRE_COMMIT=1``) it is always one: pre-commit already splits a
    hook's files over one process per CPU (unless the hook is ``require_serial``).

    Args:
        paths: The files that need checking (cache hits excluded).
        split_by_pre_commit: Whether pre-commit spreads this hook's files over
            processes itself; None: whenever running under pre-commit.

    Returns:
        The number of processes to use.

    Example:
        >>> default_jobs([])
        1
    """
    if split_by_pre_commit is None:
        split_by_pre_commit = os.environ.get("PRE_COMMIT") == "1"
    if split_by_pre_commit:
        return 1
    total = 0
    for path in paths:
        try:
            total += os.stat(path).st_size
        except OSError:
            continue
        if total >= LARGE_RUN_BYTES:
            return cpu_count()
    return 1


def map_files(check: Callable[[str], T], paths: Sequence[str], jobs: int) -> list[T]:
    """Apply ``check`` to every path, in up to ``jobs`` processes, keeping order.

    Example:
        >>> map_files(len, ["a.py", "bc.py"], 1)
        [4, 5]
    """
    return list(iter_files(check, paths, jobs))


def iter_files(
    check: Callable[..., T],
    paths: Sequence[str],
    jobs: int,
    data: Sequence[bytes | None] | None = None,
) -> Iterator[T]:
    """Yield ``check`` of every path in order, from up to ``jobs`` processes.

    Never more workers than paths, nor than CPUs; with one worker the paths are
    checked in this process, which then imports nothing of multiprocessing. A
    pool broken from outside (a worker killed by a signal or out of memory)
    loses nothing: the paths not yet answered are checked here.

    Args:
        check: A picklable callable from a path to its result; with ``data``,
            from a path and its bytes (None: read it yourself).
        paths: The files to check.
        jobs: The most processes to use.
        data: Each path's bytes, already read, in the order of ``paths``.

    Yields:
        One result per path, in the order of ``paths``, as each is ready.

    Example:
        >>> list(iter_files(len, ["a.py", "bc.py"], 1))
        [4, 5]
    """
    columns: tuple[Sequence[object], ...] = (paths,) if data is None else (paths, data)
    workers = min(jobs, len(paths), cpu_count())
    if workers <= 1:
        yield from map(check, *columns)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunk = max(1, len(paths) // (workers * CHUNKS_PER_WORKER))
    answered = 0
    try:
        with ProcessPoolExecutor(
            workers,
            mp_context=_context(),
            initializer=watch_parent,
            initargs=(os.getpid(),),
        ) as pool:
            for result in pool.map(check, *columns, chunksize=chunk):
                answered += 1
                yield result
    except BrokenProcessPool:
        yield from map(check, *(column[answered:] for column in columns))


def watch_parent(parent: int, interval: float = 0.2) -> None:
    """In a worker: exit as soon as ``parent`` is gone (killed, not shut down).

    A worker whose parent dies is handed to another process and would go on
    checking files for nobody; a daemon thread watches and ends it.

    Example:
        >>> watch_parent(os.getppid(), interval=60)  # this process's parent lives
    """
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def _context() -> BaseContext:
    import multiprocessing

    # Reason: fork starts a worker in milliseconds with the rules already imported;
    # elsewhere (macOS, Windows) fork is unsafe or missing, so keep the default.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return (
        multiprocessing.get_context()
    )  # pragma: no cover -- only on macOS and Windows


def run_checks(
    paths: Sequence[str],
    check: Callable[[str, bytes | None], list[Violation]],
    jobs: int | None,
    cache: ResultCache | None,
    done: Callable[[int], None] | None = None,
) -> list[Violation]:
    """Check every path: cached results first, then the misses, maybe in workers.

    Args:
        paths: The files to check.
        check: A picklable callable from a path and its bytes (None: not read
            yet) to its violations; a miss gets the bytes the cache hashed.
        jobs: Worker processes; None picks ``default_jobs`` of the misses.
        cache: Where results are looked up and stored, or None for no cache.
        done: Told each time a file is done (progress), if given.

    Returns:
        Every violation, unsorted.

    Example:
        >>> run_checks(["a.py"], lambda path, data: [], 1, None)
        []
    """
    found: list[Violation] = []
    misses: list[str] = []
    with fewer_collections():
        for path in paths:
            hit = cache.lookup(path) if cache is not None else None
            if hit is None:
                misses.append(path)
            else:
                found.extend(hit)
                if done is not None:
                    done(1)
        workers = default_jobs(misses) if jobs is None else jobs
        # Reason: a miss was read and hashed by the lookup; the check judges those
        # very bytes (read once, stored under the key they hash to).
        data = [cache.misses.pop(path, None) if cache else None for path in misses]
        results = iter_files(check, misses, workers, data)
        for path, violations in zip(misses, results, strict=True):
            found.extend(violations)
            if done is not None:
                done(1)
            if cache is not None:
                cache.store(path, violations)
    if cache is not None:
        cache.save()
    return found


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the garbage collector less often (and skip start-up objects) meanwhile.

    Example:
        >>> with fewer_collections():
        ...     gc.get_threshold()[0] == GC_THRESHOLD
        True
    """
    previous = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)
        gc.unfreeze()
