"""clean_html: the allow-list that every field passes before it reaches a deck."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from notecards.render import sanitize
from notecards.render.sanitize import clean_html, forget_cleaned
from strategies import markdown


@pytest.mark.parametrize(
    ("dirty", "forbidden"),
    [
        ("<p>hi<script>alert(1)</script></p>", "alert"),
        ('<img src="x.png" onerror="alert(1)">', "onerror"),
        ('<a href="javascript:alert(1)">x</a>', "javascript"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "alert"),
        ("<svg onload=alert(1)><circle r=1 /></svg>", "onload"),
        ("<svg><script>alert(1)</script></svg>", "alert"),
        ("<style>body { display: none }</style>", "display"),
        ('<iframe src="https://evil.example/"></iframe>', "iframe"),
        ('<object data="x.swf"></object><embed src="x.swf">', "swf"),
        ('<form action="https://evil.example/"><input name=q></form>', "form"),
        ('<p onclick="steal()">x</p>', "steal"),
        ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', "data:"),
        ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "data:"),
        ('<p style="background: url(https://evil.example/t.png)">x</p>', "evil"),
        ("<!-- a comment --><p>x</p>", "comment"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "refresh"),
        ('<link rel="stylesheet" href="https://evil.example/x.css">', "evil"),
    ],
)
def test_dangerous_markup_is_removed(dirty: str, forbidden: str) -> None:
    assert forbidden not in clean_html(dirty).lower()


def test_remote_image_removed_by_default_and_kept_when_allowed() -> None:
    html = '<p>see <img src="http://evil/x.png" alt="x"></p>'
    assert clean_html(html) == "<p>see </p>"
    assert clean_html(html, allow_remote=True) == html


@pytest.mark.parametrize(
    "src",
    [
        "https://cdn.example/x.png",
        "//cdn.example/x.png",
        " HTTP://x/y",
        "http:evil.example/x.png",
        "ht&#9;tp://evil.example/x.png",
        "&#10;//evil.example/x.png",
        "\\\\evil.example\\x.png",
        "/\\evil.example/x.png",
    ],
)
def test_every_remote_image_form_is_removed(src: str) -> None:
    assert "<img" not in clean_html(f'<img src="{src}">')


def test_image_with_gt_in_alt_is_removed_whole() -> None:
    assert clean_html('<img alt="a > b" src="http://evil/x.png">after') == "after"


def test_local_images_keep_size_and_alt() -> None:
    html = '<img src="diagram.png" alt="Diagram" width="600">'
    assert clean_html(html) == html


def test_links_stay_with_safe_rel() -> None:
    cleaned = clean_html('<a href="https://example.org/" target="_blank">docs</a>')
    assert cleaned == '<a href="https://example.org/" rel="noopener noreferrer">docs</a>'


def test_pygments_output_is_kept() -> None:
    html = (
        '<div class="nc-code"><pre><span class="k">def</span> <span class="nf">f</span>'
        '<span class="p">():</span></pre></div>'
    )
    assert clean_html(html) == html


def test_flashcard_markup_is_kept() -> None:
    html = (
        "<p><b>bold</b> <em>em</em> <mark>hl</mark> <code>x</code> <kbd>Ctrl</kbd> H<sub>2</sub>O"
        '</p><ol start="3"><li>step</li></ol><blockquote><p>q</p></blockquote>'
        "<details><summary>more</summary><p>hidden</p></details><hr>"
        "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
    )
    assert clean_html(html) == html


def test_table_alignment_survives() -> None:
    html = '<table><tbody><tr><td style="text-align:right">1</td></tr></tbody></table>'
    assert clean_html(html) == html


def test_math_and_cloze_text_is_untouched() -> None:
    text = r"{{c1::\(E = mc^2\)::formula}} and \[a^2 + b^2\] {{c2::x}}"
    assert clean_html(text) == text
    assert clean_html(f"<p>{text}</p>") == f"<p>{text}</p>"


def test_entities_stay_escaped() -> None:
    assert (
        clean_html("<p>a &lt; b &amp;&amp; c&nbsp;d</p>") == "<p>a &lt; b &amp;&amp; c&nbsp;d</p>"
    )


def test_empty_and_plain_text() -> None:
    assert clean_html("") == ""
    assert clean_html("just text, «кириллица»") == "just text, «кириллица»"


_FRAGMENTS = st.sampled_from(
    [
        "<script>", "</script>", "<img src=x onerror=alert(1)>", "<a href='javascript:x'>",
        "<svg onload=x>", "<p>", "</p>", "<b>", "text", " ", "<", ">", "&", '"', "on",
        "<style>", "<iframe>", "<img src='http://e/x'>", "{{c1::", "}}", r"\(", r"\)",
        "<div class=a onmouseover=x>", "<!--", "-->", "javascript:",
    ]
)  # fmt: skip


@given(st.lists(_FRAGMENTS, max_size=25).map("".join))
def test_no_script_survives_any_mix(html: str) -> None:
    cleaned = clean_html(html).lower()
    assert "<script" not in cleaned
    assert "<svg" not in cleaned
    assert "<iframe" not in cleaned
    assert "onerror=" not in cleaned and "onload=" not in cleaned
    assert "onmouseover=" not in cleaned
    assert 'href="javascript' not in cleaned
    assert "http://e/x" not in cleaned


@given(st.lists(_FRAGMENTS, max_size=25).map("".join) | markdown, st.booleans())
def test_cleaning_is_idempotent(html: str, remote: bool) -> None:
    """What `clean_html` returns comes back unchanged (its memo relies on it)."""
    once = clean_html(html, allow_remote=remote)
    forget_cleaned()
    assert clean_html(once, allow_remote=remote) == once


def test_each_note_starts_with_an_empty_memo() -> None:
    clean_html("<p>a</p><script>x</script>")
    forget_cleaned()
    assert sanitize._cleaned == {}
