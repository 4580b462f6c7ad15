"""The session engine without a terminal: selection, mode choice, grading, undo."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import fsrs
import pytest

from notecards.model import Card
from notecards.quiz.modes import (
    Context,
    Outcome,
    Quit,
    Undo,
    Unreadable,
    ask_choice,
    ask_order,
    distractors,
    mode_for,
)
from notecards.quiz.session import (
    Counts,
    Filters,
    Session,
    answered_today,
    family,
    format_interval,
    play,
    select,
)
from notecards.quiz.state import Known, ReviewStore, new_fsrs_card

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


def card(n: int, front: str = "", back: str = "", **kw: Any) -> Card:
    values: dict[str, Any] = {
        "id": f"c{n:02d}",
        "kind": "qa",
        "extractor": "test",
        "note": "a.md",
        "line": n,
        "front": front or f"Question {n}?",
        "back": back or f"the answer number {n} in words",
        "deck": "Deck",
        "tags": (),
        "lang": "en",
        "source": "A › H",
    }
    values.update(kw)
    return Card(**values)


class Script:
    """A fake Asker: answers from a list, like a scripted user."""

    def __init__(self, answers: Sequence[Any]) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []
        self.outcomes: list[Outcome] = []
        self.notices: list[str] = []

    def _next(self) -> Any:
        if not self.answers:
            raise Quit
        answer = self.answers.pop(0)
        if isinstance(answer, type) and issubclass(answer, Exception):
            raise answer
        if isinstance(answer, Exception):
            raise answer
        return answer

    def progress(self, session: Session, card: Card) -> None:
        pass

    def show_question(self, card: Card, mode: str) -> None:
        self.asked.append(card.id)

    def reveal(self, card: Card) -> None:
        pass

    def ask_grade(self, intervals: Mapping[int, str]) -> int:
        assert set(intervals) in ({1, 2, 3, 4}, set())  # none when cramming
        return self._next()

    def ask_text(self, card: Card) -> str:
        return self._next()

    def confirm_near_miss(self, given: str, expected: str) -> bool | None:
        return None

    def ask_choice(self, options: Sequence[str]) -> int:
        answer = self._next()
        return answer(options) if callable(answer) else answer

    def ask_order(self, steps: Sequence[str]) -> list[int]:
        answer = self._next()
        return answer(steps) if callable(answer) else answer

    def confirm_grade(
        self, card: Card, mode: str, outcome: Outcome, intervals: Mapping[int, str]
    ) -> Outcome:
        return outcome

    def show_outcome(self, card: Card, mode: str, outcome: Outcome) -> None:
        self.outcomes.append(outcome)

    def notice(self, text: str) -> None:
        self.notices.append(text)

    def problem(self, text: str) -> None:
        self.notices.append(text)


@pytest.fixture
def store(tmp_path: Path):
    with ReviewStore.open(tmp_path / "state.sqlite3") as opened:
        yield opened


def known_due(card_: Card, due: datetime) -> Known:
    fc = new_fsrs_card(card_.id, NOW - timedelta(days=10))
    fc.state, fc.step, fc.stability, fc.difficulty = fsrs.State.Review, None, 5.0, 5.0
    fc.due, fc.last_review = due, NOW - timedelta(days=5)
    return Known(card_.id, fc)


# ------------------------------------------------------------------ selection


def test_due_cards_first_then_new_up_to_the_limit() -> None:
    cards = [card(n) for n in range(1, 8)]
    known = {
        "c05": known_due(cards[4], NOW - timedelta(days=1)),
        "c06": known_due(cards[5], NOW - timedelta(days=3)),
        "c07": known_due(cards[6], NOW + timedelta(days=3)),  # not due yet
    }
    queue = select(cards, known, now=NOW, rng=random.Random(1), new=2).queue
    assert [c.id for c in queue] == ["c06", "c05", "c01", "c02"]
    queue = select(cards, known, now=NOW, rng=random.Random(1), new=2, limit=3).queue
    assert [c.id for c in queue] == ["c06", "c05", "c01"]


def test_siblings_of_one_note_wait_for_tomorrow() -> None:
    cards = [card(1, group="g"), card(2, group="g", ord=1), card(3)]
    assert [c.id for c in select(cards, {}, now=NOW, rng=random.Random(1)).queue] == [
        "c01",
        "c03",
    ]
    # one of them answered today (another session): the other is buried
    known = {"c01": known_due(cards[0], NOW + timedelta(days=1))}
    later = select(cards, known, now=NOW, rng=random.Random(1), answered_today={"c01"})
    assert [c.id for c in later.queue] == ["c03"] and later.buried == 1
    unburied = select(cards, {}, now=NOW, rng=random.Random(1), bury=False)
    assert [c.id for c in unburied.queue] == ["c01", "c02", "c03"]


def test_families_cover_definitions_and_procedures() -> None:
    definition = card(1, kind="definition", line=7)
    term = card(2, kind="term", line=7, front="What is the term for …?")
    step = card(3, kind="step", line=10, source="A › Steps")
    sequence = card(4, kind="sequence", line=10, source="A › Steps", items=("x", "y"))
    other_step = card(5, kind="step", line=11, source="A › Steps")
    assert family(definition) == family(term) != family(step)
    assert family(step) == family(sequence) == family(other_step)
    assert family(card(6)) != family(card(7))


def test_cram_takes_every_card_and_the_seed_fixes_the_order() -> None:
    cards = [card(n) for n in range(1, 10)]
    known = {"c01": known_due(cards[0], NOW + timedelta(days=30))}
    first = select(cards, known, now=NOW, rng=random.Random(7), cram=True).queue
    again = select(cards, known, now=NOW, rng=random.Random(7), cram=True).queue
    assert sorted(c.id for c in first) == [c.id for c in cards]
    assert first == again


def test_filters_by_tag_and_deck() -> None:
    a = card(1, tags=("web/http",), deck="Vault::Web")
    b = card(2, tags=("math",), deck="Vault::Math")
    assert Filters(("web",), "").keep(a) and not Filters(("web",), "").keep(b)
    assert Filters((), "Vault::Web").keep(a) and not Filters((), "Vault::W").keep(a)
    assert Filters((), "Vault").keep(b)


def test_format_interval() -> None:
    assert format_interval(timedelta(seconds=30)) == "1m"
    assert format_interval(timedelta(minutes=10)) == "10m"
    assert format_interval(timedelta(hours=5)) == "5h"
    assert format_interval(timedelta(days=3)) == "3d"
    assert format_interval(timedelta(days=400)) == "1.1y"
    # rounding never leaves a number that belongs to the next unit
    assert format_interval(timedelta(minutes=59, seconds=40)) == "1h"
    assert format_interval(timedelta(hours=23, minutes=59, seconds=59)) == "1d"


# ------------------------------------------------------------------ modes


def test_mixed_mode_rules() -> None:
    seq = card(1, kind="sequence", items=("a", "b", "c"))
    enum_small = card(2, kind="enumeration", items=("TCP", "UDP"))
    enum_big = card(3, kind="enumeration", items=tuple("abcdefg"))
    short = card(4, back="Paris")
    defs = [
        card(10 + n, kind="definition", back=f"a long definition number {n} here") for n in range(4)
    ]
    long = card(5)
    pool = [seq, enum_small, enum_big, short, long, *defs]
    assert mode_for(seq, "mixed", pool) == "order"
    assert mode_for(enum_small, "mixed", pool) == "type"
    assert mode_for(enum_big, "mixed", pool) == "flip"
    assert mode_for(short, "mixed", pool) == "type"
    assert mode_for(defs[0], "mixed", pool) == "choice"
    assert mode_for(defs[0], "mixed", defs[:2]) == "flip"  # too few siblings for choice
    assert mode_for(long, "mixed", pool) == "flip"
    assert mode_for(long, "order", pool) == "flip"  # no steps: cannot be ordered


def test_distractors_prefer_the_same_note_and_never_repeat_the_answer() -> None:
    target = card(1, kind="definition", back="Paris")
    pool = [
        target,
        card(2, kind="definition", back="paris!"),  # the same answer, normalized
        card(3, kind="definition", back="Lyon"),
        card(4, kind="definition", back="Rome", note="b.md"),
        card(5, kind="definition", back="Oslo", note="b.md"),
        card(6, kind="definition", back="Bern", note="c.md", deck="Other"),
        card(7, kind="qa", back="Madrid"),  # another kind
    ]
    picked = distractors(target, pool, random.Random(3))
    assert len(picked) == 3
    assert picked[0] == "Lyon"
    assert "paris!" not in picked and "Madrid" not in picked and "Bern" not in picked


def test_choice_is_graded_good_or_again() -> None:
    target = card(1, kind="definition", back="Paris")
    pool = [target, *(card(n, kind="definition", back=b) for n, b in [(2, "Rome"), (3, "Oslo")])]
    ctx = Context(rng=random.Random(1), pool=pool)
    right = ask_choice(target, Script([lambda opts: opts.index("Paris")]), ctx)
    wrong = ask_choice(target, Script([lambda opts: opts.index("Rome")]), ctx)
    assert (right.rating, right.right) == (3, True)
    assert (wrong.rating, wrong.right) == (1, False)


def test_order_is_scored_step_by_step() -> None:
    steps = ("boil", "warm", "add", "pour")
    target = card(1, kind="sequence", items=steps)
    ctx = Context(rng=random.Random(1))

    def giving(order: Sequence[str]):
        return lambda shown: [shown.index(s) + 1 for s in order]

    perfect = ask_order(target, Script([giving(steps)]), ctx)
    swapped = ask_order(target, Script([giving(("boil", "add", "warm", "pour"))]), ctx)
    wrong = ask_order(target, Script([giving(tuple(reversed(steps)))]), ctx)
    assert (perfect.rating, perfect.right) == (3, True)
    assert (swapped.rating, swapped.right) == (2, True)
    assert sum(line.startswith("✗") for line in swapped.details) == 1
    assert swapped.verdict == "3/4 steps in order, one step misplaced"
    assert (wrong.rating, wrong.right) == (1, False)


# ------------------------------------------------------------------ play


class Clock:
    """A session's clock that tests move forward."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _session(
    cards: list[Card],
    store: ReviewStore | None,
    mode: str = "flip",
    clock: Clock | None = None,
    **kw: Any,
) -> Session:
    clock = clock or Clock(datetime.now(UTC))
    known = {} if store is None else store.load([c.id for c in cards])
    answered = set() if store is None else answered_today(store, cards, known, clock())
    chosen = select(cards, known, now=clock(), rng=random.Random(1), answered_today=answered, **kw)
    return Session(
        chosen.queue, store, known, mode=mode, pool=cards, seed=1, learning=chosen.learning,
        clock=clock,
    )  # fmt: skip


def test_grades_are_saved_and_scored(store: ReviewStore) -> None:
    cards = [card(n) for n in range(1, 5)]
    summary = play(_session(cards, store), Script([3, 1, 4, 2, Quit]), lambda c: ("", None))
    assert (summary.right, summary.total) == (3, 4)
    saved = store.load([c.id for c in cards])
    states = {cid: (k.card.state, k.card.step) for cid, k in saved.items()}
    assert states == {
        "c01": (fsrs.State.Learning, 1),
        "c02": (fsrs.State.Learning, 0),
        "c03": (fsrs.State.Review, None),
        "c04": (fsrs.State.Learning, 0),
    }
    assert store.review_count() == 4


def test_undo_takes_the_grade_back_and_asks_again(store: ReviewStore) -> None:
    cards = [card(n) for n in range(1, 4)]
    script = Script([1, Undo, 3, 3, 3, Quit])
    summary = play(_session(cards, store), script, lambda c: ("", None))
    assert script.asked[:5] == ["c01", "c02", "c01", "c02", "c03"]
    assert (summary.right, summary.total) == (3, 3)
    assert store.review_count() == 3
    assert store.load(["c01"])["c01"].card.step == 1


def test_unreadable_answer_skips_the_card(store: ReviewStore) -> None:
    cards = [card(n) for n in range(1, 3)]
    script = Script([Unreadable("x", "a grade"), 3, Quit])
    summary = play(_session(cards, store), script, lambda c: ("", None))
    assert (summary.right, summary.total, summary.skipped) == (1, 1, 1)
    assert list(store.load([c.id for c in cards])) == ["c02"]


def test_cram_writes_nothing(tmp_path: Path) -> None:
    cards = [card(n) for n in range(1, 3)]
    summary = play(_session(cards, None), Script([3, 3]), lambda c: ("", None))
    assert (summary.right, summary.total) == (2, 2)
    assert not (tmp_path / "state.sqlite3").exists()


def test_quit_keeps_what_was_graded(store: ReviewStore) -> None:
    cards = [card(n) for n in range(1, 4)]
    summary = play(_session(cards, store), Script([3, Quit]), lambda c: ("", None))
    assert summary.total == 1
    again = _session(cards, store)
    assert [c.id for c in again.queue] == ["c02", "c03"]
    assert [c.id for c in again.learning] == ["c01"]  # its 10-minute step is within learn-ahead


def test_a_failed_card_comes_back_after_its_step(store: ReviewStore) -> None:
    """Anki's loop: Again puts a card on a 1-minute step; it returns when due, and
    learn-ahead (20 min) lets it come early once nothing else is left."""
    clock = Clock(NOW)
    cards = [card(n) for n in range(1, 4)]
    session = _session(cards, store, clock=clock)
    asked: list[str] = []

    def answer(rating: int, minutes: float = 0) -> None:
        current = session.current()
        assert current is not None
        asked.append(current.id)
        session.grade(current, "flip", Outcome(rating, rating > 1, "graded"), 1000)
        clock.now += timedelta(minutes=minutes)

    assert session.counts() == Counts(3, 0, 0)
    answer(1, minutes=2)  # c01 fails: back in 1 minute, and 2 have passed
    assert session.counts() == Counts(2, 1, 0)
    answer(4)  # c01 is due again, so it comes before the new c02
    assert asked == ["c01", "c01"]
    answer(3)  # c02 Good: a 10-minute step
    answer(4)  # c03 Easy: graduates, not seen again
    assert session.counts() == Counts(0, 1, 0)
    answer(3)  # c02 again, early: within the learn-ahead limit
    assert asked == ["c01", "c01", "c02", "c03", "c02"]
    assert session.current() is None  # nothing due within 20 minutes: the session ends
    summary = session.summary()
    assert summary.total == 5 and summary.due_now == 0 and summary.next_due is not None


def test_a_step_beyond_the_learn_ahead_limit_waits(store: ReviewStore) -> None:
    clock = Clock(NOW)
    session = _session([card(1)], store, clock=clock, learn_ahead=timedelta(minutes=5))
    session.learn_ahead = timedelta(minutes=5)
    first = session.current()
    assert first is not None
    session.grade(first, "flip", Outcome(3, True, "graded"), 1000)  # Good: 10 minutes
    assert session.current() is None
    clock.now += timedelta(minutes=6)
    assert session.current() is not None  # 4 minutes left: within 5


def test_answering_a_card_buries_its_siblings(store: ReviewStore) -> None:
    cards = [card(1, kind="definition", line=3), card(2, kind="term", line=3), card(3)]
    session = _session(cards, store, bury=False)
    first = session.current()
    assert first is not None and first.id == "c01"
    session.grade(first, "flip", Outcome(4, True, "graded"), 1000)
    assert session.current().id == "c03"  # never back to back, even unburied
    buried = _session(cards, store)
    assert [c.id for c in buried.queue] == ["c03"]  # c01 answered today: c02 waits


def test_undo_of_a_failed_card_takes_it_out_of_learning(store: ReviewStore) -> None:
    session = _session([card(1), card(2)], store)
    first = session.current()
    session.grade(first, "flip", Outcome(1, False, "graded"), 1000)
    assert "c01" in session.in_learning
    assert session.undo() is first
    assert session.in_learning == {} and session.counts() == Counts(2, 0, 0)
    assert store.load(["c01"]) == {}


def test_header_state_names_the_last_interval(store: ReviewStore) -> None:
    cards = [card(1)]
    known = {"c01": known_due(cards[0], NOW - timedelta(days=1))}
    session = Session(cards, store, known, mode="flip", pool=cards)
    assert session.state_of(cards[0]) == "review, last interval 4d"
    assert session.state_of(card(2)) == "new"


@pytest.mark.slow
def test_code_in_a_card_is_rendered_as_highlighted_code() -> None:
    from rich.console import Group
    from rich.syntax import Syntax
    from rich.text import Text

    from notecards.quiz.ui import render_content

    html = 'Run this:<div class="nc-code"><pre><span class="k">print</span>(1)</pre></div>'
    rendered = render_content("Run this: print(1)", html)
    assert isinstance(rendered, Group)
    kinds = [type(part) for part in rendered.renderables]
    assert kinds == [Text, Syntax]
    fenced = render_content("Before\n```python\nx = 1\n```\nafter")
    assert [type(p) for p in fenced.renderables] == [Text, Syntax, Text]
    assert isinstance(render_content("plain"), Text)


def test_order_scores_relative_order_not_places() -> None:
    """One step moved from the end to the front shifts every place, but it is one
    mistake: Hard, not Again (longest increasing subsequence)."""
    steps = ("one", "two", "three", "four", "five", "six")
    target = card(1, kind="sequence", items=steps)
    ctx = Context(rng=random.Random(1))
    moved = ("six", "one", "two", "three", "four", "five")
    outcome = ask_order(target, Script([lambda shown: [shown.index(s) + 1 for s in moved]]), ctx)
    assert (outcome.rating, outcome.right) == (2, True)
    assert [line[0] for line in outcome.details] == ["✗", "✓", "✓", "✓", "✓", "✓"]
    assert outcome.details[0].endswith("(belongs at 6)")
    two_off = ("two", "one", "four", "three", "five", "six")
    worse = ask_order(target, Script([lambda shown: [shown.index(s) + 1 for s in two_off]]), ctx)
    assert worse.rating == 1
    pair = card(2, kind="sequence", items=("a", "b"))
    swapped_pair = ask_order(
        pair, Script([lambda shown: [shown.index("b") + 1, shown.index("a") + 1]]), ctx
    )
    assert swapped_pair.rating == 1  # two steps swapped: all wrong


def test_longest_in_order() -> None:
    from notecards.quiz.modes import longest_in_order

    assert longest_in_order([]) == []
    assert longest_in_order([0, 1, 2]) == [0, 1, 2]
    run = longest_in_order([5, 0, 1, 2, 3, 4])
    assert run == [1, 2, 3, 4, 5]
    assert len(longest_in_order([3, 1, 2, 0])) == 2


def test_reversed_question_cards_are_never_typed_and_choices_match_side_and_language() -> None:
    question_back = card(1, back="What is the port of HTTPS?", model="reversed", ord=1, group="g")
    assert mode_for(question_back, "mixed", [question_back]) == "flip"
    assert mode_for(question_back, "type", [question_back]) == "flip"
    assert mode_for(card(2, back="443"), "type", []) == "type"
    target = card(3, kind="definition", back="Paris", lang="en")
    pool = [
        target,
        card(4, kind="definition", back="Rome", lang="en"),
        card(5, kind="definition", back="Москва", lang="ru"),  # another language
        card(6, kind="definition", back="Oslo", lang="en", model="reversed", ord=1),  # other side
        card(7, kind="definition", back="Bern", lang="en"),
    ]
    assert sorted(distractors(target, pool, random.Random(1))) == ["Bern", "Rome"]
