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

from notecards.extractors.answers import mentions_cue
from notecards.extractors.base import ExtractContext
from notecards.extractors.list_shapes import (
    LabelledItem,
    SetAnnouncement,
    counts_steps,
    has_cue,
    is_bare_noun,
    is_generic_label,
    is_link_list,
    is_purpose_set,
    is_question_list,
    labelled_items,
    lead_in,
    set_front,
    set_question,
)
from notecards.extractors.procedures import short_answer
from notecards.extractors.purposes import calls_an_example_variable
from notecards.lang import LanguagePack, pack_for
from notecards.model import Card, ListBlock, Note, Section
from notecards.text.math_text import math_as_text
from notecards.text.morphology import agrees_as_subject
from notecards.text.sentences import word_set
from notecards.text.terms import STOP_START, clean_term, is_term, looks_like_verb, starts_badly
from notecards.text.topics import is_named, shares_a_word, word_stems

NAME = "labelled_items"
_BARE_WORD = re.compile(r"[A-Za-z]+")
# `splice()`, `useState(initial)`, `Promise.all`: a function or a method, which acts
_HYPHENATED = re.compile(r"[A-Za-z]+(?:-[A-Za-z0-9]+)+")  # `no-store`, `Max-Age`: an option
_CAMEL = re.compile(r"[a-z]+[A-Z][A-Za-z]*")  # **useState**: an identifier, if not in code
_CALL = re.compile(r"[A-Za-z_$][\w$.]*\([^()]*\)|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+")
MAX_TOPIC_WORDS = 8
GLOSS_WORDS = 2  # "afterAll — после всех": a gloss of the name, not an answer
# how often such cards are kept (measured on tests/quality and a strict reading of
# samples from real vaults, December 2026)
CONFIDENCE = {
    "does": 0.7,  # a call or a method, `useState()`, `Object.freeze`: 6 of 7 kept
    "does_bare": 0.45,  # a bare word in code (`service`, `effect`): often not something that acts
    # other code labels (`shared/`, `"no-cache"`, `mutation.type`, `job queue`): a path,
    # a value or a property does nothing, and out of its set it is ambiguous; 3 of 9 kept
    "does_name": 0.45,
    # an identifier or an option (`vServer`, `portrait-primary`) explained by what it is
    # ("logical server …", "Естественная ориентация …"): asked "what is", not "what does"
    "what_code": 0.6,
    "means": 0.7,
    "goal": 0.6,
    "purpose": 0.45,  # "What is X used for (in …)": 0 of 4 kept on the corpus
    # a label that carries its set's name ("Supervised learning" in "types of machine
    # learning"): a term of its own, asked without the set
    "what_named": 0.6,
    # "<lead-in>: что такое <label>?": labels of a list are mostly not terms
    # (book titles, aspects, "Диалог с философией"), and the tail is not a question a
    # reader keeps; 0 of 9 and 0 of 25 kept
    "what": 0.4,
    "what_bare": 0.4,  # a label without its set's context: 5 of 13 kept
    # "Какие есть значения ("флаги")?", "Какие основные элементы системы?": the set's
    # name rarely says whose it is; 2 of 9 kept
    "set": 0.45,
    # a set that says what its members are for or whose they are ("способы избежать
    # callback hell", "значения свойства position", "types of machine learning"): it
    # names itself
    "set_named": 0.7,
    # a call explained by when to use it ("apply(): когда аргументы уже в массиве"):
    # asked "when is it used", which is what the note answers
    "when": 0.55,
    # a set whose owner judges or leaves it open ("Common hashing schemes", "Good
    # logging"): which members the list names is the note's choice
    "set_open": 0.4,
}


def _topic(lead: str, pack: LanguagePack) -> str:
    """What the members belong to, when a short lead-in says it ("Типы данных в JS:");
    "" when there is none: a glossary's labels are asked on their own."""
    text = clean_term(lead.rstrip(" :"))
    short = 1 <= len(text.split()) <= MAX_TOPIC_WORDS
    if not lead.endswith(":") or not short or is_generic_label(text, pack):
        return ""
    return "" if starts_badly(text) else text  # "Вот основные моменты:", "These are:"


def _only_a_gloss(answer: str) -> bool:
    """A short answer that opens with a preposition ("после всех", "before each"): it
    translates the label ("afterAll") and says nothing about what it does; "склеивает
    массивы" or "первый успешный" do."""
    words = answer.split()
    return len(words) <= GLOSS_WORDS and words[0].lower() in STOP_START


# "public. We can share this anywhere": a word or two cut off as a sentence, then more
_FRAGMENT_OPENING = re.compile(r"^[a-zа-яё][\w-]*(?:\s[\w-]+)?[.!]\s+\S")


def _opens_with_fragment(answer: str) -> bool:
    """A back that opens with a lower-case word or two standing as a sentence: a
    note's shorthand ("public. We can share this anywhere"), not an explanation."""
    return _FRAGMENT_OPENING.match(answer) is not None


def _as_asked(label: str, pack: LanguagePack) -> str:
    """A label as a "what is" question holds it: a common noun's capital, which it has
    only because it opens its list item, lowered ("Глобальный контекст выполнения" →
    "глобальный контекст выполнения"), and in English the article it needs ("Static
    Object File" → "a static object file"); names and identifiers stay as written."""
    asked = pack.as_asked(label)
    if asked != label:
        return asked
    first, _, rest = label.partition(" ")
    capital_only = first[:1].isupper() and first[1:].replace("-", "").isalpha()
    if not capital_only or not first[1:].islower() or is_named(first):
        return label
    if rest and any(w[:1].isupper() for w in rest.split()):
        return label  # "Domain Name System", "Контекст Vue": a name's own capitals
    return first[:1].lower() + first[1:] + (f" {rest}" if rest else "")


def _within_note(front: str, label: str, subject: str, pack: LanguagePack) -> str:
    """An identifier's question within the note's subject ("VSCode debugging: what is
    moduleLoad?"): an option or a value is one tool's, unless the label names it."""
    if not subject or shares_a_word(label, subject):
        return front
    return pack.in_topic(front, subject)


def _is_verb_phrase(label: str, pack: LanguagePack) -> bool:
    """A label that does something to something ("Handling specific errors",
    "Использовать индексы"): "what is" it asks nothing a reader can answer."""
    return mentions_cue(pack, "label.verb_phrase", label)


def _acts(label: str) -> bool:
    """A label that names something that acts: a call, a method, an identifier, or an
    option (`no-store`); not a path, a quoted value or a phrase in code."""
    return any(p.fullmatch(label) for p in (_CALL, _CAMEL, _HYPHENATED))


# the base forms an explanation of a call opens with ("Return a copy", "Check if …")
_EN_IMPERATIVES = word_set(
    """return check add remove set get create make run call use convert compute find
    increment decrement insert select apply append read write open close send"""
)


_FUNCTION_NAME = re.compile(r"(?:use|on|get|set|handle|is|has|to)[A-Z]\w*")  # `useEffect`


def _is_function(label: str) -> bool:
    """A call, or an identifier named as a function ("useEffect", "onMounted"): it acts,
    however tersely the note puts it ("побочные эффекты после рендера")."""
    return "(" in label or bool(_FUNCTION_NAME.fullmatch(label))  # not `Poly.window`


def _opens_a_noun_phrase(explanation: str) -> bool:
    """A Russian explanation that opens with an adjective and the noun it agrees with
    ("Естественная (natural) ориентация экрана", "эта директива …"): a thing; not a
    result ("первый завершившийся") or a nominalised action ("добавление …")."""
    words = _ASIDE.sub(" ", explanation).split()[:2]
    words = [w.strip(".,:;\"'«»").lower() for w in words]
    return len(words) == 2 and agrees_as_subject(words[0], words[1])


def _says_an_action(explanation: str) -> bool:
    """Whether an explanation opens with what something does ("Provides …", "Selects …",
    "возвращает …", "предназначен для …"), not with what it is ("logical server to which
    …", "причина первого отклонённого промиса", "String used in printing")."""
    first = explanation.split(" ", 1)[0].strip(".,:;()\"'«»").lower()
    if not first.isascii():  # Russian notes name actions by nouns too ("добавление …")
        return not _opens_a_noun_phrase(explanation)
    if looks_like_verb(first) or first in _EN_IMPERATIVES or first.startswith("предназнач"):
        return True
    return first.isascii() and first.endswith("s") and not first.endswith(("ss", "us", "is"))


def _says_when(explanation: str, pack: LanguagePack) -> bool:
    """An explanation that opens with when to use the call ("когда аргументы уже в
    массиве", "when the list is sorted"): it answers "when", not "what does it do"."""
    return mentions_cue(pack, "item.when_to_use", explanation)


def _question_of(
    member: LabelledItem, topic: str, goal: str, purpose: bool, pack: LanguagePack
) -> str:
    """Which question the label answers: a value ("position: relative") what it means,
    code what it does, a way to a goal how it reaches it, a method what it is for,
    anything else what it is."""
    label = member.label
    if ":" in label or "=" in label:
        return "means"
    if member.shape == "code" or label.endswith("()") or _CAMEL.fullmatch(label):
        if _acts(label) and (_is_function(label) or _says_an_action(member.explanation)):
            return "when" if _says_when(member.explanation, pack) else "does"
        if _acts(label):  # `vServer` – "logical server …": what it is, not what it does
            return "what_code"
        return "does_bare" if _BARE_WORD.fullmatch(label) else "does_name"
    if goal:
        return "goal"
    if purpose:
        return "purpose"
    if not topic:
        return "what_bare"
    return "what_named" if _shares_word(label, topic) else "what"


MIN_SET_WORDS, MAX_SET_WORDS = 2, 4  # words that say whose a set is: "of machine learning"


def _names_its_set(announced: SetAnnouncement) -> bool:
    """A set question a reader can answer alone: it says what the members are for or
    whose values they are, or its name says of what ("types of machine learning",
    "типы контекстов выполнения"), not "значения ("флаги")", "уровни жёсткости"."""
    if announced.goal or announced.owner:
        return True
    rest = announced.topic.split(" ", 1)[1] if " " in announced.topic else ""
    words = re.findall(r"\w{3,}", rest)
    plain = not re.search(r"[()\"«»“”']", rest)
    return plain and MIN_SET_WORDS <= len(words) <= MAX_SET_WORDS


_ASIDE = re.compile(r"\((?![A-Z]{2,6}\))[^)]*\)")  # a bracket that is not "(MAR)"
_STEM = 5  # letters that identify a word across endings ("контекст", "контекстов")


def _shares_word(label: str, topic: str) -> bool:
    """Whether a label of two or more words repeats a word of its set's name, so it
    names its subject on its own ("Supervised learning" of "types of machine learning")."""
    if any(c.isdigit() for c in label) or _ASIDE.search(label):
        return False  # "Day 3 (Future)", "Callee-saved (12 registers)": an entry, not a term
    return len(label.split()) >= 2 and bool(
        word_stems(label, _STEM, 3) & word_stems(topic, _STEM, 3)
    )


MAX_VALUE_WORDS, MAX_VALUES_WORDS = 12, 60  # a set's back a reader can still recall


def _set_back(
    members: list[LabelledItem],
    labels: tuple[str, ...],
    announced: SetAnnouncement,
    pack: LanguagePack,
) -> str:
    """The members of a set, as its card's back: their labels, or, for a set of aspects
    ("основные характеристики HTTP-запроса: Методы: …, Заголовки: …"), each label with
    its value, since the values are what there is to know; "" when that would be too
    long to recall (the per-item cards still ask each one) or a formula has no text."""
    if not all(labels):
        return ""
    noun = announced.topic.split(" ", 1)[0]
    if announced.owner or not pack.attribute_nouns.match(noun):  # values: the labels
        return "\n".join(f"• {label}" for label in labels)
    values = [math_as_text(short_answer(m.explanation)) for m in members]
    words = [len(v.split()) for v in values if v]
    if not words or len(words) < len(values):
        return ""
    if max(words) > MAX_VALUE_WORDS or sum(words) > MAX_VALUES_WORDS:
        return ""
    return "\n".join(f"• {label}: {value}" for label, value in zip(labels, values, strict=True))


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
                answer = math_as_text(short_answer(member.explanation))
                if not answer or _only_a_gloss(answer) or _opens_with_fragment(answer):
                    continue  # nothing to say ("после всех"), a formula with no text, shorthand
                if calls_an_example_variable(member.label):
                    continue  # "p.convert(Poly)": what `p` is, the example says
                shape = _question_of(member, topic, goal, purpose, pack)
                label = member.label
                if not shape.startswith(("does", "means")) and _is_verb_phrase(label, pack):
                    continue  # "What are Handling specific errors?": an action, not a thing
                if (
                    announced
                    and announced.owner
                    and shape in ("does", "does_bare", "does_name", "what_code", "means")
                ):
                    shape, label = "means", f"{announced.owner}: {label}"
                if not ctx.kept(CONFIDENCE[shape]):
                    continue  # the registry would drop it
                template = "item.does" if shape.startswith("does") else f"item.{shape}"
                if shape == "when" and mentions_cue(pack, "item.when_called", answer):
                    template = "item.when_called"  # a hook: "right before it is mounted"
                if shape.startswith("what"):  # what, what_named, what_bare: one question
                    plural = shape != "what_code" and pack.is_plural(label)  # `consoleOptions`
                    template = "item.what_plural" if plural else "item.what"
                    if shape != "what_code":
                        label = _as_asked(label, pack)
                front = pack.ask(template, label=label, goal=goal)
                if shape in ("what", "purpose"):  # a label of the list's subject
                    front = pack.in_topic(front, topic[:1].upper() + topic[1:])
                elif shape == "what_code":  # an option of one tool: "VSCode debugging: …"
                    front = _within_note(front, label, ctx.topic_of(section), pack)
                cards.append(
                    ctx.card(
                        kind="definition",
                        extractor=NAME,
                        rule=f"{NAME}.{shape}",
                        confidence=CONFIDENCE[shape],
                        evidence=f"{member.shape} label in a list about “{topic}”",
                        anchor=f"{topic} › {member.label}",
                        front=front,
                        back=answer,
                        line=member.item.line,
                        section=section,
                    )
                )
            labels = tuple(math_as_text(m.label) or "" for m in members)
            back = _set_back(members, labels, announced, pack) if announced else ""
            asked = set_front(announced, ctx.topic_of(section), pack) if announced else ""
            whole = len(members) == len(block.items)  # a set that lost an item misleads
            if announced and back and asked and whole and "$" not in asked:
                set_rule = "set_named" if _names_its_set(announced) else "set"
                if announced.open_ended:
                    set_rule = "set_open"
                confidence = CONFIDENCE[set_rule]
                if is_bare_noun(announced.about):  # "types of keys": whose keys?
                    asked, confidence = ctx.asked_within(
                        asked, announced.about, section, confidence
                    )
                cards.append(
                    ctx.card(
                        kind="enumeration",
                        extractor=NAME,
                        rule=f"{NAME}.{set_rule}",
                        confidence=confidence,
                        evidence=f"lead-in announces a set: “{lead}”",
                        anchor=f"{topic} › set",
                        front=asked,
                        back=back,
                        line=block.line,
                        section=section,
                        items=labels,
                    )
                )
            ctx.claim(block, section)
    return cards
