"""Status codes, status lines and request lines explained (not header values)."""

from __future__ import annotations

import re

from notecards.knowledge import lookup_method, lookup_status
from notecards.knowledge.values.common import Table, abridged, lower_first, normal_lang, phrase, say

_STATUS_CLASSES = Table("messages.status-classes")  # by the first digit


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
    lang = normal_lang(lang)
    reason = " ".join(reason.split()) if isinstance(reason, str) else ""
    info = lookup_status(code)
    if info is not None:
        text = info.meaning.get(lang) or info.meaning.get("en") or ""
        if reason and _real_reason(info.reason) and reason.lower() != info.reason.lower():
            text += phrase(
                lang, "messages.explain_status.the-registered-reason-phrase-is", reason=info.reason
            )
        return text
    if not 100 <= code <= 599:
        return None
    meaning = _STATUS_CLASSES.text(lang, str(code // 100))
    return phrase(
        lang,
        "messages.explain_status.code-is-not-registered-clients-treat",
        code=code,
        value=code // 100,
        meaning=meaning,
    )


def explain_status_line(version: str, code: int, reason: str, lang: str) -> str:
    """ "HTTP/1.1 200 OK" as a sentence: who says what, and what the code means."""
    lang = normal_lang(lang)
    version = abridged(version, 30) if isinstance(version, str) else ""
    reason = abridged(reason, 80) if isinstance(reason, str) else ""
    info = lookup_status(code) if isinstance(code, int) else None
    if not reason and info is not None and _real_reason(info.reason):
        reason = info.reason  # HTTP/2 and later send no reason phrase
    status = f"{code} {reason}".strip()
    over = phrase(lang, "messages.explain_status_line.over", version=version) if version else ""
    head = phrase(
        lang, "messages.explain_status_line.the-server-reports-status", status=status, over=over
    )
    meaning = explain_status(code, reason, lang)
    if meaning is None:
        return head + phrase(lang, "messages.explain_status_line.this-is-not-a-valid-http")
    return f"{head}: {lower_first(meaning)}"


_METHOD_GLOSS = Table("messages.method-gloss")


def _method_gloss(method: str, lang: str) -> str:
    """A few words on what the method does, for the parenthesis after its name."""
    if method.upper() in _METHOD_GLOSS:
        return _METHOD_GLOSS.text(lang, method.upper())
    info = lookup_method(method)
    if info is not None:
        meaning = info.meaning.get(lang) or info.meaning.get("en") or ""
        return lower_first(meaning.rstrip("."))
    return phrase(lang, "messages.method_gloss.a-non-standard-or-extension-method")


def _case_note(method: str, lang: str) -> str:
    """Methods are case-sensitive: "get" is not GET, which students often miss."""
    upper = method.upper()
    if method != upper and upper in _METHOD_GLOSS:
        return phrase(lang, "messages.case_note.method-names-are-case-sensitive-the", upper=upper)
    return ""


def explain_request_line(method: str, target: str, version: str, lang: str) -> str:
    """ "GET /example HTTP/1.1" as a sentence: method (with a gloss), target, protocol."""
    lang = normal_lang(lang)
    method = abridged(method, 30) if isinstance(method, str) else ""
    target = abridged(target, 200) if isinstance(target, str) else ""
    version = abridged(version, 30) if isinstance(version, str) else ""
    over = phrase(lang, "messages.explain_request_line.over", version=version) if version else ""
    gloss = _method_gloss(method, lang)
    if method.upper() == "CONNECT" or re.fullmatch(r"[^/\s?#]+:[0-9]+", target):
        text = phrase(
            lang,
            "messages.explain_request_line.the-client-asks-the-proxy-to",
            target=target,
            method=method,
            over=over,
        )
    elif target == "*":
        text = phrase(
            lang,
            "messages.explain_request_line.the-client-sends-to-the-server",
            method=method,
            gloss=gloss,
            over=over,
        )
    else:
        verb = say(
            lang,
            "requests the resource"
            if method.upper() in ("GET", "HEAD")
            else "accesses the resource",
            "запрашивает ресурс" if method.upper() in ("GET", "HEAD") else "обращается к ресурсу",
        )
        text = phrase(
            lang,
            "messages.explain_request_line.the-client-with-the-method",
            verb=verb,
            target=target,
            method=method,
            gloss=gloss,
            over=over,
        )
        text += _target_note(target, lang)
    return text + _case_note(method, lang)


def _target_note(target: str, lang: str) -> str:
    """The absolute form (sent to proxies) and the query string deserve a word."""
    note = ""
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", target):
        note += phrase(lang, "messages.target_note.the-full-url-absolute-form-is")
    query = target.partition("?")[2].partition("#")[0]
    if query:
        note += phrase(lang, "messages.target_note.the-part-after-is-the-query", query=query)
    return note
