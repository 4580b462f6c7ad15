"""What else the note says about a term it defines or emphasises: "property" cards.

Generating a question from any sentence is hard; a few sentence shapes can be turned
into questions reliably, and only sentences that mention a term the note defines (or
emphasises in the same paragraph) are used, so every card names its subject:

- intro + subject-verb-object: "При использовании HTTPS, клиент и сервер используют
  SSL/TLS для …" → "Что используют клиент и сервер при использовании HTTPS для …?";
- "when" clause + pronoun: "Когда клиент отправляет запрос через HTTP, он указывает
  метод…" → "Что клиент указывает, когда отправляет запрос через HTTP?" (the pronoun is
  resolved to the clause's subject only when gender and number agree);
- term + allows/uses: "WebSockets позволяет устанавливать …" → "Что WebSockets
  позволяет делать?";
- a trailing condition or duration clause ("…, пока …", "…, если …", "… until …") is
  blanked: "WebSockets: … оно остается открытым, пока …" → the clause.

A wrong card is worse than a missing one: every shape checks its parts (subject is a
short noun phrase without pronouns, the verb is a finite non-reflexive verb, the object
does not open with a preposition) and gives up otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from notecards.extractors.base import ExtractContext
from notecards.extractors.definitions import (
    find_definitions,
    prose_sentences,
    prose_vocabulary,
)
from notecards.model import Card, Note, Section
from notecards.render.markup import spans_html
from notecards.text.cues import caseless
from notecards.text.fill import fill
from notecards.text.sentences import ENGLISH_ARTICLES, Flat, word_set
from notecards.text.terms import (
    PRONOUNS,
    STOP_START,
    Vocabulary,
    emphasized_by_key,
    find_term,
    is_reflexive,
    key,
    looks_like_verb,
)
from notecards.text.topics import is_named

NAME = "properties"
MAX_SUBJECT_WORDS = 3
MAX_OBJECT_WORDS = 20
MAX_SHORT_OBJECT_WORDS = 6

QUESTIONS = {
    "ru": {
        "intro": "Что {v} {s} {intro} {purpose}?",
        "when_pronoun": "Что {s} {v}, когда {clause}?",
        "when": "Что {s} {v}, когда {s1} {clause}?",
        "allows_do": "Что {s} позволяет делать?",
        "allows_do_pl": "Что {s} позволяют делать?",
        "allows": "{s} {v} …",
        "uses": "Что {s} {v} {purpose}?",
        "clause": "{t}: {head}{marker} …",
    },
    "en": {
        "intro": "{intro}, what {aux} {s} {v} {purpose}?",
        "when": "{clause}, what {aux} {s} {v}?",
        "allows_do": "What does {s} allow {who} to do?",
        "allows": "What does {s} allow?",
        "uses": "What {aux} {s} use {purpose}?",
        "clause": "{t}: {head}{marker} …",
    },
}

_RU_INTRO = re.compile(
    r"(при использовании|при работе с|с использованием|в случае|используя|при)\s+", re.I
)
_EN_INTRO = re.compile(r"(when using|by using|using|with|over)\s+", re.I)
_RU_WHEN = re.compile(r"когда\s+", re.I)
_EN_WHEN = re.compile(r"when\s+", re.I)
# `caseless` patterns search `Flat.lowered`; what a match covers is read from
# `Flat.masked` or `Flat.text` by its offsets.
_CLAUSE_MARKERS = {
    "ru": caseless(r",\s+(до тех пор,\s+пока|только если|пока|если)\s+"),
    "en": caseless(r",?\s+(until|unless|as long as)\s+|,\s+(if|only if)\s+"),
}
# Text that every shape of the language needs (a comma, or the verb or marker it reads,
# matched the same way): most sentences hold none, and then no shape is tried.
_SHAPE_CUES = {
    "ru": caseless(r",|позволя|использу"),
    "en": caseless(r",|allows|enables|lets|use|until|unless|as long as"),
}
_RU_ALLOWS = caseless(r"\s+(позволяет|позволяют)\s+")
_EN_ALLOWS = caseless(r"\s+(allows|enables|lets)\s+")
_RU_USES = caseless(r"\s+(использует|используют)\s+")
_EN_USES = caseless(r"\s+(uses|use)\s+")
_EN_WHO = re.compile(
    r"((?:the\s+)?(?:you|users?|clients?|developers?|browsers?|servers?|applications?|apps?"
    r"|the client|the server|the browser))\s+to\s+",
    re.I,
)
_PURPOSE = {"ru": word_set("для чтобы"), "en": word_set("to for")}
_OBJECT_END = ",;:("
_RU_MODALS = word_set("может могут можно нужно надо нельзя следует является являются есть")
_PERSONAL = {"он": "m", "она": "f", "оно": "n", "они": "p"}
_RU_ADJ = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие")
_EN_PERSONAL = word_set("it they he she")
_EN_VERBS = word_set(
    """use uses need needs send sends exchange exchanges establish establishes require
    requires store stores check checks verify verifies encrypt encrypts specify
    specifies include includes return returns set sets add adds open opens create
    creates validate validates cache caches receive receives"""
)
_EN_DETERMINERS = word_set("the a an each every its their this that")
_EN_AUXILIARIES = word_set("is are was were be has have had can could may might must will would")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower().strip('.,;:!?…»”")(«“')


@dataclass(frozen=True, slots=True)
class Property:
    term: str
    front: str
    answer: str
    flat: Flat
    start: int
    end: int
    rule: str = ""  # which sentence shape found it (intro, when, allows, uses, clause)


def _words(flat: Flat, start: int, end: int) -> list[Word]:
    return [
        Word(m.group(), m.start(), m.end())
        for m in re.finditer(r"\S+", flat.text[:end])
        if m.start() >= start
    ]


def _text(flat: Flat, words: list[Word]) -> str:
    return flat.text[words[0].start : words[-1].end] if words else ""


def _subject_ok(words: list[Word]) -> bool:
    """A short noun phrase: no pronoun, no verb, does not open with a stop word."""
    if not 1 <= len(words) <= MAX_SUBJECT_WORDS:
        return False
    if words[0].low in STOP_START or any(w.low in PRONOUNS for w in words):
        return False
    return not any(w.text[-1:] in ",;:" for w in words[:-1]) and words[-1].text[-1:] not in ",;:"


def _object_range(
    flat: Flat, words: list[Word], lang: str, max_words: int
) -> tuple[list[Word], list[Word]] | None:
    """Split words after a verb into the object and a purpose ("для …", "to …")."""
    obj: list[Word] = []
    rest = words
    for index, word in enumerate(words):
        if word.low in _PURPOSE[lang] and obj:
            rest = words[index:]
            break
        obj.append(word)
        if word.text[-1] in _OBJECT_END:
            rest = []
            break
    else:
        rest = []
    if not obj or len(obj) > max_words or obj[0].low in STOP_START:
        return None
    if any(looks_like_verb(w.text) for w in obj):
        return None
    purpose = []
    for word in rest:
        purpose.append(word)
        if word.text[-1] in _OBJECT_END:
            break
    return obj, purpose


def _trimmed(text: str) -> str:
    return text.rstrip(" .,;:!…")


def _make(term: str, front: str, flat: Flat, words: list[Word]) -> Property | None:
    answer = _trimmed(_text(flat, words))
    if not answer or not any(c.isalpha() for c in answer):
        return None
    if _answered_in(front, answer):
        return None  # "Что Kafka переизбирает, когда leader падает?" → "leader"
    start = words[0].start
    front = " ".join(front.split()).replace(" ?", "?").replace(" ,", ",")
    return Property(term, front, answer, flat, start, start + len(answer))


def _answered_in(front: str, answer: str) -> bool:
    """Every word of the answer is already in the question."""
    asked = set(re.findall(r"\w+", front.lower()))
    return set(re.findall(r"\w+", answer.lower())) <= asked


def _inner(text: str, vocab: Vocabulary) -> str:
    """Sentence-initial words as they read inside a question ("A CDN" → "a CDN")."""
    return vocab.display(text)


def _mentioned(masked: str, terms: list[str]) -> str:
    """The first known term the text mentions (by position), else ""."""
    best, where = "", len(masked) + 1
    folded = masked.casefold()
    for term in terms:
        if term.casefold() not in folded:
            continue
        at = find_term(masked, term)
        if 0 <= at < where:
            best, where = term, at
    return best


# ---------------------------------------------------------------- shapes


def _intro(flat: Flat, terms: list[str], lang: str) -> Property | None:
    """ "При использовании X, S V O для P." / "When using X, S V O to P."."""
    match = (_RU_INTRO if lang == "ru" else _EN_INTRO).match(flat.masked)
    comma = flat.masked.find(",", match.end()) if match else -1
    if comma < 0:
        return None
    intro = flat.text[:comma]
    term = _mentioned(flat.masked[:comma], terms)
    if not term or len(intro.split()) > 6:
        return None
    start = comma + 1
    after = flat.masked[start:].lstrip()
    if re.match(r"(котор\w+|which|that)\s", after, re.I):
        close = flat.masked.find(",", start + 1)
        if close < 0:
            return None
        start = close + 1
    words = _words(flat, start, len(flat.text))
    verb_at = _verb_index(words, lang)
    if verb_at is None or not _subject_ok(words[:verb_at]):
        return None
    parts = _object_range(flat, words[verb_at + 1 :], lang, MAX_SHORT_OBJECT_WORDS)
    if parts is None:
        return None
    obj, purpose = parts
    subject = _text(flat, words[:verb_at])
    verb = words[verb_at].text
    intro_low = intro[0].lower() + intro[1:]
    purpose_text = _trimmed(_text(flat, purpose))
    if lang == "ru":
        front = fill(
            QUESTIONS["ru"]["intro"], v=verb, s=subject, intro=intro_low, purpose=purpose_text
        )
    else:
        aux, base = _en_aux(verb, subject)
        front = fill(
            QUESTIONS["en"]["intro"], intro=intro, aux=aux, s=subject, v=base, purpose=purpose_text
        )
    return _make(term, front, flat, obj)


def _verb_index(words: list[Word], lang: str, reflexive: bool = False) -> int | None:
    """Where the finite verb of a simple clause is: after a 1-3 word subject.

    The verb must take a direct object ("Что …?"), so reflexive verbs and modals are
    refused, unless `reflexive` (the verb of a "когда" clause, which is kept as it is).
    """
    for index, word in enumerate(words[: MAX_SUBJECT_WORDS + 1]):
        if lang == "ru":
            if looks_like_verb(word.text):
                bad = (is_reflexive(word.low) and not reflexive) or word.low in _RU_MODALS
                return None if bad or index == 0 else index
        elif word.low in _EN_VERBS:
            return index if index else None
        if word.text[-1] in ",;:":
            return None
    return None


def _en_aux(verb: str, subject: str) -> tuple[str, str]:
    """("does", "specify") for "specifies"; ("do", "use") for a plural subject."""
    low = verb.lower()
    plural = " and " in f" {subject.lower()} " or subject.lower() in ("they", "we", "you")
    if plural or not low.endswith("s"):
        return "do", low
    if low.endswith("ies"):
        return "does", low[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        return "does", low[:-2]
    return "does", low[:-1]


def _gender(words: list[Word]) -> str:
    """m/f/n/p for a Russian noun phrase by its head's ending; "" when unsure."""
    if any(w.low in ("и", "или") for w in words):
        return "p" if any(w.low == "и" for w in words) else ""
    heads = [w.low for w in words if not w.low.endswith(_RU_ADJ)]
    if not heads or not all("а" <= c <= "я" or c in "ё-" for c in heads[0]):
        return ""
    last = heads[0][-1]
    endings = {"а": "f", "я": "f", "о": "n", "е": "n", "ё": "n", "ы": "p", "и": "p", "ь": ""}
    return endings.get(last, "m")


def _when(flat: Flat, terms: list[str], lang: str) -> Property | None:
    """ "Когда S V1 O1, он V2 O2." → "Что S V2, когда V1 O1?"."""
    match = (_RU_WHEN if lang == "ru" else _EN_WHEN).match(flat.masked)
    comma = flat.masked.find(",", match.end()) if match else -1
    term = _mentioned(flat.masked, terms) if comma >= 0 else ""
    if not term:
        return None
    clause = _words(flat, match.end(), comma)
    main = _words(flat, comma + 1, len(flat.text))
    if lang == "ru":
        return _when_ru(flat, term, clause, main)
    return _when_en(flat, term, comma, clause, main)


def _when_ru(flat: Flat, term: str, clause: list[Word], main: list[Word]) -> Property | None:
    verb1 = _verb_index(clause, "ru", reflexive=True)
    if verb1 is None or not _subject_ok(clause[:verb1]) or not main:
        return None
    subject = clause[:verb1]
    rest_clause = _text(flat, clause[verb1:])
    if main[0].low in _PERSONAL:
        if _PERSONAL[main[0].low] != _gender(subject):
            return None
        verb2 = 1
        template = QUESTIONS["ru"]["when_pronoun"]
        own_subject = subject
    else:
        found = _verb_index(main, "ru")
        if found is None or not _subject_ok(main[:found]):
            return None
        verb2, template, own_subject = found, QUESTIONS["ru"]["when"], main[:found]
    if verb2 >= len(main) or not looks_like_verb(main[verb2].text):
        return None
    if is_reflexive(main[verb2].low) or main[verb2].low in _RU_MODALS:
        return None
    obj = main[verb2 + 1 :]
    if not obj or len(obj) > MAX_OBJECT_WORDS or obj[0].low in STOP_START:
        return None
    if looks_like_verb(obj[0].text):
        return None
    front = fill(
        template,
        s=_text(flat, own_subject),
        v=main[verb2].text,
        s1=_text(flat, subject),
        clause=rest_clause,
    )
    return _make(term, front, flat, obj)


def _en_subject_end(clause: list[Word]) -> int | None:
    """Where the subject of "the client sends …" / "the client and the server send …"
    ends: English verbs cannot be told by their endings, so only these shapes are read."""
    if len(clause) < 3 or clause[0].low not in _EN_DETERMINERS:
        return None
    end = 2
    if clause[2].low == "and":
        end = 5 if len(clause) > 3 and clause[3].low in _EN_DETERMINERS else 4
    return end if end < len(clause) else None


def _when_en(
    flat: Flat, term: str, comma: int, clause: list[Word], main: list[Word]
) -> Property | None:
    """ "When the client sends X, it specifies Y." → "When …, what does the client specify?"."""
    subject_end = _en_subject_end(clause)
    if subject_end is None or not main:
        return None
    subject = clause[:subject_end]
    plural = any(w.low == "and" for w in subject)
    if main[0].low in _EN_PERSONAL:
        if (main[0].low == "they") != plural or len(main) < 2:
            return None
        verb = main[1]
        if not plural and not (verb.low.endswith("s") or verb.low in _EN_VERBS):
            return None
        obj = main[2:]
        if subject[0].low in ("a", "an"):  # "a browser …, it checks" → "the browser"
            subject = [Word("the", subject[0].start, subject[0].end), *subject[1:]]
    else:
        found = _verb_index(main, "en")
        if found is None or not _subject_ok(main[:found]):
            return None
        subject, verb, obj = main[:found], main[found], main[found + 1 :]
    if verb.low in _EN_AUXILIARIES or not verb.low.isalpha():
        return None
    if not obj or len(obj) > MAX_OBJECT_WORDS or obj[0].low in STOP_START:
        return None
    subject_text = " ".join([subject[0].text, _text(flat, subject[1:])]).strip()
    aux, base = _en_aux(verb.text, subject_text)
    front = fill(QUESTIONS["en"]["when"], clause=flat.text[:comma], aux=aux, s=subject_text, v=base)
    return _make(term, front, flat, obj)


def _subject_term(flat: Flat, end: int, terms: list[str], vocab: Vocabulary) -> tuple[str, str]:
    """(term, subject) when the text before `end` is a short phrase ending in a term."""
    subject = flat.text[:end].strip()
    words = subject.split()
    if not 1 <= len(words) <= MAX_SUBJECT_WORDS + 1 or any(c in subject for c in ",;:"):
        return "", ""
    for term in terms:
        if key(subject).endswith(key(term)) and find_term(subject, term) >= 0:
            if words[0].lower() in STOP_START or words[0].lower() in PRONOUNS:
                return "", ""
            return term, _inner(subject, vocab)
    return "", ""


def _allows(flat: Flat, terms: list[str], lang: str, vocab: Vocabulary) -> Property | None:
    """ "X позволяет устанавливать …" → "Что X позволяет делать?"."""
    match = (_RU_ALLOWS if lang == "ru" else _EN_ALLOWS).search(flat.lowered, 0, 80)
    if not match:
        return None
    term, subject = _subject_term(flat, match.start(), terms, vocab)
    words = _words(flat, match.end(), len(flat.text))
    if not term or not words or words[0].low in STOP_START:
        return None
    q = QUESTIONS[lang]
    if lang == "ru":
        verb = flat.masked[match.start(1) : match.end(1)].lower()
        if words[0].low.endswith(("ть", "ти", "чь", "ться")):
            template = q["allows_do"] if verb == "позволяет" else q["allows_do_pl"]
            return _make(term, fill(template, s=subject), flat, words)
        return _make(term, fill(q["allows"], s=subject, v=verb), flat, words)
    who = _EN_WHO.match(flat.masked, match.end())
    if who:
        rest = _words(flat, who.end(), len(flat.text))
        front = fill(q["allows_do"], s=subject, who=who.group(1))
        return _make(term, front, flat, rest) if rest else None
    return _make(term, fill(q["allows"], s=subject), flat, words)


def _uses(flat: Flat, terms: list[str], lang: str, vocab: Vocabulary) -> Property | None:
    """ "X использует Y для Z" → "Что X использует для Z?"."""
    match = (_RU_USES if lang == "ru" else _EN_USES).search(flat.lowered, 0, 80)
    if not match:
        return None
    term, subject = _subject_term(flat, match.start(), terms, vocab)
    if not term:
        return None
    words = _words(flat, match.end(), len(flat.text))
    parts = _object_range(flat, words, lang, MAX_SHORT_OBJECT_WORDS)
    if parts is None:
        return None
    obj, purpose = parts
    if any(w.low in _REFERENTS for w in obj):
        return None  # "… используют такие стандарты": which ones, the sentence before says
    purpose_text = _trimmed(_text(flat, purpose))
    verb = flat.masked[match.start(1) : match.end(1)]
    if lang == "ru":
        front = fill(QUESTIONS["ru"]["uses"], s=subject, v=verb.lower(), purpose=purpose_text)
    else:
        aux, _ = _en_aux(verb, subject)
        front = fill(QUESTIONS["en"]["uses"], aux=aux, s=subject, purpose=purpose_text)
    return _make(term, front, flat, obj)


def _clause(flat: Flat, terms: list[str], lang: str, vocab: Vocabulary) -> Property | None:
    """A trailing "…, пока …" / "… until …" clause about a term, blanked."""
    match = _CLAUSE_MARKERS[lang].search(flat.lowered)
    if not match:
        return None
    term = _mentioned(flat.masked, terms)
    if not term:
        return None
    head = flat.text[: match.start()].strip()
    if len(head.split()) < 3 or re.match(r"(если|if)\s", head, re.I):
        return None
    words = _words(flat, match.end(), len(flat.text))
    if not 2 <= len(words) <= MAX_OBJECT_WORDS:
        return None
    if _CLAUSE_MARKERS[lang].search(flat.lowered, match.end()):
        return None  # several conditions: which one would the card ask?
    raw = flat.text[match.start() : match.end()].strip()
    marker = (", " if raw.startswith(",") else " ") + " ".join(raw.lstrip(", ").split())
    front = fill(QUESTIONS[lang]["clause"], t=term, head=_inner(head, vocab), marker=marker)
    return _make(term, front, flat, words)


# what a back leans on when it points elsewhere ("такие стандарты", "this fact")
_REFERENTS = word_set(
    """такие такой такая такое таких такими этот эта это эти этого этой этих тот та те
    this these those such that"""
)
_ASIDE = re.compile(r"\([^)]*\)")


def _one_bare_word(answer: str, terms: list[str]) -> bool:
    """A back of one word that is no name and that the note does not define: "ISR" for
    what Kafka uses, "an expression", "derivatives" — one of several answers, or too
    vague to recall as the answer; "FlowLayout by default", "ESBuild (на Go)" name one."""
    words = [w for w in _ASIDE.sub(" ", answer).split() if w.lower() not in ENGLISH_ARTICLES]
    if len(words) != 1:
        return False
    word = words[0].strip(".,;:!?")
    return not is_named(word) and key(word) not in {key(t) for t in terms}


# ---------------------------------------------------------------- the extractor


def _paragraph_terms(flats: list[Flat], defined: dict[str, str], by_length: list[str]) -> list[str]:
    """Terms a paragraph's sentences may be about: emphasised here or defined anywhere.

    `by_length` is `defined` sorted as the result is: the answer for the many
    paragraphs that emphasise nothing."""
    if not any(flat.emph for flat in flats):
        return by_length
    terms = emphasized_by_key(flats)
    if not terms:  # emphasis on labels or phrases only
        return by_length
    for k, term in defined.items():
        terms.setdefault(k, term)
    return sorted(terms.values(), key=len, reverse=True)


def find_properties(note: Note, ctx: ExtractContext) -> Iterator[tuple[Section, int, Property]]:
    """Every property sentence of the note, with its section and line."""
    lang = note.lang if note.lang in QUESTIONS else "en"
    found_definitions = find_definitions(note, ctx)
    defined = {key(f.definition.term): f.definition.term for f in found_definitions}
    defining = {(f.line, f.definition.flat.text) for f in found_definitions if f.definition.flat}
    paragraphs = prose_sentences(note, ctx)
    vocab = prose_vocabulary(note, ctx)
    by_length = sorted(defined.values(), key=len, reverse=True)
    cue = _SHAPE_CUES[lang]
    for section, sentences in paragraphs:
        terms: list[str] | None = None  # found once a sentence may hold a shape
        for line, flat in sentences:
            if flat.text.endswith("?") or not cue.search(flat.lowered):
                continue
            if terms is None:
                terms = _paragraph_terms([f for _, f in sentences], defined, by_length)
            if not terms:
                break
            for rule, found in (
                ("intro", _intro(flat, terms, lang)),
                ("when", _when(flat, terms, lang)),
                ("allows", _allows(flat, terms, lang, vocab)),
                ("uses", _uses(flat, terms, lang, vocab)),
                (
                    "clause",
                    None if (line, flat.text) in defining else _clause(flat, terms, lang, vocab),
                ),
            ):
                if found and rule == "uses" and _one_bare_word(found.answer, terms):
                    rule = "uses_bare"
                if found and rule == "allows":
                    rule = _allows_rule(found, lang)
                if found:
                    yield section, line, replace(found, rule=rule)


# the reader as an allowance's object ("us to build …", "нам …"), and owners that are
# fluff around the thing ("правильное использование X", "the proper use of X")
_READER = word_set("us you we me нам вам нас вас мне")
_FLUFF_OWNER = re.compile(
    r"\b(?:правильн\w+|грамотн\w+|умел\w+|разумн\w+)\s+(?:использовани|применени)\w*"
    r"|\b(?:proper|correct|careful|good|wise)\s+use\b",
    re.I,
)


def _allows_rule(found: Property, lang: str) -> str:
    """How sure an allowance card is: an API's "what does it let you do" stands; a cloze,
    the reader as its object or a fluff owner does not; anything else is doubtful."""
    first = found.answer.split(" ", 1)[0].lower()
    if found.front.endswith("…") or first in _READER or _FLUFF_OWNER.search(found.front):
        return "allows_loose"
    asks_to_do = "делать?" in found.front if lang == "ru" else " to do?" in found.front
    if asks_to_do and " " not in found.term and is_named(found.term):
        return "allows_api"
    return "allows"


# How often each shape's cards are kept as they are, from samples of real vaults: "X
# allows Y" and "X uses Y" name their subject; a conditional clause ("X …, если …")
# is almost always torn out of its context.
RULE_CONFIDENCE = {
    "intro": 0.6,
    # "Что Vue заново запускает, когда данные меняются?": 0 of 2 kept by a blind
    # reader (session 8), the clause torn from its paragraph; `cards --all` lists it
    "when": 0.45,
    # "What does Segmentation allow?" / "Kafka позволяет …": 0 of 3 kept (session 8);
    # what a thing allows has many right answers, and the note names one of them
    "allows": 0.45,
    # one identifier, asked "what does it let you do" ("Что requestIdleCallback позволяет
    # делать?"): the sentence is what the API is for
    "allows_api": 0.55,
    # a cloze ("pinia позволяет …"), a back that opens with the reader ("us to build …")
    # or an owner that is fluff ("правильное использование X"): no card a reader keeps
    "allows_loose": 0.3,
    "uses": 0.5,
    # one bare word the note does not define: the blind reader dropped "ISR", and
    # "an expression", "derivatives" on public vaults answer too little to recall
    "uses_bare": 0.4,
    "clause": 0.25,
}


def extract_properties(note: Note, ctx: ExtractContext) -> list[Card]:
    """Property cards: what the note says about a term besides what it is."""
    cards: list[Card] = []
    for section, line, prop in find_properties(note, ctx):
        cards.append(
            ctx.card(
                kind="property",
                extractor=NAME,
                rule=f"{NAME}.{prop.rule}",
                confidence=RULE_CONFIDENCE[prop.rule],
                evidence=prop.flat.text[:200],
                anchor=prop.front,
                front=prop.front,
                back=prop.answer,
                back_html=spans_html(prop.flat.sub_spans(prop.start, prop.end), ctx.render),
                line=line,
                section=section,
                about=prop.term,  # h18-subject: asked within its subject when generic
            )
        )
        ctx.covered.add(section.line)
    return cards
