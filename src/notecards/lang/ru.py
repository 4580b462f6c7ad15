"""Russian: the questions notecards asks in Russian notes, and the words its guards read."""

from __future__ import annotations

import re

from notecards.lang import LanguagePack
from notecards.text.sentences import word_set

PACK = LanguagePack(
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
)
