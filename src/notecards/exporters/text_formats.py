"""JSON and CSV (tab-separated, for Anki's text import) writers.

JSON is the `cards --json` contract of DESIGN.md: one array of `Card.to_json()` objects,
in the order given, UTF-8, indented, so the same cards give the same bytes.

The text file has one row per Anki note (cards sharing a group are one row, as in the
.apkg), with Anki's file headers so its import dialog needs no setup:

    #separator:tab  #html:true  #columns:…  #tags column:3  #deck column:4  #guid column:5

The GUID column carries the same GUID as the .apkg, so re-importing updates notes in
place. No note type is named unless asked for (`notetype=`): Anki's stock note types
are named in the language of the collection, so the user picks one in the dialog (a
Cloze type for cloze rows). Fields pass through `clean_html` as in the .apkg.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from notecards.atomic import atomic_write_text
from notecards.exporters.apkg import anki_tags, group_cards
from notecards.ids import anki_guid
from notecards.model import Card
from notecards.render.sanitize import clean_html

_NEEDS_QUOTES = frozenset('\t\n\r"')


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
        lines.append("\t".join(_quote(value) for value in _row(key, group, allow_remote)))
    atomic_write_text(out, "".join(line + "\n" for line in lines))
    return len(groups)


def _headers(notetype: str | None) -> list[str]:
    headers = [
        "#separator:tab",
        "#html:true",
        "#columns:Front\tBack\tTags\tDeck\tGUID",
        "#tags column:3",
        "#deck column:4",
        "#guid column:5",
    ]
    if notetype:
        headers.append(f"#notetype:{_single_line(notetype)}")
    return headers


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
