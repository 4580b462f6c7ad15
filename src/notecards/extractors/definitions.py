"""Definitions stated in prose: "X — это Y", "X is a Y", "**X**: Y", term tables.

Each definition gives a "definition" card (term → what it is) and, when the definition
is specific enough to point back at one term, a "term" card (definition → term) whose
front never contains the term. Question templates are chosen per pattern so that the
question and the note's own words agree in case: after "является" the answer is in the
instrumental, so the question is "Чем является X?", never "Что такое X?".

Precision over recall: the term must pass `terms.is_term` (a short noun phrase without
verbs, commas or pronouns), the definition must not open with a conjunction, pronoun or
opinion, and questions are never mined. Paragraphs are not claimed: the same paragraph
may still give property and enumeration cards.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from notecards.extractors.base import ExtractContext
from notecards.extractors.definition_backs import (
    DOUBTFUL,
    TO_THE_END,
    back_flaw,
    defines_nothing,
    fit_back,
    runs_to_the_end,
    thin_cost,
)
from notecards.lang import PACKS, LanguagePack, pack_for
from notecards.model import Block, Card, Inline, Note, Paragraph, Section, Span, Table, plain_text
from notecards.render.markup import spans_html
from notecards.text.cues import caseless
from notecards.text.morphology import can_be_subject, is_bare_adjective, is_modifier, is_plural
from notecards.text.note_text import NoteText
from notecards.text.sentence_subject import after_subject
from notecards.text.sentences import ENGLISH_ARTICLES, Flat, prose_blocks, word_set
from notecards.text.terms import (
    PRONOUNS,
    STOP_START,
    Vocabulary,
    blank_term,
    clean_term,
    find_term,
    is_term,
    key,
    leading_term,
    looks_like_verb,
    starts_badly,
)
from notecards.text.topics import (
    BARE_LIMIT,
    SPACED_DASH,
    is_identifier,
    is_named,
    names_one_thing,
    needs_topic,
    shares_a_word,
)

NAME = "definitions"
MAX_PREFIX = 80  # where a term can end: a term is short, so its separator comes early
MAX_ANSWER_WORDS = 40
REVERSE_WORDS = (6, 30)  # a definition that points back at one term: not too vague or long
SPECIFIC_WORDS = 8  # a description this long singles out its term (a reverse kept)

QUESTIONS = {
    "ru": {
        "what": "Что такое {t}?",
        "reverse": "Как называется {d}?",
        "reverse_plural": "Как называются {d}?",  # "переменные, которые …" is plural
        "instr": "Чем {v} {t}?",
        "instr_reverse": "Что является {d}?",
        "under": "Что {v} под {t}?",
        "named": "{d} {v} …",
        "stand": "Как расшифровывается {t}?",  # "A11y — сокращение от Accessibility"
        "stand_reverse": "Как сокращённо называется {d}?",
        "does": "Что делает {t}?",  # "**X** — хранит привязки …"
    },
    "en": {
        "what": "What {v} {t}?",
        "reverse": "What is the term for: {d}?",
        "refer": "What does {t} refer to?",
        "mean": "What does {t} mean?",
        "stand": "What does {t} stand for?",
        "stand_reverse": "What is the abbreviation for {d}?",
        "named": "What is the term for: {d}?",
        "does": "What does {t} do?",  # "**X**: Sets the limit …"
    },
}

# Column headers of a two-column table of terms.
TABLE_HEADS = {
    ("термин", "определение"),
    ("термин", "описание"),
    ("термин", "значение"),
    ("понятие", "определение"),
    ("понятие", "описание"),
    ("понятие", "значение"),
    ("аббревиатура", "расшифровка"),
    ("сокращение", "расшифровка"),
    ("term", "definition"),
    ("term", "meaning"),
    ("term", "description"),
    ("concept", "definition"),
    ("concept", "description"),
    ("abbreviation", "meaning"),
    ("acronym", "meaning"),
    ("acronym", "stands for"),
}

# The patterns that read a sentence are `caseless`: they search `Flat.lowered`, and
# what a match covers is read from `Flat.masked` or `Flat.text` by its offsets.
_RU_DASH_ETO = caseless(r"(?:\s+-\s+|\s*[—–]\s*)это\s+")
_RU_IS = caseless(r"\s+(является|являются)\s+")
_RU_WHICH_IS = caseless(r",\s+котор(?:ый|ая|ое|ые)\s+(является|являются)\s+")
_RU_UNDER = caseless(
    r"под\s+([^,;:]{1,60}?)\s+(понимают|понимается|понимаются|подразумевают|подразумевается"
    r"|подразумеваются)\s+"
)
_RU_NAMED = caseless(r",?\s+(называется|называются|называют)\s+")
_EN_IS = caseless(r"\s+(is|are)\s+(?=(?:a|an|the|one)\s)")
_EN_WHICH_IS = caseless(r",\s+(?:which|that)\s+is\s+(?=(?:a|an|the)\s)")
_EN_VERB = caseless(
    r"\s+(refers\s+to|means|stands\s+for|is\s+short\s+for|is\s+an\s+abbreviation\s+(?:for|of))\s+"
)
_EN_NAMED = caseless(r",?\s+((?:is|are)\s+(?:called|known\s+as|referred\s+to\s+as|termed))\s+")
_NAMED_TAIL = re.compile(
    r",?\s+(?:называется|называются|называют|(?:is|are)\s+(?:called|known\s+as"
    r"|referred\s+to\s+as|termed))\s*$",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"(a|an|the)\s+", re.IGNORECASE)
_EN = PACKS["en"]  # English templates ask a term as `as_asked` words it
_RU = PACKS["ru"]
_ACRONYM = re.compile(r"[A-Za-z0-9][\w./+-]*$")
_CLAUSE_STOP = re.compile(r",|\s(?:котор\w+|which|that|who)\s")
_LEAD_VERB = re.compile(r"(это|is|are)\s", re.IGNORECASE)  # "**X** — это …": not a lead
# A word that every pattern of the language needs (their verbs and "это", matched
# the same way): a sentence without one cannot match, so its patterns are not tried.
_CUES = {
    "ru": caseless(r"это|явля|под|называ"),
    "en": caseless(r"\s(?:is|are|refers|means|stands)\s"),
}


class Definition(NamedTuple):
    """One definition found in a sentence; `start`/`end` locate the answer in `flat`.

    Named tuples (here and `Found`) are cheaper to build than frozen dataclasses, and a
    note gives many definitions."""

    term: str
    front: str
    answer: str
    reverse: str  # the front of the reverse ("term") card, "" when there is none
    kind: str  # "definition", or "term" when the note names a term for a description
    pattern: str
    flat: Flat | None = None
    start: int = 0
    end: int = 0
    more: Flat | None = None  # the next sentence a thin back takes on (definition_backs)
    more_end: int = 0

    @property
    def back(self) -> str:
        """The definition card's back: the answer, and the sentence it took on."""
        if self.more is None:
            return self.answer
        return f"{self.answer}. {self.more.text[: self.more_end]}"

    def answer_spans(self) -> Inline:
        spans = self.flat.sub_spans(self.start, self.end) if self.flat else ()
        if self.more is not None:
            spans += (Span(". "), *self.more.sub_spans(0, self.more_end))
        return spans


class Found(NamedTuple):
    section: Section
    line: int
    definition: Definition
    subject: str = ""  # what the sentence asks it within: "In UNIX computing, …"


# ---------------------------------------------------------------- answers


def _answer_range(flat: Flat, start: int, end: int | None = None) -> tuple[int, int] | None:
    """The definition text from `start`, trimmed of end punctuation and over-long tails."""
    text = flat.text
    end = len(text) if end is None else end
    while end > start and text[end - 1] in " .!;:…":
        end -= 1
    while start < end and text[start] == " ":
        start += 1
    words = text[start:end].split()
    if not words or not any(map(str.isalpha, text[start:end])):
        return None
    if len(words) > MAX_ANSWER_WORDS:
        cut = _clause_cut(text, start, end)
        if cut is None:
            return None
        end = cut
    return start, end


def _clause_cut(text: str, start: int, end: int) -> int | None:
    """The last `,`/`;` boundary that keeps the answer within MAX_ANSWER_WORDS."""
    best = None
    words = 0
    for index in range(start, end):
        char = text[index]
        if char == " ":
            words += 1
            if words >= MAX_ANSWER_WORDS:
                break
        elif char in ",;" and words >= 4:
            best = index
    return best


def _definition_head_ok(text: str) -> bool:
    """A definition is a noun phrase: no conjunction first, no verb before its clause."""
    if starts_badly(text):
        return False
    head = _CLAUSE_STOP.split(text, maxsplit=1)[0]
    return not any(looks_like_verb(w) for w in head.split()[:3])


def _reverse(template: str, term: str, answer: str, vocab: Vocabulary) -> str:
    """The reverse card's front, with the term blanked out of the definition."""
    words = len(answer.split())
    # an expansion, or a description that names something, points at one term
    expansion = template in (QUESTIONS["en"]["stand_reverse"], QUESTIONS["ru"]["stand_reverse"])
    named = expansion or names_one_thing(answer)
    if words > REVERSE_WORDS[1] or (words < REVERSE_WORDS[0] and not named):
        return ""
    if "$" in answer or "\\" in answer:
        return ""  # math: no name to recall from a formula
    if template == QUESTIONS["ru"]["reverse"] and is_plural(answer):
        template = QUESTIONS["ru"]["reverse_plural"]
    # "the general term for hiding …": the question asks for the term of what follows
    pack = PACKS["ru" if template in QUESTIONS["ru"].values() else "en"]
    opening = pack.names_the_term.match(answer)
    if opening:
        answer = answer[opening.end() :]
    return template.format(d=vocab.display(blank_term(answer, term)))


def _make(
    flat: Flat,
    term: str,
    front: str,
    span: tuple[int, int] | None,
    pattern: str,
    reverse_template: str = "",
    vocab: Vocabulary | None = None,
) -> Definition | None:
    if span is None:
        return None
    answer = flat.text[span[0] : span[1]]
    if key(answer) == key(term):
        return None
    reverse = ""
    if reverse_template:
        reverse = _reverse(reverse_template, term, answer, vocab or Vocabulary(()))
    return Definition(term, front, answer, reverse, "definition", pattern, flat, *span)


def _term_before(flat: Flat, comma: int) -> str:
    """The antecedent of ", который …": an emphasised run or an acronym before the comma."""
    for start, end in flat.emph:
        if end == comma:
            term = clean_term(flat.text[start:end])
            return term if is_term(term) else ""
    words = flat.text[:comma].split()
    last = clean_term(words[-1]) if words else ""
    if _ACRONYM.match(last) and sum(c.isupper() for c in last) >= 2:
        return last
    return ""


def _prefix_term(flat: Flat, end: int, vocab: Vocabulary) -> str:
    """The whole text before `end` as a term, or "" when it is not one."""
    if end > MAX_PREFIX:
        return ""
    term = _without_aside(clean_term(flat.text[:end]), _RU)  # only Russian patterns ask
    return vocab.display(term) if is_term(term) else ""


# ---------------------------------------------------------------- Russian


def _ru_dash_eto(flat: Flat, vocab: Vocabulary) -> Definition | None:
    """`X — это Y` (also with an en dash or a spaced hyphen)."""
    match = _RU_DASH_ETO.search(flat.lowered, 0, MAX_PREFIX + 12)
    if not match:
        return None
    term = _prefix_term(flat, match.start(), vocab)
    rest = flat.text[match.end() :]
    if not term or not _definition_head_ok(rest):
        return None
    q = QUESTIONS["ru"]
    span = _answer_range(flat, match.end())
    return _make(flat, term, q["what"].format(t=term), span, "dash-eto", q["reverse"], vocab)


def _ru_is(flat: Flat, vocab: Vocabulary) -> Definition | None:
    """`X является Y` → "Чем является X?" (the answer stays in the instrumental)."""
    match = _RU_IS.search(flat.lowered, 0, MAX_PREFIX + 12)
    if not match:
        return None
    term = _prefix_term(flat, match.start(), vocab)
    if not term or starts_badly(flat.text[match.end() :]):
        return None
    verb = _said(flat, match, 1)
    q = QUESTIONS["ru"]
    span = _answer_range(flat, match.end())
    reverse = q["instr_reverse"] if verb == "является" else ""
    return _make(flat, term, q["instr"].format(v=verb, t=term), span, "is", reverse, vocab)


def _ru_which_is(flat: Flat, vocab: Vocabulary) -> Definition | None:
    """`…_X_, который является Y, …` → "Чем является X?" with Y up to the next comma."""
    match = _RU_WHICH_IS.search(flat.lowered)
    if not match:
        return None
    term = _term_before(flat, match.start())
    if not term or starts_badly(flat.text[match.end() :]):
        return None
    comma = flat.masked.find(",", match.end())
    span = _answer_range(flat, match.end(), comma if comma >= 0 else None)
    verb = _said(flat, match, 1)
    q = QUESTIONS["ru"]
    reverse = q["instr_reverse"] if verb == "является" else ""
    return _make(flat, term, q["instr"].format(v=verb, t=term), span, "which-is", reverse, vocab)


def _ru_under(flat: Flat, vocab: Vocabulary) -> Definition | None:
    """`Под X понимают Y` → "Что понимают под X?" (X stays as the note inflects it)."""
    match = _RU_UNDER.match(flat.lowered)
    if not match:
        return None
    term = clean_term(flat.text[match.start(1) : match.end(1)])
    if not is_term(term) or starts_badly(flat.text[match.end() :]):
        return None
    front = QUESTIONS["ru"]["under"].format(v=_said(flat, match, 2), t=term)
    return _make(flat, term, front, _answer_range(flat, match.end()), "under")


def _ru_named(flat: Flat, vocab: Vocabulary) -> Definition | None:
    """`<описание> называется X.` → a term card "<описание> называется …" → X."""
    match = _last_match(_RU_NAMED, flat.lowered)
    if not match:
        return None
    return _named(flat, match, QUESTIONS["ru"]["named"], _said(flat, match, 1))


def _named(flat: Flat, match: re.Match[str], template: str, verb: str) -> Definition | None:
    tail = _answer_range(flat, match.end())
    if tail is None:
        return None
    term = clean_term(flat.text[tail[0] : tail[1]])
    article = _ARTICLE.match(term)
    if article:
        term = term[article.end() :]
    description = flat.text[: match.start(1)].strip()  # a closing comma stays
    words = description.split()
    if not is_term(term) or not 2 <= len(words) <= 25 or starts_badly(description):
        return None
    if any(looks_like_verb(w) for w in words[:2]):
        return None
    # "What is the term for: a file that …, in the order made?": the comma that closed an
    # aside before "is called" closes nothing in the question
    shown = description if template.startswith("{d}") else _lower_first(description.rstrip(","))
    front = template.format(d=shown, v=verb)
    start = tail[0] + (article.end() if article else 0)
    return Definition(term, front, term, "", "term", "named", flat, start, tail[1])


def _said(flat: Flat, match: re.Match[str], group: int) -> str:
    """What a `caseless` match's group covers in the sentence, in lower case."""
    return flat.masked[match.start(group) : match.end(group)].lower()


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    match = None
    for match in pattern.finditer(text):  # noqa: B007 - the last one is wanted
        pass
    return match


# ---------------------------------------------------------------- English


def _en_is(flat: Flat, vocab: Vocabulary) -> Definition | None:
    """`A cookie is a small piece of data …` → "What is a cookie?"."""
    match = _EN_IS.search(flat.lowered, 0, MAX_PREFIX + 8)
    if not match:
        return None
    prefix = flat.text[: match.start()]
    article = _ARTICLE.match(prefix)
    body = prefix[article.end() :] if article else prefix
    term = _without_aside(clean_term(body))
    if not is_term(term) or match.start() > MAX_PREFIX:
        return None
    _, _, noun = flat.text[match.end() :].partition(" ")
    if key(noun.split(" ", 1)[0]) in PRONOUNS:
        return None  # "the one that …", "a thing"
    shown = term if article else _EN.as_asked(vocab.display(term))
    if article:
        shown = f"{article.group(1).lower()} {shown}"
    verb = _said(flat, match, 1)
    q = QUESTIONS["en"]
    span = _answer_range(flat, match.end())
    return _make(flat, term, q["what"].format(v=verb, t=shown), span, "is-a", q["reverse"], vocab)


def _without_aside(term: str, pack: LanguagePack = _EN) -> str:
    """ "containerization itself" → "containerization", "'Sentience' sometimes" →
    "'Sentience'", "vue сам по себе" → "vue", "Сама Hot Update логика" → "Hot Update
    логика": the words around a subject that belong to its sentence."""
    aside = pack.term_aside.search(term)
    if aside is None:
        return term
    return term[aside.end() :] if aside.start() == 0 else term[: aside.start()]


def _en_which_is(flat: Flat, vocab: Vocabulary) -> Definition | None:
    """`…_X_, which is a Y, …` → "What is X?" with Y up to the next comma."""
    match = _EN_WHICH_IS.search(flat.lowered)
    if not match:
        return None
    term = _term_before(flat, match.start())
    if not term:
        return None
    comma = flat.masked.find(",", match.end())
    span = _answer_range(flat, match.end(), comma if comma >= 0 else None)
    q = QUESTIONS["en"]
    front = q["what"].format(v="is", t=_EN.as_asked(term))
    return _make(flat, term, front, span, "which-is", q["reverse"], vocab)


def _en_verb(flat: Flat, vocab: Vocabulary) -> Definition | None:
    """`X refers to Y`, `X means Y`, `X stands for Y`."""
    match = _EN_VERB.search(flat.lowered, 0, MAX_PREFIX + 40)
    if not match or match.start() > MAX_PREFIX:
        return None
    prefix = flat.text[: match.start()]
    article = _ARTICLE.match(prefix)
    term = _without_aside(clean_term(prefix[article.end() :] if article else prefix))
    if not is_term(term) or starts_badly(flat.text[match.end() :]):
        return None
    shown = f"{article.group(1).lower()} {term}" if article else _EN.as_asked(vocab.display(term))
    verb = " ".join(_said(flat, match, 1).split())
    q = QUESTIONS["en"]
    span = _answer_range(flat, match.end())
    if verb == "refers to":
        front = q["refer"].format(t=shown)
        return _make(flat, term, front, span, "refers", q["reverse"], vocab)
    if verb == "means":
        return _make(flat, term, q["mean"].format(t=shown), span, "means", q["reverse"], vocab)
    # the expansion ends where an apposition starts: "CORS stands for X, a mechanism …"
    stops = [i for i in (flat.masked.find(c, match.end()) for c in ",;(") if i >= 0]
    span = _answer_range(flat, match.end(), min(stops) if stops else None)
    front = q["stand"].format(t=shown)
    return _make(flat, term, front, span, "stands-for", q["stand_reverse"], vocab)


def _en_named(flat: Flat, vocab: Vocabulary) -> Definition | None:
    """`A server that forwards requests is called a proxy.` → a term card."""
    match = _last_match(_EN_NAMED, flat.lowered)
    if not match:
        return None
    return _named(flat, match, QUESTIONS["en"]["named"], "")


# ---------------------------------------------------------------- both


def _lead(flat: Flat, vocab: Vocabulary, lang: str) -> Definition | None:
    """`**X**: Y`, `_X_ — Y`: an emphasised term opening the sentence."""
    lead = leading_term(flat)
    if lead is None:
        return None
    term, rest = lead
    term = vocab.display(term)
    pack = pack_for(lang)
    does = pack is not None and pack.opens_with_verb(flat.text[rest:])
    # `is_term` refuses labels ("**Примечание**: …") too
    if not is_term(term) or not (does or _definition_head_ok(flat.text[rest:])):
        return None
    if _LEAD_VERB.match(flat.text, rest):
        return None
    q = QUESTIONS[lang]
    if does:  # "**must_use**: Generates a lint …": what it does, never asked back
        front = q["does"].format(t=term)
        return _make(flat, term, front, _answer_range(flat, rest), "lead")
    colon = ":" in flat.text[len(term) : rest] or flat.text[:rest].rstrip().endswith(":")
    asked = pack.as_asked(term) if pack else term
    plural = pack is not None and pack.is_plural(asked)
    front = q["what"].format(t=asked, v="are" if plural else "is")
    span = _answer_range(flat, rest)
    noun_phrase = lang != "en" or _ARTICLE.match(flat.text[rest:]) is not None
    reverse = q["reverse"] if noun_phrase and not colon else ""
    return _make(flat, term, front, span, "lead", reverse, vocab)


Matcher = Callable[[Flat, Vocabulary], "Definition | None"]
MATCHERS: dict[str, tuple[Matcher, ...]] = {
    "ru": (_ru_dash_eto, _ru_is, _ru_which_is, _ru_under, _ru_named),
    "en": (_en_is, _en_which_is, _en_verb, _en_named),
}


def _lower_first(text: str) -> str:
    first, _, rest = text.partition(" ")
    if first in ("A", "An", "The") or (first[:1].isupper() and first[1:].islower()):
        return first.lower() + (" " + rest if rest else "")
    return text


def find_in_sentence(flat: Flat, lang: str, vocab: Vocabulary) -> Definition | None:
    """The definition a sentence states, if any (the first pattern that matches)."""
    if flat.text.endswith("?") or not any(map(str.isalpha, flat.text[:MAX_PREFIX])):
        return None
    lang = lang if lang in MATCHERS else "en"
    found = _lead(flat, vocab, lang)
    if found:
        return found
    if not _CUES[lang].search(flat.lowered):
        return None  # none of the language's patterns can match
    for matcher in MATCHERS[lang]:
        found = matcher(flat, vocab)
        if found:
            return found
    return None


def _as_expansion(d: Definition, lang: str, vocab: Vocabulary) -> Definition:
    """ "A11y — сокращение от Accessibility": the back only expands the acronym, so the
    card asks what it stands for ("Как расшифровывается A11y?"), not what it is."""
    pack = pack_for(lang)
    if pack is None or d.kind != "definition" or d.flat is None or d.pattern == "stands-for":
        return d
    found = pack.expands_acronym.match(d.answer)
    if found is None or " " in d.term:
        return d  # "свойство flex — сокращение для flex-grow, …": a shorthand, no acronym
    group = next(g for g in found.re.groupindex if found.group(g))  # "x", or "x2" in ru
    start = d.start + found.start(group)
    answer = d.flat.text[start : d.end]
    q = QUESTIONS[lang]
    reverse = _reverse(q["stand_reverse"], d.term, answer, vocab)
    front = q["stand"].format(t=vocab.display(d.term))
    return Definition(
        d.term, front, answer, reverse, "definition", "stands-for", d.flat, start, d.end
    )


# ---------------------------------------------------------------- tables


def _table_definitions(
    table: Table, lang: str, vocab: Vocabulary
) -> Iterator[tuple[int, Definition]]:
    """Rows of a two-column table of terms, with the row's file line."""
    if len(table.header) != 2 or not table.rows or any(len(r) != 2 for r in table.rows):
        return
    heads = tuple(key(clean_term(plain_text(cell))) for cell in table.header)
    known = heads in TABLE_HEADS
    rows = []
    for index, (left, right) in enumerate(table.rows):
        term = clean_term(plain_text(left))
        answer = " ".join(plain_text(right).split()).rstrip(" .;")
        ok = is_term(term) and len(answer.split()) >= (1 if known else 3)
        ok = ok and not starts_badly(answer) and key(term) != key(answer)
        if not ok and not known:
            return  # a table of something else: all rows must look like definitions
        if ok:
            rows.append((index, term, answer))
    if not known and len(rows) < 2:
        return
    q = QUESTIONS[lang]
    pack = pack_for(lang)
    for index, term, answer in rows:
        shown = vocab.display(term)
        front = q["what"].format(t=pack.as_asked(shown) if pack else shown, v="is")
        # no reverse: a row's description leans on the table's other rows
        yield table.line + 2 + index, Definition(term, front, answer, "", "definition", "table")


# ---------------------------------------------------------------- the extractor


Paragraphs = list[tuple[Section, list[tuple[int, Flat]]]]


@dataclass(frozen=True, slots=True)
class _Reading:
    """One pass over a note's unclaimed prose: its definitions, the sentences of each
    paragraph (with its section) and their vocabulary, which the properties,
    enumerations and headings extractors read next (nothing claims blocks between)."""

    note: Note
    claimed: frozenset[tuple[int, int, type]]
    found: list[Found]
    paragraphs: Paragraphs
    vocabulary: Vocabulary


# The previous reading; read into a local, never mutated, so it is safe when notes
# are extracted in threads.
_last: list[_Reading | None] = [None]


def find_definitions(note: Note, ctx: ExtractContext) -> list[Found]:
    """Every definition in the note's unclaimed prose and term tables, in document order.

    The properties extractor asks again for the same note right after this extractor:
    the last answer is kept (same note object, same claimed blocks) to read it once.
    """
    return list(_read(note, ctx).found)


def prose_sentences(note: Note, ctx: ExtractContext) -> Paragraphs:
    """The sentences of each unclaimed paragraph, as `find_definitions` read them (so
    the extractors after it do not walk the note again); callers must not mutate."""
    return _read(note, ctx).paragraphs


def prose_vocabulary(note: Note, ctx: ExtractContext) -> Vocabulary:
    """The `Vocabulary` of the sentences `prose_sentences` gives."""
    return _read(note, ctx).vocabulary


def _read(note: Note, ctx: ExtractContext) -> _Reading:
    claimed = frozenset(ctx.claimed)
    last = _last[0]
    if last is not None and last.note is note and last.claimed == claimed:
        return last
    paragraphs, tables = _prose(note, ctx.is_claimed, ctx.text)
    vocab = ctx.text.vocabulary(f for _, sentences in paragraphs for _, f in sentences)
    found = _find_definitions(note, paragraphs, tables, vocab)
    _last[0] = reading = _Reading(note, claimed, found, paragraphs, vocab)
    return reading


def _prose(
    note: Note, skip: Callable[[Block], bool], text: NoteText
) -> tuple[Paragraphs, list[tuple[Section, Table]]]:
    """The unclaimed paragraphs (cut into sentences) and tables, each with its section."""
    paragraphs: Paragraphs = []
    tables: list[tuple[Section, Table]] = []
    for section in note.sections:
        for block in prose_blocks(section.blocks, skip):
            if isinstance(block, Table):
                tables.append((section, block))
            elif isinstance(block, Paragraph):
                paragraphs.append((section, text.sentences(block)))
    return paragraphs, tables


def _find_definitions(
    note: Note, paragraphs: Paragraphs, tables: list[tuple[Section, Table]], vocab: Vocabulary
) -> list[Found]:
    lang = note.lang if note.lang in QUESTIONS else "en"
    found: list[Found] = []
    for section, table in tables:
        for line, definition in _table_definitions(table, lang, vocab):
            found.append(Found(section, line, definition))
    for section, sentences in paragraphs:
        for index, (line, flat) in enumerate(sentences):
            subject, flat = after_subject(flat, PACKS[lang])  # "In Python, a package is …"
            definition = find_in_sentence(flat, lang, vocab)
            if definition:
                definition = _as_expansion(definition, lang, vocab)
                following = [f for _, f in sentences[index + 1 : index + 2]]
                definition = fit_back(definition, following, pack_for(lang))
                found.append(Found(section, line, definition, subject))
    found.sort(key=lambda f: f.line)
    return found


# How often each pattern's cards are kept as they are, read from blind samples of real
# vaults (kept / sampled, docs/quality.md): "X — это Y" 13/21, "X is a Y" 13/40 (most
# drops a bare generic term or a vague answer), a bold lead 13/32 (labels of notes,
# parameters), "X является Y" 1/4, table rows 0/4; reverses are weaker than their
# definition: only a long description singles out one term (dash-eto 6/10, is-a 7/21,
# lead 4/13). A second sample, of the cards after the first calibration, kept "X is a Y"
# 8 of 26 and "X refers to Y" 2 of 7: a generic term that neither its note nor its
# section is about is most often an aside ("What is purpose?", "What is First
# argument?"), so those two patterns need a named term, one their section is about, or
# one the note marks (bold, italic, code) as a term: in the pooled samples a marked
# term was kept 7 of 12 times, an unmarked one 2 of 15.
# The threshold (model.DEFAULT_MIN_CONFIDENCE) is 0.5.
_BASE = {
    "dash-eto": 0.85, "under": 0.8, "stands-for": 0.8, "is-a": 0.55, "refers": 0.6,
    "means": 0.7, "which-is": 0.6, "is": 0.45, "lead": 0.55, "table": 0.3, "named": 0.55,
}  # fmt: skip
MARK_REACH = 6  # where a marked term starts: at the sentence's start, or after "The "
_ASIDE = 0.45  # "is-a" and "refers" about a generic term that is not its section's subject
_NEEDS_SUBJECT = frozenset({"is-a", "refers"})
_ITS_OWN = frozenset({"subject", "in-section"})  # the note or the section is about the term
# a numbered label, never a term: "Scenario #2", "№ 3", "9.34(d)" (a figure), and in a bold
# lead any number standing as a word ("**Пример 3**:"); "HTTP/2", "IPv6", "3D" are names
_NUMBERED = re.compile(r"[#№]\s?\d|^\d+(?:\.\d+)*(?:\([a-zа-я]\))?(?:\s|$)", re.IGNORECASE)
_NUMBER_WORD = re.compile(r"(?:^|\s)\d+(?:\.\d+)*(?:\s|$)")
_PLAIN_LEAD = 0.45  # a bold lead kept 8 of 19: unless an identifier (NaN), acronym or subject
_REVERSE_BASE = {"dash-eto": 0.6, "is-a": 0.45, "lead": 0.4, "named": 0.5, "is": 0.45}
_SPECIFIC_BONUS = 0.15  # a reverse whose description has SPECIFIC_WORDS words or more
_ABOUT = frozenset({"named", "subject", "in-section"})  # terms a card can stand on
_GENERIC_PENALTY = 0.15  # a generic term asked with no subject to name ("What is C2?")
_GENERIC_LEAD = 0.4  # a bold label of a common word: a note's label more often than a term
_CUT_PENALTY = 0.35  # the answer was cut at a comma: the thought goes on
_MATH_PENALTY = 0.3  # "$h$ of node $i$": LaTeX source is residue on a card
_MATH = re.compile(r"\$|\\[a-zA-Z]{2,}")
_FORMULA = re.compile(r"\$\$|\\[a-zA-Z]{2,}")  # kept 0 of 3 on the vaults: raw LaTeX
_CIRCULAR_PENALTY = 0.3  # "A call is a tail call when …": the term defines itself
_SHORT_PENALTY = 0.15  # an answer of fewer than SHORT_ANSWER words
SHORT_ANSWER = 4
THIN_WORDS = 6  # a "thin" opening ("a way to …") is vague up to this many words
_COORDINATED = re.compile(r"\s(?:и|или|and|or)\s|&|\s/\s", re.IGNORECASE)
# "deadlock или взаимная блокировка", "a thread (or lightweight process)": one thing under
# two names, asked as one in a definition (a reversal still has two answers)
_SYNONYM = re.compile(r"\s(?:или|or)\s", re.IGNORECASE)
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
# a term with a spaced dash ("container orchestration - by extension", "M - augmenting
# path") or a command with its flags and arguments ("rename 's/_/-/g' * -vn"): no term
_FLAG = re.compile(r"\S\s+--?[a-zA-Z]")
COMMAND_WORDS = 4  # "man -k", "git commit --amend" are names; longer commands are code
REVERSE_FRONT_LIMIT = 110  # a longer description is not recalled as one thing
_DOUBTFUL = 0.45  # a shape a reader keeps about half the time: below the threshold


# What a blind reader dropped among reverse cards (issue 11): a description that is a
# clause or a list, not a noun phrase; an answer that is not a term ("Each block", "main
# components"); a description that fits many terms ("a technique to approximate …").
_CLAUSE_MARK = re.compile(r"[;:]|\b(?:because|since|потому что|так как|поскольку)\b", re.I)
_LIST_JOIN = re.compile(r",\s*|\s+(?:and|or|и|или)\s+", re.IGNORECASE)
_RELATIVE = re.compile(r"\s(?:котор\w+|which|that|who)\s", re.IGNORECASE)
_OXFORD_LIST = re.compile(r",\s+(?:and|or)\s", re.IGNORECASE)
LIST_ITEM_WORDS = 4  # an item of a list of names is short: "the CPU chip", "Less"
_POINTING = word_set(
    """each every such these those this каждый каждая каждое каждые такой такая такое
    такие эти этот эта"""
)
_TRAILING_ASIDE = word_set("itself themselves также тоже")  # "Containerization itself"
_REFERENT_ELSEWHERE = re.compile(r"\s*(?:the\s+ones|those|these|те|эти)\b", re.IGNORECASE)
_GENERIC_HEADS = word_set(
    """component components point points system systems thing things part parts element
    elements item items piece pieces aspect aspects idea ideas concept concepts feature
    features компонент компоненты система системы элемент элементы часть части вещь вещи
    аспект аспекты идея идеи понятие понятия"""
)
_GENERIC_MODIFIERS = word_set(
    """key main basic important general core major primary essential основной основные
    главный главные ключевой ключевые важный важные"""
)
# "a technique to …", "попытка …": a genus that says little until enough words follow
_THIN_GENUS = re.compile(
    r"(?:(?:a|an|the)\s+)?(?:technique|method|way|approach|means|attempt|попытка|способ"
    r"|метод|техника|подход)\b|(?:(?:a|an|the)\s+)?(?:one|один|одна|одно) (?:of|из)\b",
    re.IGNORECASE,
)
SPECIFIC_CONTENT_WORDS = 6  # after a thin genus, this many content words single one out
# what `distinguishing` must reach for a reversal: "a vector that has a magnitude of 1"
# has 3; "a distributed message broker that works by pub-sub" 2, "a sequence of bytes" 1
SPECIFIC = 3
# a category noun ("broker", "библиотека") as its genus: "an in-memory key-value database
# that keeps all data in RAM" has 8, "распределённый брокер сообщений, который работает по
# принципу издатель-подписчик" 4
SPECIFIC_CATEGORY = 5
_STRANDED = re.compile(r"\b(?:that|which|whom)\b", re.IGNORECASE)
_JOINS = word_set("and or but that which who whose")
_TOKEN_EDGE = ".()«»\"'“”:;!?…"


def _is_list(description: str) -> bool:
    """ "the CPU chip, a chipset …, and DRAM", "Sass, Less и Stylus": three or more short
    items joined by commas: several things, not a description of one."""
    description = _RELATIVE.split(description, maxsplit=1)[0]  # the list, not its clause
    if "," not in description:
        return False
    if description.count(",") >= 2 and _OXFORD_LIST.search(description):
        return True  # "A, B, and C": a list whatever its items' length
    items = [i for i in _LIST_JOIN.split(description) if i.strip()]
    if len(items) < 3 or any(len(i.split()) > LIST_ITEM_WORDS for i in items):
        return False
    if any(looks_like_verb(w) for w in description.split()):
        return False  # "…, meaning that a public and private key are used": a clause
    # "набор команд, выполняемых …, без условий": a modifier or a preposition opens it
    return not any(i.split()[0].lower() in STOP_START or is_modifier(i) for i in items[1:])


def _content_words(text: str) -> int:
    words = (w.strip(".,()«»\"'").lower() for w in text.split())
    return sum(1 for w in words if w and w not in STOP_START and w not in ENGLISH_ARTICLES)


def description_flaw(description: str) -> str:
    """Why a description cannot be asked back to its term, or "" when it can."""
    if _CLAUSE_MARK.search(description):
        return "the description is a clause or a label (;, :, because), not a noun phrase"
    head = _CLAUSE_STOP.split(description, maxsplit=1)[0]
    if any(looks_like_verb(w) for w in head.split()[1:]):
        return "the description is a clause: a verb before its relative clause"
    if _is_list(description):
        return "the description is a list of things, not one thing"
    if _REFERENT_ELSEWHERE.match(description):
        return "the description leans on a referent elsewhere (the ones, those)"
    thin = _THIN_GENUS.match(description.strip())
    if thin and _content_words(description) < SPECIFIC_CONTENT_WORDS:
        return "the description is too thin to single out one term"
    return ""


def answer_flaw(term: str) -> str:
    """Why `term` is no answer to "what is the term for …", or "" when it is one."""
    words = [w.lower() for w in term.split()]
    if not words:
        return "no term"
    if words[0] in _POINTING or words[-1] in _TRAILING_ASIDE:
        return "the answer points elsewhere (each, such, itself), it is not a term"
    if words[-1] in _GENERIC_HEADS and all(w in _GENERIC_MODIFIERS for w in words[:-1]):
        return "the answer is a generic word (components, key point), not a term"
    return ""


def vague(answer: str, pack: LanguagePack | None) -> bool:
    """An answer that does not define: "one of …", or a short "a way to …"."""
    if pack is None:
        return False
    text = answer.lower()
    if text.startswith(pack.vague_openings):
        return True
    return len(text.split()) <= THIN_WORDS and text.startswith(pack.thin_openings)


def _pack_flaw(d: Definition, reverse: bool, pack: LanguagePack | None) -> str:
    """What the language pack knows is no definition card (issue 11, a blind reader's
    drops): a term that is an evaluation, a contrast or a label; a back that leans on
    another definition or only judges; a reversal that asks back an aside or answers
    with a phrase that is no term."""
    if pack is None:
        return ""
    term, answer = d.term, d.answer
    title_case = len(term.split()) >= 2 and all(w[:1].isupper() for w in term.split())
    if pack.not_a_term.search(term) and not title_case:  # "Bad Request" is a name
        return "not a term: an evaluation, a determiner, a clause, two terms set against, a label"
    if d.kind == "definition" and d.pattern != "under" and not can_be_subject(term):
        # "Что такое локализируемыми элементами?": the note's case, not the question's
        return "the term is not in the nominative: the question around it is garbled"
    if pack.inverted_copula.search(term):
        return "an inverted copula (Fundamental to X is Y, Главное в X — Y): no term before it"
    if d.pattern != "means" and pack.activity_term.search(term):
        # "What does choosing an orientation mean?" asks it well; "What is …?" does not
        return "the term is an activity (converting X to Y, умение писать …), not a term"
    if d.kind == "definition" and pack.not_a_definition.search(answer):
        return "the answer does not define: it is about the term, leans on another, or judges"
    if d.kind == "definition" and _only_judges(answer, pack):
        return "the answer judges the term (a bit more tricky, важная вещь): it has no genus"
    if d.kind == "definition" and pack.is_evaluation(answer):
        return "the answer is one word that is no noun (an evaluation), not a definition"
    does = pack.opens_with_verb(answer)  # asked "What does X do?" (`_lead`)
    if d.kind == "definition" and not does and pack.opens_with_predicate(answer):
        return "the answer opens with a verb or a particle: a predicate, not what the term is"
    if d.kind == "definition" and _unfinished(answer, pack):
        return "the answer stops mid-thought (it ends with a preposition or a conjunction)"
    if reverse or d.kind == "term":
        description = _description(d, reverse)
        if pack.not_an_answer.search(term) or (reverse and not can_be_subject(term)):
            return "the answer is no term: a gerund with its object, an adjective phrase"
        if reverse and not pack.letters.search(description):
            return "the description is in another language than the question around it"
        if pack.not_a_description.search(description):
            return "the description is an aside, personal or not one noun phrase"
        if pack.opens_with_predicate(description):
            return "the description opens with a verb or a particle, not a noun phrase"
        if d.kind == "term" and _only_judges(description, pack):
            return "the description judges (the most important part), it names no genus"
        if _is_clause(description, pack):
            return "the description is a clause (a subject and its verb), not a noun phrase"
        flaw = _leaning_description(description, pack)
        if flaw:
            return flaw
    if (
        reverse
        and d.pattern != "stands-for"
        and distinguishing(_genus_explained(description, pack), pack) < SPECIFIC
    ):
        return "the description is its genus and little more: it fits many terms"
    if (reverse or d.kind == "term") and _fits_a_category(description, pack):
        return "the description names a category (a broker, a library) with no detail of its own"
    return ""


def _leaning_description(description: str, pack: LanguagePack) -> str:
    """Why a description is no thing a reader can name alone (issue 11, session 8), or "":
    it holds the note's residue ("(пункт 5)", "[HTML Spec]", a code name glued into the
    words), leans on a referent elsewhere ("the corresponding URL", "all other files",
    "you want"), or says where the thing came from instead of what kind it is ("the
    outcome of many people's work" fits any product)."""
    if pack.description_residue.search(description):
        return "the description holds the note's residue (a cross-reference, a code name)"
    if pack.leans_elsewhere.search(description):
        return "the description leans on a referent elsewhere (corresponding, these, you)"
    if pack.meta_genus.search(description) and not _holds_a_name(description):
        return "the description says where the thing came from, not what kind it is"
    return ""


def _genus_explained(description: str, pack: LanguagePack) -> str:
    """ "a block cipher, meaning plaintext is encrypted block by block": what follows
    ", meaning" explains the genus (every block cipher does it), so only the words
    before it can single out the term (AES, not Blowfish)."""
    explained = pack.explains_genus.search(description)
    return description[: explained.start()] if explained else description


def _holds_a_name(description: str) -> bool:
    """A name or a number after the description's first word ("created by Facebook",
    "HTTP over QUIC", "Vue 3"): a detail that narrows a genus to one member."""
    words = description.split()[1:]
    return any(is_named(w) or any(c.isdigit() for c in w) for w in words)


_WHOLE_STEM = 4  # `_stem` keeps a word this short whole


def _stem(word: str) -> str:
    """A word without its last two letters, for matching its inflections (макро-таски,
    макро-таск); short words stay whole."""
    word = word.strip(_TOKEN_EDGE + ",").lower()
    return word[: max(_WHOLE_STEM, len(word) - 2)]


def _gives_away(term: str, description: str) -> bool:
    """ "Как называются задачи, которые добавляются в очередь макро-таск?" → "макро-таски":
    every word of the answer (its gloss aside) stands in the question, inflected."""
    words = [
        w
        for w in term.split(" (", 1)[0].split()
        if len(w) >= 2 and w.lower() not in STOP_START and w.lower() not in ENGLISH_ARTICLES
    ]
    if not words:
        return False
    asked = [w.strip(_TOKEN_EDGE + ",").lower() for w in description.split()]
    return all(any(_inflects(a, w) for a in asked) for w in words)


def _inflects(asked: str, word: str) -> bool:
    """`asked` is `word` or one of its inflections ("макро-таск" of "макро-таски"); a name
    with digits or signs ("HTTP/3") only as itself, an acronym as itself or its plural
    ("APIs", but "HTTP" is no "HTTPS"), and a longer word is another word ("databases" is
    no form of "data")."""
    kept = word.strip(_TOKEN_EDGE + ",")
    bare = kept.lower()
    if not bare.replace("-", "").isalpha():
        return asked == bare
    if kept.isupper():  # "HTTP" is no form of "HTTPS": an acronym is itself or its plural
        return asked in (bare, f"{bare}s")
    if bare.isascii() and len(bare) < _WHOLE_STEM:
        # a short English word keeps its stem whole: "Go" is not in "good" or "got",
        # "tab" not in "table"; only its plural is it
        return asked in (bare, f"{bare}s", f"{bare}es")
    return asked.startswith(_stem(bare)) and len(asked) <= len(bare) + 2


def _judges(description: str, pack: LanguagePack) -> bool:
    """ "зрелый и очень гибкий бандлер, который долго был стандартом": a description
    that judges (popular, powerful, very …) names an opinion, and an opinion fits many
    terms (Webpack, and Vite next year)."""
    words = (w.strip(_TOKEN_EDGE + ",") for w in description.split())
    return any(pack.judging_words.fullmatch(w) for w in words)


def _code_name_answer(term: str, pack: LanguagePack) -> bool:
    """ "Как называется …?" → "content", "store": a lower-case Latin word in a note in
    another language is a name from the note's code, one of many a description could fit;
    "enum (перечисление)" is a term the note glosses and teaches. A reader kept about half
    of these (issue 11), so they stay below the threshold. (One common word in the note's
    own language, "инкапсуляция", "pointer", is how most concepts are named: no flaw.)"""
    word = term.split(" (", 1)[0].strip()
    if not word.isalpha() or not word.islower() or is_named(word):
        return False
    return not pack.letters.search(word) and " (" not in term


def _only_judges(text: str, pack: LanguagePack) -> bool:
    """ "a very important idea for training", "важная вещь для любой базы": a judgement
    with a genus that classifies nothing; a relative clause after it says what the term
    is ("a fundamental concept in Hindu philosophy that translates to non-harm")."""
    return pack.evaluative_answer.search(text) is not None and not _RELATIVE.search(text)


def _is_clause(description: str, pack: LanguagePack) -> bool:
    """ "future iterations tend to resemble …", "css свойство, задаёт способ …", "a
    language, it allows …": before its relative clause the description holds a subject
    and its verb, or a comma followed by a finite verb: a sentence, not a noun phrase."""
    head = _RELATIVE.split(f" {description} ", maxsplit=1)[0]
    if pack.clause_description.search(head):
        return True
    after_commas = (part.strip() for part in head.split(",")[1:])
    return any(
        looks_like_verb(part.split()[0]) or pack.opens_with_verb(part)
        for part in after_commas
        if part
    )


def _fits_a_category(description: str, pack: LanguagePack) -> bool:
    """ "a distributed message broker that works by publish-subscribe": a genus that is a
    category of products (broker, library, язык) holds many members, so a reversal needs
    more than generic modifiers to single one out (a name, a number, a mechanism)."""
    genus = []
    for word in description.split():
        word = word.strip(_TOKEN_EDGE)
        if pack.genus_end.fullmatch(word):
            break
        genus.append(word.rstrip(","))
        if word.endswith(","):
            break
    if not any(pack.category_noun.fullmatch(w) for w in genus):
        return False
    return distinguishing(description, pack) < SPECIFIC_CATEGORY


def _unfinished(text: str, pack: LanguagePack) -> bool:
    """ "the skill of crafting inputs to": the text ends with a word that needs more; an
    English preposition a relative clause strands ("the space that devices exist in")
    ends nothing."""
    words = text.split()
    last = words[-1].lower() if words else ""
    if last not in pack.unfinished_endings:
        return False
    return not (_STRANDED.search(text) and last not in ENGLISH_ARTICLES and last not in _JOINS)


def distinguishing(description: str, pack: LanguagePack) -> float:
    """How much a description says beyond its genus, the measure of whether it singles
    out one term. Its genus is the words up to the first word that ends it ("a
    distributed message broker" | "that works by pub-sub"); the genus head counts
    nothing, the words before it half (they narrow a category only a little), the words
    after it one each, a name or a number two ("of Python packages", "a magnitude of
    1"); stop words and weak words ("used", "typically", "специальный") nothing."""
    words = [w.strip(_TOKEN_EDGE) for w in description.split()]
    words = [w for w in words if w]
    head = len(words) - 1
    for index, word in enumerate(words):
        if pack.genus_end.fullmatch(word):
            head = index - 1
            break
        if word.endswith(","):
            head = index
            break
    score = 0.0
    for index, word in enumerate(words):
        lowered = word.rstrip(",").lower()
        if index == head or lowered in STOP_START or lowered in pack.weak_words:
            continue
        if lowered in ENGLISH_ARTICLES or not any(c.isalnum() for c in lowered):
            continue
        if is_named(word) or any(c.isdigit() for c in word) or (index and word[:1].isupper()):
            score += 2
        else:
            score += 0.5 if index < head else 1
    return score


def reverse_answer(term: str, pack: LanguagePack | None) -> str:
    """The term a reversal answers with: without the context the note gave it ("указатели
    в Go" → "указатели"), which belongs to the subject, not to the term."""
    if pack is None:
        return term
    context = pack.answer_context.search(term)
    return term[: context.start()] if context else term


def _acronym(term: str) -> bool:
    """ "MTU", "ISR": a short acronym, not a label in capitals ("ПРЕДУПРЕЖДЕНИЕ")."""
    return term.isupper() and 2 <= len(term) <= 5 and " " not in term


def _marked(d: Definition) -> bool:
    """The note marks the term as one ("A **bot** is …", "`HEAD` is …")."""
    if d.flat is None:
        return False
    first = d.term.split()[0]
    spans = (*d.flat.emph, *d.flat.code)
    return any(a <= MARK_REACH and first in d.flat.text[a:b] for a, b in spans)


def _circular(term: str, answer: str) -> bool:
    """ "Height of a tree is the height of its root": the answer opens with the term, or
    with its first word ("a generator function is a function …" is a genus, not this)."""
    opening = " ".join(answer.split()[:4])
    first = term.split()[0]
    return find_term(opening, term) >= 0 or (len(first) >= 4 and find_term(opening, first) >= 0)


def term_shape(term: str, topic: str, heading: str = "") -> str:
    """How a term stands in a question: "named", "subject" (the note is about it),
    "in-section" (generic, but its section is about it: "## Goodput"), "in-topic"
    (generic, asked within the note's subject) or "bare" (generic, no subject)."""
    if needs_topic(term, topic):
        return "in-section" if heading and not needs_topic(term, heading) else "in-topic"
    if topic and shares_a_word(term, topic):
        return "subject"
    if names_one_thing(term):
        return "named"
    return "subject" if topic else "bare"


def _command(term: str) -> bool:
    """ "sudo mount --bind /a /b", "rename 's/_/-/g' * -vn": a command line with its
    arguments is code to run, not a term ("man -k" names one option)."""
    if not _FLAG.search(term):
        return False
    return len(term.split()) >= COMMAND_WORDS or any(c in term for c in "'\"*/")


def _numbered_label(term: str, pattern: str, pack: LanguagePack | None) -> bool:
    """ "Scenario #2", "9.34(d)", a bold "**Step 4**", "Пример 3": a place in the note,
    not a term ("HTTP/2", "IPv6", "Python 3" are names)."""
    if _NUMBERED.search(term):
        return True
    if not _NUMBER_WORD.search(term):
        return False
    label = pack is not None and term.split()[0].lower() in pack.generic_headings
    return pattern == "lead" or label


def _was_cut(d: Definition) -> bool:
    """A back of a pattern that runs to its sentence's end, stopped before it."""
    return d.pattern in TO_THE_END and d.flat is not None and not runs_to_the_end(d)


def _description(d: Definition, reverse: bool) -> str:
    """What a term card asks back: the definition, or the words before "is called"."""
    if reverse or d.flat is None:
        return d.answer
    return _NAMED_TAIL.sub("", d.flat.text[: d.start]).strip()


def confidence(
    d: Definition, reverse: bool, term_shape: str = "named", pack: LanguagePack | None = None
) -> tuple[float, str]:
    """How sure a definition card is, and what lowered it: the pattern's base, less
    what real notes showed to go wrong (a term that is a letter, math, two terms or a
    predicate; an answer that is a link, a bare adjective, a negation, vague or cut).

    `term_shape`: what `term_shape()` said of the term in its note."""
    term, answer = d.term, d.answer
    if len(term) < 2 or "$" in term or not any(c.isalpha() for c in term):
        return 0.0, "the term is a letter, math or a symbol"
    if term.count("<") != term.count(">") or "=" in term:
        return 0.0, "the term is cut code or an expression (NonNullable<T, x = y)"
    if _URL.search(answer):
        return 0.0, "the answer is a link"
    if _FORMULA.search(answer):
        return 0.0, "the answer is LaTeX source (a display formula or commands): residue"
    if SPACED_DASH.search(term) or _command(term):
        return 0.0, "the term holds a spaced dash or a command's flags: an aside or code"
    if _numbered_label(term, d.pattern, pack):
        return 0.0, "a numbered label (Scenario #2, 9.34(d), Пример 3), not a term"
    if vague(d.back, pack):  # the back as definition_backs extended it
        return 0.0, "the answer is vague: it does not say what the term is"
    flaw = _pack_flaw(d, reverse, pack) or back_flaw(d, pack)
    if flaw:
        return 0.0, flaw
    if d.pattern in ("is", "which-is"):
        if term.lower().endswith(" не") or answer.lower().startswith("не "):
            return 0.0, "a negation defines nothing"
        if not can_be_subject(term):
            return 0.0, "the words before «является» are its predicate, not a subject"
        if is_bare_adjective(answer):
            return 0.0, "the answer is a bare adjective: a property, not a definition"
    score = _BASE.get(d.pattern, 0.6)
    why = [f"pattern {d.pattern}"]
    common_words = not any(c.isupper() for c in term[1:])  # not "MTU", not "Big O"
    if d.pattern == "lead" and term_shape in ("in-topic", "bare") and common_words:
        score = _GENERIC_LEAD
        why.append("a bold common word: a label as often as a term")
    elif d.pattern == "lead" and not (
        is_identifier(term) or _acronym(term) or term_shape == "subject"
    ):
        score = min(score, _PLAIN_LEAD)
        why.append("a bold label that is not an identifier: a note's label as often as a term")
    elif d.pattern in _NEEDS_SUBJECT and term_shape not in _ITS_OWN and not _marked(d):
        score = min(score, _ASIDE)
        why.append("a generic term its section is not about: often an aside")
    elif term_shape == "bare":
        score = min(score - _GENERIC_PENALTY, BARE_LIMIT)
        why.append("a generic term without its subject")
    if d.pattern == "lead" and pack is not None and pack.title_case_label(term):
        score = min(score, _PLAIN_LEAD)
        why.append("a list's label in Title Case, asked without its article")
    if reverse or d.kind == "term":
        flaw = answer_flaw(term) or description_flaw(_description(d, reverse))
        if flaw:
            return 0.0, flaw
    if reverse:
        score = _REVERSE_BASE.get(d.pattern, score - 0.1)
        if _COORDINATED.search(term):
            return 0.0, "two terms: no single name to recall"
        if "…" in d.reverse:
            return 0.0, "the description holds the term itself"
        if len(d.reverse) > REVERSE_FRONT_LIMIT:
            score -= 0.3
            why.append("long description")
        elif len(answer.split()) >= SPECIFIC_WORDS and (term_shape in _ABOUT or _marked(d)):
            score += _SPECIFIC_BONUS
            why.append("a description long enough to single out one term")
        if _gives_away(reverse_answer(term, pack), answer):
            return 0.0, "the description holds the answer's own words (очередь макро-таск)"
        if pack is not None and _judges(answer, pack):
            score = min(score, _DOUBTFUL)
            why.append("the description judges (зрелый и очень гибкий): opinions fit many terms")
        if pack is not None and _code_name_answer(reverse_answer(term, pack), pack):
            score = min(score, _DOUBTFUL)
            why.append("a code name answers a description in another language")
    elif _COORDINATED.search(term) and not _SYNONYM.search(term):
        # "Что такое Map и Set?": two terms under a singular question, kept below the
        # threshold however sure the pattern is (a dash-eto at 0.85 less 0.3 was kept)
        score = min(score - 0.3, _DOUBTFUL)
        why.append("two terms asked as one")
    if d.kind == "definition" and _circular(term, answer):
        score -= _CIRCULAR_PENALTY
        why.append("the answer opens with the term itself")
    if _MATH.search(answer):
        score -= _MATH_PENALTY
        why.append("math in the answer")
    if _was_cut(d):
        score -= _CUT_PENALTY
        why.append("the answer was cut mid-sentence")
    elif not reverse and len(answer.split()) < SHORT_ANSWER and d.kind == "definition":
        score -= _SHORT_PENALTY
        why.append("a short answer")
    cost, thin = thin_cost(d, pack, reverse)
    if cost:
        score -= cost
        why.append(thin)
    undefined = defines_nothing(d, pack, term_shape, reverse)  # h19-defback
    if undefined:
        score = min(score, DOUBTFUL)
        why.append(undefined)
    if d.flat is not None:
        why.append(f"«{d.flat.text[:200]}»")
    return round(min(max(score, 0.0), 1.0), 2), "; ".join(why)


def extract_definitions(note: Note, ctx: ExtractContext) -> list[Card]:
    """Definition cards (term → definition) and their reverses (definition → term);
    a generic term is asked within the note's subject (`text.topics`)."""
    pack = pack_for(note.lang)
    cards: list[Card] = []
    for item in find_definitions(note, ctx):
        d = item.definition
        topic = ctx.topic_of(item.section, d.term)  # h19-subject: the domain if not the title's
        shape = term_shape(d.term, topic, item.section.heading)
        # the sentence's own ("In Python, …"), or the folder's for the note's own term
        asked_in = item.subject or ctx.topic_for(d.term, item.section)
        in_topic = pack is not None and (shape in ("in-topic", "in-section") or asked_in != topic)
        sure, why = confidence(d, reverse=False, term_shape=shape, pack=pack)
        if ctx.kept(sure):  # most candidates are not: their HTML and ids are not made
            spans = d.answer_spans()
            answer_html = spans_html(spans, ctx.render) if spans else None
            front = pack.in_topic(d.front, asked_in) if in_topic and pack else d.front
            cards.append(
                ctx.card(
                    kind=d.kind,
                    extractor=NAME,
                    rule=f"{NAME}.{d.pattern}",
                    confidence=sure,
                    evidence=why,
                    anchor=d.term if d.kind == "definition" else d.front,
                    front=front,
                    back=d.back,
                    back_html=answer_html if d.kind == "definition" else None,
                    line=item.line,
                    section=item.section,
                    about=d.term,  # asked within its subject (`ExtractContext.asked_within`)
                    subject=item.subject,
                )
            )
        if d.reverse:
            sure, why = confidence(d, reverse=True, term_shape=shape, pack=pack)
            if ctx.kept(sure):
                reverse_front = (
                    pack.in_topic(d.reverse, asked_in) if in_topic and pack else d.reverse
                )
                cards.append(
                    ctx.card(
                        kind="term",
                        extractor=NAME,
                        rule=f"{NAME}.{d.pattern}.reverse",
                        confidence=sure,
                        evidence=why,
                        anchor=d.term,
                        front=reverse_front,
                        back=reverse_answer(d.term, pack),
                        line=item.line,
                        section=item.section,
                        about=d.term,
                        subject=item.subject,
                        may_stand_alone=True,  # a description that singles out its term
                    )
                )
        ctx.covered.add(item.section.line)
    return cards
