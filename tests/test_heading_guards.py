"""Heading cards only for headings that name a subject (issue 11)."""

from __future__ import annotations

import pytest

from conftest import cards_from
from notecards.model import Card

ANSWER = "Здесь несколько слов о том, что было сделано на этом этапе работы."
ANSWER_EN = "Here are a few words about what was done at this point of the work."


def headings_of(text: str) -> list[Card]:
    return cards_from("headings", text)


@pytest.mark.parametrize(
    "heading",
    ["Введение", "Итого", "Пример 2", "2 Шаг", "Шаг 3", "Создать тест", "Задача 4", "Лекция 7"],
)
def test_russian_labels_that_name_no_subject_give_no_card(heading: str) -> None:
    assert headings_of(f"## {heading}\n\n{ANSWER}\n") == []


@pytest.mark.parametrize(
    "heading", ["Overview", "Results", "Update 1", "Create a test", "Week 3", "Lecture 7 - Routing"]
)
def test_english_labels_that_name_no_subject_give_no_card(heading: str) -> None:
    assert headings_of(f"## {heading}\n\n{ANSWER_EN}\n") == []


def test_a_heading_defined_by_its_first_sentence_is_a_confident_card() -> None:
    [card] = headings_of(
        "## Vulnerabilities\n\nVulnerabilities are weaknesses that raise the chance of a threat.\n"
    )
    assert card.front == "What are Vulnerabilities?" and card.rule == "headings.defined"
    assert card.confidence >= 0.6
    [card] = headings_of(
        "## Кэширование\n\nКэширование — хранение копий ответов рядом с клиентом.\n"
    )
    assert card.front == "Что такое кэширование?" and card.confidence >= 0.6


def test_a_noun_phrase_heading_over_an_aside_stays_under_the_threshold() -> None:
    [card] = headings_of(
        "## Кэширование в браузере\n\nЯ долго не понимал, зачем это нужно, пока не попробовал.\n"
    )
    assert card.rule == "headings.noun-phrase" and card.confidence < 0.5


def test_question_headings_are_asked_as_they_are() -> None:
    [card] = headings_of("## Зачем нужен DNS?\n\nЧтобы по имени узнать адрес сервера в сети.\n")
    assert card.front == "Зачем нужен DNS?"
