"""Russian morphology through pymorphy3: the grammar questions templates depend on.

"X является Y" asks "Чем является X?" only when X is the subject, in the nominative;
in "Основным механизмом является Z" the words before the verb are the instrumental
predicate, and the sentence defines Z, not "основным механизмом". Telling the two apart
needs a dictionary, not endings written by hand. The analyzer loads in about 0.4 s, so
it is made on first use, once per process.
"""

from __future__ import annotations

import re
from functools import cache

_CYRILLIC_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*", re.IGNORECASE)


@cache
def _analyzer():  # -> pymorphy3.MorphAnalyzer
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@cache
def _cases(word: str) -> frozenset[tuple[str | None, str | None]]:
    return frozenset((p.tag.POS, p.tag.case) for p in _analyzer().parse(word))


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
