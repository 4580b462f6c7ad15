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


def _merge(spans: list[Span]) -> Inline:
    merged: list[Span] = []
    for span in spans:
        if not span.text and span.kind in ("text", "em", "strong", "highlight", "s"):
            continue
        last = merged[-1] if merged else None
        if last and last.kind == span.kind == "text":
            merged[-1] = Span(last.text + span.text)
        else:
            merged.append(span)
    return tuple(merged)


def to_spans(children: Sequence[Token] | None) -> Inline:
    """Flatten one inline token stream; nested styles keep their innermost kind."""
    if children is not None and len(children) == 1 and children[0].type == "text":
        text = children[0].content  # plain text, about half of all inline content
        return (Span(text),) if text else ()
    spans: list[Span] = []
    styles: list[str] = []
    links: list[str] = []
    for token in children or ():
        kind = token.type
        if kind == "text":  # the most frequent token first
            if links:
                spans.append(Span(token.content, "link", links[-1]))
            else:
                spans.append(Span(token.content, _style_of(styles)))
        elif kind in _STYLE_OPEN:
            styles.append(_STYLE_OPEN[kind])
        elif kind in _STYLE_CLOSE:
            if styles:
                styles.pop()
        elif kind == "link_open":
            links.append(str(token.attrGet("href") or ""))
        elif kind == "link_close":
            if links:
                links.pop()
        elif kind in ("softbreak", "hardbreak"):
            spans.append(Span("\n", "break"))
        elif kind == "code_inline":
            spans.append(Span(token.content, "code"))
        elif kind in ("math_inline", "math_inline_double"):
            fence = "$$" if kind == "math_inline_double" else "$"
            spans.append(Span(f"{fence}{token.content}{fence}", "math"))
        elif kind == "wikilink":
            spans.append(Span(wikilink_display(token.meta), "wikilink", token.content))
        elif kind == "embed":
            meta = token.meta
            heading = f"#{meta['heading']}" if meta.get("heading") else ""
            spans.append(Span(meta.get("alias", ""), "embed", meta.get("target", "") + heading))
        elif kind == "image":
            alt = "".join(c.content for c in token.children or ())
            spans.append(Span(alt, "image", str(token.attrGet("src") or "")))
        elif kind == "tag":
            spans.append(Span("#" + token.content, "tag", token.content))
        elif kind == "html_inline":
            spans.append(Span("", "html", token.content))
    return _merge(_drop_raw_text(spans))


def _drop_raw_text(spans: list[Span]) -> list[Span]:
    """Remove what sits between `<script>` and `</script>` (and the like) in a paragraph.

    Inline HTML arrives as separate tags with the text between them as ordinary text;
    for these elements that text is code or styling no reader sees, and must not reach
    a card's plain text (the HTML side drops it in the sanitizer)."""
    if not any(s.kind == "html" for s in spans):
        return spans
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
