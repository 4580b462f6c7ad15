"""Backs that answer the question a title or heading asks (issue 11, FAILURES-s7 B):
a chatty opener or a sentence that only says two things differ is no answer, the answer
starts after it. The notes under tests/notes/answers are read by the real `notecards
cards` command, as a user runs it."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from conftest import fronts_by_note, note_from_text, run_notecards
from notecards.extractors.base import ExtractContext
from notecards.extractors.questions import as_question, extract_questions
from notecards.lang import PACKS

NOTES = Path(__file__).parent / "notes" / "answers"
RU, EN = PACKS["ru"], PACKS["en"]


@cache
def _mined() -> dict[str, dict[str, str]]:
    """front → back of every question card of tests/notes/answers, by note file name."""
    return fronts_by_note(NOTES, ("questions.",), _by_question)


def _by_question(card: dict[str, str]) -> dict[str, str]:
    """The card's back under its front and, when the front names its subject first
    ("Tensors: how is a stride computed?"), under the question alone as well: these
    tests are about answers, the subject is text.topics' business."""
    front, back = card["front"], card["back"]
    _, colon, asked = front.partition(": ")
    return {front: back, **({asked[:1].upper() + asked[1:]: back} if colon else {})}


def _back(text: str, lang: str, front: str) -> str | None:
    note = note_from_text(text, lang=lang)
    cards: dict[str, str] = {}
    for card in extract_questions(note, ExtractContext(note)):
        cards.update(_by_question({"front": card.front, "back": card.back}))
    return cards.get(front)


# --- 1. chatty openers and restatements --------------------------------------------


def test_a_chatty_opener_is_dropped_and_the_answer_follows_ru() -> None:
    backs = _mined()["Что такое замыкание.md"]
    assert backs["Что такое замыкание?"].startswith("Замыкание — это функция")


def test_a_chatty_opener_is_dropped_and_the_answer_follows_en() -> None:
    backs = _mined()["What is a closure.md"]
    assert backs["What is a closure?"].startswith("A closure is a function bundled")


def test_a_restated_difference_gives_way_to_the_list_that_follows_ru() -> None:
    backs = _mined()["В чём разница между sessionStorage и localStorage.md"]
    back = backs["В чём разница между sessionStorage и localStorage?"]
    assert back.startswith("- sessionStorage живёт"), back
    assert "вопрос" not in back and "фундаментальные" not in back


def test_a_restated_difference_gives_way_to_the_next_paragraph_en() -> None:
    backs = _mined()["What is the difference between TCP and UDP.md"]
    back = backs["What is the difference between TCP and UDP?"]
    assert back.startswith("TCP sets up a connection"), back


def test_only_chatter_and_a_restatement_give_no_card() -> None:
    assert "Чем отличаются let и var.md" not in _mined()
    text = (
        "# What is the difference between A1 and B1 paper?\n\nSure! They differ in several ways.\n"
    )
    assert _back(text, "en", "What is the difference between A1 and B1 paper?") is None


def test_a_real_opening_that_names_both_sides_is_kept() -> None:
    text = (
        "# Чем отличаются let и var?\n\nlet видна только внутри блока, а var — во всей функции.\n"
    )
    assert _back(text, "ru", "Чем отличаются let и var?") == (
        "let видна только внутри блока, а var — во всей функции."
    )


# --- 2. pointers: remarks about the note -------------------------------------------


def test_a_pointer_sentence_is_skipped_and_the_answer_follows_en() -> None:
    backs = _mined()["What exactly is a contiguous array.md"]
    back = backs["What exactly is a contiguous array?"]
    assert back.startswith("A contiguous array keeps its elements"), back
    assert backs["How is a stride computed?"].startswith("A stride is the number")


def test_a_pointer_at_a_figure_is_no_answer_en() -> None:
    assert "What is RAID 1?" not in _mined()["What exactly is a contiguous array.md"]


def test_a_pointer_sentence_is_skipped_and_the_answer_follows_ru() -> None:
    backs = _mined()["Индексы в базе данных.md"]
    back = backs["Что такое составной индекс?"]
    assert back.startswith("Составной индекс строится по нескольким столбцам"), back


def test_a_pointer_at_an_example_is_no_answer_ru() -> None:
    assert "Что такое покрывающий индекс?" not in _mined()["Индексы в базе данных.md"]


def test_a_lead_in_that_counts_criteria_gives_way_to_the_parts_that_follow() -> None:
    text = (
        "# Какие критерии важны в code review?\n\n## Ответ\n\n"
        "Обычно я оцениваю код по нескольким критериям.\n\n"
        "## Корректность\n\nКод решает задачу.\n\n## Читаемость\n\nКод понятен.\n"
    )
    back = _back(text, "ru", "Какие критерии важны в code review?")
    assert back is not None and "нескольким критериям" not in back


def test_a_sentence_that_only_counts_is_an_answer_when_nothing_follows() -> None:
    text = "# Что такое шардирование?\n\nШардирование делит таблицу на несколько частей по ключу.\n"
    assert _back(text, "ru", "Что такое шардирование?") == (
        "Шардирование делит таблицу на несколько частей по ключу."
    )
    announced = "# Какой стек выбрать?\n\nДля веб-приложения я бы взял следующий стек.\n"
    assert _back(announced, "ru", "Какой стек выбрать?") is None


def test_a_lead_in_that_points_below_still_leads_into_its_list() -> None:
    text = (
        "# What are the benefits of HTTP/2?\n\n"
        "Below are the main benefits:\n\n"
        "- multiplexed streams\n- header compression\n- server push\n"
    )
    back = _back(text, "en", "What are the benefits of HTTP/2?")
    assert back is not None and "- header compression" in back


# --- 3. a difference answered by advice ----------------------------------------------


def test_advice_is_no_difference_the_contrast_sentence_is_ru() -> None:
    back = _mined()["В чём разница между useMemo и useCallback.md"][
        "В чём разница между useMemo и useCallback?"
    ]
    assert "useMemo запоминает результат вызова функции, а useCallback" in back, back
    assert "Используйте" not in back and "избегайте" not in back


def test_advice_is_no_difference_the_contrast_sentence_is_en() -> None:
    back = _mined()["What is the difference between a process and a thread.md"][
        "What is the difference between a process and a thread?"
    ]
    assert back == (
        "A process has its own address space, whereas a thread shares the address "
        "space of its process."
    )


def test_advice_alone_gives_no_difference_card() -> None:
    assert "Чем отличаются REST и GraphQL.md" not in _mined()
    assert "Array vs Linked List.md" not in _mined()


def test_a_contrast_that_names_both_sides_is_kept_as_it_is() -> None:
    text = (
        "# Чем отличаются TCP и UDP?\n\n"
        "TCP устанавливает соединение и гарантирует доставку, а UDP шлёт датаграммы "
        "без гарантий.\n"
    )
    back = _back(text, "ru", "Чем отличаются TCP и UDP?")
    assert back is not None and back.startswith("TCP устанавливает соединение")


# --- 4. labels of an article's parts, and modifiers asked as things --------------------


def test_a_short_question_label_in_an_article_is_not_asked_ru() -> None:
    backs = _mined()["Переезд на новый роутер.md"]
    assert "Что менять в коде?" not in backs
    # "we" leans on the article's authors: within the title at most, below the threshold
    assert "Зачем мы переехали?" not in _shipped().get("Переезд на новый роутер.md", {})
    # a question for a term is no label, however short
    assert backs["Что такое ленивая загрузка?"].startswith("Ленивая загрузка — это")


def test_a_short_question_label_in_an_article_is_not_asked_en() -> None:
    assert "Release notes for the parser.md" not in _mined()


def test_short_questions_in_a_note_of_questions_are_asked() -> None:
    backs = _mined()["Interview questions on caching.md"]
    assert backs["What changes on a cache miss?"].startswith("The request goes to the origin")
    assert "Why use a CDN?" in backs


def test_a_modifier_asked_as_a_thing_is_not_asked() -> None:
    backs = _mined()["Индексы в PostgreSQL.md"]
    assert "Когда использовать Full-Text?" not in backs
    assert backs["Когда использовать частичный индекс?"].startswith("Когда запросы почти")


def test_a_name_the_note_uses_alone_is_asked() -> None:
    text = (
        "# Индексы\n\n## B-Tree\n\nB-Tree хранит ключи в порядке. Поиск в B-Tree идёт "
        "от корня.\n\n### Когда использовать B-Tree?\n\n"
        "Для сравнений и сортировки по столбцу: B-Tree подходит почти всегда.\n"
    )
    back = _back(text, "ru", "Когда использовать B-Tree?")
    assert back is not None and back.startswith("Для сравнений")


# --- 5. issue 12: title questions the note answers in full ----------------------------


def _shipped() -> dict[str, dict[str, str]]:
    """front → back of the question cards that reach a deck, by note file name."""
    done = run_notecards("cards", NOTES, "--json")
    assert done.returncode == 0, done.stderr
    found: dict[str, dict[str, str]] = {}
    for card in json.loads(done.stdout):
        if card["rule"].startswith("questions."):
            found.setdefault(Path(card["note"]).name, {})[card["front"]] = card["back"]
    return found


def test_a_remedy_after_the_cause_answers_how_to_avoid_ru() -> None:
    back = _shipped()["Как избежать утечки памяти в setInterval.md"][
        "Как избежать утечки памяти в setInterval?"
    ]
    assert back.startswith("Решение — очищать интервал при удалении компонента."), back
    assert "clearInterval" in back and "Утечка возникает" not in back


def test_a_remedy_after_the_cause_answers_how_to_avoid_en() -> None:
    back = _shipped()["How to avoid a deadlock.md"]["How to avoid a deadlock?"]
    assert back.startswith("The fix is a global lock order. Every thread takes"), back


def test_two_questions_answered_in_part_stay_under_the_threshold() -> None:
    text = (
        "# Что такое Virtual DOM и как он работает?\n\n"
        "Virtual DOM — это копия DOM в памяти, которую React сравнивает с прошлой.\n\n"
        "## Шаги\n\n" + "React сравнивает деревья и применяет разницу к странице. " * 12 + "\n"
    )
    note = note_from_text(text, lang="ru")
    (card,) = [
        c
        for c in extract_questions(note, ExtractContext(note))
        if c.front == "Что такое Virtual DOM и как он работает?"
    ]
    assert card.confidence < 0.5


def test_a_back_that_repeats_its_question_gives_no_card() -> None:
    text = (
        "# HTTPS\n\n## Does HTTPS use asymmetric or symmetric encryption?\n\n"
        ":speech_balloon: HTTPS uses asymmetric or symmetric encryption?\n"
    )
    assert _back(text, "en", "Does HTTPS use asymmetric or symmetric encryption?") is None
    text = (
        "# Клетка\n\n## Является ли клетка машиной?\n\n"
        "Статья «Является ли клетка машиной?» Николсона.\n"
    )
    assert _back(text, "ru", "Является ли клетка машиной?") is None
    kept = (
        "# HTTPS\n\n## Does HTTPS use symmetric encryption?\n\n"
        "Both: asymmetric keys agree on a symmetric session key.\n"
    )
    assert _back(kept, "en", "Does HTTPS use symmetric encryption?") is not None


# --- fronts and backs read on the public vaults -----------------------------------------


def test_a_linked_pages_title_is_no_question() -> None:
    assert as_question("Eventloop in NodeJS: Understanding setTimeout | DKatalis", EN) is None
    assert as_question("process.nextTick() vs setImmediate() | GeeksforGeeks", EN) is None
    assert as_question("Хуки vs классы | Хабр", RU) is None


def test_a_versus_label_loses_its_dashed_tail() -> None:
    assert as_question("React vs Vue — пофункциональное сравнение", RU) == (
        "Чем отличаются React и Vue?",
        "topic",
    )
    assert as_question("TCP vs UDP - a quick comparison", EN) == (
        "What is the difference between TCP and UDP?",
        "topic",
    )


def test_the_source_link_that_closes_a_sentence_is_not_in_the_back() -> None:
    text = (
        "# Что такое рендер-функция?\n\n"
        "Рендер-функция возвращает виртуальные узлы, которые Vue превращает в DOM. "
        "[ru.vuejs.org+1](https://ru.vuejs.org/guide)\n"
    )
    assert _back(text, "ru", "Что такое рендер-функция?") == (
        "Рендер-функция возвращает виртуальные узлы, которые Vue превращает в DOM."
    )
    text = (
        "# What is a Set?\n\nA Set stores unique values in insertion order "
        "[developer.mozilla.org](https://developer.mozilla.org/x)\n"
    )
    assert _back(text, "en", "What is a Set?") == ("A Set stores unique values in insertion order")


def test_groups_announced_by_a_lead_in_are_one_line_each() -> None:
    ru = (
        "# Какие инструменты нужны фронтенд-проекту?\n\n"
        "Набор обычно включает несколько категорий инструментов.\n\n"
        "Разработка:\n\n- TypeScript;\n- Vite.\n\n"
        "Качество кода:\n\n- ESLint;\n- unit-тесты.\n"
    )
    assert _back(ru, "ru", "Какие инструменты нужны фронтенд-проекту?") == (
        "Набор обычно включает несколько категорий инструментов.\n"
        "- Разработка: TypeScript, Vite\n"
        "- Качество кода: ESLint, unit-тесты"
    )
    en = (
        "# What tools does a web project need?\n\n"
        "A project needs several kinds of tools.\n\n"
        "Development:\n\n- TypeScript\n- Vite\n\n"
        "Quality:\n\n- ESLint\n- unit tests\n"
    )
    back = _back(en, "en", "What tools does a web project need?")
    assert back is not None and back.splitlines()[1:] == [
        "- Development: TypeScript, Vite",
        "- Quality: ESLint, unit tests",
    ]
    long_items = en.replace("- Vite", "- Vite, which bundles the code and serves it while you edit")
    assert _back(long_items, "en", "What tools does a web project need?") is None


def test_two_questions_answered_by_the_opening_and_the_announced_list() -> None:
    steps = "".join(
        f"{n}. **{label}**: " + "подробности этого шага, которые занимают место. " * 4 + "\n"
        for n, label in enumerate(("Создание копии", "Сравнение", "Применение"), start=1)
    )
    ru = (
        "# Что такое Virtual DOM и как он работает?\n\n"
        "**Virtual DOM** — это копия DOM в памяти, которая ускоряет обновления.\n\n"
        "## Работает он следующим образом:\n\n" + steps
    )
    assert _back(ru, "ru", "Что такое Virtual DOM и как он работает?") == (
        "Virtual DOM — это копия DOM в памяти, которая ускоряет обновления.\n"
        "- Создание копии\n- Сравнение\n- Применение"
    )
    en = (
        "# What is a B-tree and how does it work?\n\n"
        "A B-tree is a balanced tree whose nodes hold many sorted keys.\n\n"
        "## It works as follows:\n\n"
        + "".join(
            f"{n}. **{label}**: " + "details of the step that take up room. " * 4 + "\n"
            for n, label in enumerate(("Search", "Split full nodes", "Merge"), start=1)
        )
    )
    back = _back(en, "en", "What is a B-tree and how does it work?")
    assert back is not None and back.endswith("- Search\n- Split full nodes\n- Merge")
    # a list under a heading of its own answers that heading, not the title
    other = ru.replace("## Работает он следующим образом:", "## История")
    note = note_from_text(other, lang="ru")
    cards = {c.front: c for c in extract_questions(note, ExtractContext(note))}
    card = cards.get("Что такое Virtual DOM и как он работает?")
    assert card is None or card.confidence < 0.5


def test_a_sentence_that_sends_elsewhere_first_is_no_answer_ru() -> None:
    text = (
        "# Что такое гидратация?\n\n"
        "Чтобы понять, что такое гидратация, нужно понимать серверный рендеринг. "
        "Гидратация — это подключение обработчиков событий к разметке, которую "
        "прислал сервер.\n"
    )
    back = _back(text, "ru", "Что такое гидратация?")
    assert back is not None and back.startswith("Гидратация — это"), back


def test_a_sentence_that_sends_elsewhere_first_is_no_answer_en() -> None:
    text = (
        "# What is hydration?\n\n"
        "To understand hydration, you need to know server rendering first. "
        "Hydration is attaching event handlers to the markup the server sent.\n"
    )
    back = _back(text, "en", "What is hydration?")
    assert back is not None and back.startswith("Hydration is attaching"), back
