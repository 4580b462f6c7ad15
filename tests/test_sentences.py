"""Sentence splitting: Russian and English, abbreviations, numbers, quotes, spans kept."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import HANG_GUARD_SECONDS
from notecards.extractors.base import ExtractContext
from notecards.extractors.definitions import extract_definitions
from notecards.extractors.enumerations import extract_enumerations
from notecards.extractors.headings import extract_headings
from notecards.extractors.properties import extract_properties
from notecards.model import Paragraph, Span
from notecards.reader import parse_note
from notecards.reader.inline import to_spans
from notecards.reader.markdown import parser
from notecards.text.cues import fold
from notecards.text.sentences import (
    MASK,
    flatten,
    paragraph_sentences,
    sentence_text,
    split_sentences,
)
from notecards.vault.media import Vault


def _spans(markdown: str):
    tokens = parser().parse(markdown)
    return to_spans(tokens[1].children) if len(tokens) > 1 else ()


def _texts(markdown: str) -> list[str]:
    return [sentence_text(s) for s in split_sentences(_spans(markdown))]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Первое. Второе! Третье?", ["Первое.", "Второе!", "Третье?"]),
        (
            "Это т. е. пример. Второе т.к. надо.",
            ["Это т. е. пример.", "Второе т.к. надо."],
        ),
        (
            "Протоколы, кэш и т. д. Новое предложение.",
            ["Протоколы, кэш и т. д.", "Новое предложение."],
        ),
        ("Use e.g. curl or i.e. wget. Then stop.", ["Use e.g. curl or i.e. wget.", "Then stop."]),
        ("Ask Dr. Smith about it. Fine.", ["Ask Dr. Smith about it.", "Fine."]),
        ("Caches, cookies, etc. Are next.", ["Caches, cookies, etc.", "Are next."]),
        (
            "Use HTTP/1.1 or 2.0 for index.html now. Next.",
            ["Use HTTP/1.1 or 2.0 for index.html now.", "Next."],
        ),
        (
            "See https://example.com/a.b?c=1 for details. Next.",
            ["See https://example.com/a.b?c=1 for details.", "Next."],
        ),
        ("Он сказал «Привет.» Затем ушёл.", ["Он сказал «Привет.»", "Затем ушёл."]),
        ("He said “Stop!” Then left.", ["He said “Stop!”", "Then left."]),
        ("Wait... Then go… And more.", ["Wait...", "Then go…", "And more."]),
        ("Сервер ждёт... и отвечает.", ["Сервер ждёт... и отвечает."]),
        ("A. S. Pushkin wrote it. Yes.", ["A. S. Pushkin wrote it.", "Yes."]),
        ("версия 2. затем", ["версия 2. затем"]),
        ("«Привет!» — сказал он.", ["«Привет!» — сказал он."]),
        # a word longer than any abbreviation ends a sentence; the abbreviation does not
        (
            "Values are approx. Ten or so. Then approximately. Next.",
            ["Values are approx. Ten or so.", "Then approximately.", "Next."],
        ),
        (
            "Соединение закрывается, т.е. освобождается. Дальше.",
            ["Соединение закрывается, т.е. освобождается.", "Дальше."],
        ),
        (
            "Read the `docs`. Then **configure** it. Finally _restart_.",
            ["Read the docs.", "Then configure it.", "Finally restart."],
        ),
    ],
)
def test_split(markdown, expected):
    assert _texts(markdown) == expected


def test_media_at_a_cut_stays_with_the_sentence_before():
    sentences = split_sentences(_spans("Первое предложение. ![[img.png]] Второе."))
    assert [[(s.text, s.kind) for s in sentence] for sentence in sentences] == [
        [("Первое предложение. ", "text"), ("", "embed")],  # only word spans are stripped
        [("Второе.", "text")],
    ]


def test_line_breaks_end_lines_that_read_as_separate_lines():
    text = "**HTTP** — протокол\n**HTTPS** — защищённый\nпродолжение строки"
    assert _texts(text) == ["HTTP — протокол", "HTTPS — защищённый продолжение строки"]
    assert _texts("Список протоколов,\nHTTP и HTTPS.") == ["Список протоколов, HTTP и HTTPS."]


def test_code_is_never_split_and_is_masked():
    (sentence,) = split_sentences(_spans("Код `a. B — это c` внутри."))
    flat = flatten(sentence)
    assert flat.text == "Код a. B — это c внутри."
    assert "это" not in flat.masked and MASK in flat.masked
    assert len(flat.masked) == len(flat.text)


def test_emphasis_survives_the_cut():
    first, second = split_sentences(_spans("Вот _WebSockets_. А это **HTTP** тоже."))
    assert Span("WebSockets", "em") in first
    flat = flatten(second)
    assert flat.text == "А это HTTP тоже."
    ((start, end),) = flat.emph
    assert flat.text[start:end] == "HTTP"
    assert [(s.text, s.kind) for s in flat.sub_spans(start - 4, end)] == [
        ("это ", "text"),
        ("HTTP", "strong"),
    ]


def test_emphasis_split_across_sentences():
    first, second = split_sentences(_spans("**Один. Два** три."))
    assert [s.kind for s in first] == ["strong"] and first[0].text == "Один."
    assert second[0] == Span("Два", "strong")


def test_media_only_paragraph_has_no_sentences():
    assert split_sentences(_spans("![[image.png|600]]")) == []
    assert split_sentences(()) == []


def test_sentence_lines():
    spans = _spans("Первая строка.\nВторая строка.\nТретья.")
    paragraph = Paragraph(10, 12, "", spans)
    assert [(line, f.text) for line, f in paragraph_sentences(paragraph)] == [
        (10, "Первая строка."),
        (11, "Вторая строка."),
        (12, "Третья."),
    ]


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZя. !?…\n«»\"')—-`*_=т.е")), max_size=200))
def test_split_never_loses_words(text):
    spans = _spans(text)
    sentences = split_sentences(spans)
    joined = "".join(c for s in sentences for c in sentence_text(s) if not c.isspace())
    original = "".join(
        c
        for s in spans
        if s.kind not in ("embed", "image", "tag", "html")
        for c in s.text
        if not c.isspace()
    )
    assert joined == original


_SPAN_KINDS = ["text", "em", "strong", "code", "math", "link", "tag", "image", "break"]


def _flat_view(flat):
    """A `Flat` with each piece's owner as its kind and target (a sentence cut by
    `paragraph_sentences` keeps the paragraph's spans, `flatten` the sentence's)."""
    owners = tuple((flat.spans[owner].kind, flat.spans[owner].target) for owner in flat.owners)
    return (flat.text, flat.masked, flat.lowered, flat.starts, flat.emph, flat.code, owners)


@pytest.mark.slow
@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(
                alphabet=st.sampled_from(list("aZя. !?…\n\t\u00a0«»)—,İт.еe.gDr")), max_size=10
            ),
            st.sampled_from([*_SPAN_KINDS, "highlight", "embed", "html", "wikilink"]),
            st.sampled_from(["", "x"]),
        ),
        max_size=8,
    )
)
def test_paragraph_sentences_flatten_as_they_cut(pieces):
    """The one pass of `paragraph_sentences` gives what cutting the paragraph into span
    tuples (`split_sentences`) and flattening each one gives."""
    spans = tuple(Span(text, kind, target) for text, kind, target in pieces)
    flats = [flat for _, flat in paragraph_sentences(Paragraph(1, 1, "", spans))]
    expected = [flatten(sentence) for sentence in split_sentences(spans)]
    assert [_flat_view(f) for f in flats] == [_flat_view(f) for f in expected]


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet=st.sampled_from(list("aZя. \n\t\u00a0İſ")), max_size=8),
            st.sampled_from(_SPAN_KINDS),
        ),
        max_size=8,
    )
)
def test_flatten_masks_exactly_code_and_math(pieces):
    sentence = tuple(Span("\n" if kind == "break" else t, kind) for t, kind in pieces)
    flat = flatten(sentence)
    assert len(flat.masked) == len(flat.text) == len(flat.lowered)
    assert flat.lowered == fold(flat.masked)
    ends = [*flat.starts[1:], len(flat.text)][: len(flat.starts)]
    for start, end, owner in zip(flat.starts, ends, flat.owners, strict=True):
        opaque = flat.spans[owner].kind in ("code", "math")
        expected = MASK * (end - start) if opaque else flat.text[start:end]
        assert flat.masked[start:end] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        ". " * 50_000,
        "a" * 100_000,
        "—" * 100_000,
        "X — это " * 20_000,
        "Когда клиент, " * 20_000,
        "WebSockets, пока " * 20_000,
        "такие как A, " * 20_000,
        "_a_ — " * 20_000,
        "HTTPS, который является, " * 10_000,
        "Под " + "x " * 50_000 + "понимают",
        "The " + "big " * 30_000 + "is a thing",
        "Кэширование — это " + "очень " * 100_000 + ".",
        "line\n" * 20_000,
    ],
)
def test_prose_extractors_are_linear_on_pathological_input(body):
    note, _ = parse_note(body.encode(), "n.md", Path("/x/n.md"), Vault(Path("/x")))
    assert note is not None
    ctx = ExtractContext(note)
    start = time.perf_counter()
    for extract in (extract_definitions, extract_properties, extract_enumerations):
        assert extract(note, ctx) == []
    extract_headings(note, ctx)
    assert time.perf_counter() - start < HANG_GUARD_SECONDS  # linear: well under a second
