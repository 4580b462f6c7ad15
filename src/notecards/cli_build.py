"""`notecards build`, `cards` and `check`: notes in, decks or a listing out."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import typer

DEFAULT_NOTES = Path("notes")
DEFAULT_OUT = Path("decks")

_PATHS_HELP = "Notes or folders of notes (an Obsidian vault)."


def register(app: typer.Typer) -> None:
    app.command("build")(build)
    app.command("cards")(cards)
    app.command("check")(check)


def build(
    paths: list[Path] = typer.Argument(None, help=f"{_PATHS_HELP} [default: notes/]"),
    out: Path = typer.Option(DEFAULT_OUT, "--out", "-o", help="Folder the decks are written to."),
    fmt: str = typer.Option("apkg", "--format", "-f", help="apkg, json or csv."),
    allow_remote: bool = typer.Option(
        False, "--allow-remote", help="Keep images that load from the internet."
    ),
    include_drafts: bool = typer.Option(False, "--include-drafts", help="Also notes with draft: true."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 on warnings too (for CI)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only problems."),
) -> None:
    """Write one deck per note or folder: [bold]notecards build notes/ -o decks/[/bold]

    A note gives a deck named after its title; a folder gives one package whose
    subdecks follow the folder tree. Rebuilding updates the same Anki notes.
    """
    from notecards.filenames import safe_stem, unique_names
    from notecards.pipeline import BuildOptions, collect_one
    from notecards.report import exit_code, print_problems

    if fmt not in ("apkg", "json", "csv"):
        raise typer.BadParameter("choose apkg, json or csv", param_hint="--format")
    options = BuildOptions(allow_remote=allow_remote, include_drafts=include_drafts)
    results = [collect_one(path, options) for path in (paths or [DEFAULT_NOTES])]
    stems = [safe_stem(r.root.stem if r.single_note else r.root.resolve().name) for r in results]
    problems = [p for r in results for p in r.problems]
    rows = []
    for result, name in zip(results, unique_names(stems, f".{fmt}"), strict=True):
        target = out / name
        written = _write(result.cards, target, fmt, allow_remote) if result.cards else None
        rows.append((result, target if written else None))
    print_problems(problems)
    if not quiet:
        _print_summary(rows)
    raise typer.Exit(exit_code(problems, strict))


def _write(cards, target: Path, fmt: str, allow_remote: bool) -> bool:
    if fmt == "apkg":
        from notecards.exporters.apkg import write_apkg

        write_apkg(cards, target, allow_remote=allow_remote)
    elif fmt == "json":
        from notecards.exporters.text_formats import write_json

        write_json(cards, target)
    else:
        from notecards.exporters.text_formats import write_csv

        write_csv(cards, target)
    return True


def _print_summary(rows) -> None:
    from rich.console import Console
    from rich.table import Table

    from notecards.pipeline import display_path

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("input", "notes", "cards", "kinds", "written"):
        table.add_column(column, justify="right" if column in ("notes", "cards") else "left")
    for result, target in rows:
        kinds = Counter(card.kind for card in result.cards)
        table.add_row(
            display_path(result.root),
            str(len(result.notes)),
            str(len(result.cards)),
            ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())),
            display_path(target) if target else "[yellow]nothing (no cards)",
        )
    Console().print(table)


def cards(
    paths: list[Path] = typer.Argument(..., help=_PATHS_HELP),
    as_json: bool = typer.Option(False, "--json", help="One JSON array (the contract in DESIGN.md)."),
    allow_remote: bool = typer.Option(False, "--allow-remote", help="Keep remote images."),
    include_drafts: bool = typer.Option(False, "--include-drafts", help="Also notes with draft: true."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 on warnings too."),
) -> None:
    """List the cards that build would write, and which extractor made each."""
    from notecards.pipeline import BuildOptions, collect
    from notecards.report import exit_code, print_problems

    result = collect(paths, BuildOptions(allow_remote=allow_remote, include_drafts=include_drafts))
    print_problems(result.problems)
    if as_json:
        sys.stdout.write(json.dumps([c.to_json() for c in result.cards], ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
    else:
        _print_cards_table(result.cards)
    raise typer.Exit(exit_code(result.problems, strict))


def _print_cards_table(cards) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(show_lines=True, header_style="bold", expand=True)
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column("kind · extractor", no_wrap=True)
    table.add_column("front", ratio=1)
    table.add_column("back", ratio=1)
    for card in cards:
        table.add_row(
            f"{card.note}:{card.line}",
            f"{card.kind}\n[dim]{card.extractor}[/dim]",
            card.front,
            card.back,
        )
    console.print(table)
    console.print(f"[dim]{len(cards)} cards[/dim]")


def check(
    paths: list[Path] = typer.Argument(..., help=_PATHS_HELP),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 on warnings too."),
) -> None:
    """Report problems in notes without writing anything."""
    from rich.console import Console

    from notecards.pipeline import collect
    from notecards.report import exit_code, print_problems

    result = collect(paths)
    print_problems(result.problems)
    Console(stderr=True).print(
        f"checked {len(result.notes)} notes: {len(result.cards)} cards, "
        f"{len(result.problems)} problems"
    )
    raise typer.Exit(exit_code(result.problems, strict))
