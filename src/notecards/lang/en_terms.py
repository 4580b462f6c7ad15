"""English terms as questions hold them: the article a common-noun phrase takes ("What
is the const keyword?", "What is a hash table?") and the back that says what a term does
("Sets the limit …"). A seam of its own: every English "What is X?" template (definitions,
headings, purposes) asks `as_asked(X)` through the pack, and the rules are English grammar,
not a list of the pack's words."""

from __future__ import annotations

import re

from notecards.text.sentences import word_set

# heads whose modifier is the name of one thing ("the const keyword", "the ls command")
_NAMED_HEADS = word_set(
    """keyword statement directive command operator macro header tag attribute flag option
    instruction"""
)
# heads that name one thing only after code ("the printf() function", but "a hash
# function"), and heads whose modifier names a kind ("a for loop", "a hash table")
_CODE_HEADS = word_set("function method module package library hook selector register")
_KIND_HEADS = word_set(
    """table tree list array queue stack pointer variable loop graph node class type
    interface pattern structure model algorithm value expression operation constant
    string number object instance technique approach file channel thread socket buffer
    cache lock mutex handler field index segment"""
)
_CODE_LIKE = re.compile(r"[()#._<>:/]|[a-z][A-Z]")  # "printf()", "#include", "hashCode"
_OF_PHRASE = re.compile(r"^(?P<x>[a-z][\w'-]*(?:\s[a-z][\w'-]*)?)\s+of\s+\S")
_PREPOSITIONS = word_set("of in for to on with by from at into over under about")
_DETERMINER = word_set("a an the this that these those its their our your my each every any")


def _title_case(words: list[str]) -> bool:
    return all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)


def _sentence_capital(words: list[str]) -> bool:
    """ "Filtering technique", "Decomposition of a function": only the first word is
    capitalised, and it is no name ("Python function", "Linux command" keep theirs)."""
    from notecards.text.topics import is_named  # topics reads the packs: import late

    first = words[0]
    if not (first[:1].isupper() and first[1:].replace("-", "").islower()) or is_named(first):
        return False
    return all(w.islower() or not w[:1].isalpha() for w in words[1:])


def _platform(word: str) -> bool:
    """A well-known name before a head ("Linux", "HTML", "Python"): the head is one of
    its kind ("a Linux command"), not one thing."""
    from notecards.text.topics import KNOWN_NAMES  # topics reads the packs: import late

    return word.lower() in KNOWN_NAMES


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


def as_asked(term: str) -> str:
    """A term as a "What is …?" question holds it (issue 11: "What is const keyword?"
    was dropped). Only common-noun phrases change, names and one-word terms stay:
    a head that a name precedes takes "the" ("the const keyword", "the printf()
    function"), a head a kind precedes "a" ("a for loop", "a hash table", "a Linux
    command"), a singular "X of Y" takes "the" ("the depth of a node"); Title Case that
    is no name is lowered ("Local Variables" → "local variables"), and so is a first
    word capitalised only because it opened its sentence, where an article is added."""
    words = term.split()
    if len(words) < 2 or words[0].lower() in _DETERMINER:
        return term
    if _sentence_capital(words):
        words = [words[0].lower(), *words[1:]]  # "Decomposition of a function"
    phrase = " ".join(words)
    of_phrase = _OF_PHRASE.match(phrase)
    if of_phrase:
        head = of_phrase.group("x").split()[-1]
        return term if _singular(head) != head else f"the {phrase}"
    if not _PREPOSITIONS.isdisjoint(w.lower() for w in words[1:-1]):
        return term  # "1's complement of a number": the head is not the last word
    head = words[-1].lower()
    singular = _singular(head)
    if singular not in _NAMED_HEADS | _CODE_HEADS | _KIND_HEADS:
        return term
    title = _title_case(term.split())
    if words[-1] != head and not title:
        return term  # "HTTP Header": a name's own capitals
    platform = any(_platform(w) for w in words[:-1])  # "a Linux command", "an HTML tag"
    if singular in _NAMED_HEADS and not platform:
        return term if singular != head else f"the {term}"  # "the Const Keyword" too
    if title:
        phrase = term.lower()  # "Hash Table", "Local Variables": no names
    elif phrase[:1].isupper() and not _CODE_LIKE.search(words[0]) and not platform:
        return term  # "Mongo function": a name, maybe
    if singular != head:
        return phrase if title else term  # plural: no article
    if singular in _CODE_HEADS and not platform and any(_CODE_LIKE.search(w) for w in words[:-1]):
        return f"the {phrase}"
    return f"{_indefinite(phrase)} {phrase}"


# "Sets the limit …", "Returns a copy …": a verb in the third person opens the back
_VERB_OPENING = re.compile(
    r"(?:returns|allows|lets|enables|requires|contains|provides|stores|checks|defines"
    r"|makes|gets|handles|keeps|takes|gives|sends|receives|creates|converts|sets|specifies"
    r"|indicates|removes|adds|generates|exports|imports|embeds|controls|prints|reads"
    r"|writes|starts|stops|runs|marks)\s"
    r"|(?!(?:is|was|has|does|this|its|class|process|access|address|status|series|bus|gas"
    r"|lens|news|plus|minus|bonus|virus|alias|canvas|atlas|axis|basis|analysis|thesis"
    r"|less|loss|pass|mess)\s)[a-z]+s\s+(?:the|a|an|its|their|all|each|any|every|your"
    r"|this|these|those|whether|if|how|when|what|no)\s",  # not "that"/"which": "Keys that …"
    re.IGNORECASE,
)


def opens_with_verb(text: str) -> bool:
    """ "**must_use**: Generates a lint …": the back says what the term does."""
    return _VERB_OPENING.match(text) is not None


def _indefinite(phrase: str) -> str:
    """ "an arrow function", "an HTML tag" (an acronym read letter by letter), "a hash"."""
    first = phrase.split()[0]
    if first.isupper() and len(first) > 1:
        return "an" if first[0] in "AEFHILMNORSX" else "a"
    return "an" if first[:1].lower() in "aeio" else "a"


# --- h18-deffront: the words of the fields below ---
_INTENSIFIERS = r"(?:(?:very|really|quite|pretty|rather|fairly|extremely|super|so|too|more|much|particularly|especially)\s+)*"
# one list of judging words: evaluative fronts and backs here, and the words a back's
# reading counts as judgement (en.py `back_evaluative`, definition_backs)
JUDGING_WORDS = (
    r"important|good|great|nice|bad|useful|helpful|handy|convenient|powerful|tricky"
    r"|fundamental|essential|crucial|critical|vital|interesting|popular"
    r"|significant|valuable|cool|neat|elegant"
    r"|versatile|flexible|amazing|awesome|excellent|wonderful|beautiful"  # h19-defback
)
# words that judge only before a genus that classifies nothing ("a simple thing", "an
# integral part"); before a real one they describe it ("a simple hello world program",
# "the integral of the PDF")
_DESCRIBING = r"easy|hard|difficult|simple|efficient|effective|integral"
_JUDGING = rf"(?:{JUDGING_WORDS}|{_DESCRIBING})"
# nouns that classify nothing: "a good habit", "the main focus", "an important idea"
_GENERIC_GENUS = (
    r"(?:thing|idea|concept|part|way|habit|practice|skill|step|aspect|focus|topic|approach"
    r"|option|choice|example|question|issue|problem|point|consideration|factor|component"
    r"|piece|task|job|lesson|rule|trick|feature|goal|area|element)"
)
# verbs whose gerund takes an object and does not make a compound noun ("using X";
# not "learning rate", "running time", "calling convention", "filtering technique")
_ACTION_GERUNDS = (
    r"using|handling|converting|creating|adding|removing|making|getting|finding|declaring"
    r"|defining|initiali[sz]ing|implementing|choosing|comparing|installing|updating"
    r"|deleting|avoiding|ensuring|preventing|understanding|knowing|applying|solving|doing"
    r"|dealing|reducing|increasing|improving|protecting|securing|providing|changing"
    r"|accessing|iterating|selecting|keeping|storing|returning|sending|giving|taking"
    r"|writing\s+(?:a|an|the|good|clean)|setting\s+up|turning\s+(?:on|off)"
)


def title_case_label(term: str) -> bool:
    """ "Uniform Block Size", "Search State (S1)": two or more capitalised words that
    name nothing (`topics.is_named`) and that `as_asked` cannot give an article: a
    list's label, asked as "What is Uniform Block Size?" (h19-deffront)."""
    from notecards.text.topics import is_named  # topics reads the packs: import late

    words = term.split(" (", 1)[0].split()
    if len(words) < 2 or as_asked(term) != term:
        return False
    return all(w[:1].isupper() for w in words) and not any(map(is_named, words))


# the pack's fields for extractors/definitions.py (lang.LanguagePack says what each is)
DEFINITIONS: dict[str, object] = dict(
    not_a_term=re.compile(
        # an evaluation, not a term: "a great example", "the most important part"
        r"^(?:(?:the|a|an)\s+)?(?:most\s+\w+|great|good|bad|nice|perfect|ideal|excellent"
        r"|awesome|cool|important|interesting|(?:best|worst)\s+(?:way|example|option"
        r"|approach|choice|thing|idea|part))\b(?!-)"
        r"|^(?:any|all|some|many|most|other|several|various|certain)\s"  # "any interfaces"
        r"|^(?:greatest|biggest|main|major|key)\s+(?:concern|problem|issue|point|idea"
        r"|takeaway|difference)\b"
        r"|\s(?:vs\.?|versus|against|[+→])\s"  # two terms set against or joined
        r"|^(?:examples?|instances?)\s+of\b"
        r"|^(?:problem|solution|task|question|answer|idea|goal|aim|issue|point)$"
        # --- h19-deffront: a superlative of the note's judgement ("the key feature of
        # Rust"), a determiner ("each process"), a meta noun ("a more mathematical
        # definition of state", "the name"), a gerund and where it goes ("Running
        # through the system"), a verb glued on ("LIBRARY_PATH indicates the variable") ---
        r"|^(?:main|key|major|primary|chief|biggest|greatest|central|defining|single\s+most"
        r"\s+\w+)\s+(?:features?|advantages?|benefits?|drawbacks?|disadvantages?|strengths?"
        r"|weakness(?:es)?|characteristics?|propert(?:y|ies)|traits?|parts?|aspects?|goals?"
        r"|purposes?|aims?|principles?)\b"
        r"|^(?:each|every|either|neither)\s"
        r"|\b(?:more|less|another|alternative)\s+(?:\w+\s+)?(?:definition|description"
        r"|explanation|formulation)\b"
        r"|^(?:name|names|definition|meaning|term|word|rest|result|dataset|project|yes|no"
        r"|true|false)$"
        r"|\.(?:png|jpe?g|gif|svg|pdf|md|txt|csv|json|ya?ml|html?)$"  # a file, not a term
        r"|^[a-z]{3,}ing\s+(?:through|across|along|around|via|without|towards|throughout"
        r"|past|beyond)\b"
        r"|\b[a-z]{2,}[^s\W]s\s+(?:the|a|an|its|their)\s",
        re.IGNORECASE,
    ),
    not_a_definition=re.compile(
        r"^(?:about|regarding|concerning)\s"  # what it is about, not what it is
        # --- h18-deffront: a pointer to other text, a contrast in place of a definition ---
        r"|\bas\s+(?:discussed|described|mentioned|shown|explained|seen|defined)\s+(?:above"
        r"|earlier|before|previously|in\s+(?:topic|chapter|section|lecture|week)\b)"
        r"|,\s+unlike\s+[^,]+$"  # "a stable sort, unlike Quick Sort"
        r"|^(?:also|likewise|similarly)\b|\s(?:too|as\s+well)(?=[,.;]|$)"  # leans elsewhere
        r"|,\s+whereas\s|,\s+while\s+\S+(?:\s+\S+){0,3}?\s+(?:is|are)\s"  # a second one
        r"|\bbelow\s+(?:are|is)\b|\bas\s+follows\b"  # "…, below are the steps": a pointer
        r"|^the\s+same\b|\s(?:where|when|if|whereby|whose)$"  # "…, where": cut off
        r"|;\s+[A-Z]\S*\s+(?:is|are)\s"  # "an abstract class; Observer is an interface"
        # "… and comes in two parts": the definition is the list that follows
        r"|\b(?:two|three|four|five|several|\d+)\s+(?:parts|types|kinds|categories|steps"
        r"|components|forms|stages)$"
        r"|^(?:right|wrong|correct|incorrect|good|bad|yes|no|fine|ok|okay)[.!]?$",
        re.IGNORECASE,
    ),
    expands_acronym=re.compile(
        r"^(?:(?:an?|the)\s+)?(?:short\s+for|(?:abbreviation|acronym)\s+(?:for|of))"
        r"\s+(?P<x>.+)$",
        re.IGNORECASE,
    ),
    not_a_description=re.compile(
        r"(?:^|\s|\()(?:e\.g\.?|i\.e\.?|etc\.?|cf\.|we|us|our)(?=[\s,.;:)]|$)|="
        r"|\(see\b|\bsee\s+(?:here|above|below|also|the\s+(?:notes?|lecture|chapter|section))"
        r"|^(?:(?:the|a|an)\s+)?(?:[\w-]+\s+)?ones?\b(?!-)"  # "one in which …"
        r"|^(?:the|a|an)\s+[\w-]+\s+(?:the|a|an)\s"  # "the estimate the value …": a clause
        r"|,\s+(?:just\s+)?like\s|,\s+not\s"  # ", like X", ", not C": leans on another
        r"|,\s+(?:and|but)\s+(?:is|are|can|has|have|was|were|[a-z]+s)\s"  # a second clause
        r"|\s(?!(?:version|level|step|type|class|layer|part|chapter|section|number)\s)"
        r"[a-z]{3,}\s+\d{1,2}$",  # "… values 1": a footnote's number
        re.IGNORECASE,
    ),
    not_an_answer=re.compile(
        r"^[a-z]{3,}ing\s+(?:the|a|an|its|their|all|each|every)\b"  # "Maximising the …"
        r"|^[a-z]+(?:al|ive|ous|ful|ic|ant|ent|ible|able|ary)\s+(?:to|for|with)\b",
        re.IGNORECASE,
    ),
    answer_context=re.compile(r"\s+in\s+(?P<context>[A-Z][\w.#+-]*)$"),
    letters=re.compile(r"[a-z]", re.IGNORECASE),
    genus_end=re.compile(
        r"that|which|who|whose|where|when|of|for|to|in|on|with|by|from|through|between|at"
        r"|into|over|under|about|as|used|designed|created|made|called|based",
        re.IGNORECASE,
    ),
    weak_words=word_set(
        """is are be been was were has have had that which who whom whose where when it its
        their this these those used use uses using work works typically usually often
        specific special certain different various some any also very more most mostly
        well can may might"""
    )
    # --- h19-deffront: quantifiers narrow nothing ("shared by many threads") ---
    | word_set("each every many several few both"),
    as_asked=as_asked,
    opens_with_verb=opens_with_verb,
    # --- h18-deffront ---
    evaluative_answer=re.compile(
        # "a bit more tricky", "the best format for …", "a very important idea", "a good
        # habit", "the future of computing": a judgement of the term, no genus that says
        # what it is ("an important protocol for routing" keeps its genus)
        r"^(?:a|an)\s+(?:bit|little|lot)\b(?!-)"
        rf"|^(?:(?:the|a|an)\s+)?{_INTENSIFIERS}(?:best|worst|greatest|most\s+{_JUDGING})\b"
        rf"|^(?:the|a|an)\s+{_INTENSIFIERS}(?:{_JUDGING}|main|key|typical|common|big|major)"
        rf"(?:\s+(?:and|or)\s+[a-z]+)?\s+{_GENERIC_GENUS}s?\b"
        r"|^(?:the\s+)?future\s+of\b",
        re.IGNORECASE,
    ),
    activity_term=re.compile(
        # "Converting numeric types to strings", "Handling specific errors", "Providing
        # security": a gerund with its object is something one does, not a term ("Load
        # balancing", "Learning rate", "Routing protocols" are terms)
        rf"^(?:{_ACTION_GERUNDS})\s+\S"
        r"|^[a-z]{3,}ing\s+(?:the|a|an|its|their|all|each|every|some|any|your|our|this|these"
        r"|those|specific|multiple|different|numeric|several|many)\b"
        r"|^[a-z]{3,}ing\s+(?:\S+\s+){1,3}(?:to|into)\s+\S",
        re.IGNORECASE,
    ),
    inverted_copula=re.compile(
        # "Fundamental to autodiff is …", "Key to the approach is …": the adjective phrase
        # before "is" is the predicate, the subject comes after it
        r"^(?:fundamental|key|central|important|crucial|essential|critical|vital|integral"
        r"|common|unique|core|basic|necessary|relevant|native|inherent|implicit|useful"
        r"|helpful)\s+(?:to|for|in|with|among|about|behind)\b"
        r"|^at\s+the\s+(?:heart|core|centre|center)\s+of\b",
        re.IGNORECASE,
    ),
    clause_description=re.compile(
        # "future iterations tend to resemble …", "a library, it allows …", "…, one of them
        # is …": a subject and its verb, a sentence rather than a noun phrase
        r"\b[a-z]{3,}s\s+(?:tend|seem|need|want|try|appear|happen|continue|begin|remain"
        r"|resemble|become|depend|differ|exist|occur|belong|look)\b"
        r"|\btends?\s+to\s|,\s+(?:it|they|he|she)\s|,\s+(?:one|some|many|most)\s+of\s+them\b"
        # --- h19-deffront: a noun phrase and a predicate glued ("a part of DDL and
        # modifies the structure", "a tool and is used …") ---
        r"|\s(?:and|or)\s+[a-z]{2,}[^s\W]s\s+(?:the|a|an|its|their|this|these|all|each"
        r"|every)\b|\s(?:and|but)\s+(?:is|are|has|have|can|was|were)\s",
        re.IGNORECASE,
    ),
    category_noun=re.compile(
        # a category whose members are many: "a distributed message broker that works by
        # publish-subscribe" fits Kafka, RabbitMQ, Pulsar; its description needs a detail
        r"(?:broker|tool|library|framework|language|database|dbms|protocol|service|platform"
        r"|system|server|engine|editor|format|package|runtime|compiler|browser|standard|api"
        r"|utility|program|application|app|queue|store|ide|cms)s?",
        re.IGNORECASE,
    ),
    names_the_term=re.compile(
        # "Encryption is the general term for hiding …": the reversal asks "what is the
        # term for hiding …?", not "the term for the general term for …"
        r"^(?:the|a)\s+(?:(?:general|generic|umbrella|broad|technical|formal|common|official)"
        r"\s+)?(?:term|name|word)\s+(?:used\s+)?(?:for|given\s+to)\s+(?=\S)",
        re.IGNORECASE,
    ),
    term_aside=re.compile(
        # "containerization itself is …", "'Sentience' sometimes refers to …": words after
        # a term that belong to the sentence, not to the term
        r"\s+(?:itself|themselves|alone|though|however|too|also|sometimes|often|usually"
        r"|generally|typically|commonly|normally|simply|basically|essentially)$",
        re.IGNORECASE,
    ),
    # --- h19-deffront ---
    explains_genus=re.compile(
        # "a block cipher, meaning plaintext is …": what follows explains the genus
        r",\s+(?:meaning|which\s+means|that\s+is(?:\s+to\s+say)?|in\s+other\s+words)\b",
        re.IGNORECASE,
    ),
    description_residue=re.compile(
        # "(step 5)", "[HTML Spec]", "[0, 180]", "link 2": the note's cross-references
        r"\(\s*(?:step|item|point|fig\.?|figure|see|page|p\.|slide|section|chapter|lecture)"
        r"\s*\d+[^)]*\)|\[[^\]]*\]|(?:^|\s)(?:link|source|ref)\s+\d",
        re.IGNORECASE,
    ),
    leans_elsewhere=re.compile(
        # "the corresponding URL", "these variables", "all other files", "you want"
        r"\b(?:corresponding(?!\s+to\b)|respective|aforementioned|abovementioned|latter|former)\b"
        r"|(?:^|\s)(?:this|these|those)\s|\ball\s+(?:the\s+)?other\b"
        r"|\bthe\s+(?:other|rest|remaining)\b"
        r"|\byou\s+(?:want|need|have|must|should|would|will|are|were|do)\b",
        re.IGNORECASE,
    ),
    title_case_label=title_case_label,
    judging_words=re.compile(
        r"very|really|quite|extremely|highly|incredibly|popular|powerful|great|good|nice|best"
        r"|better|famous|well-known|useful|convenient|mature|elegant|amazing"
        r"|excellent|awesome",
        re.IGNORECASE,
    ),
    meta_genus=re.compile(
        # "the outcome of many people's work": no kind of thing, only where it came from
        # ("the product of mass and velocity" says what it is)
        r"^(?:(?:the|a|an)\s+)?(?:outcome|consequence|culmination|fruit)s?\b",
        re.IGNORECASE,
    ),
)
