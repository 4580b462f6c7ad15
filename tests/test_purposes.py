"""Purpose cards: what a named thing is for, lets you do, is responsible for, returns."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import cards_from, note_from_file, note_from_text
from notecards.extractors import extract_cards
from notecards.model import Card, Note

RECALL = Path(__file__).resolve().parent / "notes" / "recall"


def _cards(note: Note) -> list[Card]:
    cards = cards_from("purposes", note)
    assert all(c.kind == "purpose" and c.extractor == "purposes" for c in cards)
    return cards


def _pairs(note: Note) -> list[tuple[str, str]]:
    return [(c.front, c.back) for c in _cards(note)]


def test_russian_purposes_copy_the_notes_verb():
    note = note_from_file(RECALL / "preventDefault.md")
    assert _pairs(note) == [
        (
            "Для чего используется метод preventDefault()?",
            "для отмены перехода по ссылке или отправки формы",
        ),
        (
            "Что позволяет делать вызов stopPropagation()?",
            "позволяет остановить всплытие события к родителям",
        ),
        ("Как отменить отправку формы?", "event.preventDefault() в обработчике submit"),
    ]
    # "Например, переход через меню позволяет …": no name; "Он позволяет …" is not the
    # note's first sentence, so "он" stands for nothing sure; "Обработчик возвращает …":
    # not a named thing


def test_english_purposes_returns_and_pronoun_in_the_first_sentence():
    note = note_from_file(RECALL / "Array map.md")
    assert _pairs(note) == [
        (
            "What does Array map let you do?",
            "lets you turn every item of an array into something new",
        ),
        ("What does map() return?", "a new array of the same length"),
        ("Array map: what is Set used for?", "to drop duplicates from a list"),
        # a goal that names nothing is asked within the note's subject (h18-subject)
        ("Array map: how do you check that every item passes a test?", "every() with a predicate"),
    ]
    assert {c.rule for c in _cards(note)} == {
        "purposes.allows",
        "purposes.returns",
        "purposes.for",
        "purposes.how",
    }


def test_plural_subject_keeps_plural_verb_and_definitions_are_left_alone():
    note = note_from_text(
        "**Веб-воркеры** позволяют вынести тяжёлые вычисления из главного потока.\n\n"
        "Сервисные воркеры позволяют работать офлайн.\n\n"
        "`useRef` — это хук, который позволяет хранить значение между рендерами.\n\n"
        "`Promise.all` отвечает за ожидание всех промисов сразу.\n",
        lang="ru",
    )
    assert [c.front for c in _cards(note)] == [
        "Что позволяют делать веб-воркеры?",  # emphasized: a term; its own plural verb
        "За что отвечает Promise.all?",
    ]  # an unmarked Russian noun names nothing sure; "— это" is a definition's


def test_answer_that_leans_on_another_sentence_is_dropped():
    note = note_from_text("`Composition API` позволяет вынести эту логику в composables.\n",
                          lang="ru")  # fmt: skip
    assert _cards(note) == []


def test_registry_threshold_keeps_purposes():
    note = note_from_file(RECALL / "preventDefault.md")
    kinds = [c.kind for c in extract_cards(note)]
    assert kinds.count("purpose") == 3


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    subject=st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=30),
    rest=st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=60),
    verb=st.sampled_from(["позволяет", "используется для", "возвращает", "отвечает за"]),
)
def test_any_purpose_sentence_gives_clean_sides_or_nothing(subject: str, rest: str, verb: str):
    note = note_from_text(f"`{subject.replace('`', '')}` {verb} {rest}\n", lang="ru")
    for card in _cards(note):
        assert card.front.endswith("?") and card.back.strip()
        if "{" not in subject + rest:  # a subject may hold "{x}" itself: the note's text
            assert "{x}" not in card.front and "{verb}" not in card.front
        assert any(ch.isalpha() for ch in card.front.split(" ", 2)[-1])


def test_a_verb_the_question_cannot_repeat_goes_under_the_threshold():
    weak = _cards(
        note_from_text("`RDFS` allows classes and statements about classes.\n", lang="en")
    )
    strong = _cards(note_from_text("`RDFS` allows you to describe classes of things.\n", lang="en"))
    assert [c.front for c in weak] == ["What does RDFS let you do?"]
    assert weak[0].confidence < 0.5 <= strong[0].confidence
