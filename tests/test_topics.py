"""A note's subject, and the fronts that name it for a generic term (text.topics)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import note_from_text
from notecards.extractors.base import ExtractContext
from notecards.extractors.definitions import extract_definitions
from notecards.lang import PACKS
from notecards.text.topics import as_topic, is_named, needs_topic, note_topic

RU, EN = PACKS["ru"], PACKS["en"]


@pytest.mark.parametrize(
    ("title", "pack", "topic"),
    [
        ("Lecture 7 - Sockets", EN, "Sockets"),
        ("Topic 8 - Messaging Systems", EN, "Messaging Systems"),
        ("Chp 2 HTML Basics", EN, "HTML"),
        ("1 @ Header Files", EN, "Header Files"),
        ("Docker basics", EN, "Docker"),
        ("What is a closure?", EN, "closure"),
        ("071 Что такое useEffect", RU, "useEffect"),
        ("Что такое Virtual DOM, и как он работает?", RU, "Virtual DOM"),
        ("Раздел 2. Разделение труда", RU, "Разделение труда"),
        ("Шпаргалка по React", RU, "React"),
        ("3D graphics", EN, "3D graphics"),
    ],
)
def test_a_title_gives_its_subject(title, pack, topic):
    assert as_topic(title, pack) == topic


@pytest.mark.parametrize(
    ("title", "pack"),
    [
        ("Lecture 1 - Overview", EN),  # a section label, not a subject
        ("readme", EN),
        ("Введение", RU),
        ("В чём основные отличия Pinia от Vuex?", RU),  # a question with no one subject
        ("n", EN),
    ],
)
def test_a_title_that_names_no_subject_gives_none(title, pack):
    assert as_topic(title, pack) == ""


def test_the_note_topic_prefers_front_matter_then_h1_then_file_name():
    meta = note_from_text("---\ntitle: Git basics\n---\n# Something else\n", name="x.md")
    assert note_topic(meta, EN) == "Git"
    h1 = note_from_text("# Cross-Origin Resource Sharing\n\ntext\n", name="readme.md")
    assert note_topic(h1, EN) == "Cross-Origin Resource Sharing"
    stem = note_from_text("text\n", name="12 Webpack.md")
    assert note_topic(stem, EN) == "Webpack"


@pytest.mark.parametrize(
    ("term", "topic", "needed"),
    [
        ("C2", "Botnets", True),  # a short code
        ("path", "Webpack", True),  # a common word
        ("Abacus", "History of computers", True),  # a capitalised common word
        ("staging area", "Git", True),
        ("замыкание", "JavaScript", True),
        ("h1", "HTML", True),
        ("useEffect", "React", False),  # an identifier names itself
        ("Virtual DOM", "React", False),
        ("Domain Name System", "Networks", False),  # a name in title case
        ("If-None-Match", "Conditional requests", False),
        ("DNS", "Networks", False),  # well known
        ("функция мемоизации", "Мемоизация", False),  # the subject itself
        ("cache", "HTTP caching", False),
        ("HF", "Heart failure", False),  # the subject's abbreviation
        ("path", "", False),  # nothing to name
    ],
)
def test_which_terms_need_their_subject(term, topic, needed):
    assert needs_topic(term, topic) is needed


@given(st.text(max_size=40), st.text(max_size=40))
def test_needs_topic_takes_any_text(term, topic):
    result = needs_topic(term, topic)
    assert isinstance(result, bool)
    if not topic.strip() or not term.strip():
        assert result is False
    if result:  # a term with a name in it stands alone
        assert not any(is_named(word) for word in term.split())


@given(st.text(alphabet=st.characters(categories=("L", "N", "P", "Zs")), max_size=60))
def test_as_topic_is_short_and_never_a_question(text):
    for pack in (EN, RU):
        topic = as_topic(text, pack)
        assert "?" not in topic
        assert len(topic.split()) <= 6
        assert topic == topic.strip()


@given(st.from_regex(r"[a-z]{1,3}[A-Z][a-z]{1,6}", fullmatch=True))
def test_camel_case_identifiers_are_named(word):
    assert is_named(word)


def test_in_topic_keeps_the_question_grammatical():
    assert RU.in_topic("Что такое staging area?", "Git") == "Git: что такое staging area?"
    assert EN.in_topic("What is C2?", "Botnets") == "Botnets: what is C2?"
    assert EN.in_topic("HTTP/2 is?", "Web") == "Web: HTTP/2 is?"  # a name keeps its case
    assert EN.in_topic("What is C2?", "") == "What is C2?"


def _fronts(text: str, name: str, lang: str) -> dict[str, float]:
    note = note_from_text(text, lang=lang, name=name)
    return {c.front: c.confidence for c in extract_definitions(note, ExtractContext(note))}


def test_a_generic_term_is_asked_within_the_note_subject():
    fronts = _fronts("**C2** — это сервер, с которого оператор управляет ботнетом.\n",
                     "Ботнеты.md", "ru")  # fmt: skip
    assert "Ботнеты: что такое C2?" in fronts
    english = _fronts("A **path** is the folder where the bundle is written.\n", "Webpack.md", "en")
    assert "Webpack: what is a path?" in english


def test_a_named_term_or_the_subject_itself_is_asked_alone():
    fronts = _fronts("**useEffect** — это хук для побочных эффектов в компоненте.\n",
                     "React hooks.md", "ru")  # fmt: skip
    assert "Что такое useEffect?" in fronts


def test_a_generic_term_with_no_subject_stays_under_the_threshold():
    fronts = _fronts("An **abacus** is a frame with beads used for counting.\n", "notes.md", "en")
    assert fronts["What is an abacus?"] == pytest.approx(0.4)


def test_context_topic_falls_back_to_the_nearest_heading():
    note = note_from_text("# Overview\n\n## Botnets\n\n**C2** — это сервер управления.\n",
                          lang="ru", name="readme.md")  # fmt: skip
    ctx = ExtractContext(note)
    assert ctx.topic == ""
    assert ctx.topic_of(note.sections[-1]) == "Botnets"


def test_a_shorter_word_is_not_a_form_of_a_longer_one():
    assert needs_topic("бот", "Ботнеты")
    assert needs_topic("bot", "Botnets")
    assert not needs_topic("ботнет", "Ботнеты")


def test_a_slug_file_name_is_no_subject():
    assert as_topic("chem-ref-otlichaetsya-ot-reactive", RU) == ""
    assert as_topic("Client-server model", EN) == "Client-server model"
