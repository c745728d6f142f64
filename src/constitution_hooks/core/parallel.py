"""Spread per-file checks over worker processes; look results up in a cache first."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Generic, TypeVar

from constitution_hooks.core.violation import Violation

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
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


def default_jobs(paths: Sequence[str]) -> int:
    """Worker processes for a run: every CPU on a large run, one on a small one.

    A run is large when the files to check hold ``LARGE_RUN_BYTES`` or more. Under
    pre-commit (``PRE_COMMIT=1``) it is always one: pre-commit already splits a
    hook's files over one process per CPU.

    Args:
        paths: The files that need checking (cache hits excluded).

    Returns:
        The number of processes to use.

    Example:
        >>> default_jobs([])
        1
    """
    if os.environ.get("PRE_COMMIT") == "1":
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

    Paths go to worker processes in chunks; fewer paths than one chunk (and any
    run with one job) stay in this process, which then imports nothing of
    multiprocessing.

    Args:
        check: A picklable callable from a path to its result.
        paths: The files to check.
        jobs: The number of processes.

    Returns:
        One result per path, in the order of ``paths``.

    Example:
        >>> map_files(len, ["a.py", "bc.py"], 1)
        [4, 5]
    """
    dispatch = Dispatch(check, jobs, len(paths))
    for path in paths:
        dispatch.add(path)
    return [result for _, result in dispatch.results()]


def _check_chunk(check: Callable[[str], T], chunk: list[str]) -> list[T]:
    return [check(path) for path in chunk]


class Dispatch(Generic[T]):
    """Feed paths to worker processes a chunk at a time, as they become known.

    Work starts while the caller is still looking paths up in the cache; the pool
    is only started once a whole chunk is waiting, so a run with a handful of
    misses never pays for one.

    Example:
        >>> d = Dispatch(len, 1, 1); d.add("a.py")
        >>> list(d.results())
        [('a.py', 4)]
    """

    def __init__(self, check: Callable[[str], T], jobs: int, expected: int) -> None:
        """Use ``jobs`` workers for about ``expected`` paths."""
        self.check = check
        self.jobs = jobs
        self.chunk = max(1, expected // (max(1, jobs) * CHUNKS_PER_WORKER))
        self.pending: list[str] = []
        self.submitted: list[tuple[list[str], Future[list[T]]]] = []
        self.pool: ProcessPoolExecutor | None = None

    def add(self, path: str) -> None:
        """Queue one path; a full chunk goes to the workers at once."""
        self.pending.append(path)
        if self.jobs > 1 and len(self.pending) >= self.chunk:
            self._submit()

    def _submit(self) -> None:
        if self.pool is None:
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(self.jobs, mp_context=_context())
        chunk, self.pending = self.pending, []
        self.submitted.append(
            (chunk, self.pool.submit(_check_chunk, self.check, chunk))
        )

    def _outcome(self, chunk: list[str], future: Future[list[T]]) -> list[T]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return future.result()
        except BrokenProcessPool:
            # Reason: a worker killed from outside (out of memory, a signal) must not
            # lose its files or end the run with a traceback: check them here.
            return _check_chunk(self.check, chunk)

    def results(self) -> Iterator[tuple[str, T]]:
        """Yield (path, result) for every path added, in the order added."""
        try:
            if self.pool is not None and self.pending:
                self._submit()
            for chunk, future in self.submitted:
                yield from zip(chunk, self._outcome(chunk, future), strict=True)
            for path in self.pending:
                yield path, self.check(path)
        finally:
            if self.pool is not None:
                self.pool.shutdown(wait=True, cancel_futures=True)


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
    check: Callable[[str], list[Violation]],
    jobs: int | None,
    cache: ResultCache | None,
) -> list[Violation]:
    """Check every path: cached results first, the misses in worker processes.

    Misses go to the workers a chunk at a time while the rest are still being
    looked up, so hashing files for the cache overlaps with parsing.

    Args:
        paths: The files to check.
        check: A picklable callable from a path to its violations.
        jobs: Worker processes; None picks ``default_jobs`` of ``paths``.
        cache: Where results are looked up and stored, or None for no cache.

    Returns:
        Every violation, unsorted.

    Example:
        >>> run_checks(["a.py"], lambda path: [], 1, None)
        []
    """
    found: list[Violation] = []
    workers = default_jobs(paths) if jobs is None else jobs
    with fewer_collections():
        dispatch = Dispatch(check, workers, len(paths))
        for path in paths:
            hit = cache.lookup(path) if cache is not None else None
            if hit is None:
                dispatch.add(path)
            else:
                found.extend(hit)
        for path, violations in dispatch.results():
            found.extend(violations)
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
