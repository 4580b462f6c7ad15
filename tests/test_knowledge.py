"""The bundled HTTP knowledge: complete, bilingual, sourced; lookups and user files."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from notecards import knowledge
from notecards.knowledge import (
    add_knowledge_dirs,
    all_headers,
    all_methods,
    all_statuses,
    default_user_dirs,
    lookup_header,
    lookup_method,
    lookup_status,
    reset_user_knowledge,
)

# The IANA HTTP status code registry (unassigned ranges excluded).
REGISTERED_CODES = [
    *range(100, 104),
    *range(200, 209),
    226,
    *range(300, 309),
    *range(400, 419),
    *range(421, 427),
    428,
    429,
    431,
    451,
    *range(500, 509),
    510,
    511,
]

EXPECTED_HEADERS = [
    "Cache-Control",
    "Age",
    "Expires",
    "Vary",
    "ETag",
    "Last-Modified",
    "If-None-Match",
    "If-Match",
    "If-Modified-Since",
    "If-Unmodified-Since",
    "If-Range",
    "Range",
    "Accept-Ranges",
    "Content-Range",
    "Origin",
    "Access-Control-Allow-Origin",
    "Access-Control-Allow-Methods",
    "Access-Control-Allow-Headers",
    "Access-Control-Allow-Credentials",
    "Access-Control-Max-Age",
    "Access-Control-Expose-Headers",
    "Access-Control-Request-Method",
    "Access-Control-Request-Headers",
    "Strict-Transport-Security",
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Permissions-Policy",
    "Cross-Origin-Opener-Policy",
    "Cross-Origin-Embedder-Policy",
    "Cross-Origin-Resource-Policy",
    "Set-Cookie",
    "Cookie",
    "Connection",
    "Keep-Alive",
    "Upgrade",
    "Transfer-Encoding",
    "TE",
    "Trailer",
    "Authorization",
    "WWW-Authenticate",
    "Proxy-Authenticate",
    "Proxy-Authorization",
    "Host",
    "Server",
    "Date",
    "User-Agent",
    "Accept",
    "Accept-Encoding",
    "Accept-Language",
    "Accept-Charset",
    "Content-Type",
    "Content-Length",
    "Content-Encoding",
    "Content-Language",
    "Content-Location",
    "Content-Disposition",
    "Location",
    "Retry-After",
    "Allow",
    "Forwarded",
    "X-Forwarded-For",
    "Sec-WebSocket-Key",
    "Sec-WebSocket-Accept",
    "Sec-WebSocket-Version",
    "Sec-WebSocket-Protocol",
    "Referer",
    "Via",
    "Expect",
]

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


@pytest.fixture(autouse=True)
def _no_user_knowledge() -> Iterator[None]:
    reset_user_knowledge()
    yield
    reset_user_knowledge()


def _raw(name: str) -> dict:
    text = resources.files("notecards.knowledge").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


def _all_meanings() -> list[tuple[str, dict[str, str], str]]:
    entries: list[tuple[str, dict[str, str], str]] = []
    entries += [(h.name, h.meaning, h.source) for h in all_headers()]
    entries += [(str(s.code), s.meaning, s.source) for s in all_statuses()]
    entries += [(m.name, m.meaning, m.source) for m in all_methods()]
    return entries


# ---------------------------------------------------------------- data integrity


def test_enough_headers_and_the_expected_ones() -> None:
    assert len(all_headers()) >= 70
    missing = [name for name in EXPECTED_HEADERS if lookup_header(name) is None]
    assert missing == []


def test_every_registered_status_code_is_present() -> None:
    assert [code for code in REGISTERED_CODES if lookup_status(code) is None] == []
    assert lookup_status(418).reason == "(Unused)"  # RFC 9110 §15.5.19
    assert lookup_status(413).reason == "Content Too Large"
    assert lookup_status(422).reason == "Unprocessable Content"


def test_methods_and_their_properties() -> None:
    methods = {m.name: m for m in all_methods()}
    assert set(methods) == {
        "GET",
        "HEAD",
        "POST",
        "PUT",
        "DELETE",
        "CONNECT",
        "OPTIONS",
        "TRACE",
        "PATCH",
    }
    assert {n for n, m in methods.items() if m.safe} == {"GET", "HEAD", "OPTIONS", "TRACE"}
    idempotent = {n for n, m in methods.items() if m.idempotent}
    assert idempotent == {"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"}


@pytest.mark.slow
@pytest.mark.parametrize(("name", "meaning", "source"), _all_meanings())
def test_every_entry_is_bilingual_short_and_sourced(
    name: str, meaning: dict[str, str], source: str
) -> None:
    en, ru = meaning["en"], meaning["ru"]
    assert en.strip() and ru.strip() and source.strip()
    assert len(en) <= 200 and len(ru) <= 200
    assert not CYRILLIC.search(en), f"{name}: Cyrillic in the English text"
    # Latin words are fine (field names, directive values); the sentence itself is Russian.
    words = re.findall(r"[^\W\d_]+", ru)
    russian = [word for word in words if CYRILLIC.search(word)]
    assert len(russian) >= 3 and len(russian) >= 0.3 * len(words), f"{name}: not Russian"
    mixed = [w for w in words if CYRILLIC.search(w) and re.search("[a-z]", w, re.I)]
    assert mixed == [], f"{name}: Latin look-alike letters inside Russian words"
    assert re.match(
        r"(RFC \d+|Fetch|HTML|CSP|W3C|de facto|non-standard|[A-Z][\w ]+\(W3C\))", source
    )


def test_sources_cite_the_current_documents() -> None:
    assert lookup_header("Cache-Control").source == "RFC 9111 §5.2"
    assert lookup_header("Strict-Transport-Security").source == "RFC 6797 §6.1"
    assert lookup_header("Set-Cookie").source == "RFC 6265 §4.1"
    assert lookup_header("Transfer-Encoding").source == "RFC 9112 §6.1"
    assert lookup_header("Sec-WebSocket-Key").source == "RFC 6455 §11.3.1"
    assert lookup_status(404).source == "RFC 9110 §15.5.5"
    assert lookup_status(429).source == "RFC 6585 §4"
    assert lookup_method("PATCH").source == "RFC 5789 §2"


def test_roles_are_valid() -> None:
    roles = {h.role for h in all_headers()}
    assert roles <= {"request", "response", "both", "representation"}
    assert lookup_header("Content-Type").role == "representation"
    assert lookup_header("Host").role == "request"


@pytest.mark.parametrize(
    ("file", "key", "field"),
    [
        ("http_headers.json", "headers", "name"),
        ("http_status.json", "status", "code"),
        ("http_methods.json", "methods", "name"),
    ],
)
def test_no_duplicates_in_the_bundled_files(file: str, key: str, field: str) -> None:
    ids = [str(entry[field]).lower() for entry in _raw(file)[key]]
    assert len(ids) == len(set(ids))


# ---------------------------------------------------------------- lookups


def test_lookups_are_case_insensitive() -> None:
    assert lookup_header("strict-transport-security").name == "Strict-Transport-Security"
    assert lookup_header("  CONTENT-TYPE ").name == "Content-Type"
    assert lookup_header("etag").name == "ETag"
    assert lookup_method("get").name == "GET"


def test_unknown_lookups_give_none() -> None:
    assert lookup_header("X-Not-A-Header") is None
    assert lookup_header("") is None
    assert lookup_status(299) is None
    assert lookup_status(True) is None  # type: ignore[arg-type]
    assert lookup_method("FROB") is None


def test_importing_does_not_load_the_data() -> None:
    code = (
        "import notecards.knowledge as k, notecards.knowledge.values, sys;"
        "print(k._bundled.cache_info().currsize, 'importlib.resources' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "False"]


# ---------------------------------------------------------------- user knowledge files


def _write(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_user_entries_add_and_override(tmp_path: Path) -> None:
    _write(
        tmp_path / "extra.json",
        {
            "headers": [
                {
                    "name": "X-Api-Version",
                    "role": "request",
                    "en": "API version.",
                    "ru": "Версия API.",
                },
                {"name": "server", "ru": "Какое ПО ответило на запрос."},
            ],
            "status": [{"code": 299, "reason": "Custom", "en": "Custom success."}],
            "methods": [
                {"name": "propfind", "safe": True, "idempotent": True, "en": "WebDAV properties."}
            ],
        },
    )
    assert add_knowledge_dirs([tmp_path]) == []
    assert lookup_header("x-api-version").meaning == {"en": "API version.", "ru": "Версия API."}
    assert lookup_header("x-api-version").source == "user file extra.json"
    server = lookup_header("Server")
    assert server.meaning["ru"] == "Какое ПО ответило на запрос."
    assert server.meaning["en"].startswith("Names the software")  # kept from the bundled entry
    assert server.source == "RFC 9110 §10.2.4" and server.role == "response"
    assert lookup_status(299).meaning == {"en": "Custom success.", "ru": "Custom success."}
    assert lookup_method("PROPFIND").safe is True
    reset_user_knowledge()
    assert lookup_header("x-api-version") is None
    assert lookup_header("Server").meaning["ru"] != "Какое ПО ответило на запрос."


def test_later_files_override_earlier_ones(tmp_path: Path) -> None:
    _write(tmp_path / "a.json", {"headers": [{"name": "X-A", "en": "first"}]})
    _write(tmp_path / "b.json", {"headers": [{"name": "X-A", "en": "second"}]})
    assert add_knowledge_dirs([tmp_path]) == []
    assert lookup_header("X-A").meaning["en"] == "second"


def test_malformed_json_reports_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text(
        '{\n  "headers": [\n    {"name": "X-A",, "en": "x"}\n  ]\n}\n', encoding="utf-8"
    )
    problems = add_knowledge_dirs([tmp_path])
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:3: invalid JSON")


def test_bad_entries_report_their_line_and_good_ones_still_load(tmp_path: Path) -> None:
    path = tmp_path / "mixed.json"
    path.write_text(
        "{\n"
        '  "headers": [\n'
        '    {"name": "X-Good", "en": "Fine."},\n'
        '    {"name": "X-Bad", "role": "sideways", "en": "Bad role."},\n'
        '    {"name": "X-Empty"},\n'
        "    42\n"
        "  ],\n"
        '  "status": [{"code": 700, "reason": "Nope", "en": "x"}],\n'
        '  "colours": []\n'
        "}\n",
        encoding="utf-8",
    )
    problems = add_knowledge_dirs([tmp_path])
    assert [p.split(": ", 1)[0] for p in problems] == [
        f"{path}:4",
        f"{path}:5",
        f"{path}:2",
        f"{path}:8",
        f"{path}:9",
    ]
    assert "role" in problems[0] and "meaning" in problems[1] and "code" in problems[3]
    assert lookup_header("X-Good") is not None and lookup_header("X-Bad") is None


@pytest.mark.parametrize(
    "content",
    [b"", b"\xff\xfe\x00garbage", b"[1, 2, 3]", b'{"headers": {"name": "X"}}', b"9" * 5000],
)
def test_any_file_content_gives_problems_not_exceptions(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "weird.json").write_bytes(content)
    problems = add_knowledge_dirs([tmp_path])
    assert problems and all(p.startswith(f"{tmp_path / 'weird.json'}:") for p in problems)


def test_missing_directories_and_other_files_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not knowledge", encoding="utf-8")
    assert add_knowledge_dirs([tmp_path / "nowhere", tmp_path]) == []


def test_default_user_dir_honours_xdg_config_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("XDG_CONFIG_HOME is a Linux convention")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert default_user_dirs() == [tmp_path / "notecards" / "knowledge"]


def test_the_schema_is_documented() -> None:
    doc = knowledge.__doc__ or ""
    for word in ('"headers"', '"status"', '"methods"', '"role"', '"safe"', '"idempotent"'):
        assert word in doc
