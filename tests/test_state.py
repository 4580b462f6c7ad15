"""The review store: schema, one transaction per grade, undo, damage and concurrency."""

from __future__ import annotations

import multiprocessing
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import fsrs
import pytest

from notecards.quiz.state import (
    SCHEMA_VERSION,
    ReviewStore,
    StateCorrupt,
    StateError,
    StateReadOnly,
    StateTooNew,
    UndoRefused,
    default_path,
    new_fsrs_card,
)
from quiz_helpers import read_only

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


def grade(
    store: ReviewStore, card_id: str, rating: int, when: datetime = NOW, key: str = ""
) -> int:
    known = store.load([card_id], {card_id: key} if key else None).get(card_id)
    before = known.card if known else None
    after, log = fsrs.Scheduler(enable_fuzzing=False).review_card(
        before or new_fsrs_card(card_id, when), fsrs.Rating(rating), when
    )
    state_id = known.state_id if known else card_id
    return store.record(state_id, before, after, log, anki_key=key, mode="flip", session="s")


def test_new_file_has_schema_version_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "state.sqlite3"
    ReviewStore.open(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_default_path_honours_env_and_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOTECARDS_STATE", str(tmp_path / "x.sqlite3"))
    assert default_path() == tmp_path / "x.sqlite3"
    monkeypatch.delenv("NOTECARDS_STATE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "notecards" / "reviews.sqlite3"


def test_a_grade_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    with ReviewStore.open(path) as store:
        grade(store, "a", 3)
        grade(store, "b", 4)
    with ReviewStore.open(path) as store:
        loaded = store.load(["a", "b", "c"])
    assert set(loaded) == {"a", "b"}
    assert loaded["a"].card.state == fsrs.State.Learning and loaded["a"].card.step == 1
    assert loaded["b"].card.state == fsrs.State.Review


def test_undo_restores_the_card_as_it_was(tmp_path: Path) -> None:
    with ReviewStore.open(tmp_path / "s.sqlite3") as store:
        first = grade(store, "a", 3)
        second = grade(store, "a", 3, NOW + timedelta(minutes=10))
        assert store.load(["a"])["a"].card.state == fsrs.State.Review
        assert store.undo(second)
        assert store.load(["a"])["a"].card.step == 1
        assert store.undo(first)
        assert store.load(["a"]) == {}
        assert store.review_count() == 0
        assert not store.undo(first)


def test_undo_is_refused_when_the_card_was_reviewed_again(tmp_path: Path) -> None:
    with ReviewStore.open(tmp_path / "s.sqlite3") as store:
        first = grade(store, "a", 3)
        grade(store, "a", 3, NOW + timedelta(minutes=10))  # e.g. by another session
        with pytest.raises(UndoRefused, match="another session"):
            store.undo(first)
        assert store.review_count() == 2


def test_review_schedules_from_the_stored_card_not_a_stale_copy(tmp_path: Path) -> None:
    """Finding 10: two quizzes loaded the card as new; both grades must count."""
    path = tmp_path / "s.sqlite3"
    scheduler = fsrs.Scheduler(enable_fuzzing=False)
    with ReviewStore.open(path) as first, ReviewStore.open(path) as second:
        assert first.load(["a"]) == second.load(["a"]) == {}  # both start from "new"
        second.review("a", 3, NOW, scheduler, session="B")
        mine = first.review("a", 3, NOW + timedelta(minutes=10), scheduler, session="A")
        assert mine.card.state == fsrs.State.Review  # Good twice graduates the card
        assert first.load(["a"])["a"].card.state == fsrs.State.Review
        # undo in A restores B's grade, and never deletes the card B scheduled
        assert first.undo(mine.review_id)
        restored = second.load(["a"])["a"].card
        assert (restored.state, restored.step) == (fsrs.State.Learning, 1)
        assert second.review_count() == 1


def test_a_read_only_state_file_is_refused_before_any_card(tmp_path: Path) -> None:
    """Finding 11: found at open, not at the first grade."""
    path = tmp_path / "s.sqlite3"
    ReviewStore.open(path).close()
    with read_only(path):
        with pytest.raises(StateReadOnly, match="read-only"):
            ReviewStore.open(path)
        ReviewStore.open(path, writable=False).close()  # reading (stats) still works


def test_an_anki_key_finds_history_under_another_id(tmp_path: Path) -> None:
    with ReviewStore.open(tmp_path / "s.sqlite3") as store:
        grade(store, "from-notes", 4, key="ncabc.0")
        found = store.load(["ncabc.0"], {"ncabc.0": "ncabc.0"})
    assert found["ncabc.0"].state_id == "from-notes"


def test_a_damaged_file_is_moved_aside_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StateCorrupt, match="moved to"):
        ReviewStore.open(path)
    assert not path.exists()
    backups = list(tmp_path.glob("s.sqlite3.corrupt-*"))
    assert len(backups) == 1
    assert backups[0].read_bytes().startswith(b"this is not")
    ReviewStore.open(path).close()  # a fresh start next time


@pytest.mark.slow
def test_a_truncated_database_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    with ReviewStore.open(path) as store:
        for n in range(200):
            grade(store, f"card{n}", 3)
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    data = path.read_bytes()
    path.write_bytes(data[:4096] + b"\x00" * 100 + data[4196:])
    with pytest.raises(StateCorrupt):
        ReviewStore.open(path).stats()


def test_a_newer_file_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = path.read_bytes()
    with pytest.raises(StateTooNew, match="newer notecards"):
        ReviewStore.open(path)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_someone_elses_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE invoices (id INTEGER)")
    db.close()
    with pytest.raises(StateError, match="invoices"):
        ReviewStore.open(path)
    assert path.exists()


def _writer(path: str, prefix: str, count: int) -> None:
    with ReviewStore.open(Path(path)) as store:
        for n in range(count):
            grade(store, f"{prefix}{n}", 3)


@pytest.mark.slow
def test_two_quizzes_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    ReviewStore.open(path).close()
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(str(path), p, 60)) for p in "ab"]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    with ReviewStore.open(path) as store:
        assert store.review_count() == 120
        assert len(store.load([f"{p}{n}" for p in "ab" for n in range(60)])) == 120
        assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_problem_is_new_once_while_it_stays_and_again_after_it_was_forgotten(
    tmp_path: Path,
) -> None:
    path = tmp_path / "s.sqlite3"
    with ReviewStore.open(path) as store:
        assert store.first_sightings(["p", "q"], NOW) == {"p", "q"}
        # "p" stays in the notes: met every month, it is never new again
        for month in range(1, 6):
            assert store.first_sightings(["p"], NOW + timedelta(days=30 * month)) == set()
        # "q" was fixed: unmet for longer than the memory, it is forgotten
        later = NOW + timedelta(days=150)
        rows = {row[0] for row in store._db.execute("SELECT key FROM problems_shown")}
        assert rows == {"p"}
        assert store.first_sightings(["q"], later) == {"q"}
