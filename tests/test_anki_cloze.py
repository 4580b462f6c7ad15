"""Anki's own `{{c1::text}}` / `{{c1::text::hint}}` cloze syntax in notes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import HANG_GUARD_SECONDS
from notecards.extractors.anki_cloze import extract_anki_cloze, masked_text
from notecards.extractors.base import ExtractContext
from notecards.extractors.explicit import extract_explicit
from notecards.model import Card, Note
from notecards.reader import parse_note
from notecards.vault.media import Vault

NOTES = Path(__file__).parent / "notes" / "explicit"


def read(text: str, name: str = "note.md") -> Note:
    note, _ = parse_note(text.encode("utf-8"), name, NOTES / name, Vault(NOTES))
    assert note is not None
    return note


def run(text: str) -> tuple[list[Card], ExtractContext]:
    note = read(text)
    ctx = ExtractContext(note)
    return extract_anki_cloze(note, ctx), ctx


def cards(text: str) -> list[Card]:
    return run(text)[0]


def sides(found: list[Card]) -> list[tuple[int, str, str]]:
    return [(c.ord, c.front, c.back) for c in found]


def test_numbers_hints_and_repeated_numbers():
    text = (
        "HTTP is {{c1::stateless}} and runs over {{c2::TCP::transport}}; "
        "{{c1::cookies}} add state.\n"
    )
    found = cards(text)
    assert sides(found) == [
        (0, "HTTP is [...] and runs over TCP; [...] add state.", "stateless, cookies"),
        (1, "HTTP is stateless and runs over [transport]; cookies add state.", "TCP"),
    ]
    field = (
        "<p>HTTP is {{c1::stateless}} and runs over {{c2::TCP::transport}}; "
        "{{c1::cookies}} add state.</p>"
    )
    assert [c.fields for c in found] == [(field, ""), (field, "")]
    assert {c.kind for c in found} == {"cloze"} and {c.model for c in found} == {"cloze"}
    assert {c.extractor for c in found} == {"anki_cloze"}
    assert found[1].group == found[0].group == found[0].id
    assert found[0].line == 1


def test_ord_follows_the_number_not_the_position():
    found = cards("First {{c3::three}}, then {{c1::one}}.\n")
    assert sides(found) == [
        (0, "First three, then [...].", "one"),
        (2, "First [...], then one.", "three"),
    ]


def test_formatting_inside_a_deletion_is_kept_and_code_is_inert():
    text = "The operator {{c1::`::`}} and `{{c2::code}}` differ; see {{c3::**bold** text}}.\n"
    found = cards(text)
    assert sides(found) == [
        (0, "The operator [...] and {{c2::code}} differ; see bold text.", "::"),
        (2, "The operator :: and {{c2::code}} differ; see [...].", "bold text"),
    ]
    field = found[0].fields[0]
    assert "{{c1::<code>:&#58;</code>}}" in field  # `::` inside a deletion is no hint
    assert "<code>{&#123;c2:&#58;code}&#125;</code>" in field  # code is never a cloze
    assert "{{c3::<strong>bold</strong> text}}" in field


def test_malformed_markup_is_text():
    text = "Broken {{c1::open and {{c2::nested}} close}}, {{c3::}} empty, {{c4::unclosed\n"
    found = cards(text)
    assert sides(found) == [
        (1, "Broken {{c1::open and [...] close}}, {{c3::}} empty, {{c4::unclosed", "nested"),
    ]
    assert found[0].fields[0] == (
        "<p>Broken {&#123;c1:&#58;open and {{c2::nested}} close}&#125;, {&#123;c3:&#58;}&#125; "
        "empty, {&#123;c4:&#58;unclosed</p>"
    )
    assert cards("Only {{c1::unclosed and {{c0::zero}}\n") == []


@pytest.mark.slow
def test_lists_tables_and_quotes_are_one_note_each():
    text = (
        "- {{c1::GET}} reads a resource\n- {{c2::POST}} creates one\n\n"
        "| Method | Safe |\n|---|---|\n| {{c1::GET}} | yes |\n| POST | {{c2::no}} |\n\n"
        "> [!note] Methods\n> {{c1::PUT}} replaces a resource.\n"
    )
    found = cards(text)
    assert sides(found) == [
        (0, "• [...] reads a resource\n• POST creates one", "GET"),
        (1, "• GET reads a resource\n• [...] creates one", "POST"),
        (0, "Method | Safe\n[...] | yes\nPOST | no", "GET"),
        (1, "Method | Safe\nGET | yes\nPOST | [...]", "no"),
        (0, "Methods [...] replaces a resource.", "PUT"),
    ]
    assert [c.line for c in found] == [1, 2, 6, 7, 10]
    assert "<td>{{c2::no}}</td>" in found[3].fields[0]
    assert "[!note]" not in found[4].fields[0]
    assert len({c.group for c in found}) == 3


def test_code_blocks_and_math_are_never_clozes():
    text = (
        "```\n{{c1::inside code}}\n```\n\n    {{c1::indented}}\n\n"
        "$$\n{{c1::x}}\n$$\n\nMath $\\{{c1::x}}$ too.\n"
    )
    assert cards(text) == []


def test_russian_cloze():
    found = cards("Протокол {{c1::HTTP}} работает поверх {{c2::TCP}}.\n")
    assert sides(found) == [
        (0, "Протокол [...] работает поверх TCP.", "HTTP"),
        (1, "Протокол HTTP работает поверх [...].", "TCP"),
    ]
    assert {c.lang for c in found} == {"ru"}


def test_explicit_runs_first_and_leaves_cloze_lines_alone():
    note = read("Validators such as {{c1::ETag}}::not a basic card\n")
    ctx = ExtractContext(note)
    assert extract_explicit(note, ctx) == []
    assert [c.front for c in extract_anki_cloze(note, ctx)] == [
        "Validators such as [...]::not a basic card"
    ]
    assert [b.line for _, b in note.blocks() if ctx.is_claimed(b)] == [1]


def test_claimed_blocks_are_skipped():
    note = read("A {{c1::cloze}} here.\n")
    ctx = ExtractContext(note)
    ctx.claim(note.blocks()[0][1])
    assert extract_anki_cloze(note, ctx) == []


def test_ids_do_not_depend_on_the_answer():
    before = cards("Port {{c1::443}} is for HTTPS.\n")
    after = cards("Port {{c1::8443}} is for HTTPS.\n")
    assert [c.id for c in before] == [c.id for c in after]


def test_masked_text_keeps_offsets():
    text = "a `b::c` $d::e$ <!--f::g--> %%h::i%% <x::y> [l](u::v) [[w::z]] http://q::r end"
    masked = masked_text(text, urls=True)
    assert len(masked) == len(text)
    assert "::" not in masked
    assert masked.startswith("a ") and masked.endswith(" end")


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "{{c1::" * 50_000,
        "{{c1::a}} " * 30_000,
        " ".join(f"{{{{c{i}::w}}}}" for i in range(1, 3000)),
        "`" * 100_000,
        "<!--" * 50_000,
    ],
)
def test_pathological_input_is_cheap(text):
    note = read(text)
    start = time.perf_counter()
    found = extract_anki_cloze(note, ExtractContext(note))
    assert time.perf_counter() - start < HANG_GUARD_SECONDS
    assert len(found) <= 100


def test_many_numbers_are_bounded():
    text = " ".join(f"{{{{c{i}::w{i}}}}}" for i in range(1, 150)) + "\n"
    found = cards(text)
    assert len(found) == 100
    assert found[-1].ord == 99


_ALPHABET = st.sampled_from(
    [*"ab Я:`$%<>!-[](){}#|\\*_=\n", "{{c1::", "{{c2::", "}}", "::", "{{", "```\n"]
)


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_any_text_never_raises(text):
    note = read(text)
    found = extract_anki_cloze(note, ExtractContext(note))
    assert len(found) <= text.count("{{c") + 1
    for card in found:
        assert card.model == "cloze" and card.fields[0]


def test_false_positive_fixture_has_only_its_prose_cloze():
    text = (NOTES / "false_positives.md").read_text(encoding="utf-8")
    note = read(text, "false_positives.md")
    ctx = ExtractContext(note)
    assert extract_explicit(note, ctx) == []
    assert sides(extract_anki_cloze(note, ctx)) == [
        (0, "A deletion in prose [...], it is for the cloze extractor.", "is not for explicit")
    ]
