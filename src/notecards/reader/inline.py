"""markdown-it inline tokens → Spans: plain runs of text with one meaning each."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from notecards.model import Inline, Span

_STYLE_OPEN = {"em_open": "em", "strong_open": "strong", "mark_open": "highlight", "s_open": "s"}
_RAW_TEXT_TAG = re.compile(
    r"<(/?)(script|style|textarea|title|iframe|noscript|noembed|noframes|template|xmp"
    r"|svg|math|object)\b",
    re.IGNORECASE,
)
_STYLE_CLOSE = {"em_close", "strong_close", "mark_close", "s_close"}


def _style_of(styles: list[str]) -> str:
    """The kind of text inside nested styles: a highlight wins (it is what makes a cloze),
    else the innermost style."""
    if not styles:
        return "text"
    return "highlight" if "highlight" in styles else styles[-1]


def wikilink_display(meta: dict[str, str]) -> str:
    """What Obsidian shows for a link: the alias, else `note > heading`, else the note."""
    if meta.get("alias"):
        return meta["alias"]
    target, heading = meta.get("target", ""), meta.get("heading", "")
    name = target.rsplit("/", 1)[-1]
    if name.lower().endswith(".md"):
        name = name[:-3]
    heading = heading.lstrip("^")
    if name and heading:
        return f"{name} > {heading}"
    return name or heading


def to_spans(children: Sequence[Token] | None) -> Inline:
    """Flatten one inline token stream; nested styles keep their innermost kind.

    Adjacent plain text is joined and empty styled text left out as the spans are made
    (one pass); text inside `<script>` and the like is then dropped (`_drop_raw_text`),
    which never brings two plain-text spans together: an HTML span stays between."""
    if children is not None and len(children) == 1 and children[0].type == "text":
        text = children[0].content  # plain text, about half of all inline content
        return (Span(text),) if text else ()
    spans: list[Span] = []
    styles: list[str] = []
    links: list[str] = []
    has_html = has_tag = False
    for token in children or ():
        kind = token.type
        if kind == "text":  # the most frequent token first
            _add_text(spans, token.content, styles, links)
        elif kind in _STYLE_OPEN:
            styles.append(_STYLE_OPEN[kind])
        elif kind in _STYLE_CLOSE:
            if styles:
                styles.pop()
        elif kind == "code_inline":
            spans.append(Span(token.content, "code"))
        elif kind == "link_open":
            links.append(str(token.attrGet("href") or ""))
        elif kind == "link_close":
            if links:
                links.pop()
        elif kind == "html_inline":
            spans.append(Span("", "html", token.content))
            has_html = True
        else:
            span = _other_span(token, kind)
            if span is not None:
                spans.append(span)
                has_tag = has_tag or kind == "tag"
    if has_tag:
        spans = _tags_read_as_words(spans)
    return tuple(_drop_raw_text(spans) if has_html else spans)


_READ_ON = re.compile(r"[ \t]+[^\s#]")  # more words on the tag's line, not another tag


def _tags_read_as_words(spans: list[Span]) -> list[Span]:
    """A tag the sentence reads through ("#XMLHttpRequest – это объект …") is also a
    word: its name follows it as text, so the sentence keeps its subject. Tags that end
    a line or stand among other tags stay tags only."""
    out: list[Span] = []
    index = 0
    while index < len(spans):
        span = spans[index]
        out.append(span)
        index += 1
        if span.kind != "tag" or index == len(spans):
            continue
        after = spans[index]
        if after.kind == "text" and _READ_ON.match(after.text):
            out.append(Span(span.target + after.text))
            index += 1
    return out


def _add_text(spans: list[Span], text: str, styles: list[str], links: list[str]) -> None:
    """A text token as a span: a link's text, styled text, or plain text joined to the
    plain text before it. Empty text is left out except in a link."""
    if links:
        spans.append(Span(text, "link", links[-1]))
    elif not text:
        return
    elif styles:
        spans.append(Span(text, _style_of(styles)))
    elif spans and spans[-1].kind == "text":
        spans[-1] = Span(spans[-1].text + text)
    else:
        spans.append(Span(text))


def _other_span(token: Token, kind: str) -> Span | None:
    """The span of one of the rarer inline tokens; None for a token that makes none."""
    if kind in ("softbreak", "hardbreak"):
        return Span("\n", "break")
    if kind in ("math_inline", "math_inline_double"):
        fence = "$$" if kind == "math_inline_double" else "$"
        return Span(f"{fence}{token.content}{fence}", "math")
    if kind == "wikilink":
        return Span(wikilink_display(token.meta), "wikilink", token.content)
    if kind == "embed":
        meta = token.meta
        heading = f"#{meta['heading']}" if meta.get("heading") else ""
        return Span(meta.get("alias", ""), "embed", meta.get("target", "") + heading)
    if kind == "image":
        alt = "".join(c.content for c in token.children or ())
        return Span(alt, "image", str(token.attrGet("src") or ""))
    if kind == "tag":
        return Span("#" + token.content, "tag", token.content)
    return None


def _drop_raw_text(spans: list[Span]) -> list[Span]:
    """Remove what sits between `<script>` and `</script>` (and the like) in a paragraph.

    Inline HTML arrives as separate tags with the text between them as ordinary text;
    for these elements that text is code or styling no reader sees, and must not reach
    a card's plain text (the HTML side drops it in the sanitizer)."""
    out: list[Span] = []
    inside = ""
    for span in spans:
        if span.kind == "html":
            match = _RAW_TEXT_TAG.match(span.target)
            if match and not inside and not match.group(1):
                inside = match.group(2).lower()
            elif match and match.group(1) and match.group(2).lower() == inside:
                inside = ""
            out.append(span)
        elif not inside:
            out.append(span)
    return out
