"""Question cards whose back answers the question (issue 11, FAILURES-s8 ANS): a lead-in
that is not yet the answer is passed over, a difference needs both sides by their own
words, "How does X work?" keeps the points after a one-line opening, headings that are
no question a student asks are repaired or left unasked, and questions about the one
answering give nothing. The notes under tests/notes/answers_s8 are read by the real
`notecards cards` command, as a user runs it."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from conftest import fronts_by_note
from notecards.extractors.coverage import mentions_each
from notecards.extractors.questions import as_question
from notecards.lang import PACKS

NOTES = Path(__file__).parent / "notes" / "answers_s8"
RU, EN = PACKS["ru"], PACKS["en"]


@cache
def _questions() -> dict[str, dict[str, str]]:
    """front → back of every question card (threshold or not), by note file name."""
    return fronts_by_note(NOTES, ("questions.", "headings."))


def _fronts(note: str) -> set[str]:
    return set(_questions().get(note, {}))


# --- 1. lead-in backs ----------------------------------------------------------------


def test_an_opening_about_the_word_gives_way_to_the_definition_en() -> None:
    back = _questions()["Packed arrays.md"]["What Exactly is a Packed Array?"]
    assert back.startswith("A packed array stores its elements"), back
    assert "confusing" not in back


def test_an_opening_that_recalls_the_previous_section_answers_nothing_en() -> None:
    assert "How does the engine grow a packed array?" not in _fronts("Packed arrays.md")


def test_an_opening_about_the_older_approach_gives_way_to_the_term_ru() -> None:
    back = _questions()["Потоковый рендеринг.md"]["Что такое потоковый рендеринг?"]
    assert back.startswith("Потоковый рендеринг — это способ"), back
    assert "классическом SSR" not in back


# --- 2. only the first part ------------------------------------------------------------


def test_a_difference_told_about_one_side_is_no_card_en() -> None:
    fronts = _fronts("Packed arrays.md")
    assert not any("Historical" in front for front in fronts), fronts


def test_a_difference_told_about_one_side_is_no_card_ru() -> None:
    fronts = _fronts("Потоковый рендеринг.md")
    assert not any("масштабирование" in front for front in fronts), fronts


_HISTORY = ("Historical", "Real-time monitoring")
_SCALING = ("Горизонтальное", "вертикальное масштабирование")


@pytest.mark.parametrize(
    ("back", "sides", "told"),
    [
        ("Historical monitoring sums up a time period.", _HISTORY, False),
        ("Historical monitoring sums up; real-time monitoring alerts.", _HISTORY, True),
        ("Горизонтальное масштабирование добавляет серверы.", _SCALING, False),
        ("Горизонтальное добавляет серверы, вертикальное — память.", _SCALING, True),
        ("TCP guarantees delivery, UDP does not.", ("TCP", "UDP"), True),
        (
            "- Тесты проверяют сценарии\n- Наблюдаемость показывает прод",
            ("тесты", "продовой наблюдаемости"),
            True,
        ),
        (
            "- LocalStorage: бессрочно\n- Cookie: уходят на сервер",
            ("LocalStorage", "файлами cookie"),
            True,
        ),
    ],
)
def test_each_side_is_named_by_a_word_of_its_own(
    back: str, sides: tuple[str, str], told: bool
) -> None:
    assert mentions_each(back, sides, EN if sides[0].isascii() else RU) is told


def test_how_it_works_keeps_the_points_after_a_one_line_opening_en() -> None:
    back = _questions()["Packed arrays.md"]["How does a B-tree index work?"]
    assert back.startswith("A B-tree index keeps the keys sorted"), back
    assert "- a lookup walks from the root to a leaf" in back
    assert "push the middle key up" in back


# --- 3. headings that are no question a student asks ----------------------------------


@pytest.mark.parametrize(
    ("heading", "pack", "asked"),
    [
        ("Is Python slow? (No)", EN, "Is Python slow?"),
        ("How the GIL Works", EN, "How does the GIL work?"),
        ("How the GIL Works?", EN, "How does the GIL work?"),
        ("How singleflight Works", EN, "How does singleflight work?"),
        ("How It Works", EN, "How does it work?"),
        ("What a Monad Is", EN, "What is a Monad?"),
        ("What the Logit Lens is (in a bit more detail)", EN, None),
        ("Why the Sky is Blue", EN, None),
        ("How the Kernel Schedules Processes", EN, None),
        ("What is CGI (Common Gateway Interface)?", EN, "What is CGI (Common Gateway Interface)?"),
        ("Что такое замыкание? (не путать с колбэком)", RU, "Что такое замыкание?"),
        ("Что такое гидратация (подробнее)", RU, None),
        ("Как работает GIL", RU, "Как работает GIL?"),
    ],
)
def test_a_heading_is_asked_as_a_student_asks(heading: str, pack, asked: str | None) -> None:
    found = as_question(heading, pack)
    assert (found[0] if found else None) == asked


def test_repaired_headings_are_asked_through_the_command_en() -> None:
    fronts = _fronts("Packed arrays.md")
    assert {"Is Python slow?", "How does the GIL work?"} <= fronts, fronts
    assert not any("(No)" in f or "Logit Lens" in f or "GIL Works" in f for f in fronts)


def test_a_section_that_goes_over_a_term_again_is_not_asked_ru() -> None:
    assert not any("гидратация" in f for f in _fronts("Потоковый рендеринг.md"))


# --- 4. questions about the one answering, and answers about themselves ---------------


def test_questions_about_the_one_answering_give_nothing_en() -> None:
    assert not any("your role" in front for front in _fronts("Packed arrays.md"))


def test_questions_about_the_one_answering_give_nothing_ru() -> None:
    fronts = _fronts("Потоковый рендеринг.md")
    assert not any("Kafka" in f or "вы используете" in f for f in fronts), fronts


@pytest.mark.parametrize(
    ("question", "pack"),
    [
        ("Какие технологии вы используете?", RU),
        ("Какова ваша роль в проекте?", RU),
        ("Были ли проблемы с Kafka?", RU),
        ("What was your role in the migration?", EN),
        ("Which technologies do you use?", EN),
        ("Were there problems with Kafka?", EN),
    ],
)
def test_about_you_questions_are_not_asked(question: str, pack) -> None:
    from notecards.extractors.questions import asks_alone

    assert as_question(question, pack) is not None  # a question all the same
    assert not asks_alone(question, pack)


@pytest.mark.parametrize(
    ("question", "pack"),
    [
        ("Какие технологии используются во фронтенде?", RU),
        ("Какие инструменты вы используете для мониторинга фронтенда?", RU),
        ("Which tools find memory leaks?", EN),
        ("Which tools do you use to find memory leaks?", EN),
        ("When do you use each proof?", EN),
        ("Когда вы используете useMemo?", RU),
    ],
)
def test_questions_about_the_subject_are_still_asked(question: str, pack) -> None:
    from notecards.extractors.questions import asks_alone

    assert asks_alone(question, pack)


def test_an_answer_that_announces_itself_is_passed_over_ru() -> None:
    back = _questions()["Что такое event loop.md"]["Что такое event loop?"]
    assert back.startswith("Event loop — это механизм"), back
    assert "собеседовании" not in back


def test_an_answer_that_says_it_is_for_an_interview_is_no_card_en() -> None:
    assert "What is a goroutine?" not in _fronts("Goroutines.md")


# --- more lead-ins: "often confused", and how to build over an article -------------


def test_a_sentence_that_says_two_things_get_mixed_up_gives_way_to_the_contrast_ru() -> None:
    back = _questions()["Чем отличаются watch и watchEffect.md"][
        "Чем отличаются watch и watchEffect?"
    ]
    assert back.startswith("watch следит за явно указанным источником"), back
    assert "путают" not in back


def test_a_sentence_that_says_two_things_get_mixed_up_gives_way_to_the_contrast_en() -> None:
    backs = _questions()["Shallow and deep copies.md"]
    back = backs["What is the difference between a shallow copy and a deep copy?"]
    assert back.startswith("A shallow copy makes a new container"), back
    assert "confused" not in back


def test_how_to_build_over_an_article_of_parts_is_not_asked_by_its_opening_en() -> None:
    fronts = _fronts("How to build a thread pool.md")
    assert not any(front.lower().startswith("how to") for front in fronts), fronts


def test_how_to_build_over_an_article_of_parts_is_not_asked_by_its_opening_ru() -> None:
    fronts = _fronts("Как написать пул соединений.md")
    assert "Как написать пул соединений?" not in fronts, fronts


@pytest.mark.parametrize(
    "heading", ["When the Process Runs", "Where the Request Happens", "Why the Sky is Blue"]
)
def test_a_clause_heading_that_names_a_situation_is_not_asked(heading: str) -> None:
    assert as_question(heading, EN) is None
