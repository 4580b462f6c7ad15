"""What the real Anki (the official backend) makes of our packages.

Each test writes cards with `write_apkg`, imports the package into a fresh collection
the way Anki's import dialog does by default, and looks at what Anki stores: notes,
cards, fields, tags, decks, media, note types, and, across re-imports, that edits
update notes in place without losing review history.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("anki")

from anki_helpers import (
    all_notes,
    deck_names,
    import_apkg,
    make_card,
    media_files,
    note_type,
    open_collection,
    review_card,
    revlog_count,
)
from notecards.exporters.apkg import write_apkg
from notecards.exporters.note_types import BASIC, CLOZE, REVERSED
from notecards.ids import anki_guid
from notecards.model import Card

pytestmark = pytest.mark.slow  # real Anki imports: see pyproject's markers

IMAGE = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
CODE = (
    '<div class="nc-code"><pre><span class="k">def</span> <span class="nf">f</span>'
    '<span class="p">():</span></pre></div>'
)


def build_cards(vault: Path) -> list[Card]:
    """One note of each kind, spread over a deck tree, with an image and some code."""
    (vault / "img").mkdir(parents=True, exist_ok=True)
    image = vault / "img" / "diagram.png"
    image.write_bytes(IMAGE)
    basic = make_card(
        "What does Cache-Control: no-store mean?",
        "Do not store the response.",
        fields=(
            "What does <code>Cache-Control: no-store</code> mean?",
            f"<p>Never store.</p>{CODE}",
        ),
        deck="Vault::Web::HTTP",
        tags=("#http/caching", "web dev"),
        source="HTTP basics › Caching › Cache-Control",
    )
    reversed_cards = [
        make_card("cat", "кошка", model="reversed", group="words-cat", ord=o, deck="Vault::Words")
        for o in (0, 1)
    ]
    text = r'{{c1::Paris}} is the capital of {{c2::France}}; \(x^2\) <img src="diagram.png">'
    cloze_cards = [
        make_card(f"cloze {n}", "", model="cloze", group="geo-paris", ord=n,
                  fields=(text, "Extra <b>info</b>"), deck="Vault::Geo",
                  media=(("diagram.png", str(image)),))
        for n in (0, 1)
    ]  # fmt: skip
    return [basic, *reversed_cards, *cloze_cards]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The sample package imported once; tests here only read the collection."""
    root = tmp_path_factory.mktemp("anki-import")
    cards = build_cards(root / "vault")
    report = write_apkg(cards, root / "out" / "sample.apkg")
    with open_collection(root / "collection") as col:
        log = import_apkg(col, report.path)
        yield {"col": col, "cards": cards, "report": report, "log": log, "notes": all_notes(col)}


@pytest.fixture
def col(tmp_path: Path) -> Iterator[Any]:
    with open_collection(tmp_path / "collection") as collection:
        yield collection


# ---------------------------------------------------------------- one import


def test_counts(imported: dict[str, Any]) -> None:
    col, report, log = imported["col"], imported["report"], imported["log"]
    assert len(log.new) == report.notes == 3
    assert col.note_count() == 3
    assert col.card_count() == report.cards == 5
    assert not (log.missing_notetype or log.missing_deck or log.conflicting)


def test_cards_per_note(imported: dict[str, Any]) -> None:
    notes = imported["notes"]
    basic, reverse, cloze = (
        notes[anki_guid(k)] for k in (imported["cards"][0].id, "words-cat", "geo-paris")
    )
    assert [c["ord"] for c in basic["cards"]] == [0]
    assert [c["ord"] for c in reverse["cards"]] == [0, 1]
    assert [c["ord"] for c in cloze["cards"]] == [0, 1]


def test_fields_as_anki_sees_them(imported: dict[str, Any]) -> None:
    notes = imported["notes"]
    basic = notes[anki_guid(imported["cards"][0].id)]
    assert basic["fields"] == {
        "Front": "What does <code>Cache-Control: no-store</code> mean?",
        "Back": f"<p>Never store.</p>{CODE}",
        "Source": "HTTP basics › Caching › Cache-Control",
    }
    cloze = notes[anki_guid("geo-paris")]["fields"]
    assert cloze["Text"].startswith("{{c1::Paris}} is the capital of {{c2::France}}; \\(x^2\\)")
    assert cloze["Extra"] == "Extra <b>info</b>"


def test_tags_in_anki_form(imported: dict[str, Any]) -> None:
    basic = imported["notes"][anki_guid(imported["cards"][0].id)]
    assert basic["tags"] == ["http::caching", "web_dev"]


def test_deck_tree_and_card_decks(imported: dict[str, Any]) -> None:
    col, notes = imported["col"], imported["notes"]
    assert {"Vault", "Vault::Web", "Vault::Web::HTTP", "Vault::Words", "Vault::Geo"} <= deck_names(
        col
    )
    assert notes[anki_guid(imported["cards"][0].id)]["cards"][0]["deck"] == "Vault::Web::HTTP"
    assert {c["deck"] for c in notes[anki_guid("words-cat")]["cards"]} == {"Vault::Words"}
    assert {c["deck"] for c in notes[anki_guid("geo-paris")]["cards"]} == {"Vault::Geo"}


def test_media_arrive_in_the_media_folder(imported: dict[str, Any]) -> None:
    assert media_files(imported["col"]) == {"diagram.png": IMAGE}


def test_note_types(imported: dict[str, Any]) -> None:
    col = imported["col"]
    for name, fields, templates in (
        (BASIC, ["Front", "Back", "Source"], 1),
        (REVERSED, ["Front", "Back", "Source"], 2),
        (CLOZE, ["Text", "Extra", "Source"], 1),
    ):
        notetype = note_type(col, name)
        assert [f["name"] for f in notetype["flds"]] == fields
        assert len(notetype["tmpls"]) == templates
    assert note_type(col, CLOZE)["type"] == 1
    css = note_type(col, BASIC)["css"]
    assert ".nc-code .k {" in css and ".nightMode .nc-code .k" in css


def _shown(html: str) -> str:
    """A rendered side without the note type's <style> block."""
    return re.sub(r"<style>.*?</style>", "", html, flags=re.DOTALL)


def test_rendered_cards(imported: dict[str, Any]) -> None:
    col, notes = imported["col"], imported["notes"]
    basic = col.get_card(notes[anki_guid(imported["cards"][0].id)]["cards"][0]["id"])
    question, answer = _shown(basic.question()), _shown(basic.answer())
    assert "Cache-Control" in question
    assert '<div class="nc-source">HTTP basics › Caching › Cache-Control</div>' in question
    assert "Never store." in answer and "Never store." not in question
    assert answer.count("nc-source") == 1

    card1, card2 = (col.get_card(c["id"]) for c in notes[anki_guid("words-cat")]["cards"])
    assert "cat" in _shown(card1.question()) and "кошка" not in _shown(card1.question())
    assert "кошка" in _shown(card2.question()) and "cat" not in _shown(card2.question())

    first, second = (col.get_card(c["id"]) for c in notes[anki_guid("geo-paris")]["cards"])
    assert ">[...]<" in _shown(first.question()) and ">Paris<" not in _shown(first.question())
    assert ">France<" in _shown(first.question()) and ">France<" not in _shown(second.question())
    assert 'class="cloze"' in first.answer() and "Extra <b>info</b>" in first.answer()
    assert "\\(x^2\\)" in first.question()  # left for Anki's MathJax


def test_anki_agrees_on_which_cards_exist(imported: dict[str, Any]) -> None:
    """Anki's own card generation, run on every note, neither adds nor empties a card."""
    col = imported["col"]
    assert not col.get_empty_cards().notes
    for note_id in col.find_notes(""):
        col.update_note(col.get_note(note_id))
    assert col.card_count() == 5


# ---------------------------------------------------------------- re-imports


def test_reimporting_a_rebuilt_package_adds_nothing(col: Any, tmp_path: Path) -> None:
    cards = build_cards(tmp_path / "vault")
    import_apkg(col, write_apkg(cards, tmp_path / "a.apkg").path)
    before = all_notes(col)
    log = import_apkg(col, write_apkg(build_cards(tmp_path / "vault"), tmp_path / "b.apkg").path)
    assert not log.new and not log.updated
    assert all_notes(col) == before
    assert col.card_count() == 5


def _edit(card: Card, back: str, mtime_delta: int) -> Card:
    return dataclasses.replace(
        card, back=back, fields=(card.fields[0], back), mtime=card.mtime + mtime_delta
    )


def test_edited_answer_updates_the_note_and_keeps_reviews(col: Any, tmp_path: Path) -> None:
    card = make_card("What is a GUID?", "An id.")
    import_apkg(col, write_apkg([card], tmp_path / "v1.apkg").path)
    (before,) = all_notes(col).values()
    review_card(col, before["cards"][0]["id"], ease=4)
    (reviewed,) = all_notes(col).values()
    assert revlog_count(col) == 1 and reviewed["cards"][0]["ivl"] > 0

    log = import_apkg(
        col, write_apkg([_edit(card, "A globally unique id.", 60)], tmp_path / "v2.apkg").path
    )

    assert len(log.updated) == 1 and not log.new
    (after,) = all_notes(col).values()
    assert after["id"] == before["id"]
    assert after["fields"]["Back"] == "A globally unique id."
    assert after["cards"] == reviewed["cards"]  # same card id, interval, reps
    assert revlog_count(col) == 1


def test_older_package_does_not_overwrite(col: Any, tmp_path: Path) -> None:
    card = make_card("Q", "current")
    import_apkg(col, write_apkg([card], tmp_path / "new.apkg").path)
    log = import_apkg(col, write_apkg([_edit(card, "stale", -60)], tmp_path / "old.apkg").path)
    assert not log.updated and not log.new
    (note,) = all_notes(col).values()
    assert note["fields"]["Back"] == "current"


def test_new_cloze_number_adds_a_card_to_the_same_note(col: Any, tmp_path: Path) -> None:
    def cloze(text: str, n: int, mtime: int) -> list[Card]:
        fields = (text, "")
        return [
            make_card(f"c{i}", "", model="cloze", group="g", ord=i, fields=fields, mtime=mtime)
            for i in range(n)
        ]

    import_apkg(col, write_apkg(cloze("{{c1::a}}", 1, 1_750_000_000), tmp_path / "a.apkg").path)
    (first,) = all_notes(col).values()
    import_apkg(
        col, write_apkg(cloze("{{c1::a}} {{c2::b}}", 2, 1_750_000_100), tmp_path / "b.apkg").path
    )
    (second,) = all_notes(col).values()
    assert second["id"] == first["id"]
    assert [c["ord"] for c in second["cards"]] == [0, 1]
    assert second["cards"][0]["id"] == first["cards"][0]["id"]


def test_thousand_decks_import(col: Any, tmp_path: Path) -> None:
    cards = [
        make_card(f"q{i}", note=f"n{i}.md", deck=f"Vault::F{i // 50}::D{i}") for i in range(1000)
    ]
    report = write_apkg(cards, tmp_path / "big.apkg")
    log = import_apkg(col, report.path)
    assert len(log.new) == 1000
    assert (
        len([n for n in deck_names(col) if n.startswith("Vault")]) == report.decks == 1 + 20 + 1000
    )


def test_new_note_whose_id_is_taken_is_still_added(col: Any, tmp_path: Path) -> None:
    """Ids count from the newest mtime, so a later build can reuse an id: Anki must cope."""
    a, b, c = (make_card(q) for q in ("A?", "B?", "C?"))
    import_apkg(col, write_apkg([a, b], tmp_path / "1.apkg").path)
    before = all_notes(col)
    log = import_apkg(col, write_apkg([c, a, b], tmp_path / "2.apkg").path)
    assert len(log.new) == 1
    after = all_notes(col)
    assert len(after) == 3 and col.card_count() == 3
    for guid, note in before.items():
        assert after[guid] == note
    assert after[anki_guid(c.id)]["fields"]["Front"] == "C?"
