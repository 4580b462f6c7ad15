"""What a paragraph says a term allows (issue 11, session 8): a blind reader kept 0 of 3
"X allows …" cards and 0 of 2 "what does X do when …" cards. Only an API's "what does it
let you do" is confident now; clozes, the reader as the object and fluff owners stay far
under the threshold, and the rest is listed by `cards --all` only."""

from __future__ import annotations

import pytest

from conftest import note_from_text
from notecards.extractors import extract_cards
from notecards.model import Card

THRESHOLD = 0.5


def properties(text: str, lang: str) -> list[Card]:
    cards = extract_cards(note_from_text(text, lang=lang), min_confidence=0.0)
    return [c for c in cards if c.extractor == "properties"]


@pytest.mark.parametrize(
    ("lang", "text", "front"),
    [
        (
            "ru",
            "# Браузер\n\n**requestIdleCallback** позволяет выполнять фоновые задачи в период"
            " простоя браузера.",
            "что requestIdleCallback позволяет делать?",
        ),
        (
            "en",
            "# Browser\n\n**requestIdleCallback** allows you to run background work while the"
            " browser is idle.",
            "what does requestIdleCallback allow you to do?",
        ),
    ],
)
def test_what_an_api_lets_you_do_is_kept(lang: str, text: str, front: str) -> None:
    [card] = properties(text, lang)
    assert card.front.endswith(front)
    assert card.rule == "properties.allows_api" and card.confidence >= THRESHOLD


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "# Memory\n\n**Segmentation** allows programs to be split into logical spaces."),
        ("ru", "# Память\n\n**Сегментация** позволяет делить программу на логические части."),
    ],
)
def test_what_a_concept_allows_is_under_the_threshold(lang: str, text: str) -> None:
    [card] = properties(text, lang)
    assert card.rule == "properties.allows" and card.confidence < THRESHOLD


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "# Models\n\n**Repeated generalisation** allows us to build hierarchical models."),
        (
            "ru",
            "# Замыкания\n\nПравильное использование **замыканий** позволяет скрывать данные"
            " от внешнего кода.",
        ),
    ],
)
def test_the_reader_as_object_or_a_fluff_owner_is_a_loose_card(lang: str, text: str) -> None:
    cards = properties(text, lang)
    assert cards and all(c.rule == "properties.allows_loose" for c in cards)
    assert all(c.confidence < 0.4 for c in cards)


def test_what_a_term_does_when_something_happens_is_under_the_threshold() -> None:
    text = (
        "# Реактивность\n\n**Vue** строит виртуальное дерево. Когда данные компонента"
        " меняются, **Vue** заново запускает функцию рендера."
    )
    cards = [c for c in properties(text, "ru") if c.rule == "properties.when"]
    assert cards and all(c.confidence < THRESHOLD for c in cards)
