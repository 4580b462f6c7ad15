"""The last line of defence before HTML reaches a deck: an allow-list sanitizer (nh3).

Notes may hold raw HTML, and Anki renders card fields in a web view with scripts
enabled, so whatever the renderer produced passes through `clean_html` once more before
it is written. The allow-list covers what flashcards need (text formatting, lists,
tables, code with Pygments classes, images, links); everything else is dropped.

Decisions:
- Nothing may load from the network unless `allow_remote` is set: an `<img>` whose
  `src` is `http(s):` or protocol-relative is removed whole (a broken image helps no
  one). Links (`<a href="https://…">`) stay, since they load nothing until tapped, and
  get `rel="noopener noreferrer"`.
- `data:` URLs are refused everywhere, images included: media belong in the package as
  files (Anki syncs and checks them), and inline data bloats every sync of the note.
- `style` attributes keep only a few layout/colour properties (no `url()`-capable
  ones such as `background`), so table alignment survives but nothing loads.
- Text is never rewritten: MathJax delimiters `\\(`…`\\)` and cloze markers
  `{{c1::…}}` are text to the sanitizer and come out unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache

import nh3

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        *("p", "br", "hr", "div", "span"),
        *("b", "strong", "i", "em", "u", "s", "del", "ins", "mark", "small"),
        *("code", "pre", "kbd", "samp", "var", "sub", "sup", "abbr"),
        *("ul", "ol", "li", "dl", "dt", "dd", "blockquote"),
        *("table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col"),
        *("h1", "h2", "h3", "h4", "h5", "h6"),
        *("img", "a", "details", "summary", "figure", "figcaption", "ruby", "rt", "rp"),
    }
)

# Elements removed together with everything inside them (their text is not content).
DROPPED_WITH_CONTENT: frozenset[str] = frozenset(
    {"script", "style", "svg", "math", "iframe", "object", "embed", "template", "noscript"}
)

_GENERIC_ATTRIBUTES = {"class", "title", "lang", "dir", "style"}

ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": _GENERIC_ATTRIBUTES,
    "img": {"src", "alt", "width", "height"},
    "a": {"href"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"},
    "details": {"open"},
}

ALLOWED_STYLE_PROPERTIES: frozenset[str] = frozenset(
    {
        *("color", "background-color", "text-align", "vertical-align"),
        *("font-weight", "font-style", "text-decoration", "white-space"),
        *("width", "height", "max-width"),
    }
)

URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})

_MARKUP = re.compile(r"[<>&]")
# Read a URL the way browsers do (WHATWG): tabs and newlines anywhere are ignored, as
# are leading and trailing controls and spaces, and `\` counts as `/`.
_URL_IGNORED = re.compile(r"[\t\n\r]")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_REMOTE = re.compile(r"^(?:https?:|//)", re.IGNORECASE)
# HTML that nh3 gives back unchanged, but for the quotes it unescapes: text without a
# character html5ever rewrites (NUL, CR, no-break space, a lone surrogate, `<`, `>`, an
# `&` other than five entities), `<br>`, phrasing elements without attributes that hold
# only such text, and top-level `<p>`s and `<ol>` lists of them (tests/test_sanitize.py
# compares it with nh3). Possessive quantifiers: matching never backtracks.
_TEXT = r"(?:[^<>&\x00\r\xa0\ud800-\udfff]++|&(?:amp|lt|gt|quot|#x27);)"


def _phrasing(group: int) -> str:
    """Text, `<br>` and simple phrasing elements; `group` names the tag to close."""
    return rf"(?:{_TEXT}|<br>|<(?P<t{group}>em|strong|code|mark|s)>{_TEXT}*+</(?P=t{group})>)*+"


_BLOCK = rf"(?:<p>{_phrasing(2)}</p>|<ol(?: start=\"\d+\")?>(?:<li>{_phrasing(3)}</li>)*+</ol>)"
_SIMPLE = re.compile(rf"{_phrasing(1)}(?:{_BLOCK}{_phrasing(4)})*+")

# nh3 serializes with html5ever: attribute values are always double-quoted, and a `"`
# inside a value is written `&quot;`, so ` src="` can only be a real attribute.
_IMG_TAG = re.compile(r'<img\b(?:[^>"]|"[^"]*")*>')


def _refuse_remote_src(element: str, attribute: str, value: str) -> str | None:
    """Drop an `<img src>` that would fetch from the network when the card is shown."""
    if element == "img" and attribute == "src" and _is_remote(value):
        return None
    return value


def _is_remote(url: str) -> bool:
    url = _URL_IGNORED.sub("", url).strip(_C0_AND_SPACE).replace("\\", "/")
    return bool(_REMOTE.match(url))


@lru_cache(maxsize=2)
def _cleaner(allow_remote: bool) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=None if allow_remote else _refuse_remote_src,
        strip_comments=True,
        link_rel="noopener noreferrer",
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(ALLOWED_STYLE_PROPERTIES),
    )


# Within one note the same HTML is cleaned again and again: each field once when it is
# rendered and once more when it is exported, and the cards of one note share fields.
# So the note at hand keeps its answers, including each answer as an input of its own
# (cleaning is idempotent: tests/test_sanitize.py), and forgets them at the next note
# (`forget_cleaned`, called by the pipeline), so memory stays bounded by one note.
_cleaned: dict[tuple[str, bool], str] = {}
_MEMO_ENTRIES = 4096  # a bound for callers that never call forget_cleaned


def forget_cleaned() -> None:
    """Start a new note: drop the HTML remembered as clean for the previous one."""
    _cleaned.clear()


def clean_html(html: str, *, allow_remote: bool = False) -> str:
    """Return `html` reduced to the flashcard allow-list (see the module docstring)."""
    if not _MARKUP.search(html):
        return html  # plain text: nothing to remove, and nh3 would only re-escape `>`
    key = (html, allow_remote)
    cleaned = _cleaned.get(key)
    if cleaned is None:
        cleaned = _clean_simple(html)
        if cleaned is None:
            cleaned = _clean(html, allow_remote)
        if len(_cleaned) >= _MEMO_ENTRIES:
            _cleaned.clear()
        _cleaned[key] = _cleaned[(cleaned, allow_remote)] = cleaned
    return cleaned


def _clean_simple(html: str) -> str | None:
    """What nh3 makes of the simple HTML renderers write (`_SIMPLE`), in a fifth of its
    time or less; None for anything else."""
    if _SIMPLE.fullmatch(html) is None:
        return None
    if "&" in html:
        return html.replace("&quot;", '"').replace("&#x27;", "'")
    return html


def _clean(html: str, allow_remote: bool) -> str:
    cleaned = _cleaner(allow_remote).clean(html)
    if "<img" in cleaned:
        cleaned = _IMG_TAG.sub(_drop_if_sourceless, cleaned)
    return cleaned


def _drop_if_sourceless(match: re.Match[str]) -> str:
    """An image whose source was refused would only show as a broken-image icon."""
    return match.group(0) if ' src="' in match.group(0) else ""
