"""What a build shows: a progress bar while it runs (terminals only), then a summary
table, the dry-run listing, or one JSON object for scripts."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.table import Table

if TYPE_CHECKING:
    from notecards.build.dryrun import GroupInfo
    from notecards.build.run import BuildSummary

LISTED = 20  # per kind of change in a dry run; the rest is counted


class RichProgress:
    """notes done / total, cards so far and time left, on stderr."""

    def __init__(self) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("[bold]notes"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[cards]} cards"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._task = None
        self._cards = 0

    def start(self, total: int) -> None:
        if self._task is None:
            self._progress.start()
            self._task = self._progress.add_task("notes", total=total, cards=0)
        else:  # a further input of the same build
            self._progress.update(self._task, total=total, completed=0)

    def advance(self, notes: int, cards: int) -> None:
        self._cards += cards
        if self._task is not None:
            self._progress.update(self._task, advance=notes, cards=self._cards)

    def stop(self) -> None:
        if self._task is not None:
            self._progress.stop()


def print_json(summary: BuildSummary) -> None:
    """The summary, and each problem (`path`, `line`, `severity`, `message`) as stderr
    gives it, so a script sees which notes were skipped and why."""
    from notecards.problem_lines import one_line, ordered

    data = summary.to_json()
    data["messages"] = [
        {"path": one_line(p.path), "line": p.line, "severity": p.severity, "message": p.message}
        for p in ordered(summary.problems)
    ]
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def print_summary(summary: BuildSummary, console: Console | None = None) -> None:
    """One row per package, then the totals, in words that agree with their numbers.
    The cache counts files (a draft or an unreadable file can come from it too), so it
    is said of the files read, never of the notes."""
    from notecards.build.pipeline import display_path
    from notecards.cli.consoles import stdout_console
    from notecards.cli.wording import count

    console = console or stdout_console()
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("package", "notes", "cards", "status"):
        table.add_column(column, justify="right" if column in ("notes", "cards") else "left")
    colours = {"written": "green", "unchanged": "dim", "empty": "yellow", "would write": "cyan"}
    for output in summary.outputs:
        status = output.status
        if output.orphans:
            status += f", {output.orphans} gone notes tagged"
        table.add_row(
            escape(display_path(output.path)),
            str(output.notes),
            str(output.card_count),
            f"[{colours.get(output.status, 'white')}]{escape(status)}",
        )
    console.print(table)
    kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(summary.by_kind.items()))
    errors = sum(1 for p in summary.problems if p.severity == "error")
    warnings = len(summary.problems) - errors
    written = sum(1 for o in summary.outputs if o.status in ("written", "would write"))
    packages = len(summary.outputs)
    line = (
        f"{count(summary.notes, 'note')}, {count(summary.cards, 'card')}"
        f"{f' ({kinds})' if kinds else ''}; {count(errors, 'error')}, "
        f"{count(warnings, 'warning')}; {written} of {count(packages, 'package')} "
        f"{'would be written' if summary.dry_run else 'written'} in {summary.seconds:.2f} s"
    )
    if summary.drafts_skipped:
        line += f"; {count(summary.drafts_skipped, 'draft')} skipped"
    if summary.cached and summary.parsed:
        files = count(summary.cached + summary.parsed, "file")
        line += f"; {summary.cached} of {files} from the cache"
    elif summary.cached:
        line += "; all from the cache"
    console.print(escape(line))


def print_diff(summary: BuildSummary, orphans_tag: str, console: Console | None = None) -> None:
    """The dry run: per package, what Anki would receive."""
    from notecards.build.pipeline import display_path
    from notecards.cli.consoles import stdout_console
    from notecards.cli.wording import count

    console = console or stdout_console()
    for output in summary.outputs:
        diff = output.diff
        name = escape(display_path(output.path))
        if diff is None:
            console.print(f"[bold]{name}[/bold]: no previous build, so every card is "
                          f"new ({count(output.card_count, 'card')})")  # fmt: skip
            continue
        console.print(
            f"[bold]{name}[/bold]: {len(diff.new)} new, {len(diff.changed)} changed, "
            f"{len(diff.gone)} gone, {diff.unchanged} unchanged"
            + (f", {len(diff.moved)} renamed" if diff.moved else "")
            + ("" if diff.exact else " [dim](compared by note id only)[/dim]")
        )
        for label, items in (("new", diff.new), ("changed", diff.changed), ("gone", diff.gone)):
            _list(console, label, items)
        for move in diff.moved:
            console.print(
                f"  [magenta]{'renamed':7}[/] {escape(move.old)} → {escape(move.new)}: the same "
                f"{move.notes} notes, new ids (a front matter id keeps them: docs/identity.md)"
            )
        if diff.gone:
            advice = (
                f"a build with --orphans-tag {orphans_tag} will tag them '{orphans_tag}'"
                if orphans_tag
                else "build with --orphans-tag TAG to tag them, then delete them in Anki"
            )
            console.print(
                f"  [yellow]{count(len(diff.gone), 'gone note')} "
                f"{'stays' if len(diff.gone) == 1 else 'stay'} in your Anki collection "
                f"(importing never deletes): {escape(advice)}"
            )


def _list(console: Console, label: str, items: list[GroupInfo]) -> None:
    colour = {"new": "green", "changed": "cyan", "gone": "red"}[label]
    for info in items[:LISTED]:
        where = f"{info.note}:{info.line}" if info.note else "?"
        console.print(f"  [{colour}]{label:7}[/] {escape(where)}  {escape(info.front[:80])}")
    if len(items) > LISTED:
        console.print(f"  [{colour}]{label:7}[/] … and {len(items) - LISTED} more")
