"""Purposes, properties and reasons that a strict reader dropped (issue 11, h17-lists):
a term that opens with a conjunction ("What does When fork return?"), a variable of the
note's example ("What does f.result() return?"), an answer that restates the term, a
"when" property whose answer is in its question, and "why" cards built around a
tutorial's narrative or a sentence that only announces a difference."""

from __future__ import annotations

import pytest

from conftest import cards_from, note_from_text


def fronts(extractor: str, text: str, lang: str) -> list[str]:
    return [c.front for c in cards_from(extractor, note_from_text(text, lang=lang))]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "# Processes\n\nWhen `fork` returns 0 to the child process, it runs the child code.",
            "en",
        ),
        ("# Процессы\n\nКогда `fork` возвращает 0 в дочернем процессе, выполняется его код.", "ru"),
        ("# Futures\n\nThe call `f.result()` returns the value of the finished task.", "en"),
        ("# Futures\n\nМетод `f.result()` возвращает значение завершённой задачи.", "ru"),
        ("# Kafka\n\n**Router** is used to route requests.", "en"),
        ("# Calls\n\n**Function A** is responsible for saving the return address.", "en"),
        ("# Вызовы\n\n**Функция A** отвечает за сохранение адреса возврата.", "ru"),
        ("# Files\n\nPermission bits `perm` (before umask) are used for new files.", "en"),
        ("# Kafka\n\n**Ретраи** позволяют делать ретраи отправки.", "ru"),
    ],
)
def test_no_purpose_of_a_clause_a_variable_or_the_term_itself(text: str, lang: str) -> None:
    assert fronts("purposes", text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "front"),
    [
        (
            "# Qt\n\nThe `Qt.QObject.Q_OBJECT` macro is used to enable meta-object features.",
            "en",
            "What is the Qt.QObject.Q_OBJECT macro used for?",
        ),
        (
            "# TypeScript\n\n`keyof T` возвращает объединение ключей типа T.",
            "ru",
            "TypeScript: что возвращает keyof T?",
        ),
        (
            "# HTML\n\nThe `<input>` tag is used for creating input fields.",
            "en",
            "What is the <input> tag used for?",
        ),
        (
            "# Zephyr\n\n`k_thread_deadline_set()` is used to set a thread deadline.",
            "en",
            "Zephyr: what is k_thread_deadline_set() used for?",  # a tool's own name (h18-subject)
        ),
        (
            "# Типы\n\n`any` (любой) используется для значения неизвестного типа.",
            "ru",
            "Типы: для чего используется any?",
        ),
        (
            "# Кэш\n\n**Incremental Static Regeneration (ISR)** позволяет обновлять страницы.",
            "ru",
            "Что позволяет делать Incremental Static Regeneration (ISR)?",
        ),
    ],
)
def test_namespaces_names_in_code_and_glossed_names_stay(text: str, lang: str, front: str) -> None:
    """A capital receiver is a namespace; a name in code may spell out its purpose; an
    aside that glosses the name is left out of the question, an acronym kept."""
    assert fronts("purposes", text, lang) == [front]


def test_purposes_of_real_terms_stay() -> None:
    text = "# Futures\n\n`future.result()` returns the value of the finished task."
    assert fronts("purposes", text, "en") == ["What does future.result() return?"]
    text = "# Python\n\n`os.getcwd()` returns the current working directory."
    assert fronts("purposes", text, "en") == ["What does os.getcwd() return?"]
    text = "# Промисы\n\n`Promise.resolve()` возвращает выполненный промис."
    assert fronts("purposes", text, "ru") == ["Что возвращает Promise.resolve()?"]


def test_a_when_property_whose_answer_is_in_its_question_is_no_card() -> None:
    text = (
        "_Kafka_ — это брокер сообщений, который хранит записи в партициях.\n\n"
        "Когда лидер падает, Kafka переизбирает лидер."
    )
    assert not any("переизбирает" in f for f in fronts("properties", text, "ru"))
    kept = "_Kafka_ — это брокер сообщений.\n\nКогда лидер падает, Kafka выбирает новую реплику."
    assert "Что Kafka выбирает, когда лидер падает?" in fronts("properties", kept, "ru")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("# Redux\n\nУ вас наверняка возникнут вопросы про `reducer`, потому что он новый.", "ru"),
        ("# Redux\n\nМы создавали `store` вручную, потому что так было проще.", "ru"),
        ("# Redux\n\nThe `store` we built is global because it has one state tree.", "en"),
        ("# Redux\n\nThe difference is that `store` is global, because it has one tree.", "en"),
        (
            "# Redux\n\nЕщё одно отличие `Redux` в глобальности, потому что хранилище одно.",
            "ru",
        ),
    ],
)
def test_no_why_card_from_narrative_or_an_announced_difference(text: str, lang: str) -> None:
    assert fronts("reasons", text, lang) == []


def test_why_cards_from_claims_stay() -> None:
    text = "# Redux\n\n`Redux` is predictable because reducers are pure functions."
    assert fronts("reasons", text, "en") == ["Why is Redux predictable?"]
    text = "# Redux\n\nСостояние в `Redux` неизменяемо, потому что редьюсеры чистые."
    assert fronts("reasons", text, "ru") == ["Почему состояние в Redux неизменяемо?"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("# Visual Studio\n\nTo change the settings, use the `Tools` menu.", "en"),
        ("# Lambdas\n\nTo change that, add `mutable` to the declaration.", "en"),
        ("# Sets\n\nTo test whether A - B, use `A - B`.", "en"),
        ("# Лямбды\n\nЧтобы изменить это, используйте `mutable` в объявлении.", "ru"),
    ],
)
def test_no_how_card_for_a_goal_that_leans_elsewhere_or_is_its_own_answer(
    text: str, lang: str
) -> None:
    assert fronts("purposes", text, lang) == []


def test_how_cards_for_a_named_goal_stay() -> None:
    text = "# Lists\n\nTo sort a list in descending order, use the `sort()` method with reverse."
    assert fronts("purposes", text, "en") == ["How do you sort a list in descending order?"]


ITEMS = "- `{0}` – {1}\n- `{2}` – {3}\n"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hooks:\n\n" + ITEMS.format("afterAll", "after all", "beforeEach", "before each"), "en"),
        ("Хуки:\n\n" + ITEMS.format("afterAll", "после всех", "beforeEach", "перед каждым"), "ru"),
    ],
)
def test_labelled_items_need_an_answer_of_a_few_words(text: str, lang: str) -> None:
    assert fronts("labelled_items", f"# Vitest\n\n{text}", lang) == []


def test_labelled_items_do_not_ask_about_the_examples_variables() -> None:
    methods = ITEMS.format(
        "p.convert(Poly)", "converts p to another kind of series",
        "Poly.fromroots(r)", "makes a series with the given roots",
    )  # fmt: skip
    assert fronts("labelled_items", f"# Numpy\n\nMethods:\n\n{methods}", "en") == [
        "What does Poly.fromroots(r) do?"
    ]
    methods = ITEMS.format(
        "p.convert(Poly)", "переводит ряд в другой вид целиком",
        "Poly.fromroots(r)", "строит ряд по заданным корням",
    )  # fmt: skip
    assert fronts("labelled_items", f"# Numpy\n\nМетоды:\n\n{methods}", "ru") == [
        "Что делает Poly.fromroots(r)?"
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("## Pros\n\n- [Why TDD pays off](https://example.com/tdd)\n- fewer regressions\n", "en"),
        (
            "## Pros\n\n- [p] all details live in the outer layer\n- [p] rules are easy to test\n",
            "en",
        ),
        ("## Плюсы\n\n- [Статья про TDD](https://example.com/tdd)\n- меньше регрессий\n", "ru"),
        ("## Плюсы\n\n- [p] детали во внешнем слое\n- [p] правила легко тестировать\n", "ru"),
    ],
)
def test_pros_that_are_links_or_marked_items_give_no_card(text: str, lang: str) -> None:
    assert fronts("comparisons", f"# Clean Architecture\n\n{text}", lang) == []
    plain = "## Pros\n\n- fewer regressions\n- faster reviews\n"
    assert fronts("comparisons", f"# Clean Architecture\n\n{plain}", "en") == [
        "What are the advantages of Clean Architecture?"
    ]


def test_a_short_answer_that_says_what_the_item_does_stays() -> None:
    methods = ITEMS.format("concat()", "склеивает массивы", "slice()", "копирует часть")
    assert fronts("labelled_items", f"# Массивы\n\nМетоды:\n\n{methods}", "ru") == [
        "Что делает concat()?",
        "Что делает slice()?",
    ]
