"""What a strict blind reader dropped among definitions and reversals (issue 11, session 6):
Russian agreement in "Как называется …?", reversals whose answer is not a term or whose
description is not one noun phrase, backs that are not definitions, terms that are not
terms, and English fronts that miss their article."""

from __future__ import annotations

from conftest import cards_from, note_from_text
from notecards.extractors.base import ExtractContext
from notecards.extractors.definitions import extract_definitions
from notecards.model import DEFAULT_MIN_CONFIDENCE, Card


def _kept(text: str, lang: str, name: str = "Заметка.md") -> dict[str, Card]:
    """The definition cards a deck would get, by front."""
    note = note_from_text(text, lang=lang, name=name)
    cards = extract_definitions(note, ExtractContext(note))
    return {c.front: c for c in cards if c.confidence >= DEFAULT_MIN_CONFIDENCE}


def _reverses(text: str, lang: str, name: str = "Заметка.md") -> dict[str, str]:
    return {f: c.back for f, c in _kept(text, lang, name).items() if c.kind == "term"}


# ---------------------------------------------------------------- 1. agreement


def test_a_plural_description_asks_kak_nazyvayutsya():
    reverses = _reverses(
        "**Указатели** — это переменные, которые хранят адрес другого значения в памяти.\n",
        "ru",
    )
    assert reverses == {
        "Как называются переменные, которые хранят адрес другого значения в памяти?": ("указатели")
    }


def test_a_plural_compound_and_an_adjective_first_agree_too():
    reverses = _reverses(
        "**Чистые функции** — это простые функции, которые не меняют ничего вне себя.\n\n"
        "**Вебхуки** — это HTTP-запросы, которые сервис отправляет при наступлении события.\n",
        "ru",
    )
    assert set(reverses) == {
        "Как называются простые функции, которые не меняют ничего вне себя?",
        "Как называются HTTP-запросы, которые сервис отправляет при наступлении события?",
    }


def test_a_singular_description_keeps_kak_nazyvaetsya():
    reverses = _reverses(
        "**Замыкание** — это функция, которая запоминает переменные внешней области.\n", "ru"
    )
    assert list(reverses) == [
        "Как называется функция, которая запоминает переменные внешней области?"
    ]


# ---------------------------------------------------------------- 2. reversals


def test_a_reversal_answers_with_the_term_not_its_context():
    ru = _reverses(
        "**Указатели в Go** — это переменные, которые хранят адрес другого значения в памяти.\n",
        "ru",
    )
    assert list(ru.values()) == ["Указатели"]
    en = _reverses(
        "A **suite in Python** is a group of statements that make one block of code together.\n",
        "en",
        "Python.md",
    )
    assert set(en.values()) == {"suite"}
    lowercase = _reverses(
        "**Learning in context** is the ability of a large model to pick up a task from the "
        "examples given in its prompt.\n",
        "en",
        "Models.md",
    )
    assert set(lowercase.values()) == {"Learning in context"}  # a term of its own


def test_a_reversal_answer_is_a_term_not_a_gerund_or_an_adjective_phrase():
    assert not _reverses(
        "**Maximising the reward** is the goal that an agent pursues in reinforcement learning.\n",
        "en",
        "RL.md",
    )
    assert not _reverses(
        "**Fundamental to learning** is the idea that every agent improves from its errors.\n",
        "en",
        "RL.md",
    )
    assert not _reverses(
        "**Правильная мысль** — это решение, которое команда приняла после долгого спора.\n",
        "ru",
    )


def test_a_reversal_description_is_one_noun_phrase_that_names_its_term():
    for text in (
        "A **complete tree** is one in which every level except the last is full of nodes.\n",
        "The **value estimate** is the estimate the value function gives for a state.\n",
        "A **flag bit** is a bit that marks the special values of the status register 1.\n",
        "A **contract** is an obligation of a class, e.g. what it is expected to provide.\n",
        "**VivaPro** is a Qt application that lets us configure the detector of the lab.\n",
        "A **repository** is a store of information about a crime scene (see here).\n",
    ):
        assert not _reverses(text, "en", "Notes.md"), text
    for text in (
        "**Свёртка** — это операция, которую мы применяем к изображению и ядру фильтра.\n",
        "**Хеш** — это значение, например число, которое функция вычисляет по ключу.\n",
    ):
        assert not _reverses(text, "ru"), text
    kept = _reverses(
        "A **unit vector** is a vector that has a magnitude of exactly one in its space.\n",
        "en",
        "Vectors.md",
    )
    assert list(kept.values()) == ["unit vector"]


# ---------------------------------------------------------------- 3. not definitions


def test_a_back_that_is_about_the_term_or_leans_elsewhere_is_no_definition():
    for text in (
        "**ACID** — это про гарантии транзакций в базе данных.\n",
        "**BASE** — это тоже набор свойств распределённой базы данных.\n",
        "**ACID** — это гарантии транзакций, а CAP — это свойства распределённых систем.\n",
        "**Ответ** — это неправильно.\n",
        "**Поле name в манифесте** — это обязательное.\n",  # one word that is no noun
    ):
        assert not _kept(text, "ru"), text
    for text in (
        "**ACID**: about the guarantees a transaction gets from the database.\n",
        "**BASE** is a set of properties of a distributed database too.\n",
        "**Polling** is a way to get updates, while push is a way to send them.\n",
        "**Answer**: wrong.\n",
    ):
        assert not _kept(text, "en", "Databases.md"), text


def test_a_term_that_is_an_evaluation_a_contrast_examples_or_a_label_is_no_term():
    for text in (
        "**Отличный список** — это список из трёх пунктов про протоколы.\n",
        "**Самая важная часть HTTP** — это заголовки запроса и ответа.\n",
        "**SQL против NoSQL** — это спор о схемах хранения данных.\n",
        "**vite + vitest** — это связка для сборки и тестов одного проекта.\n",
        "**Примеры баз данных SQL** — это PostgreSQL, MySQL и SQLite.\n",
        "**Проблема** — это то, что сервер отвечает медленно.\n",
    ):
        assert not _kept(text, "ru"), text
    for text in (
        "A **great example** is a server that caches every answer for an hour.\n",
        "**REST vs GraphQL** is a debate about the shape of an API.\n",
        "**Examples of SQL databases** are the systems PostgreSQL and MySQL.\n",
        "**Problem**: the server answers slowly under load.\n",
    ):
        assert not _kept(text, "en", "Databases.md"), text
    named = _kept("**Bad Request** is the status a server sends for a malformed request.\n", "en")
    assert "What is Bad Request?" in named  # a name in title case stays a term


def test_a_back_that_only_expands_an_acronym_asks_what_it_stands_for():
    # (a long acronym names one thing: a short code such as "A11y" would need a subject)
    ru = _kept("**WCAG** — это сокращение от Web Content Accessibility Guidelines.\n", "ru")
    assert ru["Как расшифровывается WCAG?"].back == "Web Content Accessibility Guidelines"
    assert ru["Как расшифровывается WCAG?"].rule == "definitions.stands-for"
    assert not any(front.startswith("Что такое") for front in ru)
    en = _kept("**HTML**: short for HyperText Markup Language.\n", "en")
    assert en["What does HTML stand for?"].back == "HyperText Markup Language"


# ---------------------------------------------------------------- 4. English articles


def test_a_count_noun_term_gets_its_article():
    note = note_from_text(
        "**const keyword**: a qualifier that makes a variable read-only after it is set.\n\n"
        "**Hash Table**: a structure that maps keys to values through a hash function.\n\n"
        "**Local Variables**: variables declared inside a function body, visible only there.\n",
        lang="en",
        name="C.md",
    )
    fronts = {c.front for c in extract_definitions(note, ExtractContext(note))}
    endings = ("is the const keyword?", "is a hash table?", "are local variables?")
    assert all(any(f.endswith(end) for f in fronts) for end in endings), fronts


def test_as_asked_keeps_names_and_single_words():
    from notecards.lang import PACKS

    as_asked = PACKS["en"].as_asked
    assert as_asked("#include statement") == "the #include statement"
    assert as_asked("for loop") == "a for loop"
    assert as_asked("printf() function") == "the printf() function"
    assert as_asked("hash function") == "a hash function"
    assert as_asked("depth of a node") == "the depth of a node"  # "X of Y": the X
    assert as_asked("types of data") == "types of data"
    assert as_asked("1's complement of a number") == "1's complement of a number"
    assert as_asked("Higher-order function") == "a higher-order function"  # sentence start
    assert as_asked("Decomposition of a function") == "the decomposition of a function"
    assert as_asked("Linux command") == "a Linux command"  # one of a platform's kind
    assert as_asked("HTML tag") == "an HTML tag"
    assert as_asked("Python function") == "a Python function"  # a name keeps its capital
    assert as_asked("Timing Operations") == "timing operations"
    assert as_asked("Domain Name System") == "Domain Name System"
    assert as_asked("HTTP Header") == "HTTP Header"
    assert as_asked("cookie") == "cookie"
    assert as_asked("the const keyword") == "the const keyword"
    assert PACKS["ru"].as_asked("ключевое слово const") == "ключевое слово const"


def test_headings_and_purposes_ask_the_term_with_its_article():
    """`as_asked` is the one seam every English "What is X" template goes through."""
    purposes = cards_from(
        "purposes",
        "The **#include statement** is used to copy a header file into the source file.",
        lang="en",
    )
    assert [c.front for c in purposes] == ["What is the #include statement used for?"]
    headings = cards_from(
        "headings",
        "# C basics\n\n## Local Variables\n\n"
        "Local Variables are variables declared inside a function body.\n",
        lang="en",
    )
    assert [c.front for c in headings] == ["What are local variables?"]


def test_a_back_that_is_a_predicate_or_stops_mid_thought_is_no_definition():
    for text in (
        "**Object Environment Record** — связан с глобальным объектом и хранит привязки.\n",
        "**persist()** — вызвать метод у хранилища, чтобы данные не пропали.\n",
        "**JWT** — это лишь строка в формате header.payload.signature.\n",
    ):
        assert not _kept(text, "ru"), text
    cut = "**Prompt engineering** is the skill of crafting effective inputs (prompts) to.\n"
    assert not _kept(cut, "en", "LLM.md")
    stranded = _kept(
        "The **I/O space** is the memory space that the hardware peripherals exist in.\n",
        "en",
        "Hardware.md",
    )
    assert any(f.endswith("what is the I/O space?") for f in stranded)  # stranded: no cut
    adverb = _reverses(
        "**Pinia** является официально рекомендуемым решением для управления состоянием "
        "во Vue 3.\n",
        "ru",
        "Vue.md",
    )
    assert list(adverb.values()) == ["Pinia"]  # an adverb before a participle: a noun phrase


def test_a_reversal_description_with_a_second_clause_or_a_comparison_is_not_asked_back():
    for text in (
        "A **thread's priority** is an integer value, and can either be negative or not.\n",
        "A **GPU** is the same as a DSP but on steroids for every graphics workload.\n",
        "**Redirection** is a feature of the operating system, not C, that moves output.\n",
    ):
        assert not _reverses(text, "en", "OS.md"), text
    forward = _kept(
        "A **thread's priority** is an integer value, and can either be negative or not.\n",
        "en",
        "OS.md",
    )
    assert forward  # the definition itself answers its question
    assert not _reverses(
        "**Map** — это коллекция ключ/значение, как и Object, но с ключами любого типа.\n", "ru"
    )


def test_a_reversal_answers_in_the_nominative():
    assert not _reverses(
        "**Локализуемыми элементами** — это поля манифеста, которые браузер переводит на "
        "язык пользователя при установке приложения.\n",
        "ru",
    )
    note = note_from_text(
        "Функции, которые находятся в свойствах объекта, называются методами объекта.\n",
        lang="ru",
        name="JavaScript.md",
    )
    (named,) = extract_definitions(note, ExtractContext(note))
    assert named.back == "методами объекта"  # "называются …" keeps the note's case
    assert named.evidence.startswith("pattern named")  # not refused as no term


def test_a_reversal_needs_a_description_that_says_more_than_its_genus():
    for text in (
        "**Kafka** is a distributed message broker that works by pub-sub.\n",
        "A **state** is a high-level concept of how a thing behaves.\n",
    ):
        assert not _reverses(text, "en", "Systems.md"), text
    assert not _reverses("**Очередь задач** — это набор (set) задач браузера.\n", "ru")
    assert _reverses(
        "A **unit vector** is a vector that has a magnitude of 1 in its own space.\n",
        "en",
        "Vectors.md",
    )  # a number narrows it
    assert _reverses(
        "**WebSocket** — это постоянное двустороннее соединение между клиентом и сервером.\n",
        "ru",
        "Сети.md",
    )


def test_distinguishing_counts_what_the_description_adds_to_its_genus():
    from notecards.extractors.definitions import distinguishing
    from notecards.lang import PACKS

    en = PACKS["en"]
    assert distinguishing("a sequence of bytes", en) == 1
    assert distinguishing("a distributed message broker that works by pub-sub", en) == 2
    assert distinguishing("a centralized catalogue of Python packages", en) == 3.5
    assert distinguishing("a vector that has a magnitude of 1", en) == 3


def test_a_quantified_term_or_a_back_that_announces_a_list_is_no_definition():
    for text in (
        "**Any interfaces to the platform** are an integral part of the platform.\n",
        "**Portability** is the effort required to move a program and comes in two parts.\n",
        "**Observable** is an abstract class; Observer is an interface of the pattern.\n",
    ):
        assert not _kept(text, "en", "Design.md"), text
    for text in (
        "**Любые интерфейсы платформы** — это неотъемлемая часть платформы.\n",
        "**Эффективность** — это затраты ресурсов на работу программы, бывает двух типов.\n",
    ):
        assert not _kept(text, "ru"), text


def test_a_back_of_latex_source_or_cut_at_a_relative_word_is_no_definition():
    formula = "**Ядро Дирихле** — это функция $$D_n(u) = \\frac{1}{2} + \\sum_k \\cos ku$$.\n"
    assert not _kept(formula, "ru", "Ряды.md")
    cut = "**Значение ссылочного типа** — это комбинация из трёх значений (base, name), где\n"
    assert not _kept(cut, "ru")
    assert not _kept("A **triplet** is a combination of three values (a, b, c), where\n", "en")


def test_a_lead_whose_back_says_what_the_term_does_asks_what_it_does():
    en = _kept(
        "- **must_use**: Generates a lint for unused values\n"
        "- **recursion_limit**: Sets the maximum recursion limit for compile-time work\n",
        "en",
        "Rust attributes.md",
    )
    # one tool's identifiers are asked within its subject (h18-subject, carries_topic)
    assert (
        en["Rust attributes: what does must_use do?"].back == "Generates a lint for unused values"
    )
    assert "Rust attributes: what does recursion_limit do?" in en
    assert all(c.kind == "definition" for c in en.values())  # never asked back
    ru = _kept("- `EnvironmentRecord` — хранит привязки для var и function.\n", "ru")
    assert list(ru) == ["Что делает EnvironmentRecord?"]
    for text in (
        "- `HTMLElement` — является базовым классом для всех HTML-элементов.\n",  # a copula
        "- `for/of` — используется для обхода итерируемых объектов.\n",  # what it is for
        "- `Env` — настройте публичные и приватные ключи отдельно.\n",  # an order
    ):
        assert not any(f.startswith("Что делает") for f in _kept(text, "ru")), text
    status = _kept("- **status**: the state of the process at a given time\n", "en", "OS.md")
    assert not any("do?" in front for front in status)  # "status" is no verb


def test_a_reversal_asks_in_the_language_of_its_description():
    english = "- `preventExtensions()` — restrict adding new properties, allows change and delete\n"
    assert not _reverses(english, "ru", "Объекты.md")
    pointer = (
        "**Garbage collection** is a background process that frees blocks of a drive, "
        "below are the steps of it.\n"
    )
    assert not _kept(pointer, "en", "Drives.md")
    whereas = "The **label** is the most vulnerable part, whereas the polycarbonate is not.\n"
    assert not _kept(whereas, "en", "CD.md")


def test_a_plural_lead_is_asked_with_are_and_a_relative_clause_is_no_verb() -> None:
    note = note_from_text("**React hooks**: functions that let components keep state.\n", lang="en")
    fronts = [c.front for c in extract_definitions(note, ExtractContext(note))]
    assert "What are React hooks?" in fronts and "What is React hooks?" not in fronts
    keys = _kept("**Primary keys**: keys that identify the rows of a table.\n", "en", "Keys.md")
    assert not any(front.startswith("What does") for front in keys)
