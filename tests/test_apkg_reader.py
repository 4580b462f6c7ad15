"""Cards read back from .apkg files: ours, genanki's, and the ones we cannot read."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import genanki
import pytest

from notecards.exporters.apkg import write_apkg
from notecards.model import Card
from notecards.quiz.apkg_reader import ApkgError, html_to_text, read_apkg
from notecards.quiz.session import anki_key
from quiz_helpers import card as quiz_card


def card(front: str, back: str, **kw: Any) -> Card:
    """The shared test card, in a web note."""
    return quiz_card(
        front,
        back,
        **{
            "note": "web/http.md",
            "deck": "Vault::Web",
            "tags": ("web",),
            "source": "HTTP › Methods",
            **kw,
        },
    )


def test_our_own_package_reads_back(tmp_path: Path) -> None:
    cloze = "The {{c1::sky}} is {{c2::blue::colour}}"
    cards = [
        card("Safe method?", "GET"),
        card("Code?", "prints", fields=("Code?", '<div class="nc-code"><pre>print(1)</pre></div>')),
        card("Port of HTTP", "80", model="reversed", group="rev"),
        card("80", "Port of HTTP", model="reversed", group="rev", ord=1, id="id-rev1"),
        card("The [...] is blue", "sky", model="cloze", group="cz", fields=(cloze, "")),
        card("The sky is [...]", "blue", model="cloze", group="cz", ord=1, fields=(cloze, "")),
    ]
    write_apkg(cards, tmp_path / "deck.apkg")
    read = read_apkg(tmp_path / "deck.apkg")
    got = {(c.front, c.back) for c in read}
    assert got == {
        ("Safe method?", "GET"),
        ("Code?", "print(1)"),
        ("Port of HTTP", "80"),
        ("80", "Port of HTTP"),
        ("The [...] is blue", "sky"),
        ("The sky is [colour]", "blue"),
    }
    # ids agree with what the quiz records for the same cards built from notes
    assert {c.id for c in read} == {anki_key(c) for c in cards}
    first = next(c for c in read if c.front == "Safe method?")
    assert (first.deck, first.source, first.tags, first.extractor) == (
        "Vault::Web",
        "HTTP › Methods",
        ("web",),
        "apkg",
    )


@pytest.mark.slow
def test_a_genanki_package_reads_back(tmp_path: Path) -> None:
    deck = genanki.Deck(2059400110, "Foreign")
    deck.add_note(
        genanki.Note(model=genanki.BASIC_MODEL, fields=["Capital of <b>France</b>", "Paris"])
    )
    deck.add_note(
        genanki.Note(
            model=genanki.CLOZE_MODEL, fields=["{{c1::Canberra}} is in {{c2::Australia}}", ""]
        )
    )
    genanki.Package(deck).write_to_file(tmp_path / "foreign.apkg")
    read = read_apkg(tmp_path / "foreign.apkg")
    assert [(c.front, c.back, c.deck) for c in read] == [
        ("Capital of France", "Paris", "Foreign"),
        ("[...] is in Australia", "Canberra", "Foreign"),
        ("Canberra is in [...]", "Australia", "Foreign"),
    ]
    assert all(c.id.startswith("apkg-") for c in read)
    assert read_apkg(tmp_path / "foreign.apkg") == read  # stable ids


def test_the_new_compressed_format_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "new.apkg"
    placeholder = tmp_path / "collection.anki2"
    db = sqlite3.connect(placeholder)
    db.execute("CREATE TABLE notes (flds TEXT)")
    db.execute("INSERT INTO notes VALUES ('Please update to the latest Anki version')")
    db.commit()
    db.close()
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("collection.anki21b", b"\x28\xb5\x2f\xfd compressed")
        archive.write(placeholder, "collection.anki2")
    with pytest.raises(ApkgError, match="Support older Anki versions"):
        read_apkg(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"not a zip", "not an Anki package"), (None, "no collection")],
)
def test_unreadable_packages(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "bad.apkg"
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("media", "{}")
    else:
        path.write_bytes(content)
    with pytest.raises(ApkgError, match=message):
        read_apkg(path)


def test_a_collection_that_is_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "bad.apkg"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("collection.anki2", b"garbage" * 50)
    with pytest.raises(ApkgError, match="cannot read the collection"):
        read_apkg(path)


def test_html_to_text() -> None:
    assert html_to_text("a<br>b&nbsp;c <style>x{}</style><i>d</i>") == "a\nb c d"
    assert html_to_text('<img src="x.png" alt="map">') == "[image: map]"
