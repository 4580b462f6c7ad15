"""HTTP messages a tutorial shows as samples (issue 11, session 8): in a note on CORS a
blind reader dropped the glosses of "GET /resources/x/ HTTP/1.1" and of sample values
("Origin: https://example.com"). A note on HTTP itself keeps every
line (issue 3)."""

from __future__ import annotations

import pytest

from conftest import note_from_text
from notecards.extractors import extract_cards
from notecards.extractors.http_messages import is_sample_value
from notecards.model import Card

EN_CORS = """---
title: CORS
---
# CORS

A page on one origin sends a GET request with the method and path to an API on another
origin. The browser adds the Origin header, and the server answers with
Access-Control-Allow-Origin; a cookie set with Set-Cookie is sent back only when allowed.

```http
GET /resources/data HTTP/1.1
Host: api.example.org
Origin: https://example.com
```

```http
HTTP/1.1 200 OK
Access-Control-Allow-Origin: *
Set-Cookie: a=3; Path=/
```
"""

RU_CORS = """---
title: CORS
---
# CORS

Страница с одного источника отправляет GET-запрос к API на другом источнике. Браузер
добавляет заголовок Origin, а сервер отвечает заголовком Access-Control-Allow-Origin;
cookie из Set-Cookie браузер вернёт, только если это разрешено.

```http
GET /resources/data HTTP/1.1
Host: api.example.org
Origin: https://example.com
```

```http
HTTP/1.1 200 OK
Access-Control-Allow-Origin: *
Set-Cookie: a=3; Path=/
```
"""


def http_cards(text: str, lang: str, name: str = "CORS.md") -> list[Card]:
    cards = extract_cards(note_from_text(text, lang=lang, name=name), min_confidence=0.0)
    return [c for c in cards if c.extractor == "http_messages"]


@pytest.mark.parametrize(("lang", "text"), [("en", EN_CORS), ("ru", RU_CORS)])
def test_a_tutorial_on_something_else_glosses_no_sample_line(lang: str, text: str) -> None:
    fronts = [c.front for c in http_cards(text, lang)]
    assert not [f for f in fronts if "GET /resources/data" in f]  # the request line
    assert not [f for f in fronts if "Origin: https://example.com" in f]
    assert not [f for f in fronts if "Host: api.example.org" in f]
    # a setting the note teaches is still glossed
    assert [f for f in fronts if "Access-Control-Allow-Origin: *" in f]


def test_a_note_on_http_itself_keeps_its_request_line_and_sample_host() -> None:
    text = EN_CORS.replace("title: CORS", "title: HTTP requests").replace("# CORS", "# HTTP")
    fronts = [c.front for c in http_cards(text, "en", name="HTTP requests.md")]
    assert [f for f in fronts if "GET /resources/data HTTP/1.1" in f]
    assert [f for f in fronts if "Host: api.example.org" in f]


@pytest.mark.parametrize(
    ("value", "sample"),
    [
        ("https://example.com", True),
        ("api.example.org:8080", True),
        ("localhost:3000", True),
        ("id=a3f; Secure", False),
        ("*", False),
        ("max-age=3600, must-revalidate", False),
        ("sessionId=38afes7a8; HttpOnly; Secure", False),
        ("default-src 'self'; img-src https://cdn.example.com", False),
    ],
)
def test_which_values_are_samples(value: str, sample: bool) -> None:
    assert is_sample_value(value) is sample
