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


@cache
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
