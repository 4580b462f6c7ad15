"""Run the per-note work on all cores when there is enough of it, in input order.

Workers get the run's shared state (vault, note index, options) once: inherited through
`fork` on Linux, which starts a worker in milliseconds and shares the indexes without
copying them; elsewhere passed to each spawned worker's initializer. `map` keeps the
input order, so a parallel run gives exactly what a serial one gives; its results can
be read (and written out) while the workers go on.

Work goes out in batches, and the function takes a whole batch: one message to a
worker and one back per batch, and one cache transaction per batch for the pipeline.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import chain
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_PARALLEL = 200  # below this, starting workers costs more than it saves
BATCH = 32  # tasks per batch, at most (small: results stream, the tail is short)

_STATE: Any = None


def state() -> Any:
    """The shared state of the current run, in the parent or in a worker."""
    return _STATE


def _install(value: Any) -> None:
    global _STATE
    _STATE = value


def _start_worker(parent: int, shared: Any) -> None:
    """A worker ends with its parent (a SIGKILLed build leaves none behind), takes the
    default action on stop signals, and gets the shared state (already there when
    forked)."""
    from notecards.build.lifetime import die_with_parent, reset_stop_signals

    die_with_parent(parent)
    reset_stop_signals()
    _install(shared)


def usable_cores() -> int:
    """The cores this process may run on (its affinity, where the OS says)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def worker_count(tasks: int, requested: int | None = None) -> int:
    """How many processes: 1 for small runs or one core, else all cores. A requested
    number (`-j`) is capped at the cores: more processes than cores only compete for
    them, with a parser's memory each (`-j 64` on 2 cores started 64)."""
    cores = usable_cores()
    if requested is not None:
        return max(1, min(requested, cores))
    return 1 if tasks < MIN_PARALLEL else max(1, min(cores, tasks // 50))


def run_ordered(
    fn: Callable[[list[T]], list[R]],
    tasks: Sequence[T],
    shared: Any,
    workers: int,
    on_ready: Callable[[], None] | None = None,
) -> Ordered[R]:
    """`fn` over batches of `tasks`, one result per task, in task order; `fn` takes a
    list of tasks, returns their results as a list and reads `state()` for `shared`.

    Workers start at once and run ahead of the reader: the caller can use each result
    (write it out) while the next are computed. Read the results to the end or `close`
    them (which cancels what has not started)."""
    size = batch_size(len(tasks), workers)
    batches = [list(tasks[i : i + size]) for i in range(0, len(tasks), size)]
    if workers <= 1 or len(tasks) <= 1:
        if on_ready:
            on_ready()
        return Ordered(_serial(fn, batches, shared))
    fork = sys.platform.startswith("linux")
    context = multiprocessing.get_context("fork" if fork else "spawn")
    init = {"initializer": _start_worker, "initargs": (os.getpid(), shared)}
    previous = _STATE
    _install(shared)  # forked workers copy it as they start, during `map`
    pool = ProcessPoolExecutor(workers, mp_context=context, **init)
    try:
        results = pool.map(fn, batches)
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        _install(previous)
    if on_ready:  # workers exist now: safe to start threads (a progress bar)
        on_ready()
    return Ordered(chain.from_iterable(results), pool)


def batch_size(tasks: int, workers: int) -> int:
    """Up to `BATCH`, and small enough that each worker gets eight batches or more."""
    return max(1, min(BATCH, tasks // (max(1, workers) * 8)))


def _serial(fn: Callable[[list[T]], list[R]], batches: list[list[T]], shared: Any) -> Iterator[R]:
    for batch in batches:
        previous = _STATE
        _install(shared)
        try:
            results = fn(batch)
        finally:
            _install(previous)
        yield from results


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
