"""Helpers for tests that check what the real Anki makes of our output.

`make_card` builds a `notecards.model.Card` with defaults for everything a test does not
care about; `new_collection` opens a fresh Anki collection under a folder;
`import_apkg` imports a package into it the way Anki's import dialog does by default
(update notes only when newer, no scheduling); the query helpers return plain Python
data so assertions read simply.

The anki package is heavy to import, so it is imported only inside these functions;
test modules that need it should call `pytest.importorskip("anki")` first.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from notecards.ids import card_id
from notecards.model import Card

if TYPE_CHECKING:
    from anki.collection import Collection

DEFAULT_MTIME = 1_750_000_000


def make_card(front: str = "What is HTTP?", back: str = "A protocol.", **overrides: Any) -> Card:
    """A Card with plausible defaults; `fields` default to the HTML-escaped front/back."""
    note = overrides.pop("note", "web/http.md")
    kind = overrides.pop("kind", "qa")
    values: dict[str, Any] = {
        "id": card_id(note, kind, front),
        "kind": kind,
        "extractor": "test",
        "note": note,
        "line": 1,
        "front": front,
        "back": back,
        "deck": "Vault::web",
        "tags": (),
        "lang": "en",
        "source": "HTTP basics › Caching",
        "fields": (front, back),
        "mtime": DEFAULT_MTIME,
    }
    values.update(overrides)
    return Card(**values)


def new_collection(folder: Path) -> Collection:
    """A fresh, empty Anki collection (with its media folder) inside `folder`."""
    from anki.collection import Collection

    folder.mkdir(parents=True, exist_ok=True)
    return Collection(str(folder / "collection.anki2"))


@contextmanager
def open_collection(folder: Path) -> Iterator[Collection]:
    """`new_collection`, closed afterwards."""
    col = new_collection(folder)
    try:
        yield col
    finally:
        col.close()


def import_apkg(col: Collection, path: Path, *, update: str = "if_newer", scheduling: bool = False):
    """Import a package as Anki's dialog does by default; returns the import log.

    `update` is "if_newer" (Anki's default), "always" or "never".
    """
    from anki import import_export_pb2 as pb
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    condition = {
        "if_newer": pb.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        "always": pb.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_ALWAYS,
        "never": pb.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_NEVER,
    }[update]
    options = ImportAnkiPackageOptions(
        merge_notetypes=False,
        update_notes=condition,
        update_notetypes=condition,
        with_scheduling=scheduling,
        with_deck_configs=False,
    )
    request = ImportAnkiPackageRequest(package_path=str(path), options=options)
    return col.import_anki_package(request).log


def import_csv(col: Collection, path: Path):
    """Import a text file with the options its `#` headers give; returns the import log."""
    from anki.collection import ImportCsvRequest

    metadata = col.get_csv_metadata(str(path), None)
    return col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log


def all_notes(col: Collection) -> dict[str, dict[str, Any]]:
    """Every note by GUID: id, note type, fields by name, tags, mod and its cards."""
    result: dict[str, dict[str, Any]] = {}
    for note_id in col.find_notes(""):
        note = col.get_note(note_id)
        notetype = note.note_type()
        assert notetype is not None
        result[note.guid] = {
            "id": note.id,
            "notetype": notetype["name"],
            "fields": dict(note.items()),
            "tags": sorted(note.tags),
            "mod": note.mod,
            "cards": note_cards(col, note.id),
        }
    return result


def note_cards(col: Collection, note_id: int) -> list[dict[str, Any]]:
    """The cards of one note, by template ord: id, deck name, interval, reps."""
    cards = []
    for cid in col.card_ids_of_note(note_id):
        card = col.get_card(cid)
        deck = col.decks.name(card.did)
        cards.append({"id": card.id, "ord": card.ord, "deck": deck, "ivl": card.ivl,
                      "reps": card.reps, "type": card.type})  # fmt: skip
    return sorted(cards, key=lambda c: c["ord"])


def deck_names(col: Collection) -> set[str]:
    """Every deck's full `A::B::C` name."""
    return {deck.name for deck in col.decks.all_names_and_ids()}


def note_type(col: Collection, name: str) -> dict[str, Any]:
    """A note type's legacy dict (`flds`, `tmpls`, `css`, `type`, …) by name."""
    notetype = col.models.by_name(name)
    assert notetype is not None, f"no note type {name!r}"
    return notetype


def media_files(col: Collection) -> dict[str, bytes]:
    """The files in the collection's media folder, by name."""
    folder = Path(col.media.dir())
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def revlog_count(col: Collection) -> int:
    return col.db.scalar("select count() from revlog")


def review_card(col: Collection, card_id: int, ease: int = 3) -> None:
    """Answer one card through the scheduler, as a user would: open its deck, answer."""
    did = col.get_card(card_id).did
    col.decks.select(did)
    # Anki answers only the card at the top of its queue: set the deck's other cards
    # aside while this one is answered, then put them back.
    others = [cid for cid in col.find_cards(f"did:{did}") if cid != card_id]
    col.sched.suspend_cards(others)
    try:
        queued = [q.card.id for q in col.sched.get_queued_cards(fetch_limit=100).cards]
        assert queued and queued[0] == card_id, "card not due"
        card = col.get_card(card_id)
        card.start_timer()
        col.sched.answerCard(card, ease)
    finally:
        col.sched.unsuspend_cards(others)


def read_tsv(path: Path) -> tuple[list[str], list[list[str]]]:
    """A text-import file split into its `#` header lines and its rows."""
    lines = path.read_text("utf-8").splitlines(keepends=True)
    headers = [line.rstrip("\n") for line in lines if line.startswith("#")]
    body = [line for line in lines if not line.startswith("#")]
    return headers, list(csv.reader(body, delimiter="\t"))
