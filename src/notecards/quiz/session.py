"""A quiz session: which cards, in what order, and what happens to each grade.

One module past 500 lines because selection, burying and the review loop follow one
set of Anki's rules (the day start, siblings, the learn-ahead limit) that must agree.

Selection (`select`): the cards due now (most overdue first, ties shuffled by the
seed), then new cards in the order of the notes, up to `--new`, the whole capped by
`--limit`; cards still in their learning steps that are due within the learn-ahead
limit join too. Siblings (`family`: the cards of one Anki note, a definition and the
card asking for its term, the steps of one procedure and its sequence) are buried as
Anki buries them: once one is answered, the others wait until tomorrow (the day
starts at 4 AM, as in Anki); `--no-bury` keeps them, but still never asks two of one
family back to back. `--cram` takes every matching card, due or not, shuffled, and
writes nothing.

The review loop works as Anki's does: a card graded into a learning or relearning
step (Again on anything, Good on a new card) comes back in the same session when its
step is due; when nothing else is left, a step due within the learn-ahead limit
(20 minutes, Anki's default) is asked early; the session ends when nothing is due
within it.

Each grade is scheduled from the card as the state file holds it at that moment and
written at once, in one transaction (another quiz may share the file), so an
interrupted session keeps everything graded before the card on screen. Undo takes the
last grade back, in the store too, unless another session has graded the card since.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from notecards.kinds import kind_of
from notecards.model import Card
from notecards.quiz.modes import ASK, Asker, Context, Edit, Outcome, Undo, Unreadable, mode_for

if TYPE_CHECKING:
    import fsrs

    from notecards.quiz.state import Known, ReviewStore

DEFAULT_NEW = 20
LEARN_AHEAD = timedelta(minutes=20)  # Anki's default "learn ahead limit"
DAY_STARTS_AT_HOUR = 4  # Anki's default "next day starts at"
# FSRS states (fsrs.State values), spelt out so that selection needs no fsrs import
LEARNING, REVIEW, RELEARNING = 1, 2, 3


def _keep_tag(have: set[str], wanted: str) -> bool:
    return any(h == wanted or h.startswith(wanted + "/") for h in have)


def _tag_key(tag: str) -> str:
    """Tags compare case-insensitively, and Anki's `a::b` is Obsidian's `a/b`."""
    return tag.lstrip("#").replace("::", "/").strip("/").casefold()


@dataclass(frozen=True, slots=True)
class Filters:
    tags: tuple[str, ...] = ()
    deck: str = ""

    def keep(self, card: Card) -> bool:
        if self.deck and not deck_matches(card.deck, self.deck):
            return False
        if self.tags:
            have = {_tag_key(t) for t in card.tags}
            if not all(_keep_tag(have, _tag_key(wanted)) for wanted in self.tags):
                return False
        return True


def deck_matches(deck: str, wanted: str) -> bool:
    """`wanted` names the deck, a parent of it, or its last levels (`HTTP` finds
    `notes::HTTP` and `notes::HTTP::Caching`); case-insensitive, `/` works as `::`."""
    have = [part.casefold() for part in deck.split("::")]
    want = [part.strip().casefold() for part in wanted.replace("/", "::").split("::")]
    want = [part for part in want if part]
    if not want:
        return True
    return any(have[i : i + len(want)] == want for i in range(len(have) - len(want) + 1))


def family(card: Card) -> str:
    """Cards that give each other away: one Anki note, a definition and its term
    question (same note and line), the steps of one procedure and its sequence."""
    family_name = kind_of(card.kind).family
    if family_name == "definition":  # a definition and its term question: one line
        return f"definition\x1f{card.note}\x1f{card.line}"
    if family_name == "procedure":  # steps and their sequence: one procedure
        return f"procedure\x1f{card.note}\x1f{card.source}"
    return f"note\x1f{card.group}" if card.group else f"card\x1f{card.id}"


def spaced_index(pending: Sequence[Card], last_family: str) -> int:
    """The first card of `pending` that is not of `last_family` and leaves the rest
    askable with no two of one family back to back (taking the first other card
    greedily can leave a definition and its reverse for the very end); else the first
    card of another family; else the first."""
    from collections import Counter

    counts = Counter(family(card) for card in pending)
    left = len(pending) - 1
    fallback = None
    for index, card in enumerate(pending):
        kin = family(card)
        if kin == last_family:
            continue
        if fallback is None:
            fallback = index
        counts[kin] -= 1
        # the rest can follow: no family over half of it, and this one, which cannot
        # come next, at most every other place
        spreadable = max(counts.values()) <= (left + 1) // 2 and counts[kin] <= left // 2
        counts[kin] += 1
        if spreadable:
            return index
    return fallback if fallback is not None else 0


def day_start(now: datetime) -> datetime:
    """When the user's review day began: 4 AM local time, as in Anki."""
    local = now.astimezone()
    start = local.replace(hour=DAY_STARTS_AT_HOUR, minute=0, second=0, microsecond=0)
    if local < start:
        start -= timedelta(days=1)
    return start.astimezone(UTC)


def answered_today(
    store: ReviewStore, cards: Sequence[Card], known: dict[str, Known], now: datetime
) -> set[str]:
    """Ids of the cards graded since the review day began (by any session)."""
    graded = store.reviewed_since(day_start(now))
    return {c.id for c in cards if (known[c.id].state_id if c.id in known else c.id) in graded}


def anki_key(card: Card) -> str:
    """`<guid>.<ord>` of the Anki card a notes card becomes (see ids.anki_guid).

    Cards read from an .apkg carry their note's GUID in `group` already.
    """
    from notecards.ids import anki_guid

    if card.extractor == "apkg":
        return f"{card.group}.{card.ord}"

    return f"{anki_guid(card.group or card.id)}.{card.ord}"


def is_learning(known: Known | None) -> bool:
    return known is not None and int(known.card.state) in (LEARNING, RELEARNING)


@dataclass
class Selection:
    """What a session starts with: the queue (due reviews, then new cards) and the
    cards in learning steps due within the learn-ahead limit."""

    queue: list[Card]
    learning: list[Card] = field(default_factory=list)
    buried: int = 0  # siblings left for tomorrow


def select(
    cards: Sequence[Card],
    known: dict[str, Known],
    *,
    now: datetime,
    rng: random.Random,
    new: int = DEFAULT_NEW,
    limit: int | None = None,
    cram: bool = False,
    answered_today: frozenset[str] | set[str] = frozenset(),
    bury: bool = True,
    learn_ahead: timedelta = LEARN_AHEAD,
) -> Selection:
    """The cards a session asks; `answered_today` (card ids) buries their siblings."""
    if cram:
        queue = sorted(cards, key=lambda c: (c.note, c.line, c.id))
        rng.shuffle(queue)
        return Selection(queue[:limit] if limit is not None else queue)
    buried_families = {family(c) for c in cards if c.id in answered_today} if bury else set()
    learning = [
        c
        for c in cards
        if is_learning(known.get(c.id)) and known[c.id].card.due <= now + learn_ahead
    ]
    learning.sort(key=lambda c: (known[c.id].card.due, c.id))
    in_learning = {c.id for c in learning}
    due = [
        c
        for c in cards
        if c.id in known and c.id not in in_learning and known[c.id].card.due <= now
    ]
    due.sort(key=lambda c: c.id)
    rng.shuffle(due)  # ties broken by the seed; the stable sort below keeps it
    due.sort(key=lambda c: known[c.id].card.due)
    fresh = [c for c in cards if c.id not in known]
    fresh.sort(key=lambda c: (c.note, c.line, c.ord))
    queue: list[Card] = []
    taken = {family(c) for c in learning} if bury else set()
    taken_new = buried = 0
    for card in due + fresh:
        is_new = card.id not in known
        if is_new and taken_new >= new:
            continue
        kin = family(card)
        sibling_answered = kin in buried_families and card.id not in answered_today
        if bury and (sibling_answered or kin in taken):
            buried += 1
            continue
        taken.add(kin)
        queue.append(card)
        taken_new += is_new
    if limit is not None:
        queue = queue[:limit]
    return Selection(queue, learning, buried)


def format_interval(delta: timedelta) -> str:
    """Compact like Anki's buttons: 1m, 10m, 3h, 2d, 1.5mo, 2.1y; a unit is kept only
    while the rounded number stays below the next one (never `60m` or `24h`)."""
    seconds = max(delta.total_seconds(), 0)
    minutes = seconds / 60
    if round(minutes) < 60:
        return f"{max(round(minutes), 1)}m"
    if round(minutes / 60) < 24:
        return f"{round(minutes / 60)}h"
    days = minutes / (24 * 60)
    if round(days) < 30:
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
    before: _Queues | None = None  # the session as it was before this grade, for undo


@dataclass
class Summary:
    right: int
    total: int
    seconds: float
    next_due: datetime | None
    skipped: int = 0
    interrupted: bool = False
    due_now: int = 0  # cards of these notes due now that this session did not ask
    new_left: int = 0  # new cards of these notes left for another session
    cram: bool = False


@dataclass(frozen=True, slots=True)
class Counts:
    """Anki's three numbers: new, learning, due (reviews)."""

    new: int
    learning: int
    due: int


@dataclass
class _Queues:
    """The part of a session that a grade changes, copied so undo can restore it."""

    pending: list[Card]
    learning: dict[str, Card]
    known: Known | None
    last_family: str
    skipped: int


@dataclass
class Session:
    """The queues and the grades of one sitting."""

    queue: list[Card]
    store: ReviewStore | None  # None: cram, nothing is read or written
    known: dict[str, Known]
    mode: str = "mixed"
    pool: Sequence[Card] = ()
    seed: int | None = None
    learning: Sequence[Card] = ()
    learn_ahead: timedelta = LEARN_AHEAD
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    results: list[Result] = field(default_factory=list)
    skipped: int = 0
    session_id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    started: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        import fsrs

        self.rng = random.Random(self.seed)
        self._scheduler = fsrs.Scheduler()
        self._preview = fsrs.Scheduler(enable_fuzzing=False)
        self.keys = {card.id: anki_key(card) for card in (*self.queue, *self.learning)}
        self.pending: list[Card] = list(self.queue)
        self.in_learning: dict[str, Card] = {card.id: card for card in self.learning}
        self._current: Card | None = None
        self._last_family = ""

    @property
    def cram(self) -> bool:
        return self.store is None

    # -------------------------------------------------------------- queries

    def _due(self, card: Card) -> datetime:
        return self.known[card.id].card.due

    def current(self) -> Card | None:
        """The card to ask now, or None when nothing is due within the learn-ahead limit."""
        if self._current is None:
            self._current = self._pick(self.clock())
        return self._current

    def _pick(self, now: datetime) -> Card | None:
        learning = sorted(self.in_learning.values(), key=lambda c: (self._due(c), c.id))
        if learning and self._due(learning[0]) <= now:
            return self.in_learning.pop(learning[0].id)
        if self.pending:
            return self.pending.pop(spaced_index(self.pending, self._last_family))
        if learning and self._due(learning[0]) <= now + self.learn_ahead:
            return self.in_learning.pop(learning[0].id)
        return None

    def counts(self) -> Counts:
        """New, learning and due cards left in this session, the one on screen included."""
        new = learning = due = 0
        cards = [*self.pending, *self.in_learning.values()]
        if self._current is not None:
            cards.append(self._current)
        for card in cards:
            known = self.known.get(card.id)
            if known is None:
                new += 1
            elif is_learning(known):
                learning += 1
            else:
                due += 1
        return Counts(new, learning, due)

    def state_of(self, card: Card) -> str:
        """The card's state, and its last interval once it has one: `review, last 3d`."""
        known = self.known.get(card.id)
        if known is None:
            return "new"
        fc = known.card
        name = {LEARNING: "learning", REVIEW: "review", RELEARNING: "relearning"}.get(
            int(fc.state), "review"
        )
        if fc.last_review is None:
            return name
        return f"{name}, last interval {format_interval(fc.due - fc.last_review)}"

    def mode_of(self, card: Card) -> str:
        return mode_for(card, self.mode, self.pool)

    def _fsrs_card(self, card: Card, now: datetime) -> fsrs.Card:
        from notecards.quiz.state import new_fsrs_card

        known = self.known.get(card.id)
        return known.card if known else new_fsrs_card(card.id, now)

    def intervals(self, card: Card) -> dict[int, str]:
        """What each grade would give now, for flip's buttons (none when cramming)."""
        import fsrs

        if self.cram:
            return {}
        now = self.clock()
        before = self._fsrs_card(card, now)
        out = {}
        for rating in fsrs.Rating:
            after, _ = self._preview.review_card(before, rating, now)
            out[int(rating)] = format_interval(after.due - now)
        return out

    def context(self) -> Context:
        return Context(rng=self.rng, pool=self.pool, intervals=self.intervals)

    # -------------------------------------------------------------- changes

    def _snapshot(self, card: Card) -> _Queues:
        return _Queues(
            list(self.pending),
            dict(self.in_learning),
            self.known.get(card.id),
            self._last_family,
            self.skipped,
        )

    def grade(self, card: Card, mode: str, outcome: Outcome, duration_ms: int) -> Result:
        """Apply a grade: schedule with FSRS from the stored card, write it, move on."""
        from notecards.quiz.state import Known

        result = Result(card, mode, outcome, before=self._snapshot(card))
        if self.store is not None:
            known = self.known.get(card.id)
            graded = self.store.review(
                known.state_id if known else card.id,
                outcome.rating,
                self.clock(),
                self._scheduler,
                duration_ms=duration_ms,
                anki_key=self.keys.get(card.id, ""),
                mode=mode,
                session=self.session_id,
            )
            result.review_id = graded.review_id
            self.known[card.id] = Known(graded.state_id, graded.card)
            if is_learning(self.known[card.id]):
                self.in_learning[card.id] = card
            # siblings need no burying here: `select` took one card of each family
        self.results.append(result)
        self._current = None
        self._last_family = family(card)
        return result

    def refresh(self, fresh: Sequence[Card], note: str) -> str:
        """Take the cards of an edited note: every queued card is replaced by its new
        version (same id); the card on screen, if its question changed, by the card of
        the same note and kind nearest its line. Returns what happened, for the user."""
        by_id = {c.id: c for c in fresh}
        self.pool = list(fresh)
        self.pending = [by_id.get(c.id, c) for c in self.pending if c.id in by_id or c.note != note]
        self.in_learning = {
            i: by_id.get(i, c) for i, c in self.in_learning.items() if i in by_id or c.note != note
        }
        current = self._current
        if current is None:
            return f"reloaded {note}"
        if current.id in by_id:
            self._current = by_id[current.id]
            return f"reloaded {note}"
        nearby = [c for c in fresh if c.note == note and c.kind == current.kind]
        if not nearby:
            self._current = None
            return f"reloaded {note}: this card is gone from it"
        self._current = min(nearby, key=lambda c: abs(c.line - current.line))
        self.keys[self._current.id] = anki_key(self._current)
        return f"reloaded {note}: the question changed, so it is a new card"

    def skip(self) -> None:
        self.skipped += 1
        self._current = None

    def undo(self) -> Card | None:
        """Take back the last grade; that card is asked again. None if nothing to undo.

        Raises state.UndoRefused when another session has graded the card since.
        """
        if not self.results:
            return None
        last = self.results[-1]
        if last.review_id and self.store is not None:
            self.store.undo(last.review_id)
        self.results.pop()
        before = last.before
        if before is not None:
            self.pending, self.in_learning = before.pending, before.learning
            self._last_family, self.skipped = before.last_family, before.skipped
            if before.known is None:
                self.known.pop(last.card.id, None)
            else:
                self.known[last.card.id] = before.known
        self._current = last.card
        return last.card

    def summary(self, interrupted: bool = False) -> Summary:
        """The score, and what is left: the same numbers `stats` gives for these notes."""
        right = sum(r.outcome.right for r in self.results)
        out = Summary(
            right,
            len(self.results),
            time.monotonic() - self.started,
            None,
            self.skipped,
            interrupted,
            cram=self.cram,
        )
        if self.store is not None and self.pool:
            now = self.clock()
            ids = [c.id for c in self.pool]
            saved = self.store.load(ids, {c.id: anki_key(c) for c in self.pool})
            dues = [k.card.due for k in saved.values()]
            out.due_now = sum(due <= now for due in dues)
            out.next_due = min((due for due in dues if due > now), default=None)
            out.new_left = len(ids) - len(saved)
        return out


class Ui(Asker, Protocol):
    """What the session loop needs beyond a mode's questions."""

    def progress(self, session: Session, card: Card) -> None: ...
    def show_outcome(self, card: Card, mode: str, outcome: Outcome) -> None: ...
    def notice(self, text: str) -> None: ...
    def problem(self, text: str) -> None: ...


def play(
    session: Session, ui: Ui, edit: Callable[[Card], tuple[str, list[Card] | None]]
) -> Summary:
    """Ask cards until nothing is due within the learn-ahead limit or the user quits.

    `edit` opens a card's note in the editor and returns a message and, when the notes
    were read again, their cards (the session takes the new versions).
    KeyboardInterrupt is left to the caller: all grades before it are saved already.
    """
    from notecards.quiz.modes import Quit
    from notecards.quiz.state import UndoRefused

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
            try:
                undone = session.undo()
            except UndoRefused as error:
                ui.notice(str(error))
                continue
            ui.notice(f"undone: {undone.front[:60]}" if undone else "nothing to undo")
            continue
        except Edit:
            message, fresh = edit(card)
            if fresh is not None:
                message = session.refresh(fresh, card.note)
                ctx = session.context()
            if message:
                ui.notice(message)
            continue
        except Unreadable as error:
            ui.problem(f"{error}; card skipped")
            session.skip()
            continue
        duration = int((time.monotonic() - started) * 1000)
        session.grade(card, mode, outcome, duration)
        ui.show_outcome(card, mode, outcome)
    return session.summary()
