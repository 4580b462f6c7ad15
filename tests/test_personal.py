"""Personal writing gives no mined cards; study notes, even with an "I" or two, do."""

from __future__ import annotations

from conftest import note_from_text
from notecards.extractors import extract_cards
from notecards.lang import PACKS
from notecards.text.personal import is_personal

STUDY = "A _hash table_ is a structure that maps keys to values through a hash function.\n"
ESSAY = (
    "I thought the project would be about code. My team disagreed with me for weeks, and I "
    "kept quiet. I learned that I avoid conflict, and my notes show it. "
    "A _retrospective_ is a meeting that looks back at how a team worked.\n"
)
ESSAY_RU = (
    "Я думал, что главное в проекте код. Мне казалось, что мой план лучше, и я молчал. "
    "Теперь я понимаю, что мои страхи мешали. _Ретроспектива_ — это встреча, на которой "
    "команда разбирает, как она работала.\n"
)


def _mined(text: str) -> list[str]:
    cards = extract_cards(note_from_text(text))
    return [c.front for c in cards if c.extractor not in ("explicit", "anki_cloze")]


def test_a_study_note_is_mined():
    assert _mined(STUDY) and not is_personal(note_from_text(STUDY), PACKS["en"])
    aside = "I found this hard at first. " + STUDY
    assert _mined(aside)


def test_first_person_essays_give_no_mined_cards_in_either_language():
    assert _mined(ESSAY.split(". A ")[0] + ".\n\n" + STUDY) == []
    assert _mined(ESSAY_RU) == []


def test_tags_types_and_dated_titles_mark_personal_notes():
    assert _mined(f"---\ntags: [journal]\n---\n{STUDY}") == []
    assert _mined(f"---\ntags: [life/дневник]\n---\n{STUDY}") == []
    assert _mined(f"---\ntype: essay\n---\n{STUDY}") == []
    assert _mined(f"---\ntitle: 2024-10-08\n---\n{STUDY}") == []


def test_front_matter_decides_both_ways_and_explicit_cards_stay():
    assert _mined(f"---\ntags: [journal]\nnotecards: {{personal: false}}\n---\n{STUDY}")
    assert _mined(f"---\nnotecards: {{personal: true}}\n---\n{STUDY}") == []
    cards = extract_cards(note_from_text(f"---\ntags: [journal]\n---\nQ::A\n\n{STUDY}"))
    assert [c.front for c in cards] == ["Q"]
