"""Russian morphology through pymorphy3: the grammar questions templates depend on.

"X является Y" asks "Чем является X?" only when X is the subject, in the nominative;
in "Основным механизмом является Z" the words before the verb are the instrumental
predicate, and the sentence defines Z, not "основным механизмом". Telling the two apart
needs a dictionary, not endings written by hand. The analyzer loads in about 0.4 s, so
it is made on first use, once per process.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CYRILLIC_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*", re.IGNORECASE)
# words remembered per function: a vault's vocabulary, bounded since `watch` runs for hours
WORDS_CACHED = 16384


@lru_cache(maxsize=1)
def _analyzer():  # -> pymorphy3.MorphAnalyzer
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=WORDS_CACHED)
def _cases(word: str) -> frozenset[tuple[str | None, str | None]]:
    return frozenset((p.tag.POS, p.tag.case) for p in _analyzer().parse(word))


@lru_cache(maxsize=WORDS_CACHED)
def word_tags(word: str) -> tuple[frozenset[str], ...]:
    """The grammemes of each reading of a Russian word ({"VERB", "1per", …}, {"NOUN",
    "Name", …}): what a pack asks when a title's grammar decides whether it names a
    subject (a finite verb makes it a sentence, Name/Surn a person)."""
    return tuple(frozenset(p.tag.grammemes) for p in _analyzer().parse(word.lower()))


def can_be_subject(phrase: str) -> bool:
    """Whether the first Russian word of `phrase` can stand in the nominative (a subject).

    Phrases that start with a Latin name or code ("HTMLElement", "`fetch`") can."""
    first = _CYRILLIC_WORD.match(phrase.strip())
    if first is None:
        return True
    return any(case == "nomn" for _, case in _cases(first.group(0).lower()))


def is_bare_adjective(phrase: str) -> bool:
    """A one-word phrase that can only be an adjective or participle ("обязательным"):
    a property, not a definition."""
    words = phrase.split()
    if len(words) != 1 or not _CYRILLIC_WORD.fullmatch(words[0]):
        return False
    return all(pos in ("ADJF", "ADJS", "PRTF", "PRTS") for pos, _ in _cases(words[0].lower()))


def is_modifier(phrase: str) -> bool:
    """Whether the first Russian word of `phrase` can only be an adjective or participle
    ("выполняемых последовательно"): it qualifies the words before it, it is no item of
    a list."""
    first = _CYRILLIC_WORD.match(phrase.strip())
    if first is None:
        return False
    return all(pos in ("ADJF", "ADJS", "PRTF", "PRTS") for pos, _ in _cases(first.group(0).lower()))


def agrees_as_subject(adjective: str, noun: str) -> bool:
    """Whether "<adjective> <noun>" is a noun phrase in the nominative: a lone noun the
    adjective agrees with in gender and number ("Кооперативная" + "многозадачность");
    a heading that labels a kind of the heading above it."""
    if not (_CYRILLIC_WORD.fullmatch(adjective) and _CYRILLIC_WORD.fullmatch(noun)):
        return False
    forms = {
        _agreement(p.tag)
        for p in _analyzer().parse(adjective.lower())
        if p.tag.POS in ("ADJF", "PRTF") and p.tag.case == "nomn"
    }
    return any(
        p.tag.POS == "NOUN" and p.tag.case == "nomn" and _agreement(p.tag) in forms
        for p in _analyzer().parse(noun.lower())
    )


def _agreement(tag) -> tuple[str | None, ...]:  # tag: a pymorphy3 OpencorporaTag
    """What an adjective must share with its noun: the number, and the gender if singular."""
    return ("plur",) if tag.number == "plur" else (tag.gender, tag.number)


@lru_cache(maxsize=WORDS_CACHED)
def _numbers_as_subject(word: str) -> frozenset[str | None]:
    return frozenset(p.tag.number for p in _analyzer().parse(word) if p.tag.case == "nomn")


def is_plural(phrase: str) -> bool:
    """Whether a Russian noun phrase is plural, read from its first word, which agrees with
    its head ("переменные, которые …", "функции", "простые функции"): a word that can
    stand in the nominative only in the plural. "Как называются …?" must agree with it.

    A Latin first word says nothing ("API веб-платформы"), except as the first half of
    a compound ("HTTP-запросы"); a word with no nominative reading counts as singular."""
    first = phrase.split(maxsplit=1)[0].strip("«»\"'(),.;:") if phrase.strip() else ""
    head, _, tail = first.partition("-")
    if not _CYRILLIC_WORD.fullmatch(head) and _CYRILLIC_WORD.fullmatch(tail):
        first = tail  # "HTTP-запросы": the Russian half declines
    word = _CYRILLIC_WORD.match(first)
    if word is None:
        return False
    numbers = _numbers_as_subject(word.group(0).lower())
    return numbers == {"plur"}


def is_lone_non_noun(phrase: str) -> bool:
    """A one-word Russian phrase that cannot be a noun ("неправильно", "обязательным",
    "быстро"): it says how something is, not what it is, so it defines nothing."""
    words = phrase.strip(" .!").split()
    if len(words) != 1 or not _CYRILLIC_WORD.fullmatch(words[0]):
        return False
    return all(pos not in ("NOUN", None) for pos, _ in _cases(words[0].lower()))


_PREDICATE_OPENINGS = frozenset(
    {"INFN", "VERB", "PRTS", "ADJS", "GRND", "PRCL", "CONJ", "PREP", "ADVB"}
)


def opens_with_predicate(phrase: str) -> bool:
    """Whether a Russian phrase opens with a word that cannot open a noun phrase: a verb
    ("вызвать метод …", "хранит …"), a short participle ("связан с …"), a particle
    ("лишь строка …"), a preposition or an adverb. Such a phrase says what something
    does or how it is, not what it is, so it is no definition and no description."""
    words = phrase.strip(" «»\"'(").split()
    first = _CYRILLIC_WORD.fullmatch(words[0].rstrip(",.:;")) if words else None
    if first is None:
        return False
    parts = {pos for pos, _ in _cases(first.group(0).lower())}
    if not parts <= _PREDICATE_OPENINGS:
        return False
    if "ADVB" in parts and len(words) > 1:  # "официально рекомендуемым решением"
        second = _CYRILLIC_WORD.fullmatch(words[1].rstrip(",.:;"))
        modified = {pos for pos, _ in _cases(second.group(0).lower())} if second else set()
        return not modified & {"ADJF", "PRTF"}
    return True


# verbs that say what a thing is, not what it does: "является базовым классом"
_COPULAS = frozenset({"является", "являются", "представляет", "представляют", "означает"})


@lru_cache(maxsize=WORDS_CACHED)
def _acts(word: str) -> bool:
    parses = _analyzer().parse(word)
    if any(p.tag.POS != "VERB" for p in parses):
        return False
    # a third person of the indicative: "хранит", not "настройте" (an order)
    return any(p.tag.person == "3per" and p.tag.mood == "indc" for p in parses)


def opens_with_verb(phrase: str) -> bool:
    """Whether a Russian phrase opens with a verb that says what something does
    ("хранит привязки …", "возвращает массив …"): a third person that is no copula
    ("является", "представляет собой") and not reflexive ("используется для …" says
    what it is for)."""
    first = _CYRILLIC_WORD.match(phrase.strip(" «»\"'("))
    if first is None:
        return False
    word = first.group(0).lower()
    return word not in _COPULAS and not word.endswith(("ся", "сь")) and _acts(word)
