"""The registry of extractors, in the order they run, and the one function that runs them.

Explicit card syntax comes first (what the user wrote as a card is a card, and its block
is not mined again); then the extractors that read structure and prose; the heading
extractor last, to fill only sections no better card covers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from operator import attrgetter
from pathlib import Path

from notecards.extractors.anki_cloze import extract_anki_cloze
from notecards.extractors.base import ExtractContext, Extractor
from notecards.extractors.code_tasks import extract_code_tasks
from notecards.extractors.comparisons import extract_comparisons
from notecards.extractors.definitions import extract_definitions
from notecards.extractors.enumerations import extract_enumerations
from notecards.extractors.explicit import extract_explicit
from notecards.extractors.headings import extract_headings
from notecards.extractors.http_messages import HTTP_KINDS, extract_http_messages
from notecards.extractors.procedures import extract_procedures
from notecards.extractors.properties import extract_properties
from notecards.extractors.purposes import extract_purposes
from notecards.extractors.questions import extract_questions
from notecards.extractors.reasons import extract_reasons
from notecards.ids import normalize_anchor
from notecards.lang import LanguagePack, pack_for
from notecards.model import DEFAULT_MIN_CONFIDENCE, Card, Note
from notecards.reader.metadata import meta_min_confidence, meta_skipped_kinds
from notecards.render.markup import EmbedNote
from notecards.render.plain import strip_html_tags
from notecards.text.guards import keep_mined
from notecards.text.personal import is_personal
from notecards.vault import Vault

_LINE = attrgetter("line")

EXTRACTORS: list[Extractor] = [
    # registry: one line per extractor, in running order
    Extractor("explicit", extract_explicit, kinds=("basic", "reversed", "cloze"), mined=False),
    Extractor("anki_cloze", extract_anki_cloze, kinds=("cloze",), mined=False),
    Extractor("http_messages", extract_http_messages, kinds=HTTP_KINDS),
    Extractor("questions", extract_questions, kinds=("question",)),
    Extractor("code_tasks", extract_code_tasks, kinds=("task",), guarded=False),
    Extractor("comparisons", extract_comparisons, kinds=("comparison", "pros", "cons")),
    Extractor("procedures", extract_procedures, kinds=("step", "sequence")),
    Extractor("purposes", extract_purposes, kinds=("purpose",)),
    Extractor("reasons", extract_reasons, kinds=("why",)),
    Extractor("definitions", extract_definitions, kinds=("definition", "term")),
    Extractor("properties", extract_properties, kinds=("property",)),
    Extractor("enumerations", extract_enumerations, kinds=("enumeration",)),
    Extractor("headings", extract_headings, kinds=("heading",)),
]


def extract_cards(
    note: Note,
    vault: Vault | None = None,
    note_path: Path | None = None,
    *,
    allow_remote: bool = False,
    embed_note: EmbedNote | None = None,
    extra_tags: tuple[str, ...] = (),
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> list[Card]:
    """All cards of one note, deduplicated, in document order per extractor; each card
    carries the note's tags and then `extra_tags`.

    This is the one place the threshold applies: a mined card whose confidence is below
    `min_confidence` (or the note's own `notecards: {min_confidence: …}`) is left out,
    and a note in a language without a pack gets its explicit cards only."""
    meta = dict(note.meta)
    enabled, skipped = meta_skipped_kinds(meta)
    if not enabled:
        return []
    threshold = meta_min_confidence(meta, min_confidence)
    pack = pack_for(note.lang)
    if pack is not None and is_personal(note, pack):
        pack = None  # personal writing: the cards the user wrote, nothing mined
    ctx = ExtractContext(note, vault, note_path, allow_remote, embed_note, extra_tags)
    cards: list[Card] = []
    for extractor in EXTRACTORS:
        if extractor.name in skipped or (extractor.mined and pack is None):
            continue
        found = [c for c in extractor.run(note, ctx) if c.kind not in skipped]
        if extractor.mined and extractor.guarded and pack is not None:
            found = [guarded(c, pack) for c in found]
        cards += [c for c in found if c.confidence >= threshold]
    return finalize(cards, ctx.normalized)


def guarded(card: Card, pack: LanguagePack) -> Card:
    """`card`, or, when a guard of `text.guards` bites, the card with confidence 0 and
    the guard's reason as its evidence (so `cards --all --why` can say why it is out)."""
    reason = keep_mined(card.front, card.back, pack)
    return replace(card, confidence=0.0, evidence=f"guard: {reason}") if reason else card


def finalize(cards: list[Card], normalize: Callable[[str], str] = normalize_anchor) -> list[Card]:
    """Drop cards with an empty side, a repeated id, or a front already asked, then put
    the rest in document order (a stable sort: cards of one line keep registry order).

    Extractors run in priority order, so when two ask the same thing the card of the
    more reliable one (explicit syntax before guessed prose) is the one kept.
    `normalize` is `normalize_anchor`, or the note's memo of it."""
    seen_ids: set[str] = set()
    seen_fronts: set[tuple[str, int]] = set()
    out: list[Card] = []
    for card in cards:
        front, back = card.front, card.back
        if "<" in front or "<" in back:
            front, back = strip_html_tags(front).strip(), strip_html_tags(back).strip()
            card = replace(card, front=front, back=back)
        if not front.strip() or not back.strip() or card.id in seen_ids:
            continue
        front_key = (normalize(front), card.ord)
        if card.model != "cloze" and front_key in seen_fronts:
            continue
        seen_ids.add(card.id)
        seen_fronts.add(front_key)
        out.append(card)
    out.sort(key=_LINE)
    return out
