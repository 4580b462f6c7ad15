"""Comparisons a blind reader dropped (issue 11, session 8): a table whose columns are the
compared things asked by its rows ("Чем отличаются Поднятие, Область и Доступ?"), a table
of one algorithm's cases asked as a comparison, and cons asked of a label heading ("What
are the drawbacks of Tradeoffs?")."""

from __future__ import annotations

import pytest

from conftest import note_from_text
from notecards.extractors import extract_cards
from notecards.model import Card


def comparisons(text: str, lang: str, name: str = "note.md") -> list[Card]:
    cards = extract_cards(note_from_text(text, lang=lang, name=name), min_confidence=0.0)
    return [c for c in cards if c.extractor == "comparisons"]


RU_COLUMNS = """# Переменные в JS

| Поведение | var | let/const |
|---|---|---|
| Поднятие | да, со значением undefined | да, но в TDZ |
| Область видимости | функция | блок |
| Повторное объявление | можно | нельзя |
"""

EN_COLUMNS = """# Collections

| Behaviour | Map | WeakMap |
|---|---|---|
| Keys | any value | objects only |
| Iteration | supported | not supported |
| Garbage collection | keeps keys alive | lets keys go |
"""


@pytest.mark.parametrize(
    ("lang", "text", "front"),
    [
        ("ru", RU_COLUMNS, "Чем отличаются var и let/const?"),
        ("en", EN_COLUMNS, "What is the difference between Map and WeakMap?"),
    ],
)
def test_columns_that_name_things_are_the_compared_things(lang: str, text: str, front: str) -> None:
    [card] = comparisons(text, lang)
    assert card.front == front
    assert card.back.splitlines()[0].startswith(("Поднятие:", "Keys:"))


EN_CASES = """# Linear search

| Case | Time | Comparisons |
|---|---|---|
| Best case | O(1) | one |
| Average case | O(n) | about half |
| Worst case | O(n) | all of them |
"""

RU_CASES = """# Линейный поиск

| Случай | Время | Сравнения |
|---|---|---|
| Лучший случай | O(1) | одно |
| Средний случай | O(n) | около половины |
| Худший случай | O(n) | все элементы |
"""


@pytest.mark.parametrize(("lang", "text"), [("en", EN_CASES), ("ru", RU_CASES)])
def test_a_table_of_cases_is_no_comparison(lang: str, text: str) -> None:
    assert comparisons(text, lang) == []


def test_algorithms_compared_by_their_cases_still_are_a_comparison() -> None:
    text = (
        "# Sorting\n\n| Algorithm | Best | Average | Worst |\n|---|---|---|---|\n"
        "| Quicksort | n log n | n log n | n^2 |\n| Merge sort | n log n | n log n | n log n |\n"
    )
    [card] = comparisons(text, "en")
    assert card.front == "What is the difference between Quicksort and Merge sort?"


@pytest.mark.parametrize(
    ("lang", "text", "owner"),
    [
        (
            "en",
            "# Replication\n\n## Tradeoffs\n\nCons:\n\n- more disk space is used by the copies\n"
            "- writes are slower because each copy is updated\n",
            "Replication",
        ),
        (
            "ru",
            "# Репликация\n\n## Итого\n\nМинусы:\n\n- копии занимают больше места на диске\n"
            "- запись медленнее, потому что обновляется каждая копия\n",
            "Репликаци",
        ),
    ],
)
def test_cons_under_a_label_heading_belong_to_the_note_subject(
    lang: str, text: str, owner: str
) -> None:
    name = "Replication.md" if lang == "en" else "Репликация.md"
    fronts = [c.front for c in comparisons(text, lang, name=name)]
    assert fronts and all(owner in f for f in fronts), fronts
    assert not [f for f in fronts if "Tradeoffs" in f or "Итого" in f]
