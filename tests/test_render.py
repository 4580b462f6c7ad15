"""Markdown fragments to Anki HTML and to plain text."""

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from notecards.model import Span
from notecards.render.markup import (
    _PROSE_LINE,
    RenderContext,
    _parsed_and_text,
    _prose_and_text,
    highlight_code,
    render_markdown,
    spans_html,
    text_html,
)
from notecards.render.plain import markdown_text
from notecards.vault.media import Vault


def test_code_is_highlighted_inside_the_nc_code_wrapper():
    out = highlight_code("x = 1\n", "python")
    assert out.startswith('<div class="nc-code"><pre>') and "<span" in out


def test_unknown_language_still_renders_escaped_code():
    out = render_markdown("```nosuchlang\n<b>x</b>\n```")
    assert "&lt;b&gt;" in out and "<b>" not in out


def test_math_becomes_anki_delimiters():
    out = render_markdown("Energy $E=mc^2$ and\n\n$$a^2+b^2$$")
    assert r"\(E=mc^2\)" in out and r"\[a^2+b^2\]" in out


def test_obsidian_inline_syntax_renders_as_display_text():
    out = render_markdown("See [[Note#Part|this]] and ==key== %%secret%% #tag/x", inline=True)
    assert "this" in out and "<mark>key</mark>" in out and "secret" not in out
    assert "[[" not in out


def test_embed_inside_vault_becomes_media(tmp_path: Path):
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    note = tmp_path / "note.md"
    note.write_text("x")
    ctx = RenderContext(Vault(tmp_path), note)
    out = render_markdown("![[pic.png|300]]", ctx)
    (name,) = ctx.media
    assert f'src="{name}"' in out and 'width="300"' in out
    assert ctx.media[name] == str((tmp_path / "img" / "pic.png").resolve())


def test_remote_images_are_dropped_unless_allowed():
    assert "evil" not in render_markdown("![x](https://evil.example/x.png)")
    allowed = render_markdown("![x](https://ok.example/x.png)", RenderContext(allow_remote=True))
    assert "https://ok.example/x.png" in allowed


def test_raw_script_never_survives():
    out = render_markdown('hi <script>alert(1)</script><img src=x onerror="alert(1)">')
    assert "<script" not in out and "onerror" not in out


def test_spans_html_keeps_emphasis_and_escapes_text():
    spans = (Span("<WebSockets>", "em"), Span(" - это протокол"))
    assert spans_html(spans) == "<em>&lt;WebSockets&gt;</em> - это протокол"


def test_text_html_escapes_and_keeps_lines():
    assert text_html("a < b\nc") == "a &lt; b<br>c"
    assert text_html("""it's "x" & y""") == "it&#x27;s &quot;x&quot; &amp; y"
    assert text_html("plain, ёлка\t") == "plain, ёлка\t"


def test_markdown_text_drops_all_markup():
    source = "**Bold** _em_ [[Target|alias]] `code` <b>x</b>\n\n- one\n- two\n\n1. first"
    text = markdown_text(source)
    assert text == "Bold em alias code x\n• one\n• two\n1) first"
    for mark in ("**", "[[", "<b>", "`"):
        assert mark not in text


def test_plain_text_loses_html_elements_but_keeps_generics():
    from notecards.render.plain import strip_html_tags

    assert strip_html_tags("<img src=x onerror=alert('a')>answer") == "answer"
    assert strip_html_tags("<i onmouseover=f()>secret</i> <!-- c -->ok") == "secret ok"
    assert strip_html_tags("Vec<T> and a <b c") == "Vec<T> and a <b c"


def test_note_embeds_in_sentences_use_the_pipelines_embedder():
    calls = []

    def embed(target, heading, ctx):
        calls.append((target, heading))
        return "<p>embedded</p>"

    spans = (Span("See "), Span("", "embed", "Other note#Part"))
    out = spans_html(spans, RenderContext(embed_note=embed))
    assert calls == [("Other note", "Part")] and "embedded" in out
    assert "embedded" not in spans_html(spans)  # no embedder: nothing invented


# Lines near the edge of `_PROSE_LINE`: prose, quotes, spaces of every kind, digits,
# punctuation, controls, cloze markers and what would start Markdown.
_PROSE_PIECES = st.sampled_from(
    ["word", "Слово", " ", "  ", "\t", "\u00a0", "\u2028", "\x0b", "\x0c", "\x1c", "\x85",
     '"', "'", "1", "1.", "1)", "٣", "-", "--- ", "+", "(", ")", ":", "?", ".", ",", "/", "@",
     "—", "«", "»", "é", "e\u0301", "\U000f0000", "\ue006", "\ufeff", "\u200b", "😀", "\x00",
     "\x7f", "\r", "\n", "=", "==", "#", "*", "_", "`", "$", "<", "&", "[", "~", "%%", "^", "|"]
)  # fmt: skip


@pytest.mark.slow
@settings(max_examples=500)  # about one in eight is a prose line
@given(st.lists(_PROSE_PIECES | st.text(max_size=4), min_size=1, max_size=12).map("".join))
@example('Протокол HTTP работает поверх \U000f0000TCP\ue006 на порту "80".')
@example("a")
def test_a_prose_line_renders_as_markdown_it_renders_it(source: str) -> None:
    ctx = RenderContext()
    if _PROSE_LINE.fullmatch(source) is not None:
        assert _prose_and_text(source, ctx) == _parsed_and_text(source, ctx)
