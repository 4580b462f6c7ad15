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
        return say(lang, "JSON", "JSON")
    if media_type.endswith("+xml"):
        return say(lang, "XML", "XML")
    top = media_type.split("/", 1)[0]
    en, ru = _MEDIA_TOP.get(top, ("data", "данные"))
    return say(lang, en, ru)


def _content_type(value: str, lang: str) -> str | None:
    """Content-Type (RFC 9110 §8.3): the media type in words, charset and boundary."""
    head, _, rest = value.partition(";")
    media_type = head.strip().lower()
    shown = abridged(media_type, 60)
    if not re.fullmatch(r"[!#$%&'*+.^_`|~0-9a-z-]+/[!#$%&'*+.^_`|~0-9a-z-]+", media_type):
        return say(
            lang,
            f"The media type {shown} is malformed: it should look like type/subtype.",
            f"Медиатип {shown} записан неверно: он должен иметь вид тип/подтип.",
        )
    text = say(
        lang,
        f"The body is {_media_description(media_type, lang)} ({shown})",
        f"Тело сообщения — {_media_description(media_type, lang)} ({shown})",
    )
    for name, arg in parameters(rest, ";"):
        arg = abridged(arg or "", 70)
        if name == "charset" and arg:
            text += say(lang, f", encoded in {arg.upper()}", f" в кодировке {arg.upper()}")
        elif name == "boundary" and arg:
            text += say(
                lang,
                f'; its parts are separated by lines "--{arg}"',
                f"; части разделяются строками «--{arg}»",
            )
        elif arg:
            text += say(lang, f"; parameter {name}={arg}", f"; параметр {name}={arg}")
    return text + "."


def _content_length(value: str, lang: str) -> str | None:
    """Content-Length (RFC 9110 §8.6): the body's size in bytes, plural forms right."""
    size = whole_number(value)
    if size is None or size < 0:
        shown = abridged(value, 40)
        return say(
            lang,
            f"Invalid Content-Length {shown}: it must be a whole number of bytes, 0 or more.",
            f"Некорректный Content-Length {shown}: нужно целое число байтов, не меньше 0.",
        )
    if size == 0:
        return say(lang, "The message body is empty (0 bytes).", "Тело сообщения пустое (0 байт).")
    return say(
        lang,
        f"The message body is {count_words(size, 'byte', lang)} long.",
        f"Длина тела сообщения — {count_words(size, 'byte', lang)}.",
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
        return say(lang, "The body is not encoded (identity).", "Тело не закодировано (identity).")
    names = [_coding_name(c, lang) for c in codings]
    if len(names) == 1:
        return say(
            lang,
            f"The body is compressed with {names[0]}; the recipient must decompress it to get "
            "the original data.",
            f"Тело сжато с помощью {names[0]}; получатель должен распаковать его, чтобы получить "
            "исходные данные.",
        )
    return say(
        lang,
        f"The body was encoded with {', then '.join(names)}, in that order; the recipient "
        "undoes them in reverse order.",
        f"Тело закодировано последовательно: {', затем '.join(names)}; получатель снимает "
        "кодирования в обратном порядке.",
    )


def _transfer_encoding(value: str, lang: str) -> str | None:
    """Transfer-Encoding (RFC 9112 §6.1): chunked framing and codings applied for transport."""
    codings = list_items(value)
    if not codings:
        return None
    others = [_coding_name(c, lang) for c in codings if c.lower() != "chunked"]
    if codings[-1].lower() != "chunked":
        return say(
            lang,
            f"The body is transfer-encoded with {joined(others, lang)}; without chunked as the "
            "last coding, a response body ends only when the connection closes.",
            f"Тело закодировано для передачи с помощью {joined(others, lang)}; без chunked в конце "
            "списка тело ответа заканчивается только с закрытием соединения.",
        )
    text = say(
        lang,
        "The body is sent in chunks, each preceded by its size in hex, and ends with a "
        "zero-size chunk, so its total length need not be known in advance.",
        "Тело передаётся частями (chunks): перед каждой частью — её размер в шестнадцатеричном "
        "виде, в конце — часть нулевой длины, поэтому общий размер заранее знать не нужно.",
    )
    if others:
        text += say(
            lang,
            f" Before chunking, the body is encoded with {joined(others, lang)}.",
            f" Перед разбиением на части тело кодируется: {joined(others, lang)}.",
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
            return say(
                lang,
                f'The browser should download the body as a file named "{name}" instead of '
                "showing it.",
                f"Браузер должен скачать тело как файл «{name}», а не показывать его.",
            )
        return say(
            lang,
            "The browser should download the body as a file instead of showing it.",
            "Браузер должен скачать тело как файл, а не показывать его.",
        )
    if kind == "inline":
        return say(
            lang,
            "The browser should show the body in the page (inline).",
            "Браузер должен показать тело прямо на странице (inline).",
        )
    if kind == "form-data" and params.get("name"):
        field = abridged(params["name"] or "", 60)
        text = say(
            lang,
            f'This part of a multipart/form-data body is the form field "{field}"',
            f"Эта часть тела multipart/form-data — поле формы «{field}»",
        )
        if name:
            text += say(lang, f', a file named "{name}"', f", файл «{name}»")
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
