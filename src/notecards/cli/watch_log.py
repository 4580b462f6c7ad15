"""What `notecards watch` says after each rebuild: one line, then only what is new.

A watcher runs for hours beside an editor; repeating the build's whole report on
every save buries what matters. So after the first build (reported in full, as
`build` does), each rebuild prints one line:

    20:31:05  Web/Caching.md, Ports.md · cards +3 −1 ~2 · 1 new problem

the local time, the files that changed (the first three, then "and N more"), what
changed in the decks as `build --dry-run` counts it (an Anki note is one card here: a
question and its reverse count once): `+` new, `−` gone, `~` changed, and problems
only when they are new (each printed after the line) or when some went away.
A problem is known by its file and message, not its line, so adding a line above an
old problem does not announce it again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from notecards.cli.wording import count

if TYPE_CHECKING:
    from rich.console import Console

    from notecards.build.dryrun import GroupInfo
    from notecards.build.run import BuildSummary
    from notecards.model import Problem

MOST_FILES = 3


def changed_files(paths: Sequence[str], most: int = MOST_FILES) -> str:
    """`a.md, b.md and 4 more`, each as the user would type it."""
    from notecards.build.pipeline import display_path

    shown = ", ".join(display_path(Path(p)) for p in paths[:most])
    return shown + (f" and {len(paths) - most} more" if len(paths) > most else "")


def _groups(summary: BuildSummary) -> dict[str, GroupInfo] | None:
    """Every Anki note the build wrote, by key; None when the build was replayed
    from its record (nothing changed, so the notes were not read)."""
    outputs = summary.outputs
    replayed = all(o.status in ("unchanged", "empty") for o in outputs) and not any(
        o.group_data or o.cards for o in outputs
    )
    if outputs and replayed:
        return None
    groups: dict[str, GroupInfo] = {}
    for output in outputs:
        groups.update(output.groups)
    return groups


def _problem_key(problem: Problem) -> tuple[str, str, str]:
    return (problem.path, problem.severity, problem.message)


class RebuildLog:
    """Remembers the last build's Anki notes and problems, to tell what each rebuild
    changed."""

    def __init__(self, clock: Callable[[], datetime] = datetime.now) -> None:
        self.clock = clock
        self.groups: dict[str, GroupInfo] = {}
        self.problems: set[tuple[str, str, str]] = set()

    def first(self, summary: BuildSummary) -> None:
        """The first build: its report is printed in full elsewhere; remember it."""
        self.groups = _groups(summary) or {}
        self.problems = {_problem_key(p) for p in summary.problems}

    def rebuilt(self, changed: Sequence[str], summary: BuildSummary) -> tuple[str, list[Problem]]:
        """The line for one rebuild, and the problems that are new since the last."""
        from notecards.build.dryrun import compare

        parts = [f"{self.clock():%H:%M:%S}  {changed_files(changed)}"]
        groups = _groups(summary)
        if groups is None:
            parts.append("no card changed")
        else:
            diff = compare(self.groups, groups)
            if diff.nothing:
                parts.append("no card changed")
            else:
                parts.append(f"cards +{len(diff.new)} −{len(diff.gone)} ~{len(diff.changed)}")
            self.groups = groups
        keys = {_problem_key(p) for p in summary.problems}
        new = _unique([p for p in summary.problems if _problem_key(p) not in self.problems])
        fixed = len(self.problems - keys)
        if new:
            parts.append(count(len(new), "new problem"))
        if fixed:
            parts.append(f"{count(fixed, 'problem')} fixed")
        self.problems = keys
        return " · ".join(parts), new


def _unique(problems: Iterable[Problem]) -> list[Problem]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for problem in problems:
        key = _problem_key(problem)
        if key not in seen:
            seen.add(key)
            out.append(problem)
    return out


def print_rebuild(
    console: Console,
    log: RebuildLog,
    changed: Sequence[str],
    summary: BuildSummary,
    *,
    quiet: bool = False,
) -> None:
    """Print the one line of a rebuild (not when `quiet`), then each new problem as
    `path:line: message`."""
    from rich.markup import escape

    from notecards.problem_lines import one_line, ordered, where

    line, new = log.rebuilt(changed, summary)
    if not quiet:
        console.print(escape(line), highlight=False)
    for problem in ordered(new):
        style = "red" if problem.severity == "error" else "yellow"
        place = escape(f"{where(problem)}:")  # a whole file's problem has no line
        console.print(f"  [bold]{place}[/bold] [{style}]{escape(one_line(problem.message))}")
