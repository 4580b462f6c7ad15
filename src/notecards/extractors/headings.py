"""Headings as questions, answered by the first paragraph under them: "heading" cards.

Runs last and only fills gaps: a section that already gave a card (`ctx.covered`) is
skipped, and so is the note's title repeated as its H1. A heading that is a question
("## Зачем нужен DNS?") is asked as it is; a short noun phrase ("## Кэширование
в браузере") becomes "Что такое …?" / "What is …?". Generic headings ("Введение",
"Examples", "Links") name no subject and are never asked, and neither are labels that
are numbered, tasks or orders ("Задача 3", "Update 1", "Создать тест") or that are
not terms. The answer is the first paragraph's first two sentences: when the first
sentence defines the heading ("X — …", "X is …") the card is as good as a definition;
otherwise the paragraph is often an aside, and the card is kept under the threshold.
"""

from __future__ import annotations

import re

from notecards.extractors.base import ExtractContext
from notecards.extractors.definitions import prose_vocabulary
from notecards.extractors.list_shapes import is_generic_label
from notecards.extractors.questions import asks_alone
from notecards.lang import PACKS, LanguagePack, pack_for
from notecards.model import Card, Note, Paragraph, Section
from notecards.render.markup import spans_html
from notecards.text.sentences import prose_paragraphs, split_sentences
from notecards.text.terms import Vocabulary, is_term, key, looks_like_verb
from notecards.text.topics import needs_topic, section_topic

NAME = "headings"
MAX_SENTENCES = 2
MIN_ANSWER_WORDS = 4
MIN_DEFINITION_WORDS = 3  # after "X —": fewer name a source or a label, not what X is
_DEFINITION_WORD = re.compile(r"[^\W\d_][\w-]*")
_DEFINING_VERBS = frozenset(
    {"является", "являются", "называется", "называют", "означает", "is", "are"}
)

_NUMBERING = re.compile(r"^\s*(?:\d+[.)]?)+\s+")
_COUNTER = re.compile(r"(?:^|\s)(?:\d+|[IVX]+)[.)]?(?:\s|$)")  # "Шаг 2", "2 Шаг", "Part II"
# how often such cards are kept (tests/quality, and samples of real vaults)
# the first sentence defines the heading: kept 5 of 7, then 2 of 9 by blind readers (the
# answer restates the heading, runs long or carries the note's markers); left at 0.6
DEFINED_CONFIDENCE = 0.6
NOUN_PHRASE_CONFIDENCE = 0.4  # any other paragraph: shown by `cards --all` only
QUESTION_CONFIDENCE = 0.5  # a question heading, as before (unchanged here)
_DEFINES = (
    r"\s*(?:\([^)]{0,80}\)\s*)?(?:[—–:]|-\s|это\b|является\b|являются\b|называ\w+\b"
    r"|представляет\b|is\b|are\b|refers\b|means\b|stands\b|describes\b)"
)


def _question(section: Section, note: Note, vocab: Vocabulary) -> tuple[str, bool]:
    """The question a heading asks ("" when it asks nothing answerable), and whether it
    may be asked only when the section's first sentence defines the heading."""
    heading = _NUMBERING.sub("", section.heading).strip()
    pack = pack_for(note.lang) or PACKS["en"]
    if not heading or any(key(heading) in p.generic_headings for p in PACKS.values()):
        return "", False
    if section.level == 1 and key(heading) == key(note.title):
        return "", False
    if heading.endswith("?"):  # only what the questions extractor would ask as it is
        return (heading if asks_alone(heading, pack) else ""), False
    if not is_term(heading):
        return "", False
    template = "heading.what_plural" if pack.is_plural(heading) else "heading.what"
    return pack.ask(template, h=pack.as_asked(vocab.display(heading))), not names_a_subject(
        heading, pack
    )


def names_a_subject(heading: str, pack: LanguagePack) -> bool:
    """Not a label of the note's parts: generic ("Введение"), a task or a part ("Задача",
    "Lecture 7"), numbered ("Шаг 2", "Update 1"), or an order ("Создать тест")."""
    if is_generic_label(heading, pack) or _COUNTER.search(heading):
        return False
    first = key(heading).split(" ", 1)[0]
    return first not in pack.task_headings and not pack.is_order(heading.split()[:1])


def defines(sentence: str, heading: str) -> bool:
    """The sentence opens with the heading and says what it is ("X — …", "X is …"). A
    dash followed by a verb says something else about X ("proto - есть у всех
    объектов"), and a dash followed by a word or two only names where X comes from
    ("Package Installation – Turborepo")."""
    subject = re.escape(_NUMBERING.sub("", heading).strip())
    pattern = rf"(?:the\s+|a\s+|an\s+)?[*_`]*{subject}[*_`]*{_DEFINES}"
    found = re.match(pattern, sentence, re.IGNORECASE)
    if found is None:
        return False
    if not re.search(r"[—–:-]\s*$", found.group(0)):
        return True  # "X is …", "X — это …"
    rest = _DEFINITION_WORD.findall(sentence[found.end() :])
    if len(rest) < MIN_DEFINITION_WORDS:
        return False
    return not (looks_like_verb(rest[0]) and rest[0].lower() not in _DEFINING_VERBS)


def _within_topic(question: str, section: Section, ctx: ExtractContext, note: Note) -> str:
    """ "Что такое staging area?" → "Git: что такое staging area?" (`text.topics`)."""
    pack = pack_for(note.lang)
    heading = _NUMBERING.sub("", section.heading).strip()
    parent = ctx.topic or section_topic(
        Section("", 0, 0, section.path[:-1], ()), pack or PACKS["en"], ""
    )
    if pack is None or not needs_topic(heading, parent):
        return question
    return pack.in_topic(question, parent)


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
        question, only_if_defined = _question(section, note, vocab)
        paragraph = _first_paragraph(section, ctx) if question else None
        if paragraph is None:
            continue
        parts = [flat for _, flat in ctx.text.sentences(paragraph)[:MAX_SENTENCES]]
        answer = " ".join(p.text for p in parts)
        if len(answer.split()) < MIN_ANSWER_WORDS or answer.endswith(":"):
            continue
        asked = question.endswith("?") and question == section.heading.strip()
        defined = not asked and defines(parts[0].text, section.heading)
        if only_if_defined and not defined:
            continue
        rule, confidence = "noun-phrase", NOUN_PHRASE_CONFIDENCE
        if asked:  # the note's own question (the questions extractor will own these)
            rule, confidence = "question", QUESTION_CONFIDENCE
        elif defined:
            rule, confidence = "defined", DEFINED_CONFIDENCE
        if not ctx.kept(confidence):  # the registry would drop it: no HTML, no front
            ctx.covered.add(section.line)
            continue
        if not asked:  # a generic heading is asked within the note's subject
            question = _within_topic(question, section, ctx, note)
        # the sentences as spans, cut again: a flat sentence keeps the whole paragraph's
        sentences = split_sentences(paragraph.spans)[:MAX_SENTENCES]
        answer_html = " ".join(spans_html(s, ctx.render) for s in sentences)
        cards.append(
            ctx.card(
                kind="heading",
                extractor=NAME,
                rule=f"{NAME}.{rule}",
                confidence=confidence,
                evidence="the first sentence defines the heading" if defined else "",
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
