"""Russian: the questions notecards asks in Russian notes, and the words its guards read.

One module past 500 lines because a pack is one language's words for every extractor:
a translator reads and checks it as a whole, beside the other pack.
"""

from __future__ import annotations

import re

from notecards.lang import LanguagePack, SetLeadIn, ru_terms
from notecards.text.morphology import word_tags
from notecards.text.sentences import word_set
from notecards.text.terms import looks_like_verb

# --- lists, procedures and headings (issue 11) ---------------------------------------

_IMPERATIVE = re.compile(r"[а-яё]{2,}(?:йте|ите|ьте)(?:сь)?")
_INFINITIVE = re.compile(r"[а-яё]{2,}(?:ть|чь|ести|йти|зти)(?:ся|сь)?")
# nouns that end like an infinitive ("сеть", "память", "скорость", "часть")
_NOT_INFINITIVE = re.compile(
    r"[а-яё]*(?:ость|есть|асть)|сеть|путь|суть|ртуть|память|печать|нить|кисть|мать|пять|шесть|десять|опять|зять|благодать|рать"
)


def _word(text: str) -> str:
    return text.lower().strip(".,:;!?()«»\"'`*_")


def starts_with_order(words: list[str]) -> bool:
    """ "Откройте терминал", "Установить пакет": an order (imperative or infinitive)."""
    if not words:
        return False
    first = _word(words[0])
    if _IMPERATIVE.fullmatch(first):
        return True
    return bool(_INFINITIVE.fullmatch(first)) and not _NOT_INFINITIVE.fullmatch(first)


def is_goal(words: list[str]) -> bool:
    """ "(способы) избежать callback hell": an infinitive says what the members are for."""
    first = _word(words[0]) if words else ""
    return bool(_INFINITIVE.fullmatch(first)) and not _NOT_INFINITIVE.fullmatch(first)


def is_action(words: list[str]) -> bool:
    """An item that does something: an order, a verb first ("Отправляет запрос"), or a
    short subject and its verb ("Клиент отправляет ClientHello")."""
    if starts_with_order(words):
        return True
    return any(looks_like_verb(_word(w)) for w in words[:4])


# Feminine accusative pronouns and numerals: "эту процедуру" would need both words changed.
_PRONOUNS_ACC = frozenset(
    {"эту", "ту", "всю", "одну", "саму", "свою", "мою", "твою", "нашу", "вашу", "какую"}
)
_CYR_WORD = re.compile(r"[а-яё][а-яё-]*")


def object_as_title(phrase: str) -> str | None:
    """The object of "рассмотрим X" in the nominative, or None when that is not safe.

    Only the regular feminine first word is re-inflected (установку → установка,
    сессию → сессия); an adjective first (полную установку) or an animate masculine
    (клиента) would need real morphology, so such names are quoted instead.
    Masculine inanimate, neuter, plural and -ь nouns read the same in both cases.
    """
    word, _, rest = phrase.partition(" ")
    lower = word.lower()
    if not _CYR_WORD.fullmatch(lower) or len(lower) < 3:
        return None
    if lower.endswith(("ую", "юю", "а", "я")) or lower in _PRONOUNS_ACC:
        return None
    if lower.endswith(("у", "ю")):
        ending = "а" if word[-1] == "у" else "я"
        return f"{word[:-1]}{ending} {rest}".strip()
    return phrase


_SET_NOUNS = {
    "способ": "способы", "метод": "методы", "вид": "виды", "тип": "типы",
    "подход": "подходы", "вариант": "варианты", "принцип": "принципы", "правил": "правила",
    "свойств": "свойства", "преимуществ": "преимущества", "недостатк": "недостатки",
    "особенност": "особенности", "причин": "причины", "категори": "категории",
    "режим": "режимы", "функци": "функции", "инструмент": "инструменты",
    "значени": "значения", "компонент": "компоненты", "элемент": "элементы",
    "характеристик": "характеристики", "паттерн": "паттерны", "уровн": "уровни",
    "стратеги": "стратегии", "операци": "операции", "оператор": "операторы",
}  # fmt: skip
# the noun and its case ending, not a longer word that starts alike ("типичные")
_NOUN = "(?P<noun>" + "|".join(_SET_NOUNS) + r")[а-яё]{0,3}\b"
_FLAGS = re.IGNORECASE
_HTTP_METHOD = r"\b(?:GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD|CONNECT|TRACE)\b"


def _set(pattern: str, question: str) -> SetLeadIn:
    return SetLeadIn(re.compile(pattern, _FLAGS), question, _SET_NOUNS)


SET_LEADINS = (
    _set(
        r"^(?P<subject>.+?)\s+(?P<verb>может|могут)\s+принимать\s+(?:следующие\s+|такие\s+)?значени\w*$",
        "set.values",
    ),
    _set(
        r"^(?P<adj>основн\w+|главн\w+|ключев\w+|базов\w+)\s+" + _NOUN + r"(?P<rest>.*)$",
        "set.which_adj",
    ),
    _set(
        r"(?:^|\s)(?:несколько|много|множество|различн\w+|разн\w+|следующ\w+|\d+|два|две|три|четыре|пять|шесть|семь|восемь)\s+"
        + _NOUN
        + r"(?P<rest>.*)$",
        "set.which",
    ),
    _set(r"^" + _NOUN + r"(?P<rest>(?:\s+\S+){0,6})$", "set.which"),
    _set(
        r"^(?P<subject>.+?)\s+(?P<verb>включает в себя|включают в себя|включает|включают)(?:\s+(?:следующ|нескольк)\S*(?:\s+\S+)?)?$",
        "set.includes",
    ),
    _set(
        r"^(?P<subject>.+?)\s+(?P<verb>состоит|состоят)\s+из(?:\s+(?:следующ|нескольк)\S*(?:\s+\S+)?)?$",
        "set.consists",
    ),
    _set(
        r"^(?P<subject>.+?)\s+(?P<verb>делится|делятся|подразделяются|подразделяется)\s+на(?:\s+(?:следующ|нескольк)\S*(?:\s+\S+)?)?$",
        "set.divides",
    ),
)

_INTRO_EXAMPLE = r"(?:для примера|например|в качестве примера|к примеру)\s*,?\s*"
_INTRO_VERB = r"(?:рассмотрим|разберём|разберем|опишем|изучим|посмотрим на|проследим)"
_INTRO_DONE = (
    r"(?:выглядит|происходит|проходит|выполняется|осуществляется|устроен[аоы]?|работает)"
    r"(?:\s+(?:примерно|обычно))?\s+(?:так|следующим образом)"
)
_INTRO_CONSISTS = (
    r"(?:состоит из|включает(?: в себя)?)\s+(?:следующи[ех]|нескольки[хе]|\d+|[а-яё]+)\s+"
    r"(?:шагов|этапов|стадий|шаги|этапы|стадии)"
)
PROCEDURE_INTROS = tuple(
    (re.compile(pattern, _FLAGS), style)
    for pattern, style in (
        (
            rf"(?:{_INTRO_EXAMPLE})?{_INTRO_VERB}\s+(?:по шагам\s*,?\s*|подробнее\s*,?\s*)?(?P<name>как\s+.+)",
            "named",
        ),
        (
            rf"(?:{_INTRO_EXAMPLE})?{_INTRO_VERB}\s+(?:по шагам\s+|подробнее\s+)?(?P<name>.+)",
            "accusative",
        ),
        (rf"(?:{_INTRO_EXAMPLE})?(?P<name>.+?)\s+(?:{_INTRO_DONE}|{_INTRO_CONSISTS})", "named"),
        (r"ниже\s+(?:приведены|описаны|перечислены|показаны)\s+(?P<name>.+)", "named"),
        (rf"{_INTRO_EXAMPLE}(?P<name>.+)", "quoted"),
    )
)

# a question's subject (text.topics): what opens a title without naming its subject,
# words after the subject, and a title that asks about its subject
_TOPIC_PREFIX = re.compile(
    r"^(?:(?:лекция|лекции|тема|глава|урок|модуль|семинар|неделя|часть|раздел|занятие"
    r"|лабораторная|вопрос)\b\s*(?:[\d.]+|[IVXLC]+\b)?\s*[-—–:.@]?|основы|введение\s+в"
    r"|шпаргалка(?:\s+по)?|конспект(?:\s+по)?)\s*",
    re.I,
)
_TOPIC_SUFFIX = re.compile(
    r"\s+(?:основы|шпаргалка|конспект|термины|словарь|заметки|кратко)$", re.I
)
_TOPIC_QUESTION = re.compile(
    r"^(?:что\s+(?:такое|означает|значит)|зачем\s+нужн\w*|для\s+чего\s+нужн\w*)\s+"
    r"(?P<x>[^,?]+?)\s*(?:,.*)?\??$",
    re.I,
)
# "Kafka — подробнее", "Docker (часть 2)", "Git: введение": the subject is before it
_TOPIC_QUALIFIER = re.compile(
    r"(?:подробнее|подробно|детали|часть\s*(?:\d+|[IVX]+|перв\w+|втор\w+|трет\w+)|продолжение"
    r"|введение|обзор|основы|заметки|конспект|кратко|примеры|практика|упражнения|задачи"
    r"|шпаргалка|дополнительно|перевод)",
    re.I,
)
# a course, a collection, an event or the note itself: "Частые вопросы", "Тех
# собеседование в <компании>", "Вопросы", "Курс", "Без названия 2"
_TOPIC_META = re.compile(
    r"^(?:частые\s+)?вопросы\b|^вопрос\s+(?:для|к|от)\b|собеседовани|^(?:тех\w*\s+)?интервью\b"
    r"|^ответы?\b|^экзамен|^билеты?\b|^курсы?\b|\bкурс$|домашн|домашк|^черновик|^без\s+названия"
    r"|\bвопрос\w*\s+(?:по|для|к|о|об|про)\b"
    r"|^подготовка\s+к\b",
    re.I,
)
# a Russian title spelled in Latin letters ("Arkhitektura prilozhenii"): a URL's name
_TRANSLITERATED = re.compile(
    r"^(?=[a-z\s-]+$)(?=.*(?:kh|zh|shch|ii\b|yy\b|iy\b|aya\b|iya\b|tsiya|tsii))", re.I
)
_FINITE = frozenset({"pres", "past", "futr", "impr"})
_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын)$")


def is_title_sentence(title: str) -> bool:
    """A title that is a sentence ("Знакомимся с Docker": a word that can only be a
    finite verb), or an adjective alone ("Кооперативная"): it names no subject."""
    words = re.findall(r"[а-яё]+", title.lower())
    if len(words) == 1 and len(title.split()) == 1:
        readings = word_tags(words[0])
        if readings and all(r & {"ADJF", "ADJS", "PRTF", "PRTS"} for r in readings):
            return True
    for word in words:
        readings = word_tags(word)
        if readings and all("VERB" in r and r & _FINITE for r in readings):
            return True
    return False


def is_person(words: str) -> bool:
    """Two or three words that each read as a first name, patronymic or surname
    ("Иван Петров"), or one that reads as nothing else: an author, not a subject."""
    parts = words.split()
    if not 1 <= len(parts) <= 3 or not all(p[:1].isupper() for p in parts):
        return False
    if len(parts) == 1:  # a surname alone ("Петров", "Хаустов"), or a first name
        readings = word_tags(parts[0])
        surname = _SURNAME.search(parts[0]) and any("Poss" in r for r in readings)
        return bool(readings) and bool(readings[0] & {"Name", "Surn", "Patr"} or surname)
    return all(
        re.fullmatch(r"[А-ЯЁ][а-яё]+", p)
        and any(r & {"Name", "Surn", "Patr"} for r in word_tags(p))
        for p in parts
    )


# fmt: off
_TOPIC_LABELS = frozenset({
    "основные понятия", "ключевые понятия", "понятия", "термины", "терминология",
    "определения", "преимущества и недостатки", "плюсы и минусы",
    "достоинства и недостатки", "ответ", "ответы", "решение", "проблема", "пример",
    "примеры", "подробнее", "важно", "основное", "главное", "итог", "итоги", "вывод",
    "выводы", "вопрос", "вопросы", "частые вопросы", "теория", "практика", "основная идея", "идея", "суть", "темы", "материалы", "общее", "ссылки",
    "ключевые выводы", "основные выводы", "главные выводы", "краткие выводы",
    # h18-subject: a section's label, never a subject a stranger accepts
    "дополнительно", "дополнительные детали", "дополнительные детали из источников",
    "детали из источников", "замечания", "особенности",
})
# fmt: on


# --- h18-defback ---
def is_adjective(word: str) -> bool:
    """ "быстрый", "дорогая": a word that says how a thing is (its likeliest reading is
    an adjective), for backs that list properties instead of naming a thing."""
    tags = word_tags(word.strip(".,;:()«»"))
    return bool(tags) and bool(tags[0] & {"ADJF", "ADJS"})


PACK = LanguagePack(
    vague_openings=(
        "один из ",
        "одна из ",
        "одно из ",
        "одним из ",
        "одной из ",
        "одни из ",
        "пример ",
        "что-то ",
        "нечто ",
    ),
    thin_openings=("способ ", "то же", "так же", "тот же", "та же", "такой же", "часть ", "вещь "),
    topic_prefix=_TOPIC_PREFIX,
    topic_suffix=_TOPIC_SUFFIX,
    topic_question=_TOPIC_QUESTION,
    code="ru",
    name="русский",
    questions={
        # headings.py: a short noun-phrase heading as a question
        "heading.what": "Что такое {h}?",
        "heading.what_plural": "Что такое {h}?",
        # procedures.py: "named" reads as a title (nominative), "quoted" is any other
        # phrase, in quotes after a noun that carries the grammar
        "procedure.named.step": "{Name} — шаг {n} из {total}: что происходит?",
        "procedure.named.step-imperative": "{Name} — шаг {n} из {total}: что нужно сделать?",
        "procedure.named.sequence": "{Name} — какие шаги, по порядку?",
        "procedure.named.window": "{Name} — шаги {a}–{b} из {total}: какие, по порядку?",
        "procedure.named.ranking": "{Name} — перечислите по порядку",
        "procedure.named.ranking-window": "{Name} — пункты {a}–{b} из {total}: перечислите по порядку",
        "procedure.quoted.step": "Процедура «{name}», шаг {n} из {total}: что происходит?",
        "procedure.quoted.step-imperative": "Процедура «{name}», шаг {n} из {total}: что нужно сделать?",
        "procedure.quoted.sequence": "Процедура «{name}»: какие шаги, по порядку?",
        "procedure.quoted.window": "Процедура «{name}», шаги {a}–{b} из {total}: какие, по порядку?",
        "procedure.quoted.ranking": "Список «{name}»: перечислите по порядку",
        "procedure.quoted.ranking-window": "Список «{name}», пункты {a}–{b} из {total}: перечислите по порядку",
        # --- lists (issue 11): labelled_items.py, one card per "**Label** – text" item
        "item.does": "Что делает {label}?",
        "item.means": "Что означает {label}?",
        "item.what": "Что такое {label}?",
        "item.what_plural": "Что такое {label}?",
        "item.purpose": "Для чего используют «{label}»?",
        "item.goal": "Как с помощью «{label}» {goal}?",
        # the members of a set a lead-in announces
        "set.which": "Какие есть {noun}{rest}?",
        "set.which_adj": "Какие {adj} {noun}{rest}?",
        "set.includes": "Что {verb} {subject}?",
        "set.includes_plural": "Что {verb} {subject}?",
        "set.consists": "Из чего {verb} {subject}?",
        "set.divides": "На что {verb} {subject}?",
        "set.values": "Какие значения {verb} принимать {subject}?",
        # enumerations.py
        "enumeration.consists": "Из чего состоит {s}?",
        "enumeration.consists_plural": "Из чего состоят {s}?",
        "enumeration.blank": "{head} …{tail}",
        # h12-recall: questions.py, purposes.py, comparisons.py ({verb} is the note's
        # own verb, so it agrees with the term without a grammar library)
        # text.topics: a generic term asked within its note's subject
        "topic.question": "{topic}: {question}",
        # the reversed question within its subject: "Git: как называется …?" reads as one
        # question in Russian, so the pack sets no `term_for` and this stays unused
        "topic.term_for": "{topic}: {d}",
        "question.topic": "В чём {topic}?",
        "question.topic_plural": "В чём {topic}?",
        "question.pair_ref": "из {x} и {y}",
        "question.between": " между {x} и {y}",
        "question.versus": "Чем отличаются {x} и {y}?",
        "purpose.for": "Для чего {verb} {x}?",
        "purpose.allows": "Что {verb} делать {x}?",
        "purpose.responsible": "За что {verb} {x}?",
        "purpose.returns": "Что {verb} {x}?",
        "purpose.how": "Как {goal}?",
        "reason.why": "Почему {claim}?",
        "comparison.pros": "Какие плюсы у {x}?",
        "comparison.cons": "Какие минусы у {x}?",
        "comparison.pros.context": "{x}: какие плюсы?",
        "comparison.cons.context": "{x}: какие минусы?",
        # h12-recall: rules.py, explained_code.py ("{x}: …" where a Russian noun would
        # have to be declined after a preposition)
        "rule.remember": "{x}: что важно помнить?",
        "rule.rule": "{x}: какое правило действует?",
        "rule.list": "Какие правила {x}?",
        "rule.context": "{title} — {heading}",
        "code.syntax": "Какой синтаксис у {x}?",
        "code.syntax.context": "{x}: какой синтаксис?",
        "code.install": "Как установить {x}?",
        "code.install.context": "{x}: как установить?",
        "code.connect": "Как подключить {x}?",
        "code.connect.context": "{x}: как подключить?",
        "code.usage": "Как использовать {x}?",
        "code.usage.context": "{x}: как использовать?",
        "code.params": "Какие параметры принимает {x}?",
        "code.params.context": "{x}: какие параметры принимает?",
        # --- h17-questions ---
        # "Зачем нам нужен X?" asked without "нам"
        "question.we_need": "{Ask} {rest}?",
        "question.we_need_plural": "{Ask} {rest}?",
        # --- h19-lists ---
        # a call explained by when to use it ("когда аргументы уже в массиве")
        "item.when": "Когда использовать {label}?",
        "item.when_called": "Когда вызывается {label}?",
        # a procedure named by its goal ("Чтобы запустить программу, нужно …")
        "procedure.goal_name": "как {x}",
        # "любую программу" is "программу": the word goes
        "procedure.any_as": "",
    },
    generic_headings=word_set(
        """введение заключение итоги итог вывод выводы примеры пример ссылки источники
        литература примечания содержание оглавление дополнительно разное задачи упражнения
        вопросы ответы заметки теория практика обзор описание определение определения
        прочее другое итого советы"""
    ),
    demonstratives=word_set(
        """это эти этот эта этого этой этих этим этими этом этому данный данная данное
        данного данной вышеописанный вышеупомянутый"""
    ),
    dangling_patterns=(
        re.compile(r"^(?:что|как|почему|зачем|когда|где|чем)\s+(?:он|она|оно|они|его|её|ее|их)\b"),
        re.compile(r"\b(?:выше|ниже)\b|\bследующ(?:ие|их|ее|ем|им)\b"),
        # "одна из таких абстракций" points back; "такие как X" gives examples
        re.compile(r"\bтак(?:ой|ая|ие|их|им|ими|ую|ого|ому|ом)\b(?!,?\s+как\b)"),  # not "что такое"
    ),
    pointers=(
        "из следующих",
        "следующее:",
        "следующие:",
        "следующим образом",
        "см. ниже",
        "см. выше",
        "перечисленн",
    ),
    unfinished_endings=word_set(
        """в во на с со к ко по о об от из у за для до при через под над без и или а но
        что чтобы который которая которое которые себе как не ни"""
    ),
    first_person=word_set("я меня мне мной мой моя моё мое мои моего моей моих моим мною"),
    personal_tags=word_set(
        """дневник журнал личное рефлексия эссе черновик планы план мысли ежедневник
        journal diary daily personal reflection essay draft log"""
    ),
    # --- lists, procedures and headings (issue 11) ---
    process_words=(
        r"шаг",
        r"этап",
        r"стади",
        r"алгоритм",
        r"порядок\b",
        r"порядке\b",
        r"последовательност",
        r"процесс",
        r"процедур",
        r"установ",
        r"настро[йи]",
        r"инструкц",
        r"запуск",
        r"развер[тн]",
        r"развёр[тн]",
        r"деплой",
        r"жизненн\w* цикл",
        r"как\s+[а-яё]+(?:ть|ти)(?:ся)?\b",
        r"как\s+(?:работает|происходит|устроен)",
        r"что происходит",
        r"рукопожат",
        r"пошагов",
    ),
    process_leadin=re.compile(
        r"(?:^|\s)чтобы\s.+(?:нужно|необходимо|надо|следует|требуется|достаточно)|"
        r"(?:следующ\w+|такие|эти)\s+(?:шаг|этап|действи)|следующим образом|по шагам|"
        r"выполните|сделайте|выполнить\s+следующ",
        _FLAGS,
    ),
    order_words=word_set("сначала вначале затем потом далее после наконец итоге первым"),
    ranking_words=(
        r"уровн",
        r"сло[йи]",
        r"по порядку",
        r"рейтинг",
        r"топ\b",
        r"приоритет",
        r"иерархи",
    ),
    object_as_title=object_as_title,
    is_order=starts_with_order,
    is_action=is_action,
    is_goal=is_goal,
    set_leadins=SET_LEADINS,
    evaluation_words=(
        r"преимуществ",
        r"недостат",
        r"плюс",
        r"минус",
        r"достоинств",
        r"проблем",
        r"советы",
        r"ошибк",
    ),
    purpose_nouns=("способ", "метод", "подход", "инструмент", "функци", "стратеги", "паттерн"),
    procedure_intros=PROCEDURE_INTROS,
    procedure_generic_name=re.compile(
        r"(?:следующи[ех]\s+(?:шаг|этап|действи|стади)|следующим образом|так$|следующее$|ниже$|"
        r"^(?:шаги|этапы|алгоритм|порядок действий|последовательность действий|пример)$)",
        _FLAGS,
    ),
    procedure_generic_headings=word_set(
        """шаги этапы алгоритм пример примеры инструкция решение реализация"""
    )
    | {"порядок действий", "последовательность действий", "как это работает", "как работает"}
    | {"подробное объяснение", "объяснение", "подробнее", "пошаговый план"},
    task_headings=word_set(
        """задача задачи задание задания упражнение упражнения лекция лабораторная урок
        неделя семинар практика домашка дз часть глава раздел пункт шаг этап вариант
        черновик план конспект вопрос ответ решение пояснение итого вывод результат
        результаты комментарий комментарии код реализация демо тест тесты update todo
        пояснения замечание замечания мысли идеи"""
    ),
    words={"others": "и другие", "and": " и "},
    cues={
        # h12-recall: questions.py, code_tasks.py, comparisons.py
        "question.start": r"что|как|зачем|почему|отчего|для чего|чем|какие|какой|какая|какое|каким|какими|каков|какова|каково|каковы|где|когда|куда|откуда|сколько|кто|насколько|в чём|в чем|в каких|в каком|при каких|за счёт чего|за счет чего|\w+ ли",
        "question.request": r"расскажите|расскажи|объясните|объясни|опишите|опиши|поясните|поясни|назовите|назови|перечислите|перечисли|приведите|сравните|сравни|что вы знаете",
        "question.topic": r"разница|различие|различия|отличие|отличия|смысл|суть|роль|назначение|преимущество|преимущества|особенность|особенности",
        "question.answer_heading": r"ответ|краткий ответ|кратко|коротко|суть",
        "question.pair_ref": r"из них|из двух",
        "question.difference": r"разниц\w*|различи\w*|отличи\w*|отлича\w*",
        "question.between": r"между|от",
        "question.trailing": r"тогда|вместо этого|в этом случае",
        "question.personal": r"\b(?:я|мне|меня|мой|моя|моё|мои|мной)\b",
        "question.howto": r"как (?:установить|настроить|подключить|создать|запустить|сделать)",
        "question.vague": r"это|этот|эта|эти|этим|этого|его|её|ее|их|него|неё|нее|них|он|она|оно|они|им|ним|нему|ней|там|тут|здесь",
        "question.filler": r"что|как|зачем|почему|когда|где|чем|какие|какой|какая|какое|важно|понимать|делать|сделать|использовать|применять|применяется|используется|нужно|нужен|нужна|нужны|стоит|лучше|особенно|уместен|уместно|можно|нельзя|надо|происходит|работает|выглядит|выбрать|читать|почитать|дальше|так|важен|полезен|полезно|в|на|с|о|об|для|при|по|к|за|из|от|до|и|а|но|ли|не|же|то|это|бывает|есть|было|будет|ещё|еще|всё|все|вообще|самое|главное|итоге",
        # a second question joined to the first: "Что такое enum и как его использовать?"
        "question.compound": r"\s(?:и|а|а также)\s+(?:как|что|зачем|почему|когда|какие|какой|какая|каким|где|чем|в чём|в чем|для чего)\s",
        # the two sides a difference question names
        "question.sides": r"^(?:в чём|в чем|какая|какие|каковы)?\s*(?:(?:основн|главн|ключев)\w*\s+)?(?:разниц\w*|различи\w*|отличи\w*)\s+(?:между\s+)?(?P<x>.+?)\s+(?:и|от)\s+(?P<y>.+?)$|^чем\s+(?P<x2>.+?)\s+отлича\w*\s+от\s+(?P<y2>.+?)$|^чем\s+отлича\w*\s+(?P<x3>.+?)\s+и\s+(?P<y3>.+?)$|^чем\s+отлича\w*\s+(?P<x4>.+?)\s+от\s+(?P<y4>.+?)$",
        # a numbered part of a course before the question: "Тема 2 - Что такое …?"
        "question.part_prefix": r"(?:подтема|тема|часть|раздел|вопрос|лекция|глава)\s*\d+",
        "question.what_is": r"что такое|что есть|что представляет собой",
        "question.set": r"какие|каковы|перечислите|назовите|что входит",
        "answer.leadin": r"(?:есть|существует|существуют|выделяют|бывает|бывают|можно выделить|используется|используют|включает|дает|даёт)\b.{0,40}\b(?:несколько|ряд|следующ\w*|много|различные|разные)\b|\bнескольк\w* (?:вещ|способ|подход|тип|вид|причин|правил|шаг|вариант|инструмент|метрик|проблем|пункт|момент|уровн|этап|принцип|критери|аспект|фактор|преимуществ|недостат|особенност|свойств|характеристик)\w*|^(?:вот|ниже)\b",
        "summary.start": r"таким образом|итак|в итоге|короче говоря|иными словами|другими словами|в общем|подводя итог|итого|вывод|коротко",
        "summary.heading": r"итог|итоги|итого|вывод|выводы|резюме|кратко|коротко",
        "task.heading": r"задача|задание|условие|упражнение|практика",
        "task.statement": r"\b(?:напишите|напиши|написать|найти|преобразовать|создать|сделать|обойти|вычислить|посчитать|подсчитать|проверить|определить|отсортировать|развернуть|удалить|объединить|реализуйте|реализуй|создайте|создай|дан|дана|дано|даны|нужно написать|необходимо написать|требуется|написать функцию|реализовать|исправьте|найдите|преобразуйте)\b",
        "task.solution": r"решение|решения|ответ|реализация|вариант решения|варианты решения|возможное решение|возможные решения|код решения",
        "task.idea": r"идея|подход|объяснение|пояснение|суть|сложность",
        "task.set_phrases": r"при этом|при всём этом|при всем этом|кроме этого|помимо этого",
        # h12-recall: purposes.py (verbs after a subject, and the word the rest opens with)
        "purpose.for": r"используется|используются|применяется|применяются|нужен|нужна|нужно|нужны|служит|служат|предназначен|предназначена|предназначено|предназначены",
        "purpose.for.link": r"для|чтобы",
        "purpose.allows": r"позволяет|позволяют",
        "purpose.responsible": r"отвечает|отвечают",
        "purpose.responsible.link": r"за",
        "purpose.returns": r"возвращает|возвращают",
        "purpose.hedge": r"например|именно|снова|опять|часто|обычно|также|тоже|ещё|еще|некоторые|многие|все|иногда|всегда|просто|только|сам|сама|само|сами|это|этот|эта|эти|то|который|которая|которые",
        "purpose.dangling": r"эту|этот|эта|эти|этой|этого|этим|этих|этом|данный|данная|данные|вышеописанн\w*|такой|такая|такие|такую",
        "purpose.pronoun": r"он|она|оно|они|это|этот метод|эта функция|этот хук",
        "purpose.how": r"^чтобы\s+(?P<goal>[^,]{5,80}),\s*(?:(?:нужно|надо|можно|следует)\s+)?(?:использовать|используйте|используют|используем|вызовите|вызвать|вызывают|примените|применить|воспользуйтесь)\s+(?P<means>.+)$",
        # h12-recall: reasons.py
        "reason.inline": r"^(?P<claim>[^,]{10,200}?),\s*(?:потому что|так как|поскольку|ведь)\s+(?P<reason>.+)$",
        "reason.next": r"^(?:причина в том|дело в том|это потому|это происходит потому|это связано с тем),?\s*(?:что\s+)?(?P<reason>.+)$",
        "reason.cut_end": r"через|в|во|на|с|со|к|по|о|об|для|от|до|из|у|при|за|под|над|и|или",
        "reason.bad_start": r"это|он|она|оно|они|так|поэтому|и|но|а|однако|если|когда|чтобы|тогда|здесь|тут|там|то|всё|все",
        "comparison.criterion": r"критерий|критерии|параметр|свойство|характеристика|аспект|признак|сравнение|что сравниваем",
        "comparison.pros": r"плюсы|преимущества|достоинства",
        "comparison.cons": r"минусы|недостатки",
        # h12-recall: rules.py (a label and a colon, or "Как правило," and a comma)
        "rule.label": r"правило|важно|запомните|запомни|помните|обратите внимание|nb|внимание|на заметку",
        "rule.strong": r"правило|важно|запомните|запомни|помните",
        "rule.usually": r"как правило",
        "rule.strict": r"правило\w*",  # a rule by name: the strict label
        "rule.meta": r"мы|нам|нас",
        "rule.transliterated": r"i|v|na|dlya|ili|ot|po|kak|chto|bez|pri|s",
        "rule.list": r"^правила\s+(?P<rest>(?!по\s)[^:]{2,60}?)\s*:?$",
        "rule.list_stop": r"игры|хорошего тона",
        "rule.normative": r"не|нельзя|нужно|надо|должен|должна|должно|должны|следует|всегда|никогда|только|обязательно|стоит|лучше|избегайте|рекомендуется",
        "rule.collection": r"глоссари\w*|шпаргалк\w*|конспект\w*|лекци\w*|заметк\w*|экзамен\w*|семинар\w*|неделя",
        "rule.weak_context": r"(?:ключевые|основные|главные|краткие) выводы|плюсы|минусы|преимущества|недостатки|применение|синтаксис|пример|примеры|замечание|замечания|важно|итог|итоги|вывод|выводы|идея|идеи|заметка|заметки|внимание|совет|советы|overview|обзор|введение",
        "rule.dangling": r"это|этот|эта|эти|он|она|оно|они|так|тут|здесь|там|такой|такая|такие|поэтому|также|тоже|и|но|а|однако|то есть|т\.е\.|например",
        # h12-recall: explained_code.py (a lead-in that ends with a colon, before code)
        "code.syntax": r"синтаксис|сигнатура",
        "code.install": r"подключается так|подключается|подключение|подключить|подключаем|установка|установить|устанавливается|ставится",
        "code.usage": r"пример использования|использование|используется так|применение|как использовать",
        "code.example": r"например|пример",
        "code.params.first": r"перв\w*\s+(?:параметр|аргумент)\w*",
        "code.params.next": r"(?:втор|трет|четв[её]рт)\w*\s+(?:параметр|аргумент)\w*|(?:втор|трет)\w*\s+[—–-]",
        "code.params.label": r"параметры|аргументы|принимает",
        # --- h17-questions ---
        # a label before a heading's question ("Примечание: зачем …?"): not part of it
        "question.aside": r"примечание|заметка|замечание|кстати|апдейт|апд|upd|update|nb|пример|бонус|доп|дополнительно|p\.s\.|ps",
        # a word that joins a heading's question to the text before ("So what is …?")
        "question.opener": r"итак|так|и|а|но|ну",
        # a section label phrased as a question ("В чём проблема?", "Что стоит за X?")
        "question.label": r"в ч[её]м (?:проблема|проблемы|подвох|суть|идея|соль|фишка|дело|загвоздка)|что (?:стоит|скрывается|кроется|лежит) за .+|что (?:дальше|теперь|делать|же делать|в итоге|под капотом|внутри)|и что|так что|какая (?:проблема|идея|цель|задача)|какие (?:проблемы|выводы|итоги)|зачем (?:это|всё это|все это)(?: нужно)?",
        # a "?" heading without a question word still asks when it offers a choice
        "question.alternative": r"\b(?:или|либо|vs|versus)\b",
        # a scenario or an account of one's experience: no single answer to learn
        "question.discussion": r"^(?:представьте|представь|допустим|предположим)\b|\b(?:как вы поступите|как бы вы поступили|что вы сделаете|что бы вы сделали|как вы отреагируете|как бы вы отреагировали|как вы себя повед[её]те|в вашем опыте|вашего опыта|вам пришлось|вам приходилось|вы сталкивались|был ли у вас|бывало ли у вас|расскажите о случае|расскажите про случай|расскажите о ситуации|расскажите про ситуацию|расскажите о проекте|расскажите про проект)\b",
        # "мы", "нам": the question speaks from inside a course or a project
        "question.we": r"\b(?:мы|нам|нас|нами|наш|наша|наше|наши|нашего|нашей|нашим|нашу|наших)\b",
        # "Зачем нам нужен X?": the "нам" goes and the question still stands
        "question.we_need": r"^(?P<ask>зачем|почему|для чего|когда)\s+нам\s+(?P<rest>(?:нужен|нужна|нужно|нужны|нужно ли|понадобится|понадобятся)\b.+)$",
        # a question that wants an explanation, which code alone does not give
        "question.explains": r"^(?:как (?:работает|работают|устроен|устроена|устроено|устроены|реализован\w*|происходит)|почему|зачем|отчего|для чего|что происходит|что (?:значит|означает)|в ч[её]м (?:смысл|суть|причина))\b",
        # "Как избежать X?": the answer must hold the remedy, not only the cause
        "question.remedy": r"^(?:как|каким образом|чем|что делать,? чтобы)\s+(?:\w+\s+)?(?:избежать|предотвратить|исправить|решить|побороть|бороться|обработать|справиться|устранить|починить|обойти|не допустить)\b",
        "answer.remedy": r"\b(?:нужно|надо|следует|стоит|можно|необходимо|достаточно|использ\w*|примен\w*|добав\w*|провер\w*|отмен\w*|избега\w*|избежать|вместо|решени\w*|реша\w*|помога\w*|поможет|обернуть|оберните|вызов\w*|должен|должна|должно|должны|лучше|не стоит|нельзя)\b",
        # an opening that is about the note, not the subject ("Ниже я расскажу …")
        "answer.meta": r"^(?:ниже|далее|в этой (?:статье|заметке|главе|части|секции|лекции)|в этом (?:разделе|конспекте|посте|видео|уроке)|здесь я|тут я|сейчас я|я расскажу|я покажу|давайте (?:разбер|рассмотр|посмотр|разберём|начн)\w*|эта (?:заметка|статья|глава) |этот (?:раздел|конспект|пост) )|\b(?:я расскажу|расскажу про|расскажу о|будет рассказано|по материалам|взято из|основано на|основан на|конспект (?:статьи|видео|книги|лекции|курса))\b",
        # an opening that tells a story or an example before the answer
        "answer.story": r"^(?:представьте|представим|представь|допустим|предположим|рассмотрим (?:пример|ситуацию|случай|такой|следующ\w*)|возьм[её]м|пусть у нас|например|к примеру|вот пример|пример)\b",
        # what says the answer right after a story ("Итак, …", "Для этого …")
        "answer.resolves": r"^(?:таким образом|итак|в итоге|короче говоря|иными словами|другими словами|в общем|поэтому|именно поэтому|вот почему|для этого|в этом случае|в таком случае|здесь (?:на помощь|помогает)|тут (?:на помощь|помогает)|ответ|решение)\b",
        # "Некоторые сигналы:": a short lead-in to the whole answer, not one part's label
        "answer.leadin_label": r"^(?:некоторые|основные|главные|ключевые|несколько|типичные|частые|вот|примеры|например)\b",
        # paragraphs that open with an ordinal ("Во-первых, …", "Первая — …")
        "answer.ordinal": r"^(?:во-первых|во-вторых|в-третьих|в-четв[её]ртых|в-пятых|в-шестых|первое|второе|третье|четв[её]ртое|пятое|первая|вторая|третья|четв[её]ртая|пятая|первый|второй|третий|четв[её]ртый|пятый)\b",
        # a question about two things ("стек и куча", "heap/stack"): the words either side
        "question.pair": r"(?P<x>[\w#+.()-]{2,})\s*(?:/|\bи\b|\bили\b)\s*(?P<y>[\w#+.()-]{2,})",
        # a one-sentence opening that counts what follows ("… дают несколько важных преимуществ.")
        "answer.leadin_count": r"\b(?:нескольк\w*|ряд\w*|следующ\w*)\b",
        # a lone condition that heads a list ("Если редьюсер будет нечистым" and the list)
        "answer.leadin_clause": r"^(?:если|при условии, что)\b[^,;]*$",
        # --- h18-answers ---
        # a sentence that points at a figure or an example ("Above is an example of …",
        # "Ниже приведён пример."): what follows comments on it, it answers nothing
        "answer.figure": r"^(?:(?:ниже|выше) (?:приведен\w*|приведён\w*|показан\w*|представлен\w*|изображен\w*|пример)|(?:на|в) (?:картинке|рисунке|схеме|изображении|таблице|скриншоте) (?:выше|ниже)|(?:смотри|смотрите|см\.) (?:ниже|выше))",
        # where a note says the remedy after the cause ("Решение — …", "The fix is …")
        "answer.solution": r"^(?:решение|исправление|выход|лечение|фикс|способ решения|чтобы (?:избежать|исправить|решить|предотвратить) (?:это|эту|этого|такое|такую|проблем\w*|ситуаци\w*)|для (?:решения|исправления|предотвращения) (?:этого|этой|проблем\w*))\b",
        # usage advice ("Используйте X для …", "Use X when …"): it says when to take a
        # side, not how the sides differ
        "answer.advice": r"^(?:-\s*)?(?:не\s+)?(?:используйте|используй|применяйте|применяй|выбирайте|выбирай|избегайте|избегай|берите|бери|предпочитайте|предпочитай|лучше (?:использовать|брать|выбрать|выбирать)|стоит (?:использовать|выбрать|выбирать)|рекомендуется)\b",
        # a sentence that sets two things against each other ("X …, а Y …", "whereas")
        "answer.contrast": r"\bа\b|\bно\b|\bтогда как\b|\bв то время как\b|\bв отличие от\b|\bзато\b|\bже\b|\bнапротив\b|\bотлича\w*|\bразниц\w*",
        # a lead-in that points at what follows ("… следующий стек.", "… the following
        # stack."): nothing without it, unlike one that only counts ("по нескольким …")
        "answer.announces": r"\bследующ\w*|\bниже\b|\bвот\b",
        # a sentence about the note, not its subject ("В этом разделе …", "Ниже
        # приведён …", "На схеме выше …"): a pointer, the answer starts after it
        "answer.pointer": r"^(?:чтобы (?:понять|разобраться)\b[^.]*?,\s*(?:нужно|надо|необходимо|стоит)|в (?:этом|данном|следующем) (?:разделе|параграфе|пункте|подразделе|блоке)|в (?:этой|данной|следующей) (?:секции|части|главе)|(?:этот|данный|следующий) (?:раздел|параграф|блок|пункт) (?:добавляет|дополняет|описывает|рассказывает|посвящ[её]н|объясняет|содержит|показывает)|(?:здесь|тут|далее|ниже|выше) (?:мы |я )?(?:рассмотрим|разбер[её]м|посмотрим|поговорим|обсудим|опишем|покажем|расскажу|приведен\w*|приведён\w*|показан\w*|описан\w*|представлен\w*|пример)|(?:на|в) (?:картинке|рисунке|схеме|изображении|таблице|скриншоте) (?:выше|ниже)|(?:смотри|смотрите|см\.) (?:ниже|выше)|давайте (?:разбер|рассмотр|посмотр|начн)\w*)\b",
        # a chatty opener, a whole sentence ("Отличный вопрос!", "Давайте разберёмся."):
        # no part of the answer, which starts after it
        "answer.filler": r"^(?:(?:это\s+)?(?:отличн|хорош|прекрасн|замечательн|интересн|классн|правильн|важн)\w*\s+вопрос\b[^.!?]{0,40}|(?:конечно|разумеется|хорошо|окей|ок|ладно|итак|короче|ну)(?:,?\s+давай(?:те)?\s+\w+(?:ся|сь)?)?|давай(?:те)?\s+(?:разбер[её]м(?:ся)?|посмотрим|разбираться|разбир[её]мся)(?:\s+по\s+порядку)?)\s*[.!…]*$",
        # a word that only opens a chatty answer ("Короче, …", "Конечно, …")
        "answer.filler_word": r"^(?:короче|ну|конечно|разумеется|окей|ок)\s*,\s*",
        # a sentence that only says two things differ ("X и Y имеют фундаментальные
        # различия", "Они сильно отличаются друг от друга"): the answer follows it
        "answer.restates": r"^[^.:]{0,80}\b(?:(?:имеют|есть|существуют|существует|имеется)\s+(?:\w+\s+){0,2}(?:различи|отличи|разниц)\w*|(?:\w+\s+)?(?:отличаются|различаются)(?:\s+друг\s+от\s+друга)?(?:\s+(?:по|в)\s+(?:нескольк|ряд|многом|многих)\w*(?:\s+\w+)?)?)\s*[.!]?$|^(?:разница|различия|отличия)\s+(?:между\s+ними\s+)?(?:есть|существенн\w*|значительн\w*|огромн\w*|принципиальн\w*|фундаментальн\w*)\s*[.!]?$",
        # --- h18-lists ---
        # a set's owner that is a part-of plural and says nothing of whose ("Компоненты",
        # "Основные особенности"): its question needs the note's subject
        "set.generic_owner": r"^(?:[а-яё-]+(?:ые|ие|ой|ый|ий|ая|яя|ое|ее)\s+){0,2}(?:компоненты|составляющие|части|элементы|особенности|свойства|характеристики|аспекты|паттерны|шаблоны|примеры|проблемы|преимущества|недостатки|плюсы|минусы|требования|этапы|шаги|уровни|типы|виды|категории|параметры|опции|настройки|возможности|функции|атрибуты|сценарии(?: использования)?|случаи(?: использования)?|варианты(?: использования)?)$",
        # a label that is a verb phrase, not a thing ("Использовать индексы"): no "что такое"
        "label.verb_phrase": r"^[а-яё]+(?:ть|ти|чь|ться|тись)\s+\S",
        # a table's columns that describe one thing each (a reference, not a comparison)
        "comparison.reference": r"описание|пример|примеры|синтаксис|использование|возвращает|возвращаемое значение|параметры|аргументы|сигнатура",
        # --- h19-answers ---
        # an aside in brackets that says the section goes over its subject again ("Что
        # такое X (подробнее)", "Рекурсия (продолжение)"): no question of its own
        "question.again_aside": r"подробнее|более подробно|детальнее|продолжение|ещ[её] раз|повторение|часть \d+",
        # a question about the one answering, not the subject ("Какие технологии вы
        # используете?", "Какова ваша роль …?", "Были ли проблемы с X?"): an account of
        # someone's work, nothing to learn; "… вы используете для мониторинга?" asks
        # for the tools of a task, which a student learns
        "question.about_you": r"\b(?:как\w*|котор\w*)\s+(?:технологи\w*|инструмент\w*|стек\w*|библиотек\w*|фреймворк\w*)\s+вы\s+(?:используете|применяете|выбираете|предпочитаете)\b(?!.*\b(?:для|чтобы)\b)|\bвы (?:использовали|применяли|работали|выбрали|предпочли|внедряли|внедрили|делали|писали|решали|участвовали|пользовались)\b(?!.*\b(?:для|чтобы)\b)|\b(?:ваш|ваша|ваше|ваши|вашем|вашей|вашего|вашим|вашу)\s+(?:опыт|роль|проект|проекты|команд\w*|стек|любим\w*|последн\w*|текущ\w*)|\bу вас\b|^(?:были|был|была|было|возникали|случались|бывали) ли (?:у вас )?(?:проблем\w*|сложност\w*|трудност\w*|ошибк\w*|инцидент\w*)\b",
        # an answer that speaks about itself ("Вот развёрнутый ответ, который можно
        # использовать на собеседовании"): a prepared speech, not the note's answer
        "answer.meta_reply": r"^(?:вот (?:\w+ )?(?:ответ|вариант ответа|пример ответа)|(?:пример|вариант|образец) (?:ответа|развёрнутого ответа|развернутого ответа))\b|\b(?:можно|можете|стоит) (?:использовать|сказать|рассказать|озвучить) (?:на|во время) (?:собеседовани\w*|интервью)\b|\bответ,? (?:который|которым) можно\b",
        # a sentence that only says two things get mixed up ("watch и watchEffect часто
        # путают, но задачи у них разные."): the answer follows it
        "answer.mixed_up": r"^[^.:]{0,80}\b(?:часто |нередко |легко )?(?:путают|смешивают|путаются)\b[^.:]{0,80}[.!]?$",
        # a title that asks how to build something ("Как написать пул потоков"): over an
        # article of several parts, the answer is the whole article
        "question.howto_build": r"как (?:построить|реализовать|написать|сделать|создать|спроектировать|разработать|собрать)\b",
        # an opening that is not yet the answer: what the thing is not, the other
        # approach, the previous section recalled ("Термин «X» немного сбивает с толку.",
        # "В предыдущем разделе …"); the answer is the paragraph after it
        "answer.aside_opening": r"^(?:(?:исходя из|на основе|опираясь на) (?:предыдущ|прошл)\w+|как (?:мы |уже )?(?:говорили|видели|обсуждали|упоминали|писали|разбирали|сказано|упоминалось|обсуждалось) (?:в (?:предыдущ|прошл)\w+ \w+|ранее|выше)|в (?:предыдущ|прошл)\w+ (?:раздел|глав|част|лекци|заметк|стать|пункт)\w*|напомн\w+,|(?:термин|слово|название)\s+\S+(?:\s+\S+)?\s+(?:немного |несколько |слегка |сильно |довольно )?(?:сбивает с толку|вводит в заблуждение|неудачн\w*|обманчив\w*|путает)|(?:в отличие от|по сравнению с) (?:традиционн|классическ|обычн|привычн|стандартн|старо)\w*|(?:традиционно|классически|обычно раньше),)",
        # --- h19-lists ---
        # a set's owner that judges or leaves it open ("Частые ошибки", "Хорошие
        # практики"): no list says all its members
        "set.open_owner": r"^(?:некоторые\s+)?(?:частые|частых|распространённые|распространенные|популярные|хорошие|полезные|типичные|лучшие|известные|интересные|важные|другие|прочие|различные|разные)\b",
        # an explanation of a call that says when to use it or when it runs, not what it
        # does ("when the list is sorted", "right before the component is mounted")
        "item.when_to_use": r"^(?:используется\s+|используют\s+|нужен\s+|нужна\s+|вызывается\s+)?(?:(?:сразу|непосредственно)\s+)?(?:когда|если|в случае|перед|после)\b",
        # a sentence that names a procedure by its goal ("Чтобы запустить любую программу
        # на CUDA, нужно выполнить три шага:"): the goal is the name; "любую" is no part of it
        "procedure.goal_intro": r"^(?:для того\s+)?чтобы\s+(?P<name>[^,]{3,80}?),\s+(?:нужно|необходимо|надо|следует|требуется|есть|существует|существуют|выполните|сделайте|пройдите)\b.*\b(?:шаг\w*|этап\w*|стади\w*|действи\w*)\b.*$",
        "procedure.any": r"\b(?:любой|любую|любое|любые|любого|любых)\b\s*",
        # a hook explained by the moment it runs ("перед удалением компонента")
        "item.when_called": r"^(?:вызывается\s+)?(?:(?:сразу|непосредственно)\s+)?(?:перед|после)\b|^вызывается\b",
        # a sentence adverb that opens an introduction ("Обычно жизненный цикл …")
        "procedure.leading_adverb": r"^(?:обычно|как правило|в целом|в общем|в общих чертах|типично)\s*,?\s+",
        # a heading that labels a part of a note, not a thing with pros and cons
        # ("Итого: какие минусы?")
        "comparison.label_owner": r"^(?:итого|итоги|выводы?|резюме|компромиссы|сравнение|оценка|анализ|обзор|заключение|обсуждение|заметки)$",
        # the cases of one algorithm (лучший / средний / худший): no things compared
        "comparison.cases": r"^(?:лучш\w*|худш\w*|средн\w*|типичн\w*|амортизированн\w*)(?:\s+случа\w*)?$|^в\s+(?:лучшем|худшем|среднем)(?:\s+случае)?$",
    },
    # --- h17-lists ---
    http_topic=re.compile(r"https?|http/\d|заголов|запрос|\bcors\b|кэш|кеш|cookie|куки", _FLAGS),
    http_central=re.compile(r"\bhttps?\b|http/\d|заголов", _FLAGS),
    http_request_prose=re.compile(
        r"(?i:метод\w*\s+(?:запрос|http)|http-метод|строк\w+\s+запроса|стартов\w+\s+строк)"
        r"|(?i:метод\w*|запрос\w*)\s+"
        + _HTTP_METHOD
        + r"|"
        + _HTTP_METHOD
        + r"(?:-|\s+)(?i:запрос|метод)"
    ),
    http_status_prose=re.compile(
        r"статус\w*|код\w*\s+(?:ответа|состояния|статуса)|строк\w+\s+статуса", _FLAGS
    ),
    draft_title=re.compile(
        r"^\s*(?:без названия|безымянн\w*|новая заметка)(?:[\s_-]*\d+)?\s*$", _FLAGS
    ),
    meta_subject=re.compile(
        r"^(?:(?:другие|прочие|некоторые|ещё|еще|все|эти|такие|основные|типичные|общие"
        r"|ключевые|важные|разные|различные|несколько)\s+)*"
        r"(?:примеры?|темы?|термины|вещи|пункты|моменты|идеи|понятия|аспекты|вопросы|детали"
        r"|список|части|особенности|методы|способы|принципы|метрики|параметры|свойства"
        r"|правила|шаги|типы|виды)(?:\s+(?:выше|ниже|здесь))?$"
        r"|^(?:(?:некоторые|другие|ещё|еще|типичные)\s+)?пример\w*"
        r"|^(?:кажд\w+|этот|эта|это|эти|такой|такая|такие|они|он|она|оно|его|её|их)\b"
        r"|\bсам[иа]?\b|\bиз них\b",
        _FLAGS,
    ),
    example_tail=re.compile(
        r"(?:[,;(]\s*|\s+)(?:такие как|таких как|такой как|например|в том числе|включая"
        r"|к примеру|типа|т\.\s?е\.?)\s*$",
        _FLAGS,
    ),
    narrative=re.compile(
        r"\b(?:вы|вас|вам|вами|ваш\w*|мы|нас|нам|нами|наш\w*)\b|\bнаверняка\b", _FLAGS
    ),
    announces_difference=re.compile(
        r"^(?:(?:ещё|еще|другое|другая|одно|главное|основное|второе|третье|последнее"
        r"|важное|ключевое)\s+(?:одно\s+)?)?(?:отличие|различие|разница)\b",
        _FLAGS,
    ),
    attribute_nouns=re.compile(
        r"характеристик|особенност|свойств|част[иеь]|компонент|элемент|аспект|параметр|атрибут|пол[еяй]",
        _FLAGS,
    ),
    # --- h17-defs ---
    **ru_terms.DEFINITIONS,
    # --- h17-topic ---
    topic_qualifier=_TOPIC_QUALIFIER,
    topic_meta=_TOPIC_META,
    topic_transliterated=_TRANSLITERATED,
    topic_labels=_TOPIC_LABELS,
    topic_label_opening=re.compile(r"^(?:сравнение|пример\w*|отличи\w+|разниц\w+)\b", re.I),
    topic_folders=word_set(
        """заметки вопросы собес собесы собеседование собеседования ответы архив разное
        входящие шаблоны вложения курсы курс лекции конспекты материалы статьи черновики
        темы учеба учёба дневник личное прочее задачи практика семинары экзамен основы
        программирование voprosy sobes zametki otvety главы разделы"""
    )
    | {"без названия"},
    is_sentence=is_title_sentence,
    is_person=is_person,
    # --- h18-defback ---
    back_evaluative=re.compile(
        # the judging stems of ru_terms (one list) with an adjective's ending, words that
        # rank or name without saying what ("известный", "так называемый"), and
        # "искусство", which judges its genus ("искусство, требующее …")
        rf"(?:{ru_terms.JUDGING_STEMS}|известн|лучш)(?:ый|ий|ой|ая|яя|ое"
        r"|ее|ые|ие|ого|его|ому|ему|ую|юю|ых|их|ым|им|ыми|ими|ом|ем)"
        r"|так|называем\w*|искусств\w*",
        _FLAGS,
    ),
    back_hedges=re.compile(r"очень|часто|обычно|широко|всегда|иногда|только|лишь|просто", _FLAGS),
    back_side=re.compile(r"для|чтобы|используем\w*|применяем\w*|предназнач\w*|служащ\w*", _FLAGS),
    back_clause=re.compile(r"котор\w+|где|когда|чей|чья|чьё|чьи", _FLAGS),
    back_continues=re.compile(
        r"(?:он|она|оно|они|его|её|ее|их|это|этот|эта|эти|такой|такая|такое|такие)\b"
        r"|(?:нуж(?:ен|на|но|ны)|использу\w+|применя\w+|позволя\w+|служ\w+"
        r"|предназнач\w+|работа\w+|помога\w+)\b",
        _FLAGS,
    ),
    back_aside=re.compile(
        r"(?:например|к примеру|напр\.|т\.\s?е\.|однако|но|хотя|правда|см\.|подробнее"
        r"|это (?:как|похоже)|представьте"
        r"|примеры?|обратите внимание|в (?:этой|данной) (?:статье|заметке|главе|части"
        r"|лекции)|(?:эта|этот|эти|данная|данный|следующ\w+) (?:стать\w+|заметк\w+|глав\w+"
        r"|раздел\w*|част\w+|пример\w*|схем\w+|рисун\w+|таблиц\w+|слайд\w*))\b"
        r"|.*\b(?:ниже|следующим образом|следующее|следующие)\b",
        _FLAGS,
    ),
    back_measure=re.compile(
        r"(?:(?:около|примерно|приблизительно|порядка|до|от|более|менее|свыше|почти)\s+"
        r"|[~≈<>]\s*)?\d[\d.,]*\s*(?:%|[–-]\s*\d|[×x]\s*\d|[a-zа-яёµ])",
        _FLAGS,
    ),
    is_adjective=is_adjective,
    head_first=True,
    back_goes_on=re.compile(
        r"\s*,\s*(?:например|такие как|такой как|такая как|такое как|в том числе|в частности"
        r"|т\.\s?е\.|то есть)\s",
        _FLAGS,
    ),
    # --- h19-defback ---
    back_meta_genus=re.compile(
        r"поняти[ея]|концепци[яи]|концепт\w*|иде[яи]|инструмент(?:ы|а|арий)?|техник[аи]|подход(?:ы|а)?"
        r"|искусств\w*|вещ[ьи]|штук[аи]|тем[аы]|практик[аи]",
        _FLAGS,
    ),
    back_kind_genus=re.compile(
        r"вид(?:ы|а)?|тип(?:ы|а)?|разновидност[ьи]|подвид(?:ы|а)?|подтип(?:ы|а)?|форм[аы]|вариант(?:ы|а)?|верси[яи]"
        r"|случа[йи]|класс(?:ы|а)?|категори[яи]|семейств[оа]|пример(?:ы|а)?|обобщени[ея]|подкласс(?:ы|а)?",
        _FLAGS,
    ),
    back_role_genus=re.compile(
        r"ресурс\w*|фактор\w*|причин[аы]|источник\w*|актив(?:ы)?|основ[аы]|фундамент", _FLAGS
    ),
    back_usage=re.compile(
        # "термин, который используется движком WebKit": where the term is used; "не …",
        # "вовсе не …": what it is not
        # (not "ключевое слово, используемое для …": a purpose says what it is)
        r"^(?:\w+\s+)?(?:термин|название|выражение|обозначение)\w*,?\s+"
        r"(?:котор\w+\s+)?(?:\w+\s+)?(?:использу|употребля|применя|встречает)\w*+"
        r"(?!\s+(?:для|чтобы)\b)"
        r"|^(?:не|вовсе\s+не|никак\s+не)\s"
        # "более строгая форма сходимости, чем …": what it is compared with
        r"|^(?:\w+\s+)?(?:более|менее)\s+(?:[\w-]+\s+){1,4}?чем\b"
        r"|^\w+(?:ее|ей|ше|же)\s+(?:[\w-]+\s+){0,4}?[\w-]+,?\s+чем\b",
        _FLAGS,
    ),
    back_because=re.compile(r"(?:потому\s+что|так\s+как|поскольку|благодаря|из-за)\b", _FLAGS),
    back_pointing=re.compile(
        # ("данных", "данные" are data: "структура данных")
        r"этот|эта|эти|этого|этой|этих|этим|этому|эту|этом|этими"
        r"|данн(?:ый|ая|ое|ого|ой|ому|ую)|так(?:ой|ая|ое|ие|ого|их|им|ому|ую)",
        _FLAGS,
    ),
)
