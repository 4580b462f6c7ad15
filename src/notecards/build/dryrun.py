"""What a build would change in the user's Anki: cards that are new, changed and gone.

Anki keeps a note that disappears from a package (import never deletes), so "gone" is
the interesting case: the user has to be told, and `--orphans-tag` can mark those notes
by sending them once more, unchanged but tagged, with a newer modification time (Anki
updates a note only when the incoming copy is newer).

The comparison is per Anki note (a card group, `Card.group`): each build records, per
output, a digest of every group's cards with enough to list it (`OutputRecord`). Without
a record (first build with a fresh cache) the previous package itself is read: new and
gone are then known by GUID, and the rest counts as unchanged.
"""

from __future__ import annotations

import hashlib
import html
import re
import sqlite3
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from notecards.ids import anki_guid
from notecards.model import Card


class GroupInfo(NamedTuple):
    """One Anki note as a listing needs it (a tuple: thousands are cached per vault)."""

    digest: str
    kind: str
    note: str
    line: int
    front: str
    model: str
    deck: str
    lang: str = ""

    def __reduce__(self) -> tuple[type[GroupInfo], tuple[object, ...]]:
        """Pickled as the class and its values: half the work of the named tuple's
        default (`__getnewargs__` and `copyreg`), for a cache entry per note."""
        return GroupInfo, tuple(self)


class Move(NamedTuple):
    """A note renamed without a stable id: the same cards under a new name (their ids,
    which hash the file name, change with it; see docs/identity.md)."""

    old: str  # the note's path in the previous build
    new: str  # its path now
    notes: int  # Anki notes it holds


@dataclass
class Diff:
    new: list[GroupInfo] = field(default_factory=list)
    changed: list[GroupInfo] = field(default_factory=list)
    gone: list[GroupInfo] = field(default_factory=list)
    unchanged: int = 0
    exact: bool = True  # False when compared by GUID only (no record of the last build)
    moved: list[Move] = field(default_factory=list)

    @property
    def nothing(self) -> bool:
        """True when the build would change nothing in Anki."""
        return not (self.new or self.changed or self.gone or self.moved)

    def to_json(self) -> dict:
        def rows(items: list[GroupInfo]) -> list[dict]:
            return [{"note": g.note, "line": g.line, "kind": g.kind, "front": g.front}
                    for g in items]  # fmt: skip

        return {
            "new": rows(self.new),
            "changed": rows(self.changed),
            "gone": rows(self.gone),
            "moved": [m._asdict() for m in self.moved],
            "unchanged": self.unchanged,
            "exact": self.exact,
        }


def group_digests(cards: Sequence[Card]) -> dict[str, GroupInfo]:
    """Every Anki note of `cards` by group id, with a digest of all its cards hold."""
    groups: dict[str, list[Card]] = {}
    for card in cards:
        groups.setdefault(card.group or card.id, []).append(card)
    out: dict[str, GroupInfo] = {}
    reprs: dict[tuple, str] = {}
    for key, members in groups.items():
        if len(members) == 1:  # most notes: one card
            first, text = members[0], card_repr(members[0], reprs)
        else:
            first = min(members, key=lambda c: c.ord)
            text = "".join([card_repr(card, reprs) for card in members])  # = an update each
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16)
        out[key] = GroupInfo(
            digest.hexdigest(),
            first.kind,
            first.note,
            first.line,
            first.front,
            first.model,
            first.deck,
            first.lang,
        )
    return out


def card_repr(card: Card, reprs: dict[tuple, str]) -> str:
    """`repr(card)` with its `mtime` as 0, the text the digests of every build record
    hash: content, never times, so a touched file or a `git checkout` changes nothing.
    Built faster than `repr`: the runs of fields a note's cards share (kind to note;
    deck to model) are written once per `reprs`, which lives for one call of
    `group_digests`."""
    head_key = (card.kind, card.extractor, card.note)
    head = reprs.get(head_key)
    if head is None:
        head = reprs[head_key] = (
            f", kind={card.kind!r}, extractor={card.extractor!r}, note={card.note!r}, line="
        )
    middle_key = (card.deck, card.tags, card.lang, card.source, card.model)
    middle = reprs.get(middle_key)
    if middle is None:
        middle = reprs[middle_key] = (
            f", deck={card.deck!r}, tags={card.tags!r}, lang={card.lang!r}, "
            f"source={card.source!r}, model={card.model!r}, fields="
        )
    return (
        f"Card(id={card.id!r}{head}{card.line!r}, front={card.front!r}, back={card.back!r}"
        f"{middle}{card.fields!r}, group={card.group!r}, ord={card.ord!r}, "
        f"items={card.items!r}, media={card.media!r}, mtime=0)"
    )


def compare(old: dict[str, GroupInfo], new: dict[str, GroupInfo]) -> Diff:
    diff = Diff()
    for key, info in new.items():
        before = old.get(key)
        if before is None:
            diff.new.append(info)
        elif before.digest != info.digest:
            diff.changed.append(info)
        else:
            diff.unchanged += 1
    diff.gone = [info for key, info in old.items() if key not in new]
    if diff.new and diff.gone:
        _find_moves(
            diff, {info.note for info in old.values()}, {info.note for info in new.values()}
        )
    return diff


def _find_moves(diff: Diff, old_notes: set[str], new_notes: set[str]) -> None:
    """Take out of `new` and `gone` the notes that were renamed: a note that is gone
    whose cards (by kind and question) are mostly those of a note that is new."""
    gone_by_note = _by_note(g for g in diff.gone if g.note and g.note not in new_notes)
    new_by_note = _by_note(g for g in diff.new if g.note and g.note not in old_notes)
    moved_old: set[str] = set()
    moved_new: set[str] = set()
    for new_note, new_items in sorted(new_by_note.items()):
        wanted = Counter((g.kind, g.front) for g in new_items)
        best, best_shared = "", 0
        for old_note, old_items in sorted(gone_by_note.items()):
            if old_note in moved_old:
                continue
            shared = sum((wanted & Counter((g.kind, g.front) for g in old_items)).values())
            if shared > best_shared:
                best, best_shared = old_note, shared
        # most of both notes' cards are the same questions: a rename, maybe with edits
        if best and 2 * best_shared >= max(len(new_items), len(gone_by_note[best])):
            moved_old.add(best)
            moved_new.add(new_note)
            diff.moved.append(Move(best, new_note, len(new_items)))
    diff.new = [g for g in diff.new if g.note not in moved_new]
    diff.gone = [g for g in diff.gone if g.note not in moved_old]


def _by_note(infos: Iterable[GroupInfo]) -> dict[str, list[GroupInfo]]:
    out: dict[str, list[GroupInfo]] = {}
    for info in infos:
        out.setdefault(info.note, []).append(info)
    return out


# ---------------------------------------------------------------- the previous package

_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True, slots=True)
class PackagedNote:
    guid: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    mod: int


def read_package(path: Path) -> dict[str, PackagedNote]:
    """The notes of an .apkg by GUID; empty when there is none or it cannot be read."""
    try:
        with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as folder:
            names = set(archive.namelist())
            inner = next((n for n in ("collection.anki21", "collection.anki2") if n in names), "")
            if not inner:
                return {}
            db_path = Path(archive.extract(inner, folder))
            db = sqlite3.connect(db_path)
            try:
                rows = db.execute("SELECT guid, flds, tags, mod FROM notes").fetchall()
            finally:
                db.close()
    except (OSError, zipfile.BadZipFile, sqlite3.Error):
        return {}
    return {
        guid: PackagedNote(guid, tuple(flds.split("\x1f")), tuple(tags.split()), mod)
        for guid, flds, tags, mod in rows
    }


def compare_with_package(previous: dict[str, PackagedNote], new: dict[str, GroupInfo]) -> Diff:
    """The fallback without a record: new and gone by GUID only."""
    diff = Diff(exact=False)
    guids = {anki_guid(key): info for key, info in new.items()}
    for guid, info in guids.items():
        if guid in previous:
            diff.unchanged += 1
        else:
            diff.new.append(info)
    for guid, note in previous.items():
        if guid not in guids:
            front = html.unescape(_TAG.sub(" ", note.fields[0] if note.fields else ""))
            diff.gone.append(GroupInfo("", "", "", 0, " ".join(front.split()), "", ""))
    return diff


def orphan_cards(
    gone: dict[str, GroupInfo], previous: dict[str, PackagedNote], tag: str
) -> list[Card]:
    """The gone notes once more, as they were in the previous package, tagged `tag`."""
    now = int(time.time())
    cards: list[Card] = []
    for key, info in gone.items():
        packaged = previous.get(anki_guid(key))
        if packaged is None or len(packaged.fields) < 2:
            continue
        front, back = packaged.fields[0], packaged.fields[1]
        source = html.unescape(packaged.fields[2]) if len(packaged.fields) > 2 else info.note
        plain_back = " ".join(html.unescape(_TAG.sub(" ", back)).split()) or "—"
        model = info.model if info.model in ("basic", "reversed", "cloze") else "basic"
        cards.append(
            Card(
                id=key,
                kind=info.kind or "orphan",
                extractor="orphan",
                note=info.note,
                line=info.line,
                front=info.front or "—",
                back=plain_back,
                deck=info.deck,
                tags=(*packaged.tags, tag),
                lang=info.lang or "en",
                source=source,
                model=model,  # type: ignore[arg-type]
                fields=(front, back),
                group=key,
                mtime=max(now, packaged.mod + 1),
            )
        )
    return cards
