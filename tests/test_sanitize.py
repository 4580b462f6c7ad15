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


@pytest.mark.slow
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


@pytest.mark.slow
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


_SIMPLE_FRAGMENTS = st.sampled_from(
    [
        "<p>", "</p>", "<br>", "</br>", "<em>", "</em>", "<strong>", "</strong>", "<code>",
        "</code>", "<mark>", "</mark>", "<s>", "</s>", "<b>", "<span class=x>", "</span>",
        "&amp;", "&lt;", "&gt;", "&quot;", "&#x27;", "&am", "p;", "&nbsp;", "&#39;", "&", "<",
        ">", '"', "'", "a", " ", "\n", "\r", "\x00", "\xa0", "ё", "<P>", "<em >", "<br/>",
        "<ol>", '<ol start="2">', "</ol>", "<li>", "</li>", "<ul>",
    ]
)  # fmt: skip
_PHRASING = st.lists(_SIMPLE_FRAGMENTS, max_size=4).map("".join)
_BLOCKS = _PHRASING.map("<p>{}</p>".format) | st.lists(
    _PHRASING.map("<li>{}</li>".format), max_size=3
).map(lambda items: f'<ol start="3">{"".join(items)}</ol>')


@pytest.mark.slow
@given(st.lists(_BLOCKS | _PHRASING, max_size=5).map("".join), st.booleans())
def test_simple_html_is_cleaned_as_nh3_cleans_it(html: str, remote: bool) -> None:
    """The shortcut for what renderers write answers what nh3 would, or leaves it to nh3."""
    simple = sanitize._clean_simple(html)
    if simple is not None:
        assert simple == sanitize._clean(html, remote)


@pytest.mark.parametrize(
    ("html", "cleaned"),
    [
        ("<code>max-age=3600</code>", "<code>max-age=3600</code>"),
        ("a<br>b &amp; c", "a<br>b &amp; c"),
        ("<p>x <em>y</em> &quot;z&quot;</p>\n<p>it&#x27;s</p>",
         "<p>x <em>y</em> \"z\"</p>\n<p>it's</p>"),
        ('<ol start="2"><li>a <code>b</code></li><li>c</li></ol>',
         '<ol start="2"><li>a <code>b</code></li><li>c</li></ol>'),
    ],
)  # fmt: skip
def test_the_shortcut_takes_what_renderers_write(html: str, cleaned: str) -> None:
    assert sanitize._clean_simple(html) == cleaned == sanitize._clean(html, False)


@pytest.mark.slow
def test_every_character_the_shortcut_lets_through_is_one_nh3_keeps() -> None:
    for start in range(0, 0x110000, 0x1000):
        kept = "".join(
            ch for ch in map(chr, range(start, start + 0x1000)) if sanitize._clean_simple(ch)
        )
        html = f'<p>{kept}<code>{kept}</code></p>{kept}<ol start="1"><li>{kept}</li></ol>'
        assert sanitize._clean_simple(html) == html == sanitize._clean(html, False)
