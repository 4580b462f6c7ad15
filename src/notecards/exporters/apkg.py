"""Anki package (.apkg) export.

One module past 500 lines because the notes, the staging tables, the `col` row and
the zip must agree on one legacy format byte for byte; kept together, its promise of
a deterministic package is checked in one place.

genanki provides the note types (`genanki.Model`) and notes (`genanki.Note`, which also
works out which cards a Basic or reversed note has); the collection itself is written
here. genanki's `Deck.write_to_db` re-reads and re-writes the whole decks and models
JSON once per deck, which is quadratic for a vault with thousands of folders; this
writer builds the `col` row once and inserts notes and cards in bulk.

The output is deterministic: the same cards give a byte-identical file. Ids count up
from a base derived from the notes (their newest mtime: of the cards given, or, for a
whole-vault build, of every note read), JSON keys are sorted, media are numbered in
name order, and zip entries carry a fixed timestamp. The package is the
legacy format (`collection.anki2`, schema 11, `media` JSON map), which every Anki since
2.1 imports, AnkiDroid and AnkiMobile included.

Mapping (docs/identity.md): cards sharing `Card.group` (or `Card.id`, when the group
is empty) make one Anki note with GUID `ids.anki_guid(group)`; its `mod` is the newest
`Card.mtime`, so an unchanged source re-imports as a no-op and an edited one as an
update that keeps the cards' review history.

An empty card list writes nothing: the report carries the warning "no cards" and the
previous file at `out`, if any, is left alone.

Writing is in two steps, so that a build can stream: `prepare` turns some cards (a
source note's) into finished Anki notes, sanitized, tagged, with their card ords (the
pipeline does it in its workers and caches the result with the note); `ApkgWriter`
takes them as they come and writes the package at the end. When its id base is known
up front it writes them straight into the collection (`Collection`); otherwise they wait
on disk (`Stage`, shared by the packages of a split build) and are copied in at the end.
`write_apkg` is both steps over a list of cards; a staged writer gives the same bytes,
a `Collection` the same rows.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import html
import json
import os
import re
import shutil
import sqlite3
import stat
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import genanki
from genanki.apkg_schema import APKG_SCHEMA

from notecards.exporters.atomic import atomic_output
from notecards.exporters.note_types import STYLE_VERSION, model_json, note_types
from notecards.exporters.scratch import scratch_folder
from notecards.exporters.source_link import link_around, without_repeated_title
from notecards.extractors.anki_cloze import MAX_CLOZE_NUMBER
from notecards.ids import anki_guid, anki_object_id
from notecards.model import Card, Problem
from notecards.render.sanitize import clean_html

DEFAULT_DECK_ID = 1
DEFAULT_DECK = "Default"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest a zip entry can carry
ZIP_LEVEL = 1

# genanki's schema of a collection, its tables apart from its indexes
_SCHEMA_LINES = APKG_SCHEMA.splitlines()
_INDEX_LINES = [line for line in _SCHEMA_LINES if line.lstrip().upper().startswith("CREATE INDEX")]
_INDEXES = "\n".join(_INDEX_LINES)
_TABLES = "\n".join(line for line in _SCHEMA_LINES if line not in _INDEX_LINES)
_COL_INSERT = f"INSERT INTO col VALUES ({','.join('?' * 13)})"
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


# One Anki note, ready to be written: plain tuples, cheap to pickle, so that the pipeline
# can make them in its workers and keep them in the note cache with the cards.
class AnkiNote(NamedTuple):
    """One Anki note as the package stores it: what `prepare` makes per group of cards
    (and the cache keeps), and `ApkgWriter.add` writes as a row of the notes table."""

    guid: str
    model: str  # the note type's key in note_types.py
    mod: int
    tags: str  # as the collection stores them: " tag1 tag2 "
    fields: str  # joined by \x1f
    sort_field: str
    checksum: int
    cards: tuple[tuple[int, str], ...]  # (template ord, deck name) per card


class Prepared(NamedTuple):
    """What some cards (a source note's, as a rule) put into a package."""

    notes: tuple[AnkiNote, ...]
    warnings: tuple[Problem, ...]
    media: tuple[tuple[str, str, str, int], ...]  # (name, source, note, line) per embed
    newest: int  # the newest card mtime; 0 without cards
    cards: int  # how many Cards


# ---------------------------------------------------------------- public API


def write_apkg(
    cards: Sequence[Card], out: Path, *, allow_remote: bool = False, vault: str = ""
) -> ApkgReport:
    """Write `cards` as an Anki package at `out`, atomically; see the module docstring.
    `vault` (the vault's name) makes each Source field a link back to its note."""
    out = Path(out)
    if not cards:
        return _nothing_written(out)
    with ApkgWriter(allow_remote=allow_remote) as writer:
        writer.add(prepare(cards, allow_remote=allow_remote, vault=vault))
        return writer.finish(out)


def prepare(cards: Sequence[Card], *, allow_remote: bool = False, vault: str = "") -> Prepared:
    """The Anki notes of `cards` (grouped as `group_cards` does), sanitized and tagged.

    A group of cards never spans two source notes (a card id hashes the note's path),
    so the notes of a whole vault are the notes of each source note, in order."""
    maker = _NoteMaker(allow_remote, vault)
    notes = tuple(
        note
        for key, group in group_cards(cards).items()
        if (note := maker.make(key, group)) is not None
    )
    media = tuple(
        (name, source, card.note, card.line) for card in cards for name, source in card.media
    )
    newest = max((card.mtime for card in cards), default=0)
    return Prepared(notes, tuple(maker.warnings), media, newest, len(cards))


def anki_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags as Anki wants them: `#a/b c` → `a::b_c`; deduplicated, sorted.

    Anki compares tags without regard to case, so of two spellings the first in sort
    order is kept.
    """
    return _anki_tags(tuple(tags))


@lru_cache(maxsize=4096)
def _anki_tags(tags: tuple[str, ...]) -> tuple[str, ...]:
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
        if len(group) > 1:
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


@lru_cache(maxsize=65536)
def _anki_tag(tag: str) -> str:
    tag = _TAG_SPACES.sub("_", tag.strip().lstrip("#"))
    return "::".join(part for part in tag.replace("/", "::").split("::") if part.strip(":"))


@lru_cache(maxsize=4096)
def _source_text(source: str, allow_remote: bool) -> str:
    """The card's origin as HTML text (the same for many cards), its title once."""
    text = html.escape(without_repeated_title(source), quote=False)
    return clean_html(text, allow_remote=allow_remote)


def _source_field(card: Card, vault: str, allow_remote: bool) -> str:
    """The Source field: the origin, linked to the note in Obsidian (source_link.py)."""
    return link_around(_source_text(card.source, allow_remote), vault, card.note)


class _NoteMaker:
    """Anki notes out of card groups, for one `prepare` call: the cards of a note share
    their tags and deck, so the tag text and card placements are worked out once each."""

    def __init__(self, allow_remote: bool, vault: str = "") -> None:
        self.allow_remote = allow_remote
        self.vault = vault
        self.warnings: list[Problem] = []
        self._tag_texts: dict[tuple[str, ...], str] = {}
        self._placements: dict[tuple[tuple[int, ...], str], tuple[tuple[int, str], ...]] = {}

    def make(self, key: str, group: list[Card]) -> AnkiNote | None:
        """The Anki note for one group of cards, or None (with a warning) if it has no
        card."""
        first = group[0]
        single = len(group) == 1  # most notes: one card
        if not single and any(
            card.fields != first.fields or card.model != first.model for card in group[1:]
        ):
            self.warnings.append(_problem(first, "cards of one note differ; using the first"))
        allow_remote = self.allow_remote
        front = _clean_field(first.fields[0], first.model, allow_remote)
        back = _clean_field(first.fields[1], first.model, allow_remote)
        source = _source_field(first, self.vault, allow_remote)
        ords = _card_ords(first.model, front, back, source)
        if not ords:
            self.warnings.append(_problem(first, "no Anki card would show; note skipped"))
            return None
        if single:
            tags, cards, mod = first.tags, self._placed(ords, first.deck), first.mtime
        else:
            tags = tuple(tag for card in group for tag in card.tags)
            deck_by_ord = {card.ord: card.deck for card in group}
            cards = tuple((o, deck_by_ord.get(o, first.deck)) for o in ords)
            mod = max(card.mtime for card in group)
        sort_text = _sort_text(front)
        checksum = int.from_bytes(hashlib.sha1(sort_text.encode("utf-8")).digest()[:4], "big")
        fields = f"{front}\x1f{back}\x1f{source}"
        return AnkiNote(
            guid=anki_guid(key), model=first.model, mod=mod, tags=self._tag_text(tags),
            fields=fields, sort_field=sort_text, checksum=checksum, cards=cards,
        )  # fmt: skip

    def _tag_text(self, tags: tuple[str, ...]) -> str:
        """The tags as the collection stores them: space-separated, spaces around."""
        text = self._tag_texts.get(tags)
        if text is None:
            anki = _anki_tags(tags)
            text = self._tag_texts[tags] = f" {' '.join(anki)} " if anki else ""
        return text

    def _placed(self, ords: tuple[int, ...], deck: str) -> tuple[tuple[int, str], ...]:
        """(ord, deck) of each card of a single-card group."""
        cards = self._placements.get((ords, deck))
        if cards is None:
            cards = self._placements[(ords, deck)] = tuple((o, deck) for o in ords)
        return cards


# Text that looks like cloze markup is made inert with entities (`{&#123;c1:&#58;`); the
# sanitizer would turn them back into `{{c1::`, which Anki then reads as a deletion (and a
# `{{c70000::` into a card Anki cannot import). These stand in for them while it runs.
_INERT = (("{&#123;", "{\ue01b"), ("}&#125;", "}\ue01d"), (":&#58;", ":\ue01a"))


def _clean_field(html_text: str, model_key: str, allow_remote: bool) -> str:
    """`clean_html`, keeping a cloze field's inert markup inert."""
    if model_key != "cloze" or "&#" not in html_text:
        return clean_html(html_text, allow_remote=allow_remote)
    for entity, stand_in in _INERT:
        html_text = html_text.replace(entity, stand_in)
    cleaned = clean_html(html_text, allow_remote=allow_remote)
    for entity, stand_in in _INERT:
        cleaned = cleaned.replace(stand_in, entity)
    return cleaned


def _card_ords(model_key: str, front: str, back: str, source: str) -> tuple[int, ...]:
    """The template ords Anki generates cards for, as Anki would decide it: a cloze
    number past 65535 is no deletion, and every number from c500 up gives card 500."""
    if model_key == "cloze":
        numbers = {int(n) for n in _CLOZE_NUMBER.findall(front) if len(n) <= 5}
        return tuple(sorted({min(n, MAX_CLOZE_NUMBER) - 1 for n in numbers if 0 < n <= 65535}))
    return _front_back_ords(model_key, bool(front), bool(back), bool(source))


@lru_cache(maxsize=64)
def _front_back_ords(model_key: str, front: bool, back: bool, source: bool) -> tuple[int, ...]:
    """genanki's answer for a Basic or reversed note, which depends only on which fields
    are empty: asked once per pattern instead of once per note."""
    fields = ["x" if front else "", "x" if back else "", "x" if source else ""]
    note = genanki.Note(model=note_types()[model_key], fields=fields)
    return tuple(card.ord for card in note.cards)


def _nothing_written(out: Path) -> ApkgReport:
    warning = Problem(str(out), 0, "no cards: nothing written")
    return ApkgReport(path=out, notes=0, cards=0, decks=0, media=0, warnings=[warning])


# ---------------------------------------------------------------- writing, note by note


def _scratch_db(path: Path) -> sqlite3.Connection:
    """A database written once and read back at most once: no journal, no fsync (a
    crash loses nothing that is not rebuilt from the notes)."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    return db


class Stage:
    """Where the notes of packages being written wait, on disk, for their ids.

    Note and card ids count up from a base that depends on every card (their newest
    mtime), and the `col` row (decks, note types, note count) goes into the collection
    before the notes: neither is known until the last note has come. So each note's
    rows go here as it comes, with ids relative to its package, and `finish` copies
    them into the collection in one statement per table. The collection's pages are
    then exactly those of inserting every row in order, and memory holds no rows.
    Several packages (a split build) share one stage, each as a `part`.
    """

    def __init__(self) -> None:
        self.folder = scratch_folder()  # names this process: a later build sweeps it
        self.path = self.folder / "stage.db"
        self._parts = 0
        self._indexed = False
        self._db = _scratch_db(self.path)
        self._db.execute(
            "CREATE TABLE n (seq INTEGER PRIMARY KEY, part, rid, guid, mid, mod, tags, flds,"
            " sfld, csum)"
        )
        self._db.execute(
            "CREATE TABLE c (seq INTEGER PRIMARY KEY, part, rid, nid, did, ord, mod, due)"
        )

    def new_part(self) -> int:
        self._parts += 1
        return self._parts

    def insert(self, notes: list[tuple], cards: list[tuple]) -> None:
        if notes:
            self._db.executemany("INSERT INTO n VALUES (NULL,?,?,?,?,?,?,?,?,?)", notes)
        if cards:
            self._db.executemany("INSERT INTO c VALUES (NULL,?,?,?,?,?,?,?)", cards)

    def write_collection(self, path: Path, part: int, col_row: tuple, id_base: int) -> None:
        """The legacy (schema 11) collection of one part, its ids counting from `id_base`."""
        self._db.commit()
        if self._parts > 1 and not self._indexed:
            self._db.execute("CREATE INDEX n_part ON n (part, seq)")
            self._db.execute("CREATE INDEX c_part ON c (part, seq)")
            self._db.commit()
            self._indexed = True
        conn = _scratch_db(path)
        try:
            conn.executescript(APKG_SCHEMA)
            conn.execute(_COL_INSERT, col_row)
            conn.execute("ATTACH DATABASE ? AS stage", (str(self.path),))
            conn.execute(
                "INSERT INTO notes SELECT rid + ?1, guid, mid, mod, -1, tags, flds, sfld, csum,"
                " 0, '' FROM stage.n WHERE part = ?2 ORDER BY seq",
                (id_base, part),
            )
            conn.execute(
                "INSERT INTO cards SELECT rid + ?1, nid + ?1, did, ord, mod, -1, 0, 0, due,"
                " 0, 0, 0, 0, 0, 0, 0, 0, '' FROM stage.c WHERE part = ?2 ORDER BY seq",
                (id_base, part),
            )
            conn.commit()
            conn.execute("DETACH DATABASE stage")
        finally:
            conn.close()

    def close(self) -> None:
        self._db.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Stage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Collection:
    """One package's collection written as its notes come, when its id base is known
    before the first note (a whole-vault build knows its notes' newest mtime up front).

    The `col` row goes in first with placeholder values and gets its real ones at the
    end; notes and cards go straight into their tables with their final ids. Nothing
    is copied when the package is finished: the collection is ready. Takes the rows a
    `Stage` takes, and has the same interface, for one part."""

    def __init__(self, id_base: int) -> None:
        self.id_base = id_base
        self.folder = scratch_folder()
        self.path = self.folder / "collection.anki2"
        self._db = _scratch_db(self.path)
        self._db.executescript(_TABLES)  # the indexes come last: built once, not row by row
        self._db.execute(_COL_INSERT, (1, 0, 0, 0, 11, 0, 0, 0, "{}", "{}", "{}", "{}", "{}"))
        base = int(id_base)  # in the statements as a number: rows keep the Stage's form
        # stage rows: notes (part, rid, guid, mid, mod, tags, flds, sfld, csum),
        # cards (part, rid, nid, did, ord, mod, due)
        self._insert_notes = (
            f"INSERT INTO notes VALUES (?2 + {base}, ?3, ?4, ?5, -1, ?6, ?7, ?8, ?9, 0, '')"
        )
        self._insert_cards = (
            f"INSERT INTO cards VALUES (?2 + {base}, ?3 + {base}, ?4, ?5, ?6, -1, 0, 0, ?7,"
            " 0, 0, 0, 0, 0, 0, 0, 0, '')"
        )

    def new_part(self) -> int:
        return 1

    def insert(self, notes: list[tuple], cards: list[tuple]) -> None:
        if notes:
            self._db.executemany(self._insert_notes, notes)
        if cards:
            self._db.executemany(self._insert_cards, cards)

    def write_collection(self, path: Path, part: int, col_row: tuple, id_base: int) -> None:
        """Give the `col` row its values and close the collection, moved to `path`."""
        assert id_base == self.id_base, "a collection's ids were fixed when it was made"
        self._db.execute(_COL_INSERT.replace("INSERT", "INSERT OR REPLACE", 1), col_row)
        self._db.executescript(_INDEXES)
        self._db.commit()
        self._db.close()
        os.replace(self.path, path)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        shutil.rmtree(self.folder, ignore_errors=True)


class ApkgWriter:
    """One package, written from `Prepared` notes as they come (`add`), then `finish`ed.

    Staged, it gives the same bytes as `write_apkg` over all the cards at once; given
    an `id_base`, the same rows, written as they come. Memory holds the deck tree and
    the media names, not the notes: they are on disk.
    """

    def __init__(
        self, *, allow_remote: bool = False, stage: Stage | None = None, id_base: int = 0
    ) -> None:
        self.allow_remote = allow_remote
        self._own_stage = stage is None
        self._id_base = id_base
        self._stage: Stage | Collection
        if stage is not None:
            self._stage = stage
        else:
            self._stage = Collection(id_base) if id_base else Stage()
        self._part = self._stage.new_part()
        self._decks = DeckTree()
        self._deck_ids: dict[str, int] = {}
        self._warnings: list[Problem] = []
        self._media_warnings: list[Problem] = []
        self._media: dict[str, tuple[str, str, int]] = {}  # name → (source, note, line)
        self._models: set[str] = set()
        self._next_id = 0  # relative to the id base
        self._notes = 0
        self._anki_cards = 0
        self._cards = 0
        self._newest = 0

    @property
    def id_base(self) -> int:
        """The id base fixed before the first note (0: taken from the cards at the end).
        It is part of the package's bytes, so "unchanged" must compare it too."""
        return self._id_base

    def add_cards(self, cards: Sequence[Card]) -> None:
        self.add(prepare(cards, allow_remote=self.allow_remote))

    def add(self, prepared: Prepared) -> None:
        """The Anki notes of some cards, after those already added."""
        notes, warnings, media, newest, count = prepared
        self._warnings += warnings
        self._cards += count
        self._newest = max(self._newest, newest)
        for name, source, note_path, line in media:
            known = self._media.setdefault(name, (source, note_path, line))
            if known[0] != source:
                message = f"media {name!r} is also {known[0]}; using that"
                self._media_warnings.append(Problem(note_path, line, message))
        part, next_id, position = self._part, self._next_id, self._notes
        deck_ids, model_ids = self._deck_ids, _model_ids()
        note_rows: list[tuple] = []
        card_rows: list[tuple] = []
        for guid, model, mod, tags, fields, sort_text, checksum, cards in notes:
            note_rows.append(
                (part, next_id, guid, model_ids[model], mod, tags, fields, sort_text, checksum)
            )
            for offset, (ord_, deck) in enumerate(cards, start=1):
                deck_id = deck_ids.get(deck)
                if deck_id is None:
                    deck_id = deck_ids[deck] = self._decks.add(deck)
                card_rows.append((part, next_id + offset, next_id, deck_id, ord_, mod, position))
            self._models.add(model)
            self._anki_cards += len(cards)
            next_id += len(cards) + 1
            position += 1
        self._stage.insert(note_rows, card_rows)
        self._next_id, self._notes = next_id, position

    def finish(self, out: Path) -> ApkgReport:
        """Write the package at `out`, atomically; nothing when no card came."""
        out = Path(out)
        if not self._cards:
            return _nothing_written(out)
        checks: list[Problem] = []
        media = self._checked_media(checks)
        warnings = [*self._warnings, *self._media_warnings, *checks]
        id_base = self._id_base or package_id_base(self._newest)
        db_path = self._stage.folder / f"collection-{self._part}.anki2"
        try:
            self._stage.write_collection(db_path, self._part, self._col_row(id_base), id_base)
            with atomic_output(out) as temp:
                _write_zip(temp, db_path, media)
        finally:
            db_path.unlink(missing_ok=True)
        return ApkgReport(
            path=out,
            notes=self._notes,
            cards=self._anki_cards,
            decks=len(self._decks.names),
            media=len(media),
            warnings=warnings,
        )

    def close(self) -> None:
        if self._own_stage:
            self._stage.close()

    def __enter__(self) -> ApkgWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _checked_media(self, warnings: list[Problem]) -> list[tuple[str, Path]]:
        """Distinct media files by package name, in name order; bad ones become warnings."""
        media: list[tuple[str, Path]] = []
        for name in sorted(self._media):
            source, note_path, line = self._media[name]
            path = Path(source)
            if "/" in name or "\\" in name or name in {"", ".", ".."}:
                message = f"media {name!r} is not a plain file name; skipped"
                warnings.append(Problem(note_path, line, message))
            elif not path.is_file():
                warnings.append(Problem(note_path, line, f"media {name!r} not found: {path}"))
            else:
                media.append((name, path))
        return media

    def _col_row(self, mod_ms: int) -> tuple[Any, ...]:
        """The single `col` row: decks and note types serialized once, keys sorted."""
        mod = mod_ms // 1000
        deck_by_id = {DEFAULT_DECK_ID: DEFAULT_DECK} | {
            i: name for name, i in self._decks.names.items()
        }
        deck_map = {str(i): _deck_json(i, name, mod) for i, name in deck_by_id.items()}
        types = note_types()
        models = {types[key].model_id: types[key] for key in self._models}
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
            "nextPos": self._notes + 1,
            "sortBackwards": False,
            "sortType": "noteFld",
            "timeLim": 0,
        }
        dumps = _dumps
        return (1, mod, mod_ms, mod_ms, 11, 0, 0, 0, dumps(conf), dumps(model_map),
                dumps(deck_map), dumps(_DECK_CONFIG), "{}")  # fmt: skip


def package_id_base(newest: int) -> int:
    """Where a package's note and card ids count from: the newest mtime of its notes, in
    milliseconds (Anki reads a note id as its creation time); STYLE_VERSION is the floor
    so that cards without an mtime still get plausible ids."""
    return max(newest, STYLE_VERSION) * 1000


@lru_cache(maxsize=1)
def _model_ids() -> dict[str, int]:
    return {key: model.model_id for key, model in note_types().items()}


def _problem(card: Card, message: str) -> Problem:
    """A warning at the card's source line, reported like every other problem."""
    return Problem(card.note, card.line, message)


# ---------------------------------------------------------------- the collection


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


def _sort_text(field_html: str) -> str:
    """The first field without markup: Anki's sort field and duplicate checksum input."""
    if "<" not in field_html and "&" not in field_html:
        return field_html.strip()  # nothing to remove or unescape
    return html.unescape(_HTML_TAG.sub("", field_html)).strip()


# ---------------------------------------------------------------- the zip


def _zip_info(name: str) -> zipfile.ZipInfo:
    """A zip entry header that depends on nothing but the name (no clock, no platform)."""
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    # Fastest deflate: the zip is written after the last note, so it is all waiting time;
    # level 1 takes under half the time of the default for a package about a fifth larger.
    # (`compress_level` since Python 3.13, `_compresslevel` before.)
    level = "compress_level" if hasattr(info, "compress_level") else "_compresslevel"
    setattr(info, level, ZIP_LEVEL)
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
    """Copy one file in; opened without blocking and checked on the open descriptor, so
    a media file swapped for a FIFO or a device since it was found cannot hang the write."""
    fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as src:
        if not stat.S_ISREG(os.fstat(src.fileno()).st_mode):
            raise OSError(errno.EINVAL, f"not a regular file: {source}")
        with archive.open(_zip_info(name), "w") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)


# ---------------------------------------------------------------- schedules (--with-schedule)


def write_schedules(path: Path, schedules: Mapping[tuple[str, int], Any]) -> int:
    """Give the cards of the package at `path` the schedules other tools kept for them
    (`(note GUID, card ord)` → `schedules.Schedule`), as Anki's own review cards: type
    and queue 2, the interval in days, the ease as a factor in permille, the due day
    counted from the collection's creation day. Anki's import with "scheduling" keeps
    them; without it, they arrive as new cards. Rewrites the package atomically when a
    card of it has a schedule; returns how many cards got one."""
    if not schedules:
        return 0
    folder = scratch_folder()  # names this process: a later build sweeps it if killed
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if "collection.anki2" not in names:
                return 0
            archive.extractall(folder)
        db_path = Path(folder) / "collection.anki2"
        db = sqlite3.connect(db_path)
        try:
            changed = _schedule_cards(db, schedules)
            db.commit()
        finally:
            db.close()
        if changed:
            with atomic_output(path) as temp, zipfile.ZipFile(temp, "w") as archive:
                for name in names:
                    _copy_into(archive, name, Path(folder) / name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return changed


def _schedule_cards(db: sqlite3.Connection, schedules: Mapping[tuple[str, int], Any]) -> int:
    created = date.fromtimestamp(db.execute("SELECT crt FROM col").fetchone()[0])
    rows = db.execute(
        "SELECT cards.id, notes.guid, cards.ord, cards.type, cards.due, cards.ivl,"
        " cards.factor FROM cards JOIN notes ON notes.id = cards.nid"
    ).fetchall()
    updates = []
    for card_id, guid, ord_, *now in rows:
        schedule = schedules.get((guid, ord_))
        if schedule is None:
            continue
        wanted = (
            2,
            (schedule.due - created).days,
            schedule.interval,
            max(1300, schedule.ease * 10),
        )
        if tuple(now) != wanted:  # a package that has them already is left as it is
            updates.append((*wanted[1:], card_id))
    db.executemany(
        "UPDATE cards SET type = 2, queue = 2, due = ?, ivl = ?, factor = ?, reps = 1,"
        " left = 0 WHERE id = ?",
        updates,
    )
    return len(updates)
