"""The body: Content-Type, Content-Length, Content-Encoding, Transfer-Encoding,
Content-Disposition."""

from __future__ import annotations

import re
from urllib.parse import unquote

from notecards.knowledge.durations import count_words
from notecards.knowledge.values.common import (
    Handler,
    Table,
    abridged,
    joined,
    list_items,
    parameters,
    phrase,
    whole_number,
)

_MEDIA = Table("content.media")


_MEDIA_TOP = Table("content.media-top")


def _media_description(media_type: str, lang: str) -> str:
    """What a media type is, in words: "JSON", "an HTML document", "an image"."""
    if media_type in _MEDIA:
        return _MEDIA.text(lang, media_type)
    if media_type.endswith("+json"):
        return phrase(lang, "content.media_description.json")
    if media_type.endswith("+xml"):
        return phrase(lang, "content.media_description.xml")
    top = media_type.split("/", 1)[0]
    if top in _MEDIA_TOP:
        return _MEDIA_TOP.text(lang, top)
    return phrase(lang, "content.media_description.data")


def _content_type(value: str, lang: str) -> str | None:
    """Content-Type (RFC 9110 §8.3): the media type in words, charset and boundary."""
    head, _, rest = value.partition(";")
    media_type = head.strip().lower()
    shown = abridged(media_type, 60)
    if not re.fullmatch(r"[!#$%&'*+.^_`|~0-9a-z-]+/[!#$%&'*+.^_`|~0-9a-z-]+", media_type):
        return phrase(lang, "content.content_type.the-media-type-is-malformed-it", shown=shown)
    text = phrase(
        lang,
        "content.content_type.the-body-is",
        media_description=_media_description(media_type, lang),
        shown=shown,
    )
    for name, arg in parameters(rest, ";"):
        arg = abridged(arg or "", 70)
        if name == "charset" and arg:
            text += phrase(lang, "content.content_type.encoded-in", upper=arg.upper())
        elif name == "boundary" and arg:
            text += phrase(lang, "content.content_type.its-parts-are-separated-by-lines", arg=arg)
        elif arg:
            text += phrase(lang, "content.content_type.parameter", name=name, arg=arg)
    return text + "."


def _content_length(value: str, lang: str) -> str | None:
    """Content-Length (RFC 9110 §8.6): the body's size in bytes, plural forms right."""
    size = whole_number(value)
    if size is None or size < 0:
        shown = abridged(value, 40)
        return phrase(lang, "content.content_length.invalid-content-length-it-must-be", shown=shown)
    if size == 0:
        return phrase(lang, "content.content_length.the-message-body-is-empty-0")
    return phrase(
        lang,
        "content.content_length.the-message-body-is-long",
        count_words=count_words(size, "byte", lang),
    )


_CODINGS = Table("content.codings")


def _coding_name(token: str, lang: str) -> str:
    return _CODINGS.text(lang, token.lower(), abridged(token, 30))


def _content_encoding(value: str, lang: str) -> str | None:
    """Content-Encoding (RFC 9110 §8.4): which compression the body went through."""
    codings = [c for c in list_items(value) if c.lower() != "identity"]
    if not codings:
        return phrase(lang, "content.content_encoding.the-body-is-not-encoded-identity")
    names = [_coding_name(c, lang) for c in codings]
    if len(names) == 1:
        return phrase(
            lang, "content.content_encoding.the-body-is-compressed-with-the", names=names[0]
        )
    return phrase(
        lang,
        "content.content_encoding.the-body-was-encoded-with-in",
        join=", then ".join(names),
        join2=", затем ".join(names),
    )


def _transfer_encoding(value: str, lang: str) -> str | None:
    """Transfer-Encoding (RFC 9112 §6.1): chunked framing and codings applied for transport."""
    codings = list_items(value)
    if not codings:
        return None
    others = [_coding_name(c, lang) for c in codings if c.lower() != "chunked"]
    if codings[-1].lower() != "chunked":
        return phrase(
            lang,
            "content.transfer_encoding.the-body-is-transfer-encoded-with",
            joined=joined(others, lang),
        )
    text = phrase(lang, "content.transfer_encoding.the-body-is-sent-in-chunks")
    if others:
        text += phrase(
            lang,
            "content.transfer_encoding.before-chunking-the-body-is-encoded",
            joined=joined(others, lang),
        )
    return text


def _content_disposition(value: str, lang: str) -> str | None:
    """Content-Disposition (RFC 6266 §4): inline or attachment, with the file name."""
    kind, _, rest = value.partition(";")
    params = dict(reversed(parameters(rest, ";")))
    filename = params.get("filename")
    extended = params.get("filename*")
    if extended and "''" in extended:  # RFC 8187: charset'language'percent-encoded
        filename = unquote(extended.split("''", 1)[1], errors="replace")
    name = abridged(filename, 80) if filename else ""
    kind = kind.strip().lower()
    if kind == "attachment":
        if name:
            return phrase(
                lang,
                "content.content_disposition.the-browser-should-download-the-body-2",
                name=name,
            )
        return phrase(lang, "content.content_disposition.the-browser-should-download-the-body")
    if kind == "inline":
        return phrase(lang, "content.content_disposition.the-browser-should-show-the-body")
    if kind == "form-data" and params.get("name"):
        field = abridged(params["name"] or "", 60)
        text = phrase(
            lang, "content.content_disposition.this-part-of-a-multipart-form", field=field
        )
        if name:
            text += phrase(lang, "content.content_disposition.a-file-named", name=name)
        return text + "."
    return None


# The headers this family explains, in order: (lower-case name, handler).
RULES: list[tuple[str, Handler]] = [
    ("content-type", _content_type),
    ("content-length", _content_length),
    ("content-encoding", _content_encoding),
    ("transfer-encoding", _transfer_encoding),
    ("content-disposition", _content_disposition),
]
