"""Why something is so: "why" cards from "…, потому что …" and "… because …".

"`sort()` сравнивает элементы как строки, потому что по умолчанию приводит их к строке"
becomes "Почему sort() сравнивает элементы как строки?"; "Microtasks are run first
because the queue is drained after every task" becomes "Why are microtasks run
first?" (English asks only claims whose verb can be put first: is, are, can, does…).
A reason given in the next sentence ("Причина в том, что …", "This is because …")
answers the sentence before it. The claim must name something (code, an emphasized
term, a Latin or capitalized name) and lean on nothing before it ("Это работает, …").
"""

from __future__ import annotations

import re
from functools import cache

from notecards.extractors.base import ExtractContext
from notecards.lang import LanguagePack, pack_for
from notecards.model import Card, Note, Section
from notecards.text.sentences import Flat, prose_paragraphs
from notecards.text.topics import names_one_thing, needs_topic

NAME = "reasons"
KIND = "why"
# read on real vaults: about half to two thirds of these are worth keeping
# kept by blind readers: "X, because Y" 1 of 8 (the claim leans on its paragraph), so
# under the threshold; "X. This is because Y" as before
CONFIDENCE = {"inline": 0.45, "next": 0.5}
# a blind reader kept 0 of 3 "why" cards whose claim named no subject ("Why is HT
# performed after SCAD?" in a note on one disease): asked within the note's subject,
# or under the threshold when the note names none
BARE_PENALTY = 0.15
MIN_CLAIM_WORDS, MAX_CLAIM_WORDS = 3, 16
MIN_REASON_WORDS = 2
MAX_REASON_CHARS = 250

MAX_SUBJECT_WORDS = 4
STEM = 5  # letters of a word that, written in lower case nearby, make it a common noun
_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+")
_NOT_A_CLAIM = re.compile(r"\s[—–]\s|[:;?✔✓❌✅👉📌🔹]|//")
_LATIN_NAME = re.compile(r"\b[A-Za-z][\w.()]*[A-Za-z)]\b")


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.S | re.I)


def _words(pack: LanguagePack, name: str, text: str) -> bool:
    pattern = pack.cues.get(name)
    return bool(pattern) and re.search(rf"(?<!\w)(?:{pattern})(?!\w)", text, re.I) is not None


def _names_something(flat: Flat, end: int, claim: str, pack: LanguagePack) -> bool:
    """The claim holds code, an emphasized term, or a name in Latin letters (in a
    language whose words are not Latin); in English, a claim that inverts."""
    if any(a < end for a, _ in (*flat.code, *flat.emph)):
        return True
    if "reason.invert" in pack.cues:
        return True  # a claim that inverts has a short subject of its own: the guard
    return _LATIN_NAME.search(claim) is not None


def _leans_elsewhere(claim: str, pack: LanguagePack) -> bool:
    """ "Это работает", "Поэтому он …", "This is why …": the claim needs what came before."""
    first = claim.split()[0].lower().strip(",")
    starts = set(pack.cues.get("reason.bad_start", "").split("|"))
    return first in starts or _words(pack, "purpose.dangling", claim)


def _question(claim: str, pack: LanguagePack, context: str = "") -> str:
    """The claim as a "why" question, or "" when the language cannot ask it simply."""
    claim = claim.strip().rstrip(",;:")
    invert = pack.cues.get("reason.invert")
    if invert:  # English: "X is Y" → "Why is X Y?"
        found = _compiled(invert).match(claim)
        if found is None:
            return ""
        subject = found.group("subject")
        head = subject.split()[0]
        if head in ("The", "A", "An") or head[:STEM].lower() in context:
            subject = subject[:1].lower() + subject[1:]  # "Microtasks …" is not a name
        if len(subject.split()) > MAX_SUBJECT_WORDS:
            return ""  # "The principle says that you …": not one subject
        inverted = f"{found.group('aux').lower()} {subject} {found.group('rest')}"
        return pack.ask("reason.why", claim=inverted)
    first = claim.split()[0]
    common = _CYRILLIC_WORD.fullmatch(first) is not None  # "Pinia" stays a name
    if common and first[:1].isupper() and (first[1:].islower() or len(first) == 1):
        claim = claim[:1].lower() + claim[1:]  # "В этом случае" → "в этом случае"
    return pack.ask("reason.why", claim=claim)


def _answer(reason: str) -> str:
    reason = reason.strip().rstrip(".;")
    if len(reason.split()) < MIN_REASON_WORDS or len(reason) > MAX_REASON_CHARS:
        return ""
    return reason


def _found(flat: Flat, previous: Flat | None, pack: LanguagePack) -> tuple[str, str, str] | None:
    """(question, answer, rule) a sentence states with its reason, or None."""
    inline = pack.cues.get("reason.inline")
    # matched on the masked text, so a comma inside code ("[1, 10, 2]") splits nothing
    found = _compiled(inline).match(flat.masked) if inline else None
    if found is not None:
        claim = flat.text[found.start("claim") : found.end("claim")]
        reason = flat.text[found.start("reason") : found.end("reason")]
        source = flat
        end, rule = found.end("claim"), "inline"
    else:
        after = pack.cues.get("reason.next")
        nxt = _compiled(after).match(flat.text) if after and previous is not None else None
        if nxt is None or previous is None:
            return None
        claim, reason, source = previous.text.rstrip("."), nxt.group("reason"), previous
        end, rule = len(previous.text), "next"
    if _NOT_A_CLAIM.search(claim):
        return None  # "для языка — TypeScript", "✔ нет итерации", a list or a code comment
    words = claim.split()
    if words and words[-1].lower() in set(pack.cues.get("reason.cut_end", "").split("|")):
        return None  # "JSONP работает через": the note's <script> was cut out
    if not MIN_CLAIM_WORDS <= len(words) <= MAX_CLAIM_WORDS or _leans_elsewhere(claim, pack):
        return None
    if pack.narrative.search(claim) or pack.announces_difference.search(claim.lstrip()):
        return None  # "у вас возникнут вопросы", "Another difference is that …": no claim
    if not _names_something(source, end, claim, pack):
        return None
    question, answer = _question(claim, pack, reason), _answer(reason)
    if not question or not answer or _words(pack, "purpose.dangling", answer):
        return None
    return question, answer, rule


def extract_reasons(note: Note, ctx: ExtractContext) -> list[Card]:
    """One "why" card per claim the note gives a reason for."""
    pack = pack_for(note.lang)
    if pack is None or "reason.inline" not in pack.cues:
        return []
    cards: list[Card] = []
    for section in note.sections:
        for paragraph in prose_paragraphs(section.blocks, ctx.is_claimed):
            previous: Flat | None = None
            for line, flat in ctx.text.sentences(paragraph):
                found = _found(flat, previous, pack)
                previous = flat
                if found is not None:
                    cards.append(_card(ctx, pack, *found, line, section, flat.text))
    return cards


def _card(
    ctx: ExtractContext,
    pack: LanguagePack,
    question: str,
    answer: str,
    rule: str,
    line: int,
    section: Section,
    evidence: str,
) -> Card:
    confidence = CONFIDENCE[rule]
    topic = ctx.topic_of(section)
    claim = question.rstrip("?")
    if needs_topic(claim, topic):
        question = pack.in_topic(question, topic)
    elif not topic and not names_one_thing(claim):
        confidence -= BARE_PENALTY
    return ctx.card(
        kind=KIND,
        extractor=NAME,
        rule=f"{NAME}.{rule}",
        confidence=round(confidence, 2),
        evidence=evidence[:120],
        anchor=question,
        front=question,
        back=answer,
        line=line,
        section=section if section.heading else None,
    )
