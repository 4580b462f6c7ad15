"""Schedules from obsidian-spaced-repetition's `<!--SR:…-->` comments: parsed, attached
to their cards, turned into FSRS state that the quiz goes on from, and (`build
--with-schedule`) into Anki's scheduling."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from notecards.build.pipeline import BuildOptions, collect
from notecards.quiz.schedules import Schedule, card_schedules, line_schedules, parse_comment

_SCRIPT = Path(sys.executable).with_name("notecards")
NOTECARDS = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "notecards"]

NOTE = """---
tags: [flashcards]
---
# Geography

Capital of Kenya::Nairobi <!--SR:!2020-01-10,12,250-->

Capital of Peru:::Lima
<!--SR:!2099-03-01,40,270!2020-02-01,3,210-->

Longest river in Europe
?
The Volga
<!--SR:2099-05-05,30,130-->

Capital of Chad::N'Djamena
"""


def notecards(*args: str | Path, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "XDG_CACHE_HOME": str(cwd / "cache"),
           "XDG_DATA_HOME": str(cwd / "data")}  # fmt: skip
    return subprocess.run([*NOTECARDS, *map(str, args)], cwd=cwd, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "Vault"
    (root / ".obsidian").mkdir(parents=True)
    (root / "Geo.md").write_text(NOTE, encoding="utf-8")
    return root


def test_comments_in_every_form() -> None:
    assert parse_comment("x <!--SR:!2024-01-31,12,250-->") == [Schedule(date(2024, 1, 31), 12, 250)]
    assert parse_comment("<!--SR:2021-08-20,13,290-->") == [Schedule(date(2021, 8, 20), 13, 290)]
    assert parse_comment("<!--SR:!2024-01-31,1,230!2024-02-02,4,250-->") == [
        Schedule(date(2024, 1, 31), 1, 230),
        Schedule(date(2024, 2, 2), 4, 250),
    ]
    assert parse_comment("<!--SR:!2024-13-40,1,230-->") == []  # no such date
    assert parse_comment("<!-- a comment -->") == []


def test_ease_to_difficulty_is_the_documented_line() -> None:
    assert Schedule(date(2024, 1, 1), 5, 250).difficulty == 5
    assert Schedule(date(2024, 1, 1), 5, 130).difficulty == 10
    assert Schedule(date(2024, 1, 1), 5, 274).difficulty == 4
    assert Schedule(date(2024, 1, 1), 5, 1000).difficulty == 1
    card = Schedule(date(2024, 1, 31), 12, 250).fsrs_card(7)
    assert (card.stability, card.due, card.last_review.date()) == (
        12.0, datetime(2024, 1, 31, tzinfo=UTC), date(2024, 1, 19),
    )  # fmt: skip


def test_each_card_gets_the_comment_that_follows_it(vault: Path) -> None:
    cards = collect([vault], BuildOptions(cache=False)).cards
    found = card_schedules(cards, line_schedules(NOTE))
    by_front = {(c.front, c.ord): found.get(c.id) for c in cards}
    assert by_front == {
        ("Capital of Kenya", 0): Schedule(date(2020, 1, 10), 12, 250),
        ("Capital of Peru", 0): Schedule(date(2099, 3, 1), 40, 270),
        ("Lima", 1): Schedule(date(2020, 2, 1), 3, 210),
        ("Longest river in Europe", 0): Schedule(date(2099, 5, 5), 30, 130),
        ("Capital of Chad", 0): None,  # never reviewed: new
    }


@pytest.mark.slow
def test_the_quiz_goes_on_where_the_plugin_left_off(vault: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.db"
    out = notecards("quiz", vault, "--mode", "flip", "--new", "0", "--state", state,
                    "--seed", "1", stdin="3\n3\n", cwd=tmp_path)  # fmt: skip
    assert out.returncode == 0, out.stderr
    asked = [line for line in out.stdout.splitlines() if line.startswith("Q (")]
    # the two cards the plugin had due, nothing it scheduled for later, no new card
    assert sorted(asked) == ["Q (flip): Capital of Kenya", "Q (flip): Lima"]
    stats = json.loads(notecards("stats", "--json", "--state", state, cwd=tmp_path).stdout)
    assert stats["cards"] == 4 and stats["reviews"] == 2  # imported states + two grades


@pytest.mark.slow
def test_build_with_schedule_keeps_due_dates_and_intervals_in_anki(
    vault: Path, tmp_path: Path
) -> None:
    pytest.importorskip("anki")
    from anki_helpers import import_apkg, open_collection

    out_dir = tmp_path / "decks"
    build = notecards("build", vault, "-o", out_dir, "--with-schedule", cwd=tmp_path)
    assert build.returncode == 0, build.stderr
    with open_collection(tmp_path / "anki") as col:
        import_apkg(col, out_dir / "Vault.apkg", scheduling=True)
        today = col.sched.today
        found = {}
        for card_id in col.find_cards(""):
            card = col.get_card(card_id)
            front = card.note().fields[0]
            found[(front, card.ord)] = (card.type, card.ivl, card.factor,
                                        card.due - today if card.type == 2 else None)  # fmt: skip
    days = (date(2099, 3, 1) - date.today()).days
    assert found[("Capital of Peru", 0)] == (2, 40, 2700, days)
    assert found[("Capital of Peru", 1)][:3] == (2, 3, 2100)
    assert found[("Capital of Kenya", 0)][:3] == (2, 12, 2500)
    assert found[("Capital of Chad", 0)][0] == 0  # new
