"""Russian: the questions notecards asks in Russian notes, and the words its guards read."""

from __future__ import annotations

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
        # h12-recall: questions.py, purposes.py, comparisons.py ({verb} is the note's
        # own verb, so it agrees with the term without a grammar library)
        "question.in_context": "{context}: {question}",
        "question.topic": "В чём {topic}?",
        "question.versus": "Чем отличаются {x} и {y}?",
        "purpose.for": "Для чего {verb} {x}?",
        "purpose.allows": "Что {verb} делать {x}?",
        "purpose.responsible": "За что {verb} {x}?",
        "purpose.returns": "Что {verb} {x}?",
        "purpose.how": "Как {goal}?",
        "comparison.pros": "Какие плюсы у {x}?",
        "comparison.cons": "Какие минусы у {x}?",
    },
    generic_headings=word_set(
        """введение заключение итоги итог вывод выводы примеры пример ссылки источники
        литература примечания содержание оглавление дополнительно разное задачи упражнения
        вопросы ответы заметки теория практика обзор описание определение определения
        прочее другое итого советы"""
    ),
    cues={
        # h12-recall: questions.py, code_tasks.py, comparisons.py
        "question.start": r"что|как|зачем|почему|отчего|для чего|чем|какие|какой|какая|какое|каким|какими|каков|какова|каково|каковы|где|когда|куда|откуда|сколько|кто|насколько|в чём|в чем|в каких|в каком|при каких|за счёт чего|за счет чего|\w+ ли",
        "question.request": r"расскажите|расскажи|объясните|объясни|опишите|опиши|поясните|поясни|назовите|назови|перечислите|перечисли|приведите|сравните|сравни|что вы знаете",
        "question.topic": r"разница|различие|различия|отличие|отличия|смысл|суть|преимущество|преимущества|особенность|особенности",
        "question.answer_heading": r"ответ|краткий ответ|кратко|коротко|суть",
        "question.vague": r"это|этот|эта|эти|этим|этого|его|её|ее|их|него|неё|нее|них|он|она|оно|они|им|ним|нему|ней|там|тут|здесь",
        "question.filler": r"что|как|зачем|почему|когда|где|чем|какие|какой|какая|какое|важно|понимать|делать|сделать|использовать|применять|применяется|используется|нужно|нужен|нужна|нужны|стоит|лучше|особенно|уместен|уместно|можно|нельзя|надо|происходит|работает|выглядит|выбрать|читать|почитать|дальше|так|важен|полезен|полезно|в|на|с|о|об|для|при|по|к|за|из|от|до|и|а|но|ли|не|же|то|это|бывает|есть|было|будет|ещё|еще|всё|все|вообще|самое|главное|итоге",
        "question.what_is": r"что такое|что есть|что представляет собой",
        "question.set": r"какие|каковы|перечислите|назовите|что входит",
        "answer.leadin": r"(?:есть|существует|существуют|выделяют|бывает|бывают|можно выделить|используется|используют|включает|дает|даёт)\b.{0,40}\b(?:несколько|ряд|следующ\w*|много|различные|разные)\b|^(?:вот|ниже)\b",
        "summary.start": r"таким образом|итак|в итоге|короче говоря|иными словами|другими словами|в общем|подводя итог|итого|вывод|коротко",
        "summary.heading": r"итог|итоги|итого|вывод|выводы|резюме|кратко|коротко",
        "task.heading": r"задача|задание|условие|упражнение|практика",
        "task.statement": r"напишите|напиши|реализуйте|реализуй|создайте|создай|дан|дана|дано|даны|нужно написать|необходимо написать|требуется|написать функцию|реализовать|что будет выведено|что выведет|что выведется|исправьте|найдите|преобразуйте",
        "task.solution": r"решение|ответ|реализация|вариант решения|код",
        "task.idea": r"идея|подход|объяснение|пояснение|суть|сложность",
        "comparison.pros": r"плюсы|преимущества|достоинства",
        "comparison.cons": r"минусы|недостатки",
    },
)
