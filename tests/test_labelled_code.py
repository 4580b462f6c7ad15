"""Identifiers explained by what they are, not by what they do (issue 11, h18-lists).

A list of identifiers or options (`vServer`, `onRejected`, `portrait-primary`) asked
"What does X do?" was answered with what X *is* ("logical server to which the client
is connected", "Естественная ориентация экрана"): the front and the back did not fit.
An identifier whose explanation opens with an action keeps "What does X do?"; one
explained by a noun phrase is asked "What is X?", within the note's subject (an
option is one tool's: "VSCode debugging: what is moduleLoad?"); a call (`complement(G)`,
`Object.freeze`) always does something.
"""

from __future__ import annotations

import pytest

from conftest import note_from_text
from notecards.extractors import extract_cards

SERVERS = (
    "# Load balancing\n\nParts of a load balancer:\n\n"
    "- `vServer` – logical server to which the client is connected\n"
    "- `rServer` – real server behind the balancer that answers\n"
    "- `healthChecks` – periodic probes of each real server\n"
)
HOOKS = (
    "# React hooks\n\nHooks of React:\n\n"
    "- `useState` – returns a state value and a function that updates it\n"
    "- `useRef` – returns a mutable object that lives for the whole component\n"
)
ORIENTATION = (
    "# Ориентация экрана\n\nЗначения ориентации экрана:\n\n"
    "- `portrait-primary` – естественная ориентация экрана для портретного режима\n"
    "- `landscape-primary` – естественная ориентация экрана для альбомного режима\n"
)
POLY = (
    "# NumPy polynomials\n\nAttributes and methods of a polynomial:\n\n"
    "- `Poly.window` – default window of the polynomial class\n"
    "- `Poly.basis_name` – string used to represent the basis\n"
    "- `Poly.fit` – returns a least-squares fit of the data\n"
)
METHODS_RU = (
    "# Промисы\n\nМетоды промисов:\n\n"
    "- `thenAll` – возвращает промис, который ждёт все переданные\n"
    "- `raceAll` – возвращает промис первого завершившегося\n"
    "- `Promise.any` – первый успешный из переданных промисов\n"
)


def fronts(text: str, lang: str) -> list[str]:
    cards = extract_cards(note_from_text(text, lang=lang), min_confidence=0)
    return [c.front for c in cards if c.extractor == "labelled_items" and c.kind == "definition"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            SERVERS,
            [
                "Load balancing: what is vServer?",
                "Load balancing: what is rServer?",
                "Load balancing: what is healthChecks?",
            ],
        ),
        (
            "ru",
            ORIENTATION,
            [
                "Ориентация экрана: что такое portrait-primary?",
                "Ориентация экрана: что такое landscape-primary?",
            ],
        ),
    ],
)
def test_an_identifier_explained_by_what_it_is_is_asked_what_it_is(
    lang: str, text: str, expected: list[str]
) -> None:
    assert fronts(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", HOOKS, ["What does useState do?", "What does useRef do?"]),
        (
            "en",
            POLY,
            [
                "What is Poly.window?",  # "Poly" names its subject already
                "What is Poly.basis_name?",
                "What does Poly.fit do?",
            ],
        ),
        (
            "ru",
            METHODS_RU,
            ["Что делает thenAll?", "Что делает raceAll?", "Что делает Promise.any?"],
        ),
    ],
)
def test_an_identifier_explained_by_an_action_is_asked_what_it_does(
    lang: str, text: str, expected: list[str]
) -> None:
    assert fronts(text, lang) == expected
