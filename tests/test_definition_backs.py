"""A definition's back says what distinguishes the thing (issue 11, session 7: a strict
reader dropped genus-only backs, definitions cut before their example, "X means" answered
by a consequence, and "label: value" lines that list properties).

`extractors/definition_backs.py` decides how much of the note a back takes; these tests
read its cards through the definitions extractor, and the fixture notes of
tests/notes/definition_backs/ through the real `notecards` command and a real Anki
collection."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, note_from_text, run_notecards
from notecards.extractors.base import ExtractContext
from notecards.extractors.definition_backs import PAIR_WORDS, continues, read_back
from notecards.extractors.definitions import extract_definitions
from notecards.lang import PACKS
from notecards.model import DEFAULT_MIN_CONFIDENCE, Card
from notecards.text.sentences import word_set

NOTES = FIXTURES / "definition_backs"
EN, RU = PACKS["en"], PACKS["ru"]


def _cards(text: str, lang: str, name: str = "") -> dict[str, Card]:
    """Every definition card (kept or not) of a note, by front; the note is named after
    a subject ("Computing", "Веб") so that its terms are not asked bare."""
    name = name or ("Веб.md" if lang == "ru" else "Computing.md")
    note = note_from_text(text, lang=lang, name=name)
    return {c.front: c for c in extract_definitions(note, ExtractContext(note))}


def _kept(text: str, lang: str, name: str = "") -> dict[str, str]:
    """The definition cards (not their reversals) a deck would get: front → back."""
    cards = _cards(text, lang, name).values()
    return {
        c.front: c.back
        for c in cards
        if c.confidence >= DEFAULT_MIN_CONFIDENCE and c.kind == "definition"
    }


def _back(cards: dict[str, str], term: str) -> str:
    """The back of the one card whose front asks about `term` (fronts carry the note's
    subject: "Computing: what is an event loop?")."""
    (back,) = (b for f, b in cards.items() if term in f)
    return back


# ---------------------------------------------------------------- 1. thin backs


def test_a_thin_back_takes_the_next_sentence_that_goes_on_about_its_term():
    en = _kept(
        "An **event loop** is a design pattern that's fundamental in asynchronous "
        "programming. It works by taking one task at a time from a queue and running it "
        "whenever the call stack is empty.\n",
        "en",
    )
    assert _back(en, "event loop") == (
        "a design pattern that's fundamental in asynchronous programming. It works by "
        "taking one task at a time from a queue and running it whenever the call stack "
        "is empty"
    )
    ru = _kept(
        "**Предварительный запрос** — это дополнительный HTTP-запрос, который отправляется "
        "браузером перед основным. Он нужен, чтобы узнать, разрешит ли сервер настоящий "
        "запрос.\n",
        "ru",
    )
    assert _back(ru, "редварительный запрос") == (
        "дополнительный HTTP-запрос, который отправляется браузером перед основным. Он "
        "нужен, чтобы узнать, разрешит ли сервер настоящий запрос"
    )


def test_the_term_said_again_continues_too():
    en = _kept(
        "**Speculative sampling** is an algorithm for accelerated transformer decoding. "
        "Speculative sampling drafts several tokens with a small model and lets the large "
        "one check them in one pass.\n",
        "en",
    )
    assert _back(en, "Speculative sampling").endswith("check them in one pass")
    ru = _kept(
        "**Горячая замена** — это способ обновления модулей в браузере. Горячую замену "
        "выполняет сборщик без перезагрузки страницы.\n",
        "ru",
    )
    assert _back(ru, "орячая замена").endswith("без перезагрузки страницы")


def test_a_sentence_that_turns_elsewhere_is_not_taken():
    for text, lang in (
        (
            "**Speculative sampling** is an algorithm for accelerated transformer decoding. "
            "For example, it can double the speed of a chat model.\n",
            "en",
        ),
        (
            "**Speculative sampling** is an algorithm for accelerated transformer decoding. "
            "This section adds some detail to the idea of a draft model.\n",
            "en",
        ),
        (
            "**Webpack** — это популярный инструмент для сборки. Например, им собирают "
            "большие проекты на React.\n",
            "ru",
        ),
        (
            "**Webpack** — это популярный инструмент для сборки. Это как конвейер на заводе.\n",
            "ru",
        ),
    ):
        for card in _cards(text, lang).values():
            assert "." not in card.back, text  # the back stayed one sentence


def test_a_specific_back_or_a_long_pair_stays_one_sentence():
    specific = _kept(
        "A **cookie** is a small piece of data that a server sends to the user's web "
        "browser. It is stored by the browser and sent back with later requests.\n",
        "en",
    )
    assert _back(specific, "cookie") == (
        "a small piece of data that a server sends to the user's web browser"
    )
    long_next = " ".join(["It keeps one task and then another task again"] * 5) + "."
    long_pair = _cards(
        f"An **event loop** is a design pattern that's fundamental in asynchronous "
        f"programming. {long_next}\n",
        "en",
    )
    assert next(c.back for c in long_pair.values() if c.kind == "definition").endswith(
        "asynchronous programming"
    )


def test_a_vague_back_with_nothing_after_it_is_dropped_a_concrete_short_one_is_kept():
    en = _kept(
        "**Speculative sampling** is an algorithm for accelerated transformer decoding.\n\n"
        "A **branch** is a movable pointer to a commit.\n",
        "en",
        "Git.md",
    )
    assert list(en.values()) == ["a movable pointer to a commit"]
    ru = _kept(
        "**Webpack** — это популярный инструмент для сборки.\n\n"
        "**Граф** — это набор вершин, соединённых рёбрами.\n",
        "ru",
    )
    assert list(ru.values()) == ["набор вершин, соединённых рёбрами"]


def test_an_acronym_spelled_out_is_never_vague():
    kept = _kept("DMA means direct memory access.\n", "en")
    assert list(kept.values()) == ["direct memory access"]
    assert read_back("direct memory access", EN).vague  # as a definition it would say little


def test_what_counts_as_thin_in_both_languages():
    # a judgement, a purpose or a domain adds little; a clause, a name, a number adds
    assert read_back("an algorithm for accelerated transformer decoding", EN).vague
    assert read_back("a design pattern that's fundamental in asynchronous programming", EN).vague
    assert read_back("a special keyword for this function", EN).vague
    assert not read_back("a movable pointer to a commit", EN).vague
    assert not read_back("a vector that has a magnitude of 1", EN).vague
    assert read_back("a small piece of data that a server sends to the browser", EN).score >= 4
    assert read_back("популярный инструмент для сборки", RU).vague
    assert read_back("хороший баланс размера и поддержки", RU).vague
    assert read_back("корневой узел", RU).vague
    assert not read_back("набор вершин, соединённых рёбрами", RU).vague
    assert not read_back("числовое значение «не число» в JavaScript", RU).vague
    assert not read_back("представление HTML-документа в виде дерева тегов", RU).vague
    assert not read_back("the standard input file object", EN).vague
    assert read_back("объект, который отвечает за обработку системных событий", RU).score >= 4


# ---------------------------------------------------------------- 2. cut backs


def test_a_back_cut_before_its_example_keeps_the_whole_clause():
    en = _kept(
        "Every site has a _domain name_, which is a sequence of words separated by dots, "
        "such as docs.python.org.\n",
        "en",
    )
    assert _back(en, "domain name") == (
        "a sequence of words separated by dots, such as docs.python.org"
    )
    ru = _kept(
        "Каждому узлу сети дают _доменное имя_, которое является последовательностью слов "
        "через точку, например docs.python.org.\n",
        "ru",
    )
    assert _back(ru, "доменное имя") == (
        "последовательностью слов через точку, например docs.python.org"
    )


def test_a_clause_after_the_comma_that_is_no_example_still_ends_the_back():
    en = _kept(
        "Every site has a _domain name_, which is a sequence of words separated by dots, "
        "and the resolver turns it into an address.\n",
        "en",
    )
    assert _back(en, "domain name") == "a sequence of words separated by dots"


# ---------------------------------------------------------------- 3. "X means"


def test_x_means_a_consequence_is_no_meaning():
    assert not _kept("DMA means the CPU can avoid copying every byte itself.\n", "en")
    assert not _kept("Larger pages means more unused code is loaded into memory.\n", "en")
    kept = _kept(
        "DMA means Direct Memory Access.\n\nPolymorphism means many forms of one interface.\n",
        "en",
    )
    assert sorted(kept.values()) == ["Direct Memory Access", "many forms of one interface"]


# ---------------------------------------------------------------- 4. property lists


def test_a_label_followed_by_a_measure_or_adjectives_is_no_definition():
    for text, lang in (
        ("**SRAM**: Approximately 512 KB in size, designed for speed.\n", "en"),
        ("**SRAM**: 90 days per object.\n", "en"),
        ("**SRAM**: Fast, small, expensive.\n", "en"),
        ("**SRAM**: около 512 КБ, очень быстрая.\n", "ru"),
        ("**SRAM**: быстрая, маленькая, дорогая.\n", "ru"),
    ):
        assert not _kept(text, lang), text
    assert _kept("**SRAM**: a small fast memory next to each CPU core.\n", "en")
    assert _kept("**SRAM**: небольшая быстрая память рядом с ядром процессора.\n", "ru")
    assert _kept("**VLAN**: a 12-bit identifier of the virtual network of a frame.\n", "en")


# ---------------------------------------------------------------- properties


_WORDS = st.sampled_from(
    sorted(
        word_set(
            """it this the a queue task runs for example however works by it's он это нужен
            например чтобы data server sends"""
        )
    )
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=60))
def test_a_back_takes_at_most_one_short_sentence_more(words):
    """Whatever follows a thin definition, its back is the definition, or the definition
    and that next sentence whole, never more than PAIR_WORDS words."""
    follow = " ".join(words).capitalize()
    definition = "An **event loop** is a design pattern for asynchronous programming"
    (card,) = (
        c for c in _cards(f"{definition}. {follow}.\n", "en").values() if c.kind == "definition"
    )
    first = "a design pattern for asynchronous programming"
    assert card.back == first or (
        card.back.startswith(f"{first}. ") and len(card.back.split()) <= PAIR_WORDS
    )


# ---------------------------------------------------------------- the real command


def test_the_notecards_command_and_anki_show_the_longer_back(tmp_path: Path):
    from anki_helpers import all_notes, import_apkg, open_collection

    listed = run_notecards("cards", NOTES, "--json", "--no-cache")
    assert listed.returncode == 0, listed.stderr
    backs = {c["front"]: c["back"] for c in json.loads(listed.stdout)}
    assert backs["What is an event loop?"].endswith("whenever the call stack is empty")
    assert backs["Что такое предварительный запрос?"].endswith("запрос с этого источника")
    assert not any("Speculative" in front for front in backs)
    assert "Что такое Webpack?" not in backs
    assert backs["Event loops: what is a branch?"] == "a movable pointer to a commit"

    built = run_notecards("build", NOTES, "-o", tmp_path / "out", "--no-cache")
    assert built.returncode == 0, built.stderr
    (deck,) = (tmp_path / "out").glob("*.apkg")
    with open_collection(tmp_path / "anki") as col:
        import_apkg(col, deck)
        fields = [n["fields"] for n in all_notes(col).values()]
    event_loop = next(f for f in fields if "event loop" in f["Front"])
    # the second sentence keeps its emphasis on the card
    assert "It works by taking one task" in event_loop["Back"]
    assert "<em>queue</em>" in event_loop["Back"]


def test_a_word_that_holds_below_is_no_pointer_ru() -> None:
    """ "ниже" points on only as a word: "нижележащий", "снижение" say something."""
    ru = PACKS["ru"]
    assert continues("Он хранит нижележащий буфер в памяти.", "кэш", ru)
    assert continues("Он даёт снижение задержки между запросами.", "кэш", ru)
    assert not continues("Он описан ниже.", "кэш", ru)
