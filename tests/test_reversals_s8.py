"""Reversals ("Как называется …?", "What is the term for: …?") that a strict blind reader
dropped in session 8 (issue 11, FAILURES-s8 FRONT): a description whose detail explains
its genus and not the term, one holding the note's residue or a referent elsewhere, one
that says where a thing came from instead of what kind it is, two predicates glued; and
one common word answering a bare description. The good reversals stay."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import note_from_text
from notecards.extractors.base import ExtractContext
from notecards.extractors.definitions import extract_definitions
from notecards.model import DEFAULT_MIN_CONFIDENCE, Card

NOTES = Path(__file__).parent / "notes" / "deffront_s8"


def _cards(text: str, lang: str, name: str) -> list[Card]:
    note = note_from_text(text, lang=lang, name=name)
    return extract_definitions(note, ExtractContext(note))


def _reverses(text: str, lang: str, name: str = "Заметка.md") -> dict[str, str]:
    """The term cards a deck would get: front → the term it answers."""
    return {
        c.front: c.back
        for c in _cards(text, lang, name)
        if c.kind == "term" and c.confidence >= DEFAULT_MIN_CONFIDENCE
    }


def _reverse_confidence(text: str, lang: str, name: str = "Заметка.md") -> float:
    (card,) = [c for c in _cards(text, lang, name) if c.rule.endswith(".reverse")]
    return card.confidence


# ---------------------------------------------------------------- the genus explained


def test_a_detail_that_explains_the_genus_singles_out_nothing_in_english():
    explained = (
        "**AES** is a block cipher, meaning plaintext is encrypted block by block "
        "instead of bit by bit.\n\n"
        "**RSA** is an asymmetric algorithm, which means that a public and a private key "
        "are used.\n"
    )
    assert _reverses(explained, "en", "Encryption.md") == {}
    named = "**Blowfish** is a symmetric block cipher designed by Bruce Schneier in 1993.\n"
    assert set(_reverses(named, "en", "Encryption.md").values()) == {"Blowfish"}


def test_a_detail_that_explains_the_genus_singles_out_nothing_in_russian():
    explained = (
        "**AES** — это блочный шифр, то есть открытый текст шифруется блоками, "
        "а не по одному биту.\n"
    )
    assert _reverses(explained, "ru", "Шифрование.md") == {}
    detail = "**AES** — это блочный шифр, который шифрует блоки по 128 бит ключами до 256 бит.\n"
    assert set(_reverses(detail, "ru", "Шифрование.md").values()) == {"AES"}


# ---------------------------------------------------------------- residue and referents


def test_a_description_with_the_notes_residue_is_not_asked_back():
    russian = (
        "**Счётчик** — это переменная цикла, count текущее значение которой растёт.\n\n"
        "**Итератор** — это объект, который возвращает элементы коллекции по одному (пункт 5).\n"
    )
    assert _reverses(russian, "ru", "Циклы.md") == {}
    english = (
        "A **secure context** is a window whose content was delivered over HTTPS "
        "[HTML Spec].\n\n"
        "An **iterator** is an object that returns the items of a collection one by one "
        "(step 5).\n"
    )
    assert _reverses(english, "en", "Browsers.md") == {}
    clean = "**Итератор** — это объект, который возвращает элементы коллекции по одному.\n"
    assert set(_reverses(clean, "ru", "Циклы.md").values()) == {"итератор"}


def test_a_description_leaning_on_a_referent_elsewhere_is_not_asked_back():
    english = (
        "A **slug** is the suffix of the corresponding URL that names a single page.\n\n"
        "A **buffer** is the space you want to store when receiving or sending the data.\n\n"
        "All other files on the disk that the kernel loads at boot are called modules.\n"
    )
    assert _reverses(english, "en", "Web servers.md") == {}
    russian = "**Замыкание** — это функция, которая запоминает переменные этой области видимости.\n"
    assert _reverses(russian, "ru", "JavaScript.md") == {}
    corresponding = (
        "A **hash table** is a structure that stores the value corresponding to each key "
        "in an array of buckets.\n"
    )
    assert set(_reverses(corresponding, "en", "Data structures.md").values()) == {"hash table"}


def test_where_a_thing_came_from_is_not_what_kind_it_is():
    assert (
        _reverses(
            "**Linux** is the outcome of many people's work over many years of development.\n",
            "en",
            "Operating systems.md",
        )
        == {}
    )
    assert (
        _reverses(
            "**Linux** — это итог многолетней работы многих людей над свободным ядром.\n",
            "ru",
            "Операционные системы.md",
        )
        == {}
    )
    product = (
        "**Momentum** is the product of mass and velocity of a moving object in Newtonian "
        "mechanics.\n"
    )
    assert set(_reverses(product, "en", "Mechanics.md").values()) == {"Momentum"}


def test_a_noun_phrase_glued_to_a_predicate_is_no_description():
    glued = "**DDL** is a part of SQL and modifies the structure of a table in a database.\n"
    assert _reverses(glued, "en", "Databases.md") == {}
    clause = "**DDL** is the part of SQL that creates and modifies the structure of a table.\n"
    assert set(_reverses(clause, "en", "Databases.md").values()) == {"DDL"}


# ---------------------------------------------------------------- one common word


def test_one_common_word_names_a_concept():
    # most concepts are named by one common word: the reader kept "инкапсуляция" and
    # "pointer" reversals, and "Mutex" for "mutual exclusion"
    heap = "**Куча** — это область памяти, доступная всем потокам программы.\n"
    assert _reverse_confidence(heap, "ru", "Память.md") >= DEFAULT_MIN_CONFIDENCE
    encapsulation = "**Инкапсуляция** — это контроль доступа к полям и методам объекта.\n"
    assert _reverse_confidence(encapsulation, "ru", "ООП.md") >= DEFAULT_MIN_CONFIDENCE
    mutex = 'A **mutex** is short for "mutual exclusion".\n'
    assert set(_reverses(mutex, "en", "Locks.md").values()) == {"mutex"}


def test_a_lower_case_latin_answer_in_a_russian_note_is_a_code_name():
    content = (
        "**content** — это контент или данные, которые клиент и сервер пересылают друг другу.\n"
    )
    assert _reverse_confidence(content, "ru", "HTTP.md") < DEFAULT_MIN_CONFIDENCE
    glossed = (
        "**enum (перечисление)** — это специальный тип в TypeScript, который позволяет "
        "определить набор именованных констант.\n"
    )
    assert _reverse_confidence(glossed, "ru", "TypeScript.md") >= DEFAULT_MIN_CONFIDENCE


def test_an_acronym_expansion_is_still_asked_back():
    text = "**BERT** stands for Bidirectional Encoder Representations from Transformers.\n"
    reverses = _reverses(text, "en", "Language models.md")
    assert list(reverses.values()) == ["BERT"]
    assert "abbreviation for Bidirectional Encoder" in next(iter(reverses))


# ---------------------------------------------------------------- the command


def test_the_command_asks_back_only_the_reversals_that_single_out_a_term():
    result = subprocess.run(
        [sys.executable, "-m", "notecards", "cards", str(NOTES), "--json", "--all", "--no-cache"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    cards = json.loads(result.stdout)
    kept_terms = {c["back"] for c in cards if c["kind"] == "term" and c["kept"]}
    assert kept_terms == {"Blowfish", "указатели", "PKCS7 padding", "куча"}
    asked = {c["back"] for c in cards if c["kind"] == "term"}
    assert {"AES", "куча", "счётчик", "content"} <= asked  # made, and left out


# ---------------------------------------------------------------- giveaways and opinions


def test_a_description_holding_the_answers_own_words_gives_it_away():
    russian = (
        "**Макро-таски** — это задачи, которые добавляются в очередь макро-таск и "
        "выполняются одна за другой.\n"
    )
    assert _reverses(russian, "ru", "Event loop.md") == {}
    english = (
        "A **distance matrix** is an n by n matrix that stores the distance between vertices.\n"
    )
    assert _reverses(english, "en", "Graphs.md") == {}
    # a name with a version is no inflection of its first part
    http3 = "**HTTP/3** — это HTTP поверх протокола QUIC, который работает поверх UDP, а не TCP.\n"
    assert set(_reverses(http3, "ru", "Версии HTTP.md").values()) == {"HTTP/3"}
    # an acronym is only itself: "HTTP" in the description is no form of "HTTPS"
    https = (
        "_HTTPS_ — это расширение протокола HTTP, которое шифрует обмен данными с помощью TLS.\n"
    )
    assert set(_reverses(https, "ru", "HTTPS и TLS.md").values()) == {"HTTPS"}


def test_a_short_english_answer_is_not_given_away_by_a_longer_word_it_starts():
    # "got" and "good" are no forms of "Go", "table" none of "tab"; "APIs" is "API"
    got = "**Go** is a compiled language that got generics from Google in 2022.\n"
    assert set(_reverses(got, "en", "Languages.md").values()) == {"Go"}
    plural = "An **API** is a contract between programs, such as the APIs of a web service.\n"
    assert _reverses(plural, "en", "Interfaces.md") == {}


def test_a_description_of_opinions_stays_below_the_threshold():
    judged = (
        "**Webpack** — это зрелый и очень гибкий бандлер, который долгое время был "
        "стандартом во фронтенде.\n"
    )
    assert _reverse_confidence(judged, "ru", "Бандлеры.md") < DEFAULT_MIN_CONFIDENCE
    english = "**Django** is a very popular web framework written in Python for fast development.\n"
    assert _reverse_confidence(english, "en", "Frameworks.md") < DEFAULT_MIN_CONFIDENCE
    technical = (
        "The **radial path** is the geodesic path joining a central vertex to one of its "
        "eccentric vertices.\n"
    )
    assert _reverse_confidence(technical, "en", "Graphs.md") >= DEFAULT_MIN_CONFIDENCE
