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
        # h12-recall: questions.py, purposes.py, comparisons.py
        "question.in_context": "{context}: {question}",
        "question.topic": "What is the {topic}?",
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
    cues={
        # h12-recall: questions.py, code_tasks.py, comparisons.py
        "question.start": r"what|how|why|when|where|which|who|whom|whose|is|are|does|do|did|can|could|should|would|will|has|have",
        "question.request": r"explain|describe|tell me about|tell about|list|name|compare|define",
        "question.topic": r"the difference|difference|differences|the differences|the purpose|purpose|the point|advantages|the advantages",
        "question.answer_heading": r"answer|short answer|tl;dr|in short",
        "question.pair_ref": r"which one|which of them|which of the two",
        "question.difference": r"differences?|differ",
        "question.between": r"between|from",
        "question.trailing": r"then|instead|in that case",
        "question.personal": r"\b(?:i|me|my|mine)\b",
        "question.howto": r"how (?:to|do you|do i|can i) (?:install|set up|setup|configure|create|make|run|deploy)",
        "question.vague": r"it|this|that|these|those|they|them|its|their|he|she|here|there",
        "question.filler": r"what|how|why|when|where|which|who|is|are|does|do|did|can|should|would|will|to|the|a|an|of|in|on|for|with|and|or|use|used|using|important|matters|matter|next|happens|works|work|choose|read|know|need|best|about|so|then|not|s",
        "question.what_is": r"what is|what are|what's",
        "question.set": r"what are|which|list|name",
        "answer.leadin": r"\b(?:several|a few|the following|a number of|many|various)\b.{0,30}\b(?:ways|types|kinds|approaches|reasons|steps|parts|options|tools|methods)\b|\b(?:several|a few) (?:things|ways|steps|reasons|types|kinds|levels|rules|tools|options|points)\b|^(?:here are|below)\b",
        "summary.start": r"in short|in summary|to sum up|tl;dr|to summarize|in other words|so, in short|overall|bottom line",
        "summary.heading": r"summary|conclusion|tl;dr|takeaway|takeaways|in short",
        "task.heading": r"task|problem|exercise|challenge|assignment|kata",
        "task.statement": r"\b(?:write a function|write a program|write code|implement|create a function|given an?|given the|fix the)\b",
        "task.solution": r"solution|solutions|answer|implementation|possible solution|possible solutions|my solution",
        "task.idea": r"idea|approach|explanation|intuition|complexity",
        # h12-recall: purposes.py (verbs after a subject, and the word the rest opens with)
        "purpose.for": r"is used|are used|is meant|exists",
        "purpose.for.link": r"to|for|in order to",
        "purpose.allows": r"lets you|allows you to|allows|enables|lets",
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
    },
)
