"""Pros and cons owned by a note's title only when the title names a subject (issue 11,
h18-lists).

A strict reader dropped "Какие плюсы у typeScriptIs?" and "Микросервисы фронтенде
бэкенде: какие минусы?": under a bare "Плюсы" heading the owner is the note's title, and
a title that `text.topics` reads as no subject (a Latin file name a Russian note never
uses, "typeScriptIs"; a course label, "Week 3") is no owner either.
"""

from __future__ import annotations

import pytest

from conftest import note_from_text
from notecards.extractors import extract_cards

PROS_RU = "## Плюсы\n\n- упрощает рефакторинг кода\n- ловит ошибки до запуска\n"
PROS_EN = "## Pros\n\n- makes refactoring safer\n- catches errors before running\n"


def pros(text: str, lang: str, name: str) -> list[str]:
    cards = extract_cards(note_from_text(text, lang=lang, name=name), min_confidence=0)
    return [c.front for c in cards if c.rule.startswith("comparisons.pros")]


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [("ru", PROS_RU, "typeScriptIs.md"), ("en", PROS_EN, "Week 3.md")],
)
def test_a_title_that_names_no_subject_owns_no_pros(lang: str, text: str, name: str) -> None:
    assert pros(text, lang, name) == []


@pytest.mark.parametrize(
    ("lang", "text", "name", "front"),
    [
        ("ru", PROS_RU, "TypeScript.md", "Какие плюсы у TypeScript?"),
        ("en", PROS_EN, "TypeScript.md", "What are the advantages of TypeScript?"),
    ],
)
def test_a_title_that_names_a_subject_owns_them(
    lang: str, text: str, name: str, front: str
) -> None:
    assert pros(text, lang, name) == [front]


REFERENCE_EN = (
    "# C# Math\n\n| Method | Description | Example |\n|---|---|---|\n"
    "| Pow() | Returns a number raised to a power | Math.Pow(2, 3) is 8 |\n"
    "| Sqrt() | Returns the square root of a number | Math.Sqrt(16) is 4 |\n"
)
REFERENCE_RU = (
    "# Math в C#\n\n| Метод | Описание | Пример |\n|---|---|---|\n"
    "| Pow() | Возводит число в степень | Math.Pow(2, 3) даёт 8 |\n"
    "| Sqrt() | Извлекает квадратный корень | Math.Sqrt(16) даёт 4 |\n"
)
VERSUS_EN = (
    "# Routing\n\n| Kind | Configuration | Scalability |\n|---|---|---|\n"
    "| Static routing | By hand on every router | Small networks |\n"
    "| Dynamic routing | Learned by a protocol | Any size |\n"
)


def tables(text: str, lang: str) -> list[str]:
    cards = extract_cards(note_from_text(text, lang=lang), min_confidence=0)
    return [c.front for c in cards if c.rule == "comparisons.table"]


@pytest.mark.parametrize(("text", "lang"), [(REFERENCE_EN, "en"), (REFERENCE_RU, "ru")])
def test_a_reference_table_of_methods_is_no_comparison(text: str, lang: str) -> None:
    # a strict reader dropped "What is the difference between Pow() and Sqrt()?"
    assert tables(text, lang) == []


def test_a_table_that_compares_is_still_asked() -> None:
    assert tables(VERSUS_EN, "en") == [
        "What is the difference between Static routing and Dynamic routing?"
    ]
