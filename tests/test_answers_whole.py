"""Answers that answer what the heading asks (issue 11, FAILURES-s6 D): a remark about
the note is skipped, a story is no answer, code alone explains nothing, a question about
two things or two questions in one need the whole short section, and "how to avoid X?"
needs the remedy."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import note_from_text
from notecards.extractors import extract_cards
from notecards.extractors.base import ExtractContext
from notecards.extractors.coverage import named_items
from notecards.extractors.questions import extract_questions
from notecards.lang import PACKS
from notecards.model import Card

RU, EN = PACKS["ru"], PACKS["en"]


def _cards(text: str, lang: str) -> dict[str, Card]:
    note = note_from_text(text, lang=lang)
    return {c.front: c for c in extract_questions(note, ExtractContext(note))}


def _back(text: str, lang: str, front: str) -> str | None:
    card = _cards(text, lang).get(front)
    return None if card is None else card.back


def test_a_remark_about_the_note_is_skipped_en() -> None:
    text = (
        "# Caching\n\n## Why does the Vary header matter?\n\n"
        "This section is not in the original blog post.\n\n"
        "Vary tells a cache which request headers change the response, so it stores "
        "one copy per value.\n"
    )
    back = _back(text, "en", "Why does the Vary header matter?")
    assert back is not None and back.startswith("Vary tells a cache")
    assert "original" not in back


def test_a_remark_about_the_note_is_skipped_ru() -> None:
    text = (
        "# Шардирование\n\n## Зачем нужен координирующий узел?\n\n"
        "Ниже я расскажу про то, как устроен поиск.\n\n"
        "Координирующий узел рассылает запрос по шардам и собирает ответы в одну выдачу.\n"
    )
    back = _back(text, "ru", "Шардирование: зачем нужен координирующий узел?")
    assert back is not None and back.startswith("Координирующий узел рассылает")


def test_a_story_is_no_answer_unless_the_answer_follows_it_en() -> None:
    story = (
        "# Queues\n\n## Why use a message queue?\n\n"
        "Imagine you're building a shop where orders arrive faster than you ship them.\n\n"
        "Orders pile up at the door.\n"
    )
    assert "Why use a message queue?" not in _cards(story, "en")
    resolved = (
        "# Queues\n\n## Why use a message queue?\n\n"
        "Imagine you're building a shop where orders arrive faster than you ship them.\n\n"
        "```\norder -> queue -> worker\n```\n\n"
        "So a queue absorbs bursts: producers write at their pace and workers read at theirs.\n"
    )
    back = _back(resolved, "en", "Why use a message queue?")
    assert back is not None and back.startswith("So a queue absorbs bursts")


def test_a_story_is_no_answer_unless_the_answer_follows_it_ru() -> None:
    story = (
        "# Очереди\n\n## Зачем нужна очередь сообщений?\n\n"
        "Представьте, что вы строите магазин, и заказы приходят быстрее, чем вы их отправляете.\n\n"
        "Заказы копятся у двери.\n"
    )
    assert "Зачем нужна очередь сообщений?" not in _cards(story, "ru")
    resolved = story.replace(
        "Заказы копятся у двери.",
        "Поэтому нужна очередь: она принимает всплески, а обработчики читают в своём темпе.",
    )
    back = _back(resolved, "ru", "Зачем нужна очередь сообщений?")
    assert back is not None and back.startswith("Поэтому нужна очередь")


CODE = "```js\nconst seen = new WeakMap();\nseen.set(node, true);\n```\n"


def test_code_alone_explains_nothing_but_shows_how_to_write() -> None:
    en = f"# WeakMap\n\n## How does WeakMap work?\n\n{CODE}\n## How to create a WeakMap?\n\n{CODE}"
    cards = _cards(en, "en")
    assert "How does WeakMap work?" not in cards
    assert cards["How to create a WeakMap?"].back.startswith("const seen")
    ru = f"# WeakMap\n\n## Как работает WeakMap?\n\n{CODE}\n## Как создать WeakMap?\n\n{CODE}"
    cards = _cards(ru, "ru")
    assert "Как работает WeakMap?" not in cards
    assert cards["Как создать WeakMap?"].back.startswith("const seen")


def test_two_things_need_both_en() -> None:
    half = (
        "# Numbers\n\n## What is range and precision?\n\n"
        "Range is the span between the most negative and the most positive number.\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    assert "What is range and precision?" not in _cards(half, "en")
    whole = (
        "# Memory\n\n## When to use the heap/stack?\n\n"
        "Use the heap for data that must outlive the function that made it.\n\n"
        "Use the stack for small local values whose size is known at compile time.\n"
    )
    back = _back(whole, "en", "When to use the heap/stack?")
    assert back is not None and "heap" in back and "stack" in back


def test_two_things_need_both_ru() -> None:
    half = (
        "# Vue\n\n## Где полезны Teleport и Suspense?\n\n"
        "Teleport рендерит модальное окно в body, вне дерева родителя.\n\n"
        + "Подробнее в документации и в примерах проекта. " * 12
        + "\n"
    )
    assert "Где полезны Teleport и Suspense?" not in _cards(half, "ru")
    whole = (
        "# Vue\n\n## Где полезны Teleport и Suspense?\n\n"
        "Teleport рендерит модальное окно в body, вне дерева родителя.\n\n"
        "Suspense показывает запасной интерфейс, пока грузится асинхронный компонент.\n"
    )
    back = _back(whole, "ru", "Где полезны Teleport и Suspense?")
    assert back is not None and "Teleport" in back and "Suspense" in back


def test_two_questions_in_one_take_a_short_section_whole() -> None:
    text = (
        "# Что такое Suspense и когда его использовать?\n\n## Ответ\n\n"
        "Suspense — это механизм для управления асинхронным рендерингом.\n\n"
        "Используют его для lazy-компонентов и страниц, которые ждут данных.\n\n"
        "---\n\n- [Вопросы по Vue](vue.md)\n"
    )
    card = _cards(text, "ru")["Что такое Suspense и когда его использовать?"]
    assert card.confidence >= 0.5
    assert card.back.splitlines() == [
        "Suspense — это механизм для управления асинхронным рендерингом.",
        "Используют его для lazy-компонентов и страниц, которые ждут данных.",
    ]


def test_how_to_avoid_needs_the_remedy_en() -> None:
    cause = (
        "# Async\n\n## How to avoid a race condition in an async watcher?\n\n"
        "A race condition happens when an older request resolves after a newer one.\n"
    )
    assert "How to avoid a race condition in an async watcher?" not in _cards(cause, "en")
    remedy = cause.replace(
        "one.\n",
        "one.\n\nCancel the previous request in the cleanup callback, so only "
        "the last one can write.\n",
    ).replace("Cancel", "Use an AbortController: cancel")
    back = _back(remedy, "en", "How to avoid a race condition in an async watcher?")
    assert back is not None and "AbortController" in back


def test_how_to_avoid_needs_the_remedy_ru() -> None:
    cause = (
        "# Vue\n\n## Как обработать race condition в async watch?\n\n"
        "Race condition возникает, когда старый запрос завершается позже нового.\n"
    )
    assert "Vue: как обработать race condition в async watch?" not in _cards(cause, "ru")
    remedy = (
        cause + "\nНужно отменять предыдущий запрос в onCleanup, чтобы писал только последний.\n"
    )
    back = _back(remedy, "ru", "Vue: как обработать race condition в async watch?")
    assert back is not None and "onCleanup" in back


def test_the_two_things_a_question_names() -> None:
    assert named_items("When to use the heap/stack?", EN) == ["heap", "stack"]
    assert named_items("What is range and precision?", EN) == ["range", "precision"]
    assert named_items("Где полезны Teleport и Suspense?", RU) == ["Teleport", "Suspense"]
    assert named_items("What is the difference between TCP and UDP?", EN) == ["TCP", "UDP"]
    assert named_items("В чём разница между div, article и section?", RU) == [
        "div",
        "article",
        "section",
    ]
    assert named_items("Когда использовать computed, watch и watchEffect?", RU) == [
        "computed",
        "watch",
        "watchEffect",
    ]
    assert named_items("What is a process?", EN) == []
    # words that qualify one thing, and the end of a longer list, are no pair
    assert named_items("Что даёт генерация типов и контрактов?", RU) == []
    assert named_items("Какой подход вы считаете безопасным и практичным?", RU) == []
    assert named_items("Что добавить помимо Vue, TypeScript и роутера?", RU) == []


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet="абвгдеклмнопрстabcdefgh ,.", min_size=1, max_size=80))
def test_a_whole_answer_never_exceeds_what_a_back_holds(filler: str) -> None:
    text = f"# X\n\n## Что такое Vite и зачем он нужен?\n\nVite — это сборщик.\n\n{filler}\n"
    for card in _cards(text, "ru").values():
        assert len(card.back.split()) <= 60 + 8 or card.confidence < 0.5


def test_a_difference_of_three_is_answered_by_each_ones_first_sentence_ru() -> None:
    text = (
        "# Разница между span, em и strong\n\n---\n\n"
        "**span** - строчный контейнер без смысла. Используется для оформления.\n\n"
        "**em** - выделение ударением. Читалки произносят его с нажимом.\n\n"
        "**strong** - важный текст. Браузер по умолчанию делает его жирным.\n\n"
        "---\n\n- [Вопросы по HTML](HTML.md)\n"
    )
    card = _cards(text, "ru")["В чём разница между span, em и strong?"]
    assert card.confidence >= 0.5
    assert card.back.splitlines() == [
        "- span - строчный контейнер без смысла.",
        "- em - выделение ударением.",
        "- strong - важный текст.",
    ]


def test_sections_per_thing_answer_when_to_use_which_ru() -> None:
    text = (
        "# Когда использовать setTimeout и requestAnimationFrame?\n\n## Ответ\n\n"
        "### setTimeout\n\nПодходит для отложенной работы, не связанной с отрисовкой.\n\n"
        "Особенности:\n\n- минимальная задержка не гарантирована;\n- работает в фоне.\n\n"
        "### requestAnimationFrame\n\nПодходит для анимации: колбэк вызывается перед кадром.\n\n"
        "```js\nrequestAnimationFrame(draw);\n```\n" + "\nДлинное пояснение про кадры. " * 20
    )
    card = _cards(text, "ru")["Когда использовать setTimeout и requestAnimationFrame?"]
    assert card.back.splitlines() == [
        "- setTimeout: Подходит для отложенной работы, не связанной с отрисовкой.",
        "- requestAnimationFrame: Подходит для анимации: колбэк вызывается перед кадром.",
    ]


def test_a_difference_with_a_paragraph_per_side_en() -> None:
    text = (
        "# How does a process differ from a thread?\n\n"
        "Both run code, and people mix them up.\n\n"
        "A process owns its memory, file handles and at least one thread.\n\n"
        + "Scheduling details follow in the next lecture, with examples. " * 8
        + "\n\nA thread shares the memory of its process with the other threads.\n"
    )
    card = _cards(text, "en")["How does a process differ from a thread?"]
    assert card.back.splitlines() == [
        "- A process owns its memory, file handles and at least one thread.",
        "- A thread shares the memory of its process with the other threads.",
    ]


def test_no_per_item_answer_when_one_thing_has_no_part() -> None:
    text = (
        "# Чем отличаются тесты от мониторинга?\n\n## Ответ\n\n"
        "Их часто путают на собеседованиях.\n\n"
        "Тесты проверяют известные сценарии до релиза.\n\n"
        + "Это важно, потому что регрессии дорого стоят в продакшене. " * 8
        + "\n"
    )
    assert "Чем отличаются тесты от мониторинга?" not in _cards(text, "ru")


def test_a_question_without_a_whole_answer_is_not_asked_by_another_extractor() -> None:
    en = (
        "# Queues\n\n## Why use a message queue?\n\n"
        "Imagine you're building a shop where orders arrive faster than you ship them.\n\n"
        "Orders pile up at the door.\n"
    )
    ru = (
        "# Память\n\n## Как избежать утечки памяти в замыкании?\n\n"
        "Утечка возникает, когда замыкание держит ссылку на большой объект.\n"
    )
    for text, lang, front in (
        (en, "en", "Why use a message queue?"),
        (ru, "ru", "Как избежать утечки памяти в замыкании?"),
    ):
        cards = extract_cards(note_from_text(text, lang=lang))
        assert all(c.front != front for c in cards), [c.front for c in cards]


def test_a_part_that_only_announces_a_list_or_names_both_is_no_ones_answer() -> None:
    announces = (
        "# Чем Vite отличается от Webpack?\n\nИх часто сравнивают.\n\n"
        "Vite отдаёт модули браузеру по запросу, без сборки.\n\n"
        "Webpack собирает:\n\n- модули;\n- стили;\n- картинки.\n\n"
        + "Подробности в документации обоих проектов. " * 10
        + "\n"
    )
    assert "Чем Vite отличается от Webpack?" not in _cards(announces, "ru")
    both = (
        "# How does TCP differ from UDP?\n\nTCP and UDP both carry data.\n\n"
        "TCP and UDP sit on top of IP.\n\n"
        "UDP sends datagrams without a handshake or retries.\n\n"
        "TCP opens a connection and resends what was lost.\n"
    )
    back = _back(both, "en", "How does TCP differ from UDP?")
    assert back is not None and back.splitlines()[1:] == [
        "- TCP opens a connection and resends what was lost.",
        "- UDP sends datagrams without a handshake or retries.",
    ]


def test_counted_paragraphs_answer_past_the_lists_between_them_ru() -> None:
    text = (
        "# Как проверить, что код соответствует архитектуре?\n\n## Ответ\n\n"
        "Обычно проверяют несколько вещей.\n\n"
        "Во-первых, структуру файлов:\n\n"
        "- где лежит компонент;\n- к какому модулю он относится.\n\n"
        "Во-вторых, границы слоёв.\n\nНапример:\n\n- UI не ходит в API напрямую.\n\n"
        "В-третьих, повторное использование общих решений.\n"
    )
    back = _back(text, "ru", "Как проверить, что код соответствует архитектуре?")
    assert back is not None and back.splitlines() == [
        "Обычно проверяют несколько вещей.",
        "- Во-первых, структуру файлов",
        "- Во-вторых, границы слоёв",
        "- В-третьих, повторное использование общих решений",
    ]


def test_counted_paragraphs_answer_past_the_lists_between_them_en() -> None:
    text = (
        "# How do you review a pull request?\n\n"
        "There are several things to check.\n\n"
        "First, the design:\n\n- does the change belong here;\n- does it fit the layers.\n\n"
        "Second, the tests.\n\n```\npytest -q\n```\n\n"
        "Third, the names and the comments.\n"
    )
    back = _back(text, "en", "How do you review a pull request?")
    assert back is not None and back.splitlines() == [
        "There are several things to check.",
        "- First, the design",
        "- Second, the tests",
        "- Third, the names and the comments",
    ]


def test_a_run_of_paragraphs_ends_where_a_new_lead_in_starts() -> None:
    text = (
        "# Какие ошибки допускают при работе с реактивностью?\n\n"
        "Есть несколько типичных ошибок.\n\n"
        "Первая — мутация props. Props только для чтения.\n\n"
        "Вторая — потеря реактивности при деструктуризации.\n\n"
        "Лучшей практикой считается:\n\n- держать вычисления в computed.\n"
    )
    back = _back(text, "ru", "Какие ошибки допускают при работе с реактивностью?")
    assert back is not None and back.splitlines() == [
        "Есть несколько типичных ошибок.",
        "- Первая — мутация props",
        "- Вторая — потеря реактивности при деструктуризации",
    ]


def test_a_short_lead_in_that_announces_the_answer_is_no_part_label() -> None:
    ru = (
        "# Как понять, что компонент слишком большой?\n\n## Ответ\n\n"
        "Есть несколько признаков:\n\n- больше 400 строк;\n- несколько сценариев;\n"
        "- много watchers.\n"
    )
    back = _back(ru, "ru", "Как понять, что компонент слишком большой?")
    assert back is not None and back.splitlines()[0] == "Есть несколько признаков:"
    en = "# What makes a test flaky?\n\nSome signs:\n\n- it sleeps;\n- it shares state.\n"
    back = _back(en, "en", "What makes a test flaky?")
    assert back is not None and back.splitlines() == [
        "Some signs:",
        "- it sleeps;",
        "- it shares state.",
    ]


def test_pictograph_markers_leave_list_items() -> None:
    text = (
        "# Что такое Vite\n\nVite — это инструмент, который совмещает в себе:\n\n"
        "1. 🚀 **сервер разработки** с горячей заменой модулей\n"
        "2. 📦 **сборщик** для продакшена\n"
    )
    back = _back(text, "ru", "Что такое Vite?")
    assert back is not None and back.splitlines()[1:] == [
        "- сервер разработки с горячей заменой модулей",
        "- сборщик для продакшена",
    ]


def test_names_in_latin_letters_are_matched_whole() -> None:
    text = (
        "# Когда использовать watch и watchEffect?\n\n"
        "### watchEffect\n\nСам собирает зависимости при первом запуске.\n\n"
        "### watch\n\nСледит за явно указанным источником и даёт старое значение.\n\n"
        + "Дальше длинный пример с формой и запросами. " * 10
        + "\n"
    )
    back = _back(text, "ru", "Когда использовать watch и watchEffect?")
    assert back is not None and back.splitlines() == [
        "- watch: Следит за явно указанным источником и даёт старое значение.",
        "- watchEffect: Сам собирает зависимости при первом запуске.",
    ]


def test_main_differences_name_their_sides() -> None:
    from notecards.extractors.coverage import sides_of

    assert sides_of("В чём основные отличия Pinia от Vuex?", RU) == ("Pinia", "Vuex")
    assert sides_of("Чем отличаются тесты от мониторинга?", RU) == ("тесты", "мониторинга")


def test_cited_sources_and_link_lists_are_no_part_of_an_answer() -> None:
    text = (
        "# Память\n\n## GC тормозит выполнение?\n\n"
        "Иногда сборка вызывает **короткие паузы**, но движки их сокращают. "
        "[Википедия](https://en.wikipedia.org/wiki/Garbage_collection)\n\n"
        "## Что происходит при запросе страницы?\n\n"
        "- https://t.me/channel/1355\n- [Как работают браузеры](https://developer.mozilla.org/)\n\n"
        "Браузер находит IP по имени, открывает соединение и отправляет HTTP-запрос.\n"
    )
    cards = _cards(text, "ru")
    assert cards["Память: GC тормозит выполнение?"].back == (
        "Иногда сборка вызывает короткие паузы, но движки их сокращают."
    )
    front = "Память: что происходит при запросе страницы?"  # asked within the note (h18-subject)
    assert cards[front].back.startswith("Браузер находит IP")
    en = (
        "# Caching\n\n## What is a cache?\n\n"
        "A cache keeps copies of responses so repeated requests skip the server. "
        "([AWS](https://aws.amazon.com/caching/)), ([MDN](https://developer.mozilla.org/))\n"
    )
    assert _back(en, "en", "What is a cache?") == (
        "A cache keeps copies of responses so repeated requests skip the server."
    )


def test_labels_of_a_list_answer_only_a_question_that_asks_for_members() -> None:
    items = "".join(
        f"- **{label}** {'слово ' * 30}конец.\n"
        for label in ("Определение", "Ключевые свойства", "Бытовой пример", "История")
        for _ in range(2)
    )
    what = f"# Алгоритмы\n\n## Что такое алгоритм простыми словами?\n\n{items}"
    assert "Что такое алгоритм простыми словами?" not in _cards(what, "ru")
    hooks = "".join(f"- **{h}()** — {'описание хука ' * 12}конец.\n" for h in HOOKS)
    which = f"# React\n\n## Какие хуки есть в React?\n\n{hooks}"
    assert _back(which, "ru", "Какие хуки есть в React?") == "\n".join(f"- {h}()" for h in HOOKS)


HOOKS = ("useState", "useMemo", "useEffect", "useRef", "useContext", "useReducer", "useId")


def test_code_under_a_lead_in_does_not_explain_what_something_means() -> None:
    text = (
        "# WeakMap\n\n## Что значит слабая ссылка?\n\n"
        "Если добавить объект в WeakMap:\n\n```js\nwm.set(obj, 1);\nobj = null;\n```\n"
    )
    assert "Что значит слабая ссылка?" not in _cards(text, "ru")
    en = (
        "# WeakMap\n\n## Why is a WeakMap key held weakly?\n\n"
        "If you add an object to a WeakMap:\n\n```js\nwm.set(obj, 1);\nobj = null;\n```\n"
    )
    assert "Why is a WeakMap key held weakly?" not in _cards(en, "en")


def test_a_one_sentence_opening_takes_the_counted_points_it_heads_ru() -> None:
    text = (
        "# Какие издержки появляются при SSR?\n\n## Ответ\n\n"
        "SSR увеличивает сложность системы.\n\n"
        "Во-первых, появляется серверный runtime.\n\n"
        "Во-вторых, усложняется деплой:\n\n- гибридное приложение;\n"
        "- больше точек отказа, которые нужно наблюдать и чинить.\n\n"
        "В-третьих, возникают сложности с:\n\n- кешированием;\n- hydration.\n"
    )
    back = _back(text, "ru", "Какие издержки появляются при SSR?")
    assert back is not None and back.splitlines() == [
        "SSR увеличивает сложность системы.",
        "- Во-первых, появляется серверный runtime",
        "- Во-вторых, усложняется деплой",
        "- В-третьих, возникают сложности с кешированием, hydration",
    ]


def test_a_one_sentence_opening_takes_a_labelled_list_after_it_en() -> None:
    text = (
        "# How do you phrase review comments?\n\n"
        "I try to phrase them constructively.\n\n"
        "Usually I:\n\n- explain the problem;\n- suggest a fix;\n- say why it matters.\n\n"
        "> An example comment that is not part of the answer.\n"
    )
    back = _back(text, "en", "How do you phrase review comments?")
    assert back is not None and back.splitlines() == [
        "I try to phrase them constructively.",
        "Usually I:",
        "- explain the problem;",
        "- suggest a fix;",
        "- say why it matters.",
    ]


def test_an_opening_that_answers_at_length_takes_nothing_more() -> None:
    text = (
        "# Why is deep watch expensive?\n\n"
        "A deep watcher walks the whole object on every change, so a large state costs "
        "a full traversal each time, and every nested property it reads becomes one more "
        "dependency to track.\n\n"
        "First, a note.\n\nSecond, another note.\n"
    )
    back = _back(text, "en", "Why is deep watch expensive?")
    assert back is not None and "\n" not in back


def test_an_opening_that_counts_what_follows_is_a_lead_in() -> None:
    ru = (
        "# Что даёт генерация типов?\n\n"
        "Типизированные контракты дают несколько важных преимуществ.\n\n"
        "Первое — безопасность при разработке.\n\nВторое — быстрая разработка.\n"
    )
    back = _back(ru, "ru", "Что даёт генерация типов?")
    assert back is not None and back.splitlines() == [
        "Типизированные контракты дают несколько важных преимуществ.",
        "- Первое — безопасность при разработке",
        "- Второе — быстрая разработка",
    ]
    pointer = (
        "# Какой стек выбрать для нового проекта?\n\n"
        "Выбор зависит от проекта, но для типичного веб-приложения я бы предложил "
        "следующий базовый стек.\n\n"
        + "Vue 3 как основной фреймворк, потому что он даёт баланс простоты и мощности. " * 3
        + "\n"
    )
    assert "Какой стек выбрать для нового проекта?" not in _cards(pointer, "ru")
    en = (
        "# What does contract generation give a team?\n\n"
        "Typed contracts bring several benefits.\n\n"
        "- safety while refactoring\n- faster development\n- fewer runtime errors\n"
    )
    back = _back(en, "en", "What does contract generation give a team?")
    assert back is not None and back.splitlines()[1:] == [
        "- safety while refactoring",
        "- faster development",
        "- fewer runtime errors",
    ]


LONG = "подробное пояснение с примерами и оговорками " * 4


def test_a_lone_condition_heads_the_list_that_says_what_then_ru() -> None:
    text = (
        "# Почему редьюсеры — чистые функции?\n\n----\n\nЕсли редьюсер будет нечистым\n\n"
        f"- Нарушится предсказуемость состояния ({LONG})\n"
        f"- Перестанет работать time-travel debugging ({LONG})\n\n"
        "- [Вопросы по Redux](redux.md)\n"
    )
    back = _back(text, "ru", "Почему редьюсеры — чистые функции?")
    assert back is not None and back.splitlines() == [
        "Если редьюсер будет нечистым",
        "- Нарушится предсказуемость состояния",
        "- Перестанет работать time-travel debugging",
    ]


def test_a_lone_condition_heads_the_list_that_says_what_then_en() -> None:
    text = (
        "# Why must reducers be pure?\n\nIf a reducer is impure\n\n"
        "- state stops being predictable\n- time-travel debugging breaks\n"
    )
    back = _back(text, "en", "Why must reducers be pure?")
    assert back is not None and back.splitlines() == [
        "If a reducer is impure",
        "- state stops being predictable",
        "- time-travel debugging breaks",
    ]


def test_a_two_sentence_opening_takes_the_counted_points_it_heads() -> None:
    text = (
        "# Какие части системы требуют миграции?\n\n"
        "Компоненты — только вершина айсберга. Затрагиваются и другие слои.\n\n"
        "Во-первых, state management. Его часто переводят на Pinia.\n\n"
        "Во-вторых, переиспользуемая логика. Mixins переписывают.\n"
    )
    back = _back(text, "ru", "Какие части системы требуют миграции?")
    assert back is not None and back.splitlines()[1:] == [
        "- Во-первых, state management",
        "- Во-вторых, переиспользуемая логика",
    ]


def test_a_list_that_only_names_the_sides_does_not_replace_the_opening() -> None:
    ru = (
        "# Nuxt vs Vue\n\nNuxt — это мета-фреймворк поверх Vue с SSR и файловым роутингом. "
        "Vue сам по себе — это UI-фреймворк.\n\n## Уровень абстракции\n\n"
        "- **Vue**\n"
        + "  - отвечает за UI и реактивность\n" * 6
        + "- **Nuxt**\n"
        + "  - даёт скелет приложения и готовые решения\n" * 6
    )
    back = _back(ru, "ru", "Чем отличаются Nuxt и Vue?")
    assert back is not None and back.startswith("Nuxt — это мета-фреймворк")
    en = (
        "# TCP vs UDP\n\nTCP keeps a connection and resends lost data; UDP sends datagrams "
        "and forgets them.\n\n"
        "- **TCP**\n"
        + "  - ordered, reliable delivery\n" * 6
        + "- **UDP**\n"
        + "  - no handshake, no retries\n" * 6
    )
    back = _back(en, "en", "What is the difference between TCP and UDP?")
    assert back is not None and back.startswith("TCP keeps a connection")
