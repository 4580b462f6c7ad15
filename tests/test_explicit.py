"""The Spaced Repetition plugin's syntax: `::`, `:::`, `?`, `??` and `==cloze==`."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import HANG_GUARD_SECONDS
from notecards.extractors.anki_cloze import extract_anki_cloze
from notecards.extractors.base import ExtractContext
from notecards.extractors.explicit import (
    _chains,
    _may_hold_card,
    extract_explicit,
    is_flashcard_note,
    split_inline,
)
from notecards.model import Card, Note
from notecards.reader import parse_note
from notecards.vault.media import Vault
from strategies import markdown

NOTES = Path(__file__).parent / "notes" / "explicit"


def read(text: str, name: str = "note.md") -> Note:
    note, _ = parse_note(text.encode("utf-8"), name, NOTES / name, Vault(NOTES))
    assert note is not None
    return note


def run(text: str, name: str = "note.md") -> tuple[list[Card], ExtractContext]:
    note = read(text, name)
    ctx = ExtractContext(note)
    return extract_explicit(note, ctx), ctx


def cards(text: str) -> list[Card]:
    return run(text)[0]


def claimed_lines(ctx: ExtractContext) -> set[int]:
    """First lines of the top-level blocks the extractor claimed."""
    return {block.line for _, block in ctx.note.blocks() if ctx.is_claimed(block)}


def pairs(found: list[Card]) -> list[tuple[str, str]]:
    return [(c.front, c.back) for c in found]


def fixture(name: str) -> tuple[list[Card], ExtractContext]:
    return run((NOTES / name).read_text(encoding="utf-8"), name)


# ---------------------------------------------------------------- fixture notes


def test_english_fixture_all_syntaxes():
    found, _ = fixture("http_basics.md")
    assert [(c.line, c.kind, c.model, c.ord, c.front, c.back) for c in found] == [
        (7, "basic", "basic", 0, "What does HTTP stand for?", "HyperText Transfer Protocol"),
        (8, "reversed", "reversed", 0, "Default port of HTTPS", "443"),
        (8, "reversed", "reversed", 1, "443", "Default port of HTTPS"),
        (9, "basic", "basic", 0, 'Status code for "Not Found"', "404"),
        (10, "basic", "basic", 0, "Which header carries cookies from the server?", "Set-Cookie"),
        (12, "basic", "basic", 0, "Which method is idempotent and has no body?", "GET"),
        (
            16,
            "basic",
            "basic",
            0,
            "What are the parts of an HTTP request?",
            "• a request line\n• headers\n• an optional body",
        ),
        (
            22,
            "reversed",
            "reversed",
            0,
            "How does a browser check a server's certificate? It follows the chain of trust",
            "Certificate validation",
        ),
        (
            22,
            "reversed",
            "reversed",
            1,
            "Certificate validation",
            "How does a browser check a server's certificate? It follows the chain of trust",
        ),
        (
            27,
            "basic",
            "basic",
            0,
            "Show the request line of a GET for /index.html",
            "GET /index.html HTTP/1.1",
        ),
        (35, "cloze", "cloze", 0, "The [...] header is required in HTTP/1.1.", "Host"),
        (35, "cloze", "cloze", 1, "The Host header is required in [...].", "HTTP/1.1"),
        (
            37,
            "cloze",
            "cloze",
            0,
            "A cookie set with [attribute] is hidden from JavaScript.",
            "HttpOnly",
        ),
        (
            40,
            "cloze",
            "cloze",
            0,
            "Caching A response marked [...] must not be cached.",
            "no-store",
        ),
    ]
    assert {c.extractor for c in found} == {"explicit"}


def test_english_fixture_fields_and_groups():
    found, ctx = fixture("http_basics.md")
    by_front = {c.front: c for c in found}
    port, reverse = by_front["Default port of HTTPS"], by_front["443"]
    assert reverse.group == port.group == port.id
    assert port.fields == reverse.fields == ("Default port of HTTPS", "443")
    assert by_front['Status code for "Not Found"'].fields[1] == "<code>404</code>"
    # the SR plugin's scheduling comment and the block id are not part of the answer
    assert by_front["Which header carries cookies from the server?"].fields[1] == (
        "<code>Set-Cookie</code>"
    )
    parts = by_front["What are the parts of an HTTP request?"]
    assert parts.fields[1].startswith("<ul>") and "<li>headers</li>" in parts.fields[1]
    code = by_front["Show the request line of a GET for /index.html"]
    assert 'class="nc-code"' in code.fields[1] and "<code>/index.html</code>" in code.fields[0]
    cert = by_front["Certificate validation"]
    assert "<br>" in cert.fields[0]  # lines of a multi-line side stay lines, as in Obsidian
    host = by_front["The [...] header is required in HTTP/1.1."]
    assert host.fields == (
        "<p>The {{c1::Host}} header is required in {{c2::HTTP/1.1}}.</p>",
        "",
    )
    assert by_front["The Host header is required in [...]."].group == host.id
    hint = by_front["A cookie set with [attribute] is hidden from JavaScript."]
    assert "{{c1::HttpOnly::attribute}}" in hint.fields[0]
    callout = by_front["Caching A response marked [...] must not be cached."]
    assert "[!tip]" not in callout.fields[0]
    # every block a card came from is claimed: inline lines, the answer list, the code
    assert claimed_lines(ctx) == {7, 9, 12, 16, 18, 22, 27, 29, 35, 37, 39}


def test_russian_fixture():
    found, _ = fixture("cookies_ru.md")
    assert [(c.kind, c.ord, c.front, c.back) for c in found] == [
        (
            "basic",
            0,
            "Что такое cookie?",
            "Небольшой фрагмент данных, который сервер сохраняет в браузере",
        ),
        ("reversed", 0, "Заголовок, которым сервер устанавливает куки", "Set-Cookie"),
        ("reversed", 1, "Set-Cookie", "Заголовок, которым сервер устанавливает куки"),
        ("basic", 0, "Какой атрибут запрещает доступ к куки из JavaScript?", "HttpOnly"),
        (
            "basic",
            0,
            "Какие атрибуты есть у куки?",
            "1) Expires и Max-Age — время жизни\n"
            "2) Domain и Path — область действия\n"
            "3) Secure — только по HTTPS",
        ),
        (
            "basic",
            0,
            "Чем сессия отличается от куки?",
            "Сессия хранится на сервере, а в куки лежит только её идентификатор.",
        ),
    ]
    assert {c.lang for c in found} == {"ru"}
    # `Автор:: Иван Петров` is a Dataview field in a note not tagged for flashcards
    assert all("Автор" not in c.front for c in found)


def test_false_positive_fixture_gives_no_explicit_cards():
    found, ctx = fixture("false_positives.md")
    assert found == []
    assert claimed_lines(ctx) == set()


def test_seed_note_has_no_explicit_cards(seed_note):
    # the user's note has no SR syntax; `Content-Type: application/json` lines in its
    # HTTP code blocks and its headers with one colon must not become cards
    found, ctx = run(seed_note.read_text(encoding="utf-8"), "seed.md")
    assert found == []
    assert claimed_lines(ctx) == set()


# ---------------------------------------------------------------- the `::` guard


@pytest.mark.parametrize(
    "line",
    [
        "In C++ we write std::vector to get a dynamic array.",
        "std::vector<int> numbers;",
        "Foo::Bar::baz()",
        "Rust builds a vector with Vec::new()",
        "use std::io;",
        "a::before { content: '' }",
        "The CSS rule .btn::after adds an arrow",
        "input::placeholder",
        "The address fe80::1 is link-local",
        "Open [fe80::1]:8080/status",
        "2001:db8::8a2e:370:7334",
        "::1",
        "x :: Int",
        "In Haskell x :: Int declares a type",
        "map :: (a -> b) -> [a] -> [b]",
        "See http://example.com/a::b for details",
        "The code `a::b` is not a card",
        "Math $a::b$ is not a card",
        "Dataview [rating:: 5] and (source:: a book)",
        "status:: draft",
        "Self::$instance is PHP",
        "A::B::C",
        "::",
        "Question::",
        "::Answer",
        "a::::b",
        "{{c1::text}} is a cloze",
        "%% hidden::comment %%",
        "<!-- Question::Answer -->",
        "[[Note::Heading]] is a link",
        "Great job :smile::wink:",
    ],
)
def test_code_and_data_are_not_inline_cards(line):
    assert split_inline(line, flashcards=False) is None


@pytest.mark.parametrize(
    ("line", "question", "answer", "reversed_"),
    [
        ("Capital of France::Paris", "Capital of France", "Paris", False),
        (
            "What does `std::move` do?::Casts to an rvalue",
            "What does `std::move` do?",
            "Casts to an rvalue",
            False,
        ),
        ("Hund::dog", "Hund", "dog", False),
        ("der Hund:::the dog", "der Hund", "the dog", True),
        ("What is HTTP :: A protocol", "What is HTTP", "A protocol", False),
        ("- Status 404::Not Found", "Status 404", "Not Found", False),
        ("1. Status 500::Internal Server Error", "Status 500", "Internal Server Error", False),
        ("#flashcards/web Port of SSH::22", "Port of SSH", "22", False),
        ("#1 cause of broken links::typos", "#1 cause of broken links", "typos", False),
        ("Что такое DNS?::Система доменных имён", "Что такое DNS?", "Система доменных имён", False),
        (
            "Scheduling::SM-2 <!--SR:!2024-01-01,3,250-->",
            "Scheduling",
            "SM-2 <!--SR:!2024-01-01,3,250-->",
            False,
        ),
        ("Paris is the capital of::France ^abc123", "Paris is the capital of", "France", False),
    ],
)
def test_inline_cards_are_recognised(line, question, answer, reversed_):
    split = split_inline(line, flashcards=False)
    assert split is not None
    assert (split.question, split.answer, split.reversed) == (question, answer, reversed_)


def test_dataview_shaped_lines_count_in_flashcard_notes_only():
    assert split_inline("Capital of France:: Paris", flashcards=False) is None
    split = split_inline("Capital of France:: Paris", flashcards=True)
    assert split is not None and split.answer == "Paris"
    assert cards("status:: draft\n") == []
    assert pairs(cards("---\ntags: [flashcards]\n---\nstatus:: draft\n")) == [("status", "draft")]


def test_code_blocks_math_tables_and_comments_never_give_cards():
    text = (
        "```\nQuestion::Answer\n?\nx\n```\n\n"
        "    indented::code\n\n"
        "$$\na::b\n$$\n\n"
        "| a | b |\n|---|---|\n| Q::A | x |\n\n"
        "<!--\nHidden::card\n-->\n\n"
        "%%\nQ::A\n?\nA\n%%\n"
    )
    assert cards(text) == []


# ---------------------------------------------------------------- multi-line cards


def test_multiline_card_ends_at_blank_line_and_starts_after_one():
    found = cards("Intro paragraph.\n\nWhat is TLS?\n?\nA protocol\nthat encrypts\n\nAfter.\n")
    assert pairs(found) == [("What is TLS?", "A protocol that encrypts")]
    assert found[0].line == 3
    assert found[0].fields == ("What is TLS?", "A protocol<br>that encrypts")


def test_multiline_question_may_span_lines_and_hold_code():
    text = "What does this print?\n```python\nprint(2 ** 3)\n```\n?\n8\n"
    found = cards(text)
    assert pairs(found) == [("What does this print?\nprint(2 ** 3)", "8")]
    assert 'class="nc-code"' in found[0].fields[0]


def test_multiline_answer_keeps_blank_lines_inside_code():
    text = "Show a minimal request\n?\n```http\nGET / HTTP/1.1\n\nHost: a\n```\n\nNext.\n"
    assert pairs(cards(text)) == [("Show a minimal request", "GET / HTTP/1.1\n\nHost: a")]


def test_multiline_reversed_gives_two_cards_with_one_group():
    found = cards("Port of HTTP\n??\n80\n")
    assert [(c.ord, c.front, c.back, c.model) for c in found] == [
        (0, "Port of HTTP", "80", "reversed"),
        (1, "80", "Port of HTTP", "reversed"),
    ]
    assert found[1].group == found[0].id != found[1].id
    assert found[0].fields == found[1].fields == ("Port of HTTP", "80")


def test_inline_card_ends_a_multiline_answer():
    found = cards("What is a URL?\n?\nAn address\nPort of DNS::53\n")
    assert pairs(found) == [("What is a URL?", "An address"), ("Port of DNS", "53")]


def test_heading_ends_a_card_and_tag_lines_are_not_questions():
    found = cards("#flashcards/web\nWhat is CORS?\n?\nA browser policy\n## Next\nText\n")
    assert pairs(found) == [("What is CORS?", "A browser policy")]


def test_multiline_card_in_a_list_item_and_in_a_quote():
    found = cards(
        "- What is REST?\n  ?\n  An architectural style\n\n> What is SOAP?\n> ?\n> A protocol\n"
    )
    assert pairs(found) == [
        ("What is REST?", "An architectural style"),
        ("What is SOAP?", "A protocol"),
    ]


def test_separator_without_a_side_is_no_card():
    assert cards("?\nAnswer without question\n\nQuestion without answer\n?\n") == []


def test_multiline_card_with_scheduling_comment():
    found = cards("What is HSTS?\n?\nStrict-Transport-Security\n<!--SR:!2024-01-01,3,250-->\n")
    assert pairs(found) == [("What is HSTS?", "Strict-Transport-Security")]


# ---------------------------------------------------------------- highlight clozes


def test_highlights_are_clozes_only_in_flashcard_notes():
    body = "The ==Host== header is required in ==HTTP/1.1==.\n"
    assert cards(body) == []
    found = cards("---\ntags: flashcards\n---\n" + body)
    assert [(c.ord, c.front, c.back) for c in found] == [
        (0, "The [...] header is required in HTTP/1.1.", "Host"),
        (1, "The Host header is required in [...].", "HTTP/1.1"),
    ]
    assert {c.kind for c in found} == {"cloze"} and {c.model for c in found} == {"cloze"}


def test_highlight_groups_share_a_card():
    text = (
        "#flashcards\n\nThis is ==in group 1==[^1], this ==in group 2==[^2] and ==also 1==[^1].\n"
    )
    found = cards(text)
    assert [(c.ord, c.front, c.back) for c in found] == [
        (0, "This is [...], this in group 2 and [...].", "in group 1, also 1"),
        (1, "This is in group 1, this [...] and also 1.", "in group 2"),
    ]
    assert "{{c1::in group 1}}" in found[0].fields[0]
    assert "[^1]" not in found[0].fields[0]


def test_highlights_in_code_are_text():
    text = "#flashcards\n\nThe operator `a == b` compares, and ==`===`== is strict.\n"
    found = cards(text)
    assert [(c.front, c.back) for c in found] == [
        ("The operator a == b compares, and [...] is strict.", "===")
    ]


# ---------------------------------------------------------------- scope, identity, robustness


def test_flashcard_tags():
    assert is_flashcard_note(read("---\ntags: [Flashcards/Web]\n---\nx\n"))
    assert is_flashcard_note(read("text #flashcard\n"))
    assert not is_flashcard_note(read("---\ntags: [flashcardsx, web]\n---\nx\n"))


def test_ids_are_stable_under_answer_edits_and_deterministic():
    before = cards("Port of HTTPS::443\n\nWhat is TLS?\n?\nA protocol\n")
    after = cards("Port of HTTPS::8443\n\nWhat is TLS?\n?\nA different answer\n")
    assert [c.id for c in before] == [c.id for c in after]
    assert [c.id for c in before] == [
        c.id for c in cards("Port of HTTPS::443\n\nWhat is TLS?\n?\nA protocol\n")
    ]


def test_explicit_blocks_are_left_to_anki_cloze_when_they_hold_anki_markup():
    note = read("HTTP is {{c1::stateless}}::not a card\n")
    ctx = ExtractContext(note)
    assert extract_explicit(note, ctx) == []
    assert [c.front for c in extract_anki_cloze(note, ctx)] == ["HTTP is [...]::not a card"]


@pytest.mark.slow
def test_large_note_is_fast():
    note = read("What is HTTP number one?::A protocol\nprose line with text\n" * 5000)
    start = time.perf_counter()
    found = extract_explicit(note, ExtractContext(note))
    assert len(found) == 5000
    assert time.perf_counter() - start < HANG_GUARD_SECONDS


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [":" * 200_000, "a::" * 60_000, "](" * 100_000 + "::x", "q\n?\n" * 20_000, "`" * 100_000],
)
def test_pathological_lines_are_cheap(text):
    note = read(text)
    start = time.perf_counter()
    found = extract_explicit(note, ExtractContext(note))
    assert time.perf_counter() - start < HANG_GUARD_SECONDS
    assert len(found) <= text.count("\n") + 1  # at most a card per line of input


_ALPHABET = st.sampled_from(
    [*"ab Я:?=`$%<>!-[](){}#|\\*_~^\n", "::", ":::", "\n?\n", "==", "{{c1::", "}}"]
)


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_any_text_never_raises(text):
    note = read(("#flashcards\n" if len(text) % 2 else "") + text)
    found = extract_explicit(note, ExtractContext(note))
    assert len(found) <= 2 * text.count("\n") + 4 * text.count("==") + 2
    for card in found:
        assert card.front.strip() and card.back.strip()


def test_a_highlight_with_emphasis_inside_is_still_a_cloze():
    (card,) = cards("---\ntags: [flashcards]\n---\nThe port of HTTPS is ==**443**==.\n")
    assert (card.model, card.front, card.back) == ("cloze", "The port of HTTPS is [...].", "443")


def _chains_block_by_block(note: Note, ctx: ExtractContext) -> list:
    """`_chains` as first written: every block in turn, each group closed at a gap."""
    chains, chain, hot, next_line = [], [], False, -10
    for section, block in note.blocks():
        if ctx.is_claimed(block):
            next_line = -10
            continue
        if block.line != next_line:
            if hot:
                chains.append(chain)
            chain, hot = [], False
        chain.append((section, block))
        hot = hot or _may_hold_card(block.source)
        next_line = block.line + block.source.count("\n") + 1
    if hot:
        chains.append(chain)
    return chains


_CARD_LINES = st.sampled_from(["Q::A", "Q:::A", "?", "??", "text", "", "- a::b", "> q::a"])


@pytest.mark.slow
@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(markdown | _CARD_LINES, max_size=8).map("\n".join),
    st.sets(st.integers(0, 30), max_size=6),
)
def test_chains_grown_around_card_blocks_are_those_of_a_walk(text: str, claims: set[int]) -> None:
    note, _ = parse_note(text.encode("utf-8"), "note.md", NOTES / "note.md", Vault(NOTES))
    assume(note is not None)  # text that does not read as a note (binary-looking)
    ctx = ExtractContext(note)
    for index, (section, block) in enumerate(note.blocks()):
        if index in claims:
            ctx.claim(block, section)
    assert _chains(note, ctx) == _chains_block_by_block(note, ctx)


@pytest.mark.slow
@given(st.lists(markdown | _CARD_LINES | st.sampled_from(["{{c1::", "{{c2:::", "}}"]), max_size=8))
def test_a_block_said_to_hold_no_card_has_no_card_line(parts: list[str]) -> None:
    source = "".join(parts)
    if not _may_hold_card(source):
        for line in source.split("\n"):
            assert split_inline(line, True) is None and split_inline(line, False) is None
            assert line.strip().lstrip(">").strip() not in ("?", "??")
