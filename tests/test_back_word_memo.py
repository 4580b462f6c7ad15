"""`read_back` reads each word of a back through a memo of what it asks of the word
(`definition_backs._word`, per language and bounded): these tests hold that the memo
changes no reading and stays within its bound."""

from __future__ import annotations

from notecards.extractors import definition_backs
from notecards.extractors.definition_backs import WORDS_CACHED, read_back
from notecards.lang import PACKS

EN, RU = PACKS["en"], PACKS["ru"]
BACKS = [
    "a design pattern that's fundamental in asynchronous programming",
    "an algorithm for accelerated transformer decoding",
    "a movable pointer to a commit",
    "a function that calls itself in constant time",
    "Python 3 interpreter used for builds",
    "запрос для проверки прав, который отправляется браузером",
    "хороший объект",
    "позиция подстроки в строке JavaScript",
]


def _cold(answer: str, pack) -> definition_backs.Reading:
    definition_backs._WORDS.clear()
    return read_back(answer, pack)


def test_a_word_read_in_one_language_is_read_afresh_in_the_other():
    cold = {(a, p.code): _cold(a, p) for a in BACKS for p in (EN, RU)}
    definition_backs._WORDS.clear()
    warm = {(a, p.code): read_back(a, p) for p in (EN, RU) for a in BACKS}
    assert warm == cold
    # the two languages read some of these words differently: a memo that forgot the
    # language would give the second one the first one's reading
    assert any(cold[(a, "en")] != cold[(a, "ru")] for a in BACKS)


def test_the_memo_is_bounded():
    definition_backs._WORDS.clear()
    words = [f"word{i}" for i in range(WORDS_CACHED + 10)]
    for start in range(0, len(words), 40):
        read_back(" ".join(words[start : start + 40]), EN)
    assert 0 < len(definition_backs._WORDS["en"]) <= WORDS_CACHED
