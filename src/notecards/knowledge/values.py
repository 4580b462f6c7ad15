"""What an HTTP header means *with its value*, and what a request or status line says.

A card "What does `Cache-Control: public, max-age=31536000, immutable` mean?" needs
an answer about these directives and this duration, not the header's dictionary entry.
Each handler below parses one header's value and writes one or two sentences in
English or Russian; headers without a handler get their general meaning plus the
value. Every function takes arbitrary text from notes, so parsing is defensive:
garbage gives a plainer answer, never an exception.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import lru_cache
from urllib.parse import unquote

from notecards.knowledge import knowledge_version, lookup_header, lookup_method, lookup_status
from notecards.knowledge.durations import Case, count_words, human_duration
from notecards.text.fill import fill

__all__ = ["explain_header", "explain_request_line", "explain_status", "explain_status_line"]

Handler = Callable[[str, str], "str | None"]

_MAX_SHOWN = 120  # longer values are shortened in answers: a card is not a hex dump
_MAX_DIGITS = 1000  # beyond this a "number" is noise (and int() would refuse it anyway)
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


# ---------------------------------------------------------------- small helpers


def _lang(lang: object) -> str:
    """ "ru" (also "ru-RU", "RU") or "en" for anything else."""
    if isinstance(lang, str) and lang.strip().lower().split("-")[0].split("_")[0] == "ru":
        return "ru"
    return "en"


def _say(lang: str, en: str, ru: str) -> str:
    """Pick the text of `lang`; both versions sit side by side where they are written."""
    return ru if lang == "ru" else en


def _shown(text: str, limit: int = _MAX_SHOWN) -> str:
    """A value as quoted in an answer: one line, not too long."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _unquote(text: str) -> str:
    """A parameter value without surrounding spaces and double quotes."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return text


def _int(text: str | None) -> int | None:
    """A whole decimal number (ASCII digits, optional minus), else None."""
    if text is None:
        return None
    text = _unquote(text)
    if not re.fullmatch(r"-?[0-9]+", text) or len(text) > _MAX_DIGITS:
        return None
    return int(text)


def _params(value: str, sep: str) -> list[tuple[str, str | None]]:
    """ "a=1; b; c="x"" → [("a", "1"), ("b", None), ("c", "x")]; names lower-cased."""
    pairs: list[tuple[str, str | None]] = []
    for part in value.split(sep):
        name, eq, arg = part.partition("=")
        name = name.strip().lower()
        if name:
            pairs.append((name, _unquote(arg) if eq else None))
    return pairs


def _items(value: str) -> list[str]:
    """The non-empty members of a comma-separated list."""
    return [item.strip() for item in value.split(",") if item.strip()]


def _join(items: list[str], lang: str) -> str:
    """ "a, b and c" / "a, b и c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + _say(lang, " and ", " и ") + items[-1]


def _sentence(clauses: list[str]) -> str:
    """Clauses joined by semicolons into one sentence with a capital and a full stop."""
    text = "; ".join(clauses)
    return text[:1].upper() + text[1:] + "."


def _span(seconds: int, lang: str, case: Case = "nom") -> str:
    """ "1 year (31536000 seconds)"; just "30 seconds" when the words add nothing."""
    words = human_duration(seconds, lang, case)
    plain = count_words(seconds, "second", lang, case)
    return words if words == plain else f"{words} ({plain})"


_RU_MONTHS = (
    *("января", "февраля", "марта", "апреля", "мая", "июня"),
    *("июля", "августа", "сентября", "октября", "ноября", "декабря"),
)


def _date(value: str, lang: str) -> str | None:
    """An HTTP date for an answer: as written in English, spelled out in Russian.

    None when the value is not a date, so callers can say so.
    """
    try:
        moment = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment is None:
        return None
    if lang == "en":
        return _shown(value)
    offset = moment.utcoffset()
    if offset is None or offset == timedelta(0):
        zone = "GMT"
    else:
        sign = "+" if offset >= timedelta(0) else "-"
        minutes = abs(int(offset.total_seconds())) // 60
        zone = f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    return _ru_date(moment, zone)


def _ru_date(moment: datetime, zone: str) -> str:
    return f"{moment.day} {_RU_MONTHS[moment.month - 1]} {moment.year} г., {moment:%H:%M:%S} {zone}"


def _lower_first(text: str) -> str:
    """Lower-case the first word when it is an ordinary capitalised word.

    Used to continue a sentence after a colon; "WebDAV" or "HTTPS" stay as they are.
    """
    word = text.split(" ", 1)[0]
    if len(word) > 1 and word[0].isupper() and word[1:] == word[1:].lower():
        return text[0].lower() + text[1:]
    return text


# ---------------------------------------------------------------- Strict-Transport-Security


def _hsts(value: str, lang: str) -> str | None:
    """HSTS (RFC 6797 §6.1): max-age, includeSubDomains, preload; stray ';' tolerated."""
    params = dict(reversed(_params(value, ";")))  # the first occurrence wins
    subdomains = "includesubdomains" in params
    raw = params.get("max-age")
    if raw is None:
        return _say(
            lang,
            "Invalid HSTS header: the required max-age directive is missing, so the browser "
            "ignores it.",
            "Некорректный заголовок HSTS: нет обязательной директивы max-age, поэтому браузер "
            "его игнорирует.",
        )
    seconds = _int(raw)
    if seconds is None or seconds < 0:
        return _say(
            lang,
            f"Invalid HSTS header: max-age={_shown(raw, 40)} is not a number of seconds, so the "
            "browser ignores it.",
            f"Некорректный заголовок HSTS: max-age={_shown(raw, 40)} — не число секунд, поэтому "
            "браузер его игнорирует.",
        )
    if seconds == 0:
        return _say(
            lang,
            "The browser must forget the HSTS policy for this host"
            + (" and its subdomains" if subdomains else "")
            + ": max-age=0 switches HTTPS-only mode off.",
            "Браузер должен забыть политику HSTS для этого хоста"
            + (" и его поддоменов" if subdomains else "")
            + ": max-age=0 отключает режим «только HTTPS».",
        )
    text = _say(
        lang,
        "The browser must use only HTTPS for this host"
        + (" and all its subdomains" if subdomains else "")
        + f" for {_span(seconds, lang)}.",
        "Браузер должен обращаться к этому хосту"
        + (" и всем его поддоменам" if subdomains else "")
        + f" только по HTTPS в течение {_span(seconds, lang, 'gen')}.",
    )
    if "preload" in params:
        text += _say(
            lang,
            " The site also asks to be included in the HSTS preload list built into browsers.",
            " Кроме того, сайт просит включить его во встроенный в браузеры список "
            "предзагрузки HSTS (preload).",
        )
    return text


# ---------------------------------------------------------------- Cache-Control


def _cache_seconds(name: str, arg: str | None, lang: str) -> int | str:
    """The seconds of a directive like max-age=N, or a clause saying the value is bad."""
    seconds = _int(arg)
    if seconds is None or seconds < 0:
        shown = _shown(arg or "", 40)
        return _say(
            lang,
            f"the value of {name} ({shown}) is not a number of seconds",
            f"значение {name} ({shown}) — не число секунд",
        )
    return seconds


# Directives with a number of seconds: (en, ru, the Russian case of the duration); the
# duration goes where `{span}` stands.
_CC_DURATIONS: dict[str, tuple[str, str, Case]] = {
    "max-age": (
        "the response stays fresh for {span}",
        "ответ считается свежим в течение {span}",
        "gen",
    ),
    "s-maxage": (
        "shared caches (proxies, CDNs) treat it as fresh for {span}, instead of max-age",
        "общие кэши (прокси, CDN) считают его свежим в течение {span} — вместо max-age",
        "gen",
    ),
    "stale-while-revalidate": (
        "after it goes stale, a cache may keep serving it for {span} while revalidating it "
        "in the background",
        "после устаревания кэш может ещё {span} отдавать его, обновляя ответ в фоне",
        "acc",
    ),
    "stale-if-error": (
        "if the server fails, a cache may serve the stale response for up to {span}",
        "при ошибке сервера кэш может отдавать устаревший ответ ещё {span}",
        "acc",
    ),
    "max-stale": (
        "the client accepts a response that has been stale for up to {span}",
        "клиент согласен на ответ, устаревший не более чем на {span}",
        "acc",
    ),
    "min-fresh": (
        "the client wants a response that stays fresh for at least {span} more",
        "клиенту нужен ответ, который останется свежим ещё как минимум {span}",
        "acc",
    ),
}

# Values with a meaning of their own: (directive, argument) → (en, ru).
_CC_SPECIAL: dict[tuple[str, str | None], tuple[str, str]] = {
    ("max-age", "0"): (
        "the response is stale at once, so it must be revalidated before every reuse (max-age=0)",
        "ответ сразу считается устаревшим, и перед каждым повторным использованием его "
        "нужно проверять у сервера (max-age=0)",
    ),
    ("max-stale", None): (
        "the client accepts a stale response, however stale",
        "клиент согласен на устаревший ответ любой давности",
    ),
}


def _cc_duration(name: str, arg: str | None, lang: str) -> str:
    """A directive that carries seconds, as a clause with the duration in words."""
    special = _CC_SPECIAL.get((name, arg.strip() if arg is not None else None))
    if special is not None:
        return _say(lang, *special)
    seconds = _cache_seconds(name, arg, lang)
    if isinstance(seconds, str):
        return seconds
    if name == "max-age" and seconds == 0:  # "max-age=00" and the like
        return _say(lang, *_CC_SPECIAL[("max-age", "0")])
    en, ru, case = _CC_DURATIONS[name]
    return _say(
        lang, fill(en, span=_span(seconds, lang)), fill(ru, span=_span(seconds, lang, case))
    )


# Directives without an argument: (en, ru) clause.
_CC_FLAGS: dict[str, tuple[str, str]] = {
    "no-cache": (
        "caches may store it but must revalidate it with the server before every use",
        "кэш может сохранить ответ, но перед каждым использованием обязан проверить его "
        "актуальность у сервера",
    ),
    "no-store": (
        "no cache may store the request or the response at all",
        "никакой кэш не должен сохранять ни запрос, ни ответ",
    ),
    "private": (
        "only the user's own (browser) cache may store it, shared caches may not",
        "сохранять ответ может только личный кэш пользователя (браузера), но не общие кэши",
    ),
    "public": (
        "any cache, shared ones included, may store it",
        "ответ может сохранить любой кэш, в том числе общий",
    ),
    "must-revalidate": (
        "once stale, it must not be used without revalidating it with the server",
        "устаревший ответ нельзя использовать, не проверив его у сервера",
    ),
    "proxy-revalidate": (
        "like must-revalidate, but only for shared caches",
        "то же, что must-revalidate, но только для общих кэшей",
    ),
    "immutable": (
        "it will not change while fresh, so it need not be revalidated even on reload",
        "пока ответ свежий, он не изменится, поэтому его не нужно перепроверять даже при "
        "перезагрузке страницы",
    ),
    "no-transform": (
        "intermediaries must not transform the content (e.g. recompress images)",
        "посредники не должны изменять содержимое (например, пережимать изображения)",
    ),
    "must-understand": (
        "a cache may store it only if it understands the caching rules of its status code",
        "кэш может сохранить ответ, только если понимает правила кэширования для его кода "
        "состояния",
    ),
    "only-if-cached": (
        "the client wants only a stored response, without contacting the server "
        "(504 if there is none)",
        "клиенту нужен только сохранённый ответ, без обращения к серверу (если его нет — 504)",
    ),
}


def _cache_control(value: str, lang: str) -> str | None:
    """Cache-Control (RFC 9111 §5.2): every directive as one clause of a sentence."""
    clauses = []
    for name, arg in _params(value, ","):
        if name in _CC_DURATIONS:
            clauses.append(_cc_duration(name, arg, lang))
        elif name in _CC_FLAGS:
            en, ru = _CC_FLAGS[name]
            clauses.append(_say(lang, en, ru))
        else:
            shown = _shown(name, 40)
            clauses.append(
                _say(lang, f"an unknown directive {shown}", f"неизвестная директива {shown}")
            )
    return _sentence(clauses) if clauses else None


# ---------------------------------------------------------------- Set-Cookie and Cookie


def _cookie_prefix(name: str, lang: str) -> str | None:
    if name.startswith("__Host-"):
        return _say(
            lang,
            "the __Host- prefix requires Secure, Path=/ and no Domain, so it stays bound to "
            "this host",
            "префикс __Host- требует Secure, Path=/ и отсутствия Domain — привязка к этому хосту",
        )
    if name.startswith("__Secure-"):
        return _say(
            lang,
            "the __Secure- prefix requires the Secure attribute",
            "префикс __Secure- требует атрибута Secure",
        )
    return None


def _cookie_max_age(arg: str, has_expires: bool, lang: str) -> str:
    seconds = _int(arg)
    shown = _shown(arg, 40)
    if seconds is None:
        return _say(
            lang,
            f"Max-Age={shown} is not a number, so the attribute is ignored",
            f"Max-Age={shown} — не число, поэтому атрибут игнорируется",
        )
    if seconds <= 0:
        return _say(
            lang,
            f"it is deleted immediately (Max-Age={shown})",
            f"удаляется немедленно (Max-Age={shown})",
        )
    text = _say(
        lang,
        f"it is kept for {_span(seconds, lang)}",
        f"хранится {_span(seconds, lang, 'acc')}",
    )
    if has_expires:
        text += _say(
            lang,
            ", and Max-Age takes precedence over Expires",
            ", причём Max-Age важнее Expires",
        )
    return text


def _cookie_same_site(arg: str, secure: bool, lang: str) -> str:
    mode = arg.strip().lower()
    if mode == "strict":
        return _say(
            lang,
            "it is never sent with cross-site requests, not even when following a link from "
            "another site (SameSite=Strict)",
            "не отправляется с межсайтовыми запросами, даже при переходе по ссылке с другого "
            "сайта (SameSite=Strict)",
        )
    if mode == "lax":
        return _say(
            lang,
            "it is not sent with cross-site subrequests (images, frames, fetch) but is sent "
            "when the user follows a link to the site (SameSite=Lax)",
            "не отправляется с межсайтовыми подзапросами (картинки, фреймы, fetch), но "
            "отправляется при переходе на сайт по ссылке (SameSite=Lax)",
        )
    if mode == "none":
        text = _say(
            lang,
            "it is sent with cross-site requests too (SameSite=None, which requires Secure)",
            "отправляется и с межсайтовыми запросами (SameSite=None, требует атрибута Secure)",
        )
        if not secure:
            text += _say(
                lang,
                ", but Secure is missing, so browsers will reject the cookie",
                ", но Secure не указан, поэтому браузер отклонит установку",
            )
        return text
    shown = _shown(arg, 40)
    return _say(
        lang, f"an unknown SameSite value {shown}", f"неизвестное значение SameSite={shown}"
    )


def _cookie_attribute(
    name: str, arg: str | None, attrs: dict[str, str | None], lang: str
) -> str | None:
    """One Set-Cookie attribute (RFC 6265 §4.1.2, SameSite from RFC 6265bis) as a clause."""
    value = arg or ""
    if name == "expires":
        when = _date(value, lang) or _shown(value, 60)
        return _say(lang, f"it expires on {when}", f"действует до {when}")
    if name == "max-age":
        return _cookie_max_age(value, "expires" in attrs, lang)
    if name == "domain":
        domain = _shown(value.strip().lstrip(".").lower(), 80)
        if not domain:
            return _say(lang, "an empty Domain is ignored", "пустой Domain игнорируется")
        return _say(
            lang,
            f"it is sent to {domain} and all its subdomains",
            f"отправляется на домен {domain} и все его поддомены",
        )
    if name == "path":
        path = _shown(value.strip(), 80)
        if path in ("", "/"):
            return _say(
                lang, "it is sent for every path on the site", "отправляется для всех путей сайта"
            )
        return _say(
            lang,
            f"it is sent only for the path {path} and paths below it",
            f"отправляется только для пути {path} и вложенных в него",
        )
    if name == "secure":
        return _say(lang, "it is sent only over HTTPS", "передаётся только по HTTPS")
    if name == "httponly":
        return _say(
            lang,
            "JavaScript cannot read it through document.cookie (HttpOnly)",
            "JavaScript не получает доступа к значению через document.cookie (HttpOnly)",
        )
    if name == "samesite":
        return _cookie_same_site(value, "secure" in attrs, lang)
    if name == "partitioned":
        return _say(
            lang,
            "it is stored separately for each top-level site (Partitioned, CHIPS)",
            "хранится отдельно для каждого сайта верхнего уровня (Partitioned, CHIPS)",
        )
    shown = _shown(name, 40)
    return _say(lang, f"an unknown attribute {shown}", f"неизвестный атрибут {shown}")


def _set_cookie(value: str, lang: str) -> str | None:
    """Set-Cookie: the cookie's name and what each attribute does; the value is never shown."""
    pair, _, rest = value.partition(";")
    if "=" not in pair:
        return _say(
            lang,
            "The Set-Cookie value has no name=value pair, so the browser ignores it.",
            "В значении Set-Cookie нет пары имя=значение, поэтому браузер его игнорирует.",
        )
    name = _shown(pair.split("=", 1)[0].strip(), 60)
    attrs = dict(_params(rest, ";"))  # in order of appearance; a repeated one: the last wins
    clauses = [c for c in [_cookie_prefix(name, lang)] if c]
    clauses += [c for n, a in attrs.items() if (c := _cookie_attribute(n, a, attrs, lang))]
    if "expires" not in attrs and "max-age" not in attrs:
        clauses.append(
            _say(
                lang,
                "with neither Expires nor Max-Age it is a session cookie, deleted when the "
                "browser session ends",
                "без Expires и Max-Age это сеансовый cookie: он удаляется, когда заканчивается "
                "сеанс браузера",
            )
        )
    quoted = (
        _say(lang, f'"{name}"', f"«{name}»") if name else _say(lang, "without a name", "без имени")
    )
    lead = _say(
        lang,
        f"The server asks the browser to store the cookie {quoted}",
        f"Сервер просит браузер сохранить cookie {quoted}",
    )
    return lead + ": " + "; ".join(clauses) + "."


def _cookie(value: str, lang: str) -> str | None:
    """Cookie: only the names, since the values are often session secrets."""
    names = [_shown(part.split("=", 1)[0].strip(), 40) for part in value.split(";") if "=" in part]
    names = [name for name in names if name]
    if not names:
        return None
    return _say(
        lang,
        f"The browser sends back the cookies it stored for this site: {', '.join(names)} "
        "(values not shown).",
        f"Браузер возвращает серверу сохранённые для этого сайта cookie: {', '.join(names)} "
        "(значения не показаны).",
    )


# ---------------------------------------------------------------- Content-Type and bodies

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
        return _say(lang, en, ru)
    if media_type.endswith("+json"):
        return _say(lang, "JSON", "JSON")
    if media_type.endswith("+xml"):
        return _say(lang, "XML", "XML")
    top = media_type.split("/", 1)[0]
    en, ru = _MEDIA_TOP.get(top, ("data", "данные"))
    return _say(lang, en, ru)


def _content_type(value: str, lang: str) -> str | None:
    """Content-Type (RFC 9110 §8.3): the media type in words, charset and boundary."""
    head, _, rest = value.partition(";")
    media_type = head.strip().lower()
    shown = _shown(media_type, 60)
    if not re.fullmatch(r"[!#$%&'*+.^_`|~0-9a-z-]+/[!#$%&'*+.^_`|~0-9a-z-]+", media_type):
        return _say(
            lang,
            f"The media type {shown} is malformed: it should look like type/subtype.",
            f"Медиатип {shown} записан неверно: он должен иметь вид тип/подтип.",
        )
    text = _say(
        lang,
        f"The body is {_media_description(media_type, lang)} ({shown})",
        f"Тело сообщения — {_media_description(media_type, lang)} ({shown})",
    )
    for name, arg in _params(rest, ";"):
        arg = _shown(arg or "", 70)
        if name == "charset" and arg:
            text += _say(lang, f", encoded in {arg.upper()}", f" в кодировке {arg.upper()}")
        elif name == "boundary" and arg:
            text += _say(
                lang,
                f'; its parts are separated by lines "--{arg}"',
                f"; части разделяются строками «--{arg}»",
            )
        elif arg:
            text += _say(lang, f"; parameter {name}={arg}", f"; параметр {name}={arg}")
    return text + "."


def _content_length(value: str, lang: str) -> str | None:
    """Content-Length (RFC 9110 §8.6): the body's size in bytes, plural forms right."""
    size = _int(value)
    if size is None or size < 0:
        shown = _shown(value, 40)
        return _say(
            lang,
            f"Invalid Content-Length {shown}: it must be a whole number of bytes, 0 or more.",
            f"Некорректный Content-Length {shown}: нужно целое число байтов, не меньше 0.",
        )
    if size == 0:
        return _say(lang, "The message body is empty (0 bytes).", "Тело сообщения пустое (0 байт).")
    return _say(
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
    en, ru = _CODINGS.get(token.lower(), (_shown(token, 30), _shown(token, 30)))
    return _say(lang, en, ru)


def _content_encoding(value: str, lang: str) -> str | None:
    """Content-Encoding (RFC 9110 §8.4): which compression the body went through."""
    codings = [c for c in _items(value) if c.lower() != "identity"]
    if not codings:
        return _say(lang, "The body is not encoded (identity).", "Тело не закодировано (identity).")
    names = [_coding_name(c, lang) for c in codings]
    if len(names) == 1:
        return _say(
            lang,
            f"The body is compressed with {names[0]}; the recipient must decompress it to get "
            "the original data.",
            f"Тело сжато с помощью {names[0]}; получатель должен распаковать его, чтобы получить "
            "исходные данные.",
        )
    return _say(
        lang,
        f"The body was encoded with {', then '.join(names)}, in that order; the recipient "
        "undoes them in reverse order.",
        f"Тело закодировано последовательно: {', затем '.join(names)}; получатель снимает "
        "кодирования в обратном порядке.",
    )


def _transfer_encoding(value: str, lang: str) -> str | None:
    """Transfer-Encoding (RFC 9112 §6.1): chunked framing and codings applied for transport."""
    codings = _items(value)
    if not codings:
        return None
    others = [_coding_name(c, lang) for c in codings if c.lower() != "chunked"]
    if codings[-1].lower() != "chunked":
        return _say(
            lang,
            f"The body is transfer-encoded with {_join(others, lang)}; without chunked as the "
            "last coding, a response body ends only when the connection closes.",
            f"Тело закодировано для передачи с помощью {_join(others, lang)}; без chunked в конце "
            "списка тело ответа заканчивается только с закрытием соединения.",
        )
    text = _say(
        lang,
        "The body is sent in chunks, each preceded by its size in hex, and ends with a "
        "zero-size chunk, so its total length need not be known in advance.",
        "Тело передаётся частями (chunks): перед каждой частью — её размер в шестнадцатеричном "
        "виде, в конце — часть нулевой длины, поэтому общий размер заранее знать не нужно.",
    )
    if others:
        text += _say(
            lang,
            f" Before chunking, the body is encoded with {_join(others, lang)}.",
            f" Перед разбиением на части тело кодируется: {_join(others, lang)}.",
        )
    return text


# ---------------------------------------------------------------- connections


def _connection(value: str, lang: str) -> str | None:
    """Connection (RFC 9110 §7.6.1, RFC 9112 §9): keep-alive, close, upgrade, hop-by-hop names."""
    clauses = []
    hop_by_hop = []
    for token in _items(value):
        low = token.lower()
        if low == "keep-alive":
            clauses.append(
                _say(
                    lang,
                    "the connection stays open after this message for further requests "
                    "(persistent connection)",
                    "после этого сообщения соединение остаётся открытым для следующих запросов "
                    "(постоянное соединение)",
                )
            )
        elif low == "close":
            clauses.append(
                _say(
                    lang,
                    "the connection will be closed once this request and its response are done",
                    "соединение будет закрыто после завершения этого запроса и ответа на него",
                )
            )
        elif low == "upgrade":
            clauses.append(
                _say(
                    lang,
                    "the Upgrade header applies to this connection only: the sender proposes "
                    "switching to another protocol",
                    "заголовок Upgrade относится только к этому соединению: отправитель "
                    "предлагает перейти на другой протокол",
                )
            )
        else:
            hop_by_hop.append(_shown(token, 40))
    if len(hop_by_hop) == 1:
        clauses.append(
            _say(
                lang,
                f"the {hop_by_hop[0]} header is meant for this connection only, and proxies must "
                "not forward it",
                f"заголовок {hop_by_hop[0]} относится только к этому соединению, прокси не должны "
                "передавать его дальше",
            )
        )
    elif hop_by_hop:
        names = _join(hop_by_hop, lang)
        clauses.append(
            _say(
                lang,
                f"the headers {names} are meant for this connection only, and proxies must not "
                "forward them",
                f"заголовки {names} относятся только к этому соединению, прокси не должны "
                "передавать их дальше",
            )
        )
    return _sentence(clauses) if clauses else None


def _keep_alive(value: str, lang: str) -> str | None:
    """Keep-Alive (RFC 2068 §19.7.1.1): timeout and max of a persistent connection."""
    clauses = []
    for name, arg in _params(value, ","):
        number = _int(arg)
        if number is None or number < 0:
            continue
        if name == "timeout":
            clauses.append(
                _say(
                    lang,
                    f"an idle connection is kept open for at least {_span(number, lang)}",
                    f"неактивное соединение держится открытым не менее "
                    f"{_span(number, lang, 'gen')}",
                )
            )
        elif name == "max":
            clauses.append(
                _say(
                    lang,
                    f"up to {count_words(number, 'request', lang)} may still be sent on it",
                    "по нему можно отправить ещё не более "
                    + count_words(number, "request", lang, "gen"),
                )
            )
    return _sentence(clauses) if clauses else None


_PROTOCOLS: dict[str, tuple[str, str]] = {
    "websocket": ("the WebSocket protocol", "протокол WebSocket"),
    "h2c": ("HTTP/2 over plain TCP (h2c)", "HTTP/2 поверх обычного TCP (h2c)"),
}


def _upgrade(value: str, lang: str) -> str | None:
    """Upgrade (RFC 9110 §7.8): which protocol the connection should switch to."""
    names = []
    for token in _items(value):
        en, ru = _PROTOCOLS.get(token.lower(), (_shown(token, 40), _shown(token, 40)))
        names.append(_say(lang, en, ru))
    if not names:
        return None
    if len(names) == 1:
        return _say(
            lang,
            f"Switch this connection to {names[0]}: the client proposes it, and the server "
            "agrees with 101 Switching Protocols.",
            f"Переключить это соединение на {names[0]}: клиент предлагает, сервер соглашается "
            "ответом 101 Switching Protocols.",
        )
    return _say(
        lang,
        f"The sender proposes switching this connection to one of: {', '.join(names)} (most "
        "preferred first); the server agrees with 101 Switching Protocols.",
        f"Отправитель предлагает переключить соединение на один из протоколов: "
        f"{', '.join(names)} (по убыванию предпочтения); сервер соглашается ответом "
        "101 Switching Protocols.",
    )


def _host(value: str, lang: str) -> str | None:
    """Host (RFC 9110 §7.2): the host and the optional port the request is meant for."""
    match = re.fullmatch(r"(\[[^\]]*\]|[^:\s]*)(?::([0-9]*))?", value.strip())
    if not match or not match.group(1):
        return None
    host = _shown(match.group(1), 80)
    port = match.group(2)
    if port:
        return _say(
            lang,
            f"The request is addressed to the host {host} on port {port}.",
            f"Запрос адресован хосту {host}, порт {port}.",
        )
    return _say(
        lang,
        f"The request is addressed to the host {host}, on the scheme's default port "
        "(80 for http, 443 for https).",
        f"Запрос адресован хосту {host}, порт по умолчанию для схемы (80 для http, 443 для https).",
    )


# ---------------------------------------------------------------- names and dates


def _date_or_raw(value: str, lang: str) -> str:
    return _date(value, lang) or _shown(value, 60)


def _as_shown(value: str, lang: str) -> str:
    return _shown(value)


def _phrase(show: Callable[[str, str], str], en: str, ru: str) -> Handler:
    """A header whose meaning is one sentence around its value (`{value}` in en and ru)."""

    def explain(value: str, lang: str) -> str | None:
        shown = show(value, lang)
        return _say(lang, fill(en, value=shown), fill(ru, value=shown))

    return explain


# Headers said in one sentence around their value: name → (how the value is shown, en, ru).
_PHRASES: dict[str, tuple[Callable[[str, str], str], str, str]] = {
    "server": (
        _as_shown,
        "The response was produced by the server software {value}.",
        "Ответ сформировало серверное программное обеспечение {value}.",
    ),
    "user-agent": (
        _as_shown,
        "The request was sent by the client software {value}.",
        "Запрос отправила программа-клиент {value}.",
    ),
    "x-powered-by": (
        _as_shown,
        "The response was generated with {value}; many sites drop this header so as not to "
        "reveal their platform.",
        "Ответ создан с помощью {value}; многие сайты убирают этот заголовок, чтобы не "
        "раскрывать свою платформу.",
    ),
    "date": (
        _date_or_raw,
        "The message was created at {value}.",
        "Сообщение создано {value}.",
    ),
    "last-modified": (
        _date_or_raw,
        "According to the server, the representation last changed at {value}.",
        "По данным сервера, представление последний раз менялось {value}.",
    ),
    "if-modified-since": (
        _date_or_raw,
        "Send the resource only if it has changed after {value}; otherwise the server answers "
        "304 Not Modified.",
        "Прислать ресурс, только если он изменился после {value}; иначе сервер ответит "
        "304 Not Modified.",
    ),
    "if-unmodified-since": (
        _date_or_raw,
        "Perform the request only if the resource has not changed since {value}; otherwise "
        "the server answers 412 Precondition Failed.",
        "Выполнить запрос, только если ресурс не менялся с {value}; иначе сервер ответит "
        "412 Precondition Failed.",
    ),
    "sunset": (
        _date_or_raw,
        "The resource is expected to become unavailable after {value}.",
        "Ожидается, что ресурс станет недоступен после {value}.",
    ),
}


def _expires(value: str, lang: str) -> str | None:
    """Expires (RFC 9111 §5.3): a date; an invalid one such as 0 means "already stale"."""
    when = _date(value, lang)
    if when is None:
        shown = _shown(value, 40)
        return _say(
            lang,
            f"{shown} is not a valid date, so the response counts as already stale.",
            f"Значение {shown} — не дата, поэтому ответ сразу считается устаревшим.",
        )
    return _say(
        lang,
        f"The response becomes stale after {when} (unless Cache-Control: max-age says otherwise).",
        f"Ответ считается устаревшим после {when} (если Cache-Control: max-age не задаёт иное).",
    )


def _retry_after(value: str, lang: str) -> str | None:
    """Retry-After (RFC 9110 §10.2.3): a delay in seconds or an HTTP date."""
    seconds = _int(value)
    if seconds is not None and seconds >= 0:
        return _say(
            lang,
            f"The client should wait {_span(seconds, lang)} before retrying the request.",
            f"Клиенту следует повторить запрос не раньше чем через {_span(seconds, lang, 'acc')}.",
        )
    when = _date(value, lang)
    if when is None:
        return None
    return _say(
        lang,
        f"The client should not retry the request before {when}.",
        f"Клиенту следует повторить запрос не раньше {when}.",
    )


def _age(value: str, lang: str) -> str | None:
    """Age (RFC 9111 §5.1): seconds the response has spent in caches."""
    seconds = _int(value)
    if seconds is None or seconds < 0:
        return None
    return _say(
        lang,
        f"The response has spent {_span(seconds, lang)} in caches since the origin server "
        "produced or revalidated it.",
        f"Ответ находится в кэше уже {_span(seconds, lang, 'acc')} с тех пор, как исходный "
        "сервер создал или подтвердил его.",
    )


def _location(value: str, lang: str) -> str | None:
    """Location (RFC 9110 §10.2.2): where a redirect points or where a new resource is."""
    target = _shown(value, 200)
    text = _say(
        lang,
        f"The target address is {target}: the client is redirected there (3xx), or a resource "
        "was just created there (201 Created).",
        f"Целевой адрес — {target}: на него сервер перенаправляет клиента (3xx) или там "
        "находится только что созданный ресурс (201 Created).",
    )
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", value.strip()):
        text += _say(
            lang,
            " The reference is relative, so it is resolved against the request URL.",
            " Ссылка относительная: она отсчитывается от URL запроса.",
        )
    return text


# ---------------------------------------------------------------- negotiation


def _weighted(value: str) -> list[tuple[str, float]]:
    """Accept-style members with their q weights, most preferred first (stable)."""
    members = []
    for item in _items(value):
        token, *params = item.split(";")
        weight = 1.0
        for name, arg in _params(";".join(params), ";"):
            if name == "q" and arg is not None and re.fullmatch(r"[01](\.[0-9]{0,3})?", arg):
                weight = min(float(arg), 1.0)
        if token.strip():
            members.append((_shown(token.strip(), 60), weight))
    return sorted(members, key=lambda member: -member[1])


_WILDCARDS: dict[str, dict[str, tuple[str, str]]] = {
    "accept": {
        "*/*": ("any type", "любой тип"),
    },
    "accept-encoding": {"*": ("any coding", "любое кодирование")},
    "accept-language": {"*": ("any language", "любой язык")},
    "accept-charset": {"*": ("any charset", "любая кодировка")},
}

_ACCEPT_LEADS: dict[str, tuple[str, str]] = {
    "accept": ("The client accepts these media types", "Клиент принимает медиатипы"),
    "accept-encoding": (
        "The client can decode these content codings",
        "Клиент умеет распаковывать кодирования",
    ),
    "accept-language": ("The user prefers these languages", "Пользователь предпочитает языки"),
    "accept-charset": (
        "The client prefers these character encodings",
        "Клиент предпочитает кодировки символов",
    ),
}


def _member_name(field: str, token: str, lang: str) -> str:
    if token in _WILDCARDS[field]:
        en, ru = _WILDCARDS[field][token]
        return _say(lang, en, ru)
    if field == "accept" and token.endswith("/*"):
        top = token[:-2]
        return _say(lang, f"any {top} type", f"любой тип {top}/*")
    return token


def _accept_like(field: str) -> Handler:
    """A handler for Accept, Accept-Encoding, Accept-Language, Accept-Charset with q values."""

    def explain(value: str, lang: str) -> str | None:
        members = _weighted(value)
        wanted = [
            _member_name(field, token, lang) + ("" if weight == 1.0 else f" (q={weight:g})")
            for token, weight in members
            if weight > 0
        ]
        refused = [_member_name(field, token, lang) for token, weight in members if weight == 0]
        if not wanted and not refused:
            return None
        en, ru = _ACCEPT_LEADS[field]
        text = ""
        if wanted:
            text = _say(
                lang,
                f"{en}, most preferred first: {', '.join(wanted)}.",
                f"{ru} (по убыванию предпочтения): {', '.join(wanted)}.",
            )
        if refused:
            text += _say(
                lang,
                f" Not acceptable (q=0): {', '.join(refused)}.",
                f" Не подходят (q=0): {', '.join(refused)}.",
            )
        return text.strip()

    return explain


def _vary(value: str, lang: str) -> str | None:
    """Vary (RFC 9110 §12.5.5): the request headers a cached response is keyed by."""
    names = [_shown(name, 40) for name in _items(value)]
    if not names:
        return None
    if "*" in names:
        return _say(
            lang,
            "The response depends on more than the request headers, so a cache cannot reuse it "
            "without asking the server.",
            "Ответ зависит не только от заголовков запроса, поэтому кэш не может использовать "
            "его повторно без обращения к серверу.",
        )
    if len(names) == 1:
        return _say(
            lang,
            f"Caches must keep a separate copy of the response for each value of the request "
            f"header {names[0]} and serve it only to requests with the same value.",
            f"Кэш должен хранить отдельную копию ответа для каждого значения заголовка запроса "
            f"{names[0]} и отдавать её только на запросы с тем же значением.",
        )
    return _say(
        lang,
        f"Caches must keep a separate copy of the response for each combination of the request "
        f"headers {_join(names, lang)} and serve it only to requests with the same values.",
        f"Кэш должен хранить отдельную копию ответа для каждого сочетания значений заголовков "
        f"запроса {_join(names, lang)} и отдавать её только на запросы с теми же значениями.",
    )


# ---------------------------------------------------------------- validators and ranges


def _etag(value: str, lang: str) -> str | None:
    tag = _shown(value.strip(), 80)
    if tag.startswith("W/"):
        return _say(
            lang,
            f"The representation carries the weak tag {tag}: versions with this tag are "
            "equivalent in meaning, though not necessarily byte for byte.",
            f"У представления слабый тег {tag}: версии с этим тегом равноценны по смыслу, но не "
            "обязательно совпадают побайтно.",
        )
    return _say(
        lang,
        f"The current version of the representation is tagged {tag}; a strong tag changes "
        "whenever the bytes change.",
        f"Текущая версия представления помечена тегом {tag}; сильный тег меняется при любом "
        "изменении байтов.",
    )


def _tag_list(value: str) -> tuple[str, int]:
    """Entity tags for an answer: at most five shown, and how many there are."""
    tags = [_shown(tag, 60) for tag in _items(value)]
    return ", ".join(tags[:5]) + ("…" if len(tags) > 5 else ""), len(tags)


def _if_none_match(value: str, lang: str) -> str | None:
    if value.strip() == "*":
        return _say(
            lang,
            "Perform the request only if the resource does not exist yet (e.g. a PUT that must "
            "not overwrite anything).",
            "Выполнить запрос, только если ресурса ещё нет (например, PUT без перезаписи "
            "существующего).",
        )
    tags, count = _tag_list(value)
    condition = _say(
        lang,
        f"its current ETag is not {tags}" if count == 1 else f"its current ETag is none of {tags}",
        f"его текущий ETag не совпадает с {tags}"
        if count == 1
        else f"его текущий ETag не совпадает ни с одним из: {tags}",
    )
    return _say(
        lang,
        f"Send the resource only if {condition}; on a match the server answers "
        "304 Not Modified (for GET and HEAD).",
        f"Прислать ресурс, только если {condition}; при совпадении сервер ответит "
        "304 Not Modified (для GET и HEAD).",
    )


def _if_match(value: str, lang: str) -> str | None:
    if value.strip() == "*":
        return _say(
            lang,
            "Perform the request only if the resource exists.",
            "Выполнить запрос, только если ресурс существует.",
        )
    tags, count = _tag_list(value)
    expected = _say(
        lang,
        tags if count == 1 else f"one of {tags}",
        tags if count == 1 else f"один из: {tags}",
    )
    return _say(
        lang,
        f"Perform the request only if the resource's current ETag is {expected}, i.e. nobody "
        "changed it meanwhile; otherwise 412 Precondition Failed.",
        f"Выполнить запрос, только если текущий ETag ресурса — {expected}, то есть никто не "
        "изменил его за это время; иначе 412 Precondition Failed.",
    )


def _byte_range(spec: str, lang: str) -> str | None:
    """ "0-499" → "bytes 0–499 (500 bytes)"; "500-" and "-500" too."""
    match = re.fullmatch(r"\s*([0-9]{0,30})\s*-\s*([0-9]{0,30})\s*", spec)
    if not match or not (match.group(1) or match.group(2)):
        return None
    first, last = match.group(1), match.group(2)
    if first and last:
        size = int(last) - int(first) + 1
        if size <= 0:
            return None
        return _say(
            lang,
            f"bytes {first}–{last} ({count_words(size, 'byte', lang)})",
            f"байты с {first} по {last} ({count_words(size, 'byte', lang)})",
        )
    if first:
        return _say(
            lang, f"everything from byte {first} to the end", f"всё с байта {first} до конца"
        )
    return _say(
        lang,
        f"the last {count_words(int(last), 'byte', lang)}",
        f"{count_words(int(last), 'byte', lang)} с конца",
    )


def _range(value: str, lang: str) -> str | None:
    """Range (RFC 9110 §14.2): the byte ranges asked for, counted from 0."""
    unit, eq, specs = value.partition("=")
    if not eq or unit.strip().lower() != "bytes":
        return None
    parts = [_byte_range(spec, lang) for spec in specs.split(",")[:10]]
    if not parts or None in parts:
        return None
    ranges = "; ".join(p for p in parts if p)
    return _say(
        lang,
        f"The client asks only for part of the representation: {ranges} (counting from 0); "
        "the server answers 206 Partial Content.",
        f"Клиент запрашивает только часть представления: {ranges} (счёт с нуля); сервер "
        "ответит 206 Partial Content.",
    )


def _content_range(value: str, lang: str) -> str | None:
    """Content-Range (RFC 9110 §14.4): which bytes of how many the body carries."""
    match = re.fullmatch(
        r"\s*bytes\s+(?:([0-9]{1,30})-([0-9]{1,30})|\*)/([0-9]{1,30}|\*)\s*", value
    )
    if not match:
        return None
    first, last, total = match.groups()
    if first is None:
        if total == "*":
            return None
        return _say(
            lang,
            f"The requested range cannot be satisfied; the whole representation is "
            f"{count_words(int(total), 'byte', lang)} long (sent with 416).",
            f"Запрошенный диапазон недоступен; полный размер представления — "
            f"{count_words(int(total), 'byte', lang)} (отправляется с кодом 416).",
        )
    of_total = (
        _say(lang, "a representation of unknown length", "представления неизвестной длины")
        if total == "*"
        else total
    )
    return _say(
        lang,
        f"The body holds bytes {first}–{last} of {of_total} (counting from 0).",
        f"Тело содержит байты с {first} по {last} из {of_total} (счёт с нуля).",
    )


def _accept_ranges(value: str, lang: str) -> str | None:
    unit = value.strip().lower()
    if unit == "bytes":
        return _say(
            lang,
            "The server supports byte range requests for this resource (Range: bytes=...), e.g. "
            "to resume a download.",
            "Сервер поддерживает запросы диапазонов байтов для этого ресурса (Range: bytes=...), "
            "например для докачки.",
        )
    if unit == "none":
        return _say(
            lang,
            "The server does not support range requests for this resource.",
            "Сервер не поддерживает запросы диапазонов для этого ресурса.",
        )
    return None


# ---------------------------------------------------------------- CORS


def _acao(value: str, lang: str) -> str | None:
    """Access-Control-Allow-Origin (Fetch): * versus one origin."""
    origin = value.strip()
    if origin == "*":
        return _say(
            lang,
            "Scripts from any origin may read this response (but not in requests made with "
            "credentials).",
            "Читать этот ответ разрешено скриптам с любого источника (но не в запросах с "
            "учётными данными).",
        )
    if origin == "null":
        return _say(
            lang,
            'Only documents with the opaque origin "null" (sandboxed iframes, file: pages) may '
            "read the response; this value is discouraged.",
            "Читать ответ разрешено только документам с непрозрачным источником null "
            "(iframe в песочнице, страницы file:); такое значение не рекомендуется.",
        )
    if "," in origin or " " in origin:
        return _say(
            lang,
            "Invalid value: only one origin or * is allowed, not a list, so the browser blocks "
            "the response.",
            "Некорректное значение: допускается один источник или *, а не список, поэтому "
            "браузер заблокирует ответ.",
        )
    shown = _shown(origin, 100)
    return _say(
        lang,
        f"Only scripts from the origin {shown} may read this response.",
        f"Читать этот ответ разрешено только скриптам с источника {shown}.",
    )


def _acma(value: str, lang: str) -> str | None:
    """Access-Control-Max-Age (Fetch): how long a preflight result may be cached."""
    seconds = _int(value)
    if seconds is None:
        return None
    if seconds <= 0:
        return _say(
            lang,
            "Preflight results must not be cached: every such request needs a new OPTIONS "
            "preflight.",
            "Результат предварительного запроса кэшировать нельзя: каждому такому запросу нужен "
            "новый предварительный запрос OPTIONS.",
        )
    text = _say(
        lang,
        f"The browser may cache the result of this preflight for {_span(seconds, lang)} and "
        "skip the OPTIONS request until then.",
        f"Браузер может хранить результат этого предварительного запроса "
        f"{_span(seconds, lang, 'acc')} и до тех пор не повторять запрос OPTIONS.",
    )
    if seconds > 7200:
        text += _say(
            lang,
            " Browsers cap the value (Chromium at 2 hours, Firefox at 24 hours).",
            " Браузеры ограничивают это значение (Chromium — 2 часами, Firefox — 24 часами).",
        )
    return text


def _list_or_any(value: str, lang: str) -> str:
    names = [_shown(n, 40) for n in _items(value)]
    if names == ["*"]:
        return _say(
            lang, "any (*, only without credentials)", "любые (*, только без учётных данных)"
        )
    return ", ".join(names[:20])


def _acam(value: str, lang: str) -> str | None:
    methods = _list_or_any(value, lang)
    return _say(
        lang,
        f"The actual cross-origin request may use the methods: {methods}.",
        f"Основной запрос с другого источника может использовать методы: {methods}.",
    )


def _acah(value: str, lang: str) -> str | None:
    headers = _list_or_any(value, lang)
    return _say(
        lang,
        f"The actual cross-origin request may send the headers: {headers}.",
        f"Основной запрос с другого источника может отправлять заголовки: {headers}.",
    )


def _aceh(value: str, lang: str) -> str | None:
    headers = _list_or_any(value, lang)
    return _say(
        lang,
        f"Besides the safelisted response headers, scripts from other origins may read: {headers}.",
        f"Кроме разрешённых по умолчанию заголовков ответа, скрипты с других источников могут "
        f"читать: {headers}.",
    )


def _acac(value: str, lang: str) -> str | None:
    if value.strip() == "true":
        return _say(
            lang,
            "The page may read the response even though the request was sent with credentials "
            "(cookies, HTTP authentication, client certificates).",
            "Странице разрешено читать ответ, даже если запрос отправлен с учётными данными "
            "(cookie, HTTP-аутентификация, клиентские сертификаты).",
        )
    return _say(
        lang,
        "Only the value true (lower case) has an effect; anything else means credentials are "
        "not allowed.",
        "Действует только значение true (строчными буквами); любое другое означает, что "
        "учётные данные не разрешены.",
    )


def _acrm(value: str, lang: str) -> str | None:
    method = _shown(value.strip(), 30)
    return _say(
        lang,
        f"Preflight: the actual request will use the {method} method.",
        f"Предварительный запрос: основной запрос будет отправлен методом {method}.",
    )


def _acrh(value: str, lang: str) -> str | None:
    headers = ", ".join(_shown(n, 40) for n in _items(value)[:20])
    return _say(
        lang,
        f"Preflight: the actual request will send the headers {headers}.",
        f"Предварительный запрос: основной запрос отправит заголовки {headers}.",
    )


def _origin(value: str, lang: str) -> str | None:
    origin = value.strip()
    if origin == "null":
        return _say(
            lang,
            'The request comes from an opaque origin ("null"), e.g. a sandboxed iframe, a file: '
            "page or a redirect across origins.",
            "Запрос пришёл с непрозрачного источника (null), например из iframe в песочнице, со "
            "страницы file: или после перенаправления между источниками.",
        )
    shown = _shown(origin, 100)
    return _say(
        lang,
        f"The request was initiated by a page from the origin {shown}.",
        f"Запрос инициирован страницей с источника {shown}.",
    )


def _referer(value: str, lang: str) -> str | None:
    shown = _shown(value, 150)
    return _say(
        lang,
        f"The link to this resource was found on the page {shown}.",
        f"Ссылка на этот ресурс получена со страницы {shown}.",
    )


# ---------------------------------------------------------------- security headers

_FRAME_OPTIONS: dict[str, tuple[str, str]] = {
    "deny": (
        "The page must not be shown in a frame on any site, its own included (clickjacking "
        "protection).",
        "Страницу запрещено показывать во фрейме на любом сайте, включая собственный (защита от "
        "кликджекинга).",
    ),
    "sameorigin": (
        "The page may be shown in a frame only by pages of the same origin (clickjacking "
        "protection).",
        "Показывать страницу во фрейме могут только страницы того же источника (защита от "
        "кликджекинга).",
    ),
}


def _x_frame_options(value: str, lang: str) -> str | None:
    mode = value.strip().lower()
    if mode in _FRAME_OPTIONS:
        en, ru = _FRAME_OPTIONS[mode]
        return _say(lang, en, ru)
    if mode.startswith("allow-from"):
        return _say(
            lang,
            "ALLOW-FROM is obsolete and modern browsers ignore it; use CSP frame-ancestors "
            "instead.",
            "ALLOW-FROM устарел, современные браузеры его игнорируют; вместо него используйте "
            "CSP frame-ancestors.",
        )
    return None


def _nosniff(value: str, lang: str) -> str | None:
    if value.strip().lower() != "nosniff":
        return _say(
            lang,
            "Only the value nosniff is defined; anything else has no effect.",
            "Определено только значение nosniff; любое другое ни на что не влияет.",
        )
    return _say(
        lang,
        "The browser must not guess (sniff) the media type and must trust Content-Type: "
        "scripts and styles served with a wrong type are blocked.",
        "Браузер не должен угадывать медиатип по содержимому и обязан доверять Content-Type: "
        "скрипты и стили с неверным типом блокируются.",
    )


_REFERRER_POLICIES: dict[str, tuple[str, str]] = {
    "no-referrer": ("no Referer header is sent at all", "заголовок Referer не отправляется вообще"),
    "no-referrer-when-downgrade": (
        "the full URL is sent as Referer, except from HTTPS to HTTP, when nothing is sent",
        "в Referer передаётся полный URL, кроме перехода с HTTPS на HTTP — тогда ничего",
    ),
    "origin": (
        "only the origin (e.g. https://example.com/) is sent, never the path",
        "передаётся только источник (например, https://example.com/), без пути",
    ),
    "origin-when-cross-origin": (
        "the full URL is sent to the same origin, only the origin to other origins",
        "своему источнику передаётся полный URL, чужим — только источник",
    ),
    "same-origin": (
        "the full URL is sent to the same origin, and nothing to other origins",
        "полный URL передаётся только своему источнику, чужим — ничего",
    ),
    "strict-origin": (
        "only the origin is sent, and nothing from HTTPS to HTTP",
        "передаётся только источник, а при переходе с HTTPS на HTTP — ничего",
    ),
    "strict-origin-when-cross-origin": (
        "the full URL goes to the same origin, only the origin to other origins, and nothing "
        "from HTTPS to HTTP (the browsers' default)",
        "своему источнику — полный URL, чужим — только источник, при переходе с HTTPS на HTTP — "
        "ничего (поведение браузеров по умолчанию)",
    ),
    "unsafe-url": (
        "the full URL (without fragment and credentials) is always sent, even from HTTPS to "
        "HTTP, which can leak private data",
        "полный URL (без фрагмента и учётных данных) передаётся всегда, даже с HTTPS на HTTP, "
        "что может раскрыть личные данные",
    ),
}


def _referrer_policy(value: str, lang: str) -> str | None:
    """Referrer-Policy: the last policy the browser knows in the list applies."""
    known = [token.lower() for token in _items(value) if token.lower() in _REFERRER_POLICIES]
    if not known:
        return None
    en, ru = _REFERRER_POLICIES[known[-1]]
    text = _sentence([_say(lang, en, ru)])
    if len(_items(value)) > 1:
        text += _say(
            lang,
            f" In a list, the last policy the browser supports applies: {known[-1]}.",
            f" Из списка применяется последняя политика, которую знает браузер: {known[-1]}.",
        )
    return text


_COOP: dict[str, tuple[str, str]] = {
    "same-origin": (
        "the page is isolated from windows of other origins: they get no reference to it",
        "страница изолирована от окон других источников: они не получают ссылки на неё",
    ),
    "same-origin-allow-popups": (
        "the page is isolated from other origins but keeps references to popups it opens",
        "страница изолирована от других источников, но сохраняет связь с открытыми ею окнами",
    ),
    "unsafe-none": (
        "no isolation: the default behaviour",
        "изоляции нет — поведение по умолчанию",
    ),
}
_COEP: dict[str, tuple[str, str]] = {
    "require-corp": (
        "cross-origin resources load only if they allow it via CORS or "
        "Cross-Origin-Resource-Policy",
        "ресурсы других источников загружаются, только если разрешают это через CORS или "
        "Cross-Origin-Resource-Policy",
    ),
    "credentialless": (
        "cross-origin resources without CORS are loaded without cookies or other credentials",
        "ресурсы других источников без CORS загружаются без cookie и других учётных данных",
    ),
    "unsafe-none": (
        "no restriction: the default behaviour",
        "ограничений нет — поведение по умолчанию",
    ),
}
_CORP: dict[str, tuple[str, str]] = {
    "same-origin": (
        "only pages of the same origin may load this resource",
        "загружать ресурс могут только страницы того же источника",
    ),
    "same-site": (
        "only pages of the same site may load this resource",
        "загружать ресурс могут только страницы того же сайта",
    ),
    "cross-origin": ("any origin may load this resource", "загружать ресурс может любой источник"),
}


def _keyword(table: dict[str, tuple[str, str]]) -> Handler:
    """A handler for headers whose value is one keyword from `table`."""

    def explain(value: str, lang: str) -> str | None:
        key = value.split(";", 1)[0].strip().lower()
        if key not in table:
            return None
        en, ru = table[key]
        return _sentence([_say(lang, en, ru)])

    return explain


_CSP_DIRECTIVES: dict[str, tuple[str, str]] = {
    "default-src": ("by default, resources", "по умолчанию ресурсы"),
    "script-src": ("scripts", "скрипты"),
    "script-src-elem": ("script elements", "элементы script"),
    "style-src": ("styles", "стили"),
    "img-src": ("images", "изображения"),
    "connect-src": ("fetch/XHR/WebSocket connections", "соединения fetch/XHR/WebSocket"),
    "font-src": ("fonts", "шрифты"),
    "frame-src": ("frames", "фреймы"),
    "child-src": ("frames and workers", "фреймы и воркеры"),
    "media-src": ("audio and video", "аудио и видео"),
    "object-src": ("plugins (<object>, <embed>)", "плагины (<object>, <embed>)"),
    "worker-src": ("workers", "воркеры"),
    "manifest-src": ("web app manifests", "манифесты веб-приложения"),
    "base-uri": ("the <base> URL", "адрес в <base>"),
    "form-action": ("form submissions", "отправка форм"),
    "frame-ancestors": (
        "pages that may embed this one in a frame",
        "страницы, которые могут встроить эту во фрейм",
    ),
}

_CSP_SOURCES: dict[str, tuple[str, str]] = {
    "'self'": ("this origin", "свой источник"),
    "'none'": ("nothing", "ничего"),
    "*": ("any source", "любой источник"),
    "'unsafe-inline'": ("inline code", "встроенный код (inline)"),
    "'unsafe-eval'": ("eval()", "eval()"),
    "'strict-dynamic'": ("scripts loaded by trusted scripts", "скрипты, загруженные доверенными"),
    "data:": ("data: URLs", "адреса data:"),
    "blob:": ("blob: URLs", "адреса blob:"),
    "https:": ("any HTTPS address", "любой адрес HTTPS"),
}


def _csp_source(token: str, lang: str) -> str:
    low = token.lower()
    if low in _CSP_SOURCES:
        en, ru = _CSP_SOURCES[low]
        return _say(lang, en, ru)
    if low.startswith("'nonce-"):
        return _say(lang, "elements with the right nonce", "элементы с верным nonce")
    if re.match(r"'sha(256|384|512)-", low):
        return _say(lang, "code with a matching hash", "код с совпадающим хешем")
    return _shown(token, 60)


def _csp_directive(name: str, args: list[str], lang: str) -> str:
    if name in ("upgrade-insecure-requests", "block-all-mixed-content"):
        return (
            _say(
                lang, "http: addresses are upgraded to https:", "адреса http: заменяются на https:"
            )
            if name == "upgrade-insecure-requests"
            else _say(
                lang, "mixed (HTTP) content is blocked", "смешанное (HTTP) содержимое блокируется"
            )
        )
    if name in ("report-uri", "report-to"):
        target = _shown(" ".join(args), 80)
        return _say(
            lang, f"violations are reported to {target}", f"о нарушениях сообщается на {target}"
        )
    if name == "sandbox":
        return _say(lang, "the page runs in a sandbox", "страница работает в песочнице")
    en, ru = _CSP_DIRECTIVES.get(name, (_shown(name, 40), _shown(name, 40)))
    sources = ", ".join(_csp_source(arg, lang) for arg in args[:12]) or _say(
        lang, "nothing", "ничего"
    )
    return f"{_say(lang, en, ru)} — {sources}"


def _csp(report_only: bool) -> Handler:
    """Content-Security-Policy(-Report-Only): each directive with its allowed sources."""

    def explain(value: str, lang: str) -> str | None:
        clauses = []
        for part in value.split(";")[:20]:
            words = part.split()
            if words:
                clauses.append(_csp_directive(words[0].lower(), words[1:], lang))
        if not clauses:
            return None
        if report_only:
            lead = _say(
                lang,
                "Content Security Policy in report-only mode (violations are reported, not "
                "blocked): ",
                "Политика безопасности содержимого в режиме отчёта (нарушения не блокируются, "
                "а только попадают в отчёт): ",
            )
        else:
            lead = _say(lang, "Content Security Policy: ", "Политика безопасности содержимого: ")
        return lead + "; ".join(clauses) + "."

    return explain


def _permission_audience(allowlist: str, lang: str) -> str:
    inner = allowlist.strip()
    if inner == "*":
        return _say(lang, "all origins", "всем источникам")
    members = inner.strip("()").split()
    if not members:
        return _say(lang, "nobody (disabled)", "никому (отключено)")
    names = [
        _say(lang, "this origin", "своему источнику") if m == "self" else _shown(m.strip('"'), 60)
        for m in members[:10]
    ]
    if names == [_say(lang, "this origin", "своему источнику")]:
        return _say(lang, "this origin only", "только своему источнику")
    return _join(names, lang)


def _permissions_policy(value: str, lang: str) -> str | None:
    """Permissions-Policy: which feature is allowed to whom."""
    clauses = []
    for item in _items(value)[:20]:
        feature, eq, allowlist = item.partition("=")
        if eq and feature.strip():
            clauses.append(
                f"{_shown(feature.strip(), 40)} — {_permission_audience(allowlist, lang)}"
            )
    if not clauses:
        return None
    return (
        _say(
            lang,
            "Browser features allowed for the page and its frames: ",
            "Кому разрешены возможности браузера: ",
        )
        + "; ".join(clauses)
        + "."
    )


_SITE_DATA: dict[str, tuple[str, str]] = {
    "cache": ("the cache", "кэш"),
    "cookies": ("cookies", "cookie"),
    "storage": (
        "stored data (localStorage, IndexedDB, service workers...)",
        "хранилища (localStorage, IndexedDB, service worker и т. п.)",
    ),
    "executioncontexts": ("open pages (they are reloaded)", "открытые страницы (перезагружаются)"),
    "*": ("all stored data", "все сохранённые данные"),
}


def _clear_site_data(value: str, lang: str) -> str | None:
    kinds = [_unquote(item).lower() for item in _items(value)]
    names = [_say(lang, *_SITE_DATA[kind]) for kind in kinds if kind in _SITE_DATA]
    if not names:
        return None
    return _say(
        lang,
        f"The browser must delete this site's {_join(names, lang)}.",
        f"Браузер должен удалить для этого сайта: {_join(names, lang)}.",
    )


# ---------------------------------------------------------------- authentication

_AUTH_SCHEMES: dict[str, tuple[str, str]] = {
    "basic": (
        "user name and password in base64, which is encoding, not encryption, so it needs HTTPS",
        "имя пользователя и пароль в base64 — это кодирование, а не шифрование, поэтому "
        "нужен HTTPS",
    ),
    "bearer": (
        "a bearer token (e.g. an OAuth 2.0 access token), which gives access to whoever holds it",
        "токен на предъявителя (например, токен доступа OAuth 2.0), дающий доступ любому, у "
        "кого он есть",
    ),
    "digest": (
        "a hash of the password and a server nonce is sent instead of the password",
        "вместо пароля передаётся хеш от пароля и одноразового значения сервера",
    ),
    "negotiate": ("SPNEGO: Kerberos or NTLM", "SPNEGO: Kerberos или NTLM"),
    "ntlm": (
        "the Windows NTLM challenge-response protocol",
        "протокол NTLM Windows (запрос–ответ)",
    ),
    "aws4-hmac-sha256": (
        "the request is signed with AWS Signature Version 4",
        "запрос подписан по схеме AWS Signature Version 4",
    ),
    "dpop": (
        "an OAuth token bound to the client's key (DPoP)",
        "токен OAuth, привязанный к ключу клиента (DPoP)",
    ),
}


def _auth_scheme(value: str) -> str | None:
    """The scheme of a credentials value, or None when it could be the secret itself."""
    words = value.split()
    if not words or not _TOKEN.fullmatch(words[0]) or len(words[0]) > 30:
        return None
    if words[0].lower() in _AUTH_SCHEMES or len(words) > 1:
        return words[0]
    return None  # a lone word: probably a bare token, which must not be repeated


def _authorization(to_proxy: bool) -> Handler:
    """Authorization / Proxy-Authorization: the scheme only, never the credentials."""

    def explain(value: str, lang: str) -> str | None:
        who = _say(
            lang,
            "The client authenticates to the proxy" if to_proxy else "The client authenticates",
            "Клиент аутентифицируется на прокси" if to_proxy else "Клиент аутентифицируется",
        )
        scheme = _auth_scheme(value)
        if scheme is None:
            return _say(
                lang,
                f"{who} with credentials that name no recognisable scheme (not shown here).",
                f"{who} с учётными данными без узнаваемой схемы (здесь не показаны).",
            )
        detail = _AUTH_SCHEMES.get(scheme.lower())
        text = _say(lang, f"{who} with the {scheme} scheme", f"{who} по схеме {scheme}")
        if detail:
            text += ": " + _say(lang, *detail)
        return text + _say(lang, " (credentials not shown).", " (учётные данные не показаны).")

    return explain


def _challenge(to_proxy: bool) -> Handler:
    """WWW-Authenticate / Proxy-Authenticate: the scheme and realm the server asks for."""

    def explain(value: str, lang: str) -> str | None:
        words = value.split()
        if not words or not _TOKEN.fullmatch(words[0]):
            return None
        scheme = _shown(words[0], 30)
        who = _say(
            lang,
            "The proxy requires" if to_proxy else "The server requires",
            "Прокси требует" if to_proxy else "Сервер требует",
        )
        text = _say(
            lang,
            f"{who} authentication with the {scheme} scheme",
            f"{who} аутентификацию по схеме {scheme}",
        )
        realm = re.search(r'realm="([^"]*)"', value, re.IGNORECASE)
        if realm:
            shown = _shown(realm.group(1), 60)
            text += _say(
                lang, f' for the realm "{shown}"', f" для области защиты (realm) «{shown}»"
            )
        return text + "."

    return explain


# ---------------------------------------------------------------- proxies and misc


def _x_forwarded_for(value: str, lang: str) -> str | None:
    hops = [_shown(hop, 60) for hop in _items(value)[:10]]
    if not hops:
        return None
    if len(hops) == 1:
        text = _say(
            lang,
            f"A proxy forwarded this request on behalf of the client {hops[0]}.",
            f"Прокси переслал этот запрос от имени клиента {hops[0]}.",
        )
    else:
        text = _say(
            lang,
            f"The original client is {hops[0]}; the request then passed through the proxies "
            f"{', '.join(hops[1:])}.",
            f"Исходный клиент — {hops[0]}; далее запрос прошёл через прокси {', '.join(hops[1:])}.",
        )
    return text + _say(
        lang,
        " Only entries added by your own proxies can be trusted.",
        " Доверять можно только записям, добавленным своими прокси.",
    )


_FORWARDED_PARTS: dict[str, tuple[str, str]] = {
    "for": ("client", "клиент"),
    "by": ("received by", "принял"),
    "host": ("original Host", "исходный Host"),
    "proto": ("original protocol", "исходный протокол"),
}


def _forwarded(value: str, lang: str) -> str | None:
    """Forwarded (RFC 7239 §4): the first element, as added by the proxy nearest the client."""
    first = value.split(",", 1)[0]
    parts = [
        f"{_say(lang, *_FORWARDED_PARTS[name])} {_shown(arg or '', 60)}"
        for name, arg in _params(first, ";")
        if name in _FORWARDED_PARTS and arg
    ]
    if not parts:
        return None
    return _say(lang, "A proxy reports: ", "Прокси сообщает: ") + ", ".join(parts) + "."


def _x_forwarded_proto(value: str, lang: str) -> str | None:
    proto = value.strip().lower()
    if proto not in ("http", "https"):
        return None
    return _say(
        lang,
        f"The client reached the proxy or load balancer over {proto.upper()}.",
        f"Клиент подключился к прокси или балансировщику по {proto.upper()}.",
    )


def _expect(value: str, lang: str) -> str | None:
    if value.strip().lower() != "100-continue":
        return _say(
            lang,
            "Only 100-continue is defined; the server answers any other expectation with 417.",
            "Определено только 100-continue; на любое другое ожидание сервер отвечает 417.",
        )
    return _say(
        lang,
        "The client will send the body only after the server answers 100 Continue, so a "
        "server can refuse a large upload early (e.g. with 413 or 401).",
        "Клиент отправит тело только после ответа 100 Continue, поэтому сервер может заранее "
        "отказать в большой загрузке (например, кодом 413 или 401).",
    )


def _max_forwards(value: str, lang: str) -> str | None:
    hops = _int(value)
    if hops is None or hops < 0:
        return None
    return _say(
        lang,
        f"At most {hops} more proxies may forward this request; the recipient that sees 0 "
        "must answer itself.",
        f"Переслать запрос могут ещё не более {hops} прокси; получатель, у которого значение 0, "
        "отвечает сам.",
    )


def _allow(value: str, lang: str) -> str | None:
    methods = ", ".join(_shown(m, 20) for m in _items(value)[:20])
    if not methods:
        return None
    return _say(
        lang,
        f"The resource supports the methods {methods}.",
        f"Ресурс поддерживает методы {methods}.",
    )


def _content_disposition(value: str, lang: str) -> str | None:
    """Content-Disposition (RFC 6266 §4): inline or attachment, with the file name."""
    kind, _, rest = value.partition(";")
    params = dict(reversed(_params(rest, ";")))
    filename = params.get("filename")
    extended = params.get("filename*")
    if extended and "''" in extended:  # RFC 8187: charset'language'percent-encoded
        filename = unquote(extended.split("''", 1)[1], errors="replace")
    name = _shown(filename, 80) if filename else ""
    kind = kind.strip().lower()
    if kind == "attachment":
        if name:
            return _say(
                lang,
                f'The browser should download the body as a file named "{name}" instead of '
                "showing it.",
                f"Браузер должен скачать тело как файл «{name}», а не показывать его.",
            )
        return _say(
            lang,
            "The browser should download the body as a file instead of showing it.",
            "Браузер должен скачать тело как файл, а не показывать его.",
        )
    if kind == "inline":
        return _say(
            lang,
            "The browser should show the body in the page (inline).",
            "Браузер должен показать тело прямо на странице (inline).",
        )
    if kind == "form-data" and params.get("name"):
        field = _shown(params["name"] or "", 60)
        text = _say(
            lang,
            f'This part of a multipart/form-data body is the form field "{field}"',
            f"Эта часть тела multipart/form-data — поле формы «{field}»",
        )
        if name:
            text += _say(lang, f', a file named "{name}"', f", файл «{name}»")
        return text + "."
    return None


def _pragma(value: str, lang: str) -> str | None:
    if value.strip().lower() != "no-cache":
        return None
    return _say(
        lang,
        "The HTTP/1.0 way to ask caches to revalidate with the server; it works like "
        "Cache-Control: no-cache and is kept only for old caches.",
        "Способ HTTP/1.0 попросить кэши свериться с сервером; действует как Cache-Control: "
        "no-cache и сохраняется только для старых кэшей.",
    )


def _ws_version(value: str, lang: str) -> str | None:
    if value.strip() != "13":
        return None
    return _say(
        lang,
        "WebSocket protocol version 13, the one standardized in RFC 6455.",
        "Версия протокола WebSocket 13 — та, что стандартизована в RFC 6455.",
    )


_HANDLERS: dict[str, Handler] = {
    **{name: _phrase(*phrase) for name, phrase in _PHRASES.items()},
    "strict-transport-security": _hsts,
    "cache-control": _cache_control,
    "set-cookie": _set_cookie,
    "cookie": _cookie,
    "content-type": _content_type,
    "content-length": _content_length,
    "content-encoding": _content_encoding,
    "transfer-encoding": _transfer_encoding,
    "connection": _connection,
    "keep-alive": _keep_alive,
    "upgrade": _upgrade,
    "host": _host,
    "expires": _expires,
    "retry-after": _retry_after,
    "age": _age,
    "location": _location,
    "accept": _accept_like("accept"),
    "accept-encoding": _accept_like("accept-encoding"),
    "accept-language": _accept_like("accept-language"),
    "accept-charset": _accept_like("accept-charset"),
    "vary": _vary,
    "etag": _etag,
    "if-none-match": _if_none_match,
    "if-match": _if_match,
    "range": _range,
    "content-range": _content_range,
    "accept-ranges": _accept_ranges,
    "access-control-allow-origin": _acao,
    "access-control-max-age": _acma,
    "access-control-allow-methods": _acam,
    "access-control-allow-headers": _acah,
    "access-control-expose-headers": _aceh,
    "access-control-allow-credentials": _acac,
    "access-control-request-method": _acrm,
    "access-control-request-headers": _acrh,
    "origin": _origin,
    "referer": _referer,
    "x-frame-options": _x_frame_options,
    "x-content-type-options": _nosniff,
    "referrer-policy": _referrer_policy,
    "cross-origin-opener-policy": _keyword(_COOP),
    "cross-origin-embedder-policy": _keyword(_COEP),
    "cross-origin-resource-policy": _keyword(_CORP),
    "content-security-policy": _csp(report_only=False),
    "content-security-policy-report-only": _csp(report_only=True),
    "permissions-policy": _permissions_policy,
    "clear-site-data": _clear_site_data,
    "authorization": _authorization(to_proxy=False),
    "proxy-authorization": _authorization(to_proxy=True),
    "www-authenticate": _challenge(to_proxy=False),
    "proxy-authenticate": _challenge(to_proxy=True),
    "x-forwarded-for": _x_forwarded_for,
    "forwarded": _forwarded,
    "x-forwarded-proto": _x_forwarded_proto,
    "expect": _expect,
    "max-forwards": _max_forwards,
    "allow": _allow,
    "content-disposition": _content_disposition,
    "pragma": _pragma,
    "sec-websocket-version": _ws_version,
}

# Headers whose value is a secret: the generic answer must not quote it either.
_SECRET = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})


# ---------------------------------------------------------------- public API


def _generic(name: str, value: str, lang: str) -> str | None:
    """The header's general meaning and its value, for headers without a handler."""
    info = lookup_header(name)
    if info is None:
        return None
    meaning = info.meaning.get(lang) or info.meaning.get("en") or ""
    if not value:
        return meaning + _say(lang, " The value here is empty.", " Здесь значение пустое.")
    if name.strip().lower() in _SECRET:
        return meaning
    return meaning + _say(lang, f" Value: {_shown(value)}.", f" Значение: {_shown(value)}.")


def explain_header(name: str, value: str, lang: str) -> str | None:
    """The meaning of header `name` with this `value`, in one or two sentences.

    `lang` is "ru" or "en" (anything else means English). None only when the header is
    unknown and has no handler, i.e. nothing useful can be said.
    """
    if not isinstance(name, str) or not isinstance(value, str):
        return None
    lang = _lang(lang)
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


# ---------------------------------------------------------------- status codes

_STATUS_CLASSES: dict[int, tuple[str, str]] = {
    1: (
        "an informational interim response: the request was received and processing goes on",
        "информационный промежуточный ответ: запрос получен, обработка продолжается",
    ),
    2: (
        "success: the request was received, understood and accepted",
        "успех: запрос получен, понят и принят",
    ),
    3: (
        "a redirection: the client must take further action to complete the request",
        "перенаправление: чтобы завершить запрос, клиенту нужно сделать что-то ещё",
    ),
    4: (
        "a client error: the request is wrong or cannot be fulfilled",
        "ошибка клиента: запрос неверен или не может быть выполнен",
    ),
    5: (
        "a server error: the server failed to fulfil an apparently valid request",
        "ошибка сервера: сервер не смог выполнить, по-видимому, корректный запрос",
    ),
}


def _real_reason(info_reason: str) -> bool:
    return not info_reason.startswith("(")


def explain_status(code: int, reason: str, lang: str) -> str | None:
    """What status `code` means; `reason` is the phrase written in the note.

    The reason phrase is only text for humans, so a different phrase (e.g. an old name
    such as "Payload Too Large") gets a note with the registered one. Unregistered codes
    in 100–599 are explained by their class, as clients treat them like x00.
    """
    if isinstance(code, bool) or not isinstance(code, int):
        return None
    lang = _lang(lang)
    reason = " ".join(reason.split()) if isinstance(reason, str) else ""
    info = lookup_status(code)
    if info is not None:
        text = info.meaning.get(lang) or info.meaning.get("en") or ""
        if reason and _real_reason(info.reason) and reason.lower() != info.reason.lower():
            text += _say(
                lang,
                f' The registered reason phrase is "{info.reason}".',
                f" Зарегистрированная текстовая фраза — «{info.reason}».",
            )
        return text
    if not 100 <= code <= 599:
        return None
    en, ru = _STATUS_CLASSES[code // 100]
    return _say(
        lang,
        f"Code {code} is not registered; clients treat it like {code // 100}00, i.e. {en}.",
        f"Код {code} не зарегистрирован; клиенты обрабатывают его как {code // 100}00, то есть "
        f"{ru}.",
    )


def explain_status_line(version: str, code: int, reason: str, lang: str) -> str:
    """ "HTTP/1.1 200 OK" as a sentence: who says what, and what the code means."""
    lang = _lang(lang)
    version = _shown(version, 30) if isinstance(version, str) else ""
    reason = _shown(reason, 80) if isinstance(reason, str) else ""
    info = lookup_status(code) if isinstance(code, int) else None
    if not reason and info is not None and _real_reason(info.reason):
        reason = info.reason  # HTTP/2 and later send no reason phrase
    status = f"{code} {reason}".strip()
    over = _say(lang, f" over {version}", f" по протоколу {version}") if version else ""
    head = _say(
        lang, f"The server reports status {status}{over}", f"Сервер сообщает код {status}{over}"
    )
    meaning = explain_status(code, reason, lang)
    if meaning is None:
        return head + _say(
            lang,
            "; this is not a valid HTTP status code (valid codes are 100–599).",
            "; это некорректный код состояния HTTP (допустимы коды 100–599).",
        )
    return f"{head}: {_lower_first(meaning)}"


# ---------------------------------------------------------------- request line

_METHOD_GLOSS: dict[str, tuple[str, str]] = {
    "GET": ("retrieve the resource", "получить ресурс"),
    "HEAD": ("get only the headers", "получить только заголовки"),
    "POST": ("send data for processing", "передать данные на обработку"),
    "PUT": ("create or replace the resource", "создать или заменить ресурс"),
    "DELETE": ("delete the resource", "удалить ресурс"),
    "CONNECT": ("open a tunnel", "открыть туннель"),
    "OPTIONS": ("ask which options are supported", "узнать поддерживаемые возможности"),
    "TRACE": ("echo the request back for diagnostics", "вернуть запрос обратно для диагностики"),
    "PATCH": ("partially modify the resource", "частично изменить ресурс"),
}


def _method_gloss(method: str, lang: str) -> str:
    """A few words on what the method does, for the parenthesis after its name."""
    gloss = _METHOD_GLOSS.get(method.upper())
    if gloss:
        return _say(lang, *gloss)
    info = lookup_method(method)
    if info is not None:
        meaning = info.meaning.get(lang) or info.meaning.get("en") or ""
        return _lower_first(meaning.rstrip("."))
    return _say(
        lang,
        "a non-standard or extension method",
        "нестандартный метод или метод расширения",
    )


def _case_note(method: str, lang: str) -> str:
    """Methods are case-sensitive: "get" is not GET, which students often miss."""
    upper = method.upper()
    if method != upper and upper in _METHOD_GLOSS:
        return _say(
            lang,
            f" Method names are case-sensitive: the standard method is {upper}.",
            f" Имена методов чувствительны к регистру: стандартный метод — {upper}.",
        )
    return ""


def explain_request_line(method: str, target: str, version: str, lang: str) -> str:
    """ "GET /example HTTP/1.1" as a sentence: method (with a gloss), target, protocol."""
    lang = _lang(lang)
    method = _shown(method, 30) if isinstance(method, str) else ""
    target = _shown(target, 200) if isinstance(target, str) else ""
    version = _shown(version, 30) if isinstance(version, str) else ""
    over = _say(lang, f" over {version}", f" по протоколу {version}") if version else ""
    gloss = _method_gloss(method, lang)
    if method.upper() == "CONNECT" or re.fullmatch(r"[^/\s?#]+:[0-9]+", target):
        text = _say(
            lang,
            f"The client asks the proxy to open a tunnel to {target} (method {method}){over}.",
            f"Клиент просит прокси открыть туннель к {target} (метод {method}){over}.",
        )
    elif target == "*":
        text = _say(
            lang,
            f"The client sends {method} ({gloss}){over} to the server as a whole, not to a "
            "particular resource.",
            f"Клиент отправляет запрос {method} ({gloss}){over} серверу в целом, а не "
            "конкретному ресурсу.",
        )
    else:
        verb = _say(
            lang,
            "requests the resource"
            if method.upper() in ("GET", "HEAD")
            else "accesses the resource",
            "запрашивает ресурс" if method.upper() in ("GET", "HEAD") else "обращается к ресурсу",
        )
        text = _say(
            lang,
            f"The client {verb} {target} with the {method} method ({gloss}){over}.",
            f"Клиент {verb} {target} методом {method} ({gloss}){over}.",
        )
        text += _target_note(target, lang)
    return text + _case_note(method, lang)


def _target_note(target: str, lang: str) -> str:
    """The absolute form (sent to proxies) and the query string deserve a word."""
    note = ""
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", target):
        note += _say(
            lang,
            " The full URL (absolute form) is what a client sends to a proxy.",
            " Полный URL (абсолютная форма) клиент указывает при обращении к прокси.",
        )
    query = target.partition("?")[2].partition("#")[0]
    if query:
        note += _say(
            lang,
            f" The part after ? is the query string: {query}.",
            f" Часть после ? — строка запроса: {query}.",
        )
    return note
