"""Hypothesis strategies for notes in the shapes real vaults have (issue 13, part C).

Random text rarely reaches the extractors' templates: a crash needs a sentence that is a
definition *and* holds `{vi}`. These strategies build notes from the constructs people
write (front matter variants, question titles, labelled lists `**X** – y`, code fences
and inline code full of braces, percent signs and backslashes, template syntax of other
languages, HTML, math, callouts, tables, wikilinks and embeds, numbered file names),
then mutate them (a line dropped, doubled or cut, a look-alike inserted), so that each
extractor sees what it was written for, and its edges.
"""

from __future__ import annotations

from hypothesis import strategies as st

# Text other template languages and format strings leave in notes.
LOOKALIKES = [
    "{vi}", "{t}", "{0}", "{}", "{{x}}", "{{ user.name }}", "{% if x %}", "${HOME}",
    "%s", "%d", "%(name)s", "%%", "{{.Name}}", "{{- range .Items }}", "<%= @x %>",
    "\\N{BULLET}", "\\n", "\\", "\\\\", "#{x}", "@{y}", "{name!r}", "{0:>10}", "}{", "{",
    "[/b]", "[bold]", "$x$", "\\(", "{{c1::", "}}", "::", "c{{c2::x}}",
]  # fmt: skip

TERMS_EN = ["HTTP", "a cache", "the server", "TLS", "CORS", "an origin", "a cookie", "DNS"]
TERMS_RU = ["HTTP", "кэш", "сервер", "TLS", "CORS", "источник", "куки", "DNS"]
WORDS_EN = ["client", "request", "response", "header", "value", "connection", "key", "data"]
WORDS_RU = ["клиент", "запрос", "ответ", "заголовок", "значение", "соединение", "ключ"]

word = st.sampled_from(WORDS_EN + WORDS_RU + LOOKALIKES)
term = st.sampled_from(TERMS_EN + TERMS_RU) | st.sampled_from(LOOKALIKES)
phrase = st.lists(word, min_size=1, max_size=8).map(" ".join)
emphasized = st.builds(
    lambda mark, t: f"{mark}{t}{mark}", st.sampled_from(["_", "*", "**", "=="]), term
)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    """A sentence in a shape an extractor reads, with look-alikes anywhere."""
    t = draw(emphasized | term)
    p, q = draw(phrase), draw(phrase)
    shapes = [
        f"{t} — это {p}.",
        f"{t} - это {p}, который {q}.",
        f"Под {t} понимают {p}.",
        f"{t} is a {p} that {q}.",
        f"{t} refers to {p}.",
        f"{t} stands for {p}.",
        f"Когда клиент отправляет {p} через {t}, он указывает {q}.",
        f"When the client sends {p} over {t}, it checks {q}.",
        f"{t} позволяет {p}.",
        f"{t} allows you to {p}.",
        f"{t} использует {p} для {q}.",
        f"{t} uses {p} to {q}.",
        f"{t} keeps {p} until {q}.",
        f"Соединение через {t} остаётся открытым, пока {q}.",
        f"Есть несколько видов, такие как {p}, {q} и {t}.",
        f"There are several kinds, such as {p}, {q} and {t}.",
        f"{p} {t} {q}.",
    ]
    return draw(st.sampled_from(shapes))


fence_language = st.sampled_from(["", "python", "http", "jinja", "go", "js", "bash", "json"])
code_line = st.lists(st.sampled_from(LOOKALIKES) | word, min_size=1, max_size=6).map(" ".join)

block = st.one_of(
    sentence(),
    st.lists(sentence(), min_size=2, max_size=4).map(" ".join),
    st.builds(lambda t, p: f"- **{t}** – {p}", term, phrase),
    st.builds(lambda t, p: f"- **{t}**: {p}", term, phrase),
    st.lists(phrase, min_size=2, max_size=8).map(
        lambda items: "\n".join(f"{n}. {item}." for n, item in enumerate(items, 1))
    ),
    st.builds(
        lambda lang, lines: f"```{lang}\n" + "\n".join(lines) + "\n```",
        fence_language,
        st.lists(code_line, max_size=5),
    ),
    st.builds(lambda c, p: f"Use `{c}` when {p}.", code_line, phrase),
    st.builds(
        lambda p: (
            f"```http\nGET /{p.split()[0]} HTTP/1.1\nHost: x.example\n"
            f"Cache-Control: max-age={len(p)}\nX-Template: {{{{ {p} }}}}\n```"
        ),
        phrase,
    ),
    st.builds(lambda q, a: f"{q}?::{a}", phrase, phrase),
    st.builds(lambda q, a: f"{q}:::{a}", phrase, phrase),
    st.builds(lambda q, a: f"{q}?\n?\n{a}", phrase, phrase),
    st.builds(lambda a, b: f"{a} {{{{c1::{b}}}}} and {{{{c2::{a}::hint}}}}.", phrase, phrase),
    st.builds(lambda a: f"#flashcards {a} ==highlight {a}== end", phrase),
    st.builds(lambda k, t: f"> [!{k}] {t}\n> {t}", st.sampled_from(["note", "tip", "faq"]), phrase),
    st.builds(lambda a, b: f"| {a} | {b} |\n|---|---|\n| {b} | {a} |", term, phrase),
    st.builds(lambda p: f"$$\n{p} \\frac{{a}}{{b}} %\n$$", phrase),
    st.builds(lambda p: f"Inline math $x_{{i}} = {p}$ and \\{{braces\\}}.", phrase),
    st.builds(lambda p: f'<div class="{p}"><b>{p}</b> <kbd>%s</kbd></div>', phrase),
    st.builds(
        lambda t: f"See [[{t}]], [[{t}|alias]], ![[{t}#Heading]] and ![[img.png|300]].", term
    ),
    st.builds(lambda p: f"%%hidden {p}%% shown {p} ^block-id", phrase),
)

heading = st.builds(
    lambda level, text: "#" * level + " " + text,
    st.integers(1, 4),
    phrase
    | st.builds(lambda p: f"Что такое {p}?", phrase)
    | st.builds(lambda p: f"Why {p}?", phrase),
)

front_matter = st.one_of(
    st.just(""),
    st.builds(lambda t: f"---\ntitle: {t}\ntags: [a, b]\n---\n", phrase),
    st.builds(lambda t: f"---\ntitle: '{t}'\naliases:\n  - {t}\nlang: ru\n---\n", phrase),
    st.builds(
        lambda v: f"---\ntitle: ''\nlang: {v}\ndraft: {v}\nnotecards: {v}\n---\n",
        st.sampled_from(["[a]", "5", "{x: 1}", "yes", "''", "~", "{skip: 5}"]),
    ),
    st.builds(lambda t: f"---\nnotecards: {{skip: [headings]}}\ntags: {t}\n---\n", phrase),
    st.sampled_from(["---\n", "---\ntitle: x\n", "---\n---\n", "\ufeff---\ntitle: a\n---\n"]),
)


@st.composite
def note_text(draw: st.DrawFn) -> str:
    """Front matter, then headings and blocks in a plausible order."""
    parts = [draw(front_matter)]
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            parts.append(draw(heading))
        parts += draw(st.lists(block, min_size=1, max_size=4))
    return "\n\n".join(parts).replace("\n\n\n", "\n\n")


@st.composite
def mutated(draw: st.DrawFn, text: st.SearchStrategy[str]) -> str:
    """`text` with a few edits of the kinds editors and sync tools make."""
    lines = draw(text).split("\n")
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, max(0, len(lines) - 1)))
        edit = draw(st.sampled_from(["drop", "double", "cut", "insert", "indent", "join"]))
        if edit == "drop" and len(lines) > 1:
            del lines[at]
        elif edit == "double":
            lines.insert(at, lines[at])
        elif edit == "cut":
            lines[at] = lines[at][: draw(st.integers(0, len(lines[at])))]
        elif edit == "insert":
            line = lines[at]
            cut = draw(st.integers(0, len(line)))
            lines[at] = line[:cut] + draw(st.sampled_from(LOOKALIKES)) + line[cut:]
        elif edit == "indent":
            lines[at] = draw(st.sampled_from(["  ", "\t", "> ", "- "])) + lines[at]
        elif edit == "join" and at + 1 < len(lines):
            lines[at : at + 2] = [lines[at] + " " + lines[at + 1]]
    return "\n".join(lines)


file_name = st.one_of(
    st.builds(lambda n, p: f"{n:02d} {p}", st.integers(0, 99), phrase),
    st.builds(lambda a, b, p: f"{a}.{b} {p}", st.integers(1, 9), st.integers(1, 20), phrase),
    st.builds(lambda p: f"Что такое {p}?", phrase),
    phrase,
).map(lambda name: "".join(c for c in name if c not in '/\\:*?"<>|\x00').strip(" .") or "note")

vault_notes = st.lists(
    st.tuples(file_name, mutated(note_text())), min_size=1, max_size=3, unique_by=lambda n: n[0]
)
