"""Enumerations: the members of a set the note lists, as one card with `items`.

Inline: "… протоколов, таких как HTTP, HTTPS и WebSockets" / "such as A, B, and C" /
"например", "включая", "including", "X includes A, B and C", "X consists of …". The card
asks with the sentence itself, the members blanked ("…"), which is always grammatical
and true to the note; "X consists of A and B" asks "What does X consist of?".

Lists (numbered ones too, when they are not steps) introduced by a sentence ending
with ":" give the intro sentence as the question and the items (or their emphasised heads,
"**A** — …") as the answer.

Members must be short (no verbs, a few words each), 2 to 12 of them; "и другие",
"etc." are dropped from `items` and said in the answer as "и другие" / "and others".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from notecards.extractors.base import ExtractContext
from notecards.extractors.definitions import prose_sentences, prose_vocabulary
from notecards.extractors.list_shapes import (
    is_bare_noun,
    is_example_owner,
    is_link_list,
    is_question_list,
    set_front,
    set_question,
)
from notecards.lang import LanguagePack, pack_for
from notecards.model import Block, Card, ListBlock, Note, Paragraph, Quote, Section
from notecards.text.cues import caseless
from notecards.text.math_text import math_as_text
from notecards.text.note_text import NoteText
from notecards.text.sentences import Flat
from notecards.text.terms import (
    Vocabulary,
    clean_term,
    is_term,
    key,
    leading_term,
    looks_like_verb,
)

NAME = "enumerations"
# how often such cards are kept (a strict reading of samples from real vaults): a list
# after a lead-in that announces a set ("Three types of bus exist:") 4 of 9 in all,
# most of them announced sets; members blanked in a sentence 1 of 5
CONFIDENCE = {"consists": 0.6, "announced": 0.6, "bullets": 0.45, "inline": 0.4, "open": 0.4}
# ("open": a set whose owner judges or leaves it open, "Common hashing schemes include:",
# names the members the note chose, not all there are)
ITEMS = (2, 12)
MAX_INLINE_ITEM_WORDS = 5
MAX_LIST_ITEM_WORDS = 8
MIN_INTRO_WORDS = 3  # the words before "such as": enough to say what is listed
MIN_LIST_INTRO_WORDS = 2  # "Основные методы:" names its subject, "Examples:" does not
SHORT_ITEM_WORDS = 3  # all items this short: one line, comma-separated

# `caseless` patterns search `Flat.lowered`; what a match covers is read from
# `Flat.masked` or `Flat.text` by its offsets.
_MARKERS = caseless(
    r"(?:^|[\s,(])(таких как|такие как|такой как|такая как|такое как|например,?|включая"
    r"|в том числе|such as|including|e\.g\.,?|for example,?)\s+"
)
_CONSISTS = caseless(
    r"\s+(состоит из|состоят из|consists of|consist of|is made up of|are made up of)\s+"
)
_INCLUDES = caseless(r"\s+(включает в себя|включают в себя|включает|включают|includes|include)\s+")


def _hints(*substrings: str) -> re.Pattern[str]:
    """One search for any of `substrings` (literal text)."""
    return re.compile("|".join(map(re.escape, substrings)))


# Substrings that the folded text (`Flat.lowered`, see `text/cues.py`) holds wherever
# the pattern above matches: most sentences hold none, and a literal search is far
# cheaper than a case-insensitive one.
_MARKER_WORDS = ("как", "напр", "ключа", "м ч", "uch a", "ncl", "e.g.", "for exa")
_CONSISTS_WORDS = ("состо", "consist", "made up of")
_INCLUDES_WORDS = ("ключа", "nclude")
_MARKER_HINTS = _hints(*_MARKER_WORDS)
_CONSISTS_HINTS = _hints(*_CONSISTS_WORDS)
_INCLUDES_HINTS = _hints(*_INCLUDES_WORDS)
_ANY_HINTS = _hints(*_MARKER_WORDS, *_CONSISTS_WORDS, *_INCLUDES_WORDS)  # most hold none
_GENERIC_INTROS = frozenset(
    key(x)
    for x in (
        "for example",
        "for instance",
        "as follows",
        "see also",
        "к примеру",
        "например так",
        "см. также",
        "а именно",
        "вот так",
    )
)
_TASK = re.compile(r"\s*[-*+]\s+\[[ xX]\]\s")
_SPLIT = re.compile(r"\s*,\s*|\s*;\s*")
_LAST_SPLIT = re.compile(r"\s+(?:и|или|а также|and|or|as well as)\s+", re.IGNORECASE)
_LEADING_CONJ = re.compile(r"^(?:и|или|а также|and|or|as well as)\s+", re.IGNORECASE)
_OTHERS = frozenset(
    key(x)
    for x in (
        "других",
        "другие",
        "др",
        "др.",
        "прочих",
        "прочие",
        "многих других",
        "многие другие",
        "т. д.",
        "т.д.",
        "т. п.",
        "т.п.",
        "так далее",
        "тому подобное",
        "others",
        "many others",
        "more",
        "many more",
        "so on",
        "etc",
        "etc.",
        "the like",
    )
)


@dataclass(frozen=True, slots=True)
class Enumeration:
    front: str
    items: tuple[str, ...]
    others: bool  # the note says "and others"
    anchor: str
    pattern: str  # consists | inline | bullets | announced: what announced the members
    # what the set is of ("bus", "a block"): a generic one is asked within its subject
    about: str = ""


def _items(segment: str, max_words: int) -> tuple[list[str], bool] | None:
    """Split "A, B, C и D" into members; None when any member is not a short term."""
    parts = [p for p in _SPLIT.split(segment.strip()) if p.strip()]
    if not parts:
        return None
    last = _LEADING_CONJ.sub("", parts[-1].strip())
    parts = parts[:-1] + _LAST_SPLIT.split(last)
    items: list[str] = []
    others = False
    for part in parts:
        item = clean_term(_LEADING_CONJ.sub("", part.strip()))
        if key(item) in _OTHERS or key(item.rstrip(".")) in _OTHERS:
            others = True
            continue
        if not _item_ok(item, max_words):
            return None
        items.append(item)
    if not ITEMS[0] <= len(items) <= ITEMS[1] or len({key(i) for i in items}) != len(items):
        return None
    return items, others


def _item_ok(item: str, max_words: int) -> bool:
    words = item.split()
    if not 1 <= len(words) <= max_words or not any(c.isalnum() for c in item):
        return False
    if any(c in item for c in ".!?:") and not is_term(item):
        return False
    return not any(looks_like_verb(w) for w in words)


def _answer(items: list[str] | tuple[str, ...], others: bool, pack: LanguagePack) -> str:
    """Short members on one line ("A, B и другие"), longer ones one per line."""
    phrases = pack.words
    if all(len(i.split()) <= SHORT_ITEM_WORDS for i in items):
        text = ", ".join(items)
        return f"{text} {phrases['others']}" if others else text
    lines = [f"• {i}" for i in items]
    if others:
        lines.append(f"• {phrases['others']}")
    return "\n".join(lines)


def _inline(flat: Flat, pack: LanguagePack, vocab: Vocabulary) -> Enumeration | None:
    """An enumeration inside one sentence, or None."""
    text, masked = flat.text, flat.masked
    if text.endswith("?"):
        return None
    lowered = flat.lowered
    if not _ANY_HINTS.search(lowered):
        return None
    consists = _CONSISTS.search(lowered) if _CONSISTS_HINTS.search(lowered) else None
    if consists:
        subject = clean_term(text[: consists.start()])
        found = _items(text[consists.end() :].rstrip(" ."), MAX_INLINE_ITEM_WORDS)
        example = is_example_owner(subject)  # "Из чего состоит селектор ul > li?"
        if found and is_term(subject) and not example and not pack.meta_subject.search(subject):
            verb = masked[consists.start(1) : consists.end(1)].lower()
            plural = verb in ("consist of", "are made up of", "состоят из")
            template = "enumeration.consists_plural" if plural else "enumeration.consists"
            front = pack.ask(template, s=vocab.display(subject))
            return Enumeration(front, tuple(found[0]), found[1], front, "consists", subject)
    match = _MARKERS.search(lowered) if _MARKER_HINTS.search(lowered) else None
    if match is None and _INCLUDES_HINTS.search(lowered):
        match = _INCLUDES.search(lowered)
    if not match:
        return None
    start = match.end()
    end = len(text)
    close = masked.find(")", start) if "(" in masked[: match.start() + 1] else -1
    if close >= 0:
        end = close
    else:
        semicolon = masked.find(";", start)
        end = semicolon if semicolon >= 0 else end
    segment = text[start:end].rstrip(" .…!")
    head = text[:start].rstrip()
    least = 2 if _INCLUDES.match(lowered, match.start()) else MIN_INTRO_WORDS
    if len(head.split()) < least or re.match(r"(например|for example)\b", head, re.I):
        return None
    found = _items(segment, MAX_INLINE_ITEM_WORDS)
    if not found:
        return None
    tail = text[end:].rstrip(" .") if close >= 0 else ""
    front = pack.ask("enumeration.blank", head=head, tail=tail)
    return Enumeration(front, tuple(found[0]), found[1], head, "inline")


def _list_item_text(block: Block, text: NoteText) -> str:
    """What a bullet names: its emphasised head ("**A** — …"), else its short text."""
    first = block.blocks[0] if getattr(block, "blocks", ()) else None
    if not isinstance(first, Paragraph):
        return ""
    sentences = text.sentences(first)
    if not sentences:
        return ""
    flat = sentences[0][1]
    lead = leading_term(flat)
    if lead:
        return lead[0]
    if len(sentences) > 1 or flat.text.endswith((".", "!", "?")):
        return ""  # a sentence, not the name of a member
    return clean_term(flat.text)


def _bullets(
    intro: Paragraph, block: ListBlock, text: NoteText, pack: LanguagePack, topic: str
) -> Enumeration | None:
    """A list after a paragraph whose last sentence ends with ":"; a numbered one only
    when that sentence announces a set ("Основные типы данных:"), asked within `topic`
    (the section's subject) when the set's own name says nothing of whose it is."""
    if not ITEMS[0] <= len(block.items) <= ITEMS[1]:
        return None
    if is_link_list(block) or is_question_list(block):
        return None
    if any(item.checked is not None or _TASK.match(item.source) for item in block.items):
        return None  # a to-do list, not members of a set
    sentences = text.sentences(intro)
    if not sentences:
        return None
    question = sentences[-1][1].text
    if not question.endswith(":") or len(question.split()) < MIN_LIST_INTRO_WORDS:
        return None
    if key(question.rstrip(":")) in _GENERIC_INTROS:
        return None
    announced = set_question(question, pack)
    asked = set_front(announced, topic, pack) if announced is not None else ""
    if announced is not None and not asked:
        return None  # "Software components include:" in a note that names no subject
    if block.ordered and announced is None:
        return None
    items = [_list_item_text(item, text) for item in block.items]
    if not all(_item_ok(i, MAX_LIST_ITEM_WORDS) for i in items):
        return None
    if not ITEMS[0] <= len(items) <= ITEMS[1] or len({key(i) for i in items}) != len(items):
        return None
    if announced is not None:  # "Three types of bus exist:" → "What are the types of bus?"
        pattern = "open" if announced.open_ended else "announced"  # "Good logging includes:"
        return Enumeration(asked, tuple(items), False, question, pattern, announced.about)
    return Enumeration(f"{question} …", tuple(items), False, question, "bullets")


def _list_pairs(
    blocks: tuple[Block, ...], ctx: ExtractContext
) -> list[tuple[Paragraph, ListBlock]]:
    """(intro paragraph, the list right after it), at any depth of lists and quotes.

    Neither may be claimed; only lists, quotes and the paragraphs before lists are
    asked about (most blocks are neither)."""
    pairs: list[tuple[Paragraph, ListBlock]] = []
    previous: Block | None = None
    for block in blocks:
        if isinstance(block, ListBlock) and not ctx.is_claimed(block):
            if isinstance(previous, Paragraph) and not ctx.is_claimed(previous):
                pairs.append((previous, block))
            for item in block.items:
                if not ctx.is_claimed(item):
                    pairs += _list_pairs(item.blocks, ctx)
        elif isinstance(block, Quote) and not ctx.is_claimed(block):
            pairs += _list_pairs(block.blocks, ctx)
        previous = block
    return pairs


def extract_enumerations(note: Note, ctx: ExtractContext) -> list[Card]:
    """Enumeration cards: the members of what the note lists, in document order."""
    pack = pack_for(note.lang)
    if pack is None:
        return []
    found: list[tuple[Section, int, Enumeration]] = []
    for section in note.sections:
        for intro, block in _list_pairs(section.blocks, ctx):
            enumeration = _bullets(intro, block, ctx.text, pack, ctx.topic_of(section))
            if enumeration:
                found.append((section, block.line, enumeration))
    # the unclaimed paragraphs' sentences, as the definitions extractor already read them
    paragraphs = prose_sentences(note, ctx)
    vocab = prose_vocabulary(note, ctx)
    for section, sentences in paragraphs:
        for line, flat in sentences:
            enumeration = _inline(flat, pack, vocab)
            if enumeration:
                found.append((section, line, enumeration))
    found.sort(key=lambda f: f[1])
    cards = []
    for section, line, enumeration in found:
        items = tuple(map(math_as_text, enumeration.items))
        if None in items or "$" in enumeration.front:
            continue  # a formula a card cannot show as text ("$\frac{a}{b}$")
        front, confidence = enumeration.front, CONFIDENCE[enumeration.pattern]
        if is_bare_noun(enumeration.about):  # "What does a block consist of?": which block?
            front, confidence = ctx.asked_within(front, enumeration.about, section, confidence)
        if not ctx.kept(confidence):
            ctx.covered.add(section.line)  # covered all the same, whatever the threshold
            continue
        enumeration = replace(enumeration, items=items)
        cards.append(
            ctx.card(
                kind="enumeration",
                extractor=NAME,
                rule=f"{NAME}.{enumeration.pattern}",
                confidence=confidence,
                anchor=enumeration.anchor,
                front=front,
                back=_answer(enumeration.items, enumeration.others, pack),
                line=line,
                section=section,
                items=enumeration.items,
            )
        )
        ctx.covered.add(section.line)
    return cards
