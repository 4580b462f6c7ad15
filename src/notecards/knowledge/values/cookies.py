"""Cookies: Set-Cookie (its attributes, RFC 6265) and Cookie (names only: values are secrets)."""

from __future__ import annotations

from notecards.knowledge.values.common import (
    Handler,
    abridged,
    http_date,
    parameters,
    phrase,
    span,
    whole_number,
)


def _cookie_prefix(name: str, lang: str) -> str | None:
    if name.startswith("__Host-"):
        return phrase(lang, "cookies.cookie_prefix.the-host-prefix-requires-secure-path")
    if name.startswith("__Secure-"):
        return phrase(lang, "cookies.cookie_prefix.the-secure-prefix-requires-the-secure")
    return None


def _cookie_max_age(arg: str, has_expires: bool, lang: str) -> str:
    seconds = whole_number(arg)
    shown = abridged(arg, 40)
    if seconds is None:
        return phrase(lang, "cookies.cookie_max_age.max-age-is-not-a-number", shown=shown)
    if seconds <= 0:
        return phrase(lang, "cookies.cookie_max_age.it-is-deleted-immediately-max-age", shown=shown)
    text = phrase(
        lang,
        "cookies.cookie_max_age.it-is-kept-for",
        span=span(seconds, lang),
        span_acc=span(seconds, lang, "acc"),
    )
    if has_expires:
        text += phrase(lang, "cookies.cookie_max_age.and-max-age-takes-precedence-over")
    return text


def _cookie_same_site(arg: str, secure: bool, lang: str) -> str:
    mode = arg.strip().lower()
    if mode == "strict":
        return phrase(lang, "cookies.cookie_same_site.it-is-never-sent-with-cross")
    if mode == "lax":
        return phrase(lang, "cookies.cookie_same_site.it-is-not-sent-with-cross")
    if mode == "none":
        text = phrase(lang, "cookies.cookie_same_site.it-is-sent-with-cross-site")
        if not secure:
            text += phrase(lang, "cookies.cookie_same_site.but-secure-is-missing-so-browsers")
        return text
    shown = abridged(arg, 40)
    return phrase(lang, "cookies.cookie_same_site.an-unknown-samesite-value", shown=shown)


def _cookie_attribute(
    name: str, arg: str | None, attrs: dict[str, str | None], lang: str
) -> str | None:
    """One Set-Cookie attribute (RFC 6265 §4.1.2, SameSite from RFC 6265bis) as a clause."""
    value = arg or ""
    if name == "expires":
        when = http_date(value, lang) or abridged(value, 60)
        return phrase(lang, "cookies.cookie_attribute.it-expires-on", when=when)
    if name == "max-age":
        return _cookie_max_age(value, "expires" in attrs, lang)
    if name == "domain":
        domain = abridged(value.strip().lstrip(".").lower(), 80)
        if not domain:
            return phrase(lang, "cookies.cookie_attribute.an-empty-domain-is-ignored")
        return phrase(lang, "cookies.cookie_attribute.it-is-sent-to-and-all", domain=domain)
    if name == "path":
        path = abridged(value.strip(), 80)
        if path in ("", "/"):
            return phrase(lang, "cookies.cookie_attribute.it-is-sent-for-every-path")
        return phrase(lang, "cookies.cookie_attribute.it-is-sent-only-for-the", path=path)
    if name == "secure":
        return phrase(lang, "cookies.cookie_attribute.it-is-sent-only-over-https")
    if name == "httponly":
        return phrase(lang, "cookies.cookie_attribute.javascript-cannot-read-it-through-document")
    if name == "samesite":
        return _cookie_same_site(value, "secure" in attrs, lang)
    if name == "partitioned":
        return phrase(lang, "cookies.cookie_attribute.it-is-stored-separately-for-each")
    shown = abridged(name, 40)
    return phrase(lang, "cookies.cookie_attribute.an-unknown-attribute", shown=shown)


def _set_cookie(value: str, lang: str) -> str | None:
    """Set-Cookie: the cookie's name and what each attribute does; the value is never shown."""
    pair, _, rest = value.partition(";")
    if "=" not in pair:
        return phrase(lang, "cookies.set_cookie.the-set-cookie-value-has-no")
    name = abridged(pair.split("=", 1)[0].strip(), 60)
    attrs = dict(parameters(rest, ";"))  # in order of appearance; a repeated one: the last wins
    clauses = [c for c in [_cookie_prefix(name, lang)] if c]
    clauses += [c for n, a in attrs.items() if (c := _cookie_attribute(n, a, attrs, lang))]
    if "expires" not in attrs and "max-age" not in attrs:
        clauses.append(phrase(lang, "cookies.set_cookie.with-neither-expires-nor-max-age"))
    quoted = (
        phrase(lang, "cookies.set_cookie.text", name=name)
        if name
        else phrase(lang, "cookies.set_cookie.without-a-name")
    )
    lead = phrase(lang, "cookies.set_cookie.the-server-asks-the-browser-to", quoted=quoted)
    return lead + ": " + "; ".join(clauses) + "."


def _cookie(value: str, lang: str) -> str | None:
    """Cookie: only the names, since the values are often session secrets."""
    names = [
        abridged(part.split("=", 1)[0].strip(), 40) for part in value.split(";") if "=" in part
    ]
    names = [name for name in names if name]
    if not names:
        return None
    return phrase(lang, "cookies.cookie.the-browser-sends-back-the-cookies", join=", ".join(names))


# The headers this family explains, in order: (lower-case name, handler).
RULES: list[tuple[str, Handler]] = [
    ("set-cookie", _set_cookie),
    ("cookie", _cookie),
]
