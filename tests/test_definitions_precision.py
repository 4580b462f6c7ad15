"""What a strict blind reader dropped among definitions and reversals (issue 11, session 6):
Russian agreement in "Как называется …?", reversals whose answer is not a term or whose
description is not one noun phrase, backs that are not definitions, terms that are not
terms, and English fronts that miss their article."""

from __future__ import annotations

from conftest import note_from_text
from notecards.extractors.base import ExtractContext
from notecards.extractors.definitions import extract_definitions
from notecards.model import DEFAULT_MIN_CONFIDENCE, Card


def _kept(text: str, lang: str, name: str = "Заметка.md") -> dict[str, Card]:
    """The definition cards a deck would get, by front."""
    note = note_from_text(text, lang=lang, name=name)
    cards = extract_definitions(note, ExtractContext(note))
    return {c.front: c for c in cards if c.confidence >= DEFAULT_MIN_CONFIDENCE}


def _reverses(text: str, lang: str, name: str = "Заметка.md") -> dict[str, str]:
    return {f: c.back for f, c in _kept(text, lang, name).items() if c.kind == "term"}


# ---------------------------------------------------------------- 1. agreement


def test_a_plural_description_asks_kak_nazyvayutsya():
    reverses = _reverses(
        "**Указатели** — это переменные, которые хранят адрес другого значения в памяти.\n",
        "ru",
    )
    assert reverses == {
        "Как называются переменные, которые хранят адрес другого значения в памяти?": ("указатели")
    }


def test_a_plural_compound_and_an_adjective_first_agree_too():
    reverses = _reverses(
        "**Чистые функции** — это простые функции, которые не меняют ничего вне себя.\n\n"
        "**Вебхуки** — это HTTP-запросы, которые сервис отправляет при наступлении события.\n",
        "ru",
    )
    assert set(reverses) == {
        "Как называются простые функции, которые не меняют ничего вне себя?",
        "Как называются HTTP-запросы, которые сервис отправляет при наступлении события?",
    }


def test_a_singular_description_keeps_kak_nazyvaetsya():
    reverses = _reverses(
        "**Замыкание** — это функция, которая запоминает переменные внешней области.\n", "ru"
    )
    assert list(reverses) == [
        "Как называется функция, которая запоминает переменные внешней области?"
    ]
