"""Definition fronts whose "term" is no term, as a strict blind reader found them in
session 8 (issue 11, FAILURES-s8 FRONT): a determiner phrase ("each process"), a
superlative of the note's judgement ("главная особенность MySQL", "the key feature of
Rust"), a meta noun ("a more mathematical definition of state", "the name"), a gerund
and where it goes ("Running through the system"), a verb glued on ("LIBRARY_PATH
indicates the variable"); a term card whose front ends ",?"; and a bold list label in
Title Case asked without its article ("What is Uniform Block Size?")."""

from __future__ import annotations

from conftest import note_from_text
from notecards.extractors.base import ExtractContext
from notecards.extractors.definitions import extract_definitions
from notecards.model import DEFAULT_MIN_CONFIDENCE, Card


def _cards(text: str, lang: str, name: str) -> list[Card]:
    note = note_from_text(text, lang=lang, name=name)
    return extract_definitions(note, ExtractContext(note))


def _kept(text: str, lang: str, name: str) -> dict[str, Card]:
    """The definition cards a deck would get, by front."""
    return {c.front: c for c in _cards(text, lang, name) if c.confidence >= DEFAULT_MIN_CONFIDENCE}


def _asked(text: str, lang: str, name: str) -> str:
    """The fronts of the deck's definition cards, lowered and joined."""
    return " | ".join(
        c.front for c in _kept(text, lang, name).values() if c.kind == "definition"
    ).lower()


# ---------------------------------------------------------------- determiners


def test_a_determiner_phrase_is_no_term():
    english = (
        "Each process is a program in execution with an address space of its own.\n\n"
        "Every thread is a unit of execution that the scheduler runs on one core.\n"
    )
    assert _kept(english, "en", "Processes.md") == {}
    russian = (
        "Каждый процесс — это программа в момент выполнения со своим адресным пространством.\n"
    )
    assert _kept(russian, "ru", "Процессы.md") == {}
    term = "A **process** is a program in execution with an address space of its own.\n"
    assert "process" in _asked(term, "en", "Processes.md")


# ---------------------------------------------------------------- judgements


def test_a_superlative_of_judgement_is_no_term_in_english():
    text = (
        "The key feature of Rust is the ownership model that frees memory without a "
        "collector.\n\n"
        "The main advantage of HTTP/2 is the multiplexing of many streams over one "
        "connection.\n"
    )
    assert _kept(text, "en", "Languages.md") == {}
    term = "**Main memory** is the storage that the CPU reads and writes directly.\n"
    assert "main memory" in _asked(term, "en", "Computer architecture.md")


def test_a_superlative_of_judgement_is_no_term_in_russian():
    text = (
        "**Главная особенность MySQL** — это поддержка нескольких движков хранения.\n\n"
        "**Основное преимущество Redis** — это хранение всех данных в оперативной памяти.\n"
    )
    assert _kept(text, "ru", "Базы данных.md") == {}
    term = "**Основная память** — это память, к которой процессор обращается напрямую.\n"
    assert "основная память" in _asked(term, "ru", "Архитектура ЭВМ.md")


# ---------------------------------------------------------------- meta nouns


def test_a_meta_noun_is_no_term():
    english = (
        "A more mathematical definition of state is a vector of all the variables at one "
        "instant.\n\n"
        "The name is a string that identifies the host on the network.\n\n"
        "- No means no, yes means that the element is probably in the set.\n"
    )
    assert _kept(english, "en", "Systems.md") == {}
    russian = (
        "Более строгое определение состояния — это вектор значений всех переменных в один момент.\n"
    )
    assert _kept(russian, "ru", "Системы.md") == {}
    term = "A **state vector** is a vector of all the variables of a system at one instant.\n"
    assert "state vector" in _asked(term, "en", "Systems.md")


# ---------------------------------------------------------------- clauses


def test_a_gerund_and_where_it_goes_is_no_term():
    text = "**Running through the system** is a sequence of steps that every job passes.\n"
    assert _kept(text, "en", "Schedulers.md") == {}
    term = "**Running time** is the number of steps an algorithm takes on an input.\n"
    assert "running time" in _asked(term, "en", "Algorithms.md")


def test_a_verb_glued_onto_a_term_is_no_term():
    text = (
        "LIBRARY_PATH indicates the variable is a list of folders searched for libraries "
        "at link time.\n"
    )
    assert _kept(text, "en", "Linkers.md") == {}
    term = "`LIBRARY_PATH` is a list of folders searched for libraries at link time.\n"
    assert "library_path" in _asked(term, "en", "Linkers.md")


# ---------------------------------------------------------------- named and lead


def test_a_term_card_never_ends_with_a_comma_and_a_question_mark():
    text = "A scheme that fills the last block, byte by byte, is called PKCS7 padding.\n"
    fronts = list(_kept(text, "en", "Block ciphers.md"))
    assert fronts == ["What is the term for: a scheme that fills the last block, byte by byte?"]


def test_a_title_case_list_label_is_not_asked_without_its_article():
    labels = (
        "Design properties:\n\n"
        "- **Uniform Block Size**: every block on the disk has the same size of 16 bytes.\n"
        "- **Search State**: the system looks for the player closest to the ball.\n"
    )
    cards = [c for c in _cards(labels, "en", "Block ciphers.md") if c.rule == "definitions.lead"]
    assert cards and all(c.confidence < DEFAULT_MIN_CONFIDENCE for c in cards)
    identifier = "- **`useEffect`**: a React hook that runs side effects after every render.\n"
    assert "React hooks: what is useEffect?" in _kept(identifier, "en", "React hooks.md")


# ---------------------------------------------------------------- case, pairs, files


def test_a_russian_term_not_in_the_nominative_is_no_front():
    text = (
        "**Локализуемыми элементами** — это элементы манифеста, которые можно перевести "
        "на другой язык.\n"
    )
    assert _kept(text, "ru", "Манифест.md") == {}
    term = "**Локализуемый элемент** — это элемент манифеста, который можно перевести.\n"
    assert "что такое локализуемый элемент?" in _asked(term, "ru", "Манифест.md")


def test_two_terms_under_one_question_stay_below_the_threshold():
    pair = "**Map и Set** — это структуры данных из ES6, которые хранят уникальные ключи.\n"
    (card,) = [c for c in _cards(pair, "ru", "Коллекции.md") if c.kind == "definition"]
    assert card.confidence < DEFAULT_MIN_CONFIDENCE
    one = "**Map** — это структура данных из ES6, которая хранит пары ключ-значение.\n"
    assert "что такое map?" in _asked(one, "ru", "Коллекции.md")


def test_one_thing_under_two_names_is_asked_as_one():
    # "X или Y" glosses one thing; a blind reader kept it
    text = (
        "**Deadlock или взаимная блокировка** — это ошибка, при которой процессы ждут "
        "друг друга по кругу и ни один не может продолжить работу.\n"
    )
    (card,) = [c for c in _cards(text, "ru", "Конкурентность.md") if c.kind == "definition"]
    assert card.confidence >= DEFAULT_MIN_CONFIDENCE


def test_a_file_name_is_no_term():
    text = "The street_best_1.png is a building image taken from the front of the house.\n"
    assert _kept(text, "en", "Report.md") == {}
