"""What a list in a note is: a process, a set of labelled members, or neither.

A numbered list is not a procedure by being numbered: notes number sets ("Основные
принципы ООП: 1. **Инкапсуляция** – …"), questions to discuss and lists of links just
as often. The extractors read a list through this module, which looks for positive
evidence of each reading in the words of the note's language pack: cue words in the
headings and in the sentence that leads into the list, order words in the items
("сначала", "then"), items that are actions, and items shaped `**Label** – text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from notecards.extractors.answers import mentions_cue
from notecards.lang import LanguagePack, SetLeadIn
from notecards.model import Block, ListBlock, ListItem, Note, Paragraph, Section
from notecards.text.note_text import NoteText
from notecards.text.sentences import ENGLISH_ARTICLES, Flat
from notecards.text.terms import (
    PRONOUNS,
    clean_term,
    is_label,
    is_term,
    key,
    leading_term,
    looks_like_verb,
    starts_badly,
)
from notecards.text.topics import is_named, shares_a_word

LABELLED_SHARE = 2 / 3  # of a list's items labelled: the list is a set of members
ACTION_SHARE = 0.8  # of a list's items shaped as actions: the list does something
MAX_LABEL_WORDS = 5
MIN_EXPLANATION_WORDS = 2
# an item whose label only counts it ("Шаг 1", "Step 2"): its list is still steps
_STEP_LABEL = re.compile(r"(?:шаг|этап|стадия|step|stage|phase)\s*\d+[.)]?", re.IGNORECASE)
_COUNTED = re.compile(r"\S+\s+(?:\d+|[ivx]+)\b")  # "Week 2 (Dec 9-15)", "Lecture 7 - …"
_COORDINATED = re.compile(r"\s(?:vs\.?|versus|и|или|and|or)\s", re.IGNORECASE)
_PLAIN_LABEL = re.compile(r"(?P<label>[^:—–]{1,60}?)\s*(?::|\s[—–-])\s+(?P<rest>\S.*)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class LabelledItem:
    """A list item that names something and then explains it: `**Label** – text`."""

    item: ListItem
    label: str
    explanation: str
    shape: str  # code | emphasis | plain: how the label is marked


@dataclass(frozen=True, slots=True)
class ProcessEvidence:
    """How sure a numbered list is a process, and what said so."""

    confidence: float  # 0 when nothing says it is one
    reasons: tuple[str, ...]


def first_flat(item: ListItem, text: NoteText) -> Flat | None:
    """The first sentence of an item's first paragraph (None for an item without one)."""
    paragraph = item.paragraph
    if paragraph is None:
        return None
    sentences = text.sentences(paragraph)
    return sentences[0][1] if sentences else None


def _paragraph_text(item: ListItem) -> str:
    return " ".join(item.text.split())


def item_label(item: ListItem, text: NoteText) -> LabelledItem | None:
    """`**Label** – text`, `` `method()` - text ``, `Label: text`: the label and the text."""
    flat = first_flat(item, text)
    if flat is None:
        return None
    whole = _paragraph_text(item)
    lead = leading_term(flat)
    if lead is not None:
        label, after = lead
        shape = "code" if flat.code and flat.code[0][0] == 0 else "emphasis"
        if shape == "code":  # as written: quotes and braces are part of code
            label = flat.text[: flat.code[0][1]].strip("` ")
        # the first sentence begins the paragraph: the explanation runs on past it
        head = flat.text[:after]
        explanation = whole[after:] if whole.startswith(head) else flat.text[after:]
    else:
        match = _PLAIN_LABEL.fullmatch(whole)
        if match is None:
            return None
        label, explanation, shape = clean_term(match.group("label")), match.group("rest"), "plain"
        if not is_term(label):
            return None
    label = label.strip()
    if not label or len(label.split()) > MAX_LABEL_WORDS or is_label(label):
        return None
    if sum(c.isalpha() for c in label) < 2 or _COORDINATED.search(label):
        return None  # "n: sample size", "Parameter vs statistic": no one subject
    if len(explanation.split()) < MIN_EXPLANATION_WORDS:
        return None
    return LabelledItem(item, label, explanation.strip(), shape)


def labelled_items(block: ListBlock, text: NoteText) -> list[LabelledItem]:
    """The labelled items of a list whose items are mostly labelled, else [] (read once
    per note: procedures and labelled_items both ask; callers must not mutate it)."""
    return text.of_block(block, _labelled_items)


def _labelled_items(block: ListBlock, text: NoteText) -> list[LabelledItem]:
    items = block.items
    if len(items) < 2:
        return []
    found = [labelled for item in items if (labelled := item_label(item, text)) is not None]
    if len(found) < 2 or len(found) < LABELLED_SHARE * len(items):
        return []
    return found


def counts_steps(labelled: list[LabelledItem]) -> bool:
    """Labels that only number the items ("Шаг 1", "Step 2")."""
    return all(_STEP_LABEL.fullmatch(item.label) for item in labelled)


def is_link_list(block: ListBlock) -> bool:
    """Every item is only links (an index of notes, a reading list)."""
    return all(map(is_link_item, block.items))


def is_link_item(item: ListItem) -> bool:
    """An item that is only a link, give or take a few words ("📰 [Article](…)")."""
    paragraph = item.paragraph
    if paragraph is None:
        return False
    kinds = {span.kind for span in paragraph.spans if span.kind != "text" or span.text.strip()}
    spoken = "".join(s.text for s in paragraph.spans if s.kind == "text")
    return bool(kinds & {"link", "wikilink"}) and len(spoken.split()) <= 3


def is_question_list(block: ListBlock) -> bool:
    """Most items are questions (topics to discuss, an exam's questions)."""
    questions = sum(_paragraph_text(item).rstrip().endswith("?") for item in block.items)
    return questions * 2 > len(block.items)


def lead_in(blocks: tuple[Block, ...], index: int, text: NoteText) -> str:
    """The last sentence of the paragraph right before blocks[index], or ""."""
    if index == 0 or not isinstance(blocks[index - 1], Paragraph):
        return ""
    sentences = text.sentences(blocks[index - 1])
    return " ".join(sentences[-1][1].text.split()) if sentences else ""


@lru_cache(maxsize=256)
def _cue_pattern(stems: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(stems) + ")", re.IGNORECASE)


def has_cue(text: str, stems: tuple[str, ...]) -> bool:
    """Whether `text` holds a word that starts with one of `stems` (regex fragments)."""
    return bool(stems) and _cue_pattern(stems).search(text) is not None


def _order_words(steps: list[str], pack: LanguagePack) -> bool:
    """An item after the first opens with an order word ("Затем …", "Then …")."""
    for text in steps[1:]:
        first = text.split(" ", 1)[0].lower().strip(",.:;—–-") if text else ""
        if first in pack.order_words:
            return True
    return False


def _without_order_word(text: str, pack: LanguagePack) -> list[str]:
    """The item's words after a leading "Затем," / "Then" (the action comes next)."""
    words = text.split()
    if words and words[0].lower().strip(",.:;") in pack.order_words:
        return words[1:]
    return words


def headings_of(section: Section, note: Note) -> list[str]:
    """The note's title and the headings above a block, outermost first."""
    return [note.title, *section.path]


def process_evidence(
    steps: list[str],
    lead: str,
    headings: list[str],
    pack: LanguagePack,
) -> ProcessEvidence:
    """How sure the numbered items `steps` are a process, from the pack's cues.

    Several cues (a heading or lead-in that announces steps, order words, items that
    are actions) make it likely; items that are all actions are a process on their own,
    less surely; anything else is not asked as steps."""
    reasons: list[str] = []
    if any(has_cue(h, pack.process_words) for h in headings[-2:]):
        reasons.append("heading")
    if lead and (pack.process_leadin.search(lead) or has_cue(lead, pack.process_words)):
        reasons.append("lead-in")
    if _order_words(steps, pack):
        reasons.append("order words")
    actions = sum(pack.is_action(_without_order_word(text, pack)[:6]) for text in steps)
    if steps and actions >= ACTION_SHARE * len(steps):
        reasons.append("actions")
    cues = len(reasons) - ("actions" in reasons)
    if cues and "actions" in reasons:
        confidence = 0.8
    elif cues >= 2:
        confidence = 0.7
    elif "actions" in reasons:
        confidence = 0.6
    elif cues:
        confidence = 0.4  # a cue alone: shown by `cards --all`, not put in decks
    else:
        confidence = 0.0
    return ProcessEvidence(confidence, tuple(reasons))


@dataclass(frozen=True, slots=True)
class SetAnnouncement:
    """A lead-in that announces a set: the question for its members, the set's name
    ("способы избежать X"), and what its members are for ("избежать X"), if it says."""

    question: str
    topic: str
    goal: str = ""
    owner: str = ""  # whose values the members are ("position" in "position может …")
    # the set's subject names nothing of its own ("Software components include:",
    # "Компоненты включают:"): of what, only the note's subject can say
    generic: bool = False
    # what the set is of ("bus" in "types of bus", "Classification algorithms"): the
    # thing a question needs the note's subject for when it is generic
    about: str = ""
    # an owner that opens with a judging or open-ended word ("Common hashing schemes",
    # "Good logging"): no list can say all its members
    open_ended: bool = False


def set_question(lead: str, pack: LanguagePack) -> SetAnnouncement | None:
    """What a set lead-in ("Есть несколько способов избежать X:") announces, or None.

    A tail that leads into examples ("Types of attack, e.g.:") is left out of the
    question; a lead-in whose set is a meta noun or a referent ("Topics include:",
    "Each rule includes:"), or that runs on into a clause of its own, announces none."""
    text = pack.example_tail.sub("", lead.rstrip(" :").strip()).strip()
    if not text or len(text.split()) > 16 or _BROKEN_LEAD.search(text):
        return None
    for leadin in pack.set_leadins:
        match = leadin.regex.search(text)
        if match is None:
            continue
        values = {k: " ".join(v.split()) for k, v in match.groupdict().items() if v is not None}
        if "noun" in values:
            values["noun"] = _noun(values["noun"], leadin)
        if "rest" in values:
            values["rest"] = (" " + values["rest"].strip(" ,")) if values["rest"].strip() else ""
        if "subject" in values and not _names_something(values["subject"]):
            continue
        if "subject" in values and _two_sets(values["subject"], pack):
            continue  # "The patterns and use cases include:": which set is asked?
        if "subject" in values and is_example_owner(values["subject"]):
            continue  # "Селектор `ul > li` состоит из:": the parts of one example
        if pack.meta_subject.search(clean_term(values.get("subject", ""))):
            continue  # "Examples of X include:", "Other methods include:", "Each rule …"
        if any(map(looks_like_verb, values.get("rest", "").split())):
            continue  # "types of constraints are identified": the lead-in is a clause
        if not _names_its_owner(values.get("rest", ""), pack):
            continue  # "components from 1 to 4", "types of systems for each structure"
        if "adj" in values:
            values["adj"] = values["adj"].lower()
        said = " ".join(values.get(k, "") for k in ("rest", "subject")).lower().split()
        if not PRONOUNS.isdisjoint(w.strip(".,;:!?") for w in said):
            continue  # "ways to prevent it": the question would lean on what came before
        if "noun" in values and not values.get("rest"):
            continue  # "There are two types:" – of what, the question could not say
        question = pack.ask(leadin.question, **values)
        topic = f"{values['noun']}{values.get('rest', '')}" if "noun" in values else text
        rest = values.get("rest", "").split()
        goal = " ".join(rest) if rest and pack.is_goal(rest) else ""
        owner = ""
        if leadin.question == "set.values":
            last = values["subject"].split()[-1]
            owner = last if last.isascii() else ""
        generic = "subject" in values and names_no_owner(values["subject"], pack)
        subject = clean_term(values.get("subject", ""))
        open_ended = mentions_cue(pack, "set.open_owner", subject)
        if "subject" in values and (generic or " " in values["subject"]):
            values["subject"] = _lowered(values["subject"])  # "Proactive routing protocols"
            question = pack.ask(leadin.question, **values)
        about = subject or _LEADING_PREPOSITION.sub("", values.get("rest", "")).strip()
        about = about or values.get("noun", "")
        return SetAnnouncement(question, topic, goal, owner, generic, about, open_ended)
    return None


def names_no_owner(subject: str, pack: LanguagePack) -> bool:
    """A set's subject that is only a part-of plural ("Software components", "The
    patterns", "Основные компоненты"): components of what, it does not say, unless
    a name in it does ("High-risk CAD features", "Noteworthy MPI calls")."""
    subject = clean_term(subject)
    if not mentions_cue(pack, "set.generic_owner", subject):
        return False
    return not any(is_named(word) for word in subject.split())


_CONJUNCTION = re.compile(r"\s(?:and|or|&|и|или)\s", re.I)


def _two_sets(text: str, pack: LanguagePack) -> bool:
    """Two sets joined as one ("types of storage and use cases", "паттерны и примеры"):
    what follows the conjunction is a set of its own."""
    parts = _CONJUNCTION.split(text)
    return len(parts) > 1 and mentions_cue(pack, "set.generic_owner", parts[-1].strip())


def _lowered(subject: str) -> str:
    """ "Software components" as it reads inside a question: "software components"."""
    first = subject.split(" ", 1)[0]
    if first[1:].islower() and not is_named(first):
        return subject[:1].lower() + subject[1:]
    return subject


def is_bare_noun(about: str) -> bool:
    """One common word is what a set is of ("types of bus", "A block consists of:"):
    which bus, which block, only the note's subject says; longer names ("routing
    protocols", "свойство position") mostly say it themselves."""
    words = [w for w in about.split() if w.lower() not in ENGLISH_ARTICLES]
    return len(words) == 1 and words[0].isalpha() and words[0].islower()  # not "HTTP-запроса"


def set_front(announced: SetAnnouncement, topic: str, pack: LanguagePack) -> str:
    """The set's question as a card asks it: within `topic` when the set's subject
    names nothing of its own ("GPU networking: what do software components include?"),
    "" when it needs a subject and the note has none (components of what?)."""
    if not announced.generic:
        return announced.question
    if not topic:
        return ""
    if shares_a_word(announced.question, topic):
        return announced.question  # "Kafka components include:" in a note on Kafka
    return pack.in_topic(announced.question, topic)


# A code sample as a set's owner: an operator of a selector or an expression
# ("ul > li a", "a + b", "[type=text]"), a selector's ".class" or ":hover", a quoted
# literal, or a noun with a one-letter name ("отношение R", "matrix A"): the parts of
# one example, not of a concept.
_EXAMPLE_CODE = re.compile(r"[>+~*=#{}\[\]]|(?:^|\s)[.:][A-Za-z]|[A-Za-z][:][A-Za-z]")
_QUOTED = re.compile(r"[«\"“'][^«»\"“”']{1,60}[»\"”']")
_ONE_LETTER_NAME = re.compile(r"\s[A-Za-zА-Яа-я]\d?$")


def is_example_owner(subject: str) -> bool:
    """Whether a set's subject is a sample from an example ("селектор ul > li a",
    "отношение R"), whose parts say nothing about the concept."""
    subject = subject.strip()
    return bool(
        _EXAMPLE_CODE.search(subject) or _QUOTED.search(subject) or _ONE_LETTER_NAME.search(subject)
    )


_BROKEN_LEAD = re.compile(r"[;$]|\s[-–—](?:\s|$)")  # "types ; three examples", "Limits X -"
_LEADING_PREPOSITION = re.compile(r"^\s*(?:of|for|in|to|from|у|для|в|из|от)\s+", re.I)
_LEADING_CONJUNCTION = re.compile(r"^\s*(?:and|or|&|и|или|а также)\s", re.I)
_PREPOSITION = re.compile(r"\s+(?:of|for|in|to|from|with|у|для|в|из|от|с)\s+", re.I)


def _names_its_owner(rest: str, pack: LanguagePack) -> bool:
    """Whether the words after a set's noun ("of attack", "для защиты") say whose set it
    is, not only numbers ("from 1 to 4") or a referent or a meta noun ("for each
    directory structure", "of types")."""
    if _LEADING_CONJUNCTION.match(rest) or _two_sets(rest, pack):
        return False  # "the patterns and use cases": a second set, not whose the first is
    owner = _LEADING_PREPOSITION.sub("", rest)
    if not owner.strip():
        return True
    if not re.search(r"[^\W\d_]{3,}", re.sub(r"\b(?:to|до|and|и)\b", "", owner)):
        return False
    chunks = _PREPOSITION.split(owner.strip())
    return not any(pack.meta_subject.search(chunk) for chunk in chunks if chunk)


def _names_something(subject: str) -> bool:
    """A subject a question can stand on: a term, not "Some examples", "Они"."""
    subject = clean_term(subject)
    return is_term(subject) and not starts_badly(subject) and key(subject).split()[0] != "some"


def _noun(word: str, leadin: SetLeadIn) -> str:
    """The set's noun as the question needs it ("способов" → "способы")."""
    lowered = word.lower()
    for stem in sorted(leadin.nouns, key=len, reverse=True):
        if lowered.startswith(stem):
            return leadin.nouns[stem]
    return lowered


def is_purpose_set(topic: str, pack: LanguagePack) -> bool:
    """A set of ways or methods: its members are asked what they are for."""
    return has_cue(topic, pack.purpose_nouns)


_EDGE_JUNK = re.compile(r"^[\W\d_]+|[\W\d_]+$")  # "🔹 1) ", " (2)", trailing "…:"


def strip_counter(text: str) -> str:
    """A heading without the emoji, numbers and marks around it ("🔹 3. Итоги" → "Итоги")."""
    return _EDGE_JUNK.sub("", text)


def is_generic_label(text: str, pack: LanguagePack) -> bool:
    """A heading or lead-in that names no subject ("Введение", "Пример 2", "Steps")."""
    words = strip_counter(key(text))
    first = words.split(" ", 1)[0]
    return (
        not words
        or words in pack.generic_headings
        or words in pack.procedure_generic_headings
        or words in pack.task_headings
        or (first in pack.task_headings and _COUNTED.match(words) is not None)
        or first in pack.procedure_generic_headings  # "Шаги установки", "Steps to …"
    )
