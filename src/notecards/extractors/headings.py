"""Headings as questions, answered by the first paragraph under them: "heading" cards.

Runs last and only fills gaps: a section that already gave a card (`ctx.covered`) is
skipped, and so is the note's title repeated as its H1. A heading that is a question
("## Зачем нужен DNS?") is asked as it is; a short noun phrase ("## Кэширование
в браузере") becomes "Что такое …?" / "What is …?". Generic headings ("Введение",
"Examples", "Links") name no subject and are never asked. The answer is the first
paragraph's first two sentences.
"""

from __future__ import annotations

import re

from notecards.extractors.base import ExtractContext
from notecards.extractors.definitions import prose_vocabulary
from notecards.lang import PACKS, pack_for
from notecards.model import Card, Note, Paragraph, Section
from notecards.render.markup import spans_html
from notecards.text.sentences import prose_paragraphs, split_sentences
from notecards.text.terms import Vocabulary, is_term, key

NAME = "headings"
MAX_SENTENCES = 2
MIN_ANSWER_WORDS = 4

_NUMBERING = re.compile(r"^\s*(?:\d+[.)]?)+\s+")


def _question(section: Section, note: Note, vocab: Vocabulary) -> str:
    """The question a heading asks, or "" when it asks nothing answerable."""
    heading = _NUMBERING.sub("", section.heading).strip()
    pack = pack_for(note.lang) or PACKS["en"]
    if not heading or any(key(heading) in p.generic_headings for p in PACKS.values()):
        return ""
    if section.level == 1 and key(heading) == key(note.title):
        return ""
    if heading.endswith("?"):
        return heading if len(heading.split()) >= 2 else ""
    if not is_term(heading):
        return ""
    plural = pack.code == "en" and _english_plural(heading)
    return pack.ask("heading.what_plural" if plural else "heading.what", h=vocab.display(heading))


def _english_plural(heading: str) -> bool:
    """ "Records", "HTTP headers": a last word in -s that is not -ss/-us/-is or an acronym."""
    last = heading.split()[-1]
    if not last.isalpha() or last.isupper():
        return False
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _first_paragraph(section: Section, ctx: ExtractContext) -> Paragraph | None:
    """The section's first block, when it is an unclaimed paragraph of prose."""
    if not section.blocks:
        return None
    first = section.blocks[0]
    if not isinstance(first, Paragraph) or ctx.is_claimed(first):
        return None
    return next(prose_paragraphs((first,), ctx.is_claimed), None)


def extract_headings(note: Note, ctx: ExtractContext) -> list[Card]:
    """One card per uncovered section whose heading asks (or names) something."""
    vocab: Vocabulary | None = None  # made when first needed: most sections are covered
    cards: list[Card] = []
    for section in note.sections:
        if not section.heading or section.line in ctx.covered:
            continue
        if vocab is None:
            vocab = prose_vocabulary(note, ctx)  # of the unclaimed prose
        question = _question(section, note, vocab)
        paragraph = _first_paragraph(section, ctx) if question else None
        if paragraph is None:
            continue
        parts = [flat for _, flat in ctx.text.sentences(paragraph)[:MAX_SENTENCES]]
        answer = " ".join(p.text for p in parts)
        if len(answer.split()) < MIN_ANSWER_WORDS or answer.endswith(":"):
            continue
        # the sentences as spans, cut again: a flat sentence keeps the whole paragraph's
        sentences = split_sentences(paragraph.spans)[:MAX_SENTENCES]
        answer_html = " ".join(spans_html(s, ctx.render) for s in sentences)
        cards.append(
            ctx.card(
                kind="heading",
                extractor=NAME,
                rule=f"{NAME}.noun-phrase",
                confidence=0.5,
                anchor=" › ".join(section.path),
                front=question,
                back=answer,
                back_html=answer_html,
                line=section.line,
                section=section,
            )
        )
        ctx.covered.add(section.line)
    return cards
