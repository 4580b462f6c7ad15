"""What an HTTP header means *with its value*, and what a request or status line says.

A card "What does `Cache-Control: public, max-age=31536000, immutable` mean?" needs
an answer about these directives and this duration, not the header's dictionary entry.
Each family module of this package (caching, cookies, content, …) parses the values of
its headers and writes one or two sentences in English or Russian; it lists its handlers
in `RULES`, and `FAMILIES` below puts them together, as markdown-it puts its rules in
chains. Headers without a handler get their general meaning plus the value. Every
function takes arbitrary text from notes, so parsing is defensive: garbage gives a
plainer answer, never an exception.

To explain a new header: write its handler in the module of its family (or a new module,
added to `FAMILIES`) and list it in that module's `RULES`.
"""

from __future__ import annotations

from functools import lru_cache

from notecards.knowledge import knowledge_version, lookup_header
from notecards.knowledge.values import (
    auth,
    caching,
    conditional,
    connection,
    content,
    cookies,
    cors,
    names_and_dates,
    negotiation,
    proxies,
    security,
)
from notecards.knowledge.values.common import Handler, abridged, normal_lang, phrase
from notecards.knowledge.values.messages import (
    explain_request_line,
    explain_status,
    explain_status_line,
)

__all__ = ["explain_header", "explain_request_line", "explain_status", "explain_status_line"]

# The families in the order their rules are registered; a header belongs to one family.
FAMILIES = (
    security,
    caching,
    cookies,
    content,
    connection,
    names_and_dates,
    negotiation,
    conditional,
    cors,
    auth,
    proxies,
)


def _registry() -> dict[str, Handler]:
    """Every family's rules as one lookup table; a header claimed twice is a bug."""
    handlers: dict[str, Handler] = {}
    for family in FAMILIES:
        for name, handler in family.RULES:
            if name in handlers:
                raise ValueError(f"{name} is explained by two families ({family.__name__})")
            handlers[name] = handler
    return handlers


_HANDLERS = _registry()

# Headers whose value is a secret: the generic answer must not quote it either.
_SECRET = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})


def _generic(name: str, value: str, lang: str) -> str | None:
    """The header's general meaning and its value, for headers without a handler."""
    info = lookup_header(name)
    if info is None:
        return None
    meaning = info.meaning.get(lang) or info.meaning.get("en") or ""
    if not value:
        return meaning + phrase(lang, "__init__.generic.the-value-here-is-empty")
    if name.strip().lower() in _SECRET:
        return meaning
    return meaning + phrase(lang, "__init__.generic.value", abridged=abridged(value))


def explain_header(name: str, value: str, lang: str) -> str | None:
    """The meaning of header `name` with this `value`, in one or two sentences.

    `lang` is "ru" or "en" (anything else means English). None only when the header is
    unknown and has no handler, i.e. nothing useful can be said.
    """
    if not isinstance(name, str) or not isinstance(value, str):
        return None
    lang = normal_lang(lang)
    if len(name) + len(value) > _MEMO_CHARS:
        return _explain_header(name, value, lang)
    return _explain_header_memo(name, value, lang, knowledge_version())


# Notes paste the same headers again and again (`Content-Type: application/json`), and
# an answer depends only on the field, the language and the knowledge loaded (its
# version is part of the key); long fields are not remembered, to bound the memory.
_MEMO_CHARS = 1000


@lru_cache(maxsize=4096)
def _explain_header_memo(name: str, value: str, lang: str, version: int) -> str | None:
    """`_explain_header`, remembered; `version` is only part of the key."""
    return _explain_header(name, value, lang)


def _explain_header(name: str, value: str, lang: str) -> str | None:
    """`explain_header` for strings and a normalised `lang`."""
    key = name.strip().lower()
    value = value.strip()
    handler = _HANDLERS.get(key)
    if handler is not None and value:
        text = handler(value, lang)
        if text:
            return text
    return _generic(name, value, lang)
