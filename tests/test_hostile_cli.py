"""The hostile corpus end to end, through the real `notecards` command: exact messages
and lines, exit statuses, cards kept, files never leaked, markup never live in a deck."""

from __future__ import annotations

import os
import shutil
import sqlite3
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hostile_helpers import HOSTILE, cards_json, run_cli

pytestmark = pytest.mark.slow  # end-to-end: see pyproject's markers

# Every problem the top-level corpus gives, in the order they are printed.
CORPUS_PROBLEMS = [
    "comment_unclosed.md:5: %% comment is never closed: the rest of the note is hidden",
    "fm_at_sign.md:2: front matter is not valid YAML: "
    "found character '@' that cannot start any token",
    "fm_bad_date.md:1: front matter could not be read: day is out of range for month",
    "fm_billion_laughs.md:6: front matter is not valid YAML: more than 32 aliases (*name)",
    "fm_not_mapping.md:1: front matter is a list, not a mapping",
    "fm_object_tag.md:3: front matter is not valid YAML: could not determine a constructor "
    "for the tag 'tag:yaml.org,2002:python/object/apply:os.system'",
    "fm_types.md:2: title is a list, not text: the file name is used",
    "fm_types.md:3: tags is a mapping, not a list: ignored",
    "fm_types.md:5: lang is a number, not a language code: detected instead",
    "fm_types.md:10: notecards: skip is a number, not a list: ignored",
    "fm_unclosed.md:1: front matter is not closed with '---': read as text",
    "fm_unclosed_quote.md:4: front matter is not valid YAML: found unexpected end of stream",
    "unclosed_fence.md:5: code block is never closed: the rest of the note is read as code",
]
# One card each of these fronts must come out of the broken notes all the same.
KEPT_FRONTS = {"Cookie", "UDP", "Laughs", "Socket", "HTTPS", "TLS", "DNS", "CORS", "HTTP", "TCP"}
KEPT_FRONTS |= {"Seen", "Fence", "Real", "Echo"}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The top-level notes of tests/hostile/ (the escape vault is tested on its own)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for note in HOSTILE.glob("*.md"):
        shutil.copy(note, folder / note.name)
    return folder


def test_the_corpus_gives_exact_messages_exit_1_and_keeps_every_good_card(corpus: Path):
    cards, stderr, status = cards_json("corpus", cwd=corpus.parent)
    lines = stderr.strip().splitlines()
    assert lines[:-1] == [f"corpus/{line}" for line in CORPUS_PROBLEMS]
    assert lines[-1] == "7 errors, 6 warnings in 10 files"
    assert "Traceback" not in stderr
    assert status == 1
    fronts = {card["front"] for card in cards}
    assert fronts >= KEPT_FRONTS
    assert all(card["line"] >= 1 for card in cards)
    sides = [side for c in cards if c["kind"] != "cloze" for side in (c["front"], c["back"])]
    assert not [side for side in sides if "<" in side or "alert(" in side]


def test_cloze_answers_have_no_raw_html(corpus: Path):
    cards, _, _ = cards_json("corpus/html_cards.md", cwd=corpus.parent)
    clozes = [c for c in cards if c["kind"] == "cloze"]
    assert len(clozes) == 2
    for card in clozes:
        assert "<" not in card["front"] + card["back"], card


def test_things_that_look_like_cards_in_code_and_math_are_not(corpus: Path):
    cards, _, _ = cards_json("corpus/not_cards.md", cwd=corpus.parent)
    assert [(c["front"], c["back"]) for c in cards] == [("Real", "A card.")]


def test_unclosed_fence_and_comment_keep_what_came_before_and_nothing_after(corpus: Path):
    for name, kept in (("unclosed_fence.md", "Fence"), ("comment_unclosed.md", "Seen")):
        cards, _, status = cards_json(f"corpus/{name}", cwd=corpus.parent)
        assert [c["front"] for c in cards] == [kept] and status == 0


def test_repeated_sentences_give_one_card_each(corpus: Path):
    cards, _, _ = cards_json("corpus/repeated.md", cwd=corpus.parent)
    fronts = [c["front"] for c in cards]
    assert len(fronts) == len(set(fronts)) <= 3
    assert fronts.count("Echo") == 1


def test_warnings_exit_0_and_strict_makes_them_fail(corpus: Path):
    assert run_cli("cards", "corpus/fm_types.md", cwd=corpus.parent).returncode == 0
    strict = run_cli("cards", "--strict", "corpus/fm_types.md", cwd=corpus.parent)
    assert strict.returncode == 1
    assert run_cli("check", "--strict", "corpus/fm_wikilinks.md", cwd=corpus.parent).returncode == 0
    assert run_cli("check", "--strict", "corpus/fm_types.md", cwd=corpus.parent).returncode == 1


# ---------------------------------------------------------------- encodings


ENCODED = {
    "bom.md": "\ufeffBOM::Byte order mark.\n".encode(),
    "crlf.md": b"# CRLF\r\n\r\nCRLF::Windows line ends.\r\n",
    "cr.md": b"# CR\r\rCR::Old Mac line ends.\r",
    "utf16.md": "UTF16::Wide characters.\n".encode("utf-16"),
    "cp1251.md": "Протокол::Набор правил обмена данными.\n".encode("cp1251"),
    "latin1.md": "Café::A small restaurant, naïve.\n".encode("latin-1"),
    "damaged.md": "Ok::Fine ☃.\n\nBad::Broken ".encode() + b"\xff\xfe byte.\n",
    "encrypted.md": os.urandom(4096).replace(b"\x00", b"") + b"\x00" + os.urandom(512),
    "renamed-image.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
}


def test_every_encoding_is_read_or_reported(tmp_path: Path):
    folder = tmp_path / "enc"
    folder.mkdir()
    for name, data in ENCODED.items():
        (folder / name).write_bytes(data)
    cards, stderr, status = cards_json("enc", cwd=tmp_path)
    assert stderr.strip().splitlines() == [
        "enc/cp1251.md:1: not UTF-8 (byte 0xcf): read as Windows-1251 (Cyrillic); "
        "save the file as UTF-8 to be sure",
        "enc/damaged.md:3: not valid UTF-8 (byte 0xff); undecodable bytes were replaced "
        "with U+FFFD",
        "enc/encrypted.md:1: binary file, not a Markdown note: skipped",
        "enc/latin1.md:1: not UTF-8 (byte 0xe9): read as Windows-1252 (Western European); "
        "save the file as UTF-8 to be sure",
        "enc/renamed-image.md:1: binary file, not a Markdown note: skipped",
        "enc/utf16.md:1: file is UTF-16, not UTF-8: read as UTF-16 (save it as UTF-8)",
        "1 error, 5 warnings in 6 files",  # binary files are skipped with a warning
    ]
    assert status == 1
    pairs = {(c["front"], c["back"]) for c in cards}
    assert {
        ("BOM", "Byte order mark."),
        ("CRLF", "Windows line ends."),
        ("CR", "Old Mac line ends."),
        ("UTF16", "Wide characters."),
        ("Протокол", "Набор правил обмена данными."),
        ("Café", "A small restaurant, naïve."),
        ("Ok", "Fine ☃."),
    } <= pairs
    lines = {c["front"]: c["line"] for c in cards}
    assert lines["CRLF"] == 3 and lines["CR"] == 3


# ---------------------------------------------------------------- vault escapes


@pytest.fixture
def escape_tree(tmp_path: Path) -> Path:
    """tests/hostile/escape with symlinks out, loops, a FIFO and /dev/zero added."""
    root = tmp_path / "escape"
    shutil.copytree(HOSTILE / "escape", root, symlinks=True)
    vault = root / "vault"
    (vault / "link-out.png").symlink_to(root / "outside" / "secret.png")
    (vault / "loop.png").symlink_to(vault / "loop.png")
    os.mkfifo(vault / "fifo.png")
    (vault / "zero.png").symlink_to("/dev/zero")
    (vault / "sub").mkdir()
    (vault / "sub" / "up").symlink_to(vault)  # a folder loop for discovery
    (vault / "notes-out").symlink_to(root / "outside")  # a folder out of the vault
    (root / "outside" / "stolen.md").write_text("Stolen::OUTSIDE-NOTE-MARKER\n")
    return root


MARKERS = (b"OUTSIDE-SECRET-MARKER", b"PRIVATE-HIDDEN-MARKER", b"OUTSIDE-PASSWD-MARKER")


def _package_bytes(path: Path) -> bytes:
    with zipfile.ZipFile(path) as package:
        return b"".join(package.read(name) for name in package.namelist())


def test_nothing_outside_the_vault_gets_into_a_deck(escape_tree: Path):
    out = escape_tree / "out"
    result = run_cli("build", "vault", "-o", str(out), "--no-cache", cwd=escape_tree, timeout=60)
    assert "Traceback" not in result.stderr
    (package,) = out.glob("*.apkg")
    data = _package_bytes(package)
    for marker in (*MARKERS, b"OUTSIDE-NOTE-MARKER", b"root:x:0:0"):
        assert marker not in data
    with zipfile.ZipFile(package) as archive:
        media = [n for n in archive.namelist() if n not in ("collection.anki2", "media")]
    assert len(media) == 1  # ok.png, the one file inside the vault


def test_each_escape_is_reported_at_its_line(escape_tree: Path):
    cards, stderr, status = cards_json("vault", cwd=escape_tree)
    reported: dict[str, list[str]] = {}
    for line in stderr.splitlines()[:-1]:
        reported.setdefault(line.split(":", 2)[1], []).append(line.split(": ", 1)[1])
    refusals = {number: messages[0] for number, messages in reported.items()}
    # an answer that is only the refused image also names its card, on the same line
    assert all(m.startswith("the answer of the card ") for ms in reported.values() for m in ms[1:])
    assert refusals == {
        "5": "file outside the vault refused: ../outside/secret.png",
        "7": "file outside the vault refused: ..%2Foutside%2Fsecret.png",
        "9": "file outside the vault refused: %2e%2e/%2e%2e/escape/outside/secret.png",
        "11": "absolute path refused: /etc/passwd",
        "13": "file: URL refused (only files inside the vault are embedded): file:///etc/passwd",
        "15": "absolute path refused: C:%5CWindows%5Cwin.ini",
        "17": "absolute path refused: %5Cserver%5Cshare%5Csecret.png",
        "19": "control character in file name refused: 'ok%00.png'",
        "21": "control character in file name refused: 'ok%0A.png'",
        "23": "not a media file, or in a hidden folder: refused: .private/secret.png",
        "25": "file outside the vault refused: ../outside/passwd",
        "27": "file outside the vault refused: link-out.png",
        "29": "symlink loop refused: loop.png",
        "31": "FIFO (named pipe) refused: fifo.png",
        "33": "file outside the vault refused: zero.png",
    }
    assert status == 0  # warnings: the deck is still made
    assert {c["note"] for c in cards} == {"note.md"}  # no note from the linked folder


# ---------------------------------------------------------------- no script in a deck


class _Elements(HTMLParser):
    """Every element and attribute of an HTML fragment, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, {k: v or "" for k, v in attrs}))


def _deck_html(package: Path) -> list[str]:
    """Every field of every note, and every template and style of every note type."""
    with zipfile.ZipFile(package) as archive:
        data = archive.read("collection.anki2")
    db = package.parent / "inspect.anki2"
    db.write_bytes(data)
    connection = sqlite3.connect(db)
    try:
        fields = [
            f for (row,) in connection.execute("select flds from notes") for f in row.split("\x1f")
        ]
        (models,) = connection.execute("select models from col").fetchone()
    finally:
        connection.close()
    return [*fields, models]


def _live_dangers(fragment: str, allow_remote: bool) -> list[str]:
    parser = _Elements()
    parser.feed(fragment)
    dangers = []
    for tag, attrs in parser.found:
        if tag in ("script", "iframe", "object", "embed", "form", "input", "svg", "math", "style"):
            dangers.append(tag)
        for name, value in attrs.items():
            if name.startswith("on"):
                dangers.append(f"{tag}[{name}]")
            lowered = value.strip().lower()
            if name in ("href", "src", "action") and lowered.startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                dangers.append(f"{tag}[{name}={value}]")
            if name == "src" and lowered.startswith(("http:", "https:", "//")) and not allow_remote:
                dangers.append(f"remote {tag}[{name}={value}]")
            if name == "style" and "url(" in lowered:
                dangers.append(f"{tag}[style url]")
    return dangers


@pytest.mark.parametrize("allow_remote", [False, True])
def test_no_live_script_or_remote_load_in_any_field(corpus: Path, allow_remote: bool):
    out = corpus.parent / f"out-{allow_remote}"
    args = ["build", "corpus", "-o", str(out), "--no-cache", "-q"]
    result = run_cli(*args, *(["--allow-remote"] if allow_remote else []), cwd=corpus.parent)
    assert "Traceback" not in result.stderr
    (package,) = out.glob("*.apkg")
    html = _deck_html(package)
    assert len(html) > 20
    for fragment in html[:-1]:
        assert _live_dangers(fragment, allow_remote) == [], fragment
    remote = sum("evil.example/pixel.png" in f for f in html)
    assert remote == (1 if allow_remote else 0)


# ---------------------------------------------------------------- outputs


def test_names_from_titles_are_safe_and_never_collide(tmp_path: Path):
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
    (tmp_path / "a" / "CON.md").write_text("One::Uno.\n")
    (tmp_path / "b" / "con.md").write_text("Two::Dos.\n")
    (tmp_path / "c" / "con.md").write_text("Three::Tres.\n")
    out = tmp_path / "out"
    result = run_cli(
        "build", "a/CON.md", "b/con.md", "c/con.md", "-o", str(out), "--no-cache", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["_CON.apkg", "_con (2).apkg", "_con (3).apkg"]
