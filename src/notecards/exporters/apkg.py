"""Anki package (.apkg) export.

genanki provides the note types (`genanki.Model`) and notes (`genanki.Note`, which also
works out which cards a Basic or reversed note has); the collection itself is written
here. genanki's `Deck.write_to_db` re-reads and re-writes the whole decks and models
JSON once per deck, which is quadratic for a vault with thousands of folders; this
writer builds the `col` row once and inserts notes and cards in bulk.

The output is deterministic: the same cards give a byte-identical file. Ids count up
from a base derived from the cards (their newest mtime), JSON keys are sorted, media are
numbered in name order, and zip entries carry a fixed timestamp. The package is the
legacy format (`collection.anki2`, schema 11, `media` JSON map), which every Anki since
2.1 imports, AnkiDroid and AnkiMobile included.

Mapping (DESIGN.md, "Identity"): cards sharing `Card.group` (or `Card.id`, when the group
is empty) make one Anki note with GUID `ids.anki_guid(group)`; its `mod` is the newest
`Card.mtime`, so an unchanged source re-imports as a no-op and an edited one as an
update that keeps the cards' review history.

An empty card list writes nothing: the report carries the warning "no cards" and the
previous file at `out`, if any, is left alone.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import genanki
from genanki.apkg_schema import APKG_SCHEMA

from notecards.atomic import atomic_output
from notecards.exporters.note_types import STYLE_VERSION, model_json, note_types
from notecards.ids import anki_guid, anki_object_id
from notecards.model import Card, Problem
from notecards.render.sanitize import clean_html

DEFAULT_DECK_ID = 1
DEFAULT_DECK = "Default"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest a zip entry can carry

_CLOZE_NUMBER = re.compile(r"\{\{c(\d+)::")
_TAG_SPACES = re.compile(r"\s+")
_HTML_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True, slots=True)
class ApkgReport:
    """What `write_apkg` wrote: counts as Anki will see them, and what went wrong."""

    path: Path
    notes: int
    cards: int  # Anki cards: two per reversed note, one per cloze number
    decks: int  # decks in the package, ancestors included
    media: int
    warnings: list[Problem] = field(default_factory=list)  # what did not make it in


@dataclass(frozen=True, slots=True)
class _Note:
    """One Anki note, ready to be written."""

    guid: str
    model: genanki.Model
    fields: tuple[str, str, str]
    tags: tuple[str, ...]
    mod: int
    cards: tuple[tuple[int, int], ...]  # (template ord, deck id)


# ---------------------------------------------------------------- public API


def write_apkg(cards: Sequence[Card], out: Path, *, allow_remote: bool = False) -> ApkgReport:
    """Write `cards` as an Anki package at `out`, atomically; see the module docstring."""
    out = Path(out)
    if not cards:
        warning = Problem(str(out), 0, "no cards: nothing written")
        return ApkgReport(path=out, notes=0, cards=0, decks=0, media=0, warnings=[warning])
    warnings: list[Problem] = []
    decks = DeckTree()
    notes = [
        note
        for key, group in group_cards(cards).items()
        if (note := _make_note(key, group, decks, allow_remote, warnings)) is not None
    ]
    media = _collect_media(cards, warnings)
    with tempfile.TemporaryDirectory(prefix="notecards-") as folder:
        db_path = Path(folder) / "collection.anki2"
        _write_collection(db_path, notes, decks, _id_base(cards))
        with atomic_output(out) as temp:
            _write_zip(temp, db_path, media)
    return ApkgReport(
        path=out,
        notes=len(notes),
        cards=sum(len(note.cards) for note in notes),
        decks=len(decks.names),
        media=len(media),
        warnings=warnings,
    )


def anki_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags as Anki wants them: `#a/b c` → `a::b_c`; deduplicated, sorted.

    Anki compares tags without regard to case, so of two spellings the first in sort
    order is kept.
    """
    seen: dict[str, str] = {}
    for tag in sorted(_anki_tag(t) for t in tags):
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return tuple(seen.values())


def group_cards(cards: Iterable[Card]) -> dict[str, list[Card]]:
    """Cards by the Anki note they belong to, in first-seen order, each sorted by ord."""
    groups: dict[str, list[Card]] = {}
    for card in cards:
        groups.setdefault(card.group or card.id, []).append(card)
    for group in groups.values():
        group.sort(key=lambda c: c.ord)
    return groups


class DeckTree:
    """Deck names to ids, every ancestor included, so the `::` tree imports whole.

    Anki compares deck names without regard to case, so `A::b` and `A::B` are one deck
    here too: the first spelling seen wins, for the deck and everything below it.
    """

    def __init__(self) -> None:
        self._decks: dict[str, tuple[str, int]] = {}  # casefolded name → (name, id)

    @property
    def names(self) -> dict[str, int]:
        """Full deck name → deck id."""
        return dict(self._decks.values())

    def add(self, name: str) -> int:
        """Register a deck and its ancestors; return the deck's id."""
        parts = [part.strip() for part in name.split("::")]
        full, deck_id = "", DEFAULT_DECK_ID
        for part in [part for part in parts if part] or [DEFAULT_DECK]:
            full = f"{full}::{part}" if full else part
            key = full.casefold()
            if key not in self._decks:
                self._decks[key] = (full, self._new_id(full))
            full, deck_id = self._decks[key]
        return deck_id

    @staticmethod
    def _new_id(full: str) -> int:
        if full.casefold() == DEFAULT_DECK.casefold():
            return DEFAULT_DECK_ID
        return anki_object_id("deck", full)


# ---------------------------------------------------------------- cards → notes


def _anki_tag(tag: str) -> str:
    tag = _TAG_SPACES.sub("_", tag.strip().lstrip("#"))
    return "::".join(part for part in tag.replace("/", "::").split("::") if part.strip(":"))


def _make_note(
    key: str, group: list[Card], decks: DeckTree, allow_remote: bool, warnings: list[Problem]
) -> _Note | None:
    """The Anki note for one group of cards, or None (with a warning) if it has no card."""
    first = group[0]
    if any(card.fields != first.fields or card.model != first.model for card in group[1:]):
        warnings.append(_problem(first, "cards of one note differ; using the first"))
    model = note_types()[first.model]
    fields = (
        clean_html(first.fields[0], allow_remote=allow_remote),
        clean_html(first.fields[1], allow_remote=allow_remote),
        clean_html(html.escape(first.source, quote=False), allow_remote=allow_remote),
    )
    tags = anki_tags(tag for card in group for tag in card.tags)
    ords = _card_ords(model, fields, tags)
    if not ords:
        warnings.append(_problem(first, "no Anki card would show; note skipped"))
        return None
    deck_by_ord = {card.ord: card.deck for card in group}
    cards = tuple((o, decks.add(deck_by_ord.get(o, first.deck))) for o in ords)
    mod = max(card.mtime for card in group)
    return _Note(anki_guid(key), model, fields, tags, mod, cards)


def _card_ords(
    model: genanki.Model, fields: tuple[str, str, str], tags: Sequence[str]
) -> list[int]:
    """The template ords Anki generates cards for, as Anki would decide it."""
    if model.model_type == genanki.Model.CLOZE:
        return sorted({int(n) - 1 for n in _CLOZE_NUMBER.findall(fields[0]) if int(n) > 0})
    note = genanki.Note(model=model, fields=list(fields), tags=list(tags))
    return [card.ord for card in note.cards]


# ---------------------------------------------------------------- media


def _collect_media(cards: Iterable[Card], warnings: list[Problem]) -> list[tuple[str, Path]]:
    """Distinct media files by package name, in name order; missing ones become warnings."""
    sources: dict[str, tuple[str, Card]] = {}
    for card in cards:
        for name, source in card.media:
            known, _ = sources.setdefault(name, (source, card))
            if known != source:
                warnings.append(_problem(card, f"media {name!r} is also {known}; using that"))
    media: list[tuple[str, Path]] = []
    for name in sorted(sources):
        source, card = sources[name]
        path = Path(source)
        if "/" in name or "\\" in name or name in {"", ".", ".."}:
            warnings.append(_problem(card, f"media {name!r} is not a plain file name; skipped"))
        elif not path.is_file():
            warnings.append(_problem(card, f"media {name!r} not found: {path}"))
        else:
            media.append((name, path))
    return media


def _problem(card: Card, message: str) -> Problem:
    """A warning at the card's source line, reported like every other problem."""
    return Problem(card.note, card.line, message)


# ---------------------------------------------------------------- the collection


def _id_base(cards: Iterable[Card]) -> int:
    """Where note and card ids count from: the newest mtime in ms, never the clock.

    Anki reads a note id as its creation time; STYLE_VERSION is the floor so that cards
    without an mtime still get plausible ids.
    """
    newest = max((card.mtime for card in cards), default=0)
    return max(newest, STYLE_VERSION) * 1000


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _deck_json(deck_id: int, name: str, mod: int) -> dict[str, Any]:
    return {
        "collapsed": False,
        "browserCollapsed": False,
        "conf": 1,
        "desc": "",
        "dyn": 0,
        "extendNew": 0,
        "extendRev": 0,
        "id": deck_id,
        "lrnToday": [0, 0],
        "mod": mod,
        "name": name,
        "newToday": [0, 0],
        "revToday": [0, 0],
        "timeToday": [0, 0],
        "usn": -1,
    }


_DECK_CONFIG = {
    "1": {
        "autoplay": True,
        "dyn": False,
        "id": 1,
        "lapse": {"delays": [10], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0},
        "maxTaken": 60,
        "mod": 0,
        "name": "Default",
        "new": {
            "bury": False,
            "delays": [1, 10],
            "initialFactor": 2500,
            "ints": [1, 4, 0],
            "order": 1,
            "perDay": 20,
        },
        "replayq": True,
        "rev": {"bury": False, "ease4": 1.3, "ivlFct": 1, "maxIvl": 36500, "perDay": 200},
        "timer": 0,
        "usn": 0,
    }
}


def _col_row(notes: Sequence[_Note], decks: DeckTree, mod_ms: int) -> tuple[Any, ...]:
    """The single `col` row: decks and note types serialized once, keys sorted."""
    mod = mod_ms // 1000
    deck_by_id = {DEFAULT_DECK_ID: DEFAULT_DECK} | {i: name for name, i in decks.names.items()}
    deck_map = {str(i): _deck_json(i, name, mod) for i, name in deck_by_id.items()}
    models = {note.model.model_id: note.model for note in notes}
    model_map = {str(i): model_json(models[i], DEFAULT_DECK_ID) for i in sorted(models)}
    conf = {
        "activeDecks": [DEFAULT_DECK_ID],
        "addToCur": True,
        "collapseTime": 1200,
        "curDeck": DEFAULT_DECK_ID,
        "curModel": str(min(models, default=0)),
        "dueCounts": True,
        "estTimes": True,
        "newSpread": 0,
        "nextPos": len(notes) + 1,
        "sortBackwards": False,
        "sortType": "noteFld",
        "timeLim": 0,
    }
    dumps = _dumps
    return (1, mod, mod_ms, mod_ms, 11, 0, 0, 0, dumps(conf), dumps(model_map),
            dumps(deck_map), dumps(_DECK_CONFIG), "{}")  # fmt: skip


def _sort_text(field_html: str) -> str:
    """The first field without markup: Anki's sort field and duplicate checksum input."""
    return html.unescape(_HTML_TAG.sub("", field_html)).strip()


def _rows(notes: Sequence[_Note], id_base: int) -> tuple[list[tuple], list[tuple]]:
    """Note and card rows; ids count up from `id_base` like genanki's id generator."""
    note_rows: list[tuple] = []
    card_rows: list[tuple] = []
    next_id = id_base
    for position, note in enumerate(notes):
        note_id = next_id
        sort_text = _sort_text(note.fields[0])
        checksum = int(hashlib.sha1(sort_text.encode("utf-8")).hexdigest()[:8], 16)
        tags = f" {' '.join(note.tags)} " if note.tags else ""
        note_rows.append((note_id, note.guid, note.model.model_id, note.mod, -1, tags,
                          "\x1f".join(note.fields), sort_text, checksum, 0, ""))  # fmt: skip
        for offset, (ord_, deck_id) in enumerate(note.cards, start=1):
            card_rows.append((note_id + offset, note_id, deck_id, ord_, note.mod, -1,
                              0, 0, position, 0, 0, 0, 0, 0, 0, 0, 0, ""))  # fmt: skip
        next_id = note_id + len(note.cards) + 1
    return note_rows, card_rows


def _write_collection(path: Path, notes: Sequence[_Note], decks: DeckTree, id_base: int) -> None:
    """Write the legacy (schema 11) collection that goes into the package."""
    note_rows, card_rows = _rows(notes, id_base)
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.executescript(APKG_SCHEMA)
        conn.execute(
            f"INSERT INTO col VALUES ({','.join('?' * 13)})", _col_row(notes, decks, id_base)
        )
        conn.executemany(f"INSERT INTO notes VALUES ({','.join('?' * 11)})", note_rows)
        conn.executemany(f"INSERT INTO cards VALUES ({','.join('?' * 18)})", card_rows)
        conn.commit()
    finally:
        conn.close()


# ---------------------------------------------------------------- the zip


def _zip_info(name: str) -> zipfile.ZipInfo:
    """A zip entry header that depends on nothing but the name (no clock, no platform)."""
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3
    info.external_attr = 0o100644 << 16
    return info


def _write_zip(path: Path, db_path: Path, media: Sequence[tuple[str, Path]]) -> None:
    """collection.anki2, then media files as 0, 1, 2…, then the `media` name map."""
    with zipfile.ZipFile(path, "w") as archive:
        _copy_into(archive, "collection.anki2", db_path)
        for index, (_, source) in enumerate(media):
            _copy_into(archive, str(index), source)
        names = {str(index): name for index, (name, _) in enumerate(media)}
        archive.writestr(_zip_info("media"), json.dumps(names, ensure_ascii=False))


def _copy_into(archive: zipfile.ZipFile, name: str, source: Path) -> None:
    with source.open("rb") as src, archive.open(_zip_info(name), "w") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
