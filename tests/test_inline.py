"""Inline tokens → spans: plain text joined, empty styled text left out, the text of
`<script>` and the like dropped, in the one pass `to_spans` makes."""

from __future__ import annotations

from markdown_it.token import Token

from conftest import note_from_text
from notecards.model import Span
from notecards.reader.inline import to_spans


def _token(kind: str, content: str = "", **attrs: str) -> Token:
    token = Token(kind, "", 0, attrs=attrs)
    token.content = content
    return token


def test_plain_text_is_joined_across_tokens_that_make_no_span() -> None:
    tokens = [_token("text", "a"), _token("footnote_ref"), _token("text", "b")]
    assert to_spans(tokens) == (Span("ab"),)


def test_empty_text_is_left_out_except_in_a_link() -> None:
    tokens = [
        _token("em_open"),
        _token("text", ""),
        _token("em_close"),
        _token("text", ""),
        _token("link_open", href="u"),
        _token("text", ""),
        _token("link_close"),
        _token("text", "x"),
        _token("text", "y"),
    ]
    assert to_spans(tokens) == (Span("", "link", "u"), Span("xy"))


def test_raw_text_elements_are_dropped_and_the_text_around_them_stays_apart() -> None:
    tokens = [
        _token("text", "a "),
        _token("html_inline", "<script>"),
        _token("text", "hidden"),
        _token("strong_open"),
        _token("text", "too"),
        _token("strong_close"),
        _token("html_inline", "</script>"),
        _token("text", " b"),
        _token("text", "c"),
    ]
    assert to_spans(tokens) == (
        Span("a "),
        Span("", "html", "<script>"),
        Span("", "html", "</script>"),
        Span(" bc"),
    )


def test_styles_nest_and_a_highlight_wins() -> None:
    tokens = [
        _token("mark_open"),
        _token("em_open"),
        _token("text", "x"),
        _token("em_close"),
        _token("mark_close"),
        _token("strong_open"),
        _token("em_open"),
        _token("text", "y"),
        _token("em_close"),
        _token("strong_close"),
        _token("softbreak"),
        _token("code_inline", ""),
    ]
    assert to_spans(tokens) == (
        Span("x", "highlight"),
        Span("y", "em"),
        Span("\n", "break"),
        Span("", "code"),
    )


def test_a_tag_the_sentence_reads_through_keeps_its_word():
    note = note_from_text("#XMLHttpRequest – это объект браузера для HTTP-запросов.\n")
    (_, block), *_ = note.blocks()
    assert block.text == "XMLHttpRequest – это объект браузера для HTTP-запросов."
    assert note.tags == ("XMLHttpRequest",)


def test_tags_that_end_a_line_or_stand_together_stay_tags_only():
    note = note_from_text("Some text. #one #two\n\nA line #three\nnext line\n")
    assert [b.text for _, b in note.blocks()] == ["Some text.  ", "A line  next line"]
    assert note.tags == ("one", "two", "three")
