"""What a strict reader drops, kept under the threshold: vague, circular, math and cut
answers, reverses that do not single out one term (extractors/definitions.py)."""

from __future__ import annotations

from conftest import note_from_text
from notecards.extractors.base import ExtractContext
from notecards.extractors.definitions import extract_definitions
from notecards.model import DEFAULT_MIN_CONFIDENCE
from notecards.text.terms import is_term


def _cards(text: str, lang: str = "en", name: str = "Networks.md"):
    note = note_from_text(text, lang=lang, name=name)
    return {c.front: c for c in extract_definitions(note, ExtractContext(note))}


def _kept(text: str, lang: str = "en", name: str = "Networks.md") -> set[str]:
    cards = _cards(text, lang, name)
    return {f for f, c in cards.items() if c.confidence >= DEFAULT_MIN_CONFIDENCE}


def test_a_vague_answer_is_not_a_definition():
    assert not _kept("A **router** is one of the devices in the network.\n")
    assert not _kept("The **handshake** is the default method.\n")
    assert not _kept("**Маршрутизатор** — это один из узлов сети.\n", "ru", "Сети.md")
    assert _kept("A **router** is a device that forwards packets between networks.\n")


def test_a_circular_answer_goes_under_the_threshold():
    kept = _kept("The **height of a tree** is the height of its root node in the drawing.\n")
    assert not any("height" in front for front in kept)


def test_math_in_the_answer_goes_under_the_threshold():
    kept = _kept("The **prior** is the probability $P(A)$ before any evidence is seen.\n")
    assert not kept


def test_an_answer_cut_at_a_comma_goes_under_the_threshold():
    long_tail = ", ".join(["and then one more clause about something else entirely"] * 5)
    cards = _cards(f"A **switch** is a device that joins hosts of one network{long_tail}.\n")
    switch = next(c for f, c in cards.items() if "switch" in f)
    assert switch.confidence < DEFAULT_MIN_CONFIDENCE


def test_a_table_row_gives_no_reverse():
    table = (
        "| Term | Definition |\n|---|---|\n"
        "| Latency | the time one packet takes to travel from sender to receiver |\n"
    )
    cards = _cards(table)
    assert cards and all(c.kind == "definition" for c in cards.values())


def test_a_reverse_needs_a_description_that_singles_out_the_term():
    short = _cards("A **hub** is a simple network device.\n")
    assert all(c.kind != "term" for c in short.values())
    long = _cards(
        "A **hub** is a device that repeats every frame it receives to all of its ports.\n"
    )
    reverse = [c for c in long.values() if c.kind == "term"]
    assert reverse and reverse[0].confidence >= DEFAULT_MIN_CONFIDENCE


def test_determiners_that_point_elsewhere_do_not_start_a_term():
    assert not is_term("Our solution")
    assert not is_term("Another significant issue")
    assert is_term("Solution space")


def test_a_generic_term_the_note_does_not_mark_is_an_aside():
    aside = _cards("The purpose is a thing that a person can have in the world.\n")
    assert all(c.confidence < DEFAULT_MIN_CONFIDENCE for c in aside.values())
    marked = _kept("The **purpose** is a thing that a person can have in the world.\n")
    assert "Networks: what is the purpose?" in marked
    in_section = _kept("## Goodput\n\nGoodput is the measure of usable data sent per second.\n")
    assert "Networks: what is Goodput?" in in_section


def test_a_bold_label_is_kept_only_when_it_names_code_an_acronym_or_the_subject():
    label = _cards("**ПРЕДУПРЕЖДЕНИЕ**: агенты обрабатывают атрибут домена по-разному.\n", "ru")
    assert all(c.confidence < DEFAULT_MIN_CONFIDENCE for c in label.values())
    assert _kept("**NaN**: числовое значение «не число» в JavaScript.\n", "ru")
    assert _kept("**MTU**: the largest frame payload a link accepts.\n")


def test_a_term_of_cut_code_or_an_expression_gives_nothing():
    cards = _cards("`NonNullable<T` — это тип без null и undefined.\n", "ru")
    assert all(c.confidence == 0.0 for c in cards.values())


def test_a_numbered_label_is_not_a_term():
    assert not _kept("**Scenario #2**: the attacker replays the stolen token at night.\n")
    assert not _kept("**9.34(d)**: the program frees the block it allocated before.\n")
    assert not _kept("**Пример 3** — это запрос к серверу без заголовка Host.\n", "ru", "Сети.md")
    assert _kept("**HTTP/2** is a binary protocol that multiplexes streams over one connection.\n")


def _reverses(text: str, lang: str = "en", name: str = "Networks.md") -> set[str]:
    """The answers of the term cards a reader would be shown (issue 11)."""
    cards = _cards(text, lang, name).values()
    return {c.back for c in cards if c.kind == "term" and c.confidence >= DEFAULT_MIN_CONFIDENCE}


def test_a_reverse_needs_a_noun_phrase_not_a_clause():
    clause = "A **sweep** is the aim of the collector; it reclaims memory no longer in use.\n"
    because = "A **VLAN1** is the default data VLAN because every port is assigned to it.\n"
    verb = "A **job** is a unit of work consists of the commands given on a command line.\n"
    named = "React сначала создает копию реального DOM, которая называется виртуальным DOM.\n"
    assert not _reverses(clause) and not _reverses(because) and not _reverses(verb)
    assert not _reverses(named, "ru", "React.md")
    kept = "A **pending signal** is a signal that has been sent but not yet received.\n"
    assert _reverses(kept) == {"pending signal"}


def test_a_reverse_of_a_list_of_things_is_dropped():
    en = "The **main parts** are the CPU chip, a chipset called the I/O bridge, and DRAM.\n"
    ru = "**Препроцессоры** — это Sass, Less и Stylus, которые компилируются в CSS.\n"
    assert not _reverses(en) and not _reverses(ru, "ru", "CSS.md")
    modifiers = (
        "**Линейный алгоритм** — это набор команд, выполняемых подряд, без условий и циклов.\n"
    )
    assert _reverses(modifiers, "ru", "Алгоритмы.md") == {"линейный алгоритм"}
    participles = (
        "**Общий кэш** — это кэш, хранящий ответы, доступные многим пользователям сразу.\n"
    )
    assert _reverses(participles, "ru", "HTTP.md") == {"общий кэш"}


def test_a_reverse_answer_must_be_a_term():
    each = "**Each block** is a fixed-size chunk of the disk that the file system allocates.\n"
    generic = "The **main components** are the parts of a computer that run every program.\n"
    assert not _reverses(each) and not _reverses(generic)
    named = "The **I/O space** is the memory space that the hardware peripherals exist in.\n"
    assert _reverses(named) == {"I/O space"}


def test_a_reverse_description_must_single_out_one_term():
    thin = (
        "**Variational inference** is a technique to approximate the distributions of the model.\n"
    )
    ru = "**Lock-free** — это попытка избежать накладных расходов на синхронизацию.\n"
    assert not _reverses(thin) and not _reverses(ru, "ru", "Потоки.md")
    long = "**Hashing** is a technique used for storing and finding records in constant time.\n"
    assert _reverses(long) == {"Hashing"}


def test_a_reverse_leaning_on_words_elsewhere_is_dropped():
    ones = "**Weak entities** are the ones that depend on a stronger entity set to exist.\n"
    assert not _reverses(ones)  # "Containerization itself": tests/test_definition_fronts.py
    kept = "**Weak entities** are the entity sets that depend on a stronger entity set to exist.\n"
    assert _reverses(kept) == {"Weak entities"}
