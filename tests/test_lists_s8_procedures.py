"""Procedures named by a sentence (issue 11, session 8): a blind reader dropped
"Procedure “To run any CUDA program, there are three main steps”: …", names cut short
with "…", and names that open with a sentence adverb ("Typically, the lifecycle …")."""

from __future__ import annotations

import pytest

from conftest import note_from_text
from notecards.extractors import extract_cards
from notecards.model import Card

THRESHOLD = 0.5


def sequences(text: str, lang: str) -> list[Card]:
    cards = extract_cards(note_from_text(text, lang=lang), min_confidence=0.0)
    return [c for c in cards if c.rule == "procedures.sequence"]


EN_GOAL = """# GPU notes

To run any CUDA program, there are three main steps:

1. Copy the input data from host memory to device memory.
2. Load the GPU program and execute it.
3. Copy the results from device memory back to host memory.
"""

RU_GOAL = """# Заметки о GPU

Чтобы запустить любую программу на CUDA, нужно выполнить три основных шага:

1. Скопируйте входные данные из памяти хоста в память устройства.
2. Загрузите программу на GPU и выполните её.
3. Скопируйте результат обратно в память хоста.
"""


@pytest.mark.parametrize(
    ("lang", "text", "front"),
    [
        ("en", EN_GOAL, "How to run a CUDA program — what are the steps, in order?"),
        ("ru", RU_GOAL, "Как запустить программу на CUDA — какие шаги, по порядку?"),
        (
            "en",
            EN_GOAL.replace("run any CUDA program", "write a unit test for any endpoint"),
            "How to write a unit test for an endpoint — what are the steps, in order?",
        ),
    ],
)
def test_a_procedure_introduced_by_its_goal_is_named_by_the_goal(
    lang: str, text: str, front: str
) -> None:
    [card] = sequences(text, lang)
    assert card.front == front
    assert card.confidence >= THRESHOLD


@pytest.mark.parametrize(
    ("lang", "text", "front"),
    [
        (
            "en",
            "# Containers\n\nTypically, the lifecycle of a container consists of three stages:"
            "\n\n1. The container is created and tested.\n2. Images are made of the"
            " container and stored.\n3. Containers are deployed and managed.\n",
            "The lifecycle of a container — what are the steps, in order?",
        ),
        (
            "ru",
            "# Контейнеры\n\nОбычно жизненный цикл контейнера состоит из трёх этапов:\n\n"
            "1. Контейнер создают и проверяют.\n2. Из контейнера делают образ и сохраняют"
            " его.\n3. Контейнеры разворачивают и обслуживают.\n",
            "Жизненный цикл контейнера — какие шаги, по порядку?",
        ),
    ],
)
def test_a_sentence_adverb_is_no_part_of_a_procedure_name(lang: str, text: str, front: str) -> None:
    [card] = sequences(text, lang)
    assert card.front == front


def test_a_procedure_whose_name_is_cut_short_gives_no_card() -> None:
    scenario = (
        "Here is how a request travels from the browser through the load balancer, the"
        " gateway, the authentication service, the rate limiter and the cache to the"
        " application server"
    )
    text = (
        f"# Requests\n\n{scenario}:\n\n1. The browser sends the request to the balancer.\n"
        "2. Then the load balancer picks a gateway.\n"
        "3. Then the gateway checks the token and forwards it.\n"
    )
    cards = extract_cards(note_from_text(text, lang="en"), min_confidence=0.0)
    assert [c for c in cards if c.extractor == "procedures"] == []
