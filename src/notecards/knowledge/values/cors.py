"""CORS: the Access-Control-* headers of a response and a preflight, Origin, Referer."""

from __future__ import annotations

from notecards.knowledge.values.common import (
    Handler,
    abridged,
    list_items,
    say,
    span,
    whole_number,
)


def _acao(value: str, lang: str) -> str | None:
    """Access-Control-Allow-Origin (Fetch): * versus one origin."""
    origin = value.strip()
    if origin == "*":
        return say(
            lang,
            "Scripts from any origin may read this response (but not in requests made with "
            "credentials).",
            "Читать этот ответ разрешено скриптам с любого источника (но не в запросах с "
            "учётными данными).",
        )
    if origin == "null":
        return say(
            lang,
            'Only documents with the opaque origin "null" (sandboxed iframes, file: pages) may '
            "read the response; this value is discouraged.",
            "Читать ответ разрешено только документам с непрозрачным источником null "
            "(iframe в песочнице, страницы file:); такое значение не рекомендуется.",
        )
    if "," in origin or " " in origin:
        return say(
            lang,
            "Invalid value: only one origin or * is allowed, not a list, so the browser blocks "
            "the response.",
            "Некорректное значение: допускается один источник или *, а не список, поэтому "
            "браузер заблокирует ответ.",
        )
    shown = abridged(origin, 100)
    return say(
        lang,
        f"Only scripts from the origin {shown} may read this response.",
        f"Читать этот ответ разрешено только скриптам с источника {shown}.",
    )


def _acma(value: str, lang: str) -> str | None:
    """Access-Control-Max-Age (Fetch): how long a preflight result may be cached."""
    seconds = whole_number(value)
    if seconds is None:
        return None
    if seconds <= 0:
        return say(
            lang,
            "Preflight results must not be cached: every such request needs a new OPTIONS "
            "preflight.",
            "Результат предварительного запроса кэшировать нельзя: каждому такому запросу нужен "
            "новый предварительный запрос OPTIONS.",
        )
    text = say(
        lang,
        f"The browser may cache the result of this preflight for {span(seconds, lang)} and "
        "skip the OPTIONS request until then.",
        f"Браузер может хранить результат этого предварительного запроса "
        f"{span(seconds, lang, 'acc')} и до тех пор не повторять запрос OPTIONS.",
    )
    if seconds > 7200:
        text += say(
            lang,
            " Browsers cap the value (Chromium at 2 hours, Firefox at 24 hours).",
            " Браузеры ограничивают это значение (Chromium — 2 часами, Firefox — 24 часами).",
        )
    return text


def _list_or_any(value: str, lang: str) -> str:
    names = [abridged(n, 40) for n in list_items(value)]
    if names == ["*"]:
        return say(
            lang, "any (*, only without credentials)", "любые (*, только без учётных данных)"
        )
    return ", ".join(names[:20])


def _acam(value: str, lang: str) -> str | None:
    methods = _list_or_any(value, lang)
    return say(
        lang,
        f"The actual cross-origin request may use the methods: {methods}.",
        f"Основной запрос с другого источника может использовать методы: {methods}.",
    )


def _acah(value: str, lang: str) -> str | None:
    headers = _list_or_any(value, lang)
    return say(
        lang,
        f"The actual cross-origin request may send the headers: {headers}.",
        f"Основной запрос с другого источника может отправлять заголовки: {headers}.",
    )


def _aceh(value: str, lang: str) -> str | None:
    headers = _list_or_any(value, lang)
    return say(
        lang,
        f"Besides the safelisted response headers, scripts from other origins may read: {headers}.",
        f"Кроме разрешённых по умолчанию заголовков ответа, скрипты с других источников могут "
        f"читать: {headers}.",
    )


def _acac(value: str, lang: str) -> str | None:
    if value.strip() == "true":
        return say(
            lang,
            "The page may read the response even though the request was sent with credentials "
            "(cookies, HTTP authentication, client certificates).",
            "Странице разрешено читать ответ, даже если запрос отправлен с учётными данными "
            "(cookie, HTTP-аутентификация, клиентские сертификаты).",
        )
    return say(
        lang,
        "Only the value true (lower case) has an effect; anything else means credentials are "
        "not allowed.",
        "Действует только значение true (строчными буквами); любое другое означает, что "
        "учётные данные не разрешены.",
    )


def _acrm(value: str, lang: str) -> str | None:
    method = abridged(value.strip(), 30)
    return say(
        lang,
        f"Preflight: the actual request will use the {method} method.",
        f"Предварительный запрос: основной запрос будет отправлен методом {method}.",
    )


def _acrh(value: str, lang: str) -> str | None:
    headers = ", ".join(abridged(n, 40) for n in list_items(value)[:20])
    return say(
        lang,
        f"Preflight: the actual request will send the headers {headers}.",
        f"Предварительный запрос: основной запрос отправит заголовки {headers}.",
    )


def _origin(value: str, lang: str) -> str | None:
    origin = value.strip()
    if origin == "null":
        return say(
            lang,
            'The request comes from an opaque origin ("null"), e.g. a sandboxed iframe, a file: '
            "page or a redirect across origins.",
            "Запрос пришёл с непрозрачного источника (null), например из iframe в песочнице, со "
            "страницы file: или после перенаправления между источниками.",
        )
    shown = abridged(origin, 100)
    return say(
        lang,
        f"The request was initiated by a page from the origin {shown}.",
        f"Запрос инициирован страницей с источника {shown}.",
    )


def _referer(value: str, lang: str) -> str | None:
    shown = abridged(value, 150)
    return say(
        lang,
        f"The link to this resource was found on the page {shown}.",
        f"Ссылка на этот ресурс получена со страницы {shown}.",
    )


# The headers this family explains, in order: (lower-case name, handler).
RULES: list[tuple[str, Handler]] = [
    ("access-control-allow-origin", _acao),
    ("access-control-max-age", _acma),
    ("access-control-allow-methods", _acam),
    ("access-control-allow-headers", _acah),
    ("access-control-expose-headers", _aceh),
    ("access-control-allow-credentials", _acac),
    ("access-control-request-method", _acrm),
    ("access-control-request-headers", _acrh),
    ("origin", _origin),
    ("referer", _referer),
]
