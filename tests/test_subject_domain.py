"""A card is asked within the note's DOMAIN, the technology its folders or title name
(issue 11, h19-subject, text.domains): a strict reader dropped "The Panic Interface:
what is recover?" (a sibling title), "data structures: what are slices?" (a category
folder) and a bare "What is Broadcasting?" in a NumPy note, and kept "Kafka: что такое
ISR?" (a title that names the thing owning the term). The notes of
tests/notes/subject_domain are small notes in those shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import note_from_text, run_notecards
from notecards.extractors.base import ExtractContext
from notecards.lang import PACKS
from notecards.text.domains import folder_domain, is_domain_name, name_form
from notecards.text.topics import folder_topic, needs_topic, note_topic

NOTES = Path(__file__).parent / "notes" / "subject_domain"


@pytest.fixture(scope="module")
def fronts() -> dict[str, list[str]]:
    """note → the fronts of the cards the real command keeps for it."""
    done = run_notecards("cards", NOTES, "--json")
    assert done.returncode == 0, done.stderr
    found: dict[str, list[str]] = {}
    for card in json.loads(done.stdout):
        found.setdefault(card["note"], []).append(card["front"])
    return found


@pytest.mark.parametrize(
    ("note", "front", "not_front"),
    [
        # a common-noun title that does not contain the term: the folder's technology
        (
            "go/core/errors/The Panic Interface.md",
            "Go: what is recover?",
            "The Panic Interface: what is recover?",
        ),
        # a category folder under the technology's folder
        (
            "go/core/data structures/slices/Slices.md",
            "Go: what is a slice?",
            "data structures: what is a slice?",
        ),
        # folders that sort notes ("Declarations", "Syntax") under the language's
        (
            "C++/Syntax/Declarations/Structured binding.md",
            "C++: what is Decomposition?",
            "Declarations: what is Decomposition?",
        ),
        # a generic question heading gets the domain, written as the note writes it
        (
            "numpy/basics/Array operations.md",
            "NumPy: what is Broadcasting?",
            "What is Broadcasting?",
        ),
        # a Russian definition in a JavaScript note: the folder names the language
        (
            "javaScript/event/Обработка.md",
            "JavaScript: что такое событие?",
            "Обработка: что такое событие?",
        ),
    ],
)
def test_a_term_its_title_does_not_own_is_asked_within_the_domain(fronts, note, front, not_front):
    assert front in fronts[note], fronts[note]
    assert not_front not in fronts[note]


def test_a_title_that_names_the_owner_of_the_term_stays():
    """ "Kafka" is a name: ISR is Kafka's, and the category folder above names nothing."""
    note = note_from_text(
        "# Kafka\n\nEach partition in Kafka has a leader.\n\n"
        "**ISR** is the set of replicas of a partition that are caught up with its leader.\n",
        name="messaging/Kafka.md",
    )
    ctx = ExtractContext(note)
    assert ctx.domain == "Kafka"
    assert ctx.topic_for("ISR", note.sections[-1]) == "Kafka"


def test_a_title_that_names_part_of_the_domain_stays():
    """ "Планировщик Go" is a part of Go: its own terms are asked within it."""
    note = note_from_text(
        "# Планировщик Go\n\nГлобальная очередь — это очередь горутин, общая для всех.\n",
        lang="ru",
        name="go/вопросы/x.md",
    )
    ctx = ExtractContext(note)
    assert ctx.domain == "Go"
    assert ctx.topic_for("глобальная очередь", note.sections[-1]) == "Планировщик Go"


def test_one_common_word_is_narrowed_by_its_title_not_the_domain():
    """ "a set" in a note on cache memories is the cache's set: "CSAPP: what is a set?"
    fits half the book. A word the note's code uses ("defer") is the language's keyword,
    asked within the language."""
    note = note_from_text(
        "# Cache Memories\n\nA **set** is a collection of one or more cache lines.\n",
        name="Computing/CSAPP/Chapter 6/Cache Memories.md",
    )
    ctx = ExtractContext(note)
    assert ctx.domain == "CSAPP"
    assert ctx.topic_for("set", note.sections[-1]) == "Cache Memories"
    assert ctx.topic_for("a set", note.sections[-1]) == "Cache Memories"
    assert ctx.topic_for("associative memory", note.sections[-1]) == "CSAPP"
    keyword = note_from_text(
        "# The Panic Interface\n\n**defer** schedules a call for when the function returns.\n\n"
        "```go\ndefer f.Close()\n```\n",
        name="go/core/errors/The Panic Interface.md",
    )
    ctx = ExtractContext(keyword)
    assert ctx.topic_for("defer", keyword.sections[-1]) == "Go"


def test_a_question_about_a_name_the_note_writes_stays_bare(fronts):
    """ "Unicode" is written with its capital mid-sentence: it names one thing, and a
    note with no domain adds nothing either."""
    assert "What is Unicode?" in fronts["Computing/text/Encodings.md"]


def test_a_question_heading_with_a_name_is_not_given_the_domain():
    note = note_from_text(
        "# Networking\n\nWe talk to servers over HTTP from Go.\n\n## What is HTTP?\n\n"
        "HTTP is the protocol browsers and servers use to exchange documents.\n",
        name="go/net/x.md",
    )
    ctx = ExtractContext(note)
    front, _ = ctx.asked_within(
        "What is HTTP?", "What is HTTP?", note.sections[-1], 0.6, may_stand_alone=True
    )
    assert front == "What is HTTP?"
    generic, _ = ctx.asked_within(
        "Why use generics?", "Why use generics?", note.sections[-1], 0.6, may_stand_alone=True
    )
    assert generic == "Go: why use generics?"


@pytest.mark.parametrize(
    ("name", "text", "named"),
    [
        ("go", "", True),  # a well-known name
        ("C++", "", True),  # the symbols of a name
        ("C", "", True),
        ("PyTorch", "", True),  # an inner capital no common word has
        ("SQL", "", True),  # an acronym
        ("STL", "The STL holds the containers.", True),  # an acronym the note writes
        ("FAQ", "", False),  # a vault's labels in capitals ("Maps of Content")
        ("MOCs", "", False),
        ("INFO", "See the docs for more info on caching.", False),  # a common word shouted
        ("CSAPP", "", True),  # capitals the note writes in no other way: a name
        ("Kafka", "Each partition in Kafka has a leader.", True),  # written as a name
        ("numpy", "Arrays in NumPy are fast, and NumPy picks the loop.", True),
        ("C & C++", "", True),  # names only
        ("HTML Attributes", "", False),  # a topic of HTML
        ("Instruction Set Architecture", "the Instruction Set Architecture", False),
        ("core", "", False),  # a category, lowercase
        ("data structures", "", False),
        ("Declarations", "", False),  # a plural common noun
        ("Types", "the Fundamental Types of the language", False),
        ("GettingStarted", "", False),  # common words joined
        ("ObjectOrientedConcepts", "", False),
        ("Sequence", "a sequence of items", False),  # the note writes it in lower case
        ("Environment", "", False),  # never written: no evidence of a name
        ("IO", "", False),  # two letters: a kind of thing
        ("pr", "We open a PR, and the PR is reviewed.", False),  # a shorthand folder
        ("lua", "Tables in Lua are the one structure, and Lua has no arrays.", True),
        ("CSC209", "", False),  # a course code
        ("Архитектура React", "", False),  # a title, not a name
        ("Eclipse Guided Tour for Java", "", False),  # too long to be a name
    ],
)
def test_which_folders_and_titles_name_a_domain(name, text, named):
    assert is_domain_name(name, text) is named


@pytest.mark.parametrize(
    ("path", "text", "domain"),
    [
        ("go/core/errors/x.md", "", "Go"),
        ("Computing/Linux/x.md", "", "Linux"),
        ("C++/Syntax/Declarations/x.md", "", "C++"),
        ("javaScript/event/x.md", "", "JavaScript"),  # as the name is spelled
        ("numpy/basics/x.md", "Arrays in NumPy are fast, and NumPy picks the loop.", "NumPy"),
        ("Operating Systems/Week 8/x.md", "", ""),  # a field, but no technology
        ("notes/core/x.md", "", ""),
        ("Networks/MOCs/x.md", "", ""),  # a label in capitals names no technology
    ],
)
def test_the_nearest_folder_that_names_a_technology(path, text, domain):
    assert folder_domain(path, text) == domain


def test_how_a_note_writes_a_name():
    assert name_form("numpy", "We use NumPy; NumPy is fast. `numpy.array`") == "NumPy"
    assert name_form("sequence", "A Sequence is a sequence; the sequence ends.") == ""
    assert name_form("lua", "") == ""


def test_a_title_that_is_a_name_owns_its_terms_under_another_domain():
    """ "Content Security Policy (CSP)" names one thing: its directives are its own,
    though the folder names HTTP; a common-noun title ("Messages") is not."""
    text = "Сериализованная директива — это строка из имени и значения директивы.\n"
    named = note_from_text(
        "# Content Security Policy (CSP)\n\n" + text, lang="ru", name="http/policies/csp.md"
    )
    common = note_from_text("# Messages\n\n" + text, lang="ru", name="http/messages/x.md")
    term = "сериализованная директива"
    assert ExtractContext(named).topic_for(term, named.sections[-1]) == (
        "Content Security Policy (CSP)"
    )
    assert ExtractContext(common).topic_for(term, common.sections[-1]) == "HTTP"


@pytest.mark.parametrize(
    ("path", "topic"),
    [
        # common words written as one folder name read as words
        ("Programming Methods/Constructs/ControlStructures/x.md", "Control Structures"),
        ("System Design/DesignPatterns/x.md", "Design Patterns"),
        ("Tools/GettingStarted/x.md", "Tools"),  # a label once spaced: the next folder up
        ("Tools/PyTorch/x.md", "PyTorch"),  # a name stays as it is written
        ("Tools/JavaScript/x.md", "JavaScript"),
    ],
)
def test_a_folder_of_joined_words_reads_as_words(path, topic):
    assert folder_topic(path, "en") == topic


def test_a_file_name_of_joined_words_reads_as_words():
    note = note_from_text("Text.\n", name="Algorithms/TopologicalSort.md")
    assert note_topic(note, PACKS["en"]) == "Topological Sort"
    # a name the note writes as one word is a name: Java's class, not "Hash Map"
    named = note_from_text("A HashMap keeps one null key.\n", name="Java/HashMap.md")
    assert note_topic(named, PACKS["en"]) == "HashMap"


@pytest.mark.parametrize(
    ("term", "generic"),
    [
        ("декодирование (decoding)", True),  # a translation in brackets names nothing
        ("Reconciliation (согласование)", True),
        ("option()", False),  # a call: code
        ("Incremental Static Regeneration (ISR)", False),  # a name and its acronym
    ],
)
def test_a_translation_in_brackets_does_not_make_a_term_a_name(term, generic):
    assert needs_topic(term, "HTML") is generic


def test_a_russian_question_heading_with_a_capitalised_name_is_not_given_the_domain():
    """Russian has no Title Case: "Teleport" inside a question is a name of its own."""
    note = note_from_text(
        "# Обзор\n\nTeleport рендерит окно в body.\n\n## Где полезны Teleport и Suspense?\n\n"
        "Teleport переносит разметку. Suspense показывает запасной интерфейс.\n",
        lang="ru",
        name="vue/x.md",
    )
    ctx = ExtractContext(note)
    asked = "Где полезны Teleport и Suspense?"
    front, _ = ctx.asked_within(asked, asked, note.sections[-1], 0.6, may_stand_alone=True)
    assert front == asked
    generic = "Где полезны слоты?"
    front, _ = ctx.asked_within(generic, generic, note.sections[-1], 0.6, may_stand_alone=True)
    assert front == "Vue: где полезны слоты?"
