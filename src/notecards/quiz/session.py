"""A quiz session: which cards, in what order, and what happens to each grade.

Selection: the cards due now (most overdue first, ties shuffled by the seed), then
new cards in the order of the notes, up to `--new`, the whole capped by `--limit`.
Cards of one Anki note (a reversed pair, the deletions of one cloze) are siblings:
only one of them per session, so one does not give the other away. `--cram` takes
every matching card, due or not, shuffled, and writes nothing.

Each grade is written to the review store at once (its own transaction), so an
interrupted session keeps everything graded before the card on screen. Undo takes
the last grade back, in the store too.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from notecards.model import Card
from notecards.quiz.modes import ASK, Asker, Context, Edit, Outcome, Undo, Unreadable, mode_for

if TYPE_CHECKING:
    import fsrs

    from notecards.state import Known, ReviewStore

DEFAULT_NEW = 20


@dataclass(frozen=True, slots=True)
class Filters:
    tags: tuple[str, ...] = ()
    deck: str = ""

    def keep(self, card: Card) -> bool:
        if self.deck and not (card.deck == self.deck or card.deck.startswith(self.deck + "::")):
            return False
        if self.tags:
            have = {t.lstrip("#").casefold() for t in card.tags}
            for wanted in (t.lstrip("#").casefold() for t in self.tags):
                if not any(h == wanted or h.startswith(wanted + "/") for h in have):
                    return False
        return True


def anki_key(card: Card) -> str:
    """`<guid>.<ord>` of the Anki card a notes card becomes (see ids.anki_guid).

    Cards read from an .apkg carry their note's GUID in `group` already.
    """
    from notecards.ids import anki_guid

    if card.extractor == "apkg":
        return f"{card.group}.{card.ord}"

    return f"{anki_guid(card.group or card.id)}.{card.ord}"


def select(
    cards: Sequence[Card],
    known: dict[str, Known],
    *,
    now: datetime,
    rng: random.Random,
    new: int = DEFAULT_NEW,
    limit: int | None = None,
    cram: bool = False,
) -> tuple[list[Card], int]:
    """The session's queue and how many of its cards are due reviews (they come first)."""
    if cram:
        queue = sorted(cards, key=lambda c: (c.note, c.line, c.id))
        rng.shuffle(queue)
        return queue[:limit] if limit is not None else queue, 0
    due = [c for c in cards if c.id in known and known[c.id].card.due <= now]
    due.sort(key=lambda c: c.id)
    rng.shuffle(due)  # ties broken by the seed; the stable sort below keeps it
    due.sort(key=lambda c: known[c.id].card.due)
    fresh = [c for c in cards if c.id not in known]
    fresh.sort(key=lambda c: (c.note, c.line, c.ord))
    queue: list[Card] = []
    groups: set[str] = set()
    taken_new = 0
    for card in due + fresh:
        is_new = card.id not in known
        if is_new and taken_new >= new:
            continue
        if card.group and card.group in groups:
            continue
        if card.group:
            groups.add(card.group)
        queue.append(card)
        taken_new += is_new
    n_due = sum(1 for c in queue if c.id in known)
    if limit is not None:
        queue = queue[:limit]
        n_due = min(n_due, limit)
    return queue, n_due


def format_interval(delta: timedelta) -> str:
    """Compact like Anki's buttons: 1m, 10m, 3h, 2d, 1.5mo, 2.1y."""
    seconds = max(delta.total_seconds(), 0)
    minutes = seconds / 60
    if minutes < 60:
        return f"{max(round(minutes), 1)}m"
    if minutes < 24 * 60:
        return f"{round(minutes / 60)}h"
    days = minutes / (24 * 60)
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo"
    return f"{days / 365:.1f}y"


@dataclass
class Result:
    card: Card
    mode: str
    outcome: Outcome
    review_id: int = 0  # 0: nothing written (cram)


@dataclass
class Summary:
    right: int
    total: int
    seconds: float
    next_due: datetime | None
    skipped: int = 0
    interrupted: bool = False


@dataclass
class Session:
    """The queue and the grades of one sitting."""

    queue: list[Card]
    store: ReviewStore | None  # None: cram, nothing is read or written
    known: dict[str, Known]
    mode: str = "mixed"
    pool: Sequence[Card] = ()
    seed: int | None = None
    due_count: int = 0
    results: list[Result] = field(default_factory=list)
    position: int = 0
    skipped: set[int] = field(default_factory=set)  # queue positions
    session_id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    started: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        import fsrs

        self.rng = random.Random(self.seed)
        self._scheduler = fsrs.Scheduler()
        self._preview = fsrs.Scheduler(enable_fuzzing=False)
        self.keys = {card.id: anki_key(card) for card in self.queue}

    # -------------------------------------------------------------- queries

    def current(self) -> Card | None:
        return self.queue[self.position] if self.position < len(self.queue) else None

    def due_left(self) -> int:
        """Due reviews not yet asked (new cards are not "due")."""
        return max(self.due_count - self.position, 0)

    def mode_of(self, card: Card) -> str:
        return mode_for(card, self.mode, self.pool)

    def _fsrs_card(self, card: Card, now: datetime) -> fsrs.Card:
        from notecards.state import new_fsrs_card

        known = self.known.get(card.id)
        return known.card if known else new_fsrs_card(card.id, now)

    def intervals(self, card: Card) -> dict[int, str]:
        """What each grade would give now, for flip's buttons."""
        import fsrs

        now = datetime.now(UTC)
        before = self._fsrs_card(card, now)
        out = {}
        for rating in fsrs.Rating:
            after, _ = self._preview.review_card(before, rating, now)
            out[int(rating)] = format_interval(after.due - now)
        return out

    def context(self) -> Context:
        return Context(rng=self.rng, pool=self.pool, intervals=self.intervals)

    # -------------------------------------------------------------- changes

    def grade(self, card: Card, mode: str, outcome: Outcome, duration_ms: int) -> Result:
        """Apply a grade: schedule with FSRS, write it at once, move on."""
        import fsrs

        result = Result(card, mode, outcome)
        if self.store is not None:
            now = datetime.now(UTC)
            known = self.known.get(card.id)
            before = known.card if known else None
            after, log = self._scheduler.review_card(
                self._fsrs_card(card, now), fsrs.Rating(outcome.rating), now, duration_ms
            )
            state_id = known.state_id if known else card.id
            result.review_id = self.store.record(
                state_id,
                before,
                after,
                log,
                anki_key=self.keys.get(card.id, ""),
                mode=mode,
                session=self.session_id,
            )
        self.results.append(result)
        self.position += 1
        return result

    def skip(self) -> None:
        self.skipped.add(self.position)
        self.position += 1

    def undo(self) -> Card | None:
        """Take back the last grade; the card is asked again. None if nothing to undo."""
        if not self.results:
            return None
        last = self.results[-1]
        if last.review_id and self.store is not None and not self.store.undo(last.review_id):
            return None
        self.results.pop()
        # cards skipped after the last grade are asked again too
        self.position = self.queue.index(last.card, 0, self.position)
        self.skipped = {p for p in self.skipped if p < self.position}
        return last.card

    def summary(self, interrupted: bool = False) -> Summary:
        right = sum(r.outcome.right for r in self.results)
        next_due = None
        if self.store is not None:
            next_due = self.store.next_due(datetime.now(UTC))
        return Summary(
            right,
            len(self.results),
            time.monotonic() - self.started,
            next_due,
            len(self.skipped),
            interrupted,
        )


class Ui(Asker, Protocol):
    """What the session loop needs beyond a mode's questions."""

    def progress(self, session: Session, card: Card) -> None: ...
    def show_outcome(self, card: Card, mode: str, outcome: Outcome) -> None: ...
    def notice(self, text: str) -> None: ...
    def problem(self, text: str) -> None: ...


def play(session: Session, ui: Ui, edit: Callable[[Card], str | None]) -> Summary:
    """Ask every card in turn until the queue ends or the user quits.

    `edit` opens a card's note in the editor and returns an error message, if any.
    KeyboardInterrupt is left to the caller: all grades before it are saved already.
    """
    from notecards.quiz.modes import Quit

    ctx = session.context()
    while (card := session.current()) is not None:
        mode = session.mode_of(card)
        ui.progress(session, card)
        ui.show_question(card, mode)
        started = time.monotonic()
        try:
            outcome = ASK[mode](card, ui, ctx)
        except Quit:
            break
        except Undo:
            undone = session.undo()
            ui.notice(f"undone: {undone.front[:60]}" if undone else "nothing to undo")
            continue
        except Edit:
            error = edit(card)
            if error:
                ui.notice(error)
            continue
        except Unreadable as error:
            ui.problem(f"{error}; card skipped")
            session.skip()
            continue
        duration = int((time.monotonic() - started) * 1000)
        session.grade(card, mode, outcome, duration)
        ui.show_outcome(card, mode, outcome)
    return session.summary()
