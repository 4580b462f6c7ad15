"""Header values, request lines and status lines explained in English and Russian."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notecards.knowledge.values import (
    _HANDLERS,
    explain_header,
    explain_request_line,
    explain_status,
    explain_status_line,
)

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def both(name: str, value: str) -> tuple[str, str]:
    """The English and the Russian answer, both required to exist."""
    en, ru = explain_header(name, value, "en"), explain_header(name, value, "ru")
    assert en is not None and ru is not None
    assert not CYRILLIC.search(en)
    assert CYRILLIC.search(ru)
    return en, ru


# ---------------------------------------------------------------- Strict-Transport-Security


def test_hsts_with_subdomains_and_trailing_semicolon() -> None:
    en, ru = both("Strict-Transport-Security", "max-age=31536000; includeSubDomains;")
    assert en == (
        "The browser must use only HTTPS for this host and all its subdomains "
        "for 1 year (31536000 seconds)."
    )
    assert ru == (
        "Браузер должен обращаться к этому хосту и всем его поддоменам только по HTTPS "
        "в течение 1 года (31536000 секунд)."
    )


def test_hsts_plural_forms_and_preload() -> None:
    en, ru = both("strict-transport-security", 'max-age="63072000"; preload')
    assert "for 2 years" in en and "this host for" in en and "preload list" in en
    assert "в течение 2 лет" in ru and "поддомен" not in ru and "preload" in ru
    _, ru5 = both("Strict-Transport-Security", "max-age=157680000")
    assert "в течение 5 лет" in ru5


def test_hsts_max_age_zero_forgets_the_policy() -> None:
    en, ru = both("Strict-Transport-Security", "max-age=0; includeSubDomains")
    assert "forget" in en and "subdomains" in en
    assert "забыть" in ru and "поддоменов" in ru


@pytest.mark.parametrize("value", ["max-age=abc", "max-age=-1", "includeSubDomains", "max-age="])
def test_hsts_invalid(value: str) -> None:
    en, ru = both("Strict-Transport-Security", value)
    assert en.startswith("Invalid HSTS header")
    assert ru.startswith("Некорректный заголовок HSTS")


def test_hsts_huge_max_age() -> None:
    en, ru = both("Strict-Transport-Security", "max-age=99999999999999999999")
    assert "99999999999999999999 seconds" in en
    assert "99999999999999999999 секунд" in ru


# ---------------------------------------------------------------- Cache-Control


def test_cache_control_static_asset() -> None:
    en, ru = both("Cache-Control", "public, max-age=31536000, immutable")
    assert en.startswith("Any cache, shared ones included, may store it;")
    assert "fresh for 1 year (31536000 seconds)" in en and "will not change" in en
    assert ru.startswith("Ответ может сохранить любой кэш")
    assert "свежим в течение 1 года" in ru and "не изменится" in ru
    assert en.endswith(".") and en.count(".") == 1


def test_cache_control_no_caching_directives() -> None:
    en, ru = both("Cache-Control", "no-cache, no-store, must-revalidate, private")
    assert "revalidate it with the server before every use" in en
    assert "no cache may store" in en and "only the user's own (browser) cache" in en
    assert "перед каждым использованием" in ru and "никакой кэш" in ru
    assert "личный кэш" in ru


def test_cache_control_durations_and_unknown_directives() -> None:
    en, ru = both("Cache-Control", "s-maxage=600, stale-while-revalidate=60, max-age=0, x-y")
    assert "Shared caches (proxies, CDNs) treat it as fresh for 10 minutes" in en
    assert "for 1 minute (60 seconds)" in en and "stale at once" in en
    assert "an unknown directive x-y" in en
    assert "в течение 10 минут" in ru and "ещё 1 минуту (60 секунд)" in ru
    assert "неизвестная директива x-y" in ru


def test_cache_control_request_directives() -> None:
    en, ru = both("Cache-Control", "max-stale=120, min-fresh=30, only-if-cached")
    assert "stale for up to 2 minutes" in en and "at least 30 seconds more" in en
    assert "не более чем на 2 минуты" in ru and "как минимум 30 секунд" in ru
    assert "504" in en and "504" in ru


def test_cache_control_bad_number() -> None:
    en, ru = both("Cache-Control", "max-age=soon")
    assert "not a number of seconds" in en and "не число секунд" in ru


# ---------------------------------------------------------------- Set-Cookie and Cookie

FULL_COOKIE = (
    "sessionId=abc123; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Max-Age=3600; "
    "Domain=.example.com; Path=/; Secure; HttpOnly; SameSite=Strict"
)


def test_set_cookie_every_attribute() -> None:
    en, ru = both("Set-Cookie", FULL_COOKIE)
    assert en.startswith('The server asks the browser to store the cookie "sessionId":')
    assert "abc123" not in en and "abc123" not in ru  # the value may be a session secret
    for part in [
        "expires on Wed, 21 Oct 2015 07:28:00 GMT",
        "kept for 1 hour (3600 seconds), and Max-Age takes precedence over Expires",
        "sent to example.com and all its subdomains",
        "every path",
        "only over HTTPS",
        "JavaScript cannot read it",
        "never sent with cross-site requests",
    ]:
        assert part in en
    assert ru.startswith("Сервер просит браузер сохранить cookie «sessionId»:")
    for part in [
        "действует до 21 октября 2015 г., 07:28:00 GMT",
        "хранится 1 час (3600 секунд)",
        "на домен example.com и все его поддомены",
        "для всех путей сайта",
        "только по HTTPS",
        "JavaScript не получает доступа",
        "не отправляется с межсайтовыми запросами",
    ]:
        assert part in ru


def test_set_cookie_same_site_lax_none_and_session() -> None:
    en, ru = both("Set-Cookie", "theme=dark; SameSite=Lax; Path=/docs")
    assert "follows a link" in en and "session cookie" in en and "/docs" in en
    assert "при переходе на сайт по ссылке" in ru and "сеансовый" in ru
    en, ru = both("Set-Cookie", "id=1; SameSite=None")
    assert "requires Secure" in en and "Secure is missing" in en
    assert "Secure не указан" in ru


def test_set_cookie_max_age_forms() -> None:
    _, ru = both("Set-Cookie", "a=b; Max-Age=60")
    assert "хранится 1 минуту" in ru  # accusative
    en, ru = both("Set-Cookie", "a=b; Max-Age=0")
    assert "deleted immediately" in en and "удаляется немедленно" in ru
    en, _ = both("Set-Cookie", "a=b; Max-Age=later")
    assert "ignored" in en


def test_set_cookie_prefix_and_garbage() -> None:
    en, _ = both("Set-Cookie", "__Host-id=1; Secure; Path=/")
    assert "__Host- prefix" in en
    en, ru = both("Set-Cookie", "no pair here")
    assert "no name=value pair" in en and "нет пары имя=значение" in ru


def test_cookie_shows_names_only() -> None:
    en, ru = both("Cookie", "PHPSESSID=298zf09hf012fh2; csrftoken=u32t4o3tb3gg43")
    assert "PHPSESSID, csrftoken" in en and "298zf09" not in en
    assert "PHPSESSID, csrftoken" in ru and "u32t4" not in ru


# ---------------------------------------------------------------- bodies


def test_content_type_with_charset() -> None:
    en, ru = both("Content-Type", "application/json; charset=utf-8")
    assert en == "The body is JSON (application/json), encoded in UTF-8."
    assert ru == "Тело сообщения — JSON (application/json) в кодировке UTF-8."


@pytest.mark.parametrize(
    ("value", "en_part", "ru_part"),
    [
        ("text/html", "an HTML document (text/html)", "HTML-документ (text/html)"),
        ("multipart/form-data; boundary=XyZ", "multipart HTML form", "составная HTML-форма"),
        ("application/x-www-form-urlencoded", "name=value pairs", "пар имя=значение"),
        ("image/png", "a PNG image", "изображение PNG"),
        ("application/vnd.api+json", "JSON", "JSON"),
        ("video/x-unknown", "video", "видео"),
    ],
)
def test_content_type_media_types(value: str, en_part: str, ru_part: str) -> None:
    en, ru = both("Content-Type", value)
    assert en_part in en and ru_part in ru


def test_content_type_boundary_and_malformed() -> None:
    en, ru = both("Content-Type", "multipart/form-data; boundary=XyZ")
    assert '"--XyZ"' in en and "«--XyZ»" in ru
    en, ru = both("Content-Type", "json")
    assert "malformed" in en and "неверно" in ru


@pytest.mark.parametrize(
    ("value", "en", "ru"),
    [
        ("348", "The message body is 348 bytes long.", "Длина тела сообщения — 348 байт."),
        ("1", "The message body is 1 byte long.", "Длина тела сообщения — 1 байт."),
        ("22", "The message body is 22 bytes long.", "Длина тела сообщения — 22 байта."),
        ("11", "The message body is 11 bytes long.", "Длина тела сообщения — 11 байт."),
        ("0", "The message body is empty (0 bytes).", "Тело сообщения пустое (0 байт)."),
    ],
)
def test_content_length(value: str, en: str, ru: str) -> None:
    assert both("Content-Length", value) == (en, ru)


def test_content_length_invalid() -> None:
    en, ru = both("Content-Length", "-3")
    assert en.startswith("Invalid Content-Length") and ru.startswith("Некорректный")


def test_content_and_transfer_encoding() -> None:
    en, ru = both("Content-Encoding", "gzip")
    assert "compressed with gzip" in en and "сжато с помощью gzip" in ru
    en, ru = both("Content-Encoding", "br")
    assert "Brotli" in en and "Brotli" in ru
    en, ru = both("Transfer-Encoding", "chunked")
    assert "in chunks" in en and "zero-size chunk" in en
    assert "частями" in ru and "нулевой длины" in ru


# ---------------------------------------------------------------- connections


def test_connection_tokens() -> None:
    en, ru = both("Connection", "keep-alive")
    assert "stays open" in en and "further requests" in en
    assert "остаётся открытым" in ru
    en, ru = both("Connection", "close")
    assert "closed" in en and "закрыто" in ru
    en, ru = both("Connection", "Upgrade")
    assert "Upgrade" in en and "другой протокол" in ru
    en, ru = both("Connection", "keep-alive, X-Trace")
    assert "X-Trace header is meant for this connection only" in en
    assert "заголовок X-Trace относится только к этому соединению" in ru


def test_keep_alive_parameters() -> None:
    en, ru = both("Keep-Alive", "timeout=5, max=1000")
    assert "at least 5 seconds" in en and "1000 requests" in en
    assert "не менее 5 секунд" in ru and "не более 1000 запросов" in ru
    _, ru = both("Keep-Alive", "timeout=1, max=1")
    assert "не менее 1 секунды" in ru and "не более 1 запроса" in ru


def test_upgrade_websocket() -> None:
    en, ru = both("Upgrade", "websocket")
    assert "WebSocket" in en and "101 Switching Protocols" in en
    assert "протокол WebSocket" in ru


@pytest.mark.parametrize(
    ("value", "en_part", "ru_part"),
    [
        ("example.com", "host example.com, on the scheme's default port", "хосту example.com"),
        ("example.com:8080", "host example.com on port 8080", "хосту example.com, порт 8080"),
        ("[::1]:8443", "host [::1] on port 8443", "хосту [::1], порт 8443"),
    ],
)
def test_host(value: str, en_part: str, ru_part: str) -> None:
    en, ru = both("Host", value)
    assert en_part in en and ru_part in ru


# ---------------------------------------------------------------- names and dates


def test_server_and_user_agent_quote_the_value() -> None:
    en, ru = both("Server", "Apache/2.4.1 (Unix)")
    assert "software Apache/2.4.1 (Unix)" in en and "обеспечение Apache/2.4.1 (Unix)" in ru
    en, ru = both("User-Agent", "curl/8.4.0")
    assert "curl/8.4.0" in en and "curl/8.4.0" in ru


def test_date_in_both_languages() -> None:
    en, ru = both("Date", "Tue, 15 Nov 1994 08:12:31 GMT")
    assert en == "The message was created at Tue, 15 Nov 1994 08:12:31 GMT."
    assert ru == "Сообщение создано 15 ноября 1994 г., 08:12:31 GMT."


def test_retry_after_seconds_and_date() -> None:
    en, ru = both("Retry-After", "120")
    assert "wait 2 minutes (120 seconds)" in en
    assert "через 2 минуты (120 секунд)" in ru
    _, ru = both("Retry-After", "60")
    assert "через 1 минуту" in ru
    en, ru = both("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")
    assert "before Wed, 21 Oct 2015 07:28:00 GMT" in en and "21 октября 2015 г." in ru


def test_age_expires_location() -> None:
    en, ru = both("Age", "3600")
    assert "1 hour (3600 seconds)" in en and "уже 1 час (3600 секунд)" in ru
    en, ru = both("Expires", "Thu, 01 Dec 1994 16:00:00 GMT")
    assert "stale after Thu, 01 Dec 1994 16:00:00 GMT" in en and "1 декабря 1994 г." in ru
    en, ru = both("Expires", "0")
    assert "already stale" in en and "сразу считается устаревшим" in ru
    en, ru = both("Location", "/login")
    assert "/login" in en and "relative" in en and "относительная" in ru
    en, _ = both("Location", "https://example.com/new")
    assert "relative" not in en


# ---------------------------------------------------------------- CORS and security


def test_access_control_allow_origin() -> None:
    en, ru = both("Access-Control-Allow-Origin", "*")
    assert "any origin" in en and "credentials" in en
    assert "любого источника" in ru
    en, ru = both("Access-Control-Allow-Origin", "https://example.com")
    assert "Only scripts from the origin https://example.com" in en
    assert "только скриптам с источника https://example.com" in ru


def test_access_control_max_age() -> None:
    en, ru = both("Access-Control-Max-Age", "600")
    assert "for 10 minutes (600 seconds)" in en and "10 минут (600 секунд)" in ru
    en, _ = both("Access-Control-Max-Age", "-1")
    assert "must not be cached" in en


def test_frame_and_sniffing_options() -> None:
    en, ru = both("X-Frame-Options", "DENY")
    assert "any site" in en and "кликджекинга" in ru
    en, ru = both("X-Frame-Options", "sameorigin")
    assert "same origin" in en and "того же источника" in ru
    en, ru = both("X-Content-Type-Options", "nosniff")
    assert "must not guess" in en and "не должен угадывать" in ru


@pytest.mark.parametrize(
    ("value", "en_part", "ru_part"),
    [
        ("no-referrer", "No Referer header", "не отправляется вообще"),
        ("same-origin", "nothing to other origins", "чужим — ничего"),
        ("strict-origin-when-cross-origin", "browsers' default", "по умолчанию"),
        ("unsafe-url, origin", "Only the origin", "только источник"),  # the last one applies
    ],
)
def test_referrer_policy(value: str, en_part: str, ru_part: str) -> None:
    en, ru = both("Referrer-Policy", value)
    assert en_part in en and ru_part in ru


def test_csp_and_permissions_policy() -> None:
    en, ru = both("Content-Security-Policy", "default-src 'self'; img-src *; object-src 'none'")
    assert "this origin" in en and "images — any source" in en and "plugins" in en
    assert "свой источник" in ru and "изображения — любой источник" in ru
    en, ru = both("Permissions-Policy", "geolocation=(), camera=(self)")
    assert "geolocation — nobody" in en and "camera — this origin only" in en
    assert "geolocation — никому" in ru and "только своему источнику" in ru


# ---------------------------------------------------------------- negotiation and auth


def test_accept_with_q_values() -> None:
    value = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    en, ru = both("Accept", value)
    assert "text/html, application/xhtml+xml, application/xml (q=0.9), any type (q=0.8)" in en
    assert "любой тип (q=0.8)" in ru and "по убыванию предпочтения" in ru


def test_accept_orders_by_weight_and_lists_refusals() -> None:
    en, ru = both("Accept-Encoding", "gzip;q=0.5, br, identity;q=0")
    assert en.index("br") < en.index("gzip") and "Not acceptable (q=0): identity" in en
    assert "Не подходят (q=0): identity" in ru


@pytest.mark.parametrize(
    ("value", "scheme", "secret"),
    [
        ("Basic dXNlcjpwYXNzd29yZA==", "Basic", "dXNlcjpw"),
        ("Bearer eyJhbGciOiJIUzI1NiJ9.e30.x", "Bearer", "eyJhbG"),
        ('Digest username="Mufasa", response="6629fae4"', "Digest", "6629fae4"),
        ("Token s3cr3t", "Token", "s3cr3t"),
    ],
)
def test_authorization_shows_the_scheme_never_the_credentials(
    value: str, scheme: str, secret: str
) -> None:
    en, ru = both("Authorization", value)
    assert scheme in en and scheme in ru
    assert secret not in en and secret not in ru


def test_authorization_without_a_scheme_hides_everything() -> None:
    en, ru = both("Authorization", "s3cr3t-api-key")
    assert "s3cr3t" not in en and "s3cr3t" not in ru
    en, _ = both("Proxy-Authorization", "Basic Zm9vOmJhcg==")
    assert "to the proxy" in en and "Zm9v" not in en


def test_www_authenticate_realm() -> None:
    en, ru = both("WWW-Authenticate", 'Basic realm="Staging", charset="UTF-8"')
    assert "Basic scheme" in en and '"Staging"' in en and "«Staging»" in ru


def test_vary() -> None:
    en, ru = both("Vary", "Accept-Encoding")
    assert "each value of the request header Accept-Encoding" in en
    assert "каждого значения заголовка запроса Accept-Encoding" in ru
    en, ru = both("Vary", "Accept-Encoding, User-Agent")
    assert "Accept-Encoding and User-Agent" in en and "Accept-Encoding и User-Agent" in ru
    en, _ = both("Vary", "*")
    assert "cannot reuse" in en


def test_validators_and_ranges() -> None:
    en, ru = both("ETag", 'W/"0815"')
    assert "weak" in en and "слабый" in ru
    en, ru = both("If-None-Match", '"abc", "def"')
    assert 'none of "abc", "def"' in en and "304" in en and "ни с одним из" in ru
    en, ru = both("Range", "bytes=0-499, -500")
    assert "bytes 0–499 (500 bytes)" in en and "the last 500 bytes" in en
    assert "байты с 0 по 499 (500 байт)" in ru and "206" in ru
    en, ru = both("Content-Range", "bytes 200-1000/67589")
    assert "200–1000 of 67589" in en and "с 200 по 1000 из 67589" in ru


# ---------------------------------------------------------------- fallbacks


def test_known_header_without_a_handler_gets_meaning_and_value() -> None:
    en, ru = both("Via", "1.1 vegur")
    assert en.endswith("Value: 1.1 vegur.") and ru.endswith("Значение: 1.1 vegur.")


def test_handler_falls_back_when_the_value_makes_no_sense() -> None:
    en, ru = both("Age", "yesterday")
    assert en.endswith("Value: yesterday.") and ru.endswith("Значение: yesterday.")
    en, _ = both("Cache-Control", "")
    assert en.endswith("The value here is empty.")


def test_unknown_header_gives_none_and_unknown_language_gives_english() -> None:
    assert explain_header("X-Totally-Custom", "1", "en") is None
    assert explain_header("", "", "ru") is None
    assert explain_header("Content-Length", "5", "de") == "The message body is 5 bytes long."
    assert explain_header("Content-Length", "5", "ru-RU") == "Длина тела сообщения — 5 байт."


# ---------------------------------------------------------------- request and status lines


def test_request_line() -> None:
    assert explain_request_line("GET", "/example", "HTTP/1.1", "ru") == (
        "Клиент запрашивает ресурс /example методом GET (получить ресурс) по протоколу HTTP/1.1."
    )
    assert explain_request_line("GET", "/example", "HTTP/1.1", "en") == (
        "The client requests the resource /example with the GET method (retrieve the resource) "
        "over HTTP/1.1."
    )


def test_request_line_forms() -> None:
    en = explain_request_line("CONNECT", "example.com:443", "HTTP/1.1", "en")
    assert "tunnel to example.com:443" in en
    ru = explain_request_line("OPTIONS", "*", "HTTP/1.1", "ru")
    assert "серверу в целом" in ru
    ru = explain_request_line("POST", "/search?q=http", "HTTP/2", "ru")
    assert "обращается к ресурсу /search?q=http методом POST" in ru and "q=http" in ru
    en = explain_request_line("get", "/", "HTTP/1.1", "en")
    assert "case-sensitive" in en
    en = explain_request_line("PROPFIND", "/dav/", "HTTP/1.1", "en")
    assert "non-standard" in en


def test_status_line() -> None:
    ru = explain_status_line("HTTP/1.1", 200, "OK", "ru")
    assert ru.startswith(
        "Сервер сообщает код 200 OK по протоколу HTTP/1.1: запрос выполнен успешно"
    )
    en = explain_status_line("HTTP/1.1", 404, "Not Found", "en")
    assert en.startswith("The server reports status 404 Not Found over HTTP/1.1: the server")
    assert "404 Not Found" in explain_status_line("HTTP/2", 404, "", "en")  # no reason in HTTP/2
    assert "WebDAV" in explain_status_line("HTTP/1.1", 207, "Multi-Status", "en")
    assert "not a valid HTTP status code" in explain_status_line("HTTP/1.1", 999, "X", "en")


def test_explain_status() -> None:
    assert explain_status(404, "Not Found", "ru").startswith("Сервер не нашёл")
    assert "Content Too Large" in explain_status(413, "Payload Too Large", "en")
    assert "I'm a teapot" in explain_status(418, "I'm a teapot", "en")
    unregistered = explain_status(299, "", "ru")
    assert "не зарегистрирован" in unregistered and "200" in unregistered
    assert explain_status(42, "", "en") is None
    assert explain_status(1000, "", "en") is None


# ---------------------------------------------------------------- robustness

NAMES = st.one_of(st.sampled_from(sorted(_HANDLERS)), st.text(max_size=30))
# Values shaped like header values (directives, numbers, dates) as well as arbitrary text.
PIECES = st.sampled_from(
    [
        "max-age=",
        "=",
        ";",
        ",",
        " ",
        "-",
        "q=",
        "bytes=",
        "*",
        '"',
        "W/",
        "0",
        "9" * 25,
        "é",
        "\x00",
    ]
)
VALUES = st.one_of(
    st.text(max_size=80),
    st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=12).map("".join),
)
LANGS = st.sampled_from(["en", "ru", "", "xx"])


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(NAMES, VALUES, LANGS)
def test_explain_header_never_raises(name: str, value: str, lang: str) -> None:
    text = explain_header(name, value, lang)
    assert text is None or (isinstance(text, str) and text.strip())


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(st.text(max_size=20), st.text(max_size=40), st.text(max_size=10), LANGS)
def test_request_line_never_raises(method: str, target: str, version: str, lang: str) -> None:
    assert explain_request_line(method, target, version, lang)


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(st.text(max_size=10), st.integers(-(10**6), 10**6), st.text(max_size=20), LANGS)
def test_status_line_never_raises(version: str, code: int, reason: str, lang: str) -> None:
    assert explain_status_line(version, code, reason, lang)
