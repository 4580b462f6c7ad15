"""Which title, heading or folder names a question's subject a stranger would accept
(issue 11, text.topics): course, collection and event titles, sentences and section
labels name none; a folder that names a technology or field does."""

from __future__ import annotations

import pytest

from conftest import cards_from, note_from_text
from notecards.extractors.base import ExtractContext
from notecards.extractors.definitions import extract_definitions
from notecards.lang import PACKS
from notecards.text.topics import as_topic, folder_topic, needs_topic, note_topic

RU, EN = PACKS["ru"], PACKS["en"]


@pytest.mark.parametrize(
    ("title", "pack"),
    [
        ("Coursera Course", EN),  # a course
        ("Course notes", EN),
        ("Course", EN),
        ("Question for Anna", EN),  # addressed to someone
        ("Midterm", EN),  # an event
        ("Exam prep", EN),
        ("Interview at Acme", EN),
        ("Section III - Basic Concepts", EN),  # a section label under its number
        ("Basic Concepts", EN),
        ("Pros and cons", EN),
        ("Advantages", EN),
        ("Частые вопросы", RU),  # a collection
        ("Вопросы", RU),
        ("Тех собеседование в Ромашке", RU),  # an event
        ("Ответ", RU),  # a section label
        ("Преимущества и недостатки", RU),
        ("Знакомимся с Docker", RU),  # a sentence: a finite verb
        ("Кооперативная", RU),  # an adjective alone
        ("Без названия 2", RU),
        ("Arkhitektura prilozhenii", RU),  # a Russian title in Latin letters (a URL's)
        ("📌 Основная идея", RU),  # a label behind a symbol
        ("Study Questions", EN),
        ("Topics", EN),
        ("45 вопросов по TypeScript для middle", RU),  # a collection of questions
        ("Optimizatsiya high load", RU),
        ("More Searching about Images", EN),  # a sentence, not a name
        ("Задача на 8", RU),  # a numbered task
        ("Ключевые выводы", RU),  # a summary's label
        ("Key takeaways", EN),
    ],
)
def test_a_title_that_is_no_subject_gives_none(title, pack):
    assert as_topic(title, pack) == ""


@pytest.mark.parametrize(
    ("title", "pack", "topic"),
    [
        ("Kafka - More Detail", EN, "Kafka"),  # a qualifier after a spaced dash
        ("Linked Lists - Part 2", EN, "Linked Lists"),
        ("Docker (part 2)", EN, "Docker"),
        ("Git: introduction", EN, "Git"),
        ("Eli Bendersky - Internals of asyncio", EN, "asyncio"),  # an author before a title
        ("CSC209 - Pointers", EN, "Pointers"),  # a course code before a title
        ("CM1205 Architecture and Operating Systems", EN, "Architecture and Operating Systems"),
        ("Questions on Kafka", EN, "Kafka"),
        ("Kafka - Interview Questions", EN, "Kafka"),  # a collection about its subject
        ("Kafka — вопросы для собеседования", RU, "Kafka"),
        ("Operating Systems - Scheduling", EN, "Operating Systems - Scheduling"),  # no author
        ("Kafka — подробнее", RU, "Kafka"),
        ("Docker (часть 2)", RU, "Docker"),
        ("Иван Петров - Внутреннее устройство Kafka", RU, "Внутреннее устройство Kafka"),
        ("Функции(Functions)", RU, "Функции"),  # its English name in brackets
        ("Полифилы(перевод)", RU, "Полифилы"),
        ("Кооперативная многозадачность", RU, "Кооперативная многозадачность"),
        ("Cache Memories", EN, "Cache Memories"),  # a real subject stays
        ("Planar Graphs (NOT REQUIRED)", EN, "Planar Graphs"),  # a remark in brackets
        ("I2205 Graphs (25 bonus)", EN, "Graphs"),
        ("Law of Large Numbers (LLN)", EN, "Law of Large Numbers (LLN)"),  # an acronym stays
        ("More on Kafka", EN, "Kafka"),
        ("B 6. Cloud Watch", EN, "Cloud Watch"),  # a letter and a number before it
    ],
)
def test_a_title_keeps_only_its_subject(title, pack, topic):
    assert as_topic(title, pack) == topic


def test_a_slug_file_name_gives_way_to_the_folder():
    note = note_from_text("Some text.\n", name="Python/function-basics.md", lang="en")
    assert note_topic(note, EN) == ""
    assert ExtractContext(note).topic_of(note.sections[0]) == "Python"


@pytest.mark.parametrize(
    ("path", "topic"),
    [
        ("Coding/C & C++/Pointers.md", "C & C++"),  # the nearest folder that names one
        ("Computing/PyTorch/Broadcasting.md", "PyTorch"),
        ("Go/core/channels.md", "Go"),  # "core" is generic: the next folder up
        ("Kafka/notes/x.md", "Kafka"),
        ("Year 2/Chapter 7 Latches and Flip-Flops/Course.md", "Latches and Flip-Flops"),
        ("CM1208 Maths for Computer Science/Notes/Week 5/x.md", "Maths for Computer Science"),
        ("Сети/Конспекты/x.md", "Сети"),
        ("x.md", ""),  # the vault root
        ("Chapter 6/x.md", ""),
        ("notes/inbox/archive/x.md", ""),
        ("Без названия/x.md", ""),
        ("собес/вопросы/x.md", ""),
        ("MATH117/L21/x.md", ""),  # a course code and a lecture number
        ("ЛШФ/x.md", ""),  # an owner's shorthand
        ("arch/x.md", ""),
        ("kr1/x.md", ""),
        ("Хаустов/x.md", ""),  # a lecturer's name
        ("Master/Paper notes/x.md", ""),  # a degree
        ("docs/migratsiya-s-vue-2/x.md", ""),  # a slug
        ("Year 2/DONE[66.00](4) - I2203 OS/Chp 1.md", "OS"),  # a grade and a code go
        ("900 Archive/Y2 Fall 24/x.md", ""),  # a term of study
        ("MATH115/L13 inclusive/x.md", ""),  # a lecture number and a remark
        ("Operating Systems/Week 8/Relating Slides/x.md", "Operating Systems"),
    ],
)
def test_the_folder_that_names_a_subject(path, topic):
    assert folder_topic(path) == topic


@pytest.mark.parametrize(
    ("path", "lang", "topic"),
    [
        ("IN4120 - Søketeknologi/x.md", "en", ""),  # Norwegian over English notes
        ("Сети/x.md", "en", ""),
        ("arkhitektura/x.md", "ru", ""),  # a Russian word in Latin letters
        ("react/x.md", "ru", "React"),  # a name reads the same in any language, as written
        ("Kafka/x.md", "ru", "Kafka"),
        ("Сети/x.md", "ru", "Сети"),
        ("Harmonic analysis/x.md", "ru", ""),  # English words over Russian notes
        ("МатАн/Harmonic_analysis/x.md", "ru", ""),
        ("Web API/x.md", "ru", "Web API"),
    ],
)
def test_a_folder_in_another_language_names_no_subject(path, lang, topic):
    assert folder_topic(path, lang) == topic


def _fronts(text: str, name: str, lang: str) -> list[str]:
    note = note_from_text(text, lang=lang, name=name)
    return [c.front for c in extract_definitions(note, ExtractContext(note))]


def test_order_title_then_heading_then_folder():
    """The title is the note's own subject; a heading inside the note is more specific
    than a folder; the folder is the last resort."""
    text = "## Channels\n\n**Fan out** is a pattern where one channel feeds many workers.\n"
    titled = note_from_text("---\ntitle: Concurrency\n---\n" + text, name="Go/x.md")
    assert ExtractContext(titled).topic_of(titled.sections[-1]) == "Concurrency"
    untitled = note_from_text("---\ntitle: Course notes\n---\n" + text, name="Go/x.md")
    assert ExtractContext(untitled).topic_of(untitled.sections[-1]) == "Channels"
    labelled = note_from_text(
        "---\ntitle: Midterm\n---\n## Basic Concepts\n\n**Fan out** is a pattern.\n",
        name="Go/x.md",
    )
    assert ExtractContext(labelled).topic_of(labelled.sections[-1]) == "Go"


def test_a_generic_term_is_asked_within_its_folder_when_the_title_names_nothing():
    english = _fronts(
        "**Broadcasting** is the rule by which tensors of different shapes are combined.\n",
        "Computing/PyTorch/Course.md",
        "en",
    )
    assert "pytorch: what is broadcasting?" in [f.lower() for f in english]
    russian = _fronts(
        "**Согласованность** — это свойство, при котором все узлы видят одни данные.\n",
        "Распределённые системы/Частые вопросы.md",
        "ru",
    )
    assert "Распределённые системы: что такое согласованность?" in russian


def test_a_label_title_does_not_prefix_the_question():
    fronts = _fronts(
        "**Overhead** is the extra time a call costs beyond its work.\n",
        "Basic Concepts.md",
        "en",
    )
    assert not any(f.startswith("Basic Concepts:") for f in fronts)


@pytest.mark.parametrize(
    "term",
    [
        "Load",
        "a package",
        "overhead",
        "Broadcasting",
        "согласованность",
        "Local Variables",  # a heading's Title Case is no name
        "Fan Out",
        "the heap",
    ],
)
def test_terms_a_reader_called_generic_need_a_subject(term):
    assert needs_topic(term, "Python")


def test_a_term_is_not_asked_within_its_own_abbreviation():
    assert not needs_topic("Fully loaded time", "FLT")
    assert not needs_topic("FLT", "Fully loaded time")


def test_the_reversed_question_within_a_subject_is_one_question():
    assert (
        EN.in_topic("What is the term for: a server that answers for a zone?", "DNS")
        == "In DNS, what is the term for a server that answers for a zone?"
    )
    assert (
        RU.in_topic("Как называется сервер, который отвечает за зону?", "DNS")
        == "DNS: как называется сервер, который отвечает за зону?"
    )
    fronts = _fronts(
        "A **zone** is the part of the namespace that one server answers for.\n", "DNS.md", "en"
    )
    assert (
        "In DNS, what is the term for the part of the namespace that one server answers for?"
        in (fronts)
    )
    assert not any("term for:" in f for f in fronts)


def _definitions(text: str, name: str, lang: str) -> dict[str, float]:
    note = note_from_text(text, lang=lang, name=name)
    return {c.front: c.confidence for c in cards_from("definitions", note)}


def test_a_generic_term_with_no_subject_is_left_out():
    """Never asked bare: under the default threshold (0.5) whatever its pattern."""
    english = _definitions(
        "**Overhead** is the extra time a call costs beyond its own work.\n",
        "Basic Concepts.md",
        "en",
    )
    assert english["What is Overhead?"] < 0.5
    russian = _definitions(
        "_Согласованность_ — это свойство, при котором все узлы видят одни и те же данные.\n",
        "Частые вопросы.md",
        "ru",
    )
    assert russian["Что такое согласованность?"] < 0.5  # dash-eto alone would be 0.85
    in_a_folder = _definitions(
        "_Согласованность_ — это свойство, при котором все узлы видят одни и те же данные.\n",
        "Распределённые системы/Частые вопросы.md",
        "ru",
    )
    assert in_a_folder["Распределённые системы: что такое согласованность?"] >= 0.5


@pytest.mark.parametrize(
    ("text", "lang", "bare", "within"),
    [
        (
            "A **buffer** is used to hold data before it is written to the disk.\n",
            "en",
            "What is buffer used for?",
            "Linux: what is buffer used for?",
        ),
        (
            "**Буфер** используется для хранения данных перед записью на диск.\n",
            "ru",
            "Для чего используется буфер?",
            "Linux: для чего используется буфер?",
        ),
    ],
)
def test_a_generic_purpose_with_no_subject_is_left_out(text, lang, bare, within):
    alone = {c.front: c.confidence for c in cards_from("purposes", note_from_text(
        text, lang=lang, name="Midterm.md"))}  # fmt: skip
    assert alone[bare] < 0.5
    filed = {c.front: c.confidence for c in cards_from("purposes", note_from_text(
        text, lang=lang, name="Linux/Midterm.md"))}  # fmt: skip
    assert filed[within] >= 0.5


@pytest.mark.parametrize(
    ("text", "name", "lang", "front"),
    [
        (
            "A **local variable** is a variable that is visible only inside the function"
            " that declares it.\n",
            "Bash/Local variables.md",
            "en",
            "Bash: what is a local variable?",
        ),
        (
            "_Канал_ — это типизированная труба, по которой горутины передают друг другу"
            " значения.\n",
            "Go/Каналы.md",
            "ru",
            "Go: что такое канал?",
        ),
    ],
)
def test_the_note_own_generic_subject_is_asked_within_its_folder(text, name, lang, front):
    """The title names the term, not what it belongs to: the folder does."""
    assert front in _definitions(text, name, lang)
    bare = front.split(": ", 1)[1]
    assert bare[:1].upper() + bare[1:] in _definitions(text, name.split("/")[1], lang)


def test_a_title_that_repeats_the_first_of_several_h1s_is_a_section():
    """A cheat sheet whose front matter title is its first section's name: that name
    is no subject for the other sections."""
    sheet = note_from_text(
        "---\ntitle: Декораторы\nlang: ru\n---\n# Декораторы\n\nтекст\n\n# Кортежи\n\nтекст\n",
        name="TypeScript/shpory-ts.md",
    )
    assert note_topic(sheet, RU) == ""
    assert ExtractContext(sheet).topic_of(sheet.sections[-1]) == "Кортежи"
    single = note_from_text("---\ntitle: Kafka\nlang: ru\n---\n# Kafka\n\nтекст\n")
    assert note_topic(single, RU) == "Kafka"


def test_a_latin_title_the_russian_note_never_uses_is_a_transliteration():
    spelled = note_from_text(
        "---\ntitle: Mikrofrontend\nlang: ru\n---\n**Микрофронтенд** — это подход к фронтенду.\n"
    )
    assert note_topic(spelled, RU) == ""
    named = note_from_text("---\ntitle: Kafka\nlang: ru\n---\nKafka — это брокер сообщений.\n")
    assert note_topic(named, RU) == "Kafka"


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        ("Discover Graphs", ""),  # a sentence
        ("Let's build GPT", ""),
        ("Merge Sort", "Merge Sort"),  # a verb-like noun is still a subject
        ("Load Balancing", "Load Balancing"),
    ],
)
def test_an_english_title_that_is_a_sentence_names_no_subject(title, topic):
    assert as_topic(title, EN) == topic


def test_an_h1_after_other_sections_is_no_title():
    late = note_from_text("## Retrieval\n\ntext\n\n# Precision and Recall\n\ntext\n", name="x.md")
    assert note_topic(late, EN) == ""  # "x.md" names nothing either
    first = note_from_text("# Inverted indices\n\ntext\n\n## Retrieval\n\ntext\n", name="x.md")
    assert note_topic(first, EN) == "Inverted indices"


@pytest.mark.parametrize(
    ("path", "topic"),
    [
        ("Machine Learning/x.md", "Machine Learning"),  # a field whose last word is generic
        ("Web Development/x.md", "Web Development"),
        ("Vue3/x.md", "Vue3"),  # a name with its version, not lecture 3
        ("ES6/x.md", "ES6"),
        ("Spring Boot/x.md", "Spring Boot"),  # a season only with a year
        ("Y2 Fall 24/x.md", ""),
        ("L21/x.md", ""),
        ("kr1/x.md", ""),
        ("Lecture notes/x.md", ""),  # what kind of material, not a subject
    ],
)
def test_folders_that_name_a_subject_and_folders_that_number_or_hold(path, topic):
    assert folder_topic(path, "en") == topic


def test_pros_and_cons_are_labels_and_english_names_are_no_transliteration():
    assert as_topic("Pros & Cons", EN) == ""
    assert as_topic("Cons", EN) == ""
    assert as_topic("Khan Academy", EN) == "Khan Academy"  # Russian-looking letters, English
    assert as_topic("Arkhitektura prilozhenii", RU) == ""  # a Russian note's URL name
