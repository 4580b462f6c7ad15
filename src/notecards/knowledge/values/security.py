"""Security headers: HSTS, frame and sniffing options, referrer policy, COOP/COEP/CORP,
Content-Security-Policy, Permissions-Policy, Clear-Site-Data."""

from __future__ import annotations

import re

from notecards.knowledge.values.common import (
    Handler,
    abridged,
    joined,
    list_items,
    parameters,
    phrase,
    say,
    sentence,
    span,
    unquoted,
    whole_number,
)


def _hsts(value: str, lang: str) -> str | None:
    """HSTS (RFC 6797 §6.1): max-age, includeSubDomains, preload; stray ';' tolerated."""
    params = dict(reversed(parameters(value, ";")))  # the first occurrence wins
    subdomains = "includesubdomains" in params
    raw = params.get("max-age")
    if raw is None:
        return phrase(lang, "security.hsts.invalid-hsts-header-the-required-max")
    seconds = whole_number(raw)
    if seconds is None or seconds < 0:
        return phrase(
            lang, "security.hsts.invalid-hsts-header-max-age-is", abridged=abridged(raw, 40)
        )
    if seconds == 0:
        return say(
            lang,
            "The browser must forget the HSTS policy for this host"
            + (" and its subdomains" if subdomains else "")
            + ": max-age=0 switches HTTPS-only mode off.",
            "Браузер должен забыть политику HSTS для этого хоста"
            + (" и его поддоменов" if subdomains else "")
            + ": max-age=0 отключает режим «только HTTPS».",
        )
    text = say(
        lang,
        "The browser must use only HTTPS for this host"
        + (" and all its subdomains" if subdomains else "")
        + f" for {span(seconds, lang)}.",
        "Браузер должен обращаться к этому хосту"
        + (" и всем его поддоменам" if subdomains else "")
        + f" только по HTTPS в течение {span(seconds, lang, 'gen')}.",
    )
    if "preload" in params:
        text += phrase(lang, "security.hsts.the-site-also-asks-to-be")
    return text


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
        return say(lang, en, ru)
    if mode.startswith("allow-from"):
        return phrase(lang, "security.x_frame_options.allow-from-is-obsolete-and-modern")
    return None


def _nosniff(value: str, lang: str) -> str | None:
    if value.strip().lower() != "nosniff":
        return phrase(lang, "security.nosniff.only-the-value-nosniff-is-defined")
    return phrase(lang, "security.nosniff.the-browser-must-not-guess-sniff")


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
    known = [token.lower() for token in list_items(value) if token.lower() in _REFERRER_POLICIES]
    if not known:
        return None
    en, ru = _REFERRER_POLICIES[known[-1]]
    text = sentence([say(lang, en, ru)])
    if len(list_items(value)) > 1:
        text += phrase(lang, "security.referrer_policy.in-a-list-the-last-policy", known=known[-1])
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
        return sentence([say(lang, en, ru)])

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
        return say(lang, en, ru)
    if low.startswith("'nonce-"):
        return phrase(lang, "security.csp_source.elements-with-the-right-nonce")
    if re.match(r"'sha(256|384|512)-", low):
        return phrase(lang, "security.csp_source.code-with-a-matching-hash")
    return abridged(token, 60)


def _csp_directive(name: str, args: list[str], lang: str) -> str:
    if name in ("upgrade-insecure-requests", "block-all-mixed-content"):
        return (
            phrase(lang, "security.csp_directive.http-addresses-are-upgraded-to-https")
            if name == "upgrade-insecure-requests"
            else phrase(lang, "security.csp_directive.mixed-http-content-is-blocked")
        )
    if name in ("report-uri", "report-to"):
        target = abridged(" ".join(args), 80)
        return phrase(lang, "security.csp_directive.violations-are-reported-to", target=target)
    if name == "sandbox":
        return phrase(lang, "security.csp_directive.the-page-runs-in-a-sandbox")
    en, ru = _CSP_DIRECTIVES.get(name, (abridged(name, 40), abridged(name, 40)))
    sources = ", ".join(_csp_source(arg, lang) for arg in args[:12]) or phrase(
        lang, "security.csp_directive.nothing"
    )
    return f"{say(lang, en, ru)} — {sources}"


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
            lead = phrase(lang, "security.csp.content-security-policy-in-report-only")
        else:
            lead = phrase(lang, "security.csp.content-security-policy")
        return lead + "; ".join(clauses) + "."

    return explain


def _permission_audience(allowlist: str, lang: str) -> str:
    inner = allowlist.strip()
    if inner == "*":
        return phrase(lang, "security.permission_audience.all-origins")
    members = inner.strip("()").split()
    if not members:
        return phrase(lang, "security.permission_audience.nobody-disabled")
    names = [
        phrase(lang, "security.permission_audience.this-origin")
        if m == "self"
        else abridged(m.strip('"'), 60)
        for m in members[:10]
    ]
    if names == [phrase(lang, "security.permission_audience.this-origin")]:
        return phrase(lang, "security.permission_audience.this-origin-only")
    return joined(names, lang)


def _permissions_policy(value: str, lang: str) -> str | None:
    """Permissions-Policy: which feature is allowed to whom."""
    clauses = []
    for item in list_items(value)[:20]:
        feature, eq, allowlist = item.partition("=")
        if eq and feature.strip():
            clauses.append(
                f"{abridged(feature.strip(), 40)} — {_permission_audience(allowlist, lang)}"
            )
    if not clauses:
        return None
    return (
        phrase(lang, "security.permissions_policy.browser-features-allowed-for-the-page")
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
    kinds = [unquoted(item).lower() for item in list_items(value)]
    names = [say(lang, *_SITE_DATA[kind]) for kind in kinds if kind in _SITE_DATA]
    if not names:
        return None
    return phrase(
        lang,
        "security.clear_site_data.the-browser-must-delete-this-site",
        joined=joined(names, lang),
    )


# The headers this family explains, in order: (lower-case name, handler).
RULES: list[tuple[str, Handler]] = [
    ("strict-transport-security", _hsts),
    ("x-frame-options", _x_frame_options),
    ("x-content-type-options", _nosniff),
    ("referrer-policy", _referrer_policy),
    ("cross-origin-opener-policy", _keyword(_COOP)),
    ("cross-origin-embedder-policy", _keyword(_COEP)),
    ("cross-origin-resource-policy", _keyword(_CORP)),
    ("content-security-policy", _csp(report_only=False)),
    ("content-security-policy-report-only", _csp(report_only=True)),
    ("permissions-policy", _permissions_policy),
    ("clear-site-data", _clear_site_data),
]
