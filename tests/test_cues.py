"""Caseless cues: a search in the folded text finds exactly what re.IGNORECASE finds."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from notecards.extractors import definitions, enumerations, properties
from notecards.text.cues import LETTERS, caseless, fold

EVERY_CHARACTER = "".join(
    chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000
)


FOLDED = fold(EVERY_CHARACTER)


def test_fold_keeps_offsets():
    # lower case never drops a character, so equal lengths mean one for one
    assert len(FOLDED) == len(EVERY_CHARACTER)


@pytest.mark.slow
@pytest.mark.parametrize("letter", sorted(LETTERS))
def test_ignorecase_matches_a_letter_in_exactly_the_characters_folding_to_it(letter):
    caseless = set(re.findall(letter, EVERY_CHARACTER, re.IGNORECASE))
    folding = {EVERY_CHARACTER[m.start()] for m in re.finditer(letter, FOLDED)}
    assert caseless == folding


@pytest.mark.slow
def test_fold_keeps_word_and_space_characters():
    for category in (r"\w", r"\s"):
        assert [m.start() for m in re.finditer(category, FOLDED)] == [
            m.start() for m in re.finditer(category, EVERY_CHARACTER)
        ]


def test_a_pattern_in_upper_case_or_another_script_is_refused():
    for pattern in (r"\S+is", "Это", "λόγος"):
        with pytest.raises(ValueError):
            caseless(pattern)


CASELESS = [
    *definitions._CUES.values(),
    definitions._RU_DASH_ETO,
    definitions._RU_IS,
    definitions._RU_WHICH_IS,
    definitions._RU_UNDER,
    definitions._RU_NAMED,
    definitions._EN_IS,
    definitions._EN_WHICH_IS,
    definitions._EN_VERB,
    definitions._EN_NAMED,
    *properties._SHAPE_CUES.values(),
    *properties._CLAUSE_MARKERS.values(),
    properties._RU_ALLOWS,
    properties._EN_ALLOWS,
    properties._RU_USES,
    properties._EN_USES,
    enumerations._MARKERS,
    enumerations._CONSISTS,
    enumerations._INCLUDES,
]
PIECES = st.sampled_from(
    [
        *"isaretonlumдпояэвлзыcIЭSTАНЯ ,.-\n\u0130\u0131\u017f\u1c82\u1c83\u212a",
        *("это", "Это", "is", "IS", "Allows", "USE", "явля", "ЯВЛЯ", "называ", " Is ", "— "),
        *("являются ", "Под ", " понимают ", "a ", "The ", "which", "ПОЗВОЛЯЕТ", "until "),
        *("состоит из", "such as", "ВКЛЮЧАЯ", "e.g.", "include", "refers to", "known as"),
        *("СОСТОЯТ ИЗ", "Consist of", "made up of", "таких как", "НАПРИМЕР", "в том числе"),
    ]
)


@pytest.mark.slow
@given(st.lists(PIECES, max_size=30).map("".join), st.sampled_from(CASELESS))
def test_caseless_patterns_find_what_ignorecase_finds(text, pattern):
    ignorecase = re.compile(pattern.pattern, re.IGNORECASE)
    assert [m.regs for m in pattern.finditer(fold(text))] == [
        m.regs for m in ignorecase.finditer(text)
    ]


@pytest.mark.slow
@given(
    st.lists(PIECES, max_size=30).map("".join),
    st.sampled_from(
        [
            (enumerations._CONSISTS, enumerations._CONSISTS_HINTS),
            (enumerations._MARKERS, enumerations._MARKER_HINTS),
            (enumerations._INCLUDES, enumerations._INCLUDES_HINTS),
        ]
    ),
)
@example("Сеть СОСТОИТ ИЗ узлов", (enumerations._CONSISTS, enumerations._CONSISTS_HINTS))
@example("A page is Made Up Of parts", (enumerations._CONSISTS, enumerations._CONSISTS_HINTS))
@example("протоколы, Таких Как HTTP", (enumerations._MARKERS, enumerations._MARKER_HINTS))
@example("Сеть ВКЛЮЧАЕТ узлы", (enumerations._INCLUDES, enumerations._INCLUDES_HINTS))
def test_enumeration_hints_are_found_wherever_their_pattern_matches(text, pair):
    pattern, hints = pair
    folded = fold(text)
    if pattern.search(folded):
        assert hints.search(folded)
        assert enumerations._ANY_HINTS.search(folded)
