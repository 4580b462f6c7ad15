"""Markdown fragments and spans → the HTML of an Anki field.

Code is highlighted with Pygments into `<div class="nc-code">` (the note types ship the
CSS, so it works offline on phones), math becomes Anki's `\\(...\\)` / `\\[...\\]`,
wikilinks their display text, embeds `<img>` of files inside the vault, and the result
passes through the sanitizer. Media a field uses is collected for the package.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

from notecards.media_refs import MEDIA_SUFFIXES, MediaResolver, is_remote, media_name
from notecards.model import Card, Inline, Problem
from notecards.reader.inline import wikilink_display
from notecards.reader.markdown import parser
from notecards.render.plain import tidy, tokens_text
from notecards.render.sanitize import clean_html, mathjax_commands, take_removed_mathjax

_TEXT_SPECIAL = re.compile("[&<>\"'\n]")  # what `text_html` rewrites
# One line that markdown-it reads as a paragraph of plain text: it starts with no
# character that could open a block (no space, digit or ASCII punctuation), holds none
# that could open inline markup, no line break or other control character but the tab,
# and ends with no space.
_PROSE_LINE = re.compile(
    r"[^\s\d\x00-\x40\[-`{-\x7f]"
    r"(?:[^\x00-\x08\n-\x1f\x7f\\`*_\[\]<>!#$=~&|%{}^]*[^\s\x00-\x1f\x7f\\`*_\[\]<>!#$=~&|%{}^])?"
)

# `[!type]`, `[!type]+` or `[!type]-` and a title, opening an Obsidian callout
_CALLOUT = re.compile(r"\[!([A-Za-z][\w-]*)\][+-]?[ \t]*")

# (target as written, heading or `^block`, the context rendering it) → HTML of an
# embedded note; the pipeline supplies it, since only it knows the vault's notes.
EmbedNote = Callable[[str, str, "RenderContext"], str]


@dataclass
class RenderContext:
    """Where a fragment comes from (to resolve embeds) and the media it used."""

    vault: MediaResolver | None = None
    note_path: Path | None = None
    allow_remote: bool = False
    media: dict[str, str] = field(default_factory=dict)  # package name → absolute path
    # embedded notes (`![[Other note#Heading]]`) → their HTML; set by the pipeline
    embed_note: EmbedNote | None = None

    def image(self, target: str, alt: str = "", size: str = "") -> str:
        if is_remote(target):
            if not self.allow_remote or not target.lower().startswith(("http:", "https:")):
                return ""
            return f'<img src="{html.escape(target)}" alt="{html.escape(alt)}">'
        if self.vault is None or self.note_path is None:
            return ""
        lookup = self.vault.resolve_media(target, self.note_path)
        if lookup.path is None:  # reported by the embed check; never vanish in silence
            shown = html.escape(alt or Path(target).name or target)
            return f'<span class="nc-missing">[missing image: {shown}]</span>'
        name = media_name(self.vault.relpath(lookup.path))
        self.media[name] = str(lookup.path)
        width = f' width="{int(size.split("x")[0])}"' if size.split("x")[0].isdigit() else ""
        return f'<img src="{html.escape(name)}" alt="{html.escape(alt)}"{width}>'


@cache
def _lexer_for(language: str):
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(language or "text", stripnl=False)
    except ClassNotFound:
        return get_lexer_by_name("text", stripnl=False)


@cache
def _formatter():
    """One HtmlFormatter for every block: it keeps no state between blocks, and making
    one resolves its whole style each time."""
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(nowrap=True)


def highlight_code(code: str, language: str = "") -> str:
    """Pygments spans inside `<div class="nc-code"><pre>`, classes styled by the note type."""
    from pygments import highlight

    body = highlight(code, _lexer_for(language.lower()), _formatter())
    return f'<div class="nc-code"><pre>{body.rstrip()}</pre></div>'


def math_html(tex: str, display: bool) -> str:
    """Anki's delimiters; unsafe commands inside go when the field is cleaned."""
    return f"\\[{html.escape(tex)}\\]" if display else f"\\({html.escape(tex)}\\)"


def unsafe_math_problems(cards: list[Card]) -> list[Problem]:
    """A warning at each card whose math lost a command the sanitizer removed since
    the note began (see sanitize.UNSAFE_MATHJAX), so the user knows why it looks plain.

    A card is named when its plain text holds the very text removed (a `\\href` in a
    code block, which is kept, gives no warning), else when it holds the command."""
    removed = take_removed_mathjax()
    if not removed:
        return []
    named: dict[tuple[str, int], list[str]] = {}
    fronts: dict[tuple[str, int], str] = {}
    for command, text in removed:
        holders = [c for c in cards if text in c.front or text in c.back]
        if not holders:
            holders = [c for c in cards if command in mathjax_commands(f"{c.front}\n{c.back}")]
        for card in holders:
            names = named.setdefault((card.note, card.line), [])
            fronts.setdefault((card.note, card.line), card.front)
            if command not in names:
                names.append(command)
    return [
        Problem(
            note,
            line,
            f"MathJax {', '.join(names)} removed from the card {_quoted(fronts[(note, line)])}: "
            "in Anki it can run a script or load from the network",
        )
        for (note, line), names in named.items()
    ]


def _quoted(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"


class _CardRenderer(RendererHTML):
    """markdown-it's HTML renderer with Obsidian tokens and Anki conventions."""

    def blockquote_open(self, tokens, idx, options, env) -> str:
        """A callout (`> [!warning] Title`) becomes a box with its title, styled by the
        note type (`nc-callout`), instead of a quote that shows `[!warning]`."""
        stack = env.setdefault("callouts", [])
        title = _take_callout_title(tokens, idx)
        stack.append(title is not None)
        if title is None:
            return "<blockquote>\n"
        kind, text = title
        heading = html.escape(text or kind.capitalize())
        return (
            f'<div class="nc-callout nc-callout-{html.escape(kind.lower())}">\n'
            f'<div class="nc-callout-title">{heading}</div>\n'
        )

    def blockquote_close(self, tokens, idx, options, env) -> str:
        stack = env.get("callouts") or [False]
        return "</div>\n" if stack.pop() else "</blockquote>\n"

    def wikilink(self, tokens, idx, options, env) -> str:
        return f'<span class="nc-link">{html.escape(wikilink_display(tokens[idx].meta))}</span>'

    def embed(self, tokens, idx, options, env) -> str:
        meta = tokens[idx].meta
        target = meta.get("target", "")
        if Path(target).suffix.lower() not in MEDIA_SUFFIXES:
            ctx = env["ctx"]
            if ctx.embed_note is not None:  # the note's content, bounded and cycle-safe
                return ctx.embed_note(target, meta.get("heading", ""), ctx)
            return f'<span class="nc-link">{html.escape(wikilink_display(meta))}</span>'
        return env["ctx"].image(target, "", meta.get("alias", ""))

    def image(self, tokens, idx, options, env) -> str:
        token = tokens[idx]
        alt = "".join(child.content for child in token.children or ())
        return env["ctx"].image(str(token.attrGet("src") or ""), alt)

    def tag(self, tokens, idx, options, env) -> str:
        return f'<span class="nc-tag">#{html.escape(tokens[idx].content)}</span>'

    def mark_open(self, tokens, idx, options, env) -> str:
        return "<mark>"

    def mark_close(self, tokens, idx, options, env) -> str:
        return "</mark>"

    def math_inline(self, tokens, idx, options, env) -> str:
        return math_html(tokens[idx].content, display=False)

    def math_inline_double(self, tokens, idx, options, env) -> str:
        return math_html(tokens[idx].content, display=True)

    def math_block(self, tokens, idx, options, env) -> str:
        return f"<p>{math_html(tokens[idx].content.strip(), display=True)}</p>\n"

    math_block_label = math_block

    def fence(self, tokens, idx, options, env) -> str:
        token = tokens[idx]
        language = token.info.split(maxsplit=1)[0] if token.info.strip() else ""
        return highlight_code(token.content, language) + "\n"

    def code_block(self, tokens, idx, options, env) -> str:
        return highlight_code(tokens[idx].content) + "\n"


def _take_callout_title(tokens: list[Token], idx: int) -> tuple[str, str] | None:
    """(type, title) when the quote opening at `idx` is a callout; its first line (the
    marker and title) is taken out of the tokens, so the body renders alone."""
    if idx + 2 >= len(tokens) or tokens[idx + 1].type != "paragraph_open":
        return None
    inline = tokens[idx + 2]
    children = inline.children or []
    if inline.type != "inline" or not children or children[0].type != "text":
        return None
    match = _CALLOUT.match(children[0].content)
    if match is None:
        return None
    end = next((i for i, c in enumerate(children) if c.type in ("softbreak", "hardbreak")), None)
    first_line = children if end is None else children[:end]
    title = children[0].content[match.end() :] + "".join(c.content for c in first_line[1:])
    inline.children = [] if end is None else children[end + 1 :]
    if not inline.children:  # a title only: no empty paragraph in the box
        tokens[idx + 1].hidden = tokens[idx + 3].hidden = True
    return match.group(1), title.strip()


@cache
def _renderer() -> _CardRenderer:
    return _CardRenderer(parser())


def render_markdown(source: str, ctx: RenderContext | None = None, *, inline: bool = False) -> str:
    """Render a Markdown fragment to sanitized HTML (`inline` drops the `<p>` wrapper)."""
    ctx = ctx or RenderContext()
    md = parser()
    env = {"ctx": ctx}
    tokens = md.parseInline(source, env) if inline else md.parse(source, env)
    return _render_tokens(tokens, env, ctx)


def render_markdown_and_text(source: str, ctx: RenderContext) -> tuple[str, str]:
    """`render_markdown(source, ctx)` and `markdown_text(source)` from one parse: a
    fragment that needs both sides is not tokenized twice, and one line of prose
    (`_PROSE_LINE`, a cloze sentence as a rule) is not tokenized at all."""
    if _PROSE_LINE.fullmatch(source) is not None:
        return _prose_and_text(source, ctx)
    return _parsed_and_text(source, ctx)


def _prose_and_text(source: str, ctx: RenderContext) -> tuple[str, str]:
    """What markdown-it makes of a `_PROSE_LINE`: one paragraph of text, escaped its way
    (the line holds no `&`, `<` or `>`); tests/test_render.py holds them equal."""
    paragraph = "<p>" + source.replace('"', "&quot;") + "</p>"
    return clean_html(paragraph, allow_remote=ctx.allow_remote), tidy(source)


def _parsed_and_text(source: str, ctx: RenderContext) -> tuple[str, str]:
    env = {"ctx": ctx}
    tokens = parser().parse(source, env)
    text = tokens_text(tokens, source)  # read first: rendering only reads tokens too
    return _render_tokens(tokens, env, ctx), text


def _render_tokens(tokens: list[Token], env: dict, ctx: RenderContext) -> str:
    out = _renderer().render(tokens, parser().options, env)
    return clean_html(out.strip(), allow_remote=ctx.allow_remote)


def text_html(text: str) -> str:
    """Plain text as HTML: escaped, line breaks kept."""
    if _TEXT_SPECIAL.search(text) is None:  # most text: one scan instead of six
        return text
    return html.escape(text).replace("\n", "<br>")


def spans_html(spans: Inline, ctx: RenderContext | None = None) -> str:
    """Spans (a sentence cut from a paragraph) back to HTML, emphasis kept."""
    ctx = ctx or RenderContext()
    parts: list[str] = []
    for span in spans:
        text = html.escape(span.text)
        kind = span.kind
        if kind == "text":
            parts.append(text)
        elif kind == "em":
            parts.append(f"<em>{text}</em>")
        elif kind == "strong":
            parts.append(f"<strong>{text}</strong>")
        elif kind == "highlight":
            parts.append(f"<mark>{text}</mark>")
        elif kind == "s":
            parts.append(f"<s>{text}</s>")
        elif kind == "code":
            parts.append(f"<code>{text}</code>")
        elif kind == "math":
            tex = span.text
            display = tex.startswith("$$")
            parts.append(math_html(tex.strip("$"), display))
        elif kind in ("link", "wikilink"):
            parts.append(f'<span class="nc-link">{text}</span>')
        elif kind == "break":
            parts.append("<br>")
        elif kind == "embed" and Path(span.target).suffix.lower() in MEDIA_SUFFIXES:
            parts.append(ctx.image(span.target, "", span.text))
        elif kind == "embed" and ctx.embed_note is not None:
            target, _, heading = span.target.partition("#")
            parts.append(ctx.embed_note(target, heading, ctx))
        elif kind == "image":
            parts.append(ctx.image(span.target, span.text))
    return clean_html("".join(parts), allow_remote=ctx.allow_remote)
