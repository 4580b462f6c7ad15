"""The registry of extractors, in the order they run, and the one function that runs them.

Explicit card syntax comes first (what the user wrote as a card is a card, and its block
is not mined again); then the extractors that read structure and prose; the heading
extractor last, to fill only sections no better card covers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from operator import attrgetter
from pathlib import Path

from notecards.extractors.anki_cloze import extract_anki_cloze
from notecards.extractors.base import ExtractContext, Extractor
from notecards.extractors.code_tasks import extract_code_tasks
from notecards.extractors.comparisons import extract_comparisons
from notecards.extractors.definitions import extract_definitions
from notecards.extractors.enumerations import extract_enumerations
from notecards.extractors.explained_code import extract_explained_code
from notecards.extractors.explicit import extract_explicit
from notecards.extractors.flashcards_obsidian import extract_flashcards_obsidian
from notecards.extractors.headings import extract_headings
from notecards.extractors.http_messages import HTTP_KINDS, extract_http_messages
from notecards.extractors.labelled_items import extract_labelled_items
from notecards.extractors.needs import ANKI_CLOZE, COMPARISONS, HTTP_MESSAGES
from notecards.extractors.obsidian_to_anki import extract_obsidian_to_anki
from notecards.extractors.procedures import extract_procedures
from notecards.extractors.properties import extract_properties
from notecards.extractors.purposes import extract_purposes
from notecards.extractors.questions import extract_questions
from notecards.extractors.reasons import extract_reasons
from notecards.extractors.rules import extract_rules
from notecards.ids import normalize_anchor
from notecards.lang import LanguagePack, pack_for
from notecards.media_refs import MediaResolver
from notecards.model import DEFAULT_MIN_CONFIDENCE, Block, Card, Note, Problem
from notecards.reader.metadata import meta_min_confidence, meta_skipped_kinds
from notecards.render.markup import EmbedNote
from notecards.render.plain import code_with_tags, strip_html_tags
from notecards.switches import NoteSwitches
from notecards.text.guards import keep_mined
from notecards.text.personal import is_personal

_LINE = attrgetter("line")

EXTRACTORS: list[Extractor] = [
    # registry: one line per extractor, in running order
    Extractor(
        "obsidian_to_anki",
        extract_obsidian_to_anki,
        kinds=("basic", "reversed", "cloze"),
        mined=False,
    ),
    Extractor(
        "flashcards_obsidian",
        extract_flashcards_obsidian,
        kinds=("basic", "reversed", "cloze"),
        mined=False,
    ),
    Extractor("explicit", extract_explicit, kinds=("basic", "reversed", "cloze"), mined=False),
    Extractor("anki_cloze", extract_anki_cloze, kinds=("cloze",), mined=False, needs=ANKI_CLOZE),
    Extractor("http_messages", extract_http_messages, kinds=HTTP_KINDS, needs=HTTP_MESSAGES),
    Extractor("questions", extract_questions, kinds=("question",)),
    Extractor("code_tasks", extract_code_tasks, kinds=("task",), guarded=False),
    Extractor("explained_code", extract_explained_code, kinds=("code",), guarded=False),
    Extractor(
        "comparisons",
        extract_comparisons,
        kinds=("comparison", "pros", "cons"),
        needs=COMPARISONS,
    ),
    Extractor("rules", extract_rules, kinds=("rule",)),
    Extractor("procedures", extract_procedures, kinds=("step", "sequence")),
    Extractor("labelled_items", extract_labelled_items, kinds=("definition", "enumeration")),
    Extractor("purposes", extract_purposes, kinds=("purpose",)),
    Extractor("reasons", extract_reasons, kinds=("why",)),
    Extractor("definitions", extract_definitions, kinds=("definition", "term")),
    Extractor("properties", extract_properties, kinds=("property",)),
    Extractor("enumerations", extract_enumerations, kinds=("enumeration",)),
    Extractor("headings", extract_headings, kinds=("heading",)),
]


def extract_cards(
    note: Note,
    vault: MediaResolver | None = None,
    note_path: Path | None = None,
    *,
    allow_remote: bool = False,
    embed_note: EmbedNote | None = None,
    extra_tags: tuple[str, ...] = (),
    identity: str = "",
    switches: NoteSwitches | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    problems: list[Problem] | None = None,
) -> list[Card]:
    """All cards of one note, deduplicated, in document order per extractor; each card
    carries the note's tags and then `extra_tags`; `identity` is what card ids hash
    (`ids.note_identity`, worked out from the note alone when not given); `switches`
    are the vault settings' and the command line's for the note (vault_settings.py).

    This is the one place the threshold applies: a mined card whose confidence is below
    `min_confidence` (or the note's own `notecards: {min_confidence: …}`) is left out,
    and a note in a language without a pack gets its explicit cards only. Given
    `problems`, an extractor that fails is reported there and loses only its own cards
    (see `_run`)."""
    meta = dict(note.meta)
    enabled, skipped = meta_skipped_kinds(meta)
    if not enabled or (switches is not None and not switches.enabled):
        return []
    threshold = meta_min_confidence(meta, min_confidence)
    pack = pack_for(note.lang)
    if pack is not None and is_personal(note, pack):
        pack = None  # personal writing: the cards the user wrote, nothing mined
    if switches is not None:
        skipped |= switches.skip
        if not switches.mine:  # the settings, the note or --no-mine: nothing mined
            pack = None
    ctx = ExtractContext(
        note, vault, note_path, allow_remote, embed_note, extra_tags, identity, threshold
    )
    cards: list[Card] = []
    for extractor in EXTRACTORS:
        if extractor.name in skipped or (extractor.mined and pack is None):
            continue
        if extractor.needs is not None and extractor.needs.search(ctx.source) is None:
            continue  # what it looks for is not in the note (`Extractor.needs`)
        found = [c for c in _run(extractor, note, ctx, problems) if c.kind not in skipped]
        found = [c for c in found if c.confidence >= threshold]
        if extractor.mined and extractor.guarded and pack is not None:
            # after the threshold: a card it leaves out is not worth guarding (a quarter
            # of the mined cards of a vault; `cards --all` guards them all, threshold 0)
            found = [c for c in (guarded(c, pack) for c in found) if c.confidence >= threshold]
        cards += found
    if problems is not None:
        problems += ctx.problems
    return finalize(cards, ctx.normalized, note)


def guarded(card: Card, pack: LanguagePack) -> Card:
    """`card`, or, when a guard of `text.guards` bites, the card with confidence 0 and
    the guard's reason as its evidence (so `cards --all --why` can say why it is out)."""
    reason = keep_mined(card.front, card.back, pack)
    return replace(card, confidence=0.0, evidence=f"guard: {reason}") if reason else card


def _run(
    extractor: Extractor, note: Note, ctx: ExtractContext, problems: list[Problem] | None
) -> list[Card]:
    """One extractor's cards of `note`. A bug in it costs only these cards: it is
    reported in `problems` (without that list, it is raised for the caller to contain)."""
    if problems is None:
        return extractor.run(note, ctx)
    try:
        return extractor.run(note, ctx)
    except Exception as error:
        from notecards.failures import internal_error, stage_of

        name = f"extractor {extractor.name}"
        stage = stage_of(error, name)  # the knowledge or the renderer, when they raised
        stage = stage if stage.startswith("extractor") else f"{stage} ({name})"
        lost = f"its {extractor.name} cards skipped"
        problems.append(internal_error(note.path, 1, stage, error, lost))
        return []


def walk_sections(note: Note) -> Iterator[Block]:
    """The top-level blocks of every section of `note`."""
    for section in note.sections:
        yield from section.blocks


def finalize(
    cards: list[Card], normalize: Callable[[str], str] = normalize_anchor, note: Note | None = None
) -> list[Card]:
    """Drop cards with an empty side, a repeated id, or a front already asked, then put
    the rest in document order (a stable sort: cards of one line keep registry order).

    Extractors run in priority order, so when two ask the same thing the card of the
    more reliable one (explicit syntax before guessed prose) is the one kept.
    `normalize` is `normalize_anchor`, or the note's memo of it."""
    seen_ids: set[str] = set()
    seen_fronts: set[tuple[str, int]] = set()
    out: list[Card] = []
    code: frozenset[str] | None = None  # the note's code that shows tags as written
    for card in cards:
        front, back = card.front, card.back
        if "<" in front or "<" in back:
            if code is None:
                code = code_with_tags(walk_sections(note)) if note is not None else frozenset()
            front, back = strip_html_tags(front, code).strip(), strip_html_tags(back, code).strip()
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
