"""Security headers: HSTS, frame and sniffing options, referrer policy, COOP/COEP/CORP,
Content-Security-Policy, Permissions-Policy, Clear-Site-Data."""

from __future__ import annotations

import re

from notecards.knowledge.values.common import (
    Handler,
    Table,
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


_FRAME_OPTIONS = Table("security.frame-options")


def _x_frame_options(value: str, lang: str) -> str | None:
    mode = value.strip().lower()
    if mode in _FRAME_OPTIONS:
        return _FRAME_OPTIONS.text(lang, mode)
    if mode.startswith("allow-from"):
        return phrase(lang, "security.x_frame_options.allow-from-is-obsolete-and-modern")
    return None


def _nosniff(value: str, lang: str) -> str | None:
    if value.strip().lower() != "nosniff":
        return phrase(lang, "security.nosniff.only-the-value-nosniff-is-defined")
    return phrase(lang, "security.nosniff.the-browser-must-not-guess-sniff")


_REFERRER_POLICIES = Table("security.referrer-policies")


def _referrer_policy(value: str, lang: str) -> str | None:
    """Referrer-Policy: the last policy the browser knows in the list applies."""
    known = [token.lower() for token in list_items(value) if token.lower() in _REFERRER_POLICIES]
    if not known:
        return None
    text = sentence([_REFERRER_POLICIES.text(lang, known[-1])])
    if len(list_items(value)) > 1:
        text += phrase(lang, "security.referrer_policy.in-a-list-the-last-policy", known=known[-1])
    return text


_COOP = Table("security.coop")


_COEP = Table("security.coep")


_CORP = Table("security.corp")


def _keyword(table: Table) -> Handler:
    """A handler for headers whose value is one keyword from `table`."""

    def explain(value: str, lang: str) -> str | None:
        key = value.split(";", 1)[0].strip().lower()
        if key not in table:
            return None
        return sentence([table.text(lang, key)])

    return explain


_CSP_DIRECTIVES = Table("security.csp-directives")


_CSP_SOURCES = Table("security.csp-sources")


def _csp_source(token: str, lang: str) -> str:
    low = token.lower()
    if low in _CSP_SOURCES:
        return _CSP_SOURCES.text(lang, low)
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
    directive = _CSP_DIRECTIVES.text(lang, name, abridged(name, 40))
    sources = ", ".join(_csp_source(arg, lang) for arg in args[:12]) or phrase(
        lang, "security.csp_directive.nothing"
    )
    return f"{directive} — {sources}"


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


_SITE_DATA = Table("security.site-data")


def _clear_site_data(value: str, lang: str) -> str | None:
    kinds = [unquoted(item).lower() for item in list_items(value)]
    names = [_SITE_DATA.text(lang, kind) for kind in kinds if kind in _SITE_DATA]
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
