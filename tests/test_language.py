"""Language detection: the byte counts equal counting letters one by one."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from notecards.reader.language import detect_language, letter_counts

_RUSSIAN = re.compile("[ЁА-яё]")
_LATIN = re.compile("[A-Za-z]")

# Around the edges of both alphabets, the rest of the Cyrillic block, other two-byte
# and longer characters, lone surrogates.
_CHARS = st.one_of(
    st.characters(min_codepoint=0, max_codepoint=0x7F),
    st.characters(min_codepoint=0x380, max_codepoint=0x500),
    st.characters(min_codepoint=0xC0, max_codepoint=0x10FFFF),
    st.sampled_from("ЁёЀѐЂђЏџАаЯяѠѿ\ud800\udfff"),
)


@pytest.mark.slow
@given(st.text(_CHARS, max_size=200))
def test_letter_counts_equal_counting_each_letter(text: str) -> None:
    assert letter_counts(text) == (len(_RUSSIAN.findall(text)), len(_LATIN.findall(text)))


def test_detect_language() -> None:
    assert detect_language("Кэш хранит данные: cache") == "ru"
    assert detect_language("A cache keeps data, кэш") == "en"
    assert detect_language("Ѐѐ Ђђ abc") != "ru"  # Serbian letters are not Russian ones
    assert detect_language("") == "en"
