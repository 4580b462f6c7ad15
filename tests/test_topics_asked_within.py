"""One rule for a front whose asked thing needs its subject (issue 11, h18-subject):
`ExtractContext.asked_within` names the subject when the thing is generic or one tool's
own identifier, takes it from a sentence's opening "In X," / "В X", and leaves a generic
thing with no subject under the threshold. The notes of tests/notes/subject are small
notes in the shapes a strict reader dropped for "subject missing"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import cards_from, note_from_text, run_notecards
from notecards.extractors.base import ExtractContext
from notecards.extractors.properties import RULE_CONFIDENCE
from notecards.lang import PACKS
from notecards.text.sentence_subject import leading_subject
from notecards.text.topics import (
    BARE_LIMIT,
    as_topic,
    carries_topic,
    folder_topic,
    foreign_topic,
    is_named,
)

RU, EN = PACKS["ru"], PACKS["en"]
NOTES = Path(__file__).parent / "notes" / "subject"


@pytest.fixture(scope="module")
def kept() -> dict[str, str]:
    """front → back of the cards the real command keeps for tests/notes/subject."""
    done = run_notecards("cards", NOTES, "--json")
    assert done.returncode == 0, done.stderr
    return {c["front"]: c["back"] for c in json.loads(done.stdout)}


@pytest.mark.parametrize(
    ("front", "back_start"),
    [
        # the subject a definition sentence opens with (a title-term note, no folder subject)
        ("UNIX computing: what is the system load?", "a measure of the amount"),
        ("Go: что такое горутина?", "легковесный поток"),  # "В Go горутина — это …"
        # a tool's own identifiers and a purpose of its function carry the note's subject
        ("CMake: what is the option() function used for?", "to declare a boolean setting"),
        (
            "In CMake, what is the term for the number of worker processes that build targets "
            "in parallel?",
            "WorkerNum",
        ),
        # a question heading that names nothing, in a note titled "Go maps in action 1"
        ("Go maps: how do you initialize a map?", "To initialize a map"),
        ("Go maps: what happens when you read a missing key?", "Reading a key that is absent"),
        # a collection title: the heading above names the subject, else the folder "go"
        ("Планировщик Go: что такое глобальная очередь?", "очередь горутин, общая"),
        ("Go: что такое глобальная очередь?", "очередь горутин, из которой"),
    ],
)
def test_the_real_command_asks_within_the_subject(kept, front, back_start):
    assert kept.get(front, "").startswith(back_start), sorted(kept)


def test_no_kept_front_asks_a_bare_generic_thing(kept):
    bare = {"What is WorkerNum?", "How do you initialize a map?", "What is One-Shot?"}
    bare |= {"What is the option() function used for?", "Что такое глобальная очередь?"}
    assert bare.isdisjoint(kept)


@pytest.mark.parametrize(
    ("sentence", "pack", "subject"),
    [
        ("In UNIX computing, the system load is a measure.", EN, "UNIX computing"),
        ("In Python, a package is a folder with modules.", EN, "Python"),
        ("В Go горутина — это легковесный поток.", RU, "Go"),
        ("В Python 3 пакет — это папка с модулями.", RU, "Python 3"),
        ("В JavaScript, замыкание — это функция.", RU, "JavaScript"),
        # a manner, a place in the note or a date names no subject
        ("In practice, the cache is small.", EN, ""),
        ("In the example above, x is two.", EN, ""),
        ("In this case, the lock is held.", EN, ""),
        ("In 2010, the protocol was revised.", EN, ""),
        ("In general, a queue is fair.", EN, ""),
        ("В общем, кэш — это память.", RU, ""),
        ("В памяти хранится копия.", RU, ""),
    ],
)
def test_a_sentence_names_its_subject_by_its_opening(sentence, pack, subject):
    assert leading_subject(sentence, pack)[0] == subject


@pytest.mark.parametrize(
    ("term", "topic", "carried"),
    [
        ("WorkerNum", "CMake", True),  # one tool's identifier
        ("option() function", "CMake", True),
        ("k_thread_deadline_set()", "Zephyr", True),
        ("os.getcwd()", "Python", False),  # a platform everyone knows
        ("<input> tag", "HTML", False),
        ("Promise.resolve()", "Промисы", False),  # a namespace names it
        ("Content-Type", "Caching", False),  # an HTTP header's name
        ("ETag", "TLS и кэширование", False),
        ("stopPropagation()", "preventDefault", False),  # the API the note is about
        ("Incremental Static Regeneration (ISR)", "Кэш", False),  # a titled name
        ("OpenID Connect", "Авторизация", False),
        ("CMake", "CMake", False),  # the subject itself
    ],
)
def test_an_identifier_carries_a_subject_few_readers_know(term, topic, carried):
    assert carries_topic(term, topic) is carried


@pytest.mark.parametrize(
    ("word", "named"),
    [
        ("One-Shot", False),  # a compound of one field's words
        ("Full-Text", False),
        ("Content-Type", True),  # a header field
        ("If-None-Match", True),
        ("GPT-3", True),  # an acronym and its version
        ("C2", False),
    ],
)
def test_which_hyphenated_and_versioned_words_are_names(word, named):
    assert is_named(word) is named


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        ("Go maps in action 1", "Go maps"),  # a part number and an article's tail
        ("Linked lists 2", "Linked lists"),
        ("Python 3", "Python 3"),  # a version after a name stays
        ("Migrating to vue 3", "Migrating to vue 3"),  # however the name is written
        ("Kafka in practice", "Kafka"),
    ],
)
def test_a_title_loses_its_part_number_and_tail(title, topic):
    assert as_topic(title, EN) == topic


@pytest.mark.parametrize(
    ("path", "topic"),
    [
        ("go/вопросы/n.md", "Go"),  # a lowercase folder that is a well-known name
        ("css/n.md", "CSS"),
        ("python/n.md", "Python"),
        ("javascript/n.md", "JavaScript"),  # not "Javascript"
        ("ios/n.md", "iOS"),  # not "IOS"
        ("https/n.md", "HTTPS"),  # not "Https"
        ("papers/n.md", ""),  # what kind of material, not a subject
    ],
)
def test_a_folder_names_a_well_known_subject_as_it_is_written(path, topic):
    assert folder_topic(path, "ru") == topic


def test_a_generic_thing_without_a_subject_stays_under_the_threshold():
    ctx = ExtractContext(note_from_text("Some text here.", lang="en", name="n.md"))
    front, sure = ctx.asked_within("What is overhead?", "overhead", None, 0.8)
    assert (front, sure) == ("What is overhead?", BARE_LIMIT)
    # a question heading asked as it is written keeps its confidence
    assert (
        ctx.asked_within("What is overhead?", "overhead", None, 0.8, may_stand_alone=True)[1] == 0.8
    )
    # a named thing stands alone
    assert ctx.asked_within("What is DNS?", "DNS", None, 0.8) == ("What is DNS?", 0.8)


def test_a_named_subject_is_not_asked_twice():
    note = note_from_text("# Git\n\nText.", lang="ru", name="Git.md")
    ctx = ExtractContext(note)
    front, _ = ctx.asked_within("Git: что такое staging area?", "staging area", None, 0.8)
    assert front == "Git: что такое staging area?"


def test_a_subject_is_named_by_its_words_not_by_letters_inside_one():
    """ "train" holds "AI" and "goroutine" "Go", but neither front names its subject."""
    ai = ExtractContext(note_from_text("# AI\n\nText.", lang="en", name="AI.md"))
    front, _ = ai.asked_within("How do you train a model?", "How do you train a model?", None, 0.8)
    assert front == "AI: how do you train a model?"
    go = ExtractContext(note_from_text("# Go\n\nText.", lang="ru", name="Go.md"))
    front, _ = go.asked_within("Go: что такое горутина?", "горутина", None, 0.8)
    assert front == "Go: что такое горутина?"  # named once, as a word


@pytest.mark.parametrize(
    ("text", "lang", "front"),
    [
        (
            "# Ants\n\n`WorkerNum` is used to set the number of worker processes of the pool.",
            "en",
            "Ants: what is WorkerNum used for?",
        ),
        (
            "# Ants\n\n`WorkerNum` используется для настройки числа рабочих процессов пула.",
            "ru",
            "Ants: для чего используется WorkerNum?",
        ),
        (
            "# Заметка\n\nВ Python функция `len()` используется для подсчёта элементов.",
            "ru",
            "Python: для чего используется функция len()?",
        ),
    ],
)
def test_purposes_ask_a_library_identifier_within_its_subject(text, lang, front):
    assert [c.front for c in cards_from("purposes", text, lang=lang)] == [front]


WHEN = RULE_CONFIDENCE["when"]  # the rule's own confidence (h19-lists lowered it to 0.45)


@pytest.mark.parametrize(
    ("text", "lang", "front", "sure"),
    [
        (
            "# Kafka\n\nКогда _лидер_ получает запись, он отправляет её репликам из ISR.\n",
            "ru",
            "Kafka: что лидер отправляет, когда получает запись?",
            WHEN,
        ),
        (
            "# Kafka\n\nWhen the _leader_ receives a record, it sends it to each replica.\n",
            "en",
            "Kafka: when the leader receives a record, what does the leader send?",
            WHEN,
        ),
        (  # no subject anywhere: under the threshold
            "When the _leader_ receives a record, it sends it to every replica in ISR.\n",
            "en",
            "When the leader receives a record, what does the leader send?",
            BARE_LIMIT,
        ),
    ],
)
def test_properties_of_a_generic_term_are_asked_within_the_subject(text, lang, front, sure):
    cards = cards_from("properties", text, lang=lang)
    assert [(c.front, c.confidence) for c in cards] == [(front, sure)]


@pytest.mark.parametrize(
    ("text", "lang", "front"),
    [
        (
            "# Планировщик Go\n\n## Что происходит при блокирующем системном вызове?\n\n"
            "Процессор P отдаётся другому потоку M, пока вызов не вернётся.\n",
            "ru",
            "Планировщик Go: что происходит при блокирующем системном вызове?",
        ),
        (  # a question that names its things stands as it is
            "# Коллекции\n\n## Что возвращает Object.keys()?\n\n"
            "Метод возвращает массив собственных перечисляемых ключей объекта.\n",
            "ru",
            "Что возвращает Object.keys()?",
        ),
        (
            "# Go maps\n\n## How do you delete a key?\n\nCall the built-in delete function.\n",
            "en",
            "Go maps: how do you delete a key?",
        ),
    ],
)
def test_a_question_heading_that_names_nothing_is_asked_within_the_note(text, lang, front):
    assert [c.front for c in cards_from("questions", text, lang=lang)] == [front]


@pytest.mark.parametrize(
    ("topic", "lang", "foreign"),
    [
        ("Environment and execution contexts", "ru", True),  # an English phrase
        ("Apache Kafka", "ru", False),  # a name reads the same in any language
        ("Kafka", "ru", False),
        ("Планировщик Go", "ru", False),
        ("Планировщик", "en", True),
        ("Go maps", "en", False),
    ],
)
def test_a_subject_in_another_language_is_no_subject(topic, lang, foreign):
    assert foreign_topic(topic, lang) is foreign


def test_a_foreign_or_label_heading_is_not_put_in_a_front():
    ru = "# Environment and execution contexts\n\nКластер агентов — это агенты с общей памятью."
    assert [c.front for c in cards_from("definitions", ru, lang="ru", kind="definition")] == [
        "Что такое кластер агентов?"
    ]
    en = "## Additional Remarks\n\n`ftell()` is used to get the offset of the file pointer.\n"
    assert as_topic("Additional Remarks", EN) == as_topic("Дополнительные детали", RU) == ""
    assert as_topic("Extra Notes", EN) == ""
    assert [c.front for c in cards_from("purposes", en, lang="en")] == ["What is ftell() used for?"]
