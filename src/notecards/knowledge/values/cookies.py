"""Cookies: Set-Cookie (its attributes, RFC 6265) and Cookie (names only: values are secrets)."""

from __future__ import annotations

from notecards.knowledge.values.common import (
    Handler,
    abridged,
    http_date,
    parameters,
    say,
    span,
    whole_number,
)


def _cookie_prefix(name: str, lang: str) -> str | None:
    if name.startswith("__Host-"):
        return say(
            lang,
            "the __Host- prefix requires Secure, Path=/ and no Domain, so it stays bound to "
            "this host",
            "префикс __Host- требует Secure, Path=/ и отсутствия Domain — привязка к этому хосту",
        )
    if name.startswith("__Secure-"):
        return say(
            lang,
            "the __Secure- prefix requires the Secure attribute",
            "префикс __Secure- требует атрибута Secure",
        )
    return None


def _cookie_max_age(arg: str, has_expires: bool, lang: str) -> str:
    seconds = whole_number(arg)
    shown = abridged(arg, 40)
    if seconds is None:
        return say(
            lang,
            f"Max-Age={shown} is not a number, so the attribute is ignored",
            f"Max-Age={shown} — не число, поэтому атрибут игнорируется",
        )
    if seconds <= 0:
        return say(
            lang,
            f"it is deleted immediately (Max-Age={shown})",
            f"удаляется немедленно (Max-Age={shown})",
        )
    text = say(
        lang,
        f"it is kept for {span(seconds, lang)}",
        f"хранится {span(seconds, lang, 'acc')}",
    )
    if has_expires:
        text += say(
            lang,
            ", and Max-Age takes precedence over Expires",
            ", причём Max-Age важнее Expires",
        )
    return text


def _cookie_same_site(arg: str, secure: bool, lang: str) -> str:
    mode = arg.strip().lower()
    if mode == "strict":
        return say(
            lang,
            "it is never sent with cross-site requests, not even when following a link from "
            "another site (SameSite=Strict)",
            "не отправляется с межсайтовыми запросами, даже при переходе по ссылке с другого "
            "сайта (SameSite=Strict)",
        )
    if mode == "lax":
        return say(
            lang,
            "it is not sent with cross-site subrequests (images, frames, fetch) but is sent "
            "when the user follows a link to the site (SameSite=Lax)",
            "не отправляется с межсайтовыми подзапросами (картинки, фреймы, fetch), но "
            "отправляется при переходе на сайт по ссылке (SameSite=Lax)",
        )
    if mode == "none":
        text = say(
            lang,
            "it is sent with cross-site requests too (SameSite=None, which requires Secure)",
            "отправляется и с межсайтовыми запросами (SameSite=None, требует атрибута Secure)",
        )
        if not secure:
            text += say(
                lang,
                ", but Secure is missing, so browsers will reject the cookie",
                ", но Secure не указан, поэтому браузер отклонит установку",
            )
        return text
    shown = abridged(arg, 40)
    return say(lang, f"an unknown SameSite value {shown}", f"неизвестное значение SameSite={shown}")


def _cookie_attribute(
    name: str, arg: str | None, attrs: dict[str, str | None], lang: str
) -> str | None:
    """One Set-Cookie attribute (RFC 6265 §4.1.2, SameSite from RFC 6265bis) as a clause."""
    value = arg or ""
    if name == "expires":
        when = http_date(value, lang) or abridged(value, 60)
        return say(lang, f"it expires on {when}", f"действует до {when}")
    if name == "max-age":
        return _cookie_max_age(value, "expires" in attrs, lang)
    if name == "domain":
        domain = abridged(value.strip().lstrip(".").lower(), 80)
        if not domain:
            return say(lang, "an empty Domain is ignored", "пустой Domain игнорируется")
        return say(
            lang,
            f"it is sent to {domain} and all its subdomains",
            f"отправляется на домен {domain} и все его поддомены",
        )
    if name == "path":
        path = abridged(value.strip(), 80)
        if path in ("", "/"):
            return say(
                lang, "it is sent for every path on the site", "отправляется для всех путей сайта"
            )
        return say(
            lang,
            f"it is sent only for the path {path} and paths below it",
            f"отправляется только для пути {path} и вложенных в него",
        )
    if name == "secure":
        return say(lang, "it is sent only over HTTPS", "передаётся только по HTTPS")
    if name == "httponly":
        return say(
            lang,
            "JavaScript cannot read it through document.cookie (HttpOnly)",
            "JavaScript не получает доступа к значению через document.cookie (HttpOnly)",
        )
    if name == "samesite":
        return _cookie_same_site(value, "secure" in attrs, lang)
    if name == "partitioned":
        return say(
            lang,
            "it is stored separately for each top-level site (Partitioned, CHIPS)",
            "хранится отдельно для каждого сайта верхнего уровня (Partitioned, CHIPS)",
        )
    shown = abridged(name, 40)
    return say(lang, f"an unknown attribute {shown}", f"неизвестный атрибут {shown}")


def _set_cookie(value: str, lang: str) -> str | None:
    """Set-Cookie: the cookie's name and what each attribute does; the value is never shown."""
    pair, _, rest = value.partition(";")
    if "=" not in pair:
        return say(
            lang,
            "The Set-Cookie value has no name=value pair, so the browser ignores it.",
            "В значении Set-Cookie нет пары имя=значение, поэтому браузер его игнорирует.",
        )
    name = abridged(pair.split("=", 1)[0].strip(), 60)
    attrs = dict(parameters(rest, ";"))  # in order of appearance; a repeated one: the last wins
    clauses = [c for c in [_cookie_prefix(name, lang)] if c]
    clauses += [c for n, a in attrs.items() if (c := _cookie_attribute(n, a, attrs, lang))]
    if "expires" not in attrs and "max-age" not in attrs:
        clauses.append(
            say(
                lang,
                "with neither Expires nor Max-Age it is a session cookie, deleted when the "
                "browser session ends",
                "без Expires и Max-Age это сеансовый cookie: он удаляется, когда заканчивается "
                "сеанс браузера",
            )
        )
    quoted = (
        say(lang, f'"{name}"', f"«{name}»") if name else say(lang, "without a name", "без имени")
    )
    lead = say(
        lang,
        f"The server asks the browser to store the cookie {quoted}",
        f"Сервер просит браузер сохранить cookie {quoted}",
    )
    return lead + ": " + "; ".join(clauses) + "."


def _cookie(value: str, lang: str) -> str | None:
    """Cookie: only the names, since the values are often session secrets."""
    names = [
        abridged(part.split("=", 1)[0].strip(), 40) for part in value.split(";") if "=" in part
    ]
    names = [name for name in names if name]
    if not names:
        return None
    return say(
        lang,
        f"The browser sends back the cookies it stored for this site: {', '.join(names)} "
        "(values not shown).",
        f"Браузер возвращает серверу сохранённые для этого сайта cookie: {', '.join(names)} "
        "(значения не показаны).",
    )


# The headers this family explains, in order: (lower-case name, handler).
RULES: list[tuple[str, Handler]] = [
    ("set-cookie", _set_cookie),
    ("cookie", _cookie),
]
