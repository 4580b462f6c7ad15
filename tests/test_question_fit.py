"""Question cards whose back answers the whole question (issue 11): a difference needs
both sides, two questions in one are not asked, a course's part number and a label of
one part stay out, a list keeps its sub-items."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import note_from_text
from notecards.extractors import extract_cards
from notecards.extractors.answers import Answer
from notecards.extractors.base import ExtractContext
from notecards.extractors.questions import as_question, extract_questions, fit, sides_of
from notecards.lang import PACKS
from notecards.model import Card

RU, EN = PACKS["ru"], PACKS["en"]


def _questions(text: str, lang: str) -> dict[str, Card]:
    note = note_from_text(text, lang=lang)
    return {c.front: c for c in extract_questions(note, ExtractContext(note))}


def _kept(text: str, lang: str) -> list[str]:
    note = note_from_text(text, lang=lang)
    return [c.front for c in extract_cards(note) if c.extractor == "questions"]


def test_the_sides_of_a_difference_question() -> None:
    assert sides_of("Чем Map отличается от WeakMap?", RU) == ("Map", "WeakMap")
    assert sides_of("В чём разница между var и let?", RU) == ("var", "let")
    assert sides_of("Чем отличаются ref и reactive?", RU) == ("ref", "reactive")
    assert sides_of("What's the main difference between TCP and UDP?", EN) == ("TCP", "UDP")
    assert sides_of("How does a process differ from a thread?", EN) == ("a process", "a thread")
    assert sides_of("What is a process?", EN) is None


def test_a_difference_answered_about_one_side_gives_no_card() -> None:
    text = (
        "# Коллекции\n\n## Чем WeakMap отличается от WeakSet?\n\n"
        "WeakMap хранит пары ключ–значение и держит ключи слабо.\n\n"
        "## Чем Map отличается от WeakMap?\n\n"
        "Map держит ключи сильными ссылками, а WeakMap держит их слабо.\n"
    )
    found = _questions(text, "ru")
    assert "Чем Map отличается от WeakMap?" in found
    assert not any("WeakSet" in front for front in found)


def test_a_difference_opened_by_a_remark_is_answered_by_the_list_after_it() -> None:
    text = (
        "# Authentication vs authorization\n\nThe two are mixed up all the time.\n\n"
        "- **Authentication** checks who you are, e.g. a password.\n"
        "- **Authorization** checks what you may do, e.g. only admins delete users.\n"
    )
    [card] = _questions(text, "en").values()
    assert card.front == "What is the difference between Authentication and authorization?"
    assert "mixed up" not in card.back
    assert "who you are" in card.back and "what you may do" in card.back


def test_two_questions_in_one_stay_below_the_threshold() -> None:
    text = (
        "# TS\n\n## Что такое enum и когда нужен const enum?\n\n"
        "enum — это набор именованных констант в TypeScript.\n"
    )
    card = _questions(text, "ru")["TS: что такое enum и когда нужен const enum?"]
    assert card.confidence < 0.5 and "more than the answer tells" in card.evidence
    assert not _kept(text, "ru")
    assert fit("What is X?", Answer("X is a thing.", "", (), "opening"), EN) == 1.0


def test_a_part_number_before_a_question_heading_goes() -> None:
    assert as_question("Subtopic 2 - What is Paging?", EN) == ("What is Paging?", "asked")
    assert as_question("Тема 3: Что такое прерывание?", RU) == ("Что такое прерывание?", "asked")


def test_a_pronoun_makes_a_question_lean_on_its_note() -> None:
    text = (
        "# Discrete Maths\n\n## Why is it important in Computer Science?\n\n"
        "Computer Science is about problem solving with discrete structures.\n"
    )
    assert "Why is it important in Computer Science?" not in _questions(text, "en")
    assert not any("Why is it important" in f for f in _kept(text, "en"))


def test_a_label_of_one_part_is_not_the_answer() -> None:
    text = (
        "# Reliability\n\n## What is N-version programming?\n\nDevelopment time:\n\n"
        "- hand one specification to several teams\n- each team writes its own version\n\n"
        "Run time:\n\n- all versions run and vote\n"
    )
    assert _questions(text, "en") == {}
    answered = "# R\n\n## Что входит в ответ?\n\nОтвет:\n\n- первое\n- второе\n"
    assert "Что входит в ответ?" in _questions(answered, "ru")  # "Ответ:" labels it all


def test_a_short_list_keeps_its_sub_items() -> None:
    text = (
        "# Memory\n\n## What is memory paging?\n\nPaging splits memory into equal pieces:\n\n"
        "- a page table maps pages to frames\n  - one entry per page\n  - a valid bit\n"
        "- pages can live anywhere\n"
    )
    card = _questions(text, "en")["What is memory paging?"]
    assert card.back.splitlines() == [
        "Paging splits memory into equal pieces:",
        "- a page table maps pages to frames",
        "  - one entry per page",
        "  - a valid bit",
        "- pages can live anywhere",
    ]
    assert "<li>one entry per page</li>" in card.fields[1]


def test_a_title_cased_lecture_name_is_not_a_question() -> None:
    text = "# How We Think About Life\n\nWe started by asking who we should care about.\n"
    assert _questions(text, "en") == {}
    asked = "# How does DNS resolve a name?\n\nIt asks the resolver, which asks the root servers.\n"
    assert "How does DNS resolve a name?" in _questions(asked, "en")


def test_a_how_to_heading_over_steps_is_left_to_the_procedure() -> None:
    text = (
        "# Docker\n\n## Как собрать и запустить образ\n\n1. Напишите Dockerfile.\n"
        "2. Соберите образ командой docker build.\n3. Запустите контейнер.\n"
    )
    note = note_from_text(text, lang="ru")
    cards = extract_cards(note)
    assert not [c for c in cards if c.extractor == "questions"]
    assert [c.kind for c in cards if c.extractor == "procedures"] == ["sequence"]


_WORDS = st.text("abcdefghijklmnopqrstuvwxyzабвгдежзиклмн ", min_size=1, max_size=20)


@settings(max_examples=150, deadline=None)
@given(_WORDS, _WORDS, st.text(max_size=200))
def test_a_difference_card_names_both_sides_in_its_back(x: str, y: str, back: str) -> None:
    for pack, question in ((EN, f"What is the difference between {x} and {y}?"),
                           (RU, f"Чем {x} отличается от {y}?")):  # fmt: skip
        cap = fit(question, Answer(back, "", (), "opening"), pack)
        assert cap is None or 0 < cap <= 1.0
        sides = sides_of(question, pack)
        if cap == 1.0 and sides is not None:
            for side in sides:
                words = [w.lower() for w in side.split() if len(w) >= 2]
                said = any(w[:5] in back.lower() for w in words) if words else True
                assert said or side.lower() in back.lower(), (side, back)
