"""Run the per-note work on all cores when there is enough of it, in input order.

Workers get the run's shared state (vault, note index, options) once: inherited through
`fork` on Linux, which starts a worker in milliseconds and shares the indexes without
copying them; elsewhere passed to each spawned worker's initializer. `map` keeps the
input order, so a parallel run gives exactly what a serial one gives; its results can
be read (and written out) while the workers go on.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_PARALLEL = 200  # below this, starting workers costs more than it saves
CHUNK = 16  # tasks per message to a worker, at most (small: results stream, the tail is short)

_STATE: Any = None


def state() -> Any:
    """The shared state of the current run, in the parent or in a worker."""
    return _STATE


def _install(value: Any) -> None:
    global _STATE
    _STATE = value


def worker_count(tasks: int, requested: int | None = None) -> int:
    """How many processes: 1 for small runs or one core, else all cores."""
    if requested is not None:
        return max(1, requested)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return 1 if tasks < MIN_PARALLEL else max(1, min(cores or 1, tasks // 50))


def run_ordered(
    fn: Callable[[T], R],
    tasks: Sequence[T],
    shared: Any,
    workers: int,
    on_ready: Callable[[], None] | None = None,
) -> Ordered[R]:
    """`fn` over `tasks`, results in task order; `fn` reads `state()` for `shared`.

    Workers start at once and run ahead of the reader: the caller can use each result
    (write it out) while the next are computed. Read the results to the end or `close`
    them (which cancels what has not started)."""
    if workers <= 1 or len(tasks) <= 1:
        if on_ready:
            on_ready()
        return Ordered(_serial(fn, tasks, shared))
    fork = sys.platform.startswith("linux")
    context = multiprocessing.get_context("fork" if fork else "spawn")
    init = {} if fork else {"initializer": _install, "initargs": (shared,)}
    chunk = max(1, min(CHUNK, len(tasks) // (workers * 8)))
    previous = _STATE
    _install(shared)  # forked workers copy it as they start, during `map`
    pool = ProcessPoolExecutor(workers, mp_context=context, **init)
    try:
        results = pool.map(fn, tasks, chunksize=chunk)
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        _install(previous)
    if on_ready:  # workers exist now: safe to start threads (a progress bar)
        on_ready()
    return Ordered(results, pool)


def _serial(fn: Callable[[T], R], tasks: Sequence[T], shared: Any) -> Iterator[R]:
    for task in tasks:
        previous = _STATE
        _install(shared)
        try:
            result = fn(task)
        finally:
            _install(previous)
        yield result


class Ordered(Iterator[R]):
    """The results of `run_ordered`, in order; closing it stops the workers."""

    def __init__(self, results: Iterator[R], pool: ProcessPoolExecutor | None = None) -> None:
        self._results = results
        self._pool = pool

    def __next__(self) -> R:
        try:
            return next(self._results)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Ordered[R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
