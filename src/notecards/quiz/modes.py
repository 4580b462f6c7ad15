"""The ways of asking a card: each mode turns a question into a grade.

A mode talks to the user only through the `Asker` protocol (ui.py implements it for a
terminal and for scripted line input), so the same code grades both and can be tested
with a fake. Grades are FSRS ratings 1-4 (Again, Hard, Good, Easy); a card counts as
right in the score when its grade is above Again.

- flip: the user grades themselves, 1-4.
- type: exact (after normalization) → Good; a near miss the user accepts → Hard;
  anything else → Again. Enumerations are typed as a comma-separated list and must
  name every member. That grade is a suggestion: on a terminal the comparison is shown
  and the user grades 1-4, Enter taking the suggestion. A card whose answer is itself a
  question (the reverse of a question card) is never typed.
- choice: right → Good, wrong → Again (recognition never earns Easy).
- order: scored on relative order, the longest run of steps in the right order
  (longest increasing subsequence): all in order → Good; one step misplaced (3+ steps)
  → Hard; else Again.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from notecards.kinds import kind_of
from notecards.model import Card
from notecards.quiz.answers import Verdict, judge, judge_members, normalize

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
SHORT_BACK_WORDS = 4
MAX_TYPED_MEMBERS = 5


class Command(Exception):
    """A key or line that is not an answer: raised by the Asker, handled by the session."""


class Quit(Command):
    """q: save and stop (EOF on scripted input ends the same way)."""


class Undo(Command):
    """u: take back the last grade and ask that card again."""


class Edit(Command):
    """e: open the card's note in $EDITOR, then ask the same card again."""


class Unreadable(Command):
    """A scripted line that answers nothing (e.g. `x` for a grade): the card is skipped."""

    def __init__(self, text: str, expected: str) -> None:
        super().__init__(f"cannot read {text!r} as {expected}")
        self.text = text


@dataclass(frozen=True, slots=True)
class Outcome:
    rating: int
    right: bool
    verdict: str  # one short line: "right", "wrong", "near miss accepted", …
    details: tuple[str, ...] = ()  # extra lines (per-step marks, missed members)
    given: str = ""  # what was typed
    near: bool = False  # a near miss: worth showing as a diff
    shown: bool = False  # the answer and the comparison are on screen already

    def __post_init__(self) -> None:
        if not AGAIN <= self.rating <= EASY:
            raise ValueError(f"rating {self.rating} out of range")


class Asker(Protocol):
    """What a mode needs from the user interface."""

    def show_question(self, card: Card, mode: str) -> None: ...
    def reveal(self, card: Card) -> None: ...
    def ask_grade(self, intervals: Mapping[int, str]) -> int: ...
    def ask_text(self, card: Card) -> str: ...
    def confirm_near_miss(self, given: str, expected: str) -> bool | None: ...
    def ask_choice(self, options: Sequence[str]) -> int: ...
    def ask_order(self, steps: Sequence[str]) -> list[int]: ...
    def confirm_grade(
        self, card: Card, mode: str, outcome: Outcome, intervals: Mapping[int, str]
    ) -> Outcome: ...


@dataclass
class Context:
    """What a mode may use besides the card: randomness, the pool for distractors,
    and a preview of the intervals each grade would give (flip's buttons)."""

    rng: random.Random
    pool: Sequence[Card] = ()
    intervals: Callable[[Card], Mapping[int, str]] = field(default=lambda card: {})


# ------------------------------------------------------------------ mode choice


def _same_side(card: Card, other: Card) -> bool:
    """Answers of the same kind, side (a reversed note's back or front) and language."""
    if other.kind != card.kind or other.model != card.model:
        return False
    if card.model == "reversed" and other.ord != card.ord:
        return False
    return not (card.lang and other.lang and card.lang != other.lang)


def distractors(card: Card, pool: Sequence[Card], rng: random.Random, n: int = 3) -> list[str]:
    """Wrong options from answers of same-kind cards (same side and language): same
    note, then deck, then any."""
    right = normalize(card.back)
    tiers: list[list[str]] = [[], [], []]
    seen = {right, normalize(card.front)}  # a reversed sibling's back is this front
    for other in pool:
        if not _same_side(card, other) or other.id == card.id or not other.back.strip():
            continue
        if card.group and other.group == card.group:
            continue
        key = normalize(other.back)
        if not key or key in seen:
            continue
        seen.add(key)
        tier = 0 if other.note == card.note else 1 if other.deck == card.deck else 2
        tiers[tier].append(other.back.strip())
    picked: list[str] = []
    for tier in tiers:
        tier.sort()  # pool order must not leak into a seeded shuffle
        rng.shuffle(tier)
        picked.extend(tier[: n - len(picked)])
    return picked


def is_sequence(card: Card) -> bool:
    return kind_of(card.kind).quiz == "order" and len(card.items) >= 2


def _short_back(card: Card) -> bool:
    back = card.back.strip()
    return bool(back) and "\n" not in back and len(back.split()) <= SHORT_BACK_WORDS


def answer_is_question(card: Card) -> bool:
    """The back asks something (the reverse of a question card): nothing to type."""
    return card.back.strip().endswith(("?", "？"))


def _typeable_members(card: Card) -> bool:
    return 0 < len(card.items) <= MAX_TYPED_MEMBERS and all(
        len(item.split()) <= SHORT_BACK_WORDS for item in card.items
    )


def mode_for(card: Card, requested: str, pool: Sequence[Card]) -> str:
    """The mode a card is asked in; see the package docstring for the rules.

    A requested mode a card cannot be asked in (order without steps, choice without
    any distractor) falls back to flip rather than to a broken question.
    """
    if requested == "order":
        return "order" if is_sequence(card) else "flip"
    if requested == "choice":
        return "choice" if _has_distractors(card, pool, 1) else "flip"
    if requested == "type" and answer_is_question(card):
        return "flip"
    if requested != "mixed":
        return requested
    if is_sequence(card):
        return "order"
    asked = kind_of(card.kind).quiz
    if asked == "members":
        return "type" if _typeable_members(card) else "flip"
    if _short_back(card) and not answer_is_question(card):
        return "type"
    if asked == "choice" and _has_distractors(card, pool, 3):
        return "choice"
    return "flip"


def _has_distractors(card: Card, pool: Sequence[Card], n: int) -> bool:
    return len(distractors(card, pool, random.Random(0), n)) >= n


# ------------------------------------------------------------------ the modes


def ask_flip(card: Card, ui: Asker, ctx: Context) -> Outcome:
    ui.reveal(card)
    rating = ui.ask_grade(ctx.intervals(card))
    return Outcome(rating, rating > AGAIN, "graded")


def ask_type(card: Card, ui: Asker, ctx: Context) -> Outcome:
    given = ui.ask_text(card)
    return ui.confirm_grade(card, "type", _judge_typed(given, card, ui), ctx.intervals(card))


def _judge_typed(given: str, card: Card, ui: Asker) -> Outcome:
    if kind_of(card.kind).quiz == "members" and card.items:
        return _grade_members(given, card)
    verdict = judge(given, card.back)
    if verdict.verdict is Verdict.RIGHT:
        return Outcome(GOOD, True, "right", given=given)
    if verdict.verdict is Verdict.NEAR:
        accepted = ui.confirm_near_miss(given, verdict.expected)
        if accepted is None:  # nobody to ask: scripted input
            accepted = verdict.auto_accept
        if accepted:
            return Outcome(HARD, True, "near miss, accepted", given=given, near=True)
        return Outcome(AGAIN, False, "near miss, not accepted", given=given, near=True)
    return Outcome(AGAIN, False, "wrong" if given.strip() else "no answer", given=given)


def _grade_members(given: str, card: Card) -> Outcome:
    found, missed = judge_members(given, card.items)
    marks = tuple(f"✓ {m}" for m in found) + tuple(f"✗ {m}" for m in missed)
    if not missed:
        return Outcome(GOOD, True, f"right, all {len(found)}", marks, given)
    return Outcome(AGAIN, False, f"{len(found)} of {len(card.items)} named", marks, given)


def ask_choice(card: Card, ui: Asker, ctx: Context) -> Outcome:
    options = [card.back.strip(), *distractors(card, ctx.pool, ctx.rng)]
    ctx.rng.shuffle(options)
    picked = ui.ask_choice(options)
    right = normalize(options[picked]) == normalize(card.back)
    answer = f"{options.index(card.back.strip()) + 1}. {card.back.strip()}"
    if right:
        return Outcome(GOOD, True, "right")
    return Outcome(AGAIN, False, "wrong", (f"answer: {answer}",))


def shuffled_steps(card: Card, rng: random.Random) -> list[str]:
    """The steps in an order that is never the right one (when they differ at all)."""
    steps = list(card.items)
    if len(set(steps)) < 2:
        return steps
    shuffled = steps[:]
    while shuffled == steps:
        rng.shuffle(shuffled)
    return shuffled


def longest_in_order(positions: Sequence[int]) -> list[int]:
    """Indexes of a longest increasing subsequence of `positions` (patience sorting)."""
    from bisect import bisect_left

    tails: list[int] = []  # value at the end of the best run of each length
    tail_index: list[int] = []
    previous: list[int] = [-1] * len(positions)
    for i, value in enumerate(positions):
        at = bisect_left(tails, value)
        if at == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[at], tail_index[at] = value, i
        previous[i] = tail_index[at - 1] if at else -1
    run: list[int] = []
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        run.append(i)
        i = previous[i]
    return run[::-1]


def _places(given: Sequence[str], want: Sequence[str]) -> list[int]:
    """Each given step's place in the right order (a repeated step takes its places in turn)."""
    free: dict[str, list[int]] = {}
    for place, step in enumerate(want):
        free.setdefault(step, []).append(place)
    return [free[step].pop(0) for step in given]


def ask_order(card: Card, ui: Asker, ctx: Context) -> Outcome:
    """Scored on relative order: the steps outside a longest run in the right order
    are the misplaced ones, so one step moved is one mistake, not a shifted half."""
    shown = shuffled_steps(card, ctx.rng)
    order = ui.ask_order(shown)  # 1-based positions in `shown`, in the user's order
    given = [shown[i - 1] for i in order]
    places = _places(given, card.items)
    kept = set(longest_in_order(places))
    total = len(card.items)
    marks = tuple(
        f"{'✓' if n in kept else '✗'} {n + 1}. {step}"
        + ("" if n in kept else f"  (belongs at {places[n] + 1})")
        for n, step in enumerate(given)
    )
    summary = f"{len(kept)}/{total} steps in order"
    if len(kept) == total:
        return Outcome(GOOD, True, summary, marks)
    if len(kept) == total - 1 and total >= 3:
        return Outcome(HARD, True, summary + ", one step misplaced", marks)
    return Outcome(AGAIN, False, summary, marks)


ASK: dict[str, Callable[[Card, Asker, Context], Outcome]] = {
    "flip": ask_flip,
    "type": ask_type,
    "choice": ask_choice,
    "order": ask_order,
}
