"""The guards every mined card passes, and the confidence of definition cards."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import note_from_text
from notecards.extractors import extract_cards
from notecards.lang import PACKS
from notecards.text.guards import cut_short, dangling, keep_mined, points_on, residue
from notecards.text.morphology import can_be_subject, is_bare_adjective

RU, EN = PACKS["ru"], PACKS["en"]


@pytest.mark.parametrize(
    ("front", "pack"),
    [
        ("Что делают эти три вещи?", RU),
        ("Что включает в себя данный подход?", RU),
        ("Что происходит на следующем этапе?", RU),
        ("What does it return?", EN),
        ("How are these stored?", EN),
        ("What is each one of those pieces for?", EN),
        ("Одна из таких абстракций называется …", RU),
        ("What is the term for: such blocks?", EN),
    ],
)
def test_a_question_that_leans_on_a_referent_elsewhere_is_dangling(front, pack):
    assert dangling(front, pack)
    assert keep_mined(front, "an answer", pack) == "dangling reference"


@pytest.mark.parametrize(
    ("front", "pack"),
    [
        ("Что такое useEffect()?", RU),
        ("Чем является HTMLElement?", RU),
        ("Что хранит указатель на следующий узел?", RU),
        ("What is IT governance?", EN),
        ("Why is it important to hash passwords?", EN),
        ("Что хранят структуры, такие как стек и очередь?", RU),
        ("What is the term for: languages such as C and Go?", EN),
    ],
)
def test_a_question_that_names_its_subject_passes(front, pack):
    assert not dangling(front, pack)


@pytest.mark.parametrize(
    "text",
    ["Размещение **** прямо перед ****", "a ( ) b", "see [[Note]]", "an ==emphasis== left",
     "«»", "(unclosed", "a \"half quote"],
)  # fmt: skip
def test_markup_residue(text):
    assert residue(text)


@pytest.mark.parametrize(
    "text",
    ["useEffect() runs after render", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
     "a (b) c", "«кавычки»", "ETag: \"abc\""],
)  # fmt: skip
def test_clean_text_is_no_residue(text):
    assert not residue(text)


def test_an_answer_that_only_points_on_or_stops_mid_phrase():
    assert points_on("одним из следующих", RU) and points_on("one of the following", EN)
    assert not points_on("указатель на следующий узел", RU)
    assert cut_short("инструмент, который совмещает в себе", RU)
    assert cut_short("a tool that combines the", EN)
    assert not cut_short("a program in execution", EN)


@pytest.mark.slow
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz .,", max_size=60))
def test_plain_lowercase_prose_is_never_residue(text):
    assert not residue(text)


def test_russian_subjects_and_predicates():
    assert can_be_subject("присутствие блока else") and can_be_subject("HTMLElement")
    assert not can_be_subject("основным механизмом определения свежести")
    assert is_bare_adjective("обязательным") and not is_bare_adjective("базовым классом")


def _definition_cards(text: str, name: str = "n.md") -> list:
    cards = extract_cards(note_from_text(text, name=name), min_confidence=0.0)
    return [c for c in cards if c.extractor == "definitions"]


def test_garbled_russian_definitions_are_left_out():
    cards = _definition_cards(
        "Основным механизмом определения свежести является срок жизни ответа.\n\n"
        "Присутствие блока else не является обязательным.\n\n"
        "_Кэш_ — это хранилище копий данных рядом с местом, где они нужны.\n",
        name="Кэш.md",  # a generic term with no subject would be left out (text.topics)
    )
    kept = {c.front: c.confidence for c in cards if c.confidence >= 0.5}
    assert "Что такое Кэш?" in kept or "Что такое кэш?" in kept
    assert not any("свежести" in f or "else" in f for f in kept)


def test_a_reverse_needs_one_specific_term():
    cards = _definition_cards(
        "_Host и domain_ — это части адреса сайта, которые вместе называют сервер в сети.\n"
    )
    reverse = [c for c in cards if c.kind == "term"]
    assert reverse and all(c.confidence == 0.0 for c in reverse)
    (card,) = [c for c in cards if c.kind == "definition"]
    assert card.confidence < 0.85 and "two terms" in card.evidence


def test_guards_leave_out_and_say_why():
    cards = extract_cards(
        note_from_text("A _process_ is a program that does one of the following.\n"),
        min_confidence=0.0,
    )
    assert cards and all(c.confidence == 0.0 for c in cards)
    assert {c.evidence for c in cards} == {
        "guard: answer points elsewhere",
        "guard: dangling reference",
    }


def test_pictographs_and_block_ids_are_residue():
    from notecards.text.guards import residue as _residue

    assert _residue("a valid formula of propositional calculus ^tautology")
    assert _residue("Cross-Origin-Resource-Policy (🎩⬅️) - это поле")
    assert not _residue("пары «ключ → значение»")
