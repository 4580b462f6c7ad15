"""Comparison cards: pros and cons lists, and tables of two or three items."""

from __future__ import annotations

from pathlib import Path

from conftest import cards_from, note_from_file, note_from_text
from notecards.extractors import extract_cards
from notecards.model import Card, Note

RECALL = Path(__file__).resolve().parent / "notes" / "recall"


def _cards(note: Note) -> list[Card]:
    cards = cards_from("comparisons", note)
    assert all(c.extractor == "comparisons" for c in cards)
    return cards


def test_pros_and_cons_headings_and_a_table_of_two_items_ru():
    note = note_from_file(RECALL / "Плюсы и минусы микрофронтендов.md")
    assert [(c.kind, c.front, c.back) for c in _cards(note)] == [
        (
            "pros",
            "Какие плюсы у микрофронтендов?",
            "- независимые релизы команд\n- можно обновлять стек по частям",
        ),
        (
            "cons",
            "Какие минусы у микрофронтендов?",
            "- сложнее общая дизайн-система\n- больше итоговый бандл",
        ),
        (
            "comparison",
            "Чем отличаются localStorage и sessionStorage?",
            "Живёт: localStorage — пока не очистят; sessionStorage — до закрытия вкладки\n"
            "Объём: localStorage — ~5 МБ; sessionStorage — ~5 МБ",
        ),
    ]


def test_labels_name_their_owner_and_rows_can_be_the_items_en():
    note = note_from_file(RECALL / "Static typing.md")
    cards = _cards(note)
    assert [(c.front, c.back) for c in cards] == [
        (
            "What are the advantages of static typing?",
            "- bugs show up before the program runs\n- editors can autocomplete",
        ),
        ("What are the drawbacks of static typing?", "- more code to write"),
        (
            "What is the difference between Cache and Disk?",
            "Cache: Latency — 1 ms; Cost — high\nDisk: Latency — 10 ms; Cost — low",
        ),
    ]  # the numbered steps table names no things: no card
    assert [c.confidence for c in cards] == [0.7, 0.7, 0.6]


def test_compared_lists_are_not_mined_again_as_steps():
    note = note_from_file(RECALL / "Static typing.md")
    assert not any(c.kind in ("step", "sequence") for c in extract_cards(note))


def test_a_heading_owner_in_russian_is_not_declined():
    note = note_from_text("## Монолит\n\n### Минусы\n\n- долгие релизы\n", lang="ru")
    assert [c.front for c in _cards(note)] == ["Монолит: какие минусы?"]


def test_a_pros_list_of_nothing_nameable_gives_nothing():
    note = note_from_text("# Плюсы такого подхода\n\n- проще\n- быстрее\n", lang="ru")
    assert _cards(note) == []


def test_a_table_compares_things_on_two_criteria_or_more():
    one_criterion = (
        "| | Preferred | No leading zeros |\n|---|---|---|\n| Format | 2001:0db8 | 2001:db8 |\n"
    )
    joined = (
        "| Критерий | Standart/Basic | Advanced/Extended |\n|---|---|---|\n"
        "| Проверка | только источник | источник и назначение |\n| Номера | 1–99 | 100–199 |\n"
    )
    two = (
        "| Критерий | Map | WeakMap |\n|---|---|---|\n| Ключи | любые | объекты |\n"
        "| Перебор | есть | нет |\n"
    )
    for text in (one_criterion, joined):
        assert _cards(note_from_text(text, lang="ru")) == []
    [card] = _cards(note_from_text(two, lang="ru"))
    assert card.front == "Чем отличаются Map и WeakMap?"
    assert card.back.splitlines() == ["Ключи: Map — любые; WeakMap — объекты",
                                      "Перебор: Map — есть; WeakMap — нет"]  # fmt: skip


def _side_fronts(text: str, lang: str) -> list[str]:
    cards = extract_cards(note_from_text(text, lang=lang), min_confidence=0)
    return [c.front for c in cards if c.extractor == "comparisons"]


COOPERATIVE_RU = (
    "## Кооперативная\n\n### Минусы\n\n- процесс может захватить процессор\n- сложнее писать код\n"
)
COOPERATIVE_EN = (
    "## Cooperative\n\n### Cons\n\n- one task can hog the processor\n- harder to write code\n"
)


def test_pros_of_a_label_adjective_ask_about_the_noun_it_qualifies():
    """ "Кооперативная: какие минусы?" was dropped: of what? The heading above says."""
    assert _side_fronts(f"# Многозадачность\n\n{COOPERATIVE_RU}", "ru") == [
        "Кооперативная многозадачность: какие минусы?"
    ]
    assert _side_fronts(f"# Multitasking\n\n{COOPERATIVE_EN}", "en") == [
        "What are the drawbacks of cooperative multitasking?"
    ]


def test_pros_of_a_label_adjective_without_its_noun_give_nothing():
    assert _side_fronts(f"# Планировщики\n\n{COOPERATIVE_RU}", "ru") == []  # no agreement
    assert _side_fronts(f"# Kinds of scheduling\n\n{COOPERATIVE_EN}", "en") == []


def test_a_heading_that_names_both_sides_or_a_synonym_is_no_owner():
    """ "Плюсы и минусы: какие минусы?" and "What are the drawbacks of /Issues?" were
    asked of the label; the owner is the heading above."""
    ru = "# Микросервисы\n\n## Плюсы и минусы\n\n**Минусы:**\n\n- сложная инфраструктура\n- связь\n"
    assert _side_fronts(ru, "ru") == ["Микросервисы: какие минусы?"]
    en = "# Permissions\n\n## Share permissions\n\n### Limitations/Issues\n\n- limited\n- slow\n"
    assert _side_fronts(en, "en") == ["What are the drawbacks of Share permissions?"]
