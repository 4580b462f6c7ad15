"""Authentication: Authorization and WWW-Authenticate, and their proxy twins."""

from __future__ import annotations

import re

from notecards.knowledge.values.common import TOKEN, Handler, Table, abridged, phrase, say

_AUTH_SCHEMES = Table("auth.auth-schemes")


def _auth_scheme(value: str) -> str | None:
    """The scheme of a credentials value, or None when it could be the secret itself."""
    words = value.split()
    if not words or not TOKEN.fullmatch(words[0]) or len(words[0]) > 30:
        return None
    if words[0].lower() in _AUTH_SCHEMES or len(words) > 1:
        return words[0]
    return None  # a lone word: probably a bare token, which must not be repeated


def _authorization(to_proxy: bool) -> Handler:
    """Authorization / Proxy-Authorization: the scheme only, never the credentials."""

    def explain(value: str, lang: str) -> str | None:
        who = say(
            lang,
            "The client authenticates to the proxy" if to_proxy else "The client authenticates",
            "Клиент аутентифицируется на прокси" if to_proxy else "Клиент аутентифицируется",
        )
        scheme = _auth_scheme(value)
        if scheme is None:
            return phrase(
                lang, "auth.authorization.with-credentials-that-name-no-recognisable", who=who
            )
        text = phrase(lang, "auth.authorization.with-the-scheme", who=who, scheme=scheme)
        if scheme.lower() in _AUTH_SCHEMES:
            text += ": " + _AUTH_SCHEMES.text(lang, scheme.lower())
        return text + phrase(lang, "auth.authorization.credentials-not-shown")

    return explain


def _challenge(to_proxy: bool) -> Handler:
    """WWW-Authenticate / Proxy-Authenticate: the scheme and realm the server asks for."""

    def explain(value: str, lang: str) -> str | None:
        words = value.split()
        if not words or not TOKEN.fullmatch(words[0]):
            return None
        scheme = abridged(words[0], 30)
        who = say(
            lang,
            "The proxy requires" if to_proxy else "The server requires",
            "Прокси требует" if to_proxy else "Сервер требует",
        )
        text = phrase(lang, "auth.challenge.authentication-with-the-scheme", who=who, scheme=scheme)
        realm = re.search(r'realm="([^"]*)"', value, re.IGNORECASE)
        if realm:
            shown = abridged(realm.group(1), 60)
            text += phrase(lang, "auth.challenge.for-the-realm", shown=shown)
        return text + "."

    return explain


# The headers this family explains, in order: (lower-case name, handler).
RULES: list[tuple[str, Handler]] = [
    ("authorization", _authorization(to_proxy=False)),
    ("proxy-authorization", _authorization(to_proxy=True)),
    ("www-authenticate", _challenge(to_proxy=False)),
    ("proxy-authenticate", _challenge(to_proxy=True)),
]
