"""How much of the note a definition's back takes (issue 11).

A strict reader dropped definitions whose back named only a genus with a vague word
around it ("an event loop is a design pattern that's fundamental in asynchronous
programming", "speculative sampling is an algorithm for accelerated transformer
decoding"): the note says what distinguishes the thing in the next sentence ("It works
by …", "Он нужен, чтобы …"), and the card left it out. So:

- `read_back` scores what a back says beyond its genus; under THIN the back is thin;
- a back cut at a comma before an example ("…, such as …", "…, например …") runs to
  its sentence's end when that is short (`whole_clause`);
- a thin back takes the next sentence of its paragraph when that sentence goes on about
  the same thing (`continues`: a pronoun, the term again, "Used to …", "Нужен для …")
  and both stay short enough to recall (`with_next_sentence`);
- a thin back that took nothing more costs confidence when it is vague (`thin_cost`):
  its genus with a judgement, a purpose or nothing after it;
- `back_flaw`: a back that is no definition at all ("DMA means the CPU can …": a
  consequence, not a meaning; "**L1 Cache**: Approximately 512 KB, fast": properties).

Words and phrases come from the language pack (`back_*` fields, `is_adjective`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from notecards.lang import LanguagePack
from notecards.text.sentences import Flat
from notecards.text.terms import STOP_START, looks_like_verb
from notecards.text.topics import is_named

if TYPE_CHECKING:  # definitions.py imports this module for its hook
    from notecards.extractors.definitions import Definition

THIN = 4.0  # a back scoring less says its genus and little more: it may take more
PAIR_WORDS = 45  # a back of two sentences stays short enough to recall
# What a thin back that took nothing more costs when it is vague: its genus with only a
# judgement ("fundamental", "хороший"), a purpose after it, or nothing at all ("объект",
# "an algorithm for accelerated decoding"). Judged on the public vaults (RUBRIC.md), the
# cards this cost drops were kept 11 of 30 (dash-eto as seldom as is-a, so it drops
# both: 0.85 - 0.4 < 0.5); a thin back with a concrete qualifier ("a movable pointer to
# a commit", "побочные эффекты после рендера") was kept as often as any definition and
# costs nothing.
VAGUE_COST = 0.4
_BEFORE_HEAD = 0.5  # a modifier before the genus narrows a category a little
_SIDE = 0.5  # a purpose ("for decoding", "used to fit") says what it serves, not what it is
_NAME = 2.0  # a name ("GPUs", "React") pins the thing down
_NUMBER = 3.0  # a number ("a magnitude of 1") even more
_MODIFIERS = 3  # modifiers before the genus that narrow it to one thing
# patterns whose back runs to its sentence's end ("X is Y."): one that stops earlier was
# cut (definitions.confidence), one that does not may take more (`_extensible`)
TO_THE_END = frozenset({"dash-eto", "is", "is-a", "lead", "refers", "means", "under"})
_EDGE = ".,()«»\"'“”:;!?…[]"
_ARTICLES = frozenset({"a", "an", "the"})
_DETERMINERS = _ARTICLES | {"this", "that", "these", "those", "its", "their", "his", "her"}
_POSSESSIVE = re.compile(r"['’](?:s|re|ll|d|ve)$", re.IGNORECASE)  # "that's" → "that"
_LABEL = re.compile(r"[^\s:]{1,30}:\s")  # "Использование: …", "Example: …": a label


class Reading(NamedTuple):
    """What `read_back` found: the score, whether something concrete stands in it (a
    word after the genus that counted in full: "to a commit", "that calls itself", or a
    name or a number anywhere), and whether an evaluative word does ("fundamental",
    "важный")."""

    score: float
    concrete: bool
    judged: bool

    @property
    def vague(self) -> bool:
        """Thin, and either judged or with nothing concrete after its genus."""
        return self.score < THIN and (self.judged or not self.concrete)


def _bare(word: str) -> str:
    return _POSSESSIVE.sub("", word.strip(_EDGE)).lower()


def _genus_head(words: list[str], pack: LanguagePack) -> int:
    """The index of the genus's head: before the first word that ends a genus
    ("pattern" | "that …", "запрос" | "для …") or at a comma; with neither, the last
    word in a language whose heads come last ("a movable pointer"), the first noun in
    one whose genitives follow their head ("позиция подстроки")."""
    facts = [_word(word, pack) for word in words]
    for index, (word, fact) in enumerate(zip(words, facts, strict=True)):
        if index and (fact.genus_end or fact.bare in _ARTICLES):
            return index - 1  # an article opens a clause: "the status | a server sends"
        if word.endswith(","):
            return index
    if pack.head_first:
        for index, fact in enumerate(facts):
            if fact.counts and not pack.is_adjective(fact.bare):
                return index
    return len(words) - 1


class _Word(NamedTuple):
    """What `read_back` asks of one word of a back, in one language."""

    bare: str
    clause: bool  # opens a relative clause ("that", "который")
    evaluative: bool  # judges ("fundamental", "важный")
    genus_end: bool  # ends a genus
    counts: bool  # a content word (`_counts`)
    value: float  # what it counts when it does: a number 3, a name 2, else 1


# word -> facts, per language: a vault repeats its words, and every back's words are
# read two or three times (`with_next_sentence`, `thin_cost` forward and reversed);
# bounded, since `watch` runs for hours
_WORDS: dict[str, dict[str, _Word]] = {}
WORDS_CACHED = 16384


def _word(word: str, pack: LanguagePack) -> _Word:
    known = _WORDS.setdefault(pack.code, {})
    facts = known.get(word)
    if facts is None:
        if len(known) >= WORDS_CACHED:
            known.clear()
        bare = _bare(word)
        if any(c.isdigit() for c in bare):
            value = _NUMBER
        elif is_named(word) or word.strip(_EDGE)[:1].isupper():
            value = _NAME
        else:
            value = 1.0
        facts = known[word] = _Word(
            bare,
            pack.back_clause.fullmatch(bare) is not None,
            pack.back_evaluative.fullmatch(bare) is not None,
            pack.genus_end.fullmatch(bare) is not None,
            _counts(bare, pack),
            value,
        )
    return facts


def read_back(answer: str, pack: LanguagePack) -> Reading:
    """How much a back says beyond its genus. Each content word after the genus counts
    one, a name two and a number three; a word before the genus head counts half, and
    so does a word of a purpose or a domain phrase opened right after the genus ("an
    algorithm | for accelerated decoding", "a tool | used for builds"), which says what
    it serves or where it lives, not what it is; a clause ("that calls itself",
    "который отправляется …") or a complement of its own ("… in constant time") counts
    in full. Evaluative words ("fundamental", "важный") count nothing and mark the back
    as judged; hedges ("usually"), weak words and stop words count nothing."""
    words = answer.split()
    head = _genus_head(words, pack)
    score, weight, in_clause, side_at = 0.0, 1.0, False, head
    concrete = judged = False
    modifiers = 0
    for index, word in enumerate(words):
        fact = _word(word, pack)
        after = words[index + 1] if index + 1 < len(words) else ""
        if index > head and fact.clause:
            weight, in_clause = 1.0, True
        elif index == side_at + 1 and not in_clause and _opens_side(fact.bare, after, pack):
            weight, side_at = _SIDE, index  # "used for", "designed to": one phrase
        elif fact.evaluative:
            judged = True
        elif index > head and weight != 1.0 and fact.genus_end:
            weight = 1.0  # a complement of its own: "… records | in constant time"
            if fact.counts:  # "called", "based": a content word that ends a genus
                score, concrete = score + 1.0, True
        elif index != head and fact.counts:
            # the first word's capital is the sentence's, no name
            value = fact.value if index or fact.value != _NAME or is_named(word) else 1.0
            score += value * (_BEFORE_HEAD if index < head else weight)
            # a name or a number pins it down wherever it stands ("в JavaScript"), and
            # so do three modifiers ("the standard input file object")
            modifiers += index < head
            concrete = concrete or value > 1 or (index > head and weight == 1.0)
            concrete = concrete or modifiers >= _MODIFIERS
        if word.endswith((",", ";")) and index > head:
            weight, in_clause = 1.0, False
    return Reading(score, concrete, judged)


def _opens_side(bare: str, after: str, pack: LanguagePack) -> bool:
    """A purpose or a domain after the genus ("for decoding", "to fit", "в вебе"); "to"
    before an article is a preposition ("a pointer to a commit"), no purpose."""
    if not pack.back_side.fullmatch(bare):
        return False
    return not (bare == "to" and _bare(after) in _DETERMINERS)


def _counts(bare: str, pack: LanguagePack) -> bool:
    if not bare or not any(c.isalnum() for c in bare):
        return False
    if bare in STOP_START or bare in _ARTICLES or bare in pack.weak_words:
        return False
    if pack.back_hedges.fullmatch(bare):
        return False
    return pack.back_evaluative.fullmatch(bare) is None


def is_thin(answer: str, pack: LanguagePack) -> bool:
    return read_back(answer, pack).score < THIN


def _extensible(d: Definition, pack: LanguagePack) -> bool:
    """A definition whose back is its sentence's whole rest, asked "what is X?"."""
    if d.kind != "definition" or not runs_to_the_end(d):
        return False
    return not pack.opens_with_verb(d.answer)  # "**X**: Sets the limit …": no genus to judge


def runs_to_the_end(d: Definition) -> bool:
    """Whether `d` is of a pattern whose back runs to its sentence's end, and it does."""
    return d.pattern in TO_THE_END and d.flat is not None and d.end >= d.flat.content_end()


def continues(sentence: str, term: str, pack: LanguagePack) -> bool:
    """Whether `sentence` goes on about the thing the sentence before defined: it opens
    with a pronoun ("It", "Он", "Это"), a subjectless predicate ("Used to …", "Нужен
    для …") or the term again; not with an example, a contrast, a label or a pointer
    ("For example", "However", "Usage:", "as follows"), and it asks nothing."""
    text = sentence.strip()
    if not text or text.endswith(("?", ":")) or _LABEL.match(text):
        return False
    if pack.back_aside.match(text):
        return False
    if pack.back_continues.match(text):
        return True
    return _opens_with_term(text, term)


def _opens_with_term(text: str, term: str) -> bool:
    """ "Speculative sampling works by …", "Предварительный запрос нужен …": the term's
    words open the sentence (after an article), compared by their first five letters so
    that a Russian case ending does not hide it."""
    words = [_bare(w) for w in text.split()]
    if words and words[0] in _ARTICLES:
        words = words[1:]
    wanted = [_bare(w) for w in term.split()]
    if not wanted or len(words) < len(wanted):
        return False
    return all(a[:5] == b[:5] for a, b in zip(words, wanted, strict=False))


def fit_back(d: Definition, following: Sequence[Flat], pack: LanguagePack | None) -> Definition:
    """`d` with as much of the note on its back as it needs: its whole clause when it
    was cut before an example (`whole_clause`), and the next sentence when it is thin
    (`with_next_sentence`)."""
    if pack is None:
        return d
    return with_next_sentence(whole_clause(d, pack), following, pack)


def whole_clause(d: Definition, pack: LanguagePack) -> Definition:
    """ "…, which is a sequence of words separated by dots, such as www.example.com": a
    back cut at a comma that an example or an "i.e." follows leaves half a thought;
    it runs to its sentence's end when that stays short enough to recall."""
    if d.kind != "definition" or d.flat is None:
        return d
    end = d.flat.content_end()
    if d.end >= end or not pack.back_goes_on.match(d.flat.text, d.end):
        return d
    whole = d.flat.text[d.start : end]
    if len(whole.split()) > PAIR_WORDS:
        return d
    return d._replace(answer=whole, end=end)


def with_next_sentence(d: Definition, following: Sequence[Flat], pack: LanguagePack) -> Definition:
    """`d` with the next sentence of its paragraph taken onto its back, when the back is
    thin and that sentence goes on about the same thing; else `d` as it was."""
    if not following or not _extensible(d, pack):
        return d
    if not is_thin(d.answer, pack):
        return d
    nxt = following[0]
    end = nxt.content_end()
    if not continues(nxt.text, d.term, pack):
        return d
    if len(d.answer.split()) + len(nxt.text[:end].split()) > PAIR_WORDS:
        return d
    return d._replace(more=nxt, more_end=end)


def thin_cost(d: Definition, pack: LanguagePack | None, reverse: bool = False) -> tuple[float, str]:
    """What a vague back that took nothing more costs, and why ((0, "") when nothing);
    asked back ("What is the term for: a design pattern that's fundamental in …?") a
    vague description fits many terms whatever the back took."""
    if pack is None or not _extensible(d, pack) or (d.more is not None and not reverse):
        return 0.0, ""
    if not read_back(d.answer, pack).vague or _expands(d.answer, d.term):
        return 0.0, ""
    return VAGUE_COST, "a vague back: its genus with a judgement, a purpose or nothing after it"


def back_flaw(d: Definition, pack: LanguagePack | None) -> str:
    """Why a definition's back is no definition at all, or "" when it may be one."""
    if pack is None or d.kind != "definition":
        return ""
    answer = d.answer.strip()
    if d.pattern == "means" and _consequence(answer, d.term, pack):
        return "the back of 'X means' is a consequence (a clause), not what X means"
    if d.pattern in ("lead", "dash-eto", "table") and _properties(answer, pack):
        return "the back lists properties (a measure, a number, adjectives), not a thing"
    return ""


def _consequence(answer: str, term: str, pack: LanguagePack) -> bool:
    """ "the CPU can avoid copying …": a subject and its verb, what follows from X;
    not an expansion ("Direct Memory Access") nor a noun phrase ("many forms")."""
    if answer[:1] in "\"'«“":
        return False  # a reading in quotes: "x is an element of S"
    if _expands(answer, term):
        return False
    head: list[str] = []
    for word in answer.split()[:6]:  # the words up to a comma or a relative clause
        if pack.back_clause.fullmatch(_bare(word)):
            break
        head.append(word)
        if word.endswith((",", ";")):
            break
    return any(looks_like_verb(w) for w in head[1:])


def _expands(answer: str, term: str) -> bool:
    """ "KISS: Keep it simple, stupid": the back spells the acronym out."""
    return term.isupper() and len(term) >= 2 and _initials_match(answer, term)


def _initials_match(answer: str, term: str) -> bool:
    letters = "".join(w[0] for w in answer.split() if w[:1].isalpha()).upper()
    return term.upper() in letters


_WIDTH = re.compile(r"\d+[-\s]?(?:bit|byte|бит|байт)", re.IGNORECASE)  # "a 12-bit ID": a type


def _properties(answer: str, pack: LanguagePack) -> bool:
    """ "Approximately 512 KB in size, designed for speed", "Fast, small, expensive":
    a measure, a number or a run of adjectives opens the back, no thing is named."""
    if pack.back_measure.match(answer) and not _WIDTH.match(answer):
        return True
    items = [item.split() for item in answer.split(",")[:3]]
    if len(items) < 2 or any(len(item) != 1 for item in items[:2]):
        return False
    return all(pack.is_adjective(item[0]) for item in items[:2])
