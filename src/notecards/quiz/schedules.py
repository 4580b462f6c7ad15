"""Review schedules people already have: the obsidian-spaced-repetition plugin's
`<!--SR:!2024-01-31,12,250-->` comments, turned into review state for the quiz and, with
`build --with-schedule`, into Anki's card scheduling.

The comment follows a card (on its line or after its answer): `!due,interval,ease` per
card of the note, in order (a reversed card has two; a cloze, one per deletion). The
plugin's older form has no `!`. `due` is a date, `interval` days, `ease` the SM-2
factor in percent (250 is Anki's and the plugin's starting ease).

Which card a comment belongs to: the first comment at or after the card's line and
before the first line of the next Anki note of the note (cards of the explicit
extractor, whose syntax the plugin reads) that has one entry for each card of the
note (else the first there). Its n-th entry schedules the card of ord n.

The conversion to FSRS memory state (documented in docs/settings.md, "Schedules"):

- state Review, due at the start of the due date (UTC), last review `interval` days
  before it;
- stability = the interval in days: FSRS schedules a card when its recall probability
  falls to the desired retention, 90 % by default, and at 90 % the interval it gives is
  the stability itself; the plugin scheduled the card for that day;
- difficulty from the ease, linearly: the starting ease 250 gives the middle difficulty
  5, each 24 points less one more (130, the lowest ease, gives 10), each 24 more one
  less, clamped to FSRS's 1..10.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from notecards.model import Card

if TYPE_CHECKING:
    import fsrs

SCHEDULED_EXTRACTORS = frozenset({"explicit"})  # the plugin's own syntax
_COMMENT = re.compile(r"<!--SR:((?:!?\d{4}-\d{2}-\d{2},\d+,\d+)+)-->")
_ENTRY = re.compile(r"!?(\d{4}-\d{2}-\d{2}),(\d+),(\d+)")
START_EASE = 250
EASE_PER_DIFFICULTY = 24


@dataclass(frozen=True, slots=True)
class Schedule:
    """One card's schedule as the plugin wrote it."""

    due: date
    interval: int  # days
    ease: int  # percent

    @property
    def difficulty(self) -> float:
        value = 5 + (START_EASE - self.ease) / EASE_PER_DIFFICULTY
        return min(10.0, max(1.0, value))

    def due_at(self) -> datetime:
        return datetime(self.due.year, self.due.month, self.due.day, tzinfo=UTC)

    def fsrs_card(self, card_id: int) -> fsrs.Card:
        """The FSRS card of this schedule (see the module docstring)."""
        import fsrs

        due = self.due_at()
        return fsrs.Card(
            card_id=card_id,
            state=fsrs.State.Review,
            stability=float(max(self.interval, 1)),
            difficulty=self.difficulty,
            due=due,
            last_review=due - timedelta(days=max(self.interval, 1)),
        )


def parse_comment(text: str) -> list[Schedule]:
    """The schedules of the first SR comment in `text` (empty when there is none)."""
    match = _COMMENT.search(text)
    if match is None:
        return []
    found = []
    for entry in _ENTRY.finditer(match.group(1)):
        try:
            due = date.fromisoformat(entry.group(1))
        except ValueError:
            continue
        found.append(Schedule(due, int(entry.group(2)), int(entry.group(3))))
    return found


def line_schedules(text: str) -> dict[int, list[Schedule]]:
    """The SR comments of a note's text by their 1-based line."""
    if "<!--SR:" not in text:
        return {}
    found = {}
    for number, line in enumerate(text.split("\n"), 1):
        if "<!--SR:" in line and (schedules := parse_comment(line)):
            found[number] = schedules
    return found


def card_schedules(
    cards: Sequence[Card], lines: Mapping[int, list[Schedule]]
) -> dict[str, Schedule]:
    """Card id → its schedule, for the cards of one note (see the module docstring).

    Cards are taken by Anki note (`Card.group`): the cards of a reversed card or of a
    cloze share one comment, from the first line of any of them."""
    if not lines:
        return {}
    groups: dict[str, list[Card]] = {}
    for card in cards:
        if card.extractor in SCHEDULED_EXTRACTORS:
            groups.setdefault(card.group or card.id, []).append(card)
    firsts = sorted((min(c.line for c in members), key) for key, members in groups.items())
    comment_lines = sorted(lines)
    out: dict[str, Schedule] = {}
    for index, (first, key) in enumerate(firsts):
        stop = firsts[index + 1][0] if index + 1 < len(firsts) else float("inf")
        between = [n for n in comment_lines if first <= n < stop]
        if not between:
            continue
        members = groups[key]
        # a stray comment inside a card's question is not its schedule: prefer the one
        # with an entry for each of its cards
        fitting = [n for n in between if len(lines[n]) == len(members)]
        entries = lines[(fitting or between)[0]]
        for card in members:
            if 0 <= card.ord < len(entries):
                out[card.id] = entries[card.ord]
    return out


def vault_schedules(cards: Iterable[Card], files: Mapping[str, Path]) -> dict[str, Schedule]:
    """Card id → schedule for every card whose note file (by `Card.note`, in `files`)
    holds SR comments. Files that cannot be read are skipped: they have no schedule."""
    from notecards.reader.decode import decode_note

    by_note: dict[str, list[Card]] = {}
    for card in cards:
        if card.extractor in SCHEDULED_EXTRACTORS:
            by_note.setdefault(card.note, []).append(card)
    out: dict[str, Schedule] = {}
    for note, members in by_note.items():
        path = files.get(note)
        if path is None:
            continue
        try:
            text = decode_note(path.read_bytes()).text or ""
        except OSError:
            continue
        out |= card_schedules(members, line_schedules(text))
    return out


def seed_store(store, cards: Sequence[Card], files: Mapping[str, Path]) -> int:
    """Give each card that has an SR schedule and no review state yet the state the
    schedule converts to, so the quiz goes on where the plugin left off; returns how
    many cards got one. A card reviewed here already keeps its own history."""
    from notecards.quiz.session import anki_key
    from notecards.quiz.state import fsrs_card_id

    schedules = vault_schedules(cards, files)
    if not schedules:
        return 0
    seeds = {
        card.id: (anki_key(card), schedules[card.id].fsrs_card(fsrs_card_id(card.id)))
        for card in cards
        if card.id in schedules
    }
    return store.import_schedules(seeds)


def package_schedules(
    cards: Sequence[Card], files: Mapping[str, Path]
) -> dict[tuple[str, int], Schedule]:
    """(Anki note GUID, card ord) → schedule, what `exporters.apkg.write_schedules` takes."""
    from notecards.ids import anki_guid

    found = vault_schedules(cards, files)
    return {
        (anki_guid(card.group or card.id), card.ord): found[card.id]
        for card in cards
        if card.id in found
    }
