"""What every extractor shares: the context it reads and the one way cards are made.

An extractor is a function `(note, ctx) -> list[Card]`. Extractors run in the order of
the registry (explicit syntax first); each marks the blocks it turned into cards as
claimed, so later, guessing extractors do not mine them again, and marks the sections
it covered, so the heading extractor only fills gaps.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from notecards.ids import card_id_from, card_id_start, normalize_anchor, note_identity
from notecards.lang import LanguagePack, pack_for
from notecards.media_refs import MediaResolver
from notecards.model import Block, Card, CodeBlock, Note, NoteType, Problem, Section
from notecards.render.markup import EmbedNote, RenderContext, text_html
from notecards.switches import EXPLICIT_EXTRACTORS
from notecards.text.domains import (
    belongs_to,
    folder_domain,
    is_domain_name,
    names_a_thing,
    written_as_name,
)
from notecards.text.note_text import NoteText
from notecards.text.sentences import ENGLISH_ARTICLES
from notecards.text.topics import (
    BARE_LIMIT,
    carries_topic,
    foreign_topic,
    is_named,
    names_one_thing,
    needs_topic,
    note_topic,
    section_topic,
    shares_a_word,
    subject_for,
)
from notecards.text.topics import folder_topic as subject_of_folders

_INLINE_CODE = re.compile(r"`([^`\n]+)`")

EXPLICIT_TAG = "notecards/explicit"  # Anki shows `notecards::explicit`: cards the user wrote
MINED_TAG = "notecards/mined"  # cards mined from prose

_SRC = re.compile(r'src="([^"]+)"')
MAX_NAME_WORDS = 3  # an identifier carries its subject when it is what is asked, not a question


def _names(front: str, topic: str) -> bool:
    """Whether `front` already names `topic` as words of its own ("Go maps: how …?"); a
    word that only holds its letters does not ("What is a goroutine?" under "Go", "What
    is a chain?" under "AI")."""
    return re.search(rf"(?<!\w){re.escape(topic)}(?!\w)", front, re.IGNORECASE) is not None


def _block_key(block: Block) -> tuple[int, int, type]:
    """A block's place and type: a list, its first item and that item's first paragraph
    start on one line, and claiming one of them must not claim the others."""
    return block.line, block.end_line, type(block)


@dataclass
class ExtractContext:
    """Per-note state shared by the extractors of one run."""

    note: Note
    vault: MediaResolver | None = None
    note_path: Path | None = None
    allow_remote: bool = False
    embed_note: EmbedNote | None = None  # renders `![[Other note]]` (the pipeline's)
    extra_tags: tuple[str, ...] = ()  # added to the note's tags on every card
    identity: str = ""  # what card ids hash for the note (ids.note_identity; '' = work it out)
    threshold: float = 0.0  # the note's threshold: cards less sure are not built (`kept`)
    claimed: set[tuple[int, int, type]] = field(default_factory=set)  # blocks already used
    covered: set[int] = field(default_factory=set)  # lines of sections that have cards
    text: NoteText = field(default_factory=NoteText)  # sentences, read once per note
    render: RenderContext = field(init=False)
    tags: tuple[str, ...] = field(init=False)  # every card's tags (and one origin tag)
    deck: str = field(init=False)  # every card's deck
    # the note's subject (front matter title, first H1, file name; text.topics): what a
    # front names when its term is generic ("Git: что такое staging area?", pack.in_topic)
    topic: str = field(init=False)
    folder_topic: str = field(init=False)  # what the note's folders name ("Go", "PyTorch")
    # what `normalize_anchor` and `source_of` answered for this note: card ids and
    # `finalize` normalize the same anchors and fronts, and cards share sections
    # what an extractor tells the user about the note (a cloze number Anki cannot take)
    problems: list[Problem] = field(init=False, default_factory=list)
    _normals: dict[str, str] = field(init=False, default_factory=dict)
    _sources: dict[tuple[str, ...], str] = field(init=False, default_factory=dict)
    _id_starts: dict[str, hashlib._Hash] = field(init=False, default_factory=dict)  # by kind
    _origin_tags: tuple[tuple[str, ...], tuple[str, ...]] = field(init=False, default=((), ()))

    def __post_init__(self) -> None:
        self.tags = (*self.note.tags, *self.extra_tags)
        self._origin_tags = ((*self.tags, EXPLICIT_TAG), (*self.tags, MINED_TAG))
        self.deck = self.note.deck or self.note.title
        self.identity = self.identity or note_identity(self.note.path, self.note.meta)
        pack = pack_for(self.note.lang)
        self.topic = note_topic(self.note, pack) if pack is not None else ""
        self.folder_topic = subject_of_folders(self.note.path, pack.code) if pack else ""
        self.render = RenderContext(
            self.vault, self.note_path, self.allow_remote, embed_note=self.embed_note
        )

    @cached_property
    def source(self) -> str:
        """The note's headings and the Markdown of its top-level blocks (no front
        matter), joined once per note: what an extractor's `needs` is looked for in."""
        parts = []
        for section in self.note.sections:
            parts.append(section.heading)
            parts += (block.source for block in section.blocks)
        return "\n".join(parts)

    def kept(self, confidence: float) -> bool:
        """Whether a mined card this sure passes the note's threshold. The registry drops
        one that does not, so an extractor need not build it (fields, HTML, id): most
        mined candidates fall below (`cards --all` runs with threshold 0 and builds all).
        What the extractor claims or covers must not depend on this."""
        return confidence >= self.threshold

    def claim(self, block: Block, section: Section | None = None) -> None:
        self.claimed.add(_block_key(block))
        if section is not None:
            self.covered.add(section.line)

    def is_claimed(self, block: Block) -> bool:
        """Whether `block` made cards already; `_block_key` written out, since every
        extractor asks it of nearly every block."""
        claimed = self.claimed
        return bool(claimed) and (block.line, block.end_line, type(block)) in claimed

    @cached_property
    def words(self) -> str:
        """The note's blocks as written (not its headings, which are in Title Case):
        how it writes a word tells a name ("in Kafka") from a common noun ("a sequence")."""
        blocks = (b for s in self.note.sections for b in s.blocks)
        return "\n".join(b.source for b in blocks if not isinstance(b, CodeBlock))

    @cached_property
    def domain(self) -> str:
        """The technology or field the note is about (`text.domains`): its title when the
        title is one ("Kafka"), else its nearest folder that is one ("go/core/errors/" →
        "Go"); "" when neither is."""
        if self.topic and is_domain_name(self.topic, self.words):
            return self.topic
        return self.folder_domain

    @cached_property
    def folder_domain(self) -> str:
        """The nearest folder that names a technology ("C++/Syntax/Declarations/" →
        "C++"), or ""."""
        return folder_domain(self.note.path, self.words)

    @cached_property
    def folder_subject(self) -> str:
        """What the folders name: a technology above a category folder ("Go" over "data
        structures"), else the nearest folder that names anything (`folder_topic`)."""
        return self.folder_domain or self.folder_topic

    def _is_name(self, topic: str) -> bool:
        return topic == self.domain or names_a_thing(topic, self.words)

    def topic_of(self, section: Section | None, term: str = "") -> str:
        """The subject a question in `section` is asked within: the note's, else the
        nearest enclosing heading that names one, else its folders' ("" when nothing does).
        Given the asked `term`, the note's domain instead when the term does not belong
        to that title or heading (`text.domains.belongs_to`: "The Panic Interface" →
        "Go: what is recover?")."""
        pack = pack_for(self.note.lang)
        if pack is None:
            return ""
        topic = section_topic(section, pack, self.topic, self.folder_subject)
        domain = self.domain
        if not (term and domain and topic) or shares_a_word(topic, domain):
            return topic  # a topic that names the domain is part of it ("Планировщик Go")
        if len(topic.split()) > 1 and self._narrowed_by_title(term):
            return topic  # "Cache Memories: what is a line?", not "CSAPP: what is a line?"
        return topic if belongs_to(term, topic, self._is_name(topic)) else domain

    def _narrowed_by_title(self, term: str) -> bool:
        """A single common word ("line", "set", "the gap", "history") takes its meaning from
        a topic of several words, which narrows it more than the domain would ("CSAPP: what
        is a set?" fits half the book; a one-word title, "Обработка", is more often a
        label); a word the note's code uses ("defer", "recover") is the language's own
        keyword, asked within the language."""
        words = [w for w in term.split() if w.lower() not in ENGLISH_ARTICLES]
        if len(words) != 1 or not words[0].isalpha() or not words[0].islower():
            return False
        return re.search(rf"\b{re.escape(words[0])}\b", self.code_text) is None

    @cached_property
    def code_text(self) -> str:
        """The note's code: its code blocks and inline code spans."""
        blocks = [b.code for s in self.note.sections for b in s.blocks if isinstance(b, CodeBlock)]
        return "\n".join([*blocks, *_INLINE_CODE.findall(self.words)])

    def topic_for(self, term: str, section: Section | None) -> str:
        """`topic_of(section, term)`, or the folder's subject when `term` is the note's
        own generic subject ("Bash: what are local variables?", `text.topics.subject_for`)."""
        return subject_for(term, self.topic_of(section, term), self.folder_subject)

    def _generic_question(self, question: str, pack: LanguagePack) -> bool:
        """Whether a question heading asks about something generic in its field ("What
        is Broadcasting?", "Why Use Generics?"): no word of what it asks is a name, by
        its shape ("useState", "DNS") or by how the note writes it ("Unicode" is written
        with its capital mid-sentence, "broadcasting" is not)."""
        asked = pack.topic_question.match(question.strip())
        term = asked.group("x") if asked else question.rstrip("?")
        words = [w.strip("`'\"«»,.;:!?") for w in term.split()]
        if pack.code != "en" and any(w[:1].isupper() for w in question.split()[1:]):
            return False  # a capital inside a Russian question is a name ("Teleport")
        return not any(w and (is_named(w) or written_as_name(w, self.words)) for w in words)

    def asked_within(
        self,
        front: str,
        about: str,
        section: Section | None,
        confidence: float,
        *,
        subject: str = "",
        may_stand_alone: bool = False,
    ) -> tuple[str, float]:
        """The one rule for a front whose asked thing, `about`, may need its subject:
        `front` asked within the subject (`subject` when the sentence names one, "In
        UNIX computing, …"; else `topic_for`) when `about` is generic or one of the
        subject's own identifiers ("Git: что такое staging area?", "CMake: what is
        WorkerNum?"); left at most BARE_LIMIT sure when it is generic and nothing names
        its subject, unless `may_stand_alone` (a question heading asked as written)."""
        pack = pack_for(self.note.lang)
        if pack is None or not about.strip() or not front.rstrip().endswith("?"):
            return front, confidence  # "TTL: the resolver caches …" names its term already
        topic = subject or self.topic_for(about, section)
        if foreign_topic(topic, pack.code):
            topic = ""  # "Environment and execution contexts: как называется …?"
        its_own = len(about.split()) <= MAX_NAME_WORDS and carries_topic(about, topic)
        if topic and (subject or needs_topic(about, topic) or its_own):
            if not _names(front, topic):
                front = pack.in_topic(front, topic)
            return front, confidence
        if not topic and not may_stand_alone and not names_one_thing(about):
            return front, min(confidence, BARE_LIMIT)
        domain = self.domain
        if (
            may_stand_alone
            and about.rstrip().endswith("?")
            and domain
            and not foreign_topic(domain, pack.code)
            and not _names(front, domain)
            and not (topic and _names(front, topic))
            and self._generic_question(about, pack)
        ):
            return pack.in_topic(front, domain), confidence  # "NumPy: what is broadcasting?"
        return front, confidence

    def source_of(self, section: Section | None) -> str:
        path = section.path if section is not None else ()
        source = self._sources.get(path)
        if source is None:
            source = self._sources[path] = " › ".join((self.note.title, *path))
        return source

    def normalized(self, text: str) -> str:
        """`normalize_anchor(text)`, each distinct text of the note worked out once."""
        normal = self._normals.get(text)
        if normal is None:
            normal = self._normals[text] = normalize_anchor(text)
        return normal

    def card(
        self,
        *,
        kind: str,
        extractor: str,
        anchor: str,
        front: str,
        back: str,
        line: int,
        section: Section | None,
        rule: str,
        confidence: float,
        evidence: str = "",
        model: NoteType = "basic",
        front_html: str | None = None,
        back_html: str | None = None,
        items: tuple[str, ...] = (),
        group: str = "",
        ord: int = 0,
        about: str = "",
        subject: str = "",
        may_stand_alone: bool = False,
    ) -> Card:
        """The one constructor of cards: identity, deck, tags and source come from here.

        `rule` names what found the card (`extractor.rule`), `confidence` is how often
        that rule's cards are worth keeping (0-1, measured with bench/quality.py), and
        `evidence` says what the rule saw; the registry applies the threshold. `about`
        is the term the front asks about, `subject` what its sentence names it within:
        given, the front is asked within its subject when it needs one, and a generic
        term with no subject is left under the threshold unless `may_stand_alone`
        (`asked_within`)."""
        if about:
            asked, confidence = self.asked_within(
                front, about, section, confidence, subject=subject, may_stand_alone=may_stand_alone
            )
            if asked != front:
                front, front_html = asked, None  # asked within its subject: render it anew
        fields = (
            front_html if front_html is not None else text_html(front),
            back_html if back_html is not None else text_html(back),
        )
        media: tuple[tuple[str, str], ...] = ()
        if self.render.media:  # most notes embed nothing: no fields to search
            used = {name for value in fields for name in _SRC.findall(value)}
            media = tuple(sorted((n, p) for n, p in self.render.media.items() if n in used))
        note = self.note
        start = self._id_starts.get(kind)
        if start is None:  # a note's cards are of a few kinds: each hash is begun once
            start = self._id_starts[kind] = card_id_start(self.identity, kind)
        identity = card_id_from(start, self.normalized(anchor))
        tags = self._origin_tags[extractor not in EXPLICIT_EXTRACTORS]
        return Card(
            id=identity, kind=kind, extractor=extractor, note=note.path, line=line,
            front=front.strip(), back=back.strip(), deck=self.deck, tags=tags, lang=note.lang,
            source=self.source_of(section), model=model, fields=fields, group=group or identity,
            ord=ord, items=items, media=media, mtime=note.mtime, rule=rule,
            confidence=confidence, evidence=evidence,
        )  # fmt: skip

    def written(
        self,
        *,
        extractor: str,
        front: str,
        back: str,
        front_html: str | None,
        back_html: str | None,
        line: int,
        section: Section,
        reverse: bool,
        rule: str,
        reverse_rule: str,
    ) -> list[Card]:
        """A card the user wrote in some card syntax (certain: confidence 1), and, when
        it goes both ways, its reverse: one Anki "Basic (and reversed)" note whose
        second card asks the back (Anki's template shows the same fields swapped)."""
        kind = "reversed" if reverse else "basic"
        first = self.card(kind=kind, extractor=extractor, rule=rule, confidence=1.0,
                          anchor=front, front=front, back=back, line=line, section=section,
                          model=kind, front_html=front_html, back_html=back_html)  # fmt: skip
        if not reverse:
            return [first]
        second = self.card(kind=kind, extractor=extractor, rule=reverse_rule, confidence=1.0,
                           anchor=f"{front}\n(reversed)", front=back, back=front, line=line,
                           section=section, model=kind, front_html=front_html,
                           back_html=back_html, group=first.id, ord=1)  # fmt: skip
        return [first, second]


ExtractFn = Callable[[Note, ExtractContext], list[Card]]


@dataclass(frozen=True, slots=True)
class Extractor:
    """A named extractor; `name` is what `notecards: {skip: [...]}` refers to."""

    name: str
    run: ExtractFn
    kinds: tuple[str, ...] = ()
    # False for card syntax the user wrote (certain); True for cards guessed from prose,
    # which need a language pack and pass the confidence threshold
    mined: bool = True
    # False for an extractor that runs the guards of `text.guards` itself, on the prose
    # of its cards only (a task card's code is not prose)
    guarded: bool = True
    # what must be in the note's blocks (`ExtractContext.source`) for the extractor to
    # find anything (cards, claims or problems); a note without it is not given to it,
    # which spares most notes most extractors. None: every note is run.
    needs: re.Pattern[str] | None = None
