"""Russian definitions: what is no term ("отличный список", "примеры …"), which back
defines nothing ("про …", "тоже …", "лишь …"), what a reversal cannot ask back, and how
its description singles out a term. The pack's fields for extractors/definitions.py, kept
apart from ru.py so that the pack's module stays one screenful of words per concern."""

from __future__ import annotations

import re

from notecards.text.morphology import is_lone_non_noun, opens_with_predicate, opens_with_verb
from notecards.text.sentences import word_set

# --- h18-deffront: the words of the fields below ---
_INTENSIFIERS = (
    r"(?:(?:очень|довольно|достаточно|крайне|весьма|самы?[йяеи]|наиболее|более|просто)\s+)*"
)
# one list of judging stems: evaluative fronts and backs here, and the words a back's
# reading counts as judgement (ru.py `back_evaluative`, definition_backs)
JUDGING_STEMS = (
    r"важн|главн|ключев|фундаментальн|полезн|удобн|интересн"
    r"|отличн|хорош|плох|мощн|классн|крут|замечательн|прекрасн|незаменим|основн"
    r"|популярн|неотъемлем"
    r"|универсальн|гибк|потрясающ"  # h19-defback
)
# stems that judge only before a genus that classifies nothing ("простая вещь"); before
# a real one they describe it ("простые функции, которые возвращают JSX")
_DESCRIBING = r"нужн|необходим|сложн|прост(?!ранств)|базов|типичн|обязательн|эффективн"
_JUDGING = rf"{JUDGING_STEMS}|{_DESCRIBING}"
# nouns that classify nothing: "важная вещь", "ключевой момент", "полезный навык"
_GENERIC_GENUS = (
    r"вещ|штук|момент|навык|част[ьиюей]|тем[аыу]\b|иде[яиюей]|концепци|аспект|шаг|практик"
    r"|привычк|способ|подход|фич|задач|вопрос|проблем|пункт|деталь|элемент|умени"
)


# --- h19-deffront ---
# what a note says of its subject, not a kind of thing: "главная особенность X"
_MERIT_NOUNS = (
    r"особенност|преимуществ|достоинств|недостат|отличи|черт[аыуе]\b|свойств"
    r"|част(?:ь|и|ей|ям|ями|ях)\b|иде(?:я|и|ей|ю)\b|цел(?:ь|и|ей)\b|задач|проблем|принцип"
    r"|плюс|минус|фишк|момент"
)


# the pack's fields for extractors/definitions.py (lang.LanguagePack says what each is)
DEFINITIONS: dict[str, object] = dict(
    not_a_term=re.compile(
        # an evaluation, not a term: "отличный список", "самая важная часть"
        r"^(?:сам(?:ый|ая|ое|ые)\s|(?:отличн|хорош|идеальн|прекрасн|замечательн|ужасн"
        r"|классн|интересн|важн)\w*\s|крут(?:ой|ая|ое|ые)\s"
        r"|(?:лучш|худш)\w*\s+(?:способ|вариант|пример|выбор|подход)\w*$)"
        r"|^(?:любой|любая|любое|любые|все|всё|некоторые|многие|другие|разные|различные)\s"
        r"|\s(?:против|vs\.?|versus|[+→])\s"  # two terms set against or joined
        r"|^примеры?\b"  # "примеры баз данных SQL": no definition, and it is plural
        r"|^(?:проблема|решение|задача|вопрос|ответ|идея|цель|суть|итог|вывод)$"
        # --- h19-deffront: a superlative of the note's judgement ("главная особенность
        # MySQL"), a determiner ("каждый процесс"), a meta noun ("более строгое
        # определение состояния", "название") ---
        rf"|^(?:{_INTENSIFIERS})?(?:главн|основн|ключев|важнейш|наиболее\s+\w+)\w*\s+"
        rf"(?:{_MERIT_NOUNS})"
        r"|^(?:каждый|каждая|каждое|каждые|всякий|всякая|всякое|всякие|остальные)\s"
        r"|(?:^|\s)(?:более|менее)\s+\w+\s+(?:определение|описание|объяснение|формулировка)\b"
        r"|^(?:название|имя|значение|результат|термин|смысл|датасет|проект|да|нет)$"
        r"|\.(?:png|jpe?g|gif|svg|pdf|md|txt|csv|json|ya?ml|html?)$",  # a file, not a term
        re.IGNORECASE,
    ),
    not_a_definition=re.compile(
        r"^(?:про|насч[её]т|лишь)\s"  # "про гарантии …": what it is about, not what it is
        r"|(?:^|\s)ниже\s+(?:приведен|перечислен|описан|показан)\w*"  # a pointer
        # --- h18-deffront: a pointer to text above, a contrast in place of a definition ---
        r"|(?:^|\s)(?:описан|показан|сказан|упомянут|определ[её]н|рассмотрен)\w*\s+(?:выше|ранее)\b"
        r"|,\s+в\s+отличие\s+от\s+[^,]+$"  # "стабильная сортировка, в отличие от Quick Sort"
        r"|(?:^|\s)тоже(?:\s|$)"  # "тоже …": leans on a definition elsewhere
        r"|,\s+а\s+(?:\S+\s+){0,4}?(?:[—–]|-\s|это\s)"  # ", а CAP — …": a second one
        r"|,\s+как\s+и\s"  # ", как и Object": leans on another term
        r"|\s(?:где|когда|если|куда|чем)$"  # "… (base, name, strict), где": cut off
        # "… и бывает двух типов": the definition is the list that follows
        r"|(?:двух|тр[её]х|четыр[её]х|нескольких|двумя|тремя)\s+(?:тип|вид|част|этап"
        r"|компонент|форм)\w*$",
        re.IGNORECASE,
    ),
    opens_with_predicate=opens_with_predicate,
    opens_with_verb=opens_with_verb,
    genus_end=re.compile(
        r"котор\w+|где|чей|чья|чьё|чьи|когда|для|в|во|на|с|со|из|от|по|к|при|между|о|об|без"
        r"|через|под|над|у|за|до",
        re.IGNORECASE,
    ),
    weak_words=word_set(
        """является являются быть может могут используется используются использует
        специальный специальная специальное специальные особый особая особое некоторый
        некоторая некоторые определённый определенный определённая определенная разный
        разные различные другой другая другие очень более часто обычно также тоже свой
        своя своё свои который которая которое которые этот эта это эти"""
    )
    # --- h19-deffront: quantifiers narrow nothing ("доступная любому потоку") ---
    | word_set("""каждый каждого каждому каждой любой любого любому многие многих
        несколько"""),
    expands_acronym=re.compile(
        r"^(?:сокращение|аббревиатура|акроним)\s+от\s+(?P<x>.+)$"
        r"|^расшифровывается\s+как\s+(?P<x2>.+)$",
        re.IGNORECASE,
    ),
    is_evaluation=is_lone_non_noun,
    not_a_description=re.compile(
        r"(?:^|\s)(?:например|т\.\s?е\.|т\.\s?к\.|и\s+т\.\s?[дп]\.|см\.|мы|нам|нас|наш\w*)"
        r"(?=[\s,.;:)]|$)|="
        # "… значения 1": a footnote's number ("версии 2", "уровня 3" are not)
        r"|\s(?!(?:верси|уровн|степен|этап|шаг|тип|класс|сло|пункт|глав|част|номер|раздел)"
        r"\w*\s)[а-яё]{3,}\s+\d{1,2}$",
        re.IGNORECASE,
    ),
    not_an_answer=re.compile(
        r"^(?:сам(?:ый|ая|ое|ые)\s|(?:отличн|хорош|плох|лучш|худш|идеальн|прекрасн"
        r"|правильн|неправильн|верн|неверн)\w*\s+(?:мысл|иде|подход|вариант|решени|ответ|"
        r"выбор|путь|способ)\w*$)",  # "правильная мысль": an evaluation
        re.IGNORECASE,
    ),
    letters=re.compile(r"[а-яё]", re.IGNORECASE),
    answer_context=re.compile(r"\s+(?:в|во|по)\s+(?P<context>[A-ZА-ЯЁ][\w.#+-]*)$"),
    # --- h18-deffront ---
    evaluative_answer=re.compile(
        # "важная вещь для любой базы", "фундаментальный навык для работы с SQL", "лучший
        # способ …": a judgement of the term, no genus that says what it is
        rf"^{_INTENSIFIERS}(?:{_JUDGING})\w*\s+(?:(?:и|или)\s+\w+\s+)?(?:{_GENERIC_GENUS})"
        r"|^(?:лучш|худш)\w*\s|^будущее\b",
        re.IGNORECASE,
    ),
    activity_term=re.compile(
        # "умение писать запросы", "понимание различий между …": knowing or doing
        # something, not a term ("Внедрение зависимостей", "Шардирование" are terms)
        r"^(?:умени|понимани|знани|изучени|использовани|применени|владени|освоени)\w*\s+\S",
        re.IGNORECASE,
    ),
    inverted_copula=re.compile(
        # "Главное в SQL — это …": a substantivised adjective, the predicate, not a term
        r"^(?:главное|основное|важное|ключевое|интересное|общее|сложное|единственное"
        r"|самое\s+\w+)\s+(?:в|во|для|у|при|о|об|с|со|из|на)\b",
        re.IGNORECASE,
    ),
    clause_description=re.compile(
        # "язык таблицы стилей, он позволяет …", "…, один из них …": a second sentence
        r",\s+(?:он|она|оно|они)\s|,\s+(?:один|одна|одно|некоторые)\s+из\s+них\b",
        re.IGNORECASE,
    ),
    category_noun=re.compile(
        # a category whose members are many ("распределённый брокер сообщений, который
        # работает по принципу издатель-подписчик" fits Kafka and RabbitMQ alike)
        r"(?:брокер|инструмент|библиотек|фреймворк|язык|субд|протокол|сервис|платформ"
        r"|систем|сервер|движ[оё]к|редактор|формат|пакет|компилятор|браузер|стандарт|утилит"
        r"|программ|приложени|очеред|хранилищ)\w*",
        re.IGNORECASE,
    ),
    term_aside=re.compile(
        # "vue сам по себе", "Сама Hot Update логика": words of the sentence ("X обычно
        # является Y" stays no definition: a hedge, and its reversal fits many terms)
        r"^(?:сам|сама|само|сами)\s+(?=\S)|\s+(?:сам|сама|само|сами)\s+по\s+себе$",
        re.IGNORECASE,
    ),
    names_the_term=re.compile(
        r"^(?:(?:общее|обобщённое|обобщенное)\s+)?(?:название|термин)\s+(?:для)\s+(?=\S)",
        re.IGNORECASE,
    ),
    # --- h19-deffront ---
    explains_genus=re.compile(
        # "блочный шифр, то есть …": what follows explains the genus, not the term
        r",\s+(?:то\s+есть|т\.\s?е\.|что\s+означает|что\s+значит|иными\s+словами)\s",
        re.IGNORECASE,
    ),
    description_residue=re.compile(
        # "(пункт 5)", "[HTML Spec]", "ссылка 1": the note's cross-references
        r"\(\s*(?:пункт|п\.|шаг|рис\.?|см\.?|стр\.?|глава|раздел)\s*\d+[^)]*\)|\[[^\]]*\]"
        r"|(?:^|\s)(?:ссылка|источник)\s+\d"
        # "переменная, count текущее значение": a code name glued into the words
        r"|(?<![\w./#@-])(?-i:[a-z_][a-z0-9_]*)\s+(?!(?:и|или|а|но|в|во|на|для|с|со|к|по|от|до|из"
        r"|за|при|как|это)\s)[а-яё]",
        re.IGNORECASE,
    ),
    leans_elsewhere=re.compile(
        # "упомянутый URL", "эта функция", "все остальные файлы", "вы хотите"
        r"(?:^|\s)(?:вышеупомянут|вышеуказанн|вышеописанн|упомянут|указанн)\w*"
        r"|(?:^|\s)(?:этот|эта|этого|этой|этих|этим|этому|этими|эти|остальн\w+|прочие)(?=\s|$)"
        r"|(?:^|\s)(?:вы|вам|вас)\s+(?:хотите|нужно|надо|можете|должны|хотели)\b",
        re.IGNORECASE,
    ),
    judging_words=re.compile(
        r"очень|крайне|весьма|довольно|невероятно|(?:популярн|мощн|удобн|полезн|хорош|прекрасн"
        r"|лучш|известн|зрел|замечательн|крут)\w*",
        re.IGNORECASE,
    ),
    meta_genus=re.compile(
        # "итог многолетней работы", "плод …": no kind of thing, only where it came from
        r"^(?:итог|плод|следстви|последстви)\w*\b",
        re.IGNORECASE,
    ),
)
