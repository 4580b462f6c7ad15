"""What a thing is for, lets you do, is responsible for, returns: "purpose" cards.

Notes state a purpose in sentences that are not "X — это Y": "`key` используется для
отслеживания элементов", "useMemo позволяет не пересчитывать …", "`map()` возвращает
новый массив", "A mutex is used to …", "Чтобы отменить действие браузера, вызовите
`preventDefault()`". Each becomes a question about X in the note's language ("Для чего
используется key?", "What does map() return?", "Как отменить действие браузера?").

X must name something: inline code, an emphasized term, a name in Latin letters or
capitals, or the note's own subject. "Он", "это", "it", "this" stand for the note's
subject only in the note's first sentence; elsewhere the sentence is left alone. The
question copies the note's own verb ("используется" / "используются"), so it agrees
with X without a grammar library.
"""

from __future__ import annotations

import re
from functools import cache

from notecards.extractors.base import ExtractContext
from notecards.lang import LanguagePack, pack_for
from notecards.model import Card, Note, Section
from notecards.text.sentence_subject import after_subject
from notecards.text.sentences import Flat, prose_paragraphs
from notecards.text.terms import PRONOUNS, STOP_START, clean_term, key, looks_like_verb
from notecards.text.topics import names_one_thing, shares_a_word, word_stems

NAME = "purposes"
KIND = "purpose"
MAX_SUBJECT_WORDS = 5
MIN_ANSWER_WORDS = 2
MAX_ANSWER_CHARS = 250

# kept / sampled by a blind reader on real vaults: "allows" 3/10, "for" 3/8, "returns"
# 2/5; most drops named no subject ("What does function return?") or asked two things
CONFIDENCE = {"marked": 0.65, "named": 0.6, "subject": 0.6}
WEAK_VERB = 0.2  # a verb the question cannot repeat ("allows" with no "you to")
TWO_SUBJECTS = 0.3  # "What is SOA and NS records used for?": two things asked as one
HOW_CONFIDENCE = 0.6
_DEFINITION = re.compile(r"\s[—–-]\s*(?:это|this is|is)\b|\bявляется\b", re.I)
_LATIN = re.compile(r"[A-Za-z]")
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z]")
_COORDINATED = re.compile(r"\s(?:и|или|and|or)\s|&", re.IGNORECASE)
_LEADING_SYMBOLS = re.compile(r"^[^\w`*_\[(«\"']+")  # "📌 Это …"
_EDGES = " .,;:!?«»\"'“”-–—"
_BREAKS = re.compile(r"[:;,]")  # "гибкость: Дженерики": a label and a subject


def _has_word(pack: LanguagePack, name: str, text: str) -> bool:
    pattern = pack.cues.get(name)
    return bool(pattern) and _words(pattern).search(text) is not None


@cache
def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.I)


_PURPOSES = ("purpose.for", "purpose.allows", "purpose.responsible", "purpose.returns")
_ANY_VERB: dict[str, re.Pattern[str]] = {}


def _any_verb(pack: LanguagePack) -> re.Pattern[str]:
    """Every purpose verb of the pack in one pattern, made once per language."""
    pattern = _ANY_VERB.get(pack.code)
    if pattern is None:
        verbs = "|".join(f"(?:{pack.cues[name]})" for name in _PURPOSES if pack.cues.get(name))
        pattern = _ANY_VERB[pack.code] = re.compile(rf"\s(?:{verbs or '(?!)'})\s", re.S)
    return pattern


@cache
def _shape(pattern: str) -> re.Pattern[str]:
    """`subject verb rest`: the verb alternatives of a pack's cue, after a subject."""
    return re.compile(rf"^(?P<x>.+?)\s+(?P<verb>{pattern})\s+(?P<rest>.+)$", re.S)


@cache
def _howto(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.S | re.I)


def _subject_kind(flat: Flat, end: int, subject: str, note_subject: str) -> str | None:
    """How sure it is that the words before the verb name a thing: "marked" (code or
    emphasis), "named" (Latin letters, capitals), "subject" (the note's own subject),
    None for anything else."""
    marked = (flat.text[a : min(b, end)] for a, b in (*flat.code, *flat.emph) if a < end)
    if any(text.strip() and text.strip() in subject for text in marked):
        return "marked"
    if note_subject and key(subject) == key(note_subject):
        return "subject"
    if names_one_thing(subject):
        return "named"
    # a Latin name stands out in a sentence of another script ("хук useState")
    if _LATIN.search(subject) and _NON_LATIN_LETTER.search(flat.text):
        return "named"
    return None


def _note_subject(note: Note) -> str:
    """The note's subject: its title when it is a short term ("useMemo", "Замыкания")."""
    title = clean_term(note.title)
    return title if 0 < len(title.split()) <= MAX_SUBJECT_WORDS and "?" not in title else ""


def _display(subject: str) -> str:
    """The subject as it sits inside a question: a sentence-initial common word in
    lower case ("Метод preventDefault()" → "метод preventDefault()")."""
    first = subject.split()[0]
    if first[:1].isupper() and first[1:].islower() and not _LATIN.search(first):
        return subject[:1].lower() + subject[1:]
    return subject


def _answer(rest: str) -> str:
    rest = rest.strip().rstrip(".;:")
    if len(rest.split()) < MIN_ANSWER_WORDS or len(rest) > MAX_ANSWER_CHARS:
        return ""
    return rest


def _purpose(
    flat: Flat, pack: LanguagePack, note_subject: str, first: bool
) -> tuple[str, str, str, float, str] | None:
    """(question, answer, rule, confidence, subject) a sentence states, or None."""
    text = flat.text
    if _any_verb(pack).search(text) is None:
        return None  # most sentences hold none of the verbs: one search says so
    if _DEFINITION.search(text):
        return None  # "X — это Y, который позволяет …": a definition's card
    for name in _PURPOSES:
        verbs = pack.cues.get(name)
        found = _shape(verbs).match(text) if verbs else None
        if found is None:
            continue
        link = pack.cues.get(f"{name}.link")
        if link and re.match(rf"(?:{link})\b", found.group("rest"), re.I) is None:
            continue
        subject = _LEADING_SYMBOLS.sub("", found.group("x")).strip().strip(_EDGES)
        if subject.endswith(">") and "<" not in subject:
            subject = subject[:-1]  # "slot>": the rest of a tag the reader left out
        article = pack.cues.get("purpose.article")
        if article:
            subject = re.sub(rf"^(?:{article})\s+", "", subject, flags=re.I)
        if not any(map(str.isalpha, subject)) or len(subject.split()) > MAX_SUBJECT_WORDS:
            return None
        if _BREAKS.search(subject) or subject.startswith("("):
            return None
        subject = _without_asides(subject)
        if not subject or not _names_a_term(subject):
            return None  # "When fork", "f.result()": a clause, or the example's variable
        if any(map(looks_like_verb, subject.split()[1:])):
            return None  # "свойство X отвечает … и позволяет": the subject runs on
        if _has_word(pack, "purpose.hedge", subject) and key(subject) not in _pronouns(pack):
            return None  # "например, переход через …", "часто backend": not a name
        if key(subject) in _pronouns(pack):
            if not (first and note_subject):
                return None
            subject, how = note_subject, "subject"
        else:
            how = _subject_kind(flat, found.end("x"), subject, note_subject) or ""
            if not how:
                return None
        rest = found.group("rest")
        answer = _answer(f"{found.group('verb')} {rest}" if name == "purpose.allows" else rest)
        if not answer or _has_word(pack, "purpose.dangling", answer):
            return None  # "вынести эту логику": the answer leans on another sentence
        if name != "purpose.returns" and restates(subject, answer):
            return None  # "Retries allow you to retry" (what Promise.all returns is a promise)
        question = pack.ask(name, x=pack.as_asked(_display(subject)), verb=found.group("verb"))
        sure = CONFIDENCE[how]
        weak = pack.cues.get(f"{name}.weak")
        if weak and re.fullmatch(weak, found.group("verb"), re.I):
            sure -= WEAK_VERB  # the question's wording does not fit the answer
        return question, answer, f"{NAME}.{name.split('.')[1]}", sure, subject
    return None


# a receiver of one or two letters is a variable of the note's example ("f.result()",
# "x.foo"), unless it is a module everyone writes so
# (a capital one, "Qt.QObject", "OS.path", is a namespace)
_EXAMPLE_RECEIVER = re.compile(r"(?<![\w.$])([a-z_]{1,2})\d?\.[A-Za-z_]")
# a bracket after a space is an aside, not a call's; an acronym ("(ISR)") stays
_ASIDE = re.compile(r"\s\((?![A-Z]{2,6}\))(?P<inner>[^()]*)\)")
# "Function A", "Процесс 2"; not an operator on a type parameter ("keyof T")
_EXAMPLE_NAME = re.compile(r"^[A-ZА-ЯЁ][^\W\d_]*\s+(?:[A-ZА-ЯЁ]|\d{1,2})$")
_MODULES = frozenset({"os", "fs", "re", "np", "pd", "tf", "io", "js", "ts", "vm"})
_CODE_NAME = re.compile(r"[_().<]|[a-z][A-Z]")  # snake_case, calls, members, camelCase, <tag>
RESTATED_WORDS = 6  # an answer this short that repeats the term's word says nothing new
STEM = 4


def _without_asides(subject: str) -> str:
    """The subject without the asides a question does not need ("any (любой)" → "any",
    "единица диапазона (range unit) bytes"); "" when an aside is a condition ("perm
    (before umask)", "4-QAM (where M=4)"): the name holds only under it."""
    for aside in _ASIDE.finditer(subject):
        opening = aside.group("inner").split(" ", 1)[0].lower()
        if opening in STOP_START:
            return ""
    return " ".join(_ASIDE.sub("", subject).split())


def _names_a_term(subject: str) -> bool:
    """A subject a question can ask about: not a clause ("When fork", "Если …"), not a
    part or a variable of the note's example ("Function A", "f.result()")."""
    first = subject.split()[0].lower().strip("`*_")
    if first in STOP_START or _EXAMPLE_NAME.search(subject):
        return False  # "Function A", "Процесс 2": a part of the note's example
    return not calls_an_example_variable(subject)


def calls_an_example_variable(name: str) -> bool:
    """Whether `name` calls a method of one of the note example's variables, a receiver
    of one or two letters ("f.result()", "p.convert(Poly)"): out of the example, the
    question cannot say what `f` is."""
    receivers = (found.group(1) for found in _EXAMPLE_RECEIVER.finditer(name))
    return any(receiver not in _MODULES for receiver in receivers)


def restates(term: str, answer: str) -> bool:
    """A short answer that repeats a word of the term (by its first letters): the
    purpose of "Retries" is to "retry", of a router "to route requests". Names in code
    spell out what they do ("k_thread_deadline_set()" sets a deadline): never asked."""
    if _CODE_NAME.search(term):
        return False
    if len(answer.split()) > RESTATED_WORDS:
        return False
    return bool(word_stems(term, STEM, STEM) & word_stems(answer, STEM, STEM))


def _pronouns(pack: LanguagePack) -> frozenset[str]:
    return frozenset(pack.cues.get("purpose.pronoun", "").split("|"))


# a goal of a verb and one noun after "the" ("change the settings", "complete the
# process"): whose settings, which process, the sentence before says
_VAGUE_GOAL = re.compile(r"\S+\s+the\s+\S+", re.I)


def _how(flat: Flat, pack: LanguagePack) -> tuple[str, str, str] | None:
    """ "Чтобы Z, используйте X" → ("Как Z?", "X …", "Z")."""
    pattern = pack.cues.get("purpose.how")
    found = _howto(pattern).match(flat.text) if pattern else None
    if found is None:
        return None
    goal, means = found.group("goal").strip(), _answer(found.group("means"))
    if not means or (not flat.code and not _LATIN.search(means)):
        return None  # the means must name a tool: code or a Latin name
    if _VAGUE_GOAL.fullmatch(goal) or "$" in goal or key(means) in key(goal):
        return None  # "change the settings", "find $c$", "test whether A - B" → "A - B"
    if _has_word(pack, "purpose.dangling", goal) or goal.split()[-1].lower() in PRONOUNS:
        return None  # "change that", "изменить это": the goal leans on another sentence
    return pack.ask("purpose.how", goal=goal), means, goal


def extract_purposes(note: Note, ctx: ExtractContext) -> list[Card]:
    """One card per sentence that says what a named thing is for, lets you do, is
    responsible for or returns, or how to reach a goal with it."""
    pack = pack_for(note.lang)
    if pack is None or not pack.cues.get("purpose.for"):
        return []
    note_subject = ctx.topic or _note_subject(note)  # "Lecture 6 - Botnets" → "Botnets"
    cards: list[Card] = []
    first = True
    for section in note.sections:
        for paragraph in prose_paragraphs(section.blocks, ctx.is_claimed):
            for line, flat in ctx.text.sentences(paragraph):
                card = _card(ctx, pack, flat, line, section, note_subject, first)
                first = False
                if card is not None:
                    cards.append(card)
    return cards


def _card(
    ctx: ExtractContext,
    pack: LanguagePack,
    flat: Flat,
    line: int,
    section: Section,
    note_subject: str,
    first: bool,
) -> Card | None:
    said_in, flat = after_subject(flat, pack)  # "In CMake, the option() function is used …"
    found = _purpose(flat, pack, note_subject, first)
    if found is not None:
        question, answer, rule, confidence, about = found
        if _COORDINATED.search(about):
            confidence -= TWO_SUBJECTS  # "What is SOA and NS records used for?"
    else:
        how = _how(flat, pack)
        if how is None:
            return None
        (question, answer, about), rule, confidence = how, f"{NAME}.how", HOW_CONFIDENCE
        if shares_a_word(ctx.topic_of(section), answer):
            about = ""  # "preventDefault: how do you cancel …?" would give its answer away
    return ctx.card(
        about=about,  # asked within its subject when generic (`ExtractContext.asked_within`)
        subject=said_in,
        kind=KIND,
        extractor=NAME,
        rule=rule,
        confidence=round(confidence, 2),
        evidence=flat.text[:120],
        anchor=question,
        front=question,
        back=answer,
        line=line,
        section=section if section.heading else None,
    )
