"""Heading cards: question or noun-phrase headings answered by their first paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import note_from_file, note_from_text
from notecards.extractors.base import ExtractContext
from notecards.extractors.definitions import extract_definitions
from notecards.extractors.enumerations import extract_enumerations
from notecards.extractors.headings import extract_headings
from notecards.extractors.properties import extract_properties
from notecards.model import Card, Note

PROSE = Path(__file__).resolve().parent / "notes" / "prose"


def _note(text: str, lang: str = "ru", title: str = "") -> Note:
    meta = f"lang: {lang}\n" + (f"title: {title}\n" if title else "")
    return note_from_text(f"---\n{meta}---\n{text}")


def _fixture(name: str) -> Note:
    return note_from_file(PROSE / name)


def _cards(note: Note, ctx: ExtractContext | None = None) -> list[Card]:
    cards = extract_headings(note, ctx or ExtractContext(note))
    assert all(c.kind == "heading" and c.extractor == "headings" for c in cards)
    return cards


def _pairs(note: Note) -> list[tuple[str, str]]:
    return [(c.front, c.back) for c in _cards(note)]


def test_question_heading_answered_by_two_sentences():
    note = _note(
        "## Зачем нужен HSTS?\n\nHSTS запрещает браузеру открывать сайт по HTTP. "
        "Браузер помнит это правило. Третье предложение не нужно.\n"
    )
    (card,) = _cards(note)
    assert (card.front, card.back) == (
        "Зачем нужен HSTS?",
        "HSTS запрещает браузеру открывать сайт по HTTP. Браузер помнит это правило.",
    )
    assert card.line == 4


def test_noun_phrase_heading():
    note = _note("## Кэширование в браузере\n\nБраузер сохраняет копии ответов на диске.\n")
    assert _pairs(note) == [
        ("Что такое кэширование в браузере?", "Браузер сохраняет копии ответов на диске.")
    ]
    note = _note(
        "## 2. Same-origin policy\n\nA page may only read responses from its origin.\n", "en"
    )
    assert _pairs(note) == [
        ("What is Same-origin policy?", "A page may only read responses from its origin.")
    ]


def test_back_html_keeps_emphasis():
    (card,) = _cards(_note("## Зачем нужен DNS?\n\nЧтобы находить **IP-адрес** по имени.\n"))
    assert "<strong>IP-адрес</strong>" in card.fields[1]


def test_skipped_headings():
    text = (
        "# Заметка\n\nВводный абзац про всё сразу.\n\n"  # the title as H1
        "## Введение\n\nЭто общий раздел о сетях.\n\n"  # generic
        "## Как работает DNS\n\nСервер отвечает клиенту.\n\n"  # a clause, not a question
        "## Что такое TCP?\n\n```\ncode\n```\n\n"  # no paragraph first
        "## Что такое UDP?\n\nКоротко.\n\n"  # too short an answer
        "## Методы HTTP\n\nОсновные методы:\n\n- GET\n- POST\n"  # the answer is an intro
    )
    assert _cards(_note(text, title="Заметка")) == []


def test_covered_sections_are_left_alone():
    note = _note("## Протокол TLS\n\n**TLS** — это протокол защиты данных.\n")
    ctx = ExtractContext(note)
    assert extract_definitions(note, ctx)
    assert _cards(note, ctx) == []
    assert len(_cards(note)) == 1  # on its own, the section would get a card


def test_claimed_first_paragraph_is_not_used():
    note = _note("## Зачем нужен DNS?\n\nЧтобы находить адрес сервера по его имени.\n")
    ctx = ExtractContext(note)
    (section,) = [s for s in note.sections if s.heading]
    ctx.claim(section.blocks[0])
    assert _cards(note, ctx) == []


def _after_prose(note: Note) -> list[tuple[str, str]]:
    """Heading cards as the pipeline makes them: after the other prose extractors."""
    ctx = ExtractContext(note)
    for extract in (extract_definitions, extract_properties, extract_enumerations):
        extract(note, ctx)
    return [(c.front, c.back) for c in _cards(note, ctx)]


def test_fixtures():
    assert _after_prose(_fixture("dns_en.md")) == [
        (
            "Why does DNS use UDP?",
            "Queries are small and fit in a single datagram, so UDP avoids the cost of a TCP "
            "handshake. Large responses fall back to TCP.",
        ),
    ]
    assert _after_prose(_fixture("tls_ru.md")) == [
        (
            "Зачем нужен HSTS?",
            "HSTS запрещает браузеру открывать сайт по HTTP. Браузер помнит это правило, "
            "пока не истечёт срок max-age.",
        ),
    ]
    assert _after_prose(_fixture("caching_en.md")) == []  # "Summary" is generic
    assert _cards(_fixture("false_positives_en.md")) == []


def test_plural_english_heading():
    note = _note("## Records\n\nEach zone holds records of several types.\n", "en")
    assert _pairs(note) == [("What are records?", "Each zone holds records of several types.")]


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("aZя #?\n.*_-1")), max_size=200))
def test_never_raises(text):
    cards = _cards(_note(text))
    assert len(cards) <= text.count("#") + 1


def test_a_generic_heading_is_asked_within_the_note_subject():
    text = "## Staging area\n\nStaging area: the list of changes that go into the next commit.\n"
    note = note_from_text(text, lang="en", name="Git.md")
    fronts = [c.front for c in extract_headings(note, ExtractContext(note))]
    assert fronts == ["Git: what is Staging area?"]
