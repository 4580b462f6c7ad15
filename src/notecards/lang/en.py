"""English: the questions notecards asks in English notes (and the words its guards read).

One module past 500 lines because a pack is one language's words for every extractor:
a translator reads and checks it as a whole, beside the other pack.
"""

from __future__ import annotations

import re

from notecards.lang import LanguagePack, SetLeadIn, en_terms
from notecards.text.sentences import word_set
from notecards.text.terms import looks_like_verb

# --- lists, procedures and headings (issue 11) ---------------------------------------

# Instructions ("Open a terminal", "Run the installer") start with one of these.
IMPERATIVES = word_set(
    """access activate add allocate append apply assign attach avoid build calculate call
    change check choose click clone close commit compare compile compute configure connect
    convert copy create declare define delete deploy determine disable divide download drag
    draw drop edit enable ensure enter execute exit export extract fetch fill find follow
    format generate get give go identify import increment initialise initialize insert
    install launch load locate log login make merge modify mount move multiply navigate
    note obtain open paste pick place plug prepare press print pull push put read reboot
    record register remove rename repeat replace request reset restart restore return
    review right-click double-click run save scroll search select send set sign sort
    specify start stop store submit subtract swap switch take tap test try turn type
    unzip update upload use validate verify visit wait write"""
)
_SUBJECT_VERB = re.compile(r"[a-z]{2,}(?:s|es|ed)")
_DETERMINERS = word_set("the a an each every both this that its our your their his her one")
_NOT_VERBS = word_set("this its is's has was as us bus process class access address status")


def _word(text: str) -> str:
    return text.lower().strip(".,:;!?()\"'`*_“”")


def starts_with_order(words: list[str]) -> bool:
    """ "Open the terminal": the item is an instruction."""
    return bool(words) and _word(words[0]) in IMPERATIVES


def is_goal(words: list[str]) -> bool:
    """ "(ways) to avoid callback hell": "to" and a verb say what the members are for."""
    return len(words) >= 2 and words[0].lower() == "to"


def is_action(words: list[str]) -> bool:
    """An item that does something: an instruction, or a subject and its verb in the
    present or past ("The client sends a ClientHello", "Server replies")."""
    if starts_with_order(words):
        return True
    first = _word(words[0]) if words else ""
    place = 2 if first in _DETERMINERS else 1  # the verb right after a short subject
    for raw in words[1 : place + 1]:
        word = _word(raw)
        if looks_like_verb(word):
            return True
    if len(words) > place and words[place].islower():
        word = _word(words[place])
        return bool(_SUBJECT_VERB.fullmatch(word)) and word not in _NOT_VERBS
    return False


def is_plural(phrase: str) -> bool:
    """ "Records", "HTTP headers": a last word in -s that is not -ss/-us/-is or an acronym."""
    words = phrase.split()
    last = words[-1] if words else ""
    if not last.isalpha() or last.isupper():
        return False
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


_SET_NOUN = (
    r"(?P<noun>ways|methods|types|kinds|approaches|options|principles|rules|levels|properties|"
    r"advantages|benefits|disadvantages|drawbacks|features|reasons|categories|modes|states|"
    r"values|techniques|components|elements|characteristics|patterns|functions|tools|"
    r"strategies|operators|operations|forms|classes)"
)
_FLAGS = re.IGNORECASE
_HTTP_METHOD = r"\b(?:GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD|CONNECT|TRACE)\b"
_REST_END = r"(?:\s+(?:are|is|include|includes|exist))?"


def _set(pattern: str, question: str) -> SetLeadIn:
    return SetLeadIn(re.compile(pattern, _FLAGS), question)


SET_LEADINS = (
    _set(
        r"^(?P<subject>.+?)\s+(?:can|may)\s+(?:take|have|be set to)\s+(?:the following|these|one of (?:the following|these))\s+values$",
        "set.values",
    ),
    _set(
        r"(?:^|\s)(?:several|many|a few|various|different|the following|these|\d+|two|three|four|five|six|seven|eight|main|key|basic|common|core|major|primary)\s+"
        + _SET_NOUN
        + r"\b(?P<rest>.*?)"
        + _REST_END
        + "$",
        "set.which",
    ),
    _set(
        r"^(?:the\s+)?" + _SET_NOUN + r"(?P<rest>\s+(?:of|to|for|in)\s+.+?)" + _REST_END + "$",
        "set.which",
    ),
    _set(
        r"^(?P<subject>.+?)\s+(?P<verb>includes|consists of|involves)(?:\s+(?:the following|these|several)(?:\s+\w+)?)?$",
        "set.includes",
    ),
    _set(
        r"^(?P<subject>.+?)\s+(?P<verb>include|consist of|involve)(?:\s+(?:the following|these|several)(?:\s+\w+)?)?$",
        "set.includes_plural",
    ),
)

_EN_DONE = r"(?:works|goes|proceeds|happens|looks|runs)(?:\s+roughly)?\s+(?:as follows|like this)"
_EN_CONSISTS = (
    r"(?:consists of|involves|takes|has)\s+(?:the following|these|several|a few|\w+)\s+"
    r"(?:steps|stages|phases)"
)
PROCEDURE_INTROS = tuple(
    (re.compile(pattern, _FLAGS), style)
    for pattern, style in (
        (r"(?:here(?:'s|’s| is| are)|this is|below is)\s+how\s+to\s+(?P<name>.+)", "howto"),
        (
            r"to\s+(?P<name>.+?),\s+(?:follow|do|take|perform|complete)\s+(?:these|the following|the)\s+steps",
            "howto",
        ),
        (r"(?:the\s+)?steps\s+to\s+(?P<name>.+)", "howto"),
        (
            r"(?:here(?:'s|’s| is| are)|this is|below is)\s+how\s+(?P<name>.+?)(?:\s+(?:works|happens|goes|is done))?",
            "named",
        ),
        (
            r"(?:(?:for example|for instance|as an example)\s*,?\s*)?(?:let(?:'s|’s| us)\s+(?:consider|look at|walk through|examine|trace)|consider)\s+(?P<name>.+)",
            "named",
        ),
        (
            rf"(?:(?:for example|for instance)\s*,?\s*)?(?P<name>.+?)\s+(?:{_EN_DONE}|{_EN_CONSISTS})",
            "named",
        ),
        (r"(?:the\s+)?steps\s+(?:for|of|in)\s+(?P<name>.+)", "named"),
        (r"(?:for example|for instance|as an example)\s*,?\s*(?P<name>.+)", "quoted"),
    )
)

# a question's subject (text.topics): what opens a title without naming its subject,
# words after the subject, and a title that asks about its subject
_TOPIC_PREFIX = re.compile(
    r"^(?:(?:lecture|lec|topic|chapter|chap|chp|ch|week|lesson|module|part|unit|session|seminar"
    r"|lab|tutorial|section)\b\s*(?:[\d.]+|[IVXLC]+\b)?\s*[-—–:.@]?|(?:an?\s+)?introduction\s+to"
    r"|intro\s+to|basics\s+of|(?:quick\s+)?summary\s+of|notes\s+on|internals\s+of|overview\s+of"
    r"|(?:interview\s+)?questions\s+(?:on|about)|more\s+(?:on|about))\s*",
    re.I,
)
_TOPIC_SUFFIX = re.compile(
    r"\s+(?:basics|overview|notes|cheat\s*sheet|fundamentals|terms|glossary|101|intro|summary"
    r"|syntax|nomenclature|terminology|notation"
    r"|in\s+(?:action|practice|depth|a\s+nutshell))$",
    re.I,
)
_TOPIC_QUESTION = re.compile(
    r"^(?:what\s+(?:is|are)(?:\s+an?|\s+the)?|what\s+does)\s+(?P<x>[^,?]+?)\s*(?:,.*)?\??$",
    re.I,
)
# "Kafka - More Detail", "Docker (part 2)", "Git: introduction": the subject is before it
_TOPIC_QUALIFIER = re.compile(
    r"(?:more\s+details?|in\s+(?:more\s+)?detail|details|part\s*(?:\d+|[IVX]+|one|two|three)"
    r"|pt\.?\s*\d+|continued|cont\.?|(?:an?\s+)?introduction|intro|overview|(?:the\s+)?basics"
    r"|notes|summary|review|recap|examples?|exercises?|practice|(?:a\s+)?deep\s+dive"
    r"|advanced(?:\s+topics)?|revision|cheat\s*sheet|fundamentals|key\s+(?:points|concepts|ideas)"
    r"|extras?|translation|course\s+notes|lecture\s+notes|bonus|optional|not\s+required|wip|draft)",
    re.I,
)
# a course, a collection, an event or the note itself: "<Site> Course", "Course notes",
# "Question for <Name>", "Midterm", "Exam prep", "Interview at <Company>"
_TOPIC_META = re.compile(
    r"^(?:.+\s)?course(?:\s+notes)?$|^courses?\b|^questions?\b|^(?:faq|midterms?|finals?|exams?"
    r"|quiz(?:zes)?|homework|assignments?|todo|inbox|drafts?|scratch(?:pad)?|untitled)\b"
    r"|\binterviews?\b|\bexam\s+(?:prep|review|notes|revision)\b|\bstudy\s+guide\b|\bquestions$"
    r"|\bmandatory\b|^more\b",
    re.I,
)
# what ends a common noun rather than a name ("Systems", "Scheduling", "Security")
_NOUN_ENDING = re.compile(
    r"(?:ing|tion|sion|ment|ness|ity|ics|ure|ance|ence|ogy|ism|s|ory|ary|age|ive|ous|ful|al"
    r"|ware|work|ure|ship|hood|ist|ure)$"
)


# verbs a title opens with when it is a sentence, not a subject ("Discover Graphs");
# IMPERATIVES would take "Merge Sort" and "Load Balancing" for orders
_TITLE_VERBS = word_set("discover explore learn understand meet introducing let's lets")


def is_title_sentence(title: str) -> bool:
    """ "Discover Graphs", "Let's build a parser": a title that is a sentence."""
    words = title.split()
    return len(words) >= 2 and _word(words[0]) in _TITLE_VERBS


def is_person(words: str) -> bool:
    """Two or three capitalised words none of which ends like a common noun ("Eli
    Bendersky", not "Operating Systems"): an author before a title, not a subject."""
    parts = words.split()
    if not 2 <= len(parts) <= 3:
        return False
    return all(
        re.fullmatch(r"[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)?", p) and not _NOUN_ENDING.search(p)
        for p in parts
    )


# fmt: off
_TOPIC_LABELS = frozenset({
    "basic concepts", "key concepts", "main concepts", "core concepts", "concepts",
    "key terms", "terms", "terminology", "definitions", "pros and cons",
    "advantages and disadvantages", "answer", "answers", "solution", "solutions",
    "problem", "the problem", "side note", "side notes", "more detail", "more details",
    "details", "important", "key points", "main ideas", "key ideas", "takeaways",
    "examples", "example", "lecture notes", "theory", "practice", "main idea", "the idea", "idea", "topics", "materials", "common", "general",
    "general things", "quotes", "links", "resources", "misc",
    "key takeaways", "main takeaways", "conclusion", "conclusions",
    # h18-subject: a section's label, never a subject a stranger accepts
    "features", "remarks", "additional remarks", "notes and remarks", "additional details",
    "extra", "extras",
    # h19-subject: a folder's label once "GettingStarted" reads "Getting Started"
    "getting started", "overview", "introduction",
})
# fmt: on


# --- h18-defback ---
_ADJECTIVE = re.compile(
    r"[a-z]+(?:able|ible|al|ful|ous|ive|ic|less|ent|ant|ary|ory|ish|est|ier)"
    r"|fast|slow|small|large|big|cheap|dear|high|low|short|long|new|old|hot|cold|safe"
    r"|easy|hard|simple|quick|light|heavy|tiny|huge|wide|narrow|thin|thick|volatile"
    r"|persistent|expensive|inexpensive|secure|insecure|reliable|unreliable",
    _FLAGS,
)


def is_adjective(word: str) -> bool:
    """ "fast", "volatile", "expensive": a word that says how a thing is (by its ending,
    English has no tagger here), for backs that list properties instead of a thing."""
    return _ADJECTIVE.fullmatch(word.strip(".,;:()")) is not None


PACK = LanguagePack(
    vague_openings=(
        "one of ",
        "an example",
        "example of ",
        "a bad example",
        "a good example",
        "something ",
        "some ",
    ),
    thin_openings=(
        "a way ",
        "the way ",
        "the default",
        "the same",
        "the recommended",
        "the main",
        "the primary",
        "the one",
        "a thing",
        "part of ",
        "a part of ",
    ),
    topic_prefix=_TOPIC_PREFIX,
    topic_suffix=_TOPIC_SUFFIX,
    topic_question=_TOPIC_QUESTION,
    code="en",
    name="English",
    questions={
        # headings.py: a short noun-phrase heading as a question
        "heading.what": "What is {h}?",
        "heading.what_plural": "What are {h}?",
        # procedures.py: "named" reads as a title, "quoted" is any other phrase,
        # "howto" a verb phrase from "Here is how to ..." / "To ..., do this"
        "procedure.named.step": "{Name} — step {n} of {total}: what happens?",
        "procedure.named.step-imperative": "{Name} — step {n} of {total}: what do you do?",
        "procedure.named.sequence": "{Name} — what are the steps, in order?",
        "procedure.named.window": "{Name} — what are steps {a}–{b} of {total}, in order?",
        "procedure.named.ranking": "{Name} — list them in order",
        "procedure.named.ranking-window": "{Name} — list items {a}–{b} of {total} in order",
        "procedure.quoted.step": "Procedure “{name}”, step {n} of {total}: what happens?",
        "procedure.quoted.step-imperative": "Procedure “{name}”, step {n} of {total}: what do you do?",
        "procedure.quoted.sequence": "Procedure “{name}”: what are the steps, in order?",
        "procedure.quoted.window": "Procedure “{name}”: what are steps {a}–{b} of {total}, in order?",
        "procedure.quoted.ranking": "List “{name}”: list the items in order",
        "procedure.quoted.ranking-window": "List “{name}”: list items {a}–{b} of {total} in order",
        "procedure.howto.step": "How to {name} — step {n} of {total}: what happens?",
        "procedure.howto.step-imperative": "How to {name} — step {n} of {total}: what do you do?",
        "procedure.howto.sequence": "How to {name} — what are the steps, in order?",
        "procedure.howto.window": "How to {name} — what are steps {a}–{b} of {total}, in order?",
        "procedure.howto.ranking": "How to {name} — list the steps in order",
        "procedure.howto.ranking-window": "How to {name} — list steps {a}–{b} of {total} in order",
        # --- lists (issue 11): labelled_items.py, one card per "**Label** – text" item
        "item.does": "What does {label} do?",
        "item.means": "What does {label} mean?",
        "item.what": "What is {label}?",
        "item.what_plural": "What are {label}?",
        "item.purpose": "What is “{label}” used for?",
        "item.goal": "How can {label} be used {goal}?",
        # the members of a set a lead-in announces
        "set.which": "What are the {noun}{rest}?",
        "set.which_adj": "What are the {adj} {noun}{rest}?",
        "set.includes": "What does {subject} include?",
        "set.includes_plural": "What do {subject} include?",
        "set.consists": "What does {subject} consist of?",
        "set.divides": "What is {subject} divided into?",
        "set.values": "What values can {subject} take?",
        # enumerations.py
        "enumeration.consists": "What does {s} consist of?",
        "enumeration.consists_plural": "What do {s} consist of?",
        "enumeration.blank": "{head} …{tail}",
        # h12-recall: questions.py, purposes.py, comparisons.py
        # text.topics: a generic term asked within its note's subject
        "topic.question": "{topic}: {question}",
        # the reversed question within its subject, one question, not two glued
        "topic.term_for": "In {topic}, what is the term for {d}",
        "question.topic": "What is the {topic}?",
        "question.topic_plural": "What are the {topic}?",
        "question.pair_ref": "which of {x} and {y}",
        "question.between": " between {x} and {y}",
        "question.versus": "What is the difference between {x} and {y}?",
        "purpose.for": "What is {x} used for?",
        "purpose.allows": "What does {x} let you do?",
        "purpose.responsible": "What is {x} responsible for?",
        "purpose.returns": "What does {x} return?",
        "purpose.how": "How do you {goal}?",
        "reason.why": "Why {claim}?",
        "comparison.pros": "What are the advantages of {x}?",
        "comparison.cons": "What are the drawbacks of {x}?",
        "comparison.pros.context": "{x}: what are the advantages?",
        "comparison.cons.context": "{x}: what are the drawbacks?",
        # h12-recall: rules.py, explained_code.py
        "rule.remember": "What should you keep in mind about {x}?",
        "rule.rule": "What is the rule for {x}?",
        "rule.list": "What are the rules {x}?",
        "rule.context": "{heading}",
        "code.syntax": "What is the syntax of {x}?",
        "code.syntax.context": "What is the syntax of {x}?",
        "code.install": "How do you install {x}?",
        "code.install.context": "How do you install {x}?",
        "code.connect": "How do you set up {x}?",
        "code.connect.context": "How do you set up {x}?",
        "code.usage": "How do you use {x}?",
        "code.usage.context": "How do you use {x}?",
        "code.params": "What parameters does {x} take?",
        "code.params.context": "What parameters does {x} take?",
        # --- h17-questions ---
        # "Why do we need X?" asked without "we"
        "question.we_need": "Why is {rest} needed?",
        "question.we_need_plural": "Why are {rest} needed?",
        # --- h19-lists ---
        # a call explained by when to use it ("when the arguments are already an array")
        "item.when": "When is {label} used?",
        "item.when_called": "When is {label} called?",
        # "To run any CUDA program, …" names the procedure "run a CUDA program"
        "procedure.any_as": "a",
        # (how-to templates name such a procedure in English; the pack's goal name is plain)
        "procedure.goal_name": "{x}",
    },
    generic_headings=word_set(
        """introduction intro conclusion conclusions summary examples example references
        links resources notes overview contents todo misc appendix questions exercises
        background definition definitions description details usage setup troubleshooting
        tips faq"""
    ),
    demonstratives=word_set("this these those above below latter former aforementioned"),
    dangling_patterns=(
        re.compile(
            r"^(?:what|how|why|when|where|which)\s+(?:does|do|did|is|are|was|were|can|will|would)"
            r"\s+(?:it|they|them|he|she)\b(?!\s+(?:important|necessary|possible|better|worth"
            r"|hard|easy|useful|common|recommended|true|a good|bad)\b)"
        ),
        re.compile(r"\bthe following\b|\beach one\b|\bthe (?:same|other) one\b"),
        # "such blocks", "such memory" point back; "such as C" gives examples
        re.compile(r"\bsuch\b(?!\s+as\b)"),
    ),
    pointers=("the following", "as follows", "listed below", "see below", "see above"),
    unfinished_endings=word_set(
        """a an the of to in on at by for with from into and or but as than that which who
        whose is are be its their"""
    ),
    first_person=word_set("i me my mine myself i'm i’m i've i’ve i'd i’d i'll i’ll"),
    personal_tags=word_set(
        """journal diary daily dailies personal reflection essay draft log logbook plan
        plans thoughts musings"""
    ),
    # --- lists, procedures and headings (issue 11) ---
    process_words=(
        r"steps?\b",
        r"stages?\b",
        r"phases?\b",
        r"algorithm",
        r"procedure",
        r"process\b",
        r"workflow",
        r"how\s+to\b",
        r"how\s+\w+(?:\s+\w+)?\s+works\b",
        r"install",
        r"set(?:ting)?\s*up\b",
        r"setup",
        r"configur",
        r"instructions",
        r"walkthrough",
        r"guide\b",
        r"life\s*cycle",
        r"deploy",
        r"in order\b",
        r"recipe",
        r"step-by-step",
        r"handshake",
    ),
    process_leadin=re.compile(
        r"^to\s.+,\s*(?:you\s+)?(?:need|must|should|have to|do|follow|run)|"
        r"(?:the following|these|next)\s+(?:steps|stages|actions)|as follows|step by step|"
        r"in this order|in order:",
        _FLAGS,
    ),
    order_words=word_set("first firstly then next after afterwards finally lastly subsequently"),
    ranking_words=(
        r"layers?\b",
        r"levels?\b",
        r"ranking",
        r"top\s*\d",
        r"priorit",
        r"hierarch",
        r"in order\b",
    ),
    is_order=starts_with_order,
    is_action=is_action,
    is_goal=is_goal,
    is_plural=is_plural,
    set_leadins=SET_LEADINS,
    evaluation_words=(
        r"pros\b",
        r"cons\b",
        r"advantages",
        r"disadvantages",
        r"benefits",
        r"drawbacks",
        r"problems",
        r"tips\b",
        r"mistakes",
    ),
    purpose_nouns=(
        "ways",
        "methods",
        "approaches",
        "techniques",
        "tools",
        "functions",
        "strategies",
        "patterns",
    ),
    procedure_intros=PROCEDURE_INTROS,
    procedure_generic_name=re.compile(
        r"(?:(?:the )?following\s+(?:steps|stages|actions)|as follows|these steps|"
        r"the following$|below$|"
        r"^(?:steps|procedure|algorithm|example|the steps are)$)",
        _FLAGS,
    ),
    procedure_generic_headings=word_set(
        """steps procedure algorithm example examples instructions solution implementation"""
    )
    | {"how it works", "how does it work", "explanation", "detailed explanation"},
    task_headings=word_set(
        """task tasks exercise exercises lecture lab week lesson seminar tutorial homework
        assignment part chapter section step stage update draft plan question answer
        solution results result discussion code implementation demo test tests abstract
        methods methodology review recap takeaways reading readings announcements problem
        problems todo notes thoughts ideas"""
    ),
    words={"others": "and others", "and": " and "},
    cues={
        # h12-recall: questions.py, code_tasks.py, comparisons.py
        "question.start": r"what|how|why|when|where|which|who|whom|whose|is|are|does|do|did|can|could|should|would|will|has|have",
        "question.request": r"explain|describe|tell me about|tell about|list|name|compare|define",
        "question.topic": r"the difference|difference|differences|the differences|the purpose|purpose|the role|role|the point|advantages|the advantages",
        "question.answer_heading": r"answer|short answer|tl;dr|in short",
        "question.pair_ref": r"which one|which of them|which of the two",
        "question.difference": r"differences?|differ",
        "question.between": r"between|from",
        "question.trailing": r"then|instead|in that case",
        "question.personal": r"\b(?:i|me|my|mine)\b",
        "question.howto": r"how (?:to|do you|do i|can i) (?:install|set up|setup|configure|create|make|run|deploy)",
        "question.vague": r"it|this|that|these|those|they|them|its|their|he|she|here|there",
        "question.filler": r"what|how|why|when|where|which|who|is|are|does|do|did|can|should|would|will|to|the|a|an|of|in|on|for|with|and|or|use|used|using|important|matters|matter|next|happens|works|work|choose|read|know|need|best|about|so|then|not|s",
        # a second question joined to the first: "What are empty elements and what are examples?"
        "question.compound": r"\s(?:and|&)\s+(?:what|how|why|when|which|where|who)\s",
        # the two sides a difference question names
        "question.sides": r"^(?:what(?:\s+is|\s+are|'s|’s)\s+)?(?:the\s+)?(?:(?:main|key|biggest)\s+)?differences?\s+between\s+(?P<x>.+?)\s+and\s+(?P<y>.+?)$|^how\s+(?:does|do|is|are)\s+(?P<x2>.+?)\s+differ\w*\s+from\s+(?P<y2>.+?)$",
        # a numbered part of a course before the question: "Subtopic 2 - What is Paging?"
        "question.part_prefix": r"(?:subtopic|topic|part|section|question|lecture|chapter|q)\s*\d+",
        "question.what_is": r"what is|what are|what's",
        "question.set": r"what are|which|list|name",
        "answer.leadin": r"\b(?:several|a few|the following|a number of|many|various)\b.{0,30}\b(?:ways|types|kinds|approaches|reasons|steps|parts|options|tools|methods)\b|\b(?:several|a few) (?:things|ways|steps|reasons|types|kinds|levels|rules|tools|options|points|criteria|factors|aspects|benefits|advantages|drawbacks|features)\b|^(?:here are|below)\b",
        "summary.start": r"in short|in summary|to sum up|tl;dr|to summarize|in other words|so, in short|overall|bottom line",
        "summary.heading": r"summary|conclusion|tl;dr|takeaway|takeaways|in short",
        "task.heading": r"task|problem|exercise|challenge|assignment|kata",
        "task.statement": r"\b(?:write a function|write a program|write code|implement|create a function|given an?|given the|fix the)\b",
        "task.solution": r"solution|solutions|answer|implementation|possible solution|possible solutions|my solution",
        "task.idea": r"idea|approach|explanation|intuition|complexity",
        "task.set_phrases": r"in doing so|on top of this|besides this",
        # h12-recall: purposes.py (verbs after a subject, and the word the rest opens with)
        "purpose.for": r"is used|are used|is meant|exists",
        "purpose.for.link": r"to|for|in order to",
        "purpose.allows": r"lets you|allows you to|allows|enables|lets",
        # "X allows classes and statements": no "you", so "What does X let you do?"
        # does not fit its answer (kept 0 of 4)
        "purpose.allows.weak": r"allows|enables|lets",
        "purpose.responsible": r"is responsible|are responsible",
        "purpose.responsible.link": r"for",
        "purpose.returns": r"returns",
        "purpose.hedge": r"for example|e\.g\.|often|usually|also|some|many|all|sometimes|always|just|only|this|that|which|who",
        "purpose.dangling": r"this|these|those|the above|such",
        "purpose.article": r"a|an|the",
        "purpose.pronoun": r"it|this|they|this method|this function",
        "purpose.how": r"^to\s+(?P<goal>[^,]{5,80}),\s*(?:you\s+(?:can\s+|should\s+)?)?(?:use|call|run|apply|add|set)\s+(?P<means>.+)$",
        # h12-recall: reasons.py ("invert" puts the verb first: "Why is X Y?")
        "reason.inline": r"^(?P<claim>[^,]{10,200}?),?\s+because\s+(?P<reason>.+)$",
        "reason.next": r"^(?:this is because|that is because|the reason is that|this happens because)\s+(?P<reason>.+)$",
        "reason.cut_end": r"through|in|on|with|to|by|for|from|of|at|and|or|the|a|an",
        "reason.bad_start": r"this|that|it|they|so|and|but|if|when|then|here|there|these|those",
        "reason.invert": r"^(?P<subject>(?:[^,(]|\([^)]*\))+?)\s+(?P<aux>is|are|was|were|can|can't|cannot|must|should|will|won't|isn't|aren't|doesn't|don't|has|have)\s+(?P<rest>.+)$",
        "comparison.criterion": r"criterion|criteria|feature|features|aspect|property|characteristic|comparison|parameter",
        "comparison.pros": r"pros|advantages|benefits|strengths",
        "comparison.cons": r"cons|disadvantages|drawbacks|weaknesses|limitations",
        # h12-recall: rules.py (a label and a colon, or "As a rule," and a comma)
        "rule.label": r"rule of thumb|rule|important|note|remember|keep in mind|nb|tip|warning|caution|gotcha",
        "rule.strong": r"rule of thumb|rule|important|remember|keep in mind",
        "rule.usually": r"as a rule",
        "rule.strict": r"rule\w*",  # a rule by name: the strict label
        "rule.meta": r"we|our|us",
        "rule.transliterated": r"(?!)",
        "rule.list": r"^(?:the\s+)?rules\s+(?P<rest>(?:of|for)\s+[^:]{2,60}?)\s*:?$",
        "rule.list_stop": r"thumb|engagement|the game|the road",
        "rule.normative": r"must|mustn't|should|shouldn't|cannot|can't|can only|only|never|always|don't|do not|doesn't|does not|avoid|make sure|need to|needs to|have to|has to|not|no",
        "rule.collection": r"glossary|cheat ?sheets?|notes|lectures?|midterms?|exams?|week|review|revision",
        "rule.weak_context": r"(?:key |main )?takeaways|conclusions|pros|cons|advantages|disadvantages|application|applications|syntax|example|examples|ex|preview|a preview|my conclusion|conclusion|notes?|key points|idea|ideas|recap|aside|important|warning|tips?|overview|introduction|summary",
        "rule.dangling": r"it|this|that|these|those|they|here|there|such|so|also|and|but|however|then|e\.g\.|i\.e\.|for example",
        # h12-recall: explained_code.py (a lead-in that ends with a colon, before code)
        "code.syntax": r"syntax|signature",
        "code.install": r"installation|install|installing|to install|setup|set up",
        "code.usage": r"usage|example usage|basic usage|how to use",
        "code.example": r"for example|example|e\.g\.",
        "code.params.first": r"first\s+(?:parameter|argument|arg|param)s?",
        "code.params.next": r"(?:second|third|fourth)\s+(?:parameter|argument|arg|param)s?|(?:the\s+)?(?:second|third)\s+is\b",
        "code.params.label": r"parameters|arguments|params|args|options",
        # --- h17-questions ---
        # a label before a heading's question ("Side note: why …?"): not part of it
        "question.aside": r"side note|sidenote|note|nb|update|upd|edit|aside|activity|review|example|ex|recap|bonus|quick question|p\.s\.|ps",
        # a word that joins a heading's question to the text before ("So what is …?")
        "question.opener": r"so|and|but|well|now|ok|okay",
        # a section label phrased as a question ("What's the problem?", "What's behind X?")
        "question.label": r"(?:what'?s|what’s|what is|what are) (?:the |a )?(?:problem|problems|issue|issues|catch|deal|big deal|point|idea|solution|answer|story|plan|context|background|situation|takeaway|takeaways|conclusion|verdict|result|results|gist|goal|goals|question)|(?:what'?s|what’s|what is) (?:behind|under the hood|inside) .+|what'?s next|what’s next|what next|so what|what now|why bother|why care|what do we do now|now what",
        # a "?" heading without a question word still asks when it offers a choice
        "question.alternative": r"\b(?:or|vs|versus)\b",
        # a scenario or an account of one's experience: no single answer to learn
        "question.discussion": r"^(?:imagine|suppose)\b|\b(?:suppose you|tell me about a time|tell us about a time|describe a time|describe a situation|give an example of a time|what would you do|what will you do|how would you (?:handle|react|respond|deal|approach)|have you ever|in your experience|walk me through a time|tell me about a project|tell me about yourself)\b",
        # "we", "our": the question speaks from inside a course or a project
        "question.we": r"\b(?:we|us|our|ours|ourselves)\b",
        # "Why do we need X?": asked without "we" it still stands ("Why is X needed?")
        "question.we_need": r"^(?P<ask>why)\s+do\s+we\s+need\s+(?P<rest>(?!to\b).+)$",
        # a question that wants an explanation, which code alone does not give
        "question.explains": r"^(?:how (?:does|do|is|are) .+ (?:work|works|implemented|handled|stored|made)|why|what happens|how come|what does .+ mean)\b",
        # "How to avoid X?": the answer must hold the remedy, not only the cause
        "question.remedy": r"^(?:how (?:to|do you|do we|can you|can we|should you|should we|would you)|what can (?:you|we) do to)\s+(?:\w+\s+)?(?:avoid|prevent|fix|solve|handle|deal with|mitigate|resolve|overcome|get around|work around|stop|reduce)\b",
        "answer.remedy": r"\b(?:use|using|used|avoid|avoiding|should|must|need to|needs to|make sure|ensure|instead|add|adding|set|call|check|prevent|fix|solution|solve|solved|help|helps|wrap|apply|can be|by \w+ing|don't|do not|never|always)\b",
        # an opening that is about the note, not the subject ("These notes are based on …")
        "answer.meta": r"^(?:below|in this (?:section|note|article|post|chapter|page|video|lecture)|this (?:section|note|page|article|post|chapter) (?:is|was|covers|describes|explains|will|contains|summari[sz]es|looks)|these notes|here i|here we(?:'ll| will)|let's (?:look|take a look|dive|explore|see|start)|i(?:'ll| will) (?:explain|describe|cover|show|talk))\b|\b(?:not in the original|based on (?:this|the|a|an|my) (?:wikipedia|article|blog|book|video|course|lecture|page|post|talk|paper)|adapted from|taken from|summary of (?:the|this) (?:article|video|talk|chapter))\b",
        # an opening that tells a story or an example before the answer
        "answer.story": r"^(?:imagine|consider (?:the|a|an|this|following|how|what)|suppose|let's say|let us say|say you|picture|for example|for instance|e\.g\.|take (?:the|a|an) (?:example|case)|as an example|once upon)\b",
        # what says the answer right after a story ("So, …", "This is where …")
        "answer.resolves": r"^(?:so|thus|therefore|hence|in short|in summary|to sum up|in other words|this is where|that's where|that’s where|this is why|that's why|that’s why|the answer|the solution|the fix|the trick)\b",
        # "Some signs:": a short lead-in to the whole answer, not one part's label
        "answer.leadin_label": r"^(?:some|several|main|key|common|typical|the main|the key|a few|examples|for example|here are)\b",
        # paragraphs that open with an ordinal ("First, …", "Secondly, …")
        "answer.ordinal": r"^(?:first|firstly|second|secondly|third|thirdly|fourth|fourthly|fifth|fifthly|finally)\b",
        # a question about two things ("range and precision", "heap/stack"): the words either side
        "question.pair": r"(?P<x>[\w#+.()-]{2,})\s*(?:/|\band\b|\bor\b|&)\s*(?:the\s+|a\s+|an\s+)?(?P<y>[\w#+.()-]{2,})",
        # a one-sentence opening that counts what follows ("… has several important benefits.")
        "answer.leadin_count": r"\b(?:several|a few|a number of|the following|a couple of)\b",
        # a lone condition that heads a list ("If a reducer is impure" and the list)
        "answer.leadin_clause": r"^(?:if|provided that)\b[^,;]*$",
        # --- h18-answers ---
        # a sentence that points at a figure or an example ("Above is an example of …",
        # "Ниже приведён пример."): what follows comments on it, it answers nothing
        "answer.figure": r"^(?:(?:above|below) (?:is|are)|(?:the|this) (?:image|figure|diagram|picture|table|graph|screenshot|code|example|snippet) (?:above|below)|(?:see|check) (?:below|above))\b",
        # where a note says the remedy after the cause ("Решение — …", "The fix is …")
        "answer.solution": r"^(?:(?:the |one |a )?(?:solution|fix|remedy|workaround|cure)\b|to (?:avoid|fix|solve|prevent) (?:this|it|that|the problem|the issue)\b)",
        # usage advice ("Используйте X для …", "Use X when …"): it says when to take a
        # side, not how the sides differ
        "answer.advice": r"^(?:-\s*)?(?:use|prefer|choose|pick|avoid|go with|opt for|reach for|stick (?:to|with)|(?:do not|don\'t|never) use)\b",
        # a sentence that sets two things against each other ("X …, а Y …", "whereas")
        "answer.contrast": r"\bwhereas\b|\bwhile\b|\bunlike\b|\bbut\b|\bin contrast\b|\bon the other hand\b|\binstead\b|\bdiffer\w*|\bdifference\b",
        # a lead-in that points at what follows ("… следующий стек.", "… the following
        # stack."): nothing without it, unlike one that only counts ("по нескольким …")
        "answer.announces": r"\bthe following\b|\bas follows\b|\bbelow\b|\bhere (?:is|are)\b",
        # a sentence about the note, not its subject ("This section adds some detail to
        # …", "Here we look at …", "Above is an example of …"): the answer starts after it
        "answer.pointer": r"^(?:to (?:understand|see) [^.]*?,\s*(?:you|we|one) (?:need|have|must|should)|(?:this|the following|the next) (?:section|part|chapter|note|page|paragraph) (?:adds|gives|goes|takes|looks|describes|explains|covers|discusses|expands|elaborates|provides|shows|introduces|summari[sz]es|contains)|here (?:we|i|you)(?:'ll| will)? (?:look|take a look|go|dive|discuss|cover|see|consider|explain|describe|show|explore|walk)|(?:above|below) (?:is|are|we|you|i)|(?:the|this) (?:image|figure|diagram|picture|table|graph|screenshot|code|example|snippet) (?:above|below)|(?:see|check) (?:below|above)|let'?s (?:look|take a look|dive|explore|see|start))\b",
        # a chatty opener, a whole sentence ("Great question!", "Sure!", "Let's see."):
        # no part of the answer, which starts after it
        "answer.filler": r"^(?:(?:that'?s |that’s |what |this is )?(?:a |an )?(?:great|good|excellent|interesting|nice|fair|fantastic|important) question\b[^.!?]{0,40}|(?:sure|sure thing|of course|absolutely|certainly|okay|ok|alright|well|so)(?:,?\s+let'?s\s+\w+(?:\s+\w+)?)?|let'?s (?:see|break (?:it|this) down|dive in|unpack (?:it|this)|take a look|get (?:into it|started))|let me explain)\s*[.!…]*$",
        # a word that only opens a chatty answer ("Sure, …", "Well, …")
        "answer.filler_word": r"^(?:sure|well|okay|ok|of course|great question|good question)\s*[,!]\s*",
        # a sentence that only says two things differ ("There are several differences
        # between X and Y.", "They differ in a few key ways."): the answer follows it
        "answer.restates": r"^there (?:are|is) (?:\w+\s+){0,3}(?:differences?|distinctions?)(?: between [^.:]{1,80})?\s*[.!]?$|^[^.:]{0,80}\b(?:have|has) (?:\w+\s+){0,2}differences\s*[.!]?$|^[^.:]{0,80}\b(?:differ|are different)(?: from each other| from one another)?(?: in (?:several|many|a few|some|a number of|important|key|fundamental)(?: \w+)? (?:ways|respects|aspects))?\s*[.!]?$",
        # --- h18-lists ---
        # a set's owner that is a part-of plural and says nothing of whose ("Software
        # components", "The patterns"): its question needs the note's subject
        "set.generic_owner": r"^(?:the\s+)?(?:[\w-]+\s+){0,2}(?:components|parts|elements|features|options|properties|characteristics|aspects|patterns|use cases|examples|issues|problems|limitations|advantages|disadvantages|benefits|drawbacks|requirements|steps|stages|phases|levels|types|kinds|categories|responsibilities|goals|settings|parameters|attributes|details|factors|considerations)$",
        # a label that is a verb phrase, not a thing ("Handling specific errors"): no "what is"
        "label.verb_phrase": r"^(?!(?:string|thing|ring|king|spring|building|nothing|something|anything|everything|morning|evening|ceiling|meaning|wedding|padding|heading|setting|settings|binding|bindings|mapping|mappings|encoding|rendering|routing|logging|caching|hashing|pooling|threading|networking|computing|programming|testing|scheduling|paging|swapping|buffering|streaming|learning|training|modeling|modelling)\b)[a-z]+ing\s+(?:(?:a|an|the|your|our|its|their|specific|multiple|custom|new|all)\s+)?[a-z]",
        # a table's columns that describe one thing each (a reference, not a comparison)
        "comparison.reference": r"description|descriptions|example|examples|syntax|usage|return type|returns|return value|parameters|arguments|signature",
        # --- h19-answers ---
        # an aside in brackets that says the section goes over its subject again ("What
        # the X is (in a bit more detail)", "Recursion (continued)"): no question of its own
        "question.again_aside": r"(?:in )?(?:a (?:bit|little) )?(?:more|further|greater) detail|continued|cont\.?|again|revisited|recap|part \d+",
        # a heading that asks in the words of a clause ("How the GIL Works", "What the
        # X is"), not of a question: an English question puts its verb first
        # (also a bare name before "works": "How singleflight Works", "How Go Works")
        "question.embedded": r"^(?:how|what|why|where|when|which|who)\s+(?:the|a|an|this|that|these|those|its|their|your|our|my)\s"
        r"|^how\s+(?:\S+\s+){1,3}works\s*\??$",
        # a question about the one answering, not the subject ("Which technologies do
        # you use?", "What was your role …?", "Were there problems with X?"): an
        # account of someone's work, nothing to learn
        "question.about_you": r"\b(?:did you (?:use|choose|pick|work|build|handle|solve|face|lead)|have you (?:ever|used|worked|built|led|faced)|what (?:is|was|were|are) your|your (?:experience|role|team|project|projects|current|previous|last|favou?rite|biggest|greatest|stack)|(?:were|was) there (?:any )?(?:problems|issues|difficulties|incidents) with|(?:which|what) (?:tools|technologies|stack|frameworks|libraries) (?:do|did|have) you)\b(?!.*\b(?:to|for)\b)",
        # an answer that speaks about itself ("Here's a detailed answer you can use in an
        # interview", "A sample answer:"): a prepared speech, not the note's answer
        "answer.meta_reply": r"^(?:here(?:'s| is) (?:a |an |the |my )?(?:\w+ )?(?:answer|response|reply|explanation)|(?:a |an )?(?:sample|example|model|possible|detailed) (?:answer|response|reply)\b|this (?:answer|response) (?:can|could|you can))|\b(?:(?:use|say|give) (?:it |this )?(?:in|at|during) (?:an |the |your )?interview|you can (?:use|say|give) (?:in|at|during) (?:an |the |your )?interview)\b",
        # a sentence that only says two things get mixed up ("watch and watchEffect are
        # often confused, but they do different jobs."): the answer follows it
        "answer.mixed_up": r"^[^.:]{0,80}\b(?:are|is|get|gets) (?:often |commonly |frequently |easily |sometimes )?(?:confused|mixed up|conflated)\b[^.:]{0,60}[.!]?$",
        # a title that asks how to build something ("How to Build a Thread Pool"): over
        # an article of several parts, the answer is the whole article
        "question.howto_build": r"how (?:to|do you|do i|can i|can you|would you) (?:build|implement|write|make|create|design|develop|code|program|structure|architect)\b",
        # an opening that is not yet the answer: what the thing is not, the other
        # approach, the previous section recalled ("The term 'packed' is confusing.",
        # "Based on the previous section, …"); the answer is the paragraph after it
        "answer.aside_opening": r"^(?:based on (?:the |what we (?:saw|covered|discussed) in the )?(?:previous|last|above|earlier) (?:section|chapter|part|lecture|note|post)|(?:building|continuing) (?:on|from) (?:the )?(?:previous|last) (?:section|chapter|part)|as (?:we|i) (?:saw|discussed|mentioned|said|covered|learned|learnt) (?:in the (?:previous|last) \w+|earlier|before|above)|in the (?:previous|last) (?:section|chapter|part|lecture|note|post)|recall (?:that|from)|the (?:word|term|name)\s+\S+(?:\s+\S+)?\s+(?:is|can be|may be|might be|sounds) (?:a (?:little|bit) |somewhat |quite |very |rather )?(?:confusing|misleading|ambiguous|unfortunate|overloaded|a misnomer)|(?:a |an )?non-[\w-]+ [\w-]+ (?:is|are) not\b|(?:unlike|in contrast to|as opposed to|compared to|compared with) (?:the |a |an )?(?:traditional|classic|classical|conventional|usual|regular|normal|ordinary|standard|older|plain)\b|(?:traditionally|conventionally|classically),)",
        # --- h19-lists ---
        # a set's owner that judges or leaves it open ("Common hashing schemes", "Good
        # logging"): no list says all its members
        "set.open_owner": r"^(?:some\s+|the\s+)?(?:common|commonly used|good|popular|typical|useful|best|notable|noteworthy|frequent|usual|famous|well-known|interesting|important|other|various|example|sample)\b",
        # an explanation of a call that says when to use it or when it runs, not what it
        # does ("when the list is sorted", "right before the component is mounted")
        "item.when_to_use": r"^(?:use it\s+|used\s+|useful\s+|called\s+|runs\s+)?(?:(?:right|just|immediately)\s+)?(?:when|if|whenever|in case|before|after|once)\b",
        # a sentence that names a procedure by its goal ("To run any CUDA program, there
        # are three main steps:"): the goal is the name; "any" is no part of it
        "procedure.goal_intro": r"^(?:in order\s+)?to\s+(?P<name>[^,]{3,80}?),\s+(?:there\s+are|you\s+(?:need|have|must|should)|we\s+(?:need|have|must)|one\s+(?:needs|has|must))\b.*\b(?:steps?|stages?|phases?|things)\b.*$",
        "procedure.any": r"\bany\b",
        # a hook explained by the moment it runs ("right before the component is mounted")
        "item.when_called": r"^(?:called\s+|runs\s+)?(?:(?:right|just|immediately)\s+)?(?:before|after|once)\b|^(?:called|runs|fires)\b",
        # a sentence adverb that opens an introduction ("Typically, the lifecycle of …")
        "procedure.leading_adverb": r"^(?:typically|usually|generally|normally|in general|in short|basically|simply put)\s*,?\s+",
        # a heading that labels a part of a note, not a thing with pros and cons
        # ("What are the drawbacks of Tradeoffs?")
        "comparison.label_owner": r"^(?:trade-?offs?|summary|conclusions?|verdict|takeaways?|bottom line|considerations|analysis|evaluation|comparison|overview|discussion|notes?)$",
        # the cases of one algorithm (best / average / worst): no things compared
        "comparison.cases": r"^(?:best|worst|average|typical|expected|amortized)(?:[\s-]+case)?$",
    },
    # --- h17-lists ---
    http_topic=re.compile(
        r"\bhttps?\b|http/\d|\bheaders?\b|\brequests?\b|\bresponses?\b|\bcors\b|\bcach(?:e|ing)\b"
        r"|\bcookies?\b",
        _FLAGS,
    ),
    http_central=re.compile(r"\bhttps?\b|http/\d|\bheaders?\b", _FLAGS),
    http_request_prose=re.compile(
        rf"(?i:\b(?:http|request)\s+(?:methods?|verbs?)\b|\b(?:request|start)[- ]lines?\b)"
        rf"|(?i:\bmethods?\b)\W{{0,3}}{_HTTP_METHOD}|{_HTTP_METHOD}\W{{0,2}}(?i:requests?|methods?)\b"
    ),
    http_status_prose=re.compile(r"\bstatus\b|\bstatus[- ]lines?\b|\bresponse codes?\b", _FLAGS),
    draft_title=re.compile(r"^\s*(?:untitled|unnamed|new note)(?:[\s_-]*\d+)?\s*$", _FLAGS),
    meta_subject=re.compile(
        r"^(?:(?:other|some|more|further|additional|various|typical|basic|common|key|main"
        r"|general|important|noteworthy|several|many|few|the)\s+)*"
        r"(?:examples?|topics?|terms?|things|items|points|notes|ideas|concepts|aspects|issues"
        r"|details|parts|options|features|methods|techniques|principles|metrics|parameters"
        r"|properties|stances|procedures|rules|steps|types|kinds)"
        r"(?:\s+(?:covered|used|discussed|mentioned|listed|shown|given|above|below|here))?$"
        r"|^(?:(?:some|other|more|common|typical)\s+)?examples?\b"
        r"|^(?:each|every|this|these|those|such|its|their|it|they)\b|\b(?:themselves|itself)\b",
        _FLAGS,
    ),
    example_tail=re.compile(
        r"(?:[,;(]\s*|\s+)(?:such as|e\.\s?g\.?|for example|for instance|like|i\.\s?e\.?"
        r"|including(?:\s+but\s+not\s+limited\s+to)?)\s*$",
        _FLAGS,
    ),
    narrative=re.compile(
        r"\byou(?:'ll|’ll|'d|’d|\s+will|\s+would|\s+might)\b|\bwe\b|\bwe['’]\w+|\bour\b|(?-i:\bus\b)(?!-)|\blet['’]s\b",
        _FLAGS,
    ),
    announces_difference=re.compile(
        r"^(?:(?:another|one more|a further|the|a)\s+)?(?:(?:main|key|other|second|third"
        r"|last|biggest|major|big)\s+)?(?:difference|distinction|similarity)\b|^another\b",
        _FLAGS,
    ),
    attribute_nouns=re.compile(
        r"characteristic|feature|propert|parts?\b|component|element|aspect|parameter|attribute|field",
        _FLAGS,
    ),
    # --- h17-defs ---
    **en_terms.DEFINITIONS,
    # --- h17-topic ---
    topic_qualifier=_TOPIC_QUALIFIER,
    topic_meta=_TOPIC_META,
    topic_labels=_TOPIC_LABELS,
    topic_label_opening=re.compile(r"^(?:comparisons?|examples?|differences?)\b", re.I),
    topic_folders=word_set(
        """notes note inbox archive archives misc miscellaneous example examples courses course
        daily journal templates template attachments assets images img media resources docs
        doc documents topics topic content src pages wiki vault obsidian personal private
        drafts draft unedited edited old new other general home readings reading lectures
        lecture slides exercises homework assignments labs tutorials university uni school
        college academia study studies exam exams questions interview interviews projects
        project todo blog posts references buf tmp scratch core basics advanced common
        fundamentals coding computing programming dev development tech it learning knowledge
        master masters bachelor msc bsc
        kb zettelkasten permanent literature fleeting cs chapters sections parts
        moc mocs faq til wip pkm ideas"""
    )
    | {"exam prep", "to do", "computer science", "knowledge base"},
    is_person=is_person,
    is_sentence=is_title_sentence,
    term_for=re.compile(r"^what is the term for:?\s+(?P<d>.+)$", re.I),
    # --- h18-defback ---
    back_evaluative=re.compile(
        # the judging words of en_terms (one list), and words that rank or name a thing
        # without saying what it is; "art" judges its genus ("the art of naming")
        rf"{en_terms.JUDGING_WORDS}|central|main|primary|best|major|well-known|famous"
        r"|so-called|art",
        _FLAGS,
    ),
    back_hedges=re.compile(
        r"very|really|quite|specifically|generally|mainly|mostly|usually|often|commonly"
        r"|widely|typically|sometimes|always|just|only|simply",
        _FLAGS,
    ),
    back_side=re.compile(r"for|to|used|designed|meant|intended|aimed", _FLAGS),
    back_clause=re.compile(r"that|which|who|whose|where|when|whereby", _FLAGS),
    back_continues=re.compile(
        r"(?:it|its|it's|it’s|this|they|their|these|such)\b"
        r"|(?:used|designed|meant|intended|needed)\s+(?:to|for)\b",
        _FLAGS,
    ),
    back_aside=re.compile(
        r"(?:for example|for instance|e\.g\.|i\.e\.|however|but|although|though|note|see"
        r"|(?:this|it)(?:'s|’s| is) (?:like|similar)|think of"
        r"|examples?|in this (?:article|section|note|post|chapter|video|lecture|course)"
        r"|(?:this|these|the following|the next) (?:sections?|notes?|articles?|chapters?"
        r"|pages?|posts?|videos?|lectures?|courses?|parts?|examples?|diagrams?|figures?"
        r"|images?|tables?|pictures?|slides?))\b|.*\b(?:below|as follows|the following)\b",
        _FLAGS,
    ),
    back_measure=re.compile(
        r"(?:(?:approximately|approx\.?|about|around|roughly|nearly|almost|up\s+to|over"
        r"|under|less\s+than|more\s+than|at\s+least|at\s+most)\s+|[~≈<>]\s*)?"
        r"\d[\d.,]*\s*(?:%|[–-]\s*\d|[×x]\s*\d|[a-zµ])",  # "512 KB", "3–5 hours", not "1 − β"
        _FLAGS,
    ),
    is_adjective=is_adjective,
    back_goes_on=re.compile(
        r"\s*,\s*(?:such as|e\.\s?g\.|for example|for instance|like|including|i\.\s?e\.)\s",
        _FLAGS,
    ),
    # --- h19-defback ---
    back_meta_genus=re.compile(
        r"concepts?|ideas?|notions?|tools?|techniques?|approach(?:es)?|arts?|things?|stuff"
        r"|topics?|practices?",
        _FLAGS,
    ),
    back_kind_genus=re.compile(
        r"types?|kinds?|sorts?|forms?|variants?|variations?|versions?|cases?|class(?:es)?"
        r"|categor(?:y|ies)|famil(?:y|ies)|generali[sz]ations?|examples?|instances?"
        r"|flavou?rs?|subtypes?|subclass(?:es)?",
        _FLAGS,
    ),
    back_role_genus=re.compile(
        r"resources?|factors?|causes?|reasons?|assets?|culprits?|basis|foundation|cornerstone",
        _FLAGS,
    ),
    back_usage=re.compile(
        # "a term often used to contrast …", "a word used by the WebKit engine": where
        # the term is used; "not …" / "anything but …": what it is not
        r"^(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?(?:term|name|expression|phrase|label)"
        r"\s+(?:(?:that|which)\s+(?:is|are)\s+)?(?:(?:\w+ly|often|sometimes)\s+)?(?:used|employed|applied)\b"
        r"(?!\s+(?:to|for)\b)"  # "a name used to refer to …": a purpose says what it is
        r"|^(?:not|never|neither|anything\s+but|no\s+longer)\b"
        # "a stronger form of convergence than …": what it is compared with
        r"|^(?:(?:a|an|the)\s+)?(?:[a-z]+er|more\s+[a-z]+|less\s+[a-z]+)\s+(?:[\w-]+\s+){1,4}?than\b",
        _FLAGS,
    ),
    back_because=re.compile(r"\b(?:because|since|as\s+it|due\s+to)\b", _FLAGS),
    back_pointing=re.compile(r"this|these|those|such", _FLAGS),
)
