import hashlib
import re
import string
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from notecards.ids import (
    anki_guid,
    anki_object_id,
    card_id,
    card_id_from,
    card_id_start,
    normal_card_id,
    normalize_anchor,
)


def test_card_id_is_stable_and_ignores_spacing_case_and_yo():
    a = card_id("HTTP/Основы.md", "definition", "Ёмкость  Кэша")
    assert a == card_id("HTTP/Основы.md", "definition", "емкость кэша")
    assert len(a) == 16 and int(a, 16) >= 0
    assert a == normal_card_id("HTTP/Основы.md", "definition", "емкость кэша")


@pytest.mark.slow
@given(st.text(), st.text(), st.text())
def test_card_id_from_a_begun_hash_is_normal_card_id(note_path, kind, normal):
    start = card_id_start(note_path, kind)
    assert card_id_from(start, normal) == normal_card_id(note_path, kind, normal)
    assert card_id_from(start, normal) == card_id_from(start, normal)  # `start` is kept


def test_card_id_depends_on_path_kind_and_anchor():
    base = card_id("a.md", "definition", "HTTP")
    assert base != card_id("b.md", "definition", "HTTP")
    assert base != card_id("a.md", "term", "HTTP")
    assert base != card_id("a.md", "definition", "HTTPS")


def test_anchor_normalization_is_nfc():
    assert normalize_anchor("e\u0301") == normalize_anchor("\u00e9")


def test_guid_and_object_ids_are_deterministic_and_in_range():
    assert anki_guid("abc") == anki_guid("abc") != anki_guid("abd")
    for name in ("notecards Basic", "Vault::Folder", ""):
        value = anki_object_id("deck", name)
        assert (1 << 30) <= value < (1 << 41)
        assert value == anki_object_id("deck", name)
    assert anki_object_id("deck", "x") != anki_object_id("model", "x")


def _regex_normalization(text: str) -> str:
    """`normalize_anchor` as first written, which every stored card id was made with."""
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.slow
@given(st.text(st.characters(exclude_categories=())) | st.text(string.printable))
def test_normalization_is_the_regex_normalization(text: str) -> None:
    assert normalize_anchor(text) == _regex_normalization(text)


def test_every_space_and_ascii_letter_normalizes_as_before() -> None:
    for code in (*range(128), *(c for c in range(0x110000) if chr(c).isspace())):
        text = f" A{chr(code)}\u0301b  Ё{chr(code)}"
        assert normalize_anchor(text) == _regex_normalization(text)


def test_guid_is_the_digest_of_its_group() -> None:
    digest = hashlib.blake2b(b"guid\x1fg-1", digest_size=16).hexdigest()
    assert anki_guid("g-1") == "nc" + digest[:18]
