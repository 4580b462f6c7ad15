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

A package is untrusted input (a shared deck): the collection is streamed out of the
zip with a cap on its declared and actual size (a zip bomb stops at the cap, in
memory and on disk), the JSON of note types and decks is checked for the shapes this
reader uses (`path: message`, never a traceback), fields over a size cap are skipped
with a message, and every scan of a field or template (clozes, field references) is
a linear `str.find` loop, not a backtracking regular expression.
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
MAX_COLLECTION_BYTES = 512 * 1024 * 1024  # a very large real deck is a tenth of this
MAX_NOTE_CHARS = 1024 * 1024  # all fields of one note: a flashcard, not a book
MAX_TEMPLATE_CHARS = 256 * 1024
MAX_CARD_ORD = 65535  # Anki stores a card's ord in 16 bits
_COPY_CHUNK = 1024 * 1024
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


def field_refs(template: str) -> list[str]:
    """What `{{…}}` references a template holds (no `}` inside, not `#`, `/`, `^`, `!`
    sections), scanning once: the next `}` is found once for a run of `{{`."""
    refs: list[str] = []
    start = template.find("{{")
    close = -1
    while start >= 0:
        if close < start + 2:
            close = template.find("}", start + 2)
            if close < 0:
                break
        content = template[start + 2 : close]
        if content and content[0] not in "#/^!" and template.startswith("}}", close):
            refs.append(content)
            start = template.find("{{", close + 2)
        else:
            start = template.find("{{", start + 1)
    return refs


@dataclass(frozen=True, slots=True)
class Deletion:
    """One `{{cN::answer::hint}}` of a cloze text, and where it is."""

    start: int
    end: int
    number: int
    answer: str
    hint: str | None


def cloze_deletions(text: str) -> list[Deletion]:
    """Anki's clozes, as its `{{c(\\d+)::(.*?)(::(.*?))?}}` reads them, in one pass:
    a deletion ends at the first `}}`, and its hint starts at the first `::`."""
    found: list[Deletion] = []
    start = text.find("{{c")
    while start >= 0:
        digits = start + 3
        end_digits = digits
        while end_digits < len(text) and text[end_digits].isascii() and text[end_digits].isdigit():
            end_digits += 1
        if end_digits == digits or not text.startswith("::", end_digits):
            start = text.find("{{c", start + 1)
            continue
        body = end_digits + 2
        close = text.find("}}", body)
        if close < 0:
            break  # no later deletion can close either
        content = text[body:close]
        answer, colons, hint = content.partition("::")
        number = int(text[digits:end_digits]) if end_digits - digits <= 6 else -1
        found.append(Deletion(start, close + 2, number, answer, hint if colons else None))
        start = text.find("{{c", close + 2)
    return found


def _field_names(template: str) -> list[str]:
    names = []
    for ref in field_refs(template):
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


class _Shape(Exception):
    """JSON inside the collection that is not shaped as Anki writes it."""


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Shape(f"{where} is {_kind(value)}, not an object")
    return value


def _items(value: Any, where: str) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise _Shape(f"{where} is {_kind(value)}, not a list of objects")
    return value


def _text(value: Any, where: str, limit: int = MAX_TEMPLATE_CHARS) -> str:
    if not isinstance(value, str):
        raise _Shape(f"{where} is {_kind(value)}, not text")
    if len(value) > limit:
        raise _Shape(f"{where} is longer than {limit} characters")
    return value


def _ordinal(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_CARD_ORD:
        raise _Shape(f"{where} is {value!r}, not a number from 0 to {MAX_CARD_ORD}")
    return value


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false"}
    return names.get(type(value), "a number" if isinstance(value, int | float) else "null")


def _model_id(key: str, where: str) -> int:
    try:
        return int(key)
    except ValueError:
        raise _Shape(f"{where}: note type id {key!r} is not a number") from None


def _models(raw: str) -> dict[int, _Model]:
    out = {}
    for mid, value in _mapping(json.loads(raw or "{}"), "col.models").items():
        where = f"note type {mid}"
        model = _mapping(value, where)
        fields = []
        for n, item in enumerate(_items(model.get("flds", []), f"{where}: flds")):
            fields.append((_ordinal(item.get("ord", n), f"{where}: field {n} ord"), n, item))
        names = [
            _text(f.get("name", ""), f"{where}: field name")
            for _, _, f in sorted(fields, key=lambda x: x[:2])
        ]
        templates = []
        for n, item in enumerate(_items(model.get("tmpls", []), f"{where}: tmpls")):
            place = _ordinal(item.get("ord", n), f"{where}: template {n} ord")
            pair = (
                _text(item.get("qfmt", ""), f"{where}: template {n} qfmt"),
                _text(item.get("afmt", ""), f"{where}: template {n} afmt"),
            )
            templates.append((place, n, pair))
        name = _text(model.get("name", ""), f"{where}: name")
        out[_model_id(mid, "col.models")] = _Model(
            name,
            model.get("type") == 1,
            names,
            [pair for _, _, pair in sorted(templates, key=lambda x: x[:2])],
        )
    return out


def _deck_names(raw: str) -> dict[int, str]:
    out = {}
    for did, value in _mapping(json.loads(raw or "{}"), "col.decks").items():
        deck = _mapping(value, f"deck {did}")
        out[_model_id(did, "col.decks")] = _text(deck.get("name", ""), f"deck {did}: name")
    return out


def _cloze_sides(text: str, number: int) -> tuple[str, str, str]:
    """(front html, back text, back html) of deletion `number` of a cloze text."""
    answers: list[str] = []
    front: list[str] = []
    back: list[str] = []
    last = 0
    for deletion in cloze_deletions(text):
        before = text[last : deletion.start]
        front.append(before)
        back.append(before)
        back.append(deletion.answer)
        if deletion.number == number:
            answers.append(deletion.answer)
            front.append(f"[{deletion.hint or '...'}]")
        else:
            front.append(deletion.answer)
        last = deletion.end
    front.append(text[last:])
    back.append(text[last:])
    back_text = "; ".join(html_to_text(a) for a in answers)
    return "".join(front), back_text, "".join(back)


def _card_id(guid: str, ord_: int) -> str:
    if guid.startswith("nc"):
        return f"{guid}.{ord_}"
    return "apkg-" + hashlib.blake2b(f"{guid}\x1f{ord_}".encode(), digest_size=8).hexdigest()


def _too_big(path: Path, name: str) -> ApkgError:
    return ApkgError(
        f"{path}: {name} inflates to more than {MAX_COLLECTION_BYTES // 2**20} MiB; "
        "not read (a damaged package, or a zip bomb)"
    )


def _extract(package: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, path: Path) -> None:
    """Copy one member out in chunks, stopping at the cap whatever the zip declares."""
    if info.file_size > MAX_COLLECTION_BYTES:
        raise _too_big(path, info.filename)
    written = 0
    with package.open(info) as source, target.open("wb") as out:
        while chunk := source.read(_COPY_CHUNK):
            written += len(chunk)
            if written > MAX_COLLECTION_BYTES:
                raise _too_big(path, info.filename)
            out.write(chunk)


def _open_collection(path: Path, tmp: Path) -> Path:
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            for name in LEGACY_NAMES:
                if name in names:
                    target = tmp / name
                    _extract(package, package.getinfo(name), target, path)
                    if "collection.anki21b" in names and _is_placeholder(target):
                        break
                    return target
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as error:
        raise ApkgError(f"{path}: not an Anki package ({error})") from None
    except OSError as error:
        raise ApkgError(f"{path}: cannot read the package ({error.strerror or error})") from None
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
    return read_apkg_with_problems(path)[0]


def read_apkg_with_problems(path: Path) -> tuple[list[Card], list[str]]:
    """Every card of the package, and a `path: message` for each note left out."""
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
        except _Shape as error:
            raise ApkgError(f"{path}: the collection inside is malformed: {error}") from None
        except (sqlite3.Error, json.JSONDecodeError, ValueError, TypeError) as error:
            raise ApkgError(f"{path}: cannot read the collection inside ({error})") from None


def _read_collection(db: sqlite3.Connection, path: Path) -> tuple[list[Card], list[str]]:
    row = db.execute("SELECT models, decks FROM col").fetchone()
    if row is None:
        raise _Shape("the col table is empty")
    models_raw, decks_raw = (_text(value, "col", 2**31) for value in row)
    models = _models(models_raw)
    if not models:
        raise ApkgError(
            f"{path}: the collection keeps its note types in a newer schema; export again "
            'from Anki with "Support older Anki versions" ticked'
        )
    decks = _deck_names(decks_raw)
    rows = db.execute(
        "SELECT n.guid, n.mid, n.mod, n.tags, n.flds, c.ord, c.did, n.id"
        " FROM cards c JOIN notes n ON n.id = c.nid ORDER BY n.id, c.ord"
    )
    cards = []
    skipped: dict[str, int] = {}
    for guid, mid, mod, tags, flds, ord_, did, _nid in rows:
        problem = _bad_row(guid, mid, mod, tags, flds, ord_, did)
        if problem is None and len(flds) > MAX_NOTE_CHARS:
            problem = f"notes longer than {MAX_NOTE_CHARS // 1024} KiB"
        if problem is not None:
            skipped[problem] = skipped.get(problem, 0) + 1
            continue
        model = models.get(mid)
        if model is None:
            skipped["cards of an unknown note type"] = (
                skipped.get("cards of an unknown note type", 0) + 1
            )
            continue
        card = _make_card(path, model, guid, ord_, flds.split(FIELD_SEPARATOR), decks, did)
        if card is not None:
            cards.append(_with(card, tags=tuple(tags.split()), mtime=mod))
    problems = [
        f"{path}: {count} card{'s' if count != 1 else ''} skipped: {what}"
        for what, count in sorted(skipped.items())
    ]
    return cards, problems


def _bad_row(
    guid: Any, mid: Any, mod: Any, tags: Any, flds: Any, ord_: Any, did: Any
) -> str | None:
    """Why a card row cannot be read (a wrong type, an ord out of range), or None."""
    if not all(isinstance(v, str) for v in (guid, tags, flds)):
        return "text columns that are not text"
    if not all(isinstance(v, int) for v in (mid, mod, did, ord_)):
        return "number columns that are not numbers"
    if not 0 <= ord_ <= MAX_CARD_ORD:
        return f"card ord outside 0-{MAX_CARD_ORD}"
    return None


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
    deck = decks.get(did, "") or path.stem
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
    return [ref.split(":")[-1] for ref in field_refs(template) if ref.startswith("cloze:")]
