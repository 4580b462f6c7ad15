"""Read cards back from an Anki package, so a deck can be quizzed without its notes.

An .apkg is a zip holding a SQLite collection: `collection.anki21` or
`collection.anki2` (what notecards and genanki write, and what Anki writes with
"support older Anki versions"). Anki 2.1.50+ by default writes `collection.anki21b`,
zstd-compressed with another schema; that one is reported, not guessed at.

Each Anki card becomes one `Card`: front and back are the fields its templates show,
as plain text; a cloze note gives one card per deletion `cN`. A card's id is
`<guid>.<ord>` when the note came from notecards (GUID starting with "nc"), else a
hash of the GUID and ord: stable across exports either way. `group` keeps the GUID, so
the review state can match these cards with the same cards quizzed from notes.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from notecards.model import Card, NoteType

LEGACY_NAMES = ("collection.anki21", "collection.anki2")
FIELD_SEPARATOR = "\x1f"
_SPECIAL_FIELDS = {"FrontSide", "Tags", "Deck", "Subdeck", "Card", "Type", "CardFlag"}
_FIELD_REF = re.compile(r"\{\{([^#/^!}][^}]*)\}\}")
_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_BLOCK_TAGS = {"br", "div", "p", "li", "tr", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr"}


class ApkgError(Exception):
    """An .apkg this reader cannot use, worded for the user."""


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.out.append("\n")
        elif tag == "img":
            alt = dict(attrs).get("alt") or ""
            self.out.append(f"[image{': ' + alt if alt else ''}]")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip = max(self._skip - 1, 0)
        elif tag in _BLOCK_TAGS:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.out.append(data)


def html_to_text(fragment: str) -> str:
    """What a reader of the card sees, without markup; lines kept, runs of blanks folded."""
    parser = _TextOf()
    parser.feed(fragment)
    parser.close()
    text = html.unescape("".join(parser.out)).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _field_names(template: str) -> list[str]:
    names = []
    for ref in _FIELD_REF.findall(template):
        name = ref.split(":")[-1].strip()
        if name and name not in _SPECIAL_FIELDS and name not in names:
            names.append(name)
    return names


@dataclass(frozen=True, slots=True)
class _Model:
    name: str
    cloze: bool
    fields: list[str]
    templates: list[tuple[str, str]]  # (question format, answer format) by ord


def _models(raw: str) -> dict[int, _Model]:
    out = {}
    for mid, model in json.loads(raw or "{}").items():
        fields = [f["name"] for f in sorted(model.get("flds", []), key=lambda f: f.get("ord", 0))]
        templates = [
            (t.get("qfmt", ""), t.get("afmt", ""))
            for t in sorted(model.get("tmpls", []), key=lambda t: t.get("ord", 0))
        ]
        out[int(mid)] = _Model(model.get("name", ""), model.get("type") == 1, fields, templates)
    return out


def _cloze_sides(text: str, number: int) -> tuple[str, str, str]:
    """(front html, back text, back html) of deletion `number` of a cloze text."""
    answers: list[str] = []

    def front(match: re.Match[str]) -> str:
        if int(match.group(1)) != number:
            return match.group(2)
        answers.append(match.group(2))
        return f"[{match.group(3) or '...'}]"

    question = _CLOZE.sub(front, text)
    back_text = "; ".join(html_to_text(a) for a in answers)
    return question, back_text, _CLOZE.sub(lambda m: m.group(2), text)


def _card_id(guid: str, ord_: int) -> str:
    if guid.startswith("nc"):
        return f"{guid}.{ord_}"
    return "apkg-" + hashlib.blake2b(f"{guid}\x1f{ord_}".encode(), digest_size=8).hexdigest()


def _open_collection(path: Path, tmp: Path) -> Path:
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            for name in LEGACY_NAMES:
                if name in names:
                    target = tmp / name
                    target.write_bytes(package.read(name))
                    if "collection.anki21b" in names and _is_placeholder(target):
                        break
                    return target
    except (zipfile.BadZipFile, OSError) as error:
        raise ApkgError(f"{path}: not an Anki package ({error})") from None
    if "collection.anki21b" in names:
        raise ApkgError(
            f"{path}: written in Anki's newer compressed format (collection.anki21b), "
            "which notecards cannot read; export again from Anki with "
            '"Support older Anki versions" ticked'
        )
    raise ApkgError(f"{path}: not an Anki package (no collection.anki2 inside)")


def _is_placeholder(collection: Path) -> bool:
    """Anki's new exports add a legacy file whose only note says to update Anki."""
    try:
        with sqlite3.connect(f"file:{collection}?mode=ro", uri=True) as db:
            rows = db.execute("SELECT flds FROM notes LIMIT 2").fetchall()
    except sqlite3.Error:
        return True
    return len(rows) <= 1 and all("update to the latest" in r[0].lower() for r in rows)


def read_apkg(path: Path) -> list[Card]:
    """Every card of the package, in the order of its notes."""
    path = Path(path)
    if not path.is_file():
        raise ApkgError(f"{path}: no such file")
    with tempfile.TemporaryDirectory(prefix="notecards-apkg-") as tmp:
        collection = _open_collection(path, Path(tmp))
        try:
            db = sqlite3.connect(f"file:{collection}?mode=ro", uri=True)
            try:
                return _read_collection(db, path)
            finally:
                db.close()
        except (sqlite3.Error, json.JSONDecodeError, KeyError, ValueError, TypeError) as error:
            raise ApkgError(f"{path}: cannot read the collection inside ({error})") from None


def _read_collection(db: sqlite3.Connection, path: Path) -> list[Card]:
    models_raw, decks_raw = db.execute("SELECT models, decks FROM col").fetchone()
    models = _models(models_raw)
    if not models:
        raise ApkgError(
            f"{path}: the collection keeps its note types in a newer schema; export again "
            'from Anki with "Support older Anki versions" ticked'
        )
    decks = {int(k): v.get("name", "") for k, v in json.loads(decks_raw or "{}").items()}
    rows = db.execute(
        "SELECT n.guid, n.mid, n.mod, n.tags, n.flds, c.ord, c.did, n.id"
        " FROM cards c JOIN notes n ON n.id = c.nid ORDER BY n.id, c.ord"
    ).fetchall()
    cards = []
    for guid, mid, mod, tags, flds, ord_, did, _nid in rows:
        model = models.get(int(mid))
        if model is None:
            continue
        card = _make_card(path, model, guid, int(ord_), flds.split(FIELD_SEPARATOR), decks, did)
        if card is not None:
            cards.append(_with(card, tags=tuple(tags.split()), mtime=int(mod)))
    return cards


def _with(card: Card, **changes: Any) -> Card:
    from dataclasses import replace

    return replace(card, **changes)


def _make_card(
    path: Path,
    model: _Model,
    guid: str,
    ord_: int,
    values: list[str],
    decks: dict[int, str],
    did: int,
) -> Card | None:
    fields = dict(zip(model.fields, values, strict=False))
    # notecards' note types show a Source field on both sides: it is where, not what
    source = html_to_text(fields.pop("Source", ""))
    deck = decks.get(int(did), "") or path.stem
    note_type: NoteType
    if model.cloze:
        text_field = next(
            (name for q, _ in model.templates for name in _cloze_fields(q)),
            model.fields[0] if model.fields else "",
        )
        front_html, back, back_html = _cloze_sides(fields.get(text_field, ""), ord_ + 1)
        front = html_to_text(front_html)
        kind, note_type = "cloze", "cloze"
    else:
        if ord_ >= len(model.templates):
            return None
        qfmt, afmt = model.templates[ord_]
        asked = _field_names(qfmt)
        shown = [n for n in _field_names(afmt) if n not in asked]
        front_html = "<br>".join(fields[n] for n in asked if fields.get(n, "").strip())
        back_html = "<br>".join(fields[n] for n in shown if fields.get(n, "").strip())
        front, back = html_to_text(front_html), html_to_text(back_html)
        kind = "reversed" if len(model.templates) > 1 else "basic"
        note_type = "reversed" if len(model.templates) > 1 else "basic"
    if not front.strip():
        return None
    title = deck.split("::")[-1]
    return Card(
        id=_card_id(guid, ord_),
        kind=kind,
        extractor="apkg",
        note=path.name,
        line=0,
        front=front,
        back=back,
        deck=deck,
        tags=(),
        lang="",
        source=source or title,
        model=note_type,
        fields=(front_html, back_html),
        group=guid,
        ord=ord_,
    )


def _cloze_fields(template: str) -> list[str]:
    return [ref.split(":")[-1] for ref in _FIELD_REF.findall(template) if ref.startswith("cloze:")]
