"""`notecards stats`: counts, true retention, streak, heatmap, and the JSON contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import fsrs
import pytest

from notecards.quiz.state import ReviewStore, new_fsrs_card

_SCRIPT = Path(sys.executable).with_name("notecards")
NOTECARDS = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "notecards"]


def review(store: ReviewStore, card_id: str, rating: int, when: datetime) -> None:
    known = store.load([card_id]).get(card_id)
    before = known.card if known else None
    after, log = fsrs.Scheduler(enable_fuzzing=False).review_card(
        before or new_fsrs_card(card_id, when), fsrs.Rating(rating), when
    )
    store.record(card_id, before, after, log)


def test_counts_retention_and_streak(tmp_path: Path) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    with ReviewStore.open(tmp_path / "s.sqlite3") as store:
        # "a": learnt two days ago, reviewed yesterday (pass) and today (lapse)
        review(store, "a", 4, now - timedelta(days=2))
        review(store, "a", 3, now - timedelta(days=1))
        review(store, "a", 1, now)
        # "b": learnt today, due in days; "c": still learning, due in minutes
        review(store, "b", 4, now)
        review(store, "c", 3, now)
        stats = store.stats(now + timedelta(seconds=1))
    assert stats.cards == 3
    assert stats.reviews == 5
    assert stats.known == 1  # b; a lapsed into relearning, c is learning
    assert stats.learning == 2
    assert stats.retention == 0.5  # of the two reviews of Review-state cards, one passed
    assert stats.streak == 3
    assert stats.reviews_today == 3
    assert sum(stats.days.values()) == 5
    assert stats.due_now == 0
    assert stats.due_next_7_days >= 2


@pytest.mark.slow
def test_stats_json_without_any_state(tmp_path: Path) -> None:
    path = tmp_path / "none.sqlite3"
    out = subprocess.run(
        [*NOTECARDS, "stats", "--json", "--state", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(out.stdout)
    assert (data["cards"], data["reviews"], data["due_now"]) == (0, 0, 0)
    assert not path.exists()


@pytest.mark.slow
def test_stats_table_and_heatmap(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    with ReviewStore.open(path) as store:
        review(store, "a", 3, datetime.now(UTC))
    out = subprocess.run(
        [*NOTECARDS, "stats", "--state", str(path), "--weeks", "4"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "cards known" in out.stdout and "true retention" in out.stdout
    days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    heat = [line for line in out.stdout.splitlines() if line.startswith(days)]
    assert len(heat) == 7
    assert all(len(line.rstrip()) <= 4 + 4 for line in heat)
    assert any("█" in line for line in heat)  # today, the busiest day
    assert "\x1b[" not in out.stdout  # piped: no colour codes


@pytest.mark.slow
def test_stats_to_a_pipe_are_whole_lines_whatever_the_width(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    with ReviewStore.open(path) as store:
        review(store, "a", 3, datetime.now(UTC))
    out = subprocess.run(
        [*NOTECARDS, "stats", "--state", str(path)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "20"},
    )
    lines = out.stdout.splitlines()
    assert any(line.startswith("new · learning · due now") for line in lines)
    assert any("true retention" in line for line in lines)


@pytest.mark.slow
def test_damaged_state_gives_a_message_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"garbage" * 1000)
    out = subprocess.run(
        [*NOTECARDS, "stats", "--json", "--state", str(path)], capture_output=True, text=True
    )
    assert out.returncode == 1
    assert "damaged" in out.stderr and "Traceback" not in out.stderr
    assert list(tmp_path.glob("s.sqlite3.corrupt-*"))
