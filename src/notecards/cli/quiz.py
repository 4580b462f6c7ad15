"""`notecards quiz` and `notecards stats`: the command-line side of the quiz.

One module past 500 lines because both commands share the same inputs (notes,
folders, .apkg files, the state file) and the same late imports that keep --help fast.

Only typer is imported at module level: the engine (fsrs, rich, sqlite) is loaded
inside the commands, so `notecards --help` stays fast.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shlex
import subprocess
import sys
from collections.abc import Callable, Iterable
from datetime import UTC
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from notecards.model import Card, Problem
    from notecards.quiz.state import ReviewStore, Stats
    from notecards.quiz.ui import LineUi, TtyUi

QUIZ_HELP = (
    "Quiz yourself on the cards due now, then on new ones.\n\n"
    "PATH is a note, a folder of notes or an .apkg deck; without it, every note, folder and "
    "deck quizzed before is reviewed. Grades are saved as they are given, "
    "in a review state file outside the notes (--state, $NOTECARDS_STATE, or reviews.sqlite3 "
    "in the user data folder).\n\n"
    "Failed cards come back in the same session after their learning step; the header shows "
    "the new + learning + due cards left, as Anki does.\n\n"
    "Keys on a terminal: space/enter reveal, 1-4 grade (space/enter: good; after a typed "
    "answer, enter takes the suggested grade), u undo, e edit the note at the card's line, "
    "q save and quit; in a typed answer :u, :e and :q.\n\n"
    "When standard input is not a terminal, one line answers each question: a grade 1-4 (or "
    "again/hard/good/easy) in flip mode; the answer in type mode (a near miss counts only when "
    "its similarity is at least 92%, as Hard; short answers and acronyms must be exact); the "
    "option number in choice mode; the step numbers in order mode (e.g. 3 1 2 4). A line :q "
    "quits, :u undoes, :e edits (q, u and e too, except as a typed answer), EOF ends; a line "
    "that answers nothing skips the card and makes the exit status 1. The last line printed "
    "starts with 'score K/N'."
)  # its examples end the help: notecards.cli.help_format.EXAMPLES

EDITORS_WITH_LINE = {"vi", "vim", "nvim", "nano", "emacs", "emacsclient", "micro", "kak", "hx"}


class Mode(str, Enum):  # noqa: UP042 (typer lists the values; StrEnum would change str())
    flip = "flip"
    type = "type"
    choice = "choice"
    order = "order"
    mixed = "mixed"


def _fail(message: str, code: int = 1) -> typer.Exit:
    print(f"notecards: {message}", file=sys.stderr)
    return typer.Exit(code)


def _load_cards(path: Path) -> tuple[list[Card], bool, dict[str, Path], list[Problem]]:
    """Cards from a deck or from notes, whether a deck had problems (reported here), the
    note files, and the notes' problems (for `report_note_problems`)."""
    if path.suffix.lower() == ".apkg":
        from notecards.quiz.apkg_reader import ApkgError, read_apkg_with_problems

        try:
            cards, problems = read_apkg_with_problems(path)
        except ApkgError as error:
            raise _fail(str(error)) from None
        for problem in problems:
            print(f"notecards: {problem}", file=sys.stderr)
        return cards, bool(problems), {}, []
    from notecards.build.pipeline import collect

    result = collect([path])
    files = {note.path: Path(note.vault) / note.path for note in result.notes if note.vault}
    return list(result.cards), False, files, list(result.problems)


def _gather(
    paths: list[Path], tags: tuple[str, ...], deck: str
) -> tuple[list[Card], bool, dict[str, Path], list[Problem]]:
    """The cards of every path that pass the filters, whether a deck had problems, the
    note files and the notes' problems; a filter that keeps nothing of what exists
    says what does exist (exit 1)."""
    from notecards.quiz.session import Filters

    cards: list[Card] = []
    seen: set[str] = set()
    had_problems = False
    files: dict[str, Path] = {}
    note_problems: list[Problem] = []
    for path in paths:
        found, problems, found_files, in_notes = _load_cards(path)
        had_problems |= problems
        note_problems += in_notes
        files.update(found_files)
        for card in found:
            if card.id not in seen:
                seen.add(card.id)
                cards.append(card)
    filters = Filters(tags, deck)
    kept = [c for c in cards if filters.keep(c)]
    if cards and not kept:
        asked = " and ".join(
            part
            for part in (f"--deck {deck}" if deck else "", *(f"--tag {t}" for t in tags))
            if part
        )
        raise _fail(
            f"no card matches {asked}; decks: {_listing(c.deck for c in cards)}; "
            f"tags: {_listing(t for c in cards for t in c.tags)}"
        )
    return kept, had_problems, files, note_problems


def _listing(names: Iterable[str], most: int = 12) -> str:
    unique = sorted(set(names), key=str.casefold)
    if not unique:
        return "none"
    shown = ", ".join(unique[:most])
    return shown + (f" and {len(unique) - most} more" if len(unique) > most else "")


def _sources(path: Path | None, state: Path | None) -> list[Path]:
    """PATH, or every source quizzed before (a usage error when there is none)."""
    if path is not None:
        from notecards.cli.usage import check_note_input

        check_note_input(path, packages=True)
        return [path]
    from notecards.quiz.state import ReviewStore, StateError

    known: list[Path] = []
    state_file = _state_path(state)
    if state_file.exists():
        try:
            with ReviewStore.open(state_file, writable=False) as store:
                known = store.sources()
        except StateError as error:
            raise _fail(str(error)) from None
    present = [source for source in known if source.exists()]
    for source in known:
        if not source.exists():
            print(f"notecards: {source}: quizzed before, now gone; skipped", file=sys.stderr)
    if not present:
        raise _fail(
            "no PATH given, and nothing quizzed before: name a note, a folder of notes "
            "or an .apkg deck, e.g. notecards quiz notes/",
            2,
        )
    return present


def _state_path(state: Path | None) -> Path:
    from notecards.quiz.state import default_path

    return state if state is not None else default_path()


def _open_store(state: Path | None, *, writable: bool = True) -> ReviewStore:
    from notecards.quiz.state import ReviewStore, StateError

    try:
        return ReviewStore.open(_state_path(state), writable=writable)
    except StateError as error:
        raise _fail(str(error)) from None


def _editor(
    files: dict[str, Path], reload: Callable[[], list[Card]] | None = None
) -> Callable[[Card], tuple[str, list[Card] | None]]:
    """Open a card's note in $VISUAL/$EDITOR at the card's line (`+LINE` for editors
    that take it), then read the notes again so the edit shows at once."""

    def edit(card: Card) -> tuple[str, list[Card] | None]:
        note = files.get(card.note)
        if note is None or not note.is_file():
            return "no note to edit for this card", None
        command = shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")
        if Path(command[0]).name in EDITORS_WITH_LINE and card.line:
            command.append(f"+{card.line}")
        try:
            # a scripted session's input is the script's, not the editor's
            stdin = None if sys.stdin.isatty() else subprocess.DEVNULL
            subprocess.run([*command, str(note)], check=False, stdin=stdin)
        except OSError as error:
            return f"cannot start the editor {command[0]!r}: {error.strerror}", None
        if reload is None:
            return "edits show from the next session on", None
        return "", reload()

    return edit


def _worksheet(cards: list[Card], mode: str, seed: int | None, answers: bool) -> None:
    """Questions (and answers) as numbered plain text: no schedule is read or written."""
    import random

    from notecards.quiz.modes import distractors, mode_for, shuffled_steps

    rng = random.Random(seed)
    lines, keys = [], []
    for n, card in enumerate(cards, 1):
        how = mode_for(card, mode, cards)
        front = card.front.strip().replace("\n", "\n   ")
        lines.append(f"{n}. {front}")
        if how == "order":
            steps = shuffled_steps(card, rng)
            lines += [f"   {chr(97 + i)}) {s}" for i, s in enumerate(steps)]
            keys.append(" ".join(chr(97 + steps.index(s)) for s in card.items))
        elif how == "choice":
            options = [card.back.strip(), *distractors(card, cards, rng)]
            rng.shuffle(options)
            lines += [f"   {chr(97 + i)}) {o}" for i, o in enumerate(options)]
            keys.append(f"{chr(97 + options.index(card.back.strip()))}) {card.back.strip()}")
        else:
            keys.append(card.back.strip().replace("\n", "\n   "))
        lines.append("")
    if answers:
        lines.append("Answers")
        lines.append("")
        lines += [f"{n}. {key}" for n, key in enumerate(keys, 1)]
    print("\n".join(lines).rstrip())


# options quiz and stats share: one declaration, one meaning
StateFile = Annotated[
    Path | None,
    typer.Option(
        metavar="FILE", help="Review state file (default: in the user data folder).",
        dir_okay=False,
    ),
]  # fmt: skip
TagFilter = Annotated[
    list[str] | None,
    typer.Option(metavar="TAG", help="Only cards with this tag (a/b or a::b; repeatable)."),
]
DeckFilter = Annotated[
    str,
    typer.Option(metavar="DECK", help="Only cards of this deck, named by its last levels."),
]


def quiz(
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="PATH",
            help="A note, a folder of notes, or an .apkg deck (default: every one quizzed before).",
            show_default=False,
        ),
    ] = None,
    mode: Annotated[Mode, typer.Option(help="How cards are asked.")] = Mode.mixed,
    limit: Annotated[
        int | None,
        typer.Option(
            min=1, metavar="N", help="At most N cards (a failed card's repeats are extra)."
        ),
    ] = None,
    new: Annotated[int, typer.Option(min=0, metavar="N", help="At most N new cards.")] = 20,
    tag: TagFilter = None,
    deck: DeckFilter = "",
    seed: Annotated[
        int | None, typer.Option(metavar="N", help="Reproducible order and shuffles.")
    ] = None,
    cram: Annotated[bool, typer.Option(help="Review without touching the schedule.")] = False,
    print_: Annotated[
        bool, typer.Option("--print", help="Print the questions as a worksheet and stop.")
    ] = False,
    answers: Annotated[bool, typer.Option(help="With --print: the answers after.")] = False,
    bury: Annotated[
        bool,
        typer.Option(
            help="Once a card is answered, leave its siblings (the other side, the other "
            "steps, the same Anki note) until tomorrow, as Anki does."
        ),
    ] = True,
    state: StateFile = None,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="List every problem in the notes, not only new ones."),
    ] = False,
) -> None:
    import random

    from notecards.quiz.note_problems import report_note_problems
    from notecards.quiz.session import (
        Session,
        anki_key,
        answered_today,
        play,
        select,
    )

    sources = _sources(path, state)
    cards, had_problems, files, note_problems = _gather(sources, tuple(tag or ()), deck)
    if mode is Mode.order:  # asking for order means: the procedures, not every card
        from notecards.quiz.modes import is_sequence

        cards = [c for c in cards if is_sequence(c)]
    if print_:
        chosen = sorted(cards, key=lambda c: (c.note, c.line, c.ord))
        if seed is not None:
            random.Random(seed).shuffle(chosen)
        report_note_problems(note_problems, None, verbose=True, stream=sys.stderr)
        _worksheet(chosen[:limit] if limit else chosen, mode.value, seed, answers)
        raise typer.Exit(1 if had_problems else 0)

    store = None if cram else _open_store(state)
    try:
        report_note_problems(note_problems, store, verbose=verbose, stream=sys.stderr)
        if store is not None and files:  # schedules another tool left in the notes
            from notecards.quiz.schedules import seed_store

            seed_store(store, cards, files)
        from datetime import datetime

        now = datetime.now(UTC)
        if store is not None:
            for source in sources:
                store.remember_source(source.resolve(), now)
        keys = {c.id: anki_key(c) for c in cards}
        known = {} if store is None else store.load([c.id for c in cards], keys)
        answered = set() if store is None else answered_today(store, cards, known, now)
        chosen = select(
            cards,
            known,
            now=now,
            rng=random.Random(seed),
            new=new,
            limit=limit,
            cram=cram,
            answered_today=answered,
            bury=bury,
        )
        session = Session(
            chosen.queue,
            store,
            known,
            mode=mode.value,
            pool=cards,
            seed=seed,
            learning=chosen.learning,
        )
        ui = _make_ui()
        if not chosen.queue and not chosen.learning:
            ui.notice("nothing to review now" + (" (all cards filtered out)" if not cards else ""))
        summary = None
        try:
            tags, wanted_deck = tuple(tag or ()), deck

            def reload() -> list[Card]:
                with contextlib.redirect_stderr(io.StringIO()):  # reported once, at the start
                    return _gather(sources, tags, wanted_deck)[0]

            summary = play(session, ui, _editor(files, reload))
        except KeyboardInterrupt:
            summary = session.summary(interrupted=True)
            ui.finish(summary)
            raise typer.Exit(130) from None
        ui.finish(summary)
    finally:
        if store is not None:
            store.close()
    raise typer.Exit(1 if had_problems or ui.problems else 0)


def _make_ui() -> LineUi | TtyUi:
    from notecards.quiz.ui import LineUi, TtyUi

    if sys.stdin.isatty() and sys.stdout.isatty():
        from rich.console import Console

        return TtyUi(Console(highlight=False))
    return LineUi(sys.stdin, sys.stdout, sys.stderr)


# ------------------------------------------------------------------ stats


SHADES = "·░▒▓█"
SPARKS = " ▁▂▃▄▅▆▇█"


def _heatmap(stats: Stats, weeks: int) -> str:
    """Weeks as columns, Monday..Sunday as rows, shade by reviews that day; a row of
    month names above (each where its month starts) and a legend below."""
    from datetime import date, timedelta

    today = date.today()
    start = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    peak = max(stats.days.values(), default=0)
    months = [" "] * weeks
    for week in range(weeks):
        monday = start + timedelta(days=7 * week)
        first = (
            monday
            if week == 0
            else next(
                (
                    monday + timedelta(days=d)
                    for d in range(7)
                    if (monday + timedelta(days=d)).day == 1
                ),
                None,
            )
        )
        name = first.strftime("%b") if first is not None else ""
        fits = week + len(name) <= weeks and (week == 0 or months[week - 1] == " ")
        if name and fits:
            months[week : week + len(name)] = list(name)
    rows = ["    " + "".join(months[:weeks]).rstrip()]
    for weekday, name in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")):
        cells = []
        for week in range(weeks):
            day = start + timedelta(days=7 * week + weekday)
            if day > today:
                cells.append(" ")
                continue
            count = stats.days.get(day, 0)
            level = 0 if not count else 1 + min(3, (4 * count - 1) // max(peak, 1))
            cells.append(SHADES[level])
        rows.append(f"{name} {''.join(cells)}")
    top = f"{peak} review{'s' if peak != 1 else ''}" if peak else "no reviews"
    rows.append(f"    less {SHADES} more (busiest day: {top})")
    return "\n".join(rows)


def _forecast(stats: Stats) -> str:
    """The next 30 days as one sparkline, today first."""
    peak = max(stats.forecast, default=0)
    if not peak:
        return "nothing due in the next 30 days"
    bars = "".join(SPARKS[0 if not n else 1 + min(7, (8 * n - 1) // peak)] for n in stats.forecast)
    week = sum(stats.forecast[:7])
    return f"{bars}  (today {stats.forecast[0]}, next 7 days {week}, busiest day {peak})"


def stats(
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="PATH",
            help="Only the cards of this note, folder or .apkg deck (default: every card).",
            show_default=False,
        ),
    ] = None,
    deck: DeckFilter = "",
    tag: TagFilter = None,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    weeks: Annotated[
        int, typer.Option(min=1, max=53, metavar="N", help="Weeks in the heatmap (1-53).")
    ] = 12,
    state: StateFile = None,
) -> None:
    """Your reviews: new, learning and due cards, a 30-day forecast, retention, streak,
    and a heatmap; for one path or deck when given (the numbers a quiz on it ends with).
    """
    from notecards.quiz.state import Stats

    cards = None
    if path is not None or deck or tag:
        from notecards.quiz.note_problems import report_note_problems
        from notecards.quiz.session import anki_key

        cards, _, _, note_problems = _gather(_sources(path, state), tuple(tag or ()), deck)
        report_note_problems(note_problems, None, verbose=True, stream=sys.stderr)
    file = _state_path(state)
    if file.exists():
        store = _open_store(file, writable=False)
        try:
            if cards is None:
                result = store.stats(weeks=weeks)
            else:
                known = store.load([c.id for c in cards], {c.id: anki_key(c) for c in cards})
                ids = {k.state_id for k in known.values()}
                result = store.stats(weeks=weeks, ids=ids, new=len(cards) - len(known))
        finally:
            store.close()
    else:
        result = Stats(new=len(cards or ()), cards=len(cards or ()))
        result.forecast = [0] * 30
    if json_:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    _print_stats(result, weeks)


def _print_stats(result: Stats, weeks: int) -> None:
    from datetime import datetime

    from rich.table import Table

    from notecards.quiz.session import format_interval

    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    retention = "—" if result.retention is None else f"{result.retention:.0%}"
    next_due = (
        "—"
        if result.next_due is None
        else "in " + format_interval(result.next_due - datetime.now(UTC))
    )
    for label, value in (
        ("new · learning · due now", f"{result.new} · {result.learning} · {result.due_now}"),
        ("cards known", f"{result.known} of {result.cards}"),
        ("due in 7 days", result.due_next_7_days),
        ("reviews", f"{result.reviews} ({result.reviews_today} today)"),
        ("true retention", retention),
        ("streak", f"{result.streak} day{'s' if result.streak != 1 else ''}"),
        ("next due", next_due),
    ):
        table.add_row(label, str(value))
    from notecards.cli.consoles import stdout_console

    console = stdout_console()  # to a pipe: whole lines, never wrapped
    console.print(table)
    console.print()
    console.print(f"forecast  {_forecast(result)}", markup=False, soft_wrap=True)
    console.print()
    console.print(_heatmap(result, weeks), style="green" if console.is_terminal else "")


def register(app: typer.Typer) -> None:
    """Add `quiz` and `stats` to the main app."""
    from notecards.cli.help_format import HelpfulCommand

    app.command("quiz", help=QUIZ_HELP, cls=HelpfulCommand)(quiz)
    app.command("stats", cls=HelpfulCommand)(stats)
