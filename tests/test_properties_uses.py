"""What a term uses, answered by one bare word (issue 11, h18-lists).

A strict reader dropped "Что Kafka использует для гарантий надёжности записи?" → "ISR":
a back of one word that names nothing by itself and that the note does not define is
one of several answers, or too vague to recall ("an expression"). Such cards fall
below the threshold; a name ("ZooKeeper"), a phrase ("FlowLayout by default") or a
word the note defines keeps its card; a back that points elsewhere ("такие
стандарты") is no card at all.
"""

from __future__ import annotations

import pytest

from conftest import note_from_text
from notecards.extractors import extract_cards
from notecards.model import Card

KAFKA = "# Kafka\n\n**Kafka** — это распределённый брокер сообщений.\n\n"
SEARCH = (
    "# JavaScript strings\n\nThe **search() method** is a string method that finds a match.\n\n"
)


def uses(text: str, lang: str) -> list[Card]:
    cards = extract_cards(note_from_text(text, lang=lang), min_confidence=0)
    return [c for c in cards if c.rule.startswith("properties.uses")]


@pytest.mark.parametrize(
    ("lang", "text", "back"),
    [
        ("ru", KAFKA + "Kafka использует ISR для гарантий надёжности записи.\n", "ISR"),
        (
            "en",
            SEARCH + "The search() method uses an expression to search for a match.\n",
            "an expression",
        ),
    ],
)
def test_one_bare_word_falls_below_the_threshold(lang: str, text: str, back: str) -> None:
    [card] = uses(text, lang)
    assert card.back == back
    assert card.confidence < 0.5


@pytest.mark.parametrize(
    ("lang", "text", "back"),
    [
        (
            "ru",
            KAFKA + "Kafka использует ZooKeeper для хранения метаданных кластера.\n",
            "ZooKeeper",
        ),
        (
            "ru",
            KAFKA + "**ISR** — это набор реплик, которые успевают за лидером.\n\n"
            "Kafka использует ISR для гарантий надёжности записи.\n",
            "ISR",
        ),
        (
            "en",
            SEARCH + "The **JPanel** is a container.\n\nJPanel uses FlowLayout by default.\n",
            "FlowLayout by default",
        ),
    ],
)
def test_a_name_a_phrase_or_a_defined_word_keeps_its_card(lang: str, text: str, back: str) -> None:
    [card] = uses(text, lang)
    assert card.back == back
    assert card.confidence >= 0.5


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", KAFKA + "Kafka использует такие механизмы для надёжности.\n"),
        ("en", SEARCH + "The search() method uses these rules to search for a match.\n"),
    ],
)
def test_a_back_that_points_elsewhere_is_no_card(lang: str, text: str) -> None:
    assert uses(text, lang) == []
