"""Language packs: everything that differs between the languages notecards asks in.

One module per language (`ru.py`, `en.py`) holds a `PACK`: the question templates the
extractors fill, and the word lists their guards read (headings that name no subject,
words that point elsewhere). Extractors ask the pack of the note's language and hold no
`lang == "ru"` branches of their own; a new language is a new module here and a line in
`PACKS`. A note whose language has no pack gets its explicit cards only (the registry
checks `pack_for`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from notecards.text.fill import fill

_NEVER = re.compile(r"(?!)")


@dataclass(frozen=True, slots=True)
class SetLeadIn:
    """A lead-in that announces a closed set ("Есть несколько способов X:", "Types of
    X:"): its shape, and the question (a template name) that asks for the members.

    The template is filled with the regex's named groups; `nouns` maps a group's word
    as the lead-in inflects it ("способов") to the form the question needs ("способы")."""

    regex: re.Pattern[str]
    question: str
    nouns: Mapping[str, str] = field(default_factory=dict)


def _false(words: list[str]) -> bool:
    return False


def _false_text(text: str) -> bool:
    return False


def _no_title(text: str) -> str | None:
    return None


def _same(text: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class LanguagePack:
    """The words of one language: templates by name, and the word sets guards use."""

    code: str
    name: str
    # question templates by name, "{name}" placeholders; filled by `ask` only
    questions: Mapping[str, str]
    # headings that name no subject ("Введение", "Overview"): never a question's subject
    generic_headings: frozenset[str] = field(default_factory=frozenset)
    # words whose referent is elsewhere: a question holding one cannot be answered alone
    demonstratives: frozenset[str] = field(default_factory=frozenset)
    # the same for phrases only a pattern finds ("what does it …", "он будет …")
    dangling_patterns: tuple[re.Pattern[str], ...] = ()
    # an answer holding one of these only points at what follows ("the following")
    pointers: tuple[str, ...] = ()
    # words a finished phrase does not end with (prepositions, conjunctions, articles)
    unfinished_endings: frozenset[str] = field(default_factory=frozenset)
    # first-person words, and tags or note types, that mark personal writing
    first_person: frozenset[str] = field(default_factory=frozenset)
    personal_tags: frozenset[str] = field(default_factory=frozenset)
    # cue phrases by name, as regular-expression alternatives matched case-insensitively
    # at a word boundary ("что такое|зачем"): how the language asks, sums up, sets a task
    cues: Mapping[str, str] = field(default_factory=dict)

    # --- lists, procedures and headings (issue 11: lists read for what they are) ---
    # word stems that, in a heading or the sentence before a list, announce a process
    process_words: tuple[str, ...] = ()
    # a lead-in sentence that announces steps ("Чтобы …, нужно:", "To …, you need to:")
    process_leadin: re.Pattern[str] = _NEVER
    # words that put items in order ("сначала", "затем"; "first", "then")
    order_words: frozenset[str] = field(default_factory=frozenset)
    # word stems that make a list of short nouns an order to learn ("уровни", "layers")
    ranking_words: tuple[str, ...] = ()
    # whether an item's first words are an order ("Откройте", "Run") / an action (an
    # order, or a subject and its verb)
    is_order: Callable[[list[str]], bool] = _false
    is_action: Callable[[list[str]], bool] = _false
    # whether the words after a set's noun say what it is for ("избежать X", "to do X")
    is_goal: Callable[[list[str]], bool] = _false
    # lead-ins that announce a set, not a process, and the question for its members
    set_leadins: tuple[SetLeadIn, ...] = ()
    # set nouns whose members are used for something ("способы", "methods"): the item
    # question asks what the member is for rather than what it is
    purpose_nouns: tuple[str, ...] = ()
    # word stems of lists of pros and cons ("Недостатки:", "Pros"): their labels are
    # opinions ("Сложность масштабирования"), not terms to ask about
    evaluation_words: tuple[str, ...] = ()
    # procedures: an introduction's shapes (regex, style) naming the procedure, and the
    # names that say "here are steps" without naming them
    procedure_intros: tuple[tuple[re.Pattern[str], str], ...] = ()
    procedure_generic_name: re.Pattern[str] = _NEVER
    procedure_generic_headings: frozenset[str] = field(default_factory=frozenset)
    # the object of "рассмотрим X" as a title ("установку X" → "установка X"), or None
    object_as_title: Callable[[str], str | None] = _no_title
    # headings that are tasks or parts, not subjects ("Задача", "Lecture", "Week")
    task_headings: frozenset[str] = field(default_factory=frozenset)
    # whether a noun phrase is plural ("HTTP headers"), where a question must agree
    is_plural: Callable[[str], bool] = _false_text
    # enumerations: "и другие" / "and others", the joining "и" / "and"
    words: Mapping[str, str] = field(default_factory=dict)

    # --- a question's subject (text.topics) ---
    # what opens a title without naming its subject ("Lecture 7 -", "Глава 2.")
    topic_prefix: re.Pattern[str] = _NEVER
    # words around a title's subject that are not part of it ("Docker basics")
    topic_suffix: re.Pattern[str] = _NEVER
    # a title that asks about its subject ("Что такое X", "What is X"): group `x`
    topic_question: re.Pattern[str] = _NEVER
    # what follows a subject after a spaced dash, a colon or in brackets and only
    # qualifies it ("Kafka - More Detail", "Docker (part 2)", "Git: введение")
    topic_qualifier: re.Pattern[str] = _NEVER
    # a title that names a course, a collection, an event or the note itself, not a
    # subject ("Coursera Course", "Question for Anna", "Тех собеседование в …")
    topic_meta: re.Pattern[str] = _NEVER
    # a title in this language spelled in another script ("Arkhitektura prilozhenii"):
    # a URL's name, no subject; read for notes in this language only ("Khan Academy")
    topic_transliterated: re.Pattern[str] = _NEVER
    # section labels that are never a subject ("Basic Concepts", "Преимущества и
    # недостатки"): the enclosing heading or the note's subject is
    topic_labels: frozenset[str] = field(default_factory=frozenset)
    # a section label's opening ("Сравнение с горутинами", "Пример …", "Comparison with
    # threads"): what follows it is what the section compares or shows, not its subject
    topic_label_opening: re.Pattern[str] = _NEVER
    # folder names that name no subject ("notes", "inbox", "собес"): read across packs,
    # since a vault's folders need not be in its notes' language
    topic_folders: frozenset[str] = field(default_factory=frozenset)
    # whether a title is a sentence ("Знакомимся с X") or an adjective alone
    # ("Кооперативная"), and whether words are a person's name ("Eli Bendersky")
    is_sentence: Callable[[str], bool] = _false_text
    is_person: Callable[[str], bool] = _false_text
    # the reverse question ("What is the term for: X?") that `in_topic` words as one
    # question with `topic.term_for` (group `d`), not "<topic>: what is the term for: X?"
    term_for: re.Pattern[str] = _NEVER
    # definitions that do not define: "one of …" says only where the term belongs, and
    # a short "a way to …" / "the default one" names no property of its own
    vague_openings: tuple[str, ...] = ()
    thin_openings: tuple[str, ...] = ()

    # --- h17-lists ---
    # HTTP messages in code (http_messages): words that make a note about HTTP (in its
    # title, tags, folders or the headings above the block); those that make HTTP its
    # main subject (title, tags, folders), so every field shown is glossed; and prose
    # that explains request lines (methods) or status lines (codes)
    http_topic: re.Pattern[str] = _NEVER
    http_central: re.Pattern[str] = _NEVER
    http_request_prose: re.Pattern[str] = _NEVER
    http_status_prose: re.Pattern[str] = _NEVER
    # the title of a note nobody named ("Untitled 2", "Без названия"): a draft
    draft_title: re.Pattern[str] = _NEVER
    # a set's subject that names no set of its own ("Examples of …", "Topics", "Other
    # methods", "Each rule"): its members are not a card
    meta_subject: re.Pattern[str] = _NEVER
    # what leads into examples at the end of a lead-in ("such as", "e.g.", "например")
    example_tail: re.Pattern[str] = _NEVER
    # a claim told as a story ("у вас", "you'll", "мы создавали") or one that only
    # announces a difference ("Another difference is that …"): no "why" card
    narrative: re.Pattern[str] = _NEVER
    announces_difference: re.Pattern[str] = _NEVER
    # set nouns whose members are aspects of one thing ("характеристики", "features"):
    # a member's value, not its label, is what there is to know ("Методы: GET, POST")
    attribute_nouns: re.Pattern[str] = _NEVER
    # --- h17-defs ---
    # definitions (extractors/definitions.py), matched case-insensitively: a term that is
    # not a term (an evaluation "отличный список", "X vs Y", "examples of …", a label
    # "Problem"); a back that does not define (opens with "про"/"about", leans on another
    # definition with "тоже"/"too" or ", а Y — …", one evaluative word); a back that only
    # expands an acronym ("short for X", group `x`: a stands-for card)
    not_a_term: re.Pattern[str] = _NEVER
    not_a_definition: re.Pattern[str] = _NEVER
    expands_acronym: re.Pattern[str] = _NEVER
    # a one-word back that is no noun ("неправильно"): an evaluation, not a definition
    is_evaluation: Callable[[str], bool] = _false_text
    # reversals: a description that is no noun phrase naming one thing (an aside "e.g.",
    # "we", "one in which", a footnote number), an answer that is no term (a gerund with
    # its object "Maximising the …", an adjective phrase "Fundamental to …"), and the
    # context after a term ("указатели в Go": group `context`) that the answer drops
    not_a_description: re.Pattern[str] = _NEVER
    # a letter of the language: a description without one is in another language, and a
    # question in this one around it reads as two languages glued
    letters: re.Pattern[str] = _NEVER
    not_an_answer: re.Pattern[str] = _NEVER
    answer_context: re.Pattern[str] = _NEVER
    # a back or a description that opens with a verb, a short participle or a particle
    # ("связан с …", "вызвать метод …", "лишь строка …"): a predicate, no noun phrase
    opens_with_predicate: Callable[[str], bool] = _false_text
    # a back that opens with a finite verb ("**X**: Sets the limit …", "хранит …") says
    # what the term does: the card asks "What does X do?", not "What is X?"
    opens_with_verb: Callable[[str], bool] = _false_text
    # how a reversal's description singles out its term: the words that end its genus
    # ("a broker" | "that …", "of …"), and words that distinguish nothing ("used",
    # "typically", "специальный")
    genus_end: re.Pattern[str] = _NEVER
    weak_words: frozenset[str] = field(default_factory=frozenset)
    # a term as a question asks it ("const keyword" → "the const keyword"): every
    # "What is X?" template of the language fills in `as_asked(X)`
    as_asked: Callable[[str], str] = _same
    # --- h18-defback ---
    # a definition's back (extractors/definition_backs.py): words that judge rather than
    # distinguish ("fundamental", "важный"); words after the genus that open a purpose
    # or a domain ("for", "used", "in"; "для", "в"): where the thing belongs, not what it
    # is; words that open a clause of its own ("that", "который"); the opening of a next
    # sentence that goes on about the defined thing ("It works by", "Он нужен, чтобы")
    # and of one that turns elsewhere ("For example", "However", "This section"); a back
    # that opens with a measure or a number ("Approximately 512 KB", "около 2 МБ"), and
    # a word that is an adjective (a back that lists properties, no thing); whether a
    # noun phrase's head comes before its genitives ("позиция подстроки") or last
    back_evaluative: re.Pattern[str] = _NEVER
    back_hedges: re.Pattern[str] = _NEVER  # "usually", "часто": count nothing, judge nothing
    back_side: re.Pattern[str] = _NEVER
    back_clause: re.Pattern[str] = _NEVER
    back_continues: re.Pattern[str] = _NEVER
    back_aside: re.Pattern[str] = _NEVER
    back_measure: re.Pattern[str] = _NEVER
    is_adjective: Callable[[str], bool] = _false_text
    head_first: bool = False
    # what, after a comma that cut a back, goes on with its thought (", such as", ", e.g.")
    back_goes_on: re.Pattern[str] = _NEVER
    # --- h18-deffront ---
    # definition fronts a blind reader found garbled (issue 11, session 7): a back that
    # only judges its term ("a bit more tricky", "важная вещь", "the best format for …"),
    # a term that is an activity ("converting … to …", "умение писать …", "понимание
    # различий …"), an inverted copula ("Fundamental to X", "Главное в X"), a reversal's
    # description that is a clause ("iterations tend to …", "…, он позволяет …"), and the
    # category nouns ("broker", "библиотека") whose description needs a detail of its own
    evaluative_answer: re.Pattern[str] = _NEVER
    activity_term: re.Pattern[str] = _NEVER
    inverted_copula: re.Pattern[str] = _NEVER
    clause_description: re.Pattern[str] = _NEVER
    category_noun: re.Pattern[str] = _NEVER
    # what opens a description that names the term ("the general term for …"): the
    # reversal asks what follows it; words after a term that belong to the sentence
    # ("containerization itself", "X sometimes refers to"): the term is without them
    names_the_term: re.Pattern[str] = _NEVER
    term_aside: re.Pattern[str] = _NEVER
    # --- h19-defback ---
    # backs that say something about a term but not what it is (definition_backs,
    # `defines_nothing`): a genus that classifies nothing ("concept", "tool",
    # "инструмент", "искусство"), a genus that only points to another ("type", "special
    # case", "разновидность": its "of X" is the real genus), a role in the note's story
    # ("resource", "factor", "ресурс", "причина"), a back that says where the term is
    # used or what it is not ("a term used by …", "термин, который используется …"), a
    # reason given after a judgement ("because", "потому что"), and determiners that
    # point at a referent elsewhere ("this", "such", "эти", "данный")
    back_meta_genus: re.Pattern[str] = _NEVER
    back_kind_genus: re.Pattern[str] = _NEVER
    back_role_genus: re.Pattern[str] = _NEVER
    back_usage: re.Pattern[str] = _NEVER
    back_because: re.Pattern[str] = _NEVER
    back_pointing: re.Pattern[str] = _NEVER
    # --- h19-deffront ---
    # reversals a blind reader found ambiguous or garbled (issue 11, session 8): what
    # explains the genus rather than the term (", meaning …", ", то есть …": it singles
    # out nothing), residue of the note in a description ("(пункт 5)", "[HTML Spec]"),
    # words whose referent is elsewhere or personal ("the corresponding URL", "all other
    # files", "you want"), and a genus that names no kind ("the outcome of …", "итог …")
    explains_genus: re.Pattern[str] = _NEVER
    description_residue: re.Pattern[str] = _NEVER
    leans_elsewhere: re.Pattern[str] = _NEVER
    meta_genus: re.Pattern[str] = _NEVER
    # a bold label in a heading's Title Case that a question cannot give its article
    # ("What is Uniform Block Size?"): a label of the note's list, not a term
    title_case_label: Callable[[str], bool] = _false_text
    # words of opinion in a reversal's description ("зрелый и очень гибкий бандлер", "a
    # popular library"): an opinion fits many terms; technical adjectives ("central
    # vertex", "critical section", "primary key") are not among them
    judging_words: re.Pattern[str] = _NEVER

    def ask(self, template: str, /, **values: str) -> str:
        """The question `template` names, with its placeholders filled in one pass.

        Values are note text: they are inserted as they are and never read again as a
        template, so braces, `%s` or `{0}` in a note cannot change a question or raise.
        """
        return fill(self.questions[template], **values)

    def in_topic(self, question: str, topic: str) -> str:
        """`question` asked within `topic` ("Git: что такое staging area?"), for a term
        that is generic outside its subject (`text.topics.needs_topic`); the question's
        first letter is lowered unless it starts a name ("What" → "what", "HTTP" stays)."""
        if not topic:
            return question
        reverse = self.term_for.match(question)
        if reverse and "topic.term_for" in self.questions:
            return self.ask("topic.term_for", topic=topic, d=reverse.group("d"))
        first = question.split(" ", 1)[0]
        if first[:1].isupper() and first[1:].islower():
            question = question[:1].lower() + question[1:]
        return self.ask("topic.question", topic=topic, question=question)


def _load() -> dict[str, LanguagePack]:
    from notecards.lang import en, ru

    return {pack.code: pack for pack in (ru.PACK, en.PACK)}


PACKS: dict[str, LanguagePack] = _load()


def pack_for(code: str) -> LanguagePack | None:
    """The pack of language `code`, or None when notecards does not ask in it."""
    return PACKS.get(code)
