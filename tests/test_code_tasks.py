"""Task cards: a coding task's statement with its examples, answered by its solution."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import cards_from, note_from_file, note_from_text
from notecards.extractors import extract_cards
from notecards.model import Card, Note

RECALL = Path(__file__).resolve().parent / "notes" / "recall"


def _cards(note: Note) -> list[Card]:
    cards = cards_from("code_tasks", note)
    assert all(c.kind == "task" and c.extractor == "code_tasks" for c in cards)
    return cards


@pytest.mark.slow
def test_statement_examples_then_labelled_solution_and_idea_ru():
    (card,) = _cards(note_from_file(RECALL / "112 Сумма элементов массива.md"))
    assert card.front.splitlines() == [
        "Напишите функцию sum, которая принимает массив чисел и возвращает их сумму.",
        "sum([1, 2, 3]); // 6",
        "sum([]); // 0",
    ]
    assert card.back.splitlines() == [
        "Идея: один проход с накоплением через reduce, начальное значение 0.",
        "function sum(numbers) {",
        "  return numbers.reduce((total, n) => total + n, 0);",
        "}",
    ]
    assert card.rule == "code_tasks.marked" and card.line == 1
    front_html, back_html = card.fields
    assert '<div class="nc-code">' in front_html and "<code>sum</code>" in front_html
    assert '<div class="nc-code">' in back_html and '<span class="kd">function</span>' in back_html


def test_problem_then_code_in_english_and_output_question_without_answer():
    cards = _cards(note_from_file(RECALL / "Palindrome.md"))
    (card,) = cards  # "What will be printed?" has no answer in the note: no card
    assert card.front.splitlines() == [
        "Write a function that tells whether a string reads the same backwards, ignoring case.",
        'is_palindrome("Level")  # True',
    ]
    assert card.back.startswith("def is_palindrome(text: str) -> bool:")
    assert card.rule == "code_tasks.code-after"


def test_statement_in_the_codes_leading_comment():
    (card,) = _cards(note_from_file(RECALL / "Дедупликация.md"))
    assert card.front.splitlines() == [
        "Напишите функцию unique, которая убирает повторы из массива, сохраняя порядок.",
        "console.log(unique([1, 2, 1, 3])); // [1, 2, 3]",
    ]
    assert card.back.startswith("function unique(items) {")
    assert "Напишите" not in card.back


def test_output_question_with_a_marked_answer_and_details_block():
    note = note_from_text(
        "## Задача\n\nЧто будет выведено в консоль?\n\n```js\nconsole.log(typeof null);\n```\n\n"
        "<details>\n<summary>Ответ</summary>\n\n```\nobject\n```\n</details>\n",
        lang="ru",
    )
    (card,) = _cards(note)
    assert card.front == "Что будет выведено в консоль?\nconsole.log(typeof null);"
    assert card.back == "object"


def test_a_stub_or_an_example_announced_by_a_colon_is_not_a_solution():
    stub = note_from_text(
        "## Задача\n\nРеализуйте функцию debounce.\n\n```js\nfunction debounce(fn, ms) {}\n```\n",
        lang="ru",
    )
    assert _cards(stub) == []
    shape = note_from_text(
        "## Задача\n\nНужно преобразовать массив в объект такой структуры:\n\n"
        "```js\nconst result = { a: 1, b: 2 };\n```\n",
        lang="ru",
    )
    assert _cards(shape) == []


@pytest.mark.slow
def test_the_task_blocks_are_not_mined_again():
    note = note_from_file(RECALL / "112 Сумма элементов массива.md")
    cards = extract_cards(note)
    assert [c.kind for c in cards] == ["task"]


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    statement=st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=80),
    code=st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=80),
)
def test_any_task_shaped_note_reads_without_error(statement: str, code: str):
    code = code.replace("`", "'")
    note = note_from_text(
        f"## Задача\n\nНапишите {statement}\n\n```js\n{code}\n```\n\n"
        f"## Решение\n\n```js\n{code}\n```\n",
        lang="ru",
    )
    for card in _cards(note):
        assert card.front.strip() and card.back.strip()


@pytest.mark.slow
def test_anki_imports_the_task_card_with_highlighted_code(tmp_path: Path):
    pytest.importorskip("anki")
    from anki_helpers import all_notes, import_apkg, open_collection

    vault = tmp_path / "vault"
    vault.mkdir()
    shutil.copy(RECALL / "112 Сумма элементов массива.md", vault)
    shutil.copy(RECALL / "071 Что такое useEffect().md", vault)
    run = [sys.executable, "-m", "notecards"]
    listed = subprocess.run([*run, "cards", str(vault), "--json"], capture_output=True,
                            text=True, timeout=300, check=True)  # fmt: skip
    kinds = sorted(c["kind"] for c in json.loads(listed.stdout))
    # the title's question; "useEffect(): когда использовать?" is under the threshold
    assert kinds.count("task") == 1 and kinds.count("question") == 1
    out = tmp_path / "decks"
    subprocess.run([*run, "build", str(vault), "-o", str(out), "--no-cache"], check=True,
                   capture_output=True, timeout=300)  # fmt: skip
    (package,) = out.glob("*.apkg")
    with open_collection(tmp_path / "anki") as col:
        import_apkg(col, package)
        fields = [n["fields"] for n in all_notes(col).values()]
    task = next(f for f in fields if "Напишите функцию" in f["Front"])
    assert '<span class="kd">function</span>' in task["Back"]
    question = next(f for f in fields if f["Front"] == "Что такое useEffect()?")
    assert "хук React" in question["Back"]


def test_tasks_under_the_same_heading_are_all_kept():
    task = (
        "## Задача\n\nНапишите функцию {name}.\n\n**Решение:**\n\n"
        "```js\nfunction {name}() {{ return 1; }}\n```\n\n"
    )
    note = note_from_text(task.format(name="one") + task.format(name="two"), lang="ru")
    cards = extract_cards(note)
    assert [c.front for c in cards if c.kind == "task"] == [
        "Напишите функцию one.",
        "Напишите функцию two.",
    ]


def test_code_on_a_task_card_is_not_read_as_markup_but_its_statement_is_guarded():
    note = note_from_text(
        "## Задача\n\nНапишите функцию pow2, которая возводит число в квадрат.\n\n"
        '**Решение:**\n\n```js\nconst pow2 = (x) => x ** 2; // "квадрат\n```\n\n'
        "## Задача\n\nНапишите то же для этого массива: добавьте куб.\n\n**Решение:**\n\n"
        "```js\nconst pow3 = (x) => x ** 3;\n```\n",
        lang="ru",
    )
    assert [c.front for c in extract_cards(note) if c.kind == "task"] == [
        "Напишите функцию pow2, которая возводит число в квадрат."
    ]  # "этого массива" leans on the task before: the guard on prose still bites


def test_set_phrases_and_a_colon_before_the_example_do_not_drop_a_task():
    note = note_from_text(
        "## Задача\n\nРеализуйте функцию spy, которая считает вызовы, не меняя при этом "
        "поведение функции. Вызовы храните в виде:\n\n"
        "```js\nspy.calls // [[1, 2], [3]]\n```\n\n**Решение:**\n\n"
        "```js\nfunction spy(fn) {\n  const w = (...a) => { w.calls.push(a); return fn(...a); };\n"
        "  w.calls = [];\n  return w;\n}\n```\n",
        lang="ru",
    )
    (card,) = [c for c in extract_cards(note) if c.kind == "task"]
    assert card.front.startswith("Реализуйте функцию spy") and "spy.calls" in card.front
    assert card.confidence >= 0.8 and "function spy(fn)" in card.back


def test_a_very_long_solution_makes_a_card_only_under_the_threshold():
    body = "\n".join(f"  total += {i};" for i in range(70))
    note = note_from_text(
        "## Task\n\nWrite a function that sums the numbers from 0 to 69 one by one.\n\n"
        "**Solution:**\n\n```js\nfunction sum() {\n  let total = 0;\n"
        f"{body}\n  return total;\n}}\n```\n",
        lang="en",
    )
    (card,) = [c for c in extract_cards(note, min_confidence=0.0) if c.kind == "task"]
    assert card.confidence == 0.45  # marked 0.8, less 0.1 past 30 lines and 0.25 past 60
    assert not [c for c in extract_cards(note) if c.kind == "task"]
