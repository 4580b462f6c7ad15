"""Code a note introduces and explains: "code" cards.

Notes show how to call or install a thing: a lead-in that ends with a colon ("Синтаксис:",
"Подключается так:", "Пример использования `map`:", "Usage:", "Syntax:", "Install wget
on Debian:") and the code block after it. That becomes "Какой синтаксис у X?" / "Как
подключить X?" / "How do you use X?", answered by the code, highlighted in Anki like
every code back. Notes also explain a call's parameters: "Первый параметр — URL,
второй — …", "The first argument is …", or a lead-in "Параметры:" / "Parameters:" and
a list; that becomes "Какие параметры принимает X?" answered by those sentences or the
list.

X must be a real name, and the code must show it: a name in the lead-in (inline code,
Latin words), else the section's heading or the note's title, else the function the
code calls ("axios.get"). "Этот код", a bare "Например:" under a heading the code never
mentions, or a code block of 40 lines make no card.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from notecards.extractors.answers import MAX_CODE_LINES, starts_with_cue
from notecards.extractors.base import ExtractContext
from notecards.lang import LanguagePack, pack_for
from notecards.model import Block, Card, CodeBlock, ListBlock, Note, Paragraph, Section
from notecards.render.markup import highlight_code, spans_html
from notecards.text.cues import fold
from notecards.text.guards import keep_mined
from notecards.text.sentences import sentence_text, split_sentences, word_set
from notecards.text.terms import CYRILLIC, clean_term

NAME = "explained_code"
KIND = "code"
MAX_LEADIN_WORDS = 8
MAX_NAME_WORDS = 4
MAX_PARAM_SENTENCES = 3
MAX_PARAM_CHARS = 300
MAX_PARAM_ITEMS = 8

CONFIDENCE = {
    "syntax": 0.65,  # "Синтаксис:" / "Syntax:" and the code
    "install": 0.65,  # "Подключается так:" / "Install X:" and the command
    "usage": 0.6,  # "Пример использования:" / "Usage:"
    "example": 0.5,  # "Например:" / "Example:": an example may show something else
    "params": 0.6,  # "Первый параметр …" / a list of parameters
}
# X from the heading, the title or the call, not the lead-in: a strict reader kept 2 of
# 5 such syntax cards on real vaults (seed 12), and every one named by its lead-in
FALLBACK_NAME_PENALTY = 0.1

_CALL = re.compile(r"(?<![\w.$])([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\(")
_NOT_CALLS = word_set(
    """if for while switch catch function return print println printf console.log require
    import def class super len str int float list dict set tuple range typeof sizeof await
    async new elif with assert echo"""
)
_LATIN_NAME = re.compile(r"[A-Za-z_$@][\w$@./:+#-]*(?:\(\))?")
_EN_JOINERS = word_set("of the a an for to in on with using via from by and your")
_PACKAGE_MANAGER = re.compile(
    r"\b(?:npm|npx|yarn|pnpm|bun|pip3?|pipx|poetry|conda|apt(?:-get)?|brew|cargo|go|gem|"
    r"composer|dnf|yum|pacman|snap|choco|winget|nvm|zypper|apk)\s+(?:\S+\s+)?"
    r"(?:i|install|add|get|-S\w*|in)\b"
)
_NAME_CHARS = re.compile(r"^[\w\s\-.()/+#@$:<>]+$")


def _leadin(pack: LanguagePack, paragraph: Paragraph) -> tuple[str, str] | None:
    """(kind, the words after the cue) of a short paragraph that ends with a colon
    and announces code: "Синтаксис запроса:" → ("syntax", "запроса")."""
    text = paragraph.text.strip()
    if not text.endswith(":") or len(text.split()) > MAX_LEADIN_WORDS:
        return None
    body = text[:-1].strip()
    for kind in ("syntax", "install", "usage", "example"):
        found = starts_with_cue(pack, f"code.{kind}", body)
        if found is not None:
            return kind, body[found.end() :].strip(" ,")
    return None


def _main_call(code: str) -> str:
    """The first function or method the code calls ("axios.get"), or ""."""
    for found in _CALL.finditer(code):
        name = found.group(1)
        if name not in _NOT_CALLS and name.split(".")[-1] not in _NOT_CALLS:
            return name
    return ""


def _in_code(name: str, code: str, caseless: bool = False) -> bool:
    """Whether the code shows `name` as a whole token, as written (or its last part
    for "Array.prototype.map"): a heading "Files" is not "files" in a comment, nor "n"
    a letter of a word. `caseless` for commands that install a package, where
    punctuation goes too ("Day.js" → `npm install dayjs`)."""
    bare = name.removesuffix("()").strip()
    if caseless:
        bare = re.sub(r"[^\w-]", "", bare.lower())
        code = re.sub(r"[^\w\s-]", "", code.lower())
    names = {bare, bare.split(".")[-1]} if "." in bare else {bare}
    return any(len(n) > 1 and _token(n).search(code) for n in names if n)


@lru_cache(maxsize=4096)  # names come from notes: bounded in a long watch
def _token(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w$]){re.escape(name)}(?![\w$])")


def _named(paragraph: Paragraph, rest: str, pack: LanguagePack) -> str:
    """A name the lead-in gives: inline code, or (in English) the words after the cue
    up to a joining word ("wget" of "wget on Debian")."""
    codes = [s.text.strip() for s in paragraph.spans if s.kind == "code" and s.text.strip()]
    if codes:
        return codes[0]
    words = rest.split()
    while words and words[0].lower() in _EN_JOINERS:
        words = words[1:]
    name: list[str] = []
    for word in words:
        if word.lower() in _EN_JOINERS or not _LATIN_NAME.fullmatch(word):
            break
        name.append(word)
    return " ".join(name[:MAX_NAME_WORDS]) if name and not CYRILLIC.search(rest[:1]) else ""


def _subject(text: str, pack: LanguagePack) -> str:
    """A heading or title as a name: short, not a label ("Пример", "Usage"), no question."""
    text = clean_term(re.sub(r"^[\W\d_]+", "", " ".join(text.split())))
    words = text.split()
    if not 0 < len(words) <= MAX_NAME_WORDS or text.endswith(("?", ":")):
        return ""
    lowered = text.lower()
    if lowered in pack.generic_headings or lowered in pack.task_headings:
        return ""
    if any(starts_with_cue(pack, f"code.{k}", text) for k in ("syntax", "install", "usage")):
        return ""
    if starts_with_cue(pack, "question.start", text) is not None:
        return ""
    return text if _NAME_CHARS.match(text) else ""


def _name_for(
    pack: LanguagePack,
    note: Note,
    section: Section,
    paragraph: Paragraph,
    found: tuple[str, str],
    code: str,
) -> tuple[str, bool]:
    """(X, whether the lead-in itself named it); ("", False) when nothing the code shows."""
    kind, rest = found
    caseless = kind == "install"
    named = _named(paragraph, rest, pack)
    if named and _in_code(named, code, caseless):
        return named, True
    call = _main_call(code)
    if kind == "syntax" and rest and call:  # "Синтаксис запроса:": the call it describes
        return call, False
    for candidate in (*reversed(section.path), note.title):
        subject = _subject(candidate, pack)
        if subject and _in_code(subject, code, caseless):
            return subject, False
    return "", False  # a bare "Syntax:" under a heading the code never names


def _ask(pack: LanguagePack, kind: str, name: str, code: str = "") -> str:
    """The question, in the colon form when a Russian noun would need declining. Code
    under "Подключается так:" that is not a package manager's command ("import …",
    a `<script>` tag) connects X rather than installs it."""
    if kind == "install" and not _PACKAGE_MANAGER.search(code):
        kind = "connect"
    template = f"code.{'usage' if kind == 'example' else kind}"
    if CYRILLIC.search(name):
        template += ".context"
    return pack.ask(template, x=name)


class _Reader:
    """Finds the explained code of one note."""

    def __init__(self, note: Note, ctx: ExtractContext, pack: LanguagePack) -> None:
        self.note, self.ctx, self.pack = note, ctx, pack
        self.cards: list[Card] = []

    def section(self, section: Section) -> None:
        blocks = section.blocks
        last_code: CodeBlock | None = None
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if isinstance(block, CodeBlock):
                last_code = block
            if self.ctx.is_claimed(block) or not isinstance(block, Paragraph):
                continue
            fresh_code = isinstance(following, CodeBlock) and not self.ctx.is_claimed(following)
            if fresh_code and self._code(section, block, following):  # type: ignore[arg-type]
                continue
            self._params(section, block, following, last_code)

    def _code(self, section: Section, leadin: Paragraph, block: CodeBlock) -> bool:
        found = _leadin(self.pack, leadin)
        code = block.code.strip("\n")
        if found is None or not code.strip() or code.count("\n") + 1 > MAX_CODE_LINES:
            return False
        kind = found[0]
        name, own = _name_for(self.pack, self.note, section, leadin, found, code)
        if not name:
            return False
        front = _ask(self.pack, kind, name, code)
        confidence = CONFIDENCE[kind] - (0 if own else FALLBACK_NAME_PENALTY)
        html = highlight_code(code, block.language)
        self._card(section, leadin, (leadin, block), front, code, html, kind, confidence)
        return True

    def _params(
        self,
        section: Section,
        paragraph: Paragraph,
        following: Block | None,
        code: CodeBlock | None,
    ) -> None:
        """ "Первый параметр — …" sentences, or "Параметры:" and a list."""
        text = paragraph.text.strip()
        label = starts_with_cue(self.pack, "code.params.label", fold(text))
        if text.endswith(":") and len(text.split()) <= MAX_LEADIN_WORDS and label:
            if (
                isinstance(following, ListBlock)
                and len(following.items) <= MAX_PARAM_ITEMS
                and not self.ctx.is_claimed(following)
            ):
                items = [i.text.strip() for i in following.items if i.text.strip()]
                back = "\n".join(f"- {item}" for item in items)
                html = "<ul>" + "".join(f"<li>{spans_html(_first(i))}</li>"
                                        for i in following.items) + "</ul>"  # fmt: skip
                name = self._param_name(paragraph, code)
                if name and items:
                    front = _ask(self.pack, "params", name)
                    used = (paragraph, following)
                    self._card(section, paragraph, used, front, back, html, "params")
            return
        first, more = (
            self.pack.cues.get("code.params.first"),
            self.pack.cues.get("code.params.next"),
        )
        if not first or not more or not _cue_search(first).search(fold(text)):
            return  # most paragraphs name no parameter: no sentences to split
        sentences = [sentence_text(s) for s in split_sentences(paragraph.spans)]
        hits = [i for i, s in enumerate(sentences) if _cue_search(first).search(fold(s))]
        if not hits:
            return  # "the second argument stdout" alone explains no call's parameters
        start = hits[0]
        kept = [sentences[start]]
        for sentence in sentences[start + 1 : start + MAX_PARAM_SENTENCES]:
            if (
                not _cue_search(more).search(fold(sentence))
                or len(" ".join([*kept, sentence])) > MAX_PARAM_CHARS
            ):
                break
            kept.append(sentence)
        back = " ".join(kept)
        if len(back) > MAX_PARAM_CHARS or not _cue_search(more).search(fold(back)):
            return  # only the first parameter explained: half an answer
        name = self._param_name(paragraph, code, sentences[start])
        if name:
            front = _ask(self.pack, "params", name)
            self._card(section, paragraph, (paragraph,), front, back, None, "params")

    def _param_name(self, paragraph: Paragraph, code: CodeBlock | None, sentence: str = "") -> str:
        """The call whose parameters are explained: inline code in the lead-in or
        before "the first parameter" ("In `add_argument`, the first …"), else the call
        of the code block just before. Code after the cue names a parameter."""
        text = sentence or paragraph.text
        first = self.pack.cues.get("code.params.first")
        found = _cue_search(first).search(fold(text)) if first and sentence else None
        head = text[: found.start()] if found is not None else text
        for span in paragraph.spans:
            candidate = span.text.strip()
            is_name = bool(_CALL.search(candidate + "(")) and " " not in candidate
            if span.kind == "code" and candidate and candidate in head and is_name:
                return candidate.removesuffix("()")
        return _main_call(code.code) if code is not None else ""

    def _card(
        self,
        section: Section,
        first: Paragraph,
        used: tuple[Block, ...],
        front: str,
        back: str,
        back_html: str | None,
        kind: str,
        confidence: float | None = None,
    ) -> None:
        confidence = CONFIDENCE[kind] if confidence is None else confidence
        evidence = f"{kind}: {first.text.strip()[:80]}"
        prose = back if kind == "params" else front  # code is not prose: guard the words
        reason = keep_mined(front, prose, self.pack)
        if reason:
            confidence, evidence = 0.0, f"guard: {reason}"
        for block in used:
            self.ctx.claim(block)
        self.cards.append(
            self.ctx.card(
                kind=KIND,
                extractor=NAME,
                rule=f"{NAME}.{kind}",
                confidence=round(confidence, 2),
                evidence=evidence,
                anchor=f"{front} › {back[:200]}",
                front=front,
                back=back,
                back_html=back_html,
                line=first.line,
                section=section if section.heading else None,
            )
        )


@cache
def _cue_search(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{pattern})")


def _first(item: Block) -> tuple:
    paragraph = next((b for b in getattr(item, "blocks", ()) if isinstance(b, Paragraph)), None)
    return paragraph.spans if paragraph is not None else ()


def extract_explained_code(note: Note, ctx: ExtractContext) -> list[Card]:
    """One card per lead-in and its code, and per explanation of a call's parameters."""
    pack = pack_for(note.lang)
    if pack is None or not pack.cues.get("code.syntax"):
        return []
    reader = _Reader(note, ctx, pack)
    for section in note.sections:
        reader.section(section)
    return reader.cards
