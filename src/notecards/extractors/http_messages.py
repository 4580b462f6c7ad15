"""HTTP messages shown in code blocks → cards on their start lines and header fields.

A student who pastes a request or a response into a note wants to remember what each
line of it says: the request line, the status line and every header *with the value
shown*. The meanings come from the knowledge package (the note rarely states them);
the parser here only has to find the messages, and it is tolerant, because notes copy
messages from browsers, curl and RFCs in every shape: CRLF, lowercase names, trailing
`;`, folded lines, `HTTP/2 200` without a reason, HTTP/2 pseudo-headers, several
messages in one block, a `curl -v` transcript with `>`/`<` prefixes.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cached_property

from notecards.extractors.base import ExtractContext
from notecards.knowledge.values import (
    explain_header,
    explain_request_line,
    explain_status_line,
)
from notecards.lang import PACKS
from notecards.model import (
    Block,
    Card,
    CodeBlock,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    Quote,
    Section,
    Table,
    plain_text,
    walk_blocks,
)
from notecards.text.topics import shares_a_word

NAME = "http_messages"
HTTP_KINDS = ("http-request-line", "http-status", "http-header")

# ---------------------------------------------------------------- the words of the cards

_FRONTS: dict[str, dict[str, str]] = {
    "ru": {
        "request-line": "Что означает строка запроса «{line}»?",
        "status-line": "Что означает строка статуса «{line}»?",
        "pseudo": "Что означают псевдозаголовки HTTP/2 «{line}»?",
        "header-request": "Что означает заголовок «{field}» в HTTP-запросе?",
        "header-response": "Что означает заголовок «{field}» в HTTP-ответе?",
        "header": "Что означает HTTP-заголовок «{field}»?",
    },
    "en": {
        "request-line": "What does the request line “{line}” mean?",
        "status-line": "What does the status line “{line}” mean?",
        "pseudo": "What do the HTTP/2 pseudo-headers “{line}” mean?",
        "header-request": "What does the request header “{field}” mean?",
        "header-response": "What does the response header “{field}” mean?",
        "header": "What does the HTTP header “{field}” mean?",
    },
}

# ---------------------------------------------------------------- the shapes of the lines

# Methods an unlabelled code block may start with; a block labelled `http` may use any
# upper-case token (WebDAV's PROPFIND, made-up examples).
_KNOWN_METHODS = frozenset(
    ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"]
)
_REQUEST = re.compile(r"([A-Z][A-Z_-]{0,19}) +(\S{1,2000}) +(HTTP/\d(?:\.\d)?)")
_REQUEST_NO_VERSION = re.compile(r"([A-Z][A-Z_-]{0,19}) +(/\S{0,2000}|\*|https?://\S{1,2000})")
_STATUS = re.compile(r"(HTTP/\d(?:\.\d)?) +([1-5]\d\d)(?:[ \t]+(.{0,200}))?")
# field-name is an RFC 9110 token: it cannot hold ":", so this never backtracks.
_HEADER = re.compile(r"([!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}):[ \t]*(.*)")
_EXPLAINED = re.compile(r"([!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}) ?[—–:-] (\S.*)")
_PSEUDO = re.compile(r":([a-z]{1,20}):[ \t]*(.*)")
_HTML_SPECIAL = re.compile("[&<>\"']")
_TRANSCRIPT_NOISE = ("* ", "$ ", "{ [", "} [")
_COMMENTS = ("#", "//")
_HTTP_LANGUAGES = frozenset({"http", "https"})
_FRONT_VALUE_LIMIT = 80
_MAX_VALUES_PER_HEADER = 3  # Set-Cookie ×10 in one note must not give ten cards
_MAX_HEADER_CARDS = 500  # a generated dump of thousands of headers is not study material


# ---------------------------------------------------------------- parsed messages


@dataclass(slots=True)
class Header:
    """One header field as the note shows it; `offset` is its line in the code."""

    name: str
    value: str
    offset: int

    @property
    def key(self) -> str:
        return self.name.lower()

    @property
    def field_text(self) -> str:
        """`Name: value` as shown on a card (spaces collapsed, long values cut)."""
        return f"{self.name}: {_cut(self.value, _FRONT_VALUE_LIMIT)}"


@dataclass(slots=True)
class HttpMessage:
    """A request, a response, or (role "") a bare list of header fields."""

    role: str  # "request", "response" or ""
    offset: int  # line of the start line inside the code, 0-based
    method: str = ""
    target: str = ""
    version: str = ""
    code: int = 0
    reason: str = ""
    start_line: str = ""  # as written (pseudo-headers joined with ", ")
    pseudo: bool = False
    headers: list[Header] = field(default_factory=list)
    body: list[str] = field(default_factory=list)


def _cut(text: str, limit: int) -> str:
    """`text` with runs of spaces collapsed, at most `limit` characters, cut at a space."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    return (head[:space] if space > limit // 2 else head).rstrip(" ;,") + "…"


def _start_line(text: str, labelled: bool) -> HttpMessage | None:
    """A request or status line, or None; `labelled` blocks accept more methods."""
    text = text.strip()
    match = _STATUS.fullmatch(text)
    if match:
        version, code, reason = match.group(1), int(match.group(2)), match.group(3) or ""
        return HttpMessage("response", 0, version=version, code=code, reason=reason.strip())
    match = _REQUEST.fullmatch(text)
    if match is None and labelled:
        match = _REQUEST_NO_VERSION.fullmatch(text)
    if match is None:
        return None
    method = match.group(1)
    if not labelled and method not in _KNOWN_METHODS:
        return None
    version = match.group(3) if match.lastindex and match.lastindex >= 3 else ""
    return HttpMessage("request", 0, method=method, target=match.group(2), version=version)


def _pseudo_message(lines: list[tuple[int, str]]) -> HttpMessage:
    """An HTTP/2 message written as `:method:`/`:path:`/`:status:` pseudo-header lines."""
    values = {}
    for _, text in lines:
        match = _PSEUDO.fullmatch(text.strip())
        if match:
            values.setdefault(match.group(1), match.group(2).strip())
    shown = ", ".join(f":{name}: {value}" for name, value in values.items())
    offset = lines[0][0]
    status = values.get("status", "")
    if status.isdigit() and len(status) == 3 and status[0] in "12345":
        return HttpMessage(
            "response", offset, version="HTTP/2", code=int(status), start_line=shown, pseudo=True
        )
    if values.get("method"):
        target = values.get("path") or values.get("authority") or "*"
        return HttpMessage(
            "request",
            offset,
            method=values["method"].upper(),
            target=target,
            version="HTTP/2",
            start_line=shown,
            pseudo=True,
        )
    return HttpMessage("", offset, start_line="", pseudo=True)


def _transcript_lines(lines: list[tuple[int, str]]) -> list[tuple[int, str]] | None:
    """A `curl -v` transcript without its `>`/`<` prefixes and `*` chatter, or None.

    A blank line is put where the direction changes, so the request and the response
    parse as two messages even when curl printed no bare `>`.
    """
    first = next(
        (t for _, t in lines if t.strip() and not t.lstrip().startswith(_TRANSCRIPT_NOISE)), ""
    )
    if not first.startswith(("> ", "< ")) or _start_line(first[2:], True) is None:
        return None
    out: list[tuple[int, str]] = []
    direction = ""
    for offset, text in lines:
        if text.startswith((">", "<")) and text[1:2] in ("", " "):
            if direction and text[0] != direction and out and out[-1][1]:
                out.append((offset, ""))
            direction = text[0]
            out.append((offset, text[2:]))
        elif not text.lstrip().startswith(_TRANSCRIPT_NOISE):
            out.append((offset, text))
    return out


def parse_messages(code: str, labelled: bool = False) -> list[HttpMessage]:
    """The HTTP messages in a code block; [] when it does not look like HTTP at all.

    An unlabelled block must start (first non-empty line) with a request or status
    line; a block labelled `http` may also start with pseudo-headers or bare header
    fields, and its `#`/`//` comment lines (REST-client `.http` files) are skipped.
    Later messages start at a start line after a blank line (or right after
    header fields, when a message has no body).
    """
    if not labelled and "HTTP/" not in code:
        return []  # an unlabelled block must open with a line naming the version
    raw = code.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = list(enumerate(raw))
    lines = _transcript_lines(lines) or lines
    if labelled:  # REST-client files: `### name` separators and `#`/`//` comments
        lines = [(o, "" if t.lstrip().startswith(_COMMENTS) else t) for o, t in lines]
    content = [(o, t) for o, t in lines if t.strip()]
    if not content:
        return []
    first = content[0][1].strip()
    opening = _start_line(first, labelled)
    if opening is None and not (
        labelled and (_PSEUDO.fullmatch(first) or _HEADER.fullmatch(first))
    ):
        return []
    return _split_messages(lines, labelled)


def _split_messages(lines: list[tuple[int, str]], labelled: bool) -> list[HttpMessage]:
    """One pass over the lines: start line → header fields → blank line → body."""
    messages: list[HttpMessage] = []
    current: HttpMessage | None = None
    state = "between"  # between | headers | body
    previous_blank = True
    index = 0
    while index < len(lines):
        offset, text = lines[index]
        stripped = text.strip()
        blank = not stripped
        opening = None
        if not blank and (state != "body" or previous_blank):
            opening = _start_line(stripped, labelled)
        if opening is not None:
            opening.offset = offset
            current = opening
            messages.append(current)
            state = "headers"
        elif not blank and state != "headers" and previous_blank and _PSEUDO.fullmatch(stripped):
            block = []
            while index < len(lines) and _PSEUDO.fullmatch(lines[index][1].strip()):
                block.append(lines[index])
                index += 1
            current = _pseudo_message(block)
            messages.append(current)
            state = "headers"
            previous_blank = False
            continue
        elif state == "between" and not blank and labelled and _HEADER.fullmatch(stripped):
            current = HttpMessage("", offset)
            messages.append(current)
            state = "headers"
            _add_header(current, text, offset)
        elif state == "headers" and current is not None:
            if blank:
                state = "body"
            elif not _add_header(current, text, offset):
                state = "body"
                current.body.append(text)
        elif state == "body" and current is not None:
            current.body.append(text)
        previous_blank = blank
        index += 1
    return [m for m in messages if m.role or m.headers]


def _add_header(message: HttpMessage, text: str, offset: int) -> bool:
    """Add a field line (or an obs-fold continuation) to `message`; False if neither."""
    if text[:1] in (" ", "\t") and message.headers and text.strip():
        last = message.headers[-1]
        last.value = f"{last.value} {text.strip()}".strip()
        return True
    match = _HEADER.fullmatch(text.strip())
    if match is None:
        return bool(_PSEUDO.fullmatch(text.strip()))  # stray pseudo-header: skip quietly
    message.headers.append(Header(match.group(1), match.group(2).strip(), offset))
    return True


# ---------------------------------------------------------------- cards


@dataclass(slots=True)
class _Found:
    """A parsed message with where it sits in the note."""

    message: HttpMessage
    block: CodeBlock
    section: Section
    first_line: int  # file line of the code's first line


def _code_first_line(block: CodeBlock) -> int:
    """The file line of the code's first line: a fence takes one line of its own."""
    opening = block.source.lstrip()
    return block.line + 1 if opening.startswith(("```", "~~~")) else block.line


def _code_blocks(blocks: tuple[Block, ...]) -> list[CodeBlock]:
    """The code blocks among `blocks` and inside their lists and quotes, in the order
    of `walk_blocks`. Notes hold many lists and few code blocks, so a container whose
    source cannot hold code (see `_may_hold_code`) is not walked."""
    found: list[CodeBlock] = []
    stack: list[Block] = list(reversed(blocks))
    while stack:
        block = stack.pop()
        if isinstance(block, CodeBlock):
            found.append(block)
        elif isinstance(block, ListBlock) and _may_hold_code(block.source):
            stack += reversed(block.items)
        elif isinstance(block, (ListItem, Quote)) and _may_hold_code(block.source):
            stack += reversed(block.blocks)
    return found


def _may_hold_code(source: str) -> bool:
    """A block's source lines include those of the blocks inside it, and code needs a
    fence or an indent of four columns (four spaces, or a tab)."""
    return "```" in source or "~~~" in source or "    " in source or "\t" in source


def _find_messages(note: Note, ctx: ExtractContext) -> list[_Found]:
    """Every message in every unclaimed code block, in document order; claims them."""
    found: list[_Found] = []
    for section in note.sections:
        for block in _code_blocks(section.blocks):
            if ctx.is_claimed(block):
                continue
            messages = parse_messages(block.code, block.language in _HTTP_LANGUAGES)
            if not messages:
                continue
            ctx.claim(block, section)
            start = _code_first_line(block)
            found += [_Found(m, block, section, start) for m in messages]
    return found


def _value_key(value: str) -> str:
    """A header value with differences that do not change its meaning folded away."""
    return " ".join(value.rstrip("; \t").split()).lower()


def _headers_to_ask(found: list[_Found]) -> list[tuple[_Found, Header, str]]:
    """Each header worth a card, once, with its anchor, in document order.

    The anchor is the name alone unless the note shows the header with different
    values, so a response pasted twice gives one card per header, while `Host: a` and
    `Host: b` give two (at most `_MAX_VALUES_PER_HEADER` per name).
    """
    keyed = [
        (item, header, header.key, _value_key(header.value))
        for item in found
        for header in item.message.headers
        if header.value.strip()
    ]
    values: dict[str, dict[str, int]] = {}  # name → value key → order of appearance
    for _, _, name, key in keyed:
        seen = values.setdefault(name, {})
        seen.setdefault(key, len(seen))
    asked: set[str] = set()
    out = []
    for item, header, name, key in keyed:
        if values[name][key] >= _MAX_VALUES_PER_HEADER:
            continue
        anchor = name if len(values[name]) == 1 else f"{name}: {key}"
        if anchor not in asked and len(asked) < _MAX_HEADER_CARDS:
            asked.add(anchor)
            out.append((item, header, anchor))
    return out


# Fields whose name already says what their value is: with a plain value, their gloss
# only restates the front ("Content-Type: application/json" → "The body is JSON").
_SELF_DESCRIBING = frozenset(
    [
        "content-type",
        "content-length",
        "content-language",
        "host",
        "user-agent",
        "server",
        "date",
        "accept",
        "accept-language",
        "last-modified",
        "referer",
    ]
)
_PARAMETERS = re.compile(r"[,;](?!\s*charset=[\w-]+\s*;?\s*$)", re.IGNORECASE)


def restates(header: Header) -> bool:
    """Whether a gloss of `header` can only say its value again: a self-describing
    field with one plain value (a charset aside), not a list, q-values or parameters
    ("multipart/form-data; boundary=…") that the gloss explains."""
    value = header.value.strip().rstrip(";").strip()
    return header.key in _SELF_DESCRIBING and not _PARAMETERS.search(value)


def _note_explanations(note: Note, names: set[str]) -> dict[str, str]:
    """What the note itself says about headers the knowledge does not know.

    Only the plainest shape counts: a paragraph or list item that starts with the
    header name and a dash or colon, e.g. "X-Trace-Token — what it is for…".
    """
    if not names:
        return {}
    found: dict[str, str] = {}
    for section in note.sections:
        for block in walk_blocks(section.blocks):
            if not isinstance(block, (Paragraph, ListItem)):
                continue
            text = " ".join(block.text[:2000].split())
            match = _EXPLAINED.match(text)
            if match and match.group(1).lower() in names:
                said = match.group(2).strip()
                found.setdefault(match.group(1).lower(), said[:1].upper() + said[1:])
    return found


# ---------------------------------------------------------------- what the note explains


class _Subject:
    """How much of its HTTP messages a note is there to teach, read from its own words.

    An example request pasted into a note on cookies, a REST service or a browser's
    page load is not there to be learnt line by line: a gloss of its `Host` line is
    generated text the note never asked about. So a message is glossed only under a
    title, tag, folder or heading that names HTTP (the language packs' `http_topic`),
    and then a header field only where the note's own prose names it, unless HTTP is
    the note's main subject (`http_central` in its title, tags or folders); a header
    the prose names in words on HTTP ("HTTP-заголовок Content-Security-Policy") is
    glossed under any title; a request or status line only where the prose explains
    methods or status codes.

    What the title, tags and folders say is read at once; the prose only when a
    message needs it."""

    def __init__(self, note: Note) -> None:
        self._note = note
        names = " \n".join([note.title, *note.tags, *note.path.split("/")[:-1]])
        self.named = _any_pack("http_topic", names)  # names HTTP, its headers, caching …
        self.central = _any_pack("http_central", names)  # … HTTP itself: gloss every field

    @cached_property
    def _spoken_text(self) -> str:
        spoken: list[str] = []
        for section in self._note.sections:
            spoken.append(section.heading)
            for block in walk_blocks(section.blocks):
                if isinstance(block, Paragraph):
                    spoken.append(block.text)
                elif isinstance(block, Table):
                    cells = (*block.header, *(c for row in block.rows for c in row))
                    spoken += (plain_text(cell) for cell in cells)
        return "\n".join(spoken)

    @cached_property
    def prose(self) -> str:
        """The note's own words outside code, folded to lower case."""
        return self._spoken_text.lower()

    @cached_property
    def spoken(self) -> bool:
        """The prose names HTTP ("HTTP-заголовок Content-Security-Policy")."""
        return _any_pack("http_topic", self._spoken_text)

    @cached_property
    def requests(self) -> bool:
        """The prose explains methods or the request line."""
        return _any_pack("http_request_prose", self._spoken_text)

    @cached_property
    def statuses(self) -> bool:
        """The prose explains status codes."""
        return _any_pack("http_status_prose", self._spoken_text)


# a value that is a sample of the request a note shows, not a setting it teaches: a
# host or a URL ("https://example.com", "api.local:8080") or an address (a cookie's
# attributes, "id=a3f; Secure", are a setting: tests/test_http_scope.py)
_SAMPLE_VALUE = re.compile(
    r"^(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?::\d+)?(?:/\S*)?$"
    r"|^(?:https?://)?(?:localhost|\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?(?:/\S*)?$",
    re.IGNORECASE,
)


def is_sample_value(value: str) -> bool:
    """Whether a header's value only fills in a sample message ("https://example.com"):
    its gloss says what the example says, not what the field does."""
    return _SAMPLE_VALUE.search(value.strip()) is not None


def _any_pack(pattern: str, text: str) -> bool:
    """Whether any language's `pattern` field finds something in `text`: notes name
    HTTP in English whatever their language."""
    return any(getattr(pack, pattern).search(text) for pack in PACKS.values())


def _about_http(subject: _Subject, section: Section) -> bool:
    """Whether the note, or the part of it holding the message, is about HTTP."""
    return subject.named or any(_any_pack("http_topic", heading) for heading in section.path)


def _mentions(subject: _Subject, name: str) -> bool:
    """Whether the note's prose names the header field ("Cache-Control", "cache control")."""
    words = [re.escape(part) for part in name.lower().split("-") if part]
    if not words:
        return False
    # the first word, then the look behind it: a pattern that opens with a literal is
    # searched for that literal, ~20x faster than trying the look-behind at every place
    first, *rest = words
    pattern = rf"{first}(?<![\w-]{first})" + "".join(rf"[-\s]?{w}" for w in rest) + r"(?![\w-])"
    return re.search(pattern, subject.prose) is not None


def _named_after(name: str, note: Note) -> bool:
    """Whether the header field is named after the note's subject ("Sec-WebSocket-Key"
    in a note on WebSockets, "Cache-Control" in one on caching): what the note teaches,
    even where its prose does not spell the field out."""
    return shares_a_word(name.replace("-", " "), note.title)


def _fronts(lang: str, template: str, **values: str) -> tuple[str, str]:
    """A front as plain text and as HTML, the quoted HTTP text set in `<code>`."""
    pattern = _FRONTS[lang if lang in _FRONTS else "en"][template]
    ((key, value),) = values.items()
    before, _, after = pattern.partition("{" + key + "}")
    plain = f"{before}{value}{after}"
    marked = f"{_escape(before)}<code>{_escape(value)}</code>{_escape(after)}"
    return plain, marked


def _escape(text: str) -> str:
    """`html.escape`, skipped for the usual text that holds nothing to escape."""
    return html.escape(text) if _HTML_SPECIAL.search(text) else text


def _request_card(item: _Found, ctx: ExtractContext) -> Card:
    message, lang = item.message, ctx.note.lang
    line = message.start_line or " ".join(
        filter(None, (message.method, message.target, message.version))
    )
    template = "pseudo" if message.pseudo else "request-line"
    front, front_html = _fronts(lang, template, line=_cut(line, 120))
    back = explain_request_line(message.method, message.target, message.version, lang)
    return ctx.card(
        kind="http-request-line",
        extractor=NAME,
        rule=f"{NAME}.request-line",
        confidence=0.9,
        anchor=" ".join(line.split()),
        front=front,
        back=back,
        line=item.first_line + message.offset,
        section=item.section,
        front_html=front_html,
    )


def _status_card(item: _Found, ctx: ExtractContext) -> Card:
    message, lang = item.message, ctx.note.lang
    line = message.start_line or " ".join(
        filter(None, (message.version, str(message.code), message.reason))
    )
    template = "pseudo" if message.pseudo else "status-line"
    front, front_html = _fronts(lang, template, line=_cut(line, 120))
    back = explain_status_line(message.version, message.code, message.reason, lang)
    return ctx.card(
        kind="http-status",
        extractor=NAME,
        rule=f"{NAME}.status-line",
        confidence=0.9,
        anchor=str(message.code),
        front=front,
        back=back,
        line=item.first_line + message.offset,
        section=item.section,
        front_html=front_html,
    )


# an element the knowledge names as HTML ("plugins (<object>, <embed>)"): a card's plain
# back loses anything shaped as a tag, which left "plugins (, )"
_ELEMENT = re.compile(r"<([a-z][a-z0-9]*)>")


def _header_card(item: _Found, header: Header, anchor: str, back: str, ctx: ExtractContext) -> Card:
    lang = ctx.note.lang
    back = _ELEMENT.sub(r"\1", back)
    template = f"header-{item.message.role}" if item.message.role else "header"
    front, front_html = _fronts(lang, template, field=header.field_text)
    return ctx.card(
        kind="http-header",
        extractor=NAME,
        rule=f"{NAME}.header",
        confidence=0.9,
        anchor=anchor,
        front=front,
        back=back,
        line=item.first_line + header.offset,
        section=item.section,
        front_html=front_html,
    )


def extract_http_messages(note: Note, ctx: ExtractContext) -> list[Card]:
    """Cards for the start line and each header of every HTTP message in a code block."""
    found = _find_messages(note, ctx)
    if not found:
        return []
    lang = note.lang if note.lang in _FRONTS else "en"
    pending = _headers_to_ask(found)
    meanings = {
        anchor: explain_header(header.name, header.value.rstrip("; \t"), lang)
        for _, header, anchor in pending
    }
    unknown = {header.key for _, header, anchor in pending if meanings[anchor] is None}
    explained = _note_explanations(note, unknown)

    subject = _Subject(note)
    cards: list[Card] = []
    asked: set[str] = set()
    headers = iter(pending)
    next_header = next(headers, None)
    for item in found:
        message = item.message
        about = _about_http(subject, item.section)
        start: Card | None = None
        # a request line is glossed in a note on HTTP itself: in a tutorial on something
        # else ("GET /resources/x/ HTTP/1.1" in a CORS note) it is a sample (0 of 2 kept)
        if message.role == "request" and about and subject.central and subject.requests:
            start = _request_card(item, ctx)
        elif message.role == "response" and about and (subject.central or subject.statuses):
            start = _status_card(item, ctx)
        if start is not None and start.id not in asked:
            asked.add(start.id)
            cards.append(start)
        while next_header is not None and next_header[0] is item:
            _, header, anchor = next_header
            back = meanings[anchor] or explained.get(header.key)
            glossed = (about and subject.central) or (
                (about or subject.spoken)
                and (_mentions(subject, header.name) or _named_after(header.name, note))
            )
            # a whole message in a note on HTTP is read line by line (issue 3); a bare
            # list of fields, or a message an aside shows, is not: there a gloss that
            # restates its field is no card
            whole = about and subject.central and bool(message.role)
            if glossed and not whole and restates(header):
                glossed = False
            if glossed and not subject.central and is_sample_value(header.value):
                glossed = False  # "Origin: https://example.com" in a CORS tutorial
            if back and glossed:
                cards.append(_header_card(item, header, anchor, back, ctx))
            next_header = next(headers, None)
    return cards
