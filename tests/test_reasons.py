"""Why cards: a claim and the reason the note gives for it."""

from __future__ import annotations

from pathlib import Path

from conftest import cards_from, note_from_file, note_from_text
from notecards.model import Card, Note

RECALL = Path(__file__).resolve().parent / "notes" / "recall"


def _cards(note: Note) -> list[Card]:
    cards = cards_from("reasons", note)
    assert all(c.kind == "why" and c.extractor == "reasons" for c in cards)
    return cards


def test_because_in_russian_keeps_the_claim_as_written():
    note = note_from_file(RECALL / "Сортировка чисел.md")
    assert [(c.front, c.back) for c in _cards(note)] == [
        (
            "Почему метод sort() без компаратора ставит 10 раньше 9?",
            "по умолчанию сравнивает элементы как строки",
        )
    ]  # "Это работает …" leans on what came before; "для языка — TypeScript" is a list


def test_because_in_english_puts_the_verb_first_and_reads_the_next_sentence():
    note = note_from_file(RECALL / "Event loop order.md")
    assert [(c.front, c.back, c.rule) for c in _cards(note)] == [
        (
            "Event loop order: why are microtasks run before the next timer?",
            "the microtask queue is drained after every task",
            "reasons.inline",
        ),
        (
            "Why is a setTimeout(fn, 0) callback run late?",
            "it waits for the current task and all microtasks",
            "reasons.next",
        ),
    ]


def test_a_comma_inside_code_does_not_split_the_claim():
    text = "`[1, 10, 2].sort()` даёт `[1, 10, 2]`, потому что сравниваются строки.\n"
    note = note_from_text(text, lang="ru")
    assert [(c.front, c.back) for c in _cards(note)] == [
        ("Почему [1, 10, 2].sort() даёт [1, 10, 2]?", "сравниваются строки")
    ]
