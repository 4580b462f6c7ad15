"""The body: Content-Type, Content-Length, Content-Encoding, Transfer-Encoding,
Content-Disposition."""

from __future__ import annotations

import re
from urllib.parse import unquote

from notecards.knowledge.durations import count_words
from notecards.knowledge.values.common import (
    Handler,
    abridged,
    joined,
    list_items,
    parameters,
    phrase,
    say,
    whole_number,
)

_MEDIA: dict[str, tuple[str, str]] = {
    "application/json": ("JSON", "JSON"),
    "text/html": ("an HTML document", "HTML-документ"),
    "text/plain": ("plain text", "обычный текст"),
    "text/css": ("a CSS style sheet", "таблица стилей CSS"),
    "text/javascript": ("JavaScript code", "код на JavaScript"),
    "application/javascript": ("JavaScript code", "код на JavaScript"),
    "application/xml": ("XML", "XML"),
    "text/xml": ("XML", "XML"),
    "text/csv": ("a CSV table", "таблица CSV"),
    "text/markdown": ("Markdown text", "текст в формате Markdown"),
    "text/event-stream": ("a Server-Sent Events stream", "поток событий Server-Sent Events"),
    "application/x-www-form-urlencoded": (
        "HTML form fields as name=value pairs joined by &, encoded like a URL query",
        "поля HTML-формы в виде пар имя=значение через &, закодированные как строка запроса URL",
    ),
    "multipart/form-data": (
        "a multipart HTML form: fields and files in separate parts",
        "составная HTML-форма: поля и файлы в отдельных частях",
    ),
    "multipart/byteranges": (
        "several byte ranges of a resource, each in its own part",
        "несколько диапазонов байтов ресурса, каждый в своей части",
    ),
    "application/octet-stream": ("arbitrary binary data", "произвольные двоичные данные"),
    "application/pdf": ("a PDF document", "документ PDF"),
    "application/zip": ("a ZIP archive", "ZIP-архив"),
    "application/gzip": ("a gzip-compressed file", "файл, сжатый gzip"),
    "application/problem+json": (
        "an error report in the JSON problem details format (RFC 9457)",
        "описание ошибки в формате problem details JSON (RFC 9457)",
    ),
    "application/ld+json": ("JSON-LD linked data", "связанные данные JSON-LD"),
    "application/xhtml+xml": ("an XHTML document", "XHTML-документ"),
    "application/x-ndjson": ("newline-delimited JSON records", "записи JSON, по одной в строке"),
    "application/wasm": ("a WebAssembly module", "модуль WebAssembly"),
    "application/grpc": ("gRPC messages", "сообщения gRPC"),
    "message/http": ("an HTTP message", "HTTP-сообщение"),
    "image/png": ("a PNG image", "изображение PNG"),
    "image/jpeg": ("a JPEG image", "изображение JPEG"),
    "image/gif": ("a GIF image", "изображение GIF"),
    "image/webp": ("a WebP image", "изображение WebP"),
    "image/avif": ("an AVIF image", "изображение AVIF"),
    "image/svg+xml": ("an SVG vector image", "векторное изображение SVG"),
    "image/x-icon": ("an icon", "значок (иконка)"),
    "image/vnd.microsoft.icon": ("an icon", "значок (иконка)"),
    "audio/mpeg": ("MP3 audio", "аудио MP3"),
    "video/mp4": ("MP4 video", "видео MP4"),
    "video/webm": ("WebM video", "видео WebM"),
    "font/woff2": ("a WOFF2 font", "шрифт WOFF2"),
    "font/woff": ("a WOFF font", "шрифт WOFF"),
}


_MEDIA_TOP: dict[str, tuple[str, str]] = {
    "text": ("text", "текст"),
    "image": ("an image", "изображение"),
    "audio": ("audio", "аудио"),
    "video": ("video", "видео"),
    "font": ("a font", "шрифт"),
    "multipart": ("a body of several parts", "тело из нескольких частей"),
    "model": ("a 3D model", "3D-модель"),
    "application": ("application data", "данные приложения"),
    "message": ("a message", "сообщение"),
}


def _media_description(media_type: str, lang: str) -> str:
    """What a media type is, in words: "JSON", "an HTML document", "an image"."""
    if media_type in _MEDIA:
        en, ru = _MEDIA[media_type]
        return say(lang, en, ru)
    if media_type.endswith("+json"):
        return phrase(lang, "content.media_description.json")
    if media_type.endswith("+xml"):
        return phrase(lang, "content.media_description.xml")
    top = media_type.split("/", 1)[0]
    en, ru = _MEDIA_TOP.get(top, ("data", "данные"))
    return say(lang, en, ru)


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


_CODINGS: dict[str, tuple[str, str]] = {
    "gzip": ("gzip", "gzip"),
    "x-gzip": ("gzip", "gzip"),
    "br": ("Brotli (br)", "Brotli (br)"),
    "deflate": ("zlib/deflate (deflate)", "zlib/deflate (deflate)"),
    "zstd": ("Zstandard (zstd)", "Zstandard (zstd)"),
    "compress": ("LZW (compress)", "LZW (compress)"),
    "x-compress": ("LZW (compress)", "LZW (compress)"),
}


def _coding_name(token: str, lang: str) -> str:
    en, ru = _CODINGS.get(token.lower(), (abridged(token, 30), abridged(token, 30)))
    return say(lang, en, ru)


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
