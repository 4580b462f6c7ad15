"""A synthetic Obsidian vault for the benchmark: N notes of about 4 KB each.

Notes alternate Russian and English and use every construct the reader knows: front
matter (title, tags, aliases, lang, draft), nested headings, emphasis, highlights,
inline code and math, Markdown and wiki links (with headings and aliases), tags,
comments, raw HTML, bullet, ordered, nested and task lists, fenced code (HTTP messages,
Python, shell), math blocks, tables, quotes, callouts, images from an attachments
folder (`![[img.png|300]]` and `![alt](path)`), embedded notes and explicit cards
(`Question::Answer`, cloze). The output depends only on N and the seed.

    python bench/generate_vault.py OUT_DIR --notes 1000
"""

from __future__ import annotations

import argparse
import random
import shutil
import struct
import zlib
from pathlib import Path

TOPICS_EN = ["Caching", "Cookies", "Sessions", "Routing", "Streams", "Queues", "Indexes",
             "Locks", "Tokens", "Proxies", "Sockets", "Threads", "Hashing", "Retries"]  # fmt: skip
TOPICS_RU = ["Кэширование", "Куки", "Сессии", "Маршрутизация", "Потоки", "Очереди",
             "Индексы", "Блокировки", "Токены", "Прокси", "Сокеты", "Хеширование"]  # fmt: skip
FOLDERS = ["Web", "Backend", "Databases", "Security", "Networks", "Languages", "Systems"]
SUBFOLDERS = ["Basics", "Advanced", "Practice", "Reference", "Основы", "Практика"]

HEADERS = [
    ("Cache-Control", "max-age=3600"),
    ("Content-Type", "application/json"),
    ("ETag", '"33a64df5"'),
    ("Set-Cookie", "id=a3fWa; Secure; HttpOnly"),
    ("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
    ("Vary", "Accept-Encoding"),
]

EN_PARAGRAPHS = [
    "A **{t}** layer keeps frequently used data close to the code that needs it, so that "
    "repeated requests are served in _microseconds_ instead of milliseconds. The "
    "==main trade-off== is freshness: every copy may become stale. See [[{link}]] and "
    "[the spec](https://example.org/spec) for details. #{tag}",
    "In practice `{t}` is configured per route. The cost model is simple: $O(n \\log n)$ "
    "for the initial build and $O(1)$ per lookup. %%check this later%% Related: "
    "[[{link}#Overview|overview of {link}]].",
    "Most production incidents around {t} come from <b>wrong defaults</b>, not from "
    "bugs. Read the logs first, then the metrics, then the code. #{tag}/incidents",
]
RU_PARAGRAPHS = [
    "**{t}** — это механизм, который хранит часто используемые данные рядом с кодом, "
    "чтобы повторные запросы обслуживались за _микросекунды_. ==Главный компромисс== — "
    "свежесть данных: любая копия может устареть. См. [[{link}]] и "
    "[спецификацию](https://example.org/spec). #{tag}",
    "На практике `{t}` настраивается для каждого маршрута. Стоимость: $O(n \\log n)$ на "
    "построение и $O(1)$ на поиск. %%проверить%% Связанная заметка: "
    "[[{link}#Overview|обзор {link}]].",
    "Большинство инцидентов с темой «{t}» происходят из-за <b>неверных настроек</b>, а не "
    "из-за ошибок в коде. Сначала логи, потом метрики, потом код. #{tag}/инциденты",
]


def tiny_png(seed: int) -> bytes:
    """A valid 1×1 PNG whose colour depends on the seed (distinct files, tiny)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    pixel = bytes([0, seed % 256, (seed * 7) % 256, (seed * 13) % 256])
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(pixel))
        + chunk(b"IEND", b"")
    )


def note_names(count: int) -> list[tuple[str, str]]:
    """(folder, title) for every note: a tree two levels deep, some names repeated in
    different folders, so that links must be resolved by path."""
    rng = random.Random(count)
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for index in range(count):
        folder = FOLDERS[index % len(FOLDERS)]
        if index % 3:
            folder += "/" + SUBFOLDERS[(index // 7) % len(SUBFOLDERS)]
        if index % 11 == 0:
            folder += f"/Part {index // 1000}"
        russian = index % 2 == 1
        topics = TOPICS_RU if russian else TOPICS_EN
        topic = topics[rng.randrange(len(topics))]
        title = f"{topic} {index:05d}"
        if index % 97 == 5 and f"{folder}/{topic}".casefold() not in seen:
            title = topic  # the same short name in several folders: ambiguous links
        seen.add(f"{folder}/{title}".casefold())
        out.append((folder, title))
    return out


def note_text(index: int, names: list[tuple[str, str]], images: int) -> str:
    rng = random.Random(index)
    russian = index % 2 == 1
    title = names[index][1]
    topic = title.rsplit(" ", 1)[0]
    tag = "веб" if russian else "web"

    def other() -> str:
        return names[rng.randrange(len(names))][1]

    paragraphs = RU_PARAGRAPHS if russian else EN_PARAGRAPHS
    front = [
        "---",
        f"title: {title}",
        f"tags: [{tag}, {topic.lower().replace(' ', '-')}, bench]",
    ]
    if index % 5 == 0:
        front.append(f"aliases: [{topic} alias {index}]")
    if index % 4 == 0:
        front.append(f"lang: {'ru' if russian else 'en'}")
    if index % 50 == 7:
        front.append("draft: true")
    front.append("---")
    image = f"img{index % images:04d}.png"
    header, value = HEADERS[index % len(HEADERS)]
    if russian:
        overview, details, practice = "Overview", "Подробности", "Практика"
        question = f"Что такое {topic}?::Способ хранить данные ближе к потребителю"
        cloze = "Протокол HTTP работает поверх {{c1::TCP}} на порту {{c2::80}}."
        callout = "> [!note] Важно\n> Инвалидация кэша — одна из двух сложных задач."
        quote = "> Преждевременная оптимизация — корень всех зол."
        items = ["Открыть соединение", "Отправить запрос", "Получить ответ", "Закрыть"]
        tasks = ["- [x] Прочитать RFC 9111", "- [ ] Настроить заголовки"]
        table = "| Заголовок | Значение |\n|---|---|\n" + "\n".join(
            f"| `{h}` | {v.replace('|', '/')} |" for h, v in HEADERS[:4]
        )
    else:
        overview, details, practice = "Overview", "Details", "Practice"
        question = f"What is {topic}?::A way to keep data close to its consumer"
        cloze = "HTTP runs over {{c1::TCP}} on port {{c2::80}}."
        callout = "> [!tip] Remember\n> Cache invalidation is one of two hard things."
        quote = "> Premature optimization is the root of all evil."
        items = ["Open a connection", "Send the request", "Read the response", "Close"]
        tasks = ["- [x] Read RFC 9111", "- [ ] Tune the headers"]
        table = "| Header | Value |\n|---|---|\n" + "\n".join(
            f"| `{h}` | {v.replace('|', '/')} |" for h, v in HEADERS[:4]
        )
    body = [
        *front,
        f"# {title}",
        "",
        f"![[{image}|300]]",
        "",
        paragraphs[0].format(t=topic, link=other(), tag=tag),
        "",
        f"## {overview}",
        "",
        paragraphs[1].format(t=topic, link=other(), tag=tag),
        "",
        "\n".join(f"{n}. {item}" for n, item in enumerate(items, 1)),
        "",
        "- " + items[0] + "\n  - " + items[1] + "\n  - " + items[2] + "\n- " + items[3],
        "",
        "\n".join(tasks),
        "",
        f"### {details}",
        "",
        "```http",
        f"GET /api/{index} HTTP/1.1",
        "Host: example.com",
        "Accept: application/json",
        "```",
        "",
        "```http",
        "HTTP/1.1 200 OK",
        f"{header}: {value}",
        "Content-Length: 1234",
        "```",
        "",
        "```python",
        f"def handler_{index}(request):",
        '    """Return a cached response when one is fresh."""',
        "    return cache.get(request.path) or fetch(request)",
        "```",
        "",
        "$$",
        "T = \\frac{1}{\\lambda - \\mu}",
        "$$",
        "",
        table,
        "",
        quote,
        "",
        callout,
        "",
        f"![diagram](attachments/{image})",
        "",
        '<div class="note">raw <em>HTML</em> block</div>',
        "",
        f"## {practice}",
        "",
        question,
        "",
        cloze,
        "",
        paragraphs[2].format(t=topic, link=other(), tag=tag),
        "",
        "```bash",
        f"curl -sI https://example.com/{index} | grep -i cache",
        "```",
        "",
    ]
    summary = "Итоги" if russian else "Summary"
    body += [
        f"## {summary}",
        "",
        paragraphs[0].format(t=topic, link=other(), tag=tag),
        "",
        "\n".join(f"- **{h}**: `{v}`" for h, v in HEADERS),
        "",
        paragraphs[1].format(t=topic, link=other(), tag=tag),
        "",
        paragraphs[2].format(t=topic, link=other(), tag=tag),
        "",
        quote,
        "",
    ]
    if index % 10 == 3:
        body += [f"![[{other()}#Overview]]", ""]
    if index % 25 == 4:
        body += [f"![[{other()}]]", ""]
    body += [f"---\n[[{other()}|← back]]", ""]
    return "\n".join(body)


def generate(out: Path, count: int, images: int | None = None) -> Path:
    """Write a vault of `count` notes under `out` (emptied first) and return it."""
    if out.exists():
        shutil.rmtree(out)
    images = images or max(10, count // 20)
    (out / ".obsidian").mkdir(parents=True)
    (out / ".obsidian" / "app.json").write_text('{"attachmentFolderPath": "attachments"}')
    attachments = out / "attachments"
    attachments.mkdir()
    for number in range(images):
        (attachments / f"img{number:04d}.png").write_bytes(tiny_png(number))
    names = note_names(count)
    for index, (folder, title) in enumerate(names):
        target = out / folder / f"{title}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(note_text(index, names, images), encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--notes", type=int, default=1000)
    args = parser.parse_args()
    generate(args.out, args.notes)
    print(f"{args.notes} notes in {args.out}")


if __name__ == "__main__":
    main()
