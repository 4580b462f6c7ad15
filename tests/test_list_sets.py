"""Sets read from lists and lead-ins: only sets a reader can name (issue 11, h17-lists).

A strict reader dropped "What do Topics include?", "What do Examples of commonly used
properties include?", "What are the types of attack, e.g.?", "What does each line
consist of?", a back with "$\\geq 1$" in it, and a set of a request's characteristics
answered with its labels alone ("Методы / Заголовки / Тело запроса").
"""

from __future__ import annotations

import pytest

from conftest import note_from_text
from notecards.extractors import extract_cards
from notecards.model import Card
from notecards.text.math_text import math_as_text

ITEMS_EN = "- **Alpha** – the first member of it\n- **Beta** – the second member of it\n"
ITEMS_RU = "- **Альфа** – первый из них по порядку\n- **Бета** – второй из них по порядку\n"


def sets(text: str, lang: str) -> list[Card]:
    cards = extract_cards(note_from_text(f"# Networks\n\n{text}", lang=lang), min_confidence=0)
    return [c for c in cards if c.kind == "enumeration"]


@pytest.mark.parametrize(
    "lead",
    [
        "Topics include:",
        "Terms covered include:",
        "Examples of commonly used protocols include:",
        "Other methods include:",
        "Each rule includes:",
        "Typical techniques include:",
        "Three types of constraints are identified:",
    ],
)
def test_a_set_named_by_a_meta_noun_or_a_referent_is_no_card_in_english(lead: str) -> None:
    assert sets(f"{lead}\n\n{ITEMS_EN}", "en") == []


@pytest.mark.parametrize(
    "lead",
    ["Темы включают:", "Примеры баз данных включают:", "Каждый из них включает:"],
)
def test_a_set_named_by_a_meta_noun_or_a_referent_is_no_card_in_russian(lead: str) -> None:
    assert sets(f"{lead}\n\n{ITEMS_RU}", "ru") == []


def test_a_named_set_still_gives_its_card() -> None:
    [card] = sets(f"Routing protocols include:\n\n{ITEMS_EN}", "en")
    assert card.front == "What do routing protocols include?"
    [card] = sets(f"Протоколы маршрутизации включают:\n\n{ITEMS_RU}", "ru")
    assert card.front == "Что включают протоколы маршрутизации?"


def test_an_example_tail_is_left_out_of_the_question() -> None:
    # attack on what: one bare noun is asked within the note's subject (h19-lists)
    [card] = sets(f"Three types of attack, e.g.:\n\n{ITEMS_EN}", "en")
    assert card.front == "Networks: what are the types of attack?"
    [card] = sets(f"Types of attack, including but not limited to:\n\n{ITEMS_EN}", "en")
    assert card.front == "Networks: what are the types of attack?"
    [card] = sets(f"Есть несколько способов защиты, например:\n\n{ITEMS_RU}", "ru")
    assert card.front == "Networks: какие есть способы защиты?"


def test_consists_of_needs_a_subject_of_its_own() -> None:
    assert sets("Each line consists of a name, a colon and a value.", "en") == []
    assert sets("Каждый из них состоит из имени, двоеточия и значения.", "ru") == []
    [card] = sets("A header field consists of a name, a colon and a value.", "en")
    assert card.front == "What does a header field consist of?"


def test_math_in_a_back_is_written_as_text_or_the_card_goes() -> None:
    text = (
        "Three types of graph exist:\n\n- Sparse: $\\geq 1$ edge per node\n"
        "- Dense: $\\leq n^2$ edges in all\n"
    )
    cards = extract_cards(note_from_text(f"# Graphs\n\n{text}", lang="en"), min_confidence=0)
    backs = {c.back for c in cards}
    assert "≥ 1 edge per node" in backs and "≤ n² edges in all" in backs
    assert not any("$" in c.back or "\\" in c.back for c in cards)
    fraction = text.replace("$\\leq n^2$", "$\\frac{n}{2}$")
    cards = extract_cards(note_from_text(f"# Graphs\n\n{fraction}", lang="en"), min_confidence=0)
    assert cards and not any("$" in c.back or "frac" in c.back for c in cards)
    assert not any("Dense" in c.front for c in cards)


def test_math_as_text() -> None:
    assert math_as_text("$x_1 \\cdot x_2$ and $a \\in A$") == "x₁ · x₂ and a ∈ A"
    assert math_as_text("costs $5 and $6") == "costs $5 and $6"  # money, not math
    assert math_as_text("$\\sqrt{2}$") is None


ASPECTS_RU = (
    "Основные характеристики HTTP-запроса:\n\n- Методы: GET, POST и DELETE говорят, что "
    "сделать\n- Заголовки: метаданные запроса, например Host\n- Тело запроса: данные, "
    "которые отправляет клиент\n"
)
ASPECTS_EN = (
    "The main features of an HTTP request:\n\n- Methods: GET, POST and DELETE say what to do"
    "\n- Headers: metadata such as Host and Accept\n- Body: the data the client sends\n"
)


def test_a_set_of_aspects_keeps_each_value_in_its_back() -> None:
    [card] = sets(ASPECTS_RU, "ru")
    assert card.front == "Какие основные характеристики HTTP-запроса?"
    assert card.back.splitlines() == [
        "• Методы: GET, POST и DELETE говорят, что сделать",
        "• Заголовки: метаданные запроса, например Host",
        "• Тело запроса: данные, которые отправляет клиент",
    ]
    [card] = sets(ASPECTS_EN, "en")
    assert card.back.splitlines()[0] == "• Methods: GET, POST and DELETE say what to do"
    long = ASPECTS_EN.replace("the data the client sends", " ".join(["word"] * 20))
    assert sets(long, "en") == []  # too long to recall: the per-item cards ask each


def test_a_set_of_kinds_keeps_its_labels() -> None:
    [card] = sets(f"Three types of bus exist:\n\n{ITEMS_EN}", "en")
    assert card.back == "• Alpha\n• Beta"


def test_the_values_a_property_takes_are_its_labels() -> None:
    text = (
        "Свойство position может принимать следующие значения:\n\n"
        "- `static` — по умолчанию, элемент в обычном потоке, без сдвига\n"
        "- `absolute` — элемент выпадает из потока и позиционируется относительно "
        "ближайшего предка с position не static\n"
    )
    [card] = sets(text, "ru")
    assert card.back == "• static\n• absolute"


@pytest.mark.parametrize(
    ("lead", "lang"),
    [
        ("The components from 1 to 4:", "en"),
        ("Three types of systems for each directory structure:", "en"),
        ("Limits ideal implementation - include:", "en"),
        ("Компоненты от 1 до 4:", "ru"),
        ("Три типа для каждого из них:", "ru"),
    ],
)
def test_a_set_whose_owner_is_a_number_or_a_referent_is_no_card(lead: str, lang: str) -> None:
    assert sets(f"{lead}\n\n{ITEMS_EN if lang == 'en' else ITEMS_RU}", lang) == []
