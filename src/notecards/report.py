"""How problems reach the user: `path:line: message` on stderr, grouped by file and
counted at the end, so a long run's warnings stay readable and greppable."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape

from notecards.model import Problem


def stderr_console() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def print_problems(problems: Sequence[Problem], console: Console | None = None) -> None:
    """Each problem on its own line, files in order, then one line of counts."""
    if not problems:
        return
    console = console or stderr_console()
    ordered = sorted(problems, key=lambda p: (p.path, p.line))
    for problem in ordered:
        style = "red" if problem.severity == "error" else "yellow"
        console.print(
            f"[bold]{escape(problem.path)}:{problem.line}:[/bold] [{style}]{escape(problem.message)}"
        )
    console.print(f"[dim]{summarize(problems)}[/dim]")


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
    """DESIGN.md: 1 when some input had problems (errors; with --strict, warnings too)."""
    if any(p.severity == "error" for p in problems):
        return 1
    return 1 if strict and problems else 0
