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
- Text is never rewritten, with one exception: MathJax delimiters `\\(`…`\\)` and
  cloze markers `{{c1::…}}` are text to the sanitizer and come out unchanged, but
  the MathJax commands that make links, set styles, classes, ids or data attributes,
  load fonts or extensions (`\\href`, `\\style`, `\\class`, `\\cssId`, `\\data`,
  `\\unicode`, `\\require`, `\\html…`, `\\mmlToken`, `\\bbox`'s style) are taken out
  of every text outside `<pre>` and `<code>`, keeping the text they decorate:
  Anki's MathJax has no safe mode, so `\\(\\href{javascript:…}{x}\\)` would be a
  script link in the card. `mathjax_commands` finds them, for a warning.
"""

from __future__ import annotations

import html as html_module
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

# MathJax commands that reach past typesetting, with how many `{…}` arguments to drop
# (an argument after those, the text they decorate, stays). `[…]` options go too.
# Control sequences are letters only, so `\\hrefx` is another command; `\\html` covers
# `\\htmlClass`, `\\htmlStyle`, `\\htmlId` and `\\htmlData`.
UNSAFE_MATHJAX: dict[str, int] = {
    "href": 1,
    "style": 1,
    "class": 1,
    "cssId": 1,
    "data": 1,
    "unicode": 1,
    "require": 1,
    "mmlToken": 1,
    "bbox": 0,
}
_MATHJAX_COMMAND = re.compile(r"\\(html[A-Za-z]*|[A-Za-z]+)")
_TAG_OR_TEXT = re.compile(r'<(?:[^>"]|"[^"]*")*>|[^<]+|<')
_RAW_TEXT_TAGS = ("pre", "code")
# what was removed since the last `forget_cleaned` (command, the text removed with its
# arguments, unescaped): the pipeline finds the cards it came from for a warning
_removed_commands: list[tuple[str, str]] = []
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
    _removed_commands.clear()


def take_removed_mathjax() -> list[tuple[str, str]]:
    """(command, text removed) since the note began, each once; and forget them."""
    removed = list(dict.fromkeys(_removed_commands))
    _removed_commands.clear()
    return removed


def _unsafe_name(name: str) -> bool:
    return name in UNSAFE_MATHJAX or name.startswith("html")


def mathjax_commands(text: str) -> list[str]:
    """The unsafe MathJax commands in `text` (`["\\href"]`), in order, each once."""
    if "\\" not in text:
        return []
    found: list[str] = []
    for match in _MATHJAX_COMMAND.finditer(text):
        name = match.group(1)
        if _unsafe_name(name) and "\\" + name not in found:
            found.append("\\" + name)
    return found


def _skip_group(text: str, at: int, opening: str, closing: str) -> int:
    """The index after the balanced group opening at `at` (the end if it never closes)."""
    depth = 0
    for index in range(at, len(text)):
        char = text[index]
        if char == "\\":
            continue
        if char == opening and (index == 0 or text[index - 1] != "\\"):
            depth += 1
        elif char == closing and text[index - 1] != "\\":
            depth -= 1
            if depth == 0:
                return index + 1
    return len(text)


def _drop_arguments(text: str, at: int, braces: int) -> int:
    """Skip `[…]` options and `braces` `{…}` arguments (spaces between allowed)."""
    while at < len(text):
        after_space = at
        while after_space < len(text) and text[after_space] in " \t\n":
            after_space += 1
        if after_space < len(text) and text[after_space] == "[":
            at = _skip_group(text, after_space, "[", "]")
        elif braces and after_space < len(text) and text[after_space] == "{":
            at = _skip_group(text, after_space, "{", "}")
            braces -= 1
        else:
            break
    return at


def neutralise_mathjax_text(text: str) -> str:
    """Text with the unsafe commands and their option and link/style arguments removed.

    Each removal leaves `{}`, so the letters around it cannot join into a new command
    (`\\hr\\href{}ef` does not become `\\href`)."""
    if "\\" not in text:
        return text
    out: list[str] = []
    last = 0
    for match in _MATHJAX_COMMAND.finditer(text):
        if match.start() < last or not _unsafe_name(match.group(1)):
            continue
        out.append(text[last : match.start()])
        out.append("{}")
        last = _drop_arguments(text, match.end(), UNSAFE_MATHJAX.get(match.group(1), 1))
        removed = html_module.unescape(text[match.start() : last])
        _removed_commands.append(("\\" + match.group(1), removed))
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def neutralise_mathjax(html: str) -> str:
    """`neutralise_mathjax_text` on each text run of `html` outside `<pre>`/`<code>`
    (MathJax leaves those alone, and a LaTeX lesson's code keeps its `\\href`)."""
    if "\\" not in html or not mathjax_commands(html):
        return html
    if "<" not in html:
        return neutralise_mathjax_text(html)
    out: list[str] = []
    raw_depth = 0
    for piece in _TAG_OR_TEXT.findall(html):
        if piece.startswith("<") and len(piece) > 1:
            name = (
                piece[1:].lstrip("/").split(None, 1)[0].rstrip(">").lower()
                if len(piece) > 2
                else ""
            )
            if name in _RAW_TEXT_TAGS:
                raw_depth = max(raw_depth + (-1 if piece.startswith("</") else 1), 0)
            out.append(piece)
        else:
            out.append(piece if raw_depth else neutralise_mathjax_text(piece))
    return "".join(out)


def clean_html(html: str, *, allow_remote: bool = False) -> str:
    """Return `html` reduced to the flashcard allow-list (see the module docstring)."""
    if not _MARKUP.search(html):
        # plain text: nothing to remove, and nh3 would only re-escape `>`
        return neutralise_mathjax_text(html) if "\\" in html else html
    key = (html, allow_remote)
    cleaned = _cleaned.get(key)
    if cleaned is None:
        cleaned = _clean_simple(html)
        if cleaned is None:
            cleaned = _clean(html, allow_remote)
        if "\\" in cleaned:
            cleaned = neutralise_mathjax(cleaned)
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
