"""`notecards build`, `cards`, `check` and `watch`: notes in, decks or a listing out."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from notecards.model import DEFAULT_MIN_CONFIDENCE

DEFAULT_OUT = Path("decks")

_PATHS_HELP = "Notes or folders of notes (an Obsidian vault)."

# Options several commands share, declared once.
Paths = Annotated[
    list[Path] | None, typer.Argument(help=f"{_PATHS_HELP} [default: notes/]", show_default=False)
]
RequiredPaths = Annotated[list[Path], typer.Argument(help=_PATHS_HELP)]
Out = Annotated[
    Path,
    typer.Option("--out", "-o", metavar="FOLDER", help="Folder the decks are written to."),
]
Format = Annotated[
    Literal["apkg", "json", "csv"],
    typer.Option("--format", "-f", help="Anki packages, one JSON file or CSV for import."),
]
AllowRemote = Annotated[
    bool, typer.Option("--allow-remote", help="Keep images that load from the internet.")
]
IncludeDrafts = Annotated[
    bool, typer.Option("--include-drafts", help="Also notes with draft: true.")
]
DeckPerNote = Annotated[
    bool, typer.Option("--deck-per-note", help="Add each note's title as the last deck level.")
]
Split = Annotated[
    Literal["none", "folder", "note"],
    typer.Option("--split", help="One package per input (none), per top folder or per note."),
]
Include = Annotated[
    list[str] | None,
    typer.Option(
        "--include",
        metavar="GLOB",
        help="Only notes matching this glob (gitignore syntax); repeatable.",
    ),
]
Exclude = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude", metavar="GLOB", help="Leave out notes matching this glob; repeatable."
    ),
]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Read every note again.")]
Mine = Annotated[
    bool | None,
    typer.Option(
        "--mine/--no-mine",
        help="Mine prose for cards, or keep only the cards written in the notes "
        "[default: as .notecards.toml and the notes say].",
    ),
]
Strict = Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too (for CI).")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems.")]
Verbose = Annotated[
    bool,
    typer.Option(
        "--verbose",
        "-v",
        help="List every problem; without it, a kind of problem met in many files "
        "is one line that counts them.",
    ),
]
MinConfidence = Annotated[
    float,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="Leave out cards mined from prose that are less sure than this (0-1).",
    ),
]


def register(app: typer.Typer) -> None:
    from notecards.cli.help_format import HelpfulCommand

    app.command("build", cls=HelpfulCommand)(build)
    app.command("cards", cls=HelpfulCommand)(cards)
    app.command("check", cls=HelpfulCommand)(check)
    app.command("watch", cls=HelpfulCommand)(watch)


def _options(
    allow_remote: bool = False,
    include_drafts: bool = False,
    deck_per_note: bool = False,
    include: list[str] | None = None,
    exclude: list[str] | None = None,
    no_cache: bool = False,
    jobs: int | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    mine: bool | None = None,
):
    from notecards.build.pipeline import BuildOptions
    from notecards.vault.discover import pattern_error

    for hint, patterns in (("--include", include), ("--exclude", exclude)):
        for pattern in patterns or ():
            if why := pattern_error(pattern):
                raise typer.BadParameter(f"{pattern!r}: {why}", param_hint=hint)
    return BuildOptions(
        allow_remote=allow_remote,
        include_drafts=include_drafts,
        deck_per_note=deck_per_note,
        include=tuple(include or ()),
        exclude=tuple(exclude or ()),
        cache=not no_cache,
        workers=jobs,
        min_confidence=min_confidence,
        mine=mine,
    )


def _write_schedules(paths: list[Path], options, outputs) -> None:
    """`--with-schedule`: the schedules the notes hold, into each package written."""
    from notecards.build.pipeline import collect
    from notecards.exporters.apkg import write_schedules
    from notecards.quiz.schedules import package_schedules

    result = collect(paths, options)
    files = {n.path: Path(n.vault) / n.path for n in result.notes if n.vault}
    schedules = package_schedules(result.cards, files)
    for output in outputs:
        if output.status in ("written", "unchanged") and output.path.suffix == ".apkg":
            write_schedules(output.path, schedules)


def build(
    paths: Paths = None,
    out: Out = DEFAULT_OUT,
    fmt: Format = "apkg",
    allow_remote: AllowRemote = False,
    include_drafts: IncludeDrafts = False,
    deck_per_note: DeckPerNote = False,
    split: Split = "none",
    include: Include = None,
    exclude: Exclude = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Write nothing; list cards that are new, changed, gone."),
    ] = False,
    orphans_tag: Annotated[
        str,
        typer.Option(
            "--orphans-tag",
            metavar="TAG",
            help="Send notes gone from the vault once more, tagged.",
        ),
    ] = "",
    no_cache: NoCache = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", help="Worker processes, at most one per core [default: all cores]."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON summary.")] = False,
    min_confidence: MinConfidence = DEFAULT_MIN_CONFIDENCE,
    strict: Strict = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
    mine: Mine = None,
    with_schedule: Annotated[
        bool,
        typer.Option(
            "--with-schedule",
            help="Keep the review schedules the notes hold (<!--SR:…-->) in the package "
            "(import it in Anki with scheduling).",
        ),
    ] = False,
) -> None:
    """Write one deck per note or folder: [bold]notecards build notes/ -o decks/[/bold]

    A note gives a deck named after its title; a folder gives one package whose
    subdecks follow the folder tree, each card tagged [bold]note::Title[/bold].
    Rebuilding updates the same Anki notes; unchanged notes come from the cache.
    """
    from notecards.build.run import run_build
    from notecards.cli.report import exit_code, print_problems
    from notecards.cli.usage import check_output_folder, note_inputs

    if jobs is not None and jobs < 1:
        raise typer.BadParameter("at least 1", param_hint="--jobs")
    paths = note_inputs(paths)
    if not dry_run:
        check_output_folder(out)
    options = _options(
        allow_remote, include_drafts, deck_per_note, include, exclude, no_cache, jobs,
        min_confidence, mine,
    )  # fmt: skip
    progress = None
    if sys.stderr.isatty() and not quiet and not as_json:
        from notecards.cli.build_report import RichProgress

        progress = RichProgress()
    try:
        summary = run_build(
            paths,
            out,
            fmt=fmt,
            options=options,
            split=split,
            dry_run=dry_run,
            orphans_tag=orphans_tag.strip(),
            progress=progress,
        )
    finally:
        if progress is not None:
            progress.stop()
    if with_schedule and fmt == "apkg" and not dry_run:
        _write_schedules(paths, options, summary.outputs)
    print_problems(summary.problems, verbose=verbose)
    from notecards.cli.build_report import print_diff, print_json, print_summary

    if as_json:
        print_json(summary)
    elif not quiet:
        if summary.dry_run:
            print_diff(summary, orphans_tag.strip())
        print_summary(summary)
    raise typer.Exit(exit_code(summary.problems, strict))


def cards(
    paths: RequiredPaths,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON array of cards (its fields: README, Commands).")
    ] = False,
    allow_remote: AllowRemote = False,
    include_drafts: IncludeDrafts = False,
    deck_per_note: DeckPerNote = False,
    no_cache: NoCache = False,
    min_confidence: MinConfidence = DEFAULT_MIN_CONFIDENCE,
    show_all: Annotated[
        bool,
        typer.Option("--all", help="Also list the mined cards the threshold leaves out."),
    ] = False,
    why: Annotated[
        bool, typer.Option("--why", help="Say which rule found each card, how sure, and why.")
    ] = False,
    strict: Strict = False,
    verbose: Verbose = False,
    mine: Mine = None,
) -> None:
    """List the cards that build would write, and which extractor made each."""
    from notecards.build.pipeline import collect
    from notecards.cli.report import exit_code, print_problems
    from notecards.cli.usage import note_inputs

    note_inputs(paths)
    options = _options(
        allow_remote, include_drafts, deck_per_note, no_cache=no_cache,
        min_confidence=0.0 if show_all else min_confidence, mine=mine,
    )  # fmt: skip
    result = collect(paths, options)
    print_problems(result.problems, verbose=verbose)
    if as_json:
        data = [_card_json(c, min_confidence, why) for c in result.cards]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
    else:
        _print_cards_table(result.cards, min_confidence, why)
    raise typer.Exit(exit_code(result.problems, strict))


def _card_json(card, threshold: float, why: bool) -> dict:
    """A card of `cards --json`; with `--all`, `kept` says whether build would write it."""
    data = card.to_json()
    data["kept"] = card.confidence >= threshold
    if why:
        data["evidence"] = card.evidence
    return data


def _print_cards_table(cards, threshold: float = DEFAULT_MIN_CONFIDENCE, why=False) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from notecards.cli.wording import count

    console = Console()
    if not console.is_terminal:  # a pipe or a file: lines that no width cuts
        from notecards.cli.cards_listing import print_cards_plain

        print_cards_plain(cards, threshold, why, sys.stdout)
        return
    table = Table(show_lines=True, header_style="bold", expand=True)
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column("kind · extractor", no_wrap=True)
    table.add_column("front", ratio=1)
    table.add_column("back", ratio=1)
    left_out = 0
    for card in cards:
        how = f"{card.kind}\n[dim]{card.extractor}[/dim]"
        if why:
            how = f"{card.kind}\n[dim]{card.rule} · {card.confidence:.2f}[/dim]"
            if card.evidence:
                how += f"\n[dim italic]{escape(card.evidence[:160])}[/dim italic]"
        if card.confidence < threshold:
            left_out += 1
            how += "\n[yellow]left out[/yellow]"
        table.add_row(
            escape(f"{card.note}:{card.line}"), how, escape(card.front), escape(card.back)
        )
    console.print(table)
    tail = f", {left_out} below --min-confidence {threshold:g} (left out)" if left_out else ""
    console.print(f"[dim]{count(len(cards), 'card')}{tail}[/dim]")


def check(
    paths: RequiredPaths,
    strict: Strict = False,
    no_cache: NoCache = False,
    verbose: Verbose = False,
) -> None:
    """Report problems in notes without writing anything."""
    from rich.console import Console

    from notecards.build.pipeline import collect
    from notecards.cli.report import exit_code, print_problems
    from notecards.cli.usage import note_inputs
    from notecards.cli.wording import count

    note_inputs(paths)
    result = collect(paths, _options(no_cache=no_cache))
    print_problems(result.problems, verbose=verbose)
    Console(stderr=True, soft_wrap=True).print(
        f"checked {count(len(result.notes), 'note')}: {count(len(result.cards), 'card')}, "
        f"{count(len(result.problems), 'problem')}"
    )
    raise typer.Exit(exit_code(result.problems, strict))


def watch(
    paths: Paths = None,
    out: Out = DEFAULT_OUT,
    fmt: Format = "apkg",
    allow_remote: AllowRemote = False,
    include_drafts: IncludeDrafts = False,
    deck_per_note: DeckPerNote = False,
    split: Split = "none",
    include: Include = None,
    exclude: Exclude = None,
    debounce: Annotated[
        int, typer.Option("--debounce", help="Milliseconds of quiet before a rebuild.")
    ] = 400,
    quiet: Quiet = False,
) -> None:
    """Build, then rebuild whenever notes change (Ctrl+C stops):
    [bold]notecards watch vault/ -o decks/[/bold]"""
    from notecards.build.watch import watch as watch_changes
    from notecards.cli.usage import check_output_folder, note_inputs

    roots = note_inputs(paths, allow_empty=True)
    check_output_folder(out)
    options = _options(allow_remote, include_drafts, deck_per_note, include, exclude)
    rebuild = make_rebuild(roots, out, fmt, split, options, quiet=quiet)
    rebuilds = 0

    def counted(changed: list[str]) -> None:
        nonlocal rebuilds
        rebuilds += 1  # before the rebuild: its last line may be the one Ctrl-C follows
        rebuild(changed)

    try:
        rebuild([])
        watch_changes(roots, counted, out=out, debounce_ms=debounce)
    except KeyboardInterrupt:  # the way to stop: packages are as the last build left them
        times = "rebuild" if rebuilds == 1 else "rebuilds"
        print(f"\nnotecards: stopped watching ({rebuilds} {times}).", file=sys.stderr)


def make_rebuild(roots: list[Path], out: Path, fmt: str, split: str, options, *, quiet: bool):
    """The rebuild `watch` runs after each burst of changes; problems never stop it."""
    from rich.console import Console
    from rich.markup import escape

    from notecards.build.run import run_build
    from notecards.cli.build_report import print_summary
    from notecards.cli.report import print_problems
    from notecards.cli.watch_log import RebuildLog, print_rebuild

    console = Console(stderr=True)
    log = RebuildLog()

    def rebuild(changed: list[str]) -> None:
        try:
            summary = run_build(roots, out, fmt=fmt, options=options, split=split)
        except Exception as error:  # keep watching: the next save may fix it
            console.print(f"[red]build failed: {escape(str(error))}[/red]")
            return
        if changed:  # one line per rebuild, and only the problems that are new
            print_rebuild(console, log, changed, summary, quiet=quiet)
            return
        log.first(summary)
        print_problems(summary.problems)
        if not quiet:
            print_summary(summary, console)

    return rebuild
