"""How problems reach the user: `path:line: message` on stderr, grouped by file and
counted at the end, so a long run's warnings stay readable and greppable.

Paths and messages quote text from notes (file names, link targets), which may hold
newlines, escape sequences or rich markup: each is printed on exactly one line with
control characters escaped, so a hostile file name cannot forge or hide a report line.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape

from notecards.model import Problem
from notecards.problem_lines import one_line, ordered, where


def stderr_console() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


def print_problems(
    problems: Sequence[Problem], console: Console | None = None, verbose: bool = False
) -> None:
    """Each problem on its own line, files in order, then one line of counts. A kind of
    problem that repeats over many files is one line (`grouping`) unless `verbose`."""
    if not problems:
        return
    from notecards.cli.grouping import split_repeated

    console = console or stderr_console()
    unique = ordered(problems)
    listed, groups = (unique, []) if verbose else split_repeated(unique)
    for problem in listed:
        style = "red" if problem.severity == "error" else "yellow"
        message = escape(one_line(problem.message))
        console.print(f"[bold]{escape(where(problem))}:[/bold] [{style}]{message}")
    for group in groups:
        style = "red" if group.severity == "error" else "yellow"
        console.print(f"[{style}]{escape(one_line(group.line(where(group.problems[0]))))}")
    console.print(f"[dim]{summarize(unique)}[/dim]")


def summarize(problems: Sequence[Problem]) -> str:
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' * (errors != 1)}")
    if warnings:
        parts.append(f"{warnings} warning{'s' * (warnings != 1)}")
    return f"{', '.join(parts)} in {files} file{'s' * (files != 1)}"


def exit_code(problems: Sequence[Problem], strict: bool = False) -> int:
    """1 when some input had problems (errors; with --strict, warnings too)."""
    if any(p.severity == "error" for p in problems):
        return 1
    return 1 if strict and problems else 0


# ---------------------------------------------------------------- storage failures

_STORAGE_ERRNOS = {
    "ENOSPC": "no space left on the device",
    "EDQUOT": "disk quota exceeded",
    "EFBIG": "file too large (a file size limit, `ulimit -f`?)",
    "EROFS": "read-only file system",
}


def storage_failure(error: BaseException) -> str | None:
    """What the user should hear when `error` is a foreseeable refusal to write (disk
    full, over quota, over the file size limit, read-only), or None for anything else.
    SQLite reports a full disk as SQLITE_FULL and a refused write as SQLITE_IOERR."""
    import errno
    import sqlite3

    if isinstance(error, OSError):
        for name, reason in _STORAGE_ERRNOS.items():
            if error.errno is not None and error.errno == getattr(errno, name, None):
                where = f" ({error.filename})" if error.filename else ""
                return f"{reason}{where}"
        return None
    if isinstance(error, sqlite3.OperationalError):
        code = getattr(error, "sqlite_errorcode", None)
        if code is None:
            return None
        if code & 0xFF == sqlite3.SQLITE_FULL:
            return "no space left on the device (or disk quota exceeded)"
        if code & 0xFF == sqlite3.SQLITE_IOERR:
            return "the disk refused a write (full, over quota or over a file size limit?)"
    return None
