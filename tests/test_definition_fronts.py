"""Definition and reversal fronts a strict blind reader found garbled (issue 11, session 7):
a back that only judges its term, a term that is an activity, an inverted copula, a
reversal whose description is a clause or fits a whole category, "the term for the
general term for …", and words of the sentence left on a term ("X itself")."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import note_from_text
from notecards.extractors.base import ExtractContext
from notecards.extractors.definitions import extract_definitions
from notecards.model import DEFAULT_MIN_CONFIDENCE, Card

NOTES = Path(__file__).parent / "notes" / "definition_fronts"


def _kept(text: str, lang: str, name: str = "Заметка.md") -> dict[str, Card]:
    """The definition cards a deck would get, by front."""
    note = note_from_text(text, lang=lang, name=name)
    cards = extract_definitions(note, ExtractContext(note))
    return {c.front: c for c in cards if c.confidence >= DEFAULT_MIN_CONFIDENCE}


def _asked(text: str, lang: str, name: str = "Заметка.md") -> str:
    """Every front a deck would get, lowered and joined: what the deck asks about."""
    return " | ".join(_kept(text, lang, name)).lower()


def _reverses(text: str, lang: str, name: str = "Заметка.md") -> dict[str, str]:
    return {f: c.back for f, c in _kept(text, lang, name).items() if c.kind == "term"}


# ---------------------------------------------------------------- 1. evaluations


def test_an_evaluative_back_is_no_definition_in_english():
    judged = (
        "**Regular expressions** are a bit more tricky than plain string methods.\n\n"
        "**Gradient clipping** is a very important idea for training recurrent networks.\n\n"
        "**Cyber security** is the main focus of companies in recent years.\n\n"
        "**WAV** is the best format for sound effects in a game engine.\n\n"
        "**WebAssembly** is the future of computing.\n"
    )
    assert _kept(judged, "en", "Training.md") == {}
    genus = "**Gradient clipping** is a technique that rescales every gradient above a set norm.\n"
    assert "what is gradient clipping?" in _asked(genus, "en", "Training.md")
    said = "**Ahimsa** is a fundamental concept in Indian philosophy that translates to non-harm.\n"
    assert "what is ahimsa?" in _asked(said, "en", "Philosophy.md")  # the clause says what


def test_an_evaluative_back_is_no_definition_in_russian():
    judged = (
        "**Индексы** — это важная вещь для любой базы данных.\n\n"
        "**Нормализация** — это очень полезный навык проектировщика схем.\n\n"
        "**EXPLAIN** — это лучший способ понять план запроса.\n\n"
        "**Денормализация** — это сложно.\n"
    )
    assert _kept(judged, "ru", "Базы данных.md") == {}
    genus = "**Индекс** — это структура данных, которая ускоряет поиск строк по значению.\n"
    assert "что такое индекс?" in _asked(genus, "ru", "Базы данных.md")


# ---------------------------------------------------------------- 2. activities


def test_a_gerund_with_its_object_is_an_activity_not_a_term():
    activities = (
        "**Converting numeric types to strings** is a task that every parser must solve.\n\n"
        "**Handling specific errors** is a practice that keeps a program from crashing.\n\n"
        "**Providing security** is a monotonous job that machine learning can streamline.\n"
    )
    assert _kept(activities, "en", "Training.md") == {}
    terms = (
        "**Load balancing** is the distribution of requests across several servers.\n\n"
        "**Learning rate** is a hyperparameter that scales each step of gradient descent.\n\n"
        "**Routing protocols** are the rules by which routers exchange reachability data.\n"
    )
    asked = _asked(terms, "en", "Distributed training.md")
    meant = "**Choosing an orientation** means picking a unit normal at every point smoothly.\n"
    assert "what does choosing an orientation mean?" in _asked(meant, "en", "Surfaces.md")
    assert all(t in asked for t in ("load balancing?", "learning rate?", "routing protocols?"))


def test_knowing_or_using_something_is_no_term_in_russian():
    activities = (
        "Умение читать планы запросов — это навык, который отличает опытного разработчика.\n\n"
        "Использование индексов — это способ ускорить чтение ценой более медленной записи.\n\n"
        "Понимание различий между типами соединений — это требование к каждому аналитику "
        "данных в команде.\n"
    )
    assert _kept(activities, "ru", "Базы данных.md") == {}
    term = (
        "**Внедрение зависимостей** — это передача объекту его зависимостей извне вместо "
        "создания их внутри.\n"
    )
    assert "что такое внедрение зависимостей?" in _asked(term, "ru", "Архитектура.md")


# ---------------------------------------------------------------- 3. inverted copula


def test_an_inverted_copula_gives_no_card():
    english = (
        "Fundamental to autodiff is the decomposition of a function into elementary "
        "operations.\n\nKey to the approach is the chain rule applied to every node.\n"
    )
    assert _kept(english, "en", "Autodiff.md") == {}
    russian = "Главное в SQL — это понимание различий между типами соединений.\n"
    assert _kept(russian, "ru", "SQL.md") == {}


# ---------------------------------------------------------------- 4. reversals


def test_a_clause_is_no_description_to_ask_back():
    named = (
        "Future iterations tend to resemble previous iterations of the same model is "
        "known as model collapse.\n"
    )
    assert _kept(named, "en", "Models.md") == {}
    splice = (
        "**CSS** — это язык таблицы стилей, он позволяет применять стили к элементам HTML.\n\n"
        "**position** — это CSS-свойство, задаёт способ позиционирования элемента.\n"
    )
    assert _reverses(splice, "ru", "CSS.md") == {}
    assert "CSS: что такое position?" in _kept(splice, "ru", "CSS.md")  # the definition stays


def test_a_category_with_generic_modifiers_is_an_ambiguous_reversal():
    kafka_en = (
        "**Kafka** is a distributed message broker that works on the publish-subscribe principle.\n"
    )
    kafka_ru = (
        "**Kafka** — это распределенный брокер сообщений, который работает по принципу "
        "издатель-подписчик.\n"
    )
    assert _reverses(kafka_en, "en", "Kafka.md") == {}
    assert _reverses(kafka_ru, "ru", "Kafka.md") == {}
    assert "Что такое Kafka?" in _kept(kafka_ru, "ru", "Kafka.md")  # asked forwards only
    redis = (
        "**Redis** is an in-memory key-value database that keeps all data in RAM and "
        "writes snapshots to disk.\n"
    )
    assert set(_reverses(redis, "en", "Redis.md").values()) == {"Redis"}
    partition = (
        "**Партиция** — это упорядоченный журнал сообщений внутри топика, который "
        "хранится на одном брокере.\n"
    )
    assert set(_reverses(partition, "ru", "Kafka.md").values()) == {"партиция"}


def test_the_term_for_is_not_asked_twice():
    text = "**Encryption** is the general term for hiding information in a secret code or cipher.\n"
    reverses = _reverses(text, "en", "Cryptography.md")
    fronts = [f for f in reverses if "term for hiding information" in f]
    assert fronts and all("term for the general term" not in f for f in fronts)
    assert set(reverses.values()) == {"Encryption"}


def _worded(text: str, lang: str, name: str) -> dict[str, str]:
    """Every definition card's front and back, however sure: how a term is worded does
    not depend on how its back is judged (extractors/definition_backs.py)."""
    note = note_from_text(text, lang=lang, name=name)
    return {c.front: c.back for c in extract_definitions(note, ExtractContext(note))}


def test_words_of_the_sentence_are_not_part_of_the_term():
    itself = "**Containerization itself** is the process of packaging an app with its libraries.\n"
    cards = _worded(itself, "en", "Virtualization.md")
    assert "Virtualization: what is Containerization?" in cards
    assert "Containerization" in cards.values() and "itself" not in " ".join(cards.values())
    sometimes = "**Sentience** sometimes refers to the capacity for subjective experience.\n"
    fronts = list(_worded(sometimes, "en", "Sentience.md"))
    assert fronts and not any("sometimes" in f for f in fronts)


# ---------------------------------------------------------------- the real command


def test_the_command_leaves_garbled_fronts_out_of_the_deck():
    """The notes of tests/notes/definition_fronts through `notecards cards --json`."""
    result = subprocess.run(
        [sys.executable, "-m", "notecards", "cards", str(NOTES), "--json", "--no-cache"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    fronts = {c["front"]: c["back"] for c in json.loads(result.stdout)}
    garbled = ("Fundamental", "Converting", "Главное", "умение", "important idea", "навык")
    assert not [f for f in fronts if any(g.lower() in f.lower() for g in garbled)]
    assert not [b for b in fronts.values() if "important idea" in b or "навык" in b]
    assert "Брокеры: что такое Kafka?" in fronts
    assert "Kafka" not in fronts.values()  # no ambiguous reversal
    assert (
        fronts.get(
            "In Gradient methods, what is the term for shrinking every weight "
            "towards zero at each update?"
        )
        == "Weight decay"
    )


# ---------------------------------------------------------------- 5. seen on the vaults


def test_a_pointer_or_a_contrast_is_no_definition():
    english = (
        "**File access** is the way in which stored files are read, as discussed in topic 3.\n\n"
        "**Merge sort** is a stable sort, unlike quick sort.\n\n"
        "**Scenarios** are an integral part of agile methods.\n"
    )
    assert _kept(english, "en", "Operating systems.md") == {}
    kept = "**Merge sort** is a sort that splits a list in halves and merges the sorted halves.\n"
    assert "what is merge sort?" in _asked(kept, "en", "Algorithms.md")


def test_a_pointer_or_a_contrast_is_no_definition_in_russian():
    russian = (
        "**Итерируемые объекты** — это объекты, которые реализуют метод Symbol.iterator, "
        "как было описано выше.\n\n"
        "**Сортировка слиянием** — это устойчивая сортировка, в отличие от быстрой.\n"
    )
    assert _kept(russian, "ru", "Алгоритмы.md") == {}
    kept = "**Сортировка слиянием** — это сортировка, которая делит список и сливает части.\n"
    assert "что такое сортировка слиянием?" in _asked(kept, "ru", "Алгоритмы.md")


def test_words_of_the_sentence_are_not_part_of_a_russian_term():
    text = (
        "**Vue сам по себе** — это UI-фреймворк для отрисовки компонентов и реактивности.\n\n"
        "Сама логика горячей замены — это обмен обновлёнными модулями между сервером и "
        "браузером.\n"
    )
    asked = " | ".join(_worded(text, "ru", "Vite.md")).lower()
    assert "что такое vue?" in asked and "что такое логика горячей замены?" in asked
    assert "сам" not in asked


def test_a_spaced_dash_or_a_command_is_no_term():
    english = (
        "Container orchestration - by extension - refers to the managing of many containers "
        "across a cluster of machines.\n\n"
        "**M - augmenting path** is an alternating path that starts and ends in an unmatched "
        "vertex.\n"
    )
    assert _kept(english, "en", "Graphs.md") == {}
    russian = "**rename 's/_/-/g' * -vn** — это пробный запуск переименования без изменений.\n"
    assert _kept(russian, "ru", "Linux.md") == {}
    command = "**rename** — это утилита, которая переименовывает файлы по выражению Perl.\n"
    assert "что такое rename?" in _asked(command, "ru", "Linux.md")


def test_a_command_with_one_flag_is_still_a_term():
    text = "**man -k** — это поиск по ключевым словам в описаниях всех страниц справки.\n"
    assert "что такое man -k?" in _asked(text, "ru", "Linux.md")
