"""Run the per-note work on all cores when there is enough of it, in input order.

Workers get the run's shared state (vault, note index, options) once: inherited through
`fork` on Linux, which starts a worker in milliseconds and shares the indexes without
copying them; elsewhere passed to each spawned worker's initializer. `map` keeps the
input order, so a parallel run gives exactly what a serial one gives.
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
) -> Iterator[R]:
    """`fn` over `tasks`, results in task order; `fn` reads `state()` for `shared`."""
    previous = _STATE
    _install(shared)
    try:
        if workers <= 1 or len(tasks) <= 1:
            if on_ready:
                on_ready()
            for task in tasks:
                yield fn(task)
            return
        fork = sys.platform.startswith("linux")
        context = multiprocessing.get_context("fork" if fork else "spawn")
        init = {} if fork else {"initializer": _install, "initargs": (shared,)}
        chunk = max(1, min(64, len(tasks) // (workers * 8)))
        with ProcessPoolExecutor(workers, mp_context=context, **init) as pool:
            results = pool.map(fn, tasks, chunksize=chunk)
            if on_ready:  # workers exist now: safe to start threads (a progress bar)
                on_ready()
            yield from results
    finally:
        _install(previous)
