"""The .apkg writer, checked by reading the package back (zip + SQLite), without Anki.

tests/test_anki_import.py checks what the real Anki makes of the same packages.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anki_helpers import make_card
from notecards.exporters import apkg
from notecards.exporters.apkg import DeckTree, anki_tags, write_apkg
from notecards.exporters.note_types import CLOZE, REVERSED
from notecards.ids import anki_guid, anki_object_id


def read_package(path: Path, folder: Path) -> dict[str, Any]:
    """The package's entries, its media map and its tables, as plain data."""
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        media = json.loads(archive.read("media"))
        files = {name: archive.read(name) for name in media}
        db = folder / "collection.anki2"
        db.write_bytes(archive.read("collection.anki2"))
    conn = sqlite3.connect(db)
    try:
        conn.row_factory = sqlite3.Row
        col = dict(conn.execute("select * from col").fetchone())
        notes = [dict(r) for r in conn.execute("select * from notes order by id")]
        cards = [dict(r) for r in conn.execute("select * from cards order by id")]
    finally:
        conn.close()
    return {
        "infos": infos,
        "media": media,
        "files": files,
        "decks": json.loads(col["decks"]),
        "models": json.loads(col["models"]),
        "col": col,
        "notes": notes,
        "cards": cards,
    }


def reversed_pair(front: str = "cat", back: str = "кошка", **kw: Any) -> list:
    group = kw.pop("group", "g-reversed")
    return [make_card(front, back, model="reversed", group=group, ord=o, **kw) for o in (0, 1)]


def cloze_group(text: str, numbers: int = 2, **kw: Any) -> list:
    return [
        make_card(f"cloze {n}", "", model="cloze", group="g-cloze", ord=n, fields=(text, ""), **kw)
        for n in range(numbers)
    ]


@pytest.fixture
def sample(tmp_path: Path) -> list:
    image = tmp_path / "vault" / "diagram.png"
    image.parent.mkdir()
    image.write_bytes(b"\x89PNG\r\n\x1a\nfake")
    return [
        make_card(tags=("#web/http", "rfc 9110"), deck="Vault::Words::HTTP"),
        *reversed_pair(deck="Vault::Words"),
        *cloze_group(
            '{{c1::Paris}} is the capital of {{c2::France}} <img src="diagram.png">',
            media=(("diagram.png", str(image)),),
        ),
    ]


# ---------------------------------------------------------------- structure


def test_report_counts(sample: list, tmp_path: Path) -> None:
    report = write_apkg(sample, tmp_path / "out" / "deck.apkg")
    assert report.path == tmp_path / "out" / "deck.apkg"
    assert (report.notes, report.cards, report.media, report.warnings) == (3, 5, 1, [])
    # Vault, Vault::web, Vault::Words, Vault::Words::HTTP
    assert report.decks == 4


def test_zip_layout(sample: list, tmp_path: Path) -> None:
    package = read_package(write_apkg(sample, tmp_path / "d.apkg").path, tmp_path)
    assert [i.filename for i in package["infos"]] == ["collection.anki2", "0", "media"]
    assert {i.date_time for i in package["infos"]} == {apkg.ZIP_DATE}
    assert package["media"] == {"0": "diagram.png"}
    assert package["files"]["0"].startswith(b"\x89PNG")


def test_notes_and_cards(sample: list, tmp_path: Path) -> None:
    package = read_package(write_apkg(sample, tmp_path / "d.apkg").path, tmp_path)
    notes = {n["guid"]: n for n in package["notes"]}
    basic = notes[anki_guid(sample[0].id)]
    assert basic["flds"].split("\x1f") == ["What is HTTP?", "A protocol.", "HTTP basics › Caching"]
    assert basic["tags"] == " rfc_9110 web::http "
    assert basic["mod"] == sample[0].mtime
    assert basic["sfld"] == "What is HTTP?"
    by_note: dict[int, list[int]] = {}
    for card in package["cards"]:
        by_note.setdefault(card["nid"], []).append(card["ord"])
        assert (card["type"], card["queue"]) == (0, 0)  # new
    assert by_note[notes[anki_guid("g-reversed")]["id"]] == [0, 1]
    assert by_note[notes[anki_guid("g-cloze")]["id"]] == [0, 1]
    assert len({n["id"] for n in package["notes"]} | {c["id"] for c in package["cards"]}) == 8


def test_decks_include_every_ancestor(sample: list, tmp_path: Path) -> None:
    package = read_package(write_apkg(sample, tmp_path / "d.apkg").path, tmp_path)
    names = {d["name"]: int(i) for i, d in package["decks"].items()}
    expected = {"Vault", "Vault::web", "Vault::Words::HTTP", "Vault::Words"}
    assert set(names) == expected | {"Default"}
    for name in expected:
        assert names[name] == anki_object_id("deck", name)
    card_decks = {c["did"] for c in package["cards"]}
    assert card_decks == {names["Vault::Words::HTTP"], names["Vault::Words"], names["Vault::web"]}


def test_only_used_note_types_are_written(tmp_path: Path) -> None:
    package = read_package(write_apkg(reversed_pair(), tmp_path / "d.apkg").path, tmp_path)
    assert [m["name"] for m in package["models"].values()] == [REVERSED]


def test_fields_are_sanitized_and_source_escaped(tmp_path: Path) -> None:
    card = make_card(
        "<b>Q</b><script>alert(1)</script>",
        "",
        fields=(
            "<b>Q</b><script>alert(1)</script>",
            '<img src="https://x/y.png"><p onclick="x">A</p>',
        ),
        source="Generics <T> & co",
    )
    package = read_package(write_apkg([card], tmp_path / "d.apkg").path, tmp_path)
    assert package["notes"][0]["flds"].split("\x1f") == [
        "<b>Q</b>",
        "<p>A</p>",
        "Generics &lt;T&gt; &amp; co",
    ]


def test_remote_images_kept_when_allowed(tmp_path: Path) -> None:
    card = make_card(fields=("Q", '<img src="https://x/y.png">'))
    path = write_apkg([card], tmp_path / "d.apkg", allow_remote=True).path
    assert 'src="https://x/y.png"' in read_package(path, tmp_path)["notes"][0]["flds"]


# ---------------------------------------------------------------- determinism


@pytest.mark.slow
def test_same_cards_give_identical_bytes(sample: list, tmp_path: Path) -> None:
    first = write_apkg(sample, tmp_path / "a" / "deck.apkg").path.read_bytes()
    time.sleep(1.1)  # a clock-dependent field would now differ
    second = write_apkg(list(sample), tmp_path / "b" / "deck.apkg").path.read_bytes()
    assert first == second


def test_an_edit_changes_only_what_it_should(sample: list, tmp_path: Path) -> None:
    edited = [dataclasses.replace(sample[0], fields=("What is HTTP?", "Hypertext."), mtime=2**31)]
    before = read_package(write_apkg(sample[:1], tmp_path / "a.apkg").path, tmp_path)
    after = read_package(write_apkg(edited, tmp_path / "b.apkg").path, tmp_path)
    assert before["notes"][0]["guid"] == after["notes"][0]["guid"]
    assert after["notes"][0]["mod"] == 2**31


def test_ids_do_not_come_from_the_clock(tmp_path: Path) -> None:
    package = read_package(
        write_apkg([make_card(mtime=2_000_000_000)], tmp_path / "a").path, tmp_path
    )
    assert package["notes"][0]["id"] == 2_000_000_000_000
    assert package["col"]["mod"] == 2_000_000_000_000


# ---------------------------------------------------------------- notes from cards


def test_cloze_cards_follow_the_numbers_in_the_text(tmp_path: Path) -> None:
    text = "{{c1::a}} {{c3::b}} {{c3::c}} {{c1::d {{c2::nested}}}}"
    report = write_apkg(cloze_group(text, numbers=3), tmp_path / "d.apkg")
    package = read_package(report.path, tmp_path)
    assert [c["ord"] for c in package["cards"]] == [0, 1, 2]
    assert package["models"][str(anki_object_id("model", CLOZE))]["type"] == 1


def test_note_without_a_card_is_skipped_with_a_warning(tmp_path: Path) -> None:
    cards = [
        *cloze_group("no deletions here"),
        make_card("", "", fields=("", "an answer without question")),
        make_card("kept"),
    ]
    report = write_apkg(cards, tmp_path / "d.apkg")
    assert (report.notes, report.cards) == (1, 1)
    assert len(report.warnings) == 2
    assert all("note skipped" in w.message for w in report.warnings)


def test_cards_of_one_group_make_one_note_even_when_apart(tmp_path: Path) -> None:
    first, second = reversed_pair()
    report = write_apkg([first, make_card("other"), second], tmp_path / "d.apkg")
    assert (report.notes, report.cards) == (2, 3)


def test_group_falls_back_to_card_id(tmp_path: Path) -> None:
    card = make_card(group="")
    package = read_package(write_apkg([card], tmp_path / "d.apkg").path, tmp_path)
    assert package["notes"][0]["guid"] == anki_guid(card.id)


def test_empty_deck_name_goes_to_default(tmp_path: Path) -> None:
    package = read_package(write_apkg([make_card(deck="")], tmp_path / "d.apkg").path, tmp_path)
    assert package["cards"][0]["did"] == 1


def test_deck_tree_normalizes_names() -> None:
    tree = DeckTree()
    assert tree.add(" A :: B ::") == anki_object_id("deck", "A::B")
    assert tree.add("") == 1
    assert tree.add("default") == 1
    assert set(tree.names) == {"A", "A::B", "Default"}


def test_deck_names_differing_in_case_are_one_deck() -> None:
    tree = DeckTree()
    tree.add("Vault::Web")
    assert tree.add("vault::web::HTTP") == anki_object_id("deck", "Vault::Web::HTTP")
    assert set(tree.names) == {"Vault", "Vault::Web", "Vault::Web::HTTP"}


# ---------------------------------------------------------------- tags


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (("#a/b",), ("a::b",)),
        (("two words", "#x"), ("two_words", "x")),
        (("b", "a", "b", "#a"), ("a", "b")),
        (("Tag", "tag"), ("Tag",)),
        (("", "#", "/", "::"), ()),
        (("a//b", "/x/", "c::"), ("a::b", "c", "x")),
        (("заметки/http",), ("заметки::http",)),
    ],
)
def test_anki_tags(tags: tuple[str, ...], expected: tuple[str, ...]) -> None:
    assert anki_tags(tags) == expected


@pytest.mark.slow
@given(st.lists(st.text(max_size=12), max_size=8))
def test_anki_tags_are_always_valid(tags: list[str]) -> None:
    result = anki_tags(tags)
    assert list(result) == sorted(result)
    assert len({t.casefold() for t in result}) == len(result)
    for tag in result:
        assert tag and not tag.startswith("#") and "/" not in tag
        assert all(tag.split("::")), tag
        assert not any(ch.isspace() for ch in tag)


# ---------------------------------------------------------------- media, errors, files


def test_media_stored_once_and_missing_files_warn(tmp_path: Path) -> None:
    image = tmp_path / "a.png"
    image.write_bytes(b"png")
    media = (("a.png", str(image)), ("gone.png", str(tmp_path / "gone.png")))
    cards = [make_card(f"q{i}", media=media) for i in range(5)]
    report = write_apkg(cards, tmp_path / "d.apkg")
    assert report.media == 1
    assert [str(w) for w in report.warnings] == [
        f"web/http.md:1: media 'gone.png' not found: {tmp_path / 'gone.png'}"
    ]
    assert read_package(report.path, tmp_path)["media"] == {"0": "a.png"}


def test_media_numbered_in_name_order(tmp_path: Path) -> None:
    for name in ("b.png", "a.png"):
        (tmp_path / name).write_bytes(name.encode())
    card = make_card(media=(("b.png", str(tmp_path / "b.png")), ("a.png", str(tmp_path / "a.png"))))
    package = read_package(write_apkg([card], tmp_path / "d.apkg").path, tmp_path)
    assert package["media"] == {"0": "a.png", "1": "b.png"}
    assert package["files"] == {"0": b"a.png", "1": b"b.png"}


def test_no_cards_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    out.write_bytes(b"previous")
    report = write_apkg([], out)
    assert [w.message for w in report.warnings] == ["no cards: nothing written"]
    assert report.notes == 0
    assert out.read_bytes() == b"previous"


def test_failed_write_keeps_the_previous_package(
    sample: list, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "deck.apkg"
    out.write_bytes(b"previous")

    def broken(path: Path, *args: object) -> None:
        path.write_bytes(b"partial")
        raise OSError("disk full")

    monkeypatch.setattr(apkg, "_write_zip", broken)
    with pytest.raises(OSError):
        write_apkg(sample, out)
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["deck.apkg"]


@pytest.mark.slow
def test_thousands_of_decks_are_fast(tmp_path: Path) -> None:
    cards = [
        make_card(f"q{i}", deck=f"Vault::F{i // 100}::D{i}", note=f"n{i}.md") for i in range(3000)
    ]
    start = time.perf_counter()
    report = write_apkg(cards, tmp_path / "big.apkg")
    elapsed = time.perf_counter() - start
    assert report.decks == 1 + 30 + 3000 and report.notes == 3000
    assert elapsed < 3.0, f"{elapsed:.2f}s"


def test_conflicts_are_warnings_not_errors(tmp_path: Path) -> None:
    (tmp_path / "one.png").write_bytes(b"1")
    (tmp_path / "two.png").write_bytes(b"2")
    first, second = reversed_pair()
    cards = [
        dataclasses.replace(first, media=(("x.png", str(tmp_path / "one.png")),)),
        dataclasses.replace(second, fields=("other", "fields")),
        make_card("q", media=(("x.png", str(tmp_path / "two.png")), ("sub/y.png", "/y.png"))),
    ]
    report = write_apkg(cards, tmp_path / "d.apkg")
    assert (report.notes, report.cards, report.media) == (2, 3, 1)
    assert [str(w) for w in report.warnings] == [
        "web/http.md:1: cards of one note differ; using the first",
        f"web/http.md:1: media 'x.png' is also {tmp_path / 'one.png'}; using that",
        "web/http.md:1: media 'sub/y.png' is not a plain file name; skipped",
    ]
    assert read_package(report.path, tmp_path)["files"] == {"0": b"1"}


def test_media_swapped_for_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    import os
    import zipfile

    import pytest

    from notecards.exporters.apkg import _copy_into

    fifo = tmp_path / "pic.png"
    os.mkfifo(fifo)
    with zipfile.ZipFile(tmp_path / "x.zip", "w") as archive, pytest.raises(OSError):
        _copy_into(archive, "0", fifo)
