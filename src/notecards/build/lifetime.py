"""How long a build's processes live: no worker outlives its build, and a build that is
told to stop (Ctrl-C, SIGTERM from a service manager, SIGHUP from a closed terminal)
cleans up as it does for Ctrl-C.

- `stop_signals_interrupt`: SIGTERM and SIGHUP raise `Stopped` (a KeyboardInterrupt)
  in the main thread, so every `finally` and context manager runs (scratch folders,
  temporary packages, the worker pool); then the process ends by that signal, as its
  parent expects.
- `die_with_parent`: a worker asks Linux to kill it when its parent dies
  (`prctl(PR_SET_PDEATHSIG)`), and elsewhere watches its parent's pid from a thread;
  a SIGKILLed build leaves no worker behind.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Stopped(KeyboardInterrupt):
    """The process was told to stop by `signum`; cleaned up as for Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def stop_signals_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise `Stopped`; when it leaves the block,
    the process ends by that signal (after the block's own cleanup has run)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; a library caller keeps its own
        return

    def stop(signum: int, frame: object) -> None:
        # every time: the first may land where Python swallows exceptions (an at-fork
        # hook), and a stop that is lost is worse than a cleanup cut short (the next
        # build sweeps what that leaves)
        raise Stopped(signum)

    previous = {signum: signal.signal(signum, stop) for signum in _STOP_SIGNALS}
    try:
        yield
    except Stopped as stopped:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        _end_by(stopped.signum)
        raise
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _end_by(signum: int) -> None:
    """End this process by `signum`, its default action, as an unhandled one would."""
    sys.stdout.flush()
    sys.stderr.flush()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def reset_stop_signals() -> None:
    """In a worker: the default action for stop signals (a forked worker inherits the
    parent's handlers, which would make a stop an exception sent back as a result)."""
    for signum in _STOP_SIGNALS:
        signal.signal(signum, signal.SIG_DFL)


def die_with_parent(parent: int) -> None:
    """Make this (worker) process end when `parent` does, however the parent ends."""
    if sys.platform.startswith("linux") and _set_death_signal():
        if os.getppid() != parent:  # the parent died before the request was made
            os._exit(1)
        return
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _set_death_signal() -> bool:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int, every: float = 1.0) -> None:
    """The portable fallback: an orphan is adopted by another process, so its parent
    pid changes."""
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)
