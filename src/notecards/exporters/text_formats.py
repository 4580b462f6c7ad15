"""JSON and CSV (tab-separated, for Anki's text import) writers.

JSON is the `cards --json` contract (README, Commands): one array of `Card.to_json()` objects,
in the order given, UTF-8, indented, so the same cards give the same bytes.

The text file has one row per Anki note (cards sharing a group are one row, as in the
.apkg), with Anki's file headers so its import dialog needs no setup:

    #separator:tab  #html:true  #notetype column:1  #columns:…
    #tags column:4  #deck column:5  #guid column:6

The first column names each row's note type, one of Anki's stock types: "Basic",
"Basic (and reversed card)" (both directions) or "Cloze", whose text keeps Anki's
`{{c1::…}}` form. Those are the names an English collection has; `notetype=` names one
type for every row instead (the old five-column layout, for a collection in another
language). The GUID column carries the same GUID as the .apkg, so re-importing
updates notes in place. Fields pass through `clean_html` as in the .apkg, and the
images they show are copied next to the file, for the collection's media folder.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path

from notecards.exporters.apkg import anki_tags, group_cards
from notecards.exporters.atomic import atomic_write_text
from notecards.ids import anki_guid
from notecards.model import Card
from notecards.render.sanitize import clean_html

_NEEDS_QUOTES = frozenset('\t\n\r"')
# Anki's stock note types (English names) for our three models
STOCK_NOTE_TYPES = {"basic": "Basic", "reversed": "Basic (and reversed card)", "cloze": "Cloze"}


def write_json(cards: Sequence[Card], out: Path) -> int:
    """Write the cards as a JSON array; return how many were written."""
    text = json.dumps([card.to_json() for card in cards], ensure_ascii=False, indent=2)
    atomic_write_text(out, text + "\n")
    return len(cards)


def write_csv(
    cards: Sequence[Card], out: Path, *, notetype: str | None = None, allow_remote: bool = False
) -> int:
    """Write a tab-separated file for Anki's text import; return the number of rows (notes)."""
    lines = _headers(notetype)
    groups = group_cards(cards)
    for key, group in groups.items():
        row = _row(key, group, allow_remote)
        if not notetype:
            row = (STOCK_NOTE_TYPES.get(group[0].model, "Basic"), *row)
        lines.append("\t".join(_quote(value) for value in row))
    atomic_write_text(out, "".join(line + "\n" for line in lines))
    copy_media(cards, out.parent)
    return len(groups)


def copy_media(cards: Sequence[Card], folder: Path) -> list[str]:
    """Copy the files the cards show next to the text file (Anki's text import leaves
    media to the user: they go into the collection's media folder); return the names."""
    copied: list[str] = []
    for card in cards:
        for name, source in card.media:
            target = folder / name
            if name in copied or "/" in name or "\\" in name or name in ("", ".", ".."):
                continue
            if Path(source).is_file() and Path(source).resolve() != target.resolve():
                shutil.copyfile(source, target)
                copied.append(name)
    return copied


def _headers(notetype: str | None) -> list[str]:
    if notetype:
        return [
            "#separator:tab",
            "#html:true",
            "#columns:Front\tBack\tTags\tDeck\tGUID",
            "#tags column:3",
            "#deck column:4",
            "#guid column:5",
            f"#notetype:{_single_line(notetype)}",
        ]
    return [
        "#separator:tab",
        "#html:true",
        "#notetype column:1",
        "#columns:Note type\tFront or Text\tBack or Back Extra\tTags\tDeck\tGUID",
        "#tags column:4",
        "#deck column:5",
        "#guid column:6",
    ]


def _row(key: str, group: list[Card], allow_remote: bool) -> tuple[str, ...]:
    first = group[0]
    return (
        clean_html(first.fields[0], allow_remote=allow_remote),
        clean_html(first.fields[1], allow_remote=allow_remote),
        " ".join(anki_tags(tag for card in group for tag in card.tags)),
        first.deck,
        anki_guid(key),
    )


def _quote(value: str) -> str:
    """CSV quoting: quote when needed, and when a value starts with `#`, which Anki
    would otherwise read as a comment line."""
    if value.startswith("#") or any(ch in _NEEDS_QUOTES for ch in value):
        return '"' + value.replace('"', '""') + '"'
    return value


def _single_line(value: str) -> str:
    return " ".join(value.split())
