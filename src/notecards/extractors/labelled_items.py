"""Lists of labelled members: one card per member, asked by its label, and the set.

Notes list what a set holds as `**Label** – explanation`, `` `method()` - what it does ``
or `Label: text` items, usually after a lead-in that says what the set is ("Есть
несколько способов избежать Callback Hell:", "Types of joins:"). Asked as steps of a
procedure such a list hides its labels in the answers; read as a set, each member is a
question about its label ("Что делает splice()?", "What is Holm's method used for?"),
in the context of the lead-in when the label alone could mean something else, and a
lead-in that announces a closed set also asks for the members ("Какие есть способы
избежать Callback Hell?").
"""

from __future__ import annotations

import re

from notecards.extractors.base import ExtractContext
from notecards.extractors.list_shapes import (
    LabelledItem,
    counts_steps,
    has_cue,
    is_generic_label,
    is_link_list,
    is_purpose_set,
    is_question_list,
    labelled_items,
    lead_in,
    set_question,
)
from notecards.extractors.procedures import short_answer
from notecards.lang import LanguagePack, pack_for
from notecards.model import Card, ListBlock, Note, Section
from notecards.text.terms import clean_term, is_term, starts_badly

NAME = "labelled_items"
_BARE_WORD = re.compile(r"[A-Za-z]+")
MAX_TOPIC_WORDS = 8
# how often such cards are kept (measured on tests/quality and real vaults)
CONFIDENCE = {
    "does": 0.7,
    "does_bare": 0.45,  # a bare word in code (`service`, `effect`): often not something that acts
    "means": 0.7,
    "goal": 0.6,
    "purpose": 0.45,  # "What is X used for (in …)": 0 of 4 kept on the corpus
    "what": 0.6,
    "what_bare": 0.45,  # a label without its set's context: 5 of 13 kept
    "set": 0.7,
}


def _topic(lead: str, pack: LanguagePack) -> str:
    """What the members belong to, when a short lead-in says it ("Типы данных в JS:");
    "" when there is none: a glossary's labels are asked on their own."""
    text = clean_term(lead.rstrip(" :"))
    short = 1 <= len(text.split()) <= MAX_TOPIC_WORDS
    if not lead.endswith(":") or not short or is_generic_label(text, pack):
        return ""
    return "" if starts_badly(text) else text  # "Вот основные моменты:", "These are:"


def _question_of(member: LabelledItem, topic: str, goal: str, purpose: bool) -> str:
    """Which question the label answers: a value ("position: relative") what it means,
    code what it does, a way to a goal how it reaches it, a method what it is for,
    anything else what it is."""
    label = member.label
    if ":" in label or "=" in label:
        return "means"
    if member.shape == "code" or label.endswith("()"):
        return "does_bare" if _BARE_WORD.fullmatch(label) else "does"
    if goal:
        return "goal"
    if purpose:
        return "purpose"
    return "what" if topic else "what_bare"


def _candidates(section: Section, ctx: ExtractContext) -> list[tuple[int, ListBlock]]:
    """The unclaimed lists of a section, at its top level, with their place."""
    return [
        (index, block)
        for index, block in enumerate(section.blocks)
        if isinstance(block, ListBlock) and block.items and not ctx.is_claimed(block)
    ]


def _members(block: ListBlock, ctx: ExtractContext) -> list[LabelledItem]:
    """The labelled items of a set: not links, questions or counted steps, and each
    label a name (code, or a term)."""
    if is_link_list(block) or is_question_list(block):
        return []
    found = labelled_items(block, ctx.text)
    if not found or counts_steps(found):
        return []
    return [m for m in found if m.shape == "code" or is_term(m.label)]


def extract_labelled_items(note: Note, ctx: ExtractContext) -> list[Card]:
    """A card per labelled member of every set-shaped list, and one for the set."""
    pack = pack_for(note.lang)
    if pack is None:
        return []
    cards: list[Card] = []
    for section in note.sections:
        for index, block in _candidates(section, ctx):
            members = _members(block, ctx)
            if len(members) < 2:
                continue
            lead = lead_in(section.blocks, index, ctx.text)
            if any(has_cue(t, pack.evaluation_words) for t in (lead, *section.path[-1:])):
                continue  # pros and cons: opinions, not members to define
            announced = set_question(lead, pack) if lead.endswith(":") else None
            topic = announced.topic if announced else _topic(lead, pack)
            goal = announced.goal if announced else ""
            purpose = bool(topic) and is_purpose_set(topic, pack)
            for member in members:
                answer = short_answer(member.explanation)
                if not answer:
                    continue
                shape = _question_of(member, topic, goal, purpose)
                label = member.label
                if announced and announced.owner and shape in ("does", "does_bare", "means"):
                    shape, label = "means", f"{announced.owner}: {label}"
                template = "item.does" if shape == "does_bare" else f"item.{shape}"
                if shape.startswith("what") and pack.is_plural(label):
                    template = template.replace("what", "what_plural")
                cards.append(
                    ctx.card(
                        kind="definition",
                        extractor=NAME,
                        rule=f"{NAME}.{shape}",
                        confidence=CONFIDENCE[shape],
                        evidence=f"{member.shape} label in a list about “{topic}”",
                        anchor=f"{topic} › {member.label}",
                        front=pack.ask(template, label=label, topic=topic, goal=goal),
                        back=answer,
                        line=member.item.line,
                        section=section,
                    )
                )
            if announced:
                labels = tuple(m.label for m in members)
                cards.append(
                    ctx.card(
                        kind="enumeration",
                        extractor=NAME,
                        rule=f"{NAME}.set",
                        confidence=CONFIDENCE["set"],
                        evidence=f"lead-in announces a set: “{lead}”",
                        anchor=f"{topic} › set",
                        front=announced.question,
                        back="\n".join(f"• {label}" for label in labels),
                        line=block.line,
                        section=section,
                        items=labels,
                    )
                )
            ctx.claim(block, section)
    return cards
