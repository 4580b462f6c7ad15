"""Lists a strict reader dropped in session 8 (issue 11, FAILURES-s8 section LIST): labels
asked with the capital of their list item, shorthand backs, calls explained by when to use
them, sets that lost a member or whose owner leaves them open, and sets with no subject."""

from __future__ import annotations

from conftest import note_from_text
from notecards.extractors import extract_cards
from notecards.model import Card

THRESHOLD = 0.5


def cards_of(text: str, name: str = "note.md") -> list[Card]:
    """Every card, those under the default threshold too (as `cards --all`)."""
    return extract_cards(note_from_text(text, name=name), min_confidence=0.0)


def kept(cards: list[Card], rule: str) -> list[Card]:
    """The cards of `rule` (a prefix) that the default threshold puts in a deck."""
    return [
        c for c in cards if (c.rule or "").startswith(rule) and (c.confidence or 1.0) >= THRESHOLD
    ]


def fronts(cards: list[Card], rule: str) -> list[str]:
    return [c.front for c in kept(cards, rule)]


# --- labels asked as "what is": the capital that only opens the item is lowered ---

RU_KINDS = """# Области видимости

Существует три типа областей видимости:

- **Глобальная область видимости** – переменные доступны из любого места программы.
- **Функциональная область видимости** – переменные доступны только внутри функции.
- **Блочная область видимости** – переменные доступны только внутри блока в фигурных скобках.
"""

EN_KINDS = """# Linking

There are two types of object files:

- **Static Object File** - an archive of compiled code copied into the program when it is linked.
- **Shared Object File** - compiled code loaded into memory when the program starts running.
"""


def test_russian_labels_lose_the_capital_of_their_list_item() -> None:
    asked = fronts(cards_of(RU_KINDS), "labelled_items.what")
    assert "Что такое глобальная область видимости?" in asked
    assert not [f for f in asked if "Глобальная" in f]


def test_english_title_case_labels_take_their_article() -> None:
    asked = fronts(cards_of(EN_KINDS), "labelled_items.what")
    assert "What is a static object file?" in asked
    assert "What is a shared object file?" in asked


EN_SHORTHAND = """# Keys

There are two types of keys:

- **Public key** - public. We can share this one anywhere and with anyone.
- **Private key** - kept secret by its owner and used to sign and to decrypt messages.
"""


def test_a_back_that_opens_with_a_one_word_fragment_gives_no_card() -> None:
    cards = cards_of(EN_SHORTHAND)
    backs = [c.back for c in cards if c.extractor == "labelled_items"]  # under the threshold too
    assert not [b for b in backs if b.startswith("public.")]
    assert any(b.startswith("kept secret") for b in backs)  # the other member stays


# --- a call explained by when to use it ---

RU_WHEN = """# Вызов функций

Методы функций:

- `call()` – вызывает функцию с заданным this и аргументами по одному.
- `apply()` – когда аргументы уже лежат в массиве.
- `componentWillUnmount()` – вызывается перед удалением компонента из DOM.
- `bind()` – возвращает новую функцию с привязанным this.
"""

EN_WHEN = """# Sorting

Search helpers:

- `bisect()` - returns the insertion point for a value in a sorted list.
- `insort()` - when the list must stay sorted after every insertion.
- `onBeforeMount()` - right before the component is to be mounted.
"""


def test_russian_when_to_use_answers_when_not_what() -> None:
    cards = cards_of(RU_WHEN)
    assert "Когда использовать apply()?" in fronts(cards, "labelled_items.when")
    assert "Когда вызывается componentWillUnmount()?" in fronts(cards, "labelled_items.when")
    assert "Что делает apply()?" not in fronts(cards, "labelled_items")
    assert "Что делает call()?" in fronts(cards, "labelled_items.does")


def test_english_when_to_use_answers_when_not_what() -> None:
    cards = cards_of(EN_WHEN)
    assert "When is insort() used?" in fronts(cards, "labelled_items.when")
    assert "When is onBeforeMount() called?" in fronts(cards, "labelled_items.when")
    assert "What does insort() do?" not in fronts(cards, "labelled_items")
    assert "What does bisect() do?" in fronts(cards, "labelled_items.does")


# --- sets: every member, a closed owner, a subject ---

EN_LOST_ITEM = """# Hashing

Hash tables include the following parts:

- **Buckets** - the slots that hold the stored entries of the table.
- **Hash function** - maps a key to the index of its bucket in the table.
- a load factor that says when to grow
"""


def test_a_set_that_lost_a_member_is_not_asked_as_a_set() -> None:
    cards = cards_of(EN_LOST_ITEM)
    assert not [c for c in kept(cards, "labelled_items") if c.kind == "enumeration"]
    assert "What is a hash function?" in fronts(cards, "labelled_items")


EN_OPEN_OWNER = """# Hashing

Common hashing schemes include:

- **Chaining** - every bucket keeps a linked list of the entries that hash to it.
- **Open addressing** - a colliding entry is stored in the next free slot of the table.
"""

RU_OPEN_OWNER = """# Логирование

Хорошие практики логирования включают:

- **Уровни** – у каждой записи есть уровень важности: debug, info, error.
- **Контекст** – в каждой записи есть идентификатор запроса и пользователя.
"""


def test_a_set_whose_owner_leaves_it_open_stays_under_the_threshold() -> None:
    for text in (EN_OPEN_OWNER, RU_OPEN_OWNER):
        cards = cards_of(text)
        sets = [c for c in cards if c.extractor == "labelled_items" and c.kind == "enumeration"]
        assert sets and all((c.confidence or 1.0) < THRESHOLD for c in sets)


EN_CAPITAL_OWNER = """# Mobile networks

Proactive routing protocols include:

- **DSDV** - each node keeps a table of routes to every other node, updated periodically.
- **OLSR** - nodes flood link state through a few chosen relays of the network.
"""


def test_a_capitalised_owner_is_lowered_in_the_set_question() -> None:
    asked = fronts(cards_of(EN_CAPITAL_OWNER), "labelled_items.set")
    assert asked == ["What do proactive routing protocols include?"]


EN_BARE_TYPES = """---
title: Computer buses
---
# Computer buses

Three types of bus exist:

- Control bus
- Address bus
- Data bus
"""

RU_BARE_TYPES = """---
title: Журналы транзакций
---
# Журналы транзакций

Есть три вида записей:

- запись начала
- запись изменения
- запись фиксации
"""

EN_NO_SUBJECT = """# Notes

Three types of failures exist:

- Omission failures
- Timing failures
- Arbitrary failures
"""


def test_a_set_of_a_generic_thing_is_asked_within_the_note_subject() -> None:
    asked = fronts(cards_of(EN_BARE_TYPES, name="Computer buses.md"), "enumerations")
    assert asked == ["Computer buses: what are the types of bus?"]


def test_a_russian_set_of_a_generic_thing_is_asked_within_the_note_subject() -> None:
    asked = fronts(cards_of(RU_BARE_TYPES, name="Журналы транзакций.md"), "enumerations")
    assert asked == ["Журналы транзакций: какие есть виды записей?"], asked


def test_a_set_of_a_generic_thing_without_a_subject_stays_under_the_threshold() -> None:
    assert fronts(cards_of(EN_NO_SUBJECT, name="Notes.md"), "enumerations") == []
