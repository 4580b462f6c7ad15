"""The rich consoles output goes through: styled and fitted to the width on a terminal;
to a pipe or a file, plain and never wrapped (a script or `grep` sees whole lines, a
table is as wide as its widest row)."""

from __future__ import annotations

from rich.console import Console

UNLIMITED = 1_000_000  # columns: no line of notecards' output comes near it


def stdout_console() -> Console:
    """The console for results on stdout."""
    console = Console(highlight=False)
    if console.is_terminal:
        return console
    return Console(highlight=False, width=UNLIMITED, soft_wrap=True)
