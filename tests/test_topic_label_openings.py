"""A section's label is no subject, and a Title Case common noun is asked with its article.

A blind reader dropped "Сравнение с горутинами: что такое контекст потока?", "Generics
syntax: what is any?" and "What is Executable Object File?" (session 7's sample)."""

from __future__ import annotations

import pytest

from notecards.lang import PACKS
from notecards.text.topics import as_topic


@pytest.mark.parametrize(
    ("heading", "lang"),
    [
        ("Сравнение с горутинами", "ru"),
        ("Пример следующего поколения", "ru"),
        ("Отличия React и Vue", "ru"),
        ("Comparison with threads", "en"),
        ("Examples of design patterns", "en"),
    ],
)
def test_a_label_opening_names_no_subject(heading: str, lang: str) -> None:
    assert as_topic(heading, PACKS[lang]) == ""


@pytest.mark.parametrize(
    ("heading", "subject"),
    [
        ("Generics syntax", "Generics"),
        ("Parallelism Nomenclature", "Parallelism"),
        ("Go Syntax", "Go"),
        ("Data Types", "Data Types"),  # a kind of thing, not a label after a subject
    ],
)
def test_a_label_after_the_subject_goes(heading: str, subject: str) -> None:
    assert as_topic(heading, PACKS["en"]) == subject


@pytest.mark.parametrize(
    ("heading", "subject", "lang"),
    [("Планировщик Go", "Планировщик Go", "ru"), ("Goroutines", "Goroutines", "en")],
)
def test_a_subject_stays_a_subject(heading: str, subject: str, lang: str) -> None:
    assert as_topic(heading, PACKS[lang]) == subject


@pytest.mark.parametrize(
    ("term", "asked"),
    [
        ("Executable Object File", "an executable object file"),
        ("Shared Object File", "a shared object file"),
        ("Hash Table", "a hash table"),
    ],
)
def test_a_title_case_common_noun_takes_its_article(term: str, asked: str) -> None:
    assert PACKS["en"].as_asked(term) == asked
