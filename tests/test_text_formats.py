"""JSON and the tab-separated text file for Anki's text import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from anki_helpers import make_card, read_tsv
from notecards.exporters.text_formats import write_csv, write_json
from notecards.ids import anki_guid


@pytest.fixture
def cards() -> list:
    return [
        make_card("Что такое ETag?", "Идентификатор версии.", tags=("#http/caching",), lang="ru"),
        make_card("#1 rule", 'Say "no"\tthen\nwait', deck="Vault::Rules"),
        *[make_card("cat", "кошка", model="reversed", group="g", ord=o) for o in (0, 1)],
    ]


def test_json_is_the_cards_contract(cards: list, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "cards.json"
    assert write_json(cards, out) == 4
    text = out.read_text("utf-8")
    assert "Что такое ETag?" in text  # not \\u-escaped
    assert text.endswith("]\n") and text.startswith("[\n  {")
    assert json.loads(text) == [card.to_json() for card in cards]


def test_json_is_deterministic(cards: list, tmp_path: Path) -> None:
    write_json(cards, tmp_path / "a.json")
    write_json(list(cards), tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_csv_headers_and_rows(cards: list, tmp_path: Path) -> None:
    out = tmp_path / "cards.txt"
    assert write_csv(cards, out) == 3  # one row per Anki note
    headers, rows = read_tsv(out)
    assert headers == [
        "#separator:tab",
        "#html:true",
        "#notetype column:1",
        "#columns:Note type\tFront or Text\tBack or Back Extra\tTags\tDeck\tGUID",
        "#tags column:4",
        "#deck column:5",
        "#guid column:6",
    ]
    assert rows[0] == ["Basic", "Что такое ETag?", "Идентификатор версии.", "http::caching",
                       "Vault::web", anki_guid(cards[0].id)]  # fmt: skip
    assert rows[1][:3] == ["Basic", "#1 rule", 'Say "no"\tthen\nwait']
    assert rows[2][0] == "Basic (and reversed card)" and rows[2][5] == anki_guid("g")


def test_csv_first_column_starting_with_hash_is_quoted(cards: list, tmp_path: Path) -> None:
    write_csv(cards, tmp_path / "cards.txt")
    assert '\nBasic\t"#1 rule"\t' in (tmp_path / "cards.txt").read_text("utf-8")


def test_csv_fields_are_sanitized(tmp_path: Path) -> None:
    card = make_card(fields=("Q<script>x()</script>", '<img src="http://evil/x.png">A'))
    write_csv([card], tmp_path / "c.txt")
    assert read_tsv(tmp_path / "c.txt")[1][0][1:3] == ["Q", "A"]


def test_csv_notetype_header(cards: list, tmp_path: Path) -> None:
    write_csv(cards, tmp_path / "c.txt", notetype="Basic")
    assert read_tsv(tmp_path / "c.txt")[0][-1] == "#notetype:Basic"


def test_anki_imports_the_csv(cards: list, tmp_path: Path) -> None:
    pytest.importorskip("anki")
    from anki_helpers import all_notes, deck_names, import_csv, open_collection

    write_csv(cards, tmp_path / "cards.txt")
    with open_collection(tmp_path / "collection") as col:
        log = import_csv(col, tmp_path / "cards.txt")
        assert len(log.new) == 3
        notes = all_notes(col)
        first = notes[anki_guid(cards[0].id)]
        assert first["fields"] == {"Front": "Что такое ETag?", "Back": "Идентификатор версии."}
        assert first["tags"] == ["http::caching"]
        assert notes[anki_guid(cards[1].id)]["fields"]["Front"] == "#1 rule"
        assert notes[anki_guid(cards[1].id)]["cards"][0]["deck"] == "Vault::Rules"
        assert {"Vault::web", "Vault::Rules"} <= deck_names(col)

        again = import_csv(col, tmp_path / "cards.txt")  # same GUIDs: no new notes
        assert not again.new and col.note_count() == 3


@pytest.mark.slow
def test_anki_imports_every_note_type_and_the_media_from_a_built_csv(tmp_path: Path) -> None:
    """Issue 15 g: `build --format csv` on notes with a reversed pair, a cloze and an
    image gives a file Anki imports as those note types, with the image next to it."""
    pytest.importorskip("anki")
    import subprocess
    import sys

    from anki_helpers import all_notes, import_csv, open_collection

    vault = tmp_path / "vault"
    (vault / "img").mkdir(parents=True)
    (vault / "img" / "tls.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (vault / "tls.md").write_text(
        "---\ntags: [flashcards]\n---\n# TLS\n\n"
        "Port of HTTPS:::443\n\n"
        "The handshake agrees on {{c1::ciphers}} and {{c2::keys}}.\n\n"
        "What does the handshake look like?\n?\nLike this: ![[tls.png]]\n",
        encoding="utf-8",
    )
    script = Path(sys.executable).with_name("notecards")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "notecards"]
    out = tmp_path / "out"
    done = subprocess.run(
        [*command, "build", str(vault), "-o", str(out), "--format", "csv", "--no-cache"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    (text,) = list(out.glob("*.csv"))
    (image,) = list(out.glob("tls*.png"))  # the name the field uses, next to the file
    assert image.read_bytes()[:4] == b"\x89PNG"
    with open_collection(tmp_path / "collection") as col:
        log = import_csv(col, text)
        assert len(log.new) == 3, log
        notes = list(all_notes(col).values())
    by_type = {n["notetype"]: n for n in notes}
    assert set(by_type) == {"Basic", "Basic (and reversed card)", "Cloze"}
    assert len(by_type["Basic (and reversed card)"]["cards"]) == 2
    cloze = by_type["Cloze"]
    assert "{{c1::ciphers}}" in cloze["fields"]["Text"] and len(cloze["cards"]) == 2
    assert f'<img src="{image.name}"' in by_type["Basic"]["fields"]["Back"]
