"""CORS: the Access-Control-* headers of a response and a preflight, Origin, Referer."""

from __future__ import annotations

from notecards.knowledge.values.common import (
    Handler,
    abridged,
    list_items,
    phrase,
    span,
    whole_number,
)


def _acao(value: str, lang: str) -> str | None:
    """Access-Control-Allow-Origin (Fetch): * versus one origin."""
    origin = value.strip()
    if origin == "*":
        return phrase(lang, "cors.acao.scripts-from-any-origin-may-read")
    if origin == "null":
        return phrase(lang, "cors.acao.only-documents-with-the-opaque-origin")
    if "," in origin or " " in origin:
        return phrase(lang, "cors.acao.invalid-value-only-one-origin-or")
    shown = abridged(origin, 100)
    return phrase(lang, "cors.acao.only-scripts-from-the-origin-may", shown=shown)


def _acma(value: str, lang: str) -> str | None:
    """Access-Control-Max-Age (Fetch): how long a preflight result may be cached."""
    seconds = whole_number(value)
    if seconds is None:
        return None
    if seconds <= 0:
        return phrase(lang, "cors.acma.preflight-results-must-not-be-cached")
    text = phrase(
        lang,
        "cors.acma.the-browser-may-cache-the-result",
        span=span(seconds, lang),
        span_acc=span(seconds, lang, "acc"),
    )
    if seconds > 7200:
        text += phrase(lang, "cors.acma.browsers-cap-the-value-chromium-at")
    return text


def _list_or_any(value: str, lang: str) -> str:
    names = [abridged(n, 40) for n in list_items(value)]
    if names == ["*"]:
        return phrase(lang, "cors.list_or_any.any-only-without-credentials")
    return ", ".join(names[:20])


def _acam(value: str, lang: str) -> str | None:
    methods = _list_or_any(value, lang)
    return phrase(lang, "cors.acam.the-actual-cross-origin-request-may", methods=methods)


def _acah(value: str, lang: str) -> str | None:
    headers = _list_or_any(value, lang)
    return phrase(lang, "cors.acah.the-actual-cross-origin-request-may", headers=headers)


def _aceh(value: str, lang: str) -> str | None:
    headers = _list_or_any(value, lang)
    return phrase(
        lang, "cors.aceh.besides-the-safelisted-response-headers-scripts", headers=headers
    )


def _acac(value: str, lang: str) -> str | None:
    if value.strip() == "true":
        return phrase(lang, "cors.acac.the-page-may-read-the-response")
    return phrase(lang, "cors.acac.only-the-value-true-lower-case")


def _acrm(value: str, lang: str) -> str | None:
    method = abridged(value.strip(), 30)
    return phrase(lang, "cors.acrm.preflight-the-actual-request-will-use", method=method)


def _acrh(value: str, lang: str) -> str | None:
    headers = ", ".join(abridged(n, 40) for n in list_items(value)[:20])
    return phrase(lang, "cors.acrh.preflight-the-actual-request-will-send", headers=headers)


def _origin(value: str, lang: str) -> str | None:
    origin = value.strip()
    if origin == "null":
        return phrase(lang, "cors.origin.the-request-comes-from-an-opaque")
    shown = abridged(origin, 100)
    return phrase(lang, "cors.origin.the-request-was-initiated-by-a", shown=shown)


def _referer(value: str, lang: str) -> str | None:
    shown = abridged(value, 150)
    return phrase(lang, "cors.referer.the-link-to-this-resource-was", shown=shown)


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
