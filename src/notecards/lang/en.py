"""English: the questions notecards asks in English notes (and the words its guards read)."""

from __future__ import annotations

import re

from notecards.lang import LanguagePack
from notecards.text.sentences import word_set

PACK = LanguagePack(
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
)
