"""Sets whose owner names nothing, and parts of an example (issue 11, h18-lists).

A strict reader dropped "What do Software components include?" and "What are the
patterns and use cases?" (components of what?) and "Из чего состоит <a selector from
an example>?" (the parts of one sample, not of a concept). A set named only by a
part-of plural is asked within the note's subject, or not at all; two sets glued into
one lead-in, and a code sample as a set's owner, give no set card.
"""

from __future__ import annotations

import pytest

from conftest import note_from_text
from notecards.extractors import extract_cards
from notecards.model import Card

ITEMS_EN = "- NCCL collective library\n- UCX transport layer\n- GPUDirect RDMA driver\n"
ITEMS_RU = "- Глобальная очередь горутин\n- Локальные очереди процессоров\n- Сетевой поллер\n"


def sets(text: str, lang: str, name: str = "n.md") -> list[Card]:
    cards = extract_cards(note_from_text(text, lang=lang, name=name), min_confidence=0)
    return [c for c in cards if c.kind == "enumeration" and c.confidence >= 0.5]


@pytest.mark.parametrize(
    ("lang", "text", "front"),
    [
        (
            "en",
            f"# GPU networking\n\n## Stack\n\nSoftware components include:\n\n{ITEMS_EN}",
            "GPU networking: what do software components include?",
        ),
        (
            "ru",
            f"# Планировщик Go\n\nКомпоненты включают:\n\n{ITEMS_RU}",
            "Планировщик Go: что включают компоненты?",
        ),
    ],
)
def test_a_set_named_by_a_part_of_plural_is_asked_within_the_notes_subject(
    lang: str, text: str, front: str
) -> None:
    [card] = sets(text, lang)
    assert card.front == front
    assert len(card.items) == 3


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", f"Software components include:\n\n{ITEMS_EN}"),
        ("ru", f"Компоненты включают:\n\n{ITEMS_RU}"),
    ],
)
def test_without_a_subject_such_a_set_is_no_card(lang: str, text: str) -> None:
    assert sets(text, lang, name="n.md") == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", f"# GPU networking\n\nThe main patterns and use cases:\n\n{ITEMS_EN}"),
        ("en", f"# GPU networking\n\nThe patterns and use cases include:\n\n{ITEMS_EN}"),
        ("ru", f"# Планировщик Go\n\nТипы очередей и сценарии использования:\n\n{ITEMS_RU}"),
    ],
)
def test_two_sets_in_one_lead_in_are_no_set_card(lang: str, text: str) -> None:
    assert sets(text, lang) == []


def test_a_set_that_names_its_owner_is_asked_as_before() -> None:
    [card] = sets(f"# GPU networking\n\nWireless standards include:\n\n{ITEMS_EN}", "en")
    assert card.front == "What do wireless standards include?"


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "en",
            "The selector `ul > li.item` consists of a type selector, a combinator and a class.",
        ),
        ("en", "The expression `a + b` consists of two operands and an operator."),
        ("ru", "Селектор `ul > li.item` состоит из селектора типа, комбинатора и класса."),
        ("ru", "Отношение R состоит из заголовка и тела."),
    ],
)
def test_the_parts_of_an_example_are_no_card(lang: str, sentence: str) -> None:
    assert sets(f"# CSS\n\n{sentence}\n", lang) == []


@pytest.mark.parametrize(
    ("lang", "sentence", "front"),
    [
        (
            "en",
            "A CSS rule consists of a selector and a declaration block.",
            "What does a CSS rule consist of?",
        ),
        (
            "ru",
            "CSS-правило состоит из селектора и блока объявлений.",
            "Из чего состоит CSS-правило?",
        ),
    ],
)
def test_the_parts_of_a_concept_are_still_asked(lang: str, sentence: str, front: str) -> None:
    [card] = sets(f"# CSS\n\n{sentence}\n", lang)
    assert card.front == front
