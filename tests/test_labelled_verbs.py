"""Labels that are actions, not things (issue 11, h18-lists).

A strict reader dropped "What are Handling specific errors?": a list item labelled
with a verb phrase ("Handling specific errors", "Использовать частичные индексы") names
an action, so "What is/are …?" or "Как с помощью «…»" around it is garbled. Such an
item gives no card; nouns in -ing ("Load balancing", "Caching") and the other members
of the list still do.
"""

from __future__ import annotations

import pytest

from conftest import note_from_text
from notecards.extractors import extract_cards
from notecards.model import Card

ERRORS_EN = (
    "# Go errors\n\nError handling in Go has three parts:\n\n"
    "- **Handling specific errors** – compare with errors.Is before acting\n"
    "- **Wrapping errors** – add context with fmt.Errorf and a verb\n"
    "- **Sentinel errors** – package-level values compared by identity\n"
)
INDEXES_RU = (
    "# Индексы\n\nСпособы ускорить запросы к индексам:\n\n"
    "- **Использовать частичные индексы** – когда запросы читают малую часть строк\n"
    "- **Частичные индексы** – индексы по части строк таблицы\n"
    "- **Покрывающие индексы** – индексы, которые хранят все колонки запроса\n"
)


def labelled(text: str, lang: str) -> list[Card]:
    cards = extract_cards(note_from_text(text, lang=lang), min_confidence=0)
    return [c for c in cards if c.extractor == "labelled_items" and c.kind == "definition"]


@pytest.mark.parametrize(
    ("lang", "text", "verb", "kept"),
    [
        ("en", ERRORS_EN, "Handling specific errors", "What are sentinel errors?"),
        ("en", ERRORS_EN, "Wrapping errors", "What are sentinel errors?"),
        (
            "ru",
            INDEXES_RU,
            "Использовать частичные индексы",
            "Как с помощью «Частичные индексы» ускорить запросы к индексам?",
        ),
    ],
)
def test_a_verb_phrase_label_gives_no_card(lang: str, text: str, verb: str, kept: str) -> None:
    fronts = [c.front for c in labelled(text, lang)]
    assert not [f for f in fronts if verb in f]
    assert kept in fronts


@pytest.mark.parametrize("label", ["Load balancing", "Caching layers", "Connection pooling"])
def test_a_noun_in_ing_is_still_a_thing(label: str) -> None:
    text = (
        "# Web scaling\n\nTypes of web scaling:\n\n"
        f"- **{label}** – spreads the work of a service over many machines\n"
        "- **Web scaling tiers** – the layers that a request passes on its way\n"
    )
    assert any(label.lower() in c.front for c in labelled(text, "en"))  # "What is load balancing?"
