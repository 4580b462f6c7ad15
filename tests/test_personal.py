"""Personal writing gives no mined cards; study notes, even with an "I" or two, do."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import note_from_text
from notecards.extractors import extract_cards
from notecards.lang import PACKS, LanguagePack
from notecards.model import Note, Paragraph, walk_blocks
from notecards.text.personal import _WORD, MIN_FIRST_PERSON, first_person_share, is_personal

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


def _share_word_by_word(note: Note, pack: LanguagePack) -> float:
    """`first_person_share` the slow way: every word of every paragraph looked up."""
    words = first_person = 0
    for _, block in note.blocks():
        for inner in walk_blocks((block,)):
            if isinstance(inner, Paragraph):
                found = _WORD.findall(inner.text)
                words += len(found)
                first_person += sum(w.lower() in pack.first_person for w in found)
    return first_person / words if first_person >= MIN_FIRST_PERSON and words else 0.0


_PIECES = st.sampled_from(
    ["I", "i", "I'm", "I’ve", "my", "MY", "Me", "mine", "myself", "Я", "я", "мне", "Мой",
     "моё", "мною", "Iggy", "mIne", "1my", "my2", "_я", "я_", "me's", "мнение", "semi",
     " ", " ", "\n", "\n\n", "- ", "**", "`", ".", "'", "’", "İ", "ı"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join), st.sampled_from(["en", "ru"]))
def test_the_share_is_the_word_by_word_share(text: str, lang: str) -> None:
    note = note_from_text(text)
    assert first_person_share(note, PACKS[lang]) == _share_word_by_word(note, PACKS[lang])


PROS = (
    "# Sample project\n\n## Pros\n\n- Fast start with the template\n- Small team, quick reviews\n"
)
PROS_RU = "# Пример проекта\n\n## Плюсы\n\n- Быстрый старт по шаблону\n- Маленькая команда\n"


def test_drafts_nobody_named_give_no_mined_cards():
    """Pros and cons of sample projects in "Без названия 2" are someone's evaluations."""
    assert _mined(PROS) and _mined(PROS_RU)  # a named note with the same text is mined
    for title in ("Untitled", "Untitled 3", "untitled-2", "Без названия", "Без названия 2"):
        assert _mined(f"---\ntitle: {title}\n---\n{PROS}") == [], title
        assert _mined(f"---\ntitle: {title}\n---\n{PROS_RU}") == [], title
    assert _mined(f"---\ntitle: Untitled hash tables\n---\n{STUDY}")  # a title that says more
