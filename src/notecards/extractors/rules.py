"""Rules a note states outright: "rule" cards.

Notes flag what must not be forgotten: "Правило: …", "Важно: …", "Запомните: …", "Как
правило, …", "Rule of thumb: …", "Important: …", "Note: …", and Obsidian callouts of
kind tip, important, warning or note whose title (or first sentence) is a statement.
Each becomes a question about the rule's context, the nearest heading that names a
subject or else the note's title ("Хуки: что важно помнить?", "What should you keep in
mind about IPv6 addresses?"), answered by the rule itself.

A rule is only asked where it stands alone: not one that opens with "это", "it",
"also", that asks a question, that ends with a colon (the rule is in what follows), or
that is mostly math. The colon form of the Russian question keeps a heading in the
nominative case, so no grammar library is needed. When a context holds several rules,
one card asks for all of them (up to three): two cards with one front could not be
told apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from notecards.extractors.answers import starts_with_cue
from notecards.extractors.base import ExtractContext
from notecards.lang import LanguagePack, pack_for
from notecards.model import Block, Card, ListBlock, Note, Paragraph, Quote, Section
from notecards.text.cues import fold
from notecards.text.guards import dangling
from notecards.text.sentences import sentence_text, split_sentences
from notecards.text.terms import clean_term, key, looks_like_verb

NAME = "rules"
KIND = "rule"
MIN_RULE_WORDS = 4
MAX_RULE_WORDS = 45
MAX_RULE_SENTENCES = 2
MAX_CALLOUT_WORDS = 30
OPENING_CHARS = 40  # a label sits in the first few words
MAX_CONTEXT_WORDS = 6
MAX_SHORT_HEADING = 3  # a heading this short may need the note's subject beside it
MIN_STEM = 3
ENDING = 2
MAX_RULES_PER_CONTEXT = 3
MAX_BACK_WORDS = 60
CALLOUT_KINDS = frozenset({"tip", "important", "warning", "note", "caution", "attention"})

CONFIDENCE = {
    "strong": 0.6,  # "Правило:", "Важно:", "Important:", "Rule of thumb:"
    "label": 0.5,  # "Note:", "NB:", "Обратите внимание:": often an aside
    "usually": 0.45,  # "Как правило, …": a generalisation more often than a rule
    # callouts: a strict reader kept 13 of 33 on real vaults (seed 12): lecture key
    # points and slogans as often as rules, so they sit under the threshold
    "callout-title": 0.45,  # > [!important] a statement as the callout's title
    "callout-body": 0.4,  # > [!tip] with no title: the first sentence of its body
}
LIST_CONFIDENCE = 0.6  # "Правила хуков:" and a short list
MAX_LIST_RULES = 6
MAX_LIST_WORDS = 80
MAX_LIST_NAME_WORDS = 4
CROWDED = 0.3  # more rules in one context than one card can ask: below the threshold
MERGE_PENALTY = 0.05  # a card that asks for two or three rules at once

_MATH = re.compile(r"\$[^$]*\$")
_NUMBERING = re.compile(r"^[\W\d_]+")
_PREFIX = re.compile(r"^\w+\s+\d[\d.]*\s*[-–—:.]\s+")  # "Lecture 5 - IPv6" → "IPv6"
_CYRILLIC_WORD = re.compile(r"[а-яё]+\b")
_CALLOUT_HEAD = re.compile(r"^>\s*\[![^\]]*\][-+]?\s*")
_GARBLED = re.compile(r"\.\s+[a-zа-яё]")  # "expanded to. multiple": a mark the reader lost
_CONTEXT_CHARS = re.compile(r"^[\w\s\-.,()/+#'’:&]+$")


@dataclass(frozen=True, slots=True)
class _Rule:
    """One rule of the note: its text, where it is, and what marked it."""

    text: str
    line: int
    how: str
    strict: bool  # labelled "Правило" / "Rule": asked as a rule, not a reminder
    block: Block


@cache
def _colon_after(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{pattern})\s*:\s*", re.I)


def _sentences(paragraph: Paragraph) -> list[str]:
    return [t for t in (sentence_text(s) for s in split_sentences(paragraph.spans)) if t]


def _capital(text: str) -> str:
    """A Russian word that opened the sentence after its label in capitals; anything
    else (`deep`, `parse_args()`, "the") as written, since code keeps its case."""
    return text[:1].upper() + text[1:] if _CYRILLIC_WORD.match(text) else text


def _join(sentences: list[str]) -> str:
    """The first sentences of a rule, as long as they fit in MAX_RULE_WORDS."""
    kept: list[str] = []
    for sentence in sentences[:MAX_RULE_SENTENCES]:
        if kept and len(" ".join([*kept, sentence]).split()) > MAX_RULE_WORDS:
            break
        kept.append(sentence)
    return " ".join(kept).strip()


@cache
def _word_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")


def _normative(pack: LanguagePack, text: str) -> bool:
    """Whether a statement prescribes or forbids ("не", "только", "must", "never"):
    what tells a rule from a remark when the label is only "Note" or a callout."""
    pattern = pack.cues.get("rule.normative")
    return bool(pattern) and _word_pattern(pattern).search(fold(text)) is not None


def _stands_alone(pack: LanguagePack, text: str) -> bool:
    """A rule that reads on its own: a statement of a few words, no referent elsewhere."""
    words = text.split()
    if not MIN_RULE_WORDS <= len(words) <= MAX_RULE_WORDS:
        return False
    if "?" in text or text.rstrip().endswith((":", "…", "...")):
        return False
    if dangling(text.split(". ")[0], pack):
        return False
    if _MATH.search(text) or text.count("$") >= 2:
        return False  # formulas read as plain text are not a back a student keeps
    if starts_with_cue(pack, "rule.dangling", text) is not None:
        return False
    return not any(w.lower().strip(".,;:!") in pack.first_person for w in words)


def _labelled(pack: LanguagePack, paragraph: Paragraph) -> _Rule | None:
    """ "Важно: …" / "Note: …" / "Как правило, …" at the start of a paragraph."""
    opening = paragraph.text[:OPENING_CHARS]
    if _colon_after(_labels(pack)).match(opening) is None and (
        starts_with_cue(pack, "rule.usually", opening) is None
    ):
        return None  # most paragraphs: no label, and no sentences to split
    sentences = _sentences(paragraph)
    if not sentences:
        return None
    first = sentences[0]
    label = _colon_after(_labels(pack)).match(first)
    if label is not None:
        strong = starts_with_cue(pack, "rule.strong", first) is not None
        how = "strong" if strong else "label"
        strict = starts_with_cue(pack, "rule.strict", first) is not None
        rest = first[label.end() :]
        if not strong and not _normative(pack, rest):
            return None  # "Note: the slides were explained in the seminar"
        if not strong and starts_with_cue(pack, "rule.meta", rest.strip()) is not None:
            return None  # "Note: we only need one definition": the course, not the subject
    else:
        usually = starts_with_cue(pack, "rule.usually", first)
        if usually is None or first[usually.end() : usually.end() + 1] != ",":
            return None
        how, strict, rest = "usually", False, first[usually.end() + 1 :]
    text = _join([_capital(rest.strip()), *sentences[1:]])
    if not text or not _stands_alone(pack, text):
        return None
    return _Rule(text, paragraph.line, how, strict, paragraph)


def _is_label(title: str) -> bool:
    """A callout title that only names the callout ("Note", "Важно", "Tip:")."""
    bare = title.strip(" :.!")
    return len(bare.split()) < MIN_RULE_WORDS or key(bare) in CALLOUT_KINDS


def _title_and_body(quote: Quote) -> tuple[str, tuple[Block, ...]]:
    """The callout's whole title line and its body. The reader ends a title at its
    first inline markup ("comes from the *water*, not …") and hands the rest of that
    line over as the first paragraph of the body, which starts on the title's line."""
    title = " ".join(quote.title.split())
    body = quote.blocks
    first = body[0] if body else None
    line = quote.source.lstrip().split("\n", 1)[0]
    raw = " ".join(_CALLOUT_HEAD.sub("", line).split())
    if title and isinstance(first, Paragraph) and len(raw) > len(title) + 1:
        title, body = f"{title} {first.text.strip()}", body[1:]
    return title, body


def _callout(pack: LanguagePack, quote: Quote) -> _Rule | None:
    """A tip/important/warning/note callout whose title, or else whose first
    paragraph, states a rule."""
    if quote.callout.lower() not in CALLOUT_KINDS:
        return None
    title, body = _title_and_body(quote)
    first = body[0] if body else None
    if title and not _is_label(title):
        if _GARBLED.search(title):
            return None
        text, how = title, "callout-title"
        if isinstance(first, Paragraph):  # "Title. More on it" as one rule, when short
            ended = title if title.endswith((".", "!")) else f"{title}."
            more = _join([ended, *_sentences(first)])
            text = more if len(more.split()) <= MAX_RULE_WORDS // 2 else text
    elif isinstance(first, Paragraph):
        sentences = _sentences(first)
        if sentences and _colon_after(_labels(pack)).match(sentences[0]):
            found = _labelled(pack, first)
            return replace(found, line=quote.line, block=quote) if found else None
        text, how = (sentences[0] if sentences else ""), "callout-body"
        if not text[:1].isupper():
            return None  # "static when a variable …": code or a highlight the reader lost
    else:
        return None
    if len(text.split()) > MAX_CALLOUT_WORDS or not _normative(pack, text):
        return None  # a callout that summarises or tells a story, not one that rules
    return _Rule(text, quote.line, how, False, quote) if _stands_alone(pack, text) else None


def _labels(pack: LanguagePack) -> str:
    return pack.cues.get("rule.label", "(?!)")


def _subject(pack: LanguagePack, text: str) -> str:
    """A heading or title as a rule's context: a short name, not a label or question."""
    text = _NUMBERING.sub("", " ".join(text.split()))
    text = _PREFIX.sub("", text, count=1)  # "Lecture 5 - IPv6 Addressing"
    if _has_word(pack, "rule.transliterated", text) and not _CYRILLIC_WORD.search(text.lower()):
        return ""  # "Watch i watcheffect": a file name transliterated from Russian
    what_is = starts_with_cue(pack, "question.what_is", text)
    if what_is is not None:  # "Что такое CORS?": the subject the note defines
        text = text[what_is.end() :].strip().rstrip("?")
    text = clean_term(text)
    words = text.split()
    if not 0 < len(words) <= MAX_CONTEXT_WORDS or text.endswith(("?", ":")):
        return ""
    if key(text) in pack.generic_headings or key(text) in pack.task_headings:
        return ""
    if words[0].lower() in pack.task_headings or words[0].lower() in pack.generic_headings:
        return ""  # "Пример 2", "Lecture 5", "Task 3"
    if not re.search(r"[^\W\d_]{2}", text) or not _CONTEXT_CHARS.match(text):
        return ""  # math, emoji, a tag the reader cut ("link> element")
    if starts_with_cue(pack, "question.start", text) is not None:
        return ""  # "Как устроен CRP по шагам": a question, not a subject
    collection = pack.cues.get("rule.collection")
    if collection and _word_pattern(collection).search(fold(text)):
        return ""  # "Stats glossary (midterm 1)": a collection of facts, not one subject
    weak = pack.cues.get("rule.weak_context")
    if weak and _word_pattern(weak).match(fold(text).strip(".")):
        return ""  # "Example. Emergency Vehicles", "Syntax", "Application"
    return text


def _context(pack: LanguagePack, note: Note, section: Section) -> str:
    """The nearest heading that names a subject, else the note's title. A short
    heading that does not name the note's subject ("Обработка ошибок" in "Промисы")
    is joined to the title the way the pack says ("Промисы — обработка ошибок")."""
    title = _subject(pack, note.title)
    for heading in reversed(section.path):
        found = _subject(pack, heading)
        if not found:
            continue
        if title and len(found.split()) <= MAX_SHORT_HEADING and not _shares_word(found, title):
            return pack.ask("rule.context", title=title, heading=_lower_first(found))
        return found
    return title


def _shares_word(a: str, b: str) -> bool:
    """Whether two phrases share a word up to its ending ("промисов" / "Промисы",
    "хуков" / "Хуки"): a common start of all but the last two letters, at least three."""
    words_b = [w.lower() for w in re.findall(r"\w+", b) if len(w) > 2]
    for x in (w.lower() for w in re.findall(r"\w+", a) if len(w) > 2):
        for y in words_b:
            need = max(MIN_STEM, min(len(x), len(y)) - ENDING)
            if x[:need] == y[:need]:
                return True
    return False


def _lower_first(text: str) -> str:
    """ "Обработка ошибок" → "обработка ошибок"; names and acronyms stay as written."""
    first = text.split()[0]
    if _CYRILLIC_WORD.fullmatch(first.lower()) and first[1:].islower():
        return text[:1].lower() + text[1:]
    return text


def _rules(pack: LanguagePack, section: Section, ctx: ExtractContext) -> Iterator[_Rule]:
    for block in section.blocks:
        if ctx.is_claimed(block):
            continue
        if isinstance(block, Paragraph):
            found = _labelled(pack, block)
        elif isinstance(block, Quote) and block.callout:
            found = _callout(pack, block)
        else:
            continue
        if found is not None:
            yield found


def _list_question(pack: LanguagePack, text: str) -> str:
    """ "Правила хуков:" → "Какие правила хуков?"; "" for any other text. The note's
    own words after "Правила" are already in the case the question needs."""
    pattern = pack.cues.get("rule.list")
    found = re.match(pattern, " ".join(text.split()), re.I) if pattern else None
    if found is None:
        return ""
    rest = found.group("rest")
    words = rest.split()
    if len(words) > MAX_LIST_NAME_WORDS or any(map(looks_like_verb, words)):
        return ""  # "Правила FSD запрещают …": a sentence about rules, not their name
    if any(mark in rest for mark in "\"«»“”'") or _has_word(pack, "rule.list_stop", rest):
        return ""  # "Rules of Thumb", "Application Business Rules"
    if starts_with_cue(pack, "rule.dangling", rest) is None:
        return pack.ask("rule.list", x=rest)
    return ""


def _has_word(pack: LanguagePack, name: str, text: str) -> bool:
    pattern = pack.cues.get(name)
    return bool(pattern) and _word_pattern(pattern).search(fold(text)) is not None


def _list_back(block: ListBlock) -> str:
    """The rules of a short list, one a line; "" for a list too long to recall."""
    items = [" ".join(item.text.split()) for item in block.items]
    if not 2 <= len(items) <= MAX_LIST_RULES or not all(items):
        return ""
    back = "\n".join(f"- {item}" for item in items)
    return back if len(back.split()) <= MAX_LIST_WORDS else ""


def _in_context(pack: LanguagePack, question: str, title: str) -> str:
    """ "Какие правила обработки ошибок?" in a note on promises → "Промисы: какие
    правила обработки ошибок?": the note's subject, when the question lacks it."""
    if not title or _shares_word(question, title):
        return question
    return pack.in_topic(question, title)


def _rule_lists(note: Note, ctx: ExtractContext, pack: LanguagePack) -> list[Card]:
    """ "Правила X:" (a lead-in or a heading) and the list under it: "Какие правила X?"."""
    cards: list[Card] = []
    title = _subject(pack, note.title)
    for section in note.sections:
        blocks = section.blocks
        heading = _list_question(pack, section.heading) if section.heading else ""
        for index, block in enumerate(blocks):
            if not isinstance(block, ListBlock) or ctx.is_claimed(block):
                continue
            before = blocks[index - 1] if index else None
            question = heading if index == 0 else ""
            if isinstance(before, Paragraph) and before.text.strip().endswith(":"):
                question = _list_question(pack, before.text.strip()) or question
            back = _list_back(block) if question else ""
            if not back:
                continue
            question = _in_context(pack, question, title)
            ctx.claim(block)
            cards.append(
                ctx.card(
                    kind=KIND,
                    extractor=NAME,
                    rule=f"{NAME}.list",
                    confidence=LIST_CONFIDENCE,
                    evidence=f"rules listed under: {question}",
                    anchor=question,
                    front=question,
                    back=back,
                    line=block.line,
                    section=section if section.heading else None,
                )
            )
    return cards


def extract_rules(note: Note, ctx: ExtractContext) -> list[Card]:
    """One card per list of rules ("Правила X:"), and one per context (heading or
    note) that states rules: the rule, or up to three of them as a list."""
    pack = pack_for(note.lang)
    if pack is None or not pack.cues.get("rule.label"):
        return []
    cards = _rule_lists(note, ctx, pack)
    groups: dict[str, list[tuple[_Rule, Section]]] = {}
    for section in note.sections:
        for rule in _rules(pack, section, ctx):
            context = _context(pack, note, section)
            if context:
                groups.setdefault(context, []).append((rule, section))
    return cards + [_card(ctx, pack, context, found) for context, found in groups.items()]


def _card(
    ctx: ExtractContext, pack: LanguagePack, context: str, found: list[tuple[_Rule, Section]]
) -> Card:
    rules = [rule for rule, _ in found]
    section = found[0][1]
    strict = all(rule.strict for rule in rules)
    front = pack.ask("rule.rule" if strict else "rule.remember", x=context)
    back = rules[0].text if len(rules) == 1 else "\n".join(f"- {r.text}" for r in rules)
    confidence = min(CONFIDENCE[rule.how] for rule in rules)
    evidence = f"{len(rules)} rule(s) marked {', '.join(sorted({r.how for r in rules}))}"
    if len(rules) > 1:
        confidence -= MERGE_PENALTY
    if len(rules) > MAX_RULES_PER_CONTEXT or len(back.split()) > MAX_BACK_WORDS:
        confidence, evidence = CROWDED, f"too many rules for one question ({len(rules)})"
    for rule in rules:
        ctx.claim(rule.block)
    return ctx.card(
        kind=KIND,
        extractor=NAME,
        rule=f"{NAME}.{rules[0].how}",
        confidence=round(confidence, 2),
        evidence=evidence,
        anchor=front,
        front=front,
        back=back,
        line=rules[0].line,
        section=section if section.heading else None,
    )
