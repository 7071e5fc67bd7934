"""Data for people and speaker resolution: role words and synonyms, pronouns, unnamed sources.

All words are lemmas (pymorphy3 normal forms), lower-case, ``ё`` written as ``е``.
"""

from __future__ import annotations

import re

#: Multi-word role synonyms: a lemma sequence → its canonical lemma sequence.
#: Applied to role phrases before comparing them ("глава мид" means "министр иностранных дел").
ROLE_SYNONYMS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("глава", "мид"): ("министр", "иностранный", "дело"),
    ("глава", "министерство", "иностранный", "дело"): ("министр", "иностранный", "дело"),
    ("глава", "внешнеполитический", "ведомство"): ("министр", "иностранный", "дело"),
    ("руководитель", "внешнеполитический", "ведомство"): ("министр", "иностранный", "дело"),
    ("глава", "дипломатия"): ("министр", "иностранный", "дело"),
    ("глава", "министерство"): ("министр",),  # "глава ведомства" after "министр транспорта …"
    ("глава", "ведомство"): ("министр",),
    ("руководитель", "министерство"): ("министр",),
    ("руководитель", "ведомство"): ("министр",),
    ("глава", "государство"): ("президент",),
    ("руководитель", "государство"): ("президент",),
    ("лидер", "государство"): ("президент",),
    ("глава", "правительство"): ("премьер-министр",),
    ("председатель", "правительство"): ("премьер-министр",),
    ("глава", "кабмин"): ("премьер-министр",),
    ("премьер",): ("премьер-министр",),
    ("глава", "минобороны"): ("министр", "оборона"),
    ("глава", "минфин"): ("министр", "финансы"),
    ("глава", "мвд"): ("министр", "внутренний", "дело"),
    ("глава", "город"): ("мэр",),
    ("градоначальник",): ("мэр",),
    ("глава", "регион"): ("губернатор",),
    ("глава", "область"): ("губернатор",),
    ("глава", "края"): ("губернатор",),
    ("глава", "край"): ("губернатор",),
    ("наставник",): ("тренер",),
    ("главный", "тренер"): ("тренер",),
    ("спикер",): ("пресс-секретарь",),
    ("официальный", "представитель"): ("представитель",),
    # compound abbreviations (сложносокращенные слова) stand for the phrase they shorten, its head first (as
    # resolve._role_words orders a role)
    ("худрук",): ("руководитель", "художественный"),
    ("гендиректор",): ("директор", "генеральный"),
    ("главврач",): ("врач", "главный"),
    ("генсек",): ("секретарь", "генеральный"),
    ("замминистра",): ("заместитель", "министр"),
    ("замдиректора",): ("заместитель", "директор"),
    ("замглавы",): ("заместитель", "глава"),
    ("замгубернатор",): ("заместитель", "губернатор"),
    ("комбат",): ("командир", "батальон"),
}

#: Single role lemmas that stand for each other when a bare noun is used ("глава" for "министр"…).
ROLE_HEAD_EQUIV: dict[str, frozenset[str]] = {
    "глава": frozenset(
        {
            "министр",
            "президент",
            "председатель",
            "руководитель",
            "мэр",
            "губернатор",
            "директор",
            "премьер-министр",
            "глава",
        }
    ),
    "руководитель": frozenset({"директор", "председатель", "глава", "руководитель", "начальник"}),
    "премьер": frozenset({"премьер-министр"}),
    # in court "адвокат" and "защитник" name the same party: the defence counsel
    "адвокат": frozenset({"адвокат", "защитник"}),
    "защитник": frozenset({"адвокат", "защитник"}),
    # "чилийский лидер", "лидер страны": the head of state or government
    "лидер": frozenset({"президент", "премьер-министр", "глава", "председатель", "лидер", "канцлер"}),
    # "— отметил врач" of a surgeon or a cardiologist: a doctor's specialty is a doctor (and its compounds:
    # кардиохирург, нейрохирург)
    "врач": frozenset(
        {
            "врач",
            "хирург",
            "терапевт",
            "кардиолог",
            "педиатр",
            "онколог",
            "невролог",
            "генетик",
            "офтальмолог",
            "анестезиолог",
            "реаниматолог",
            "травматолог",
            "стоматолог",
            "гинеколог",
            "психиатр",
            "инфекционист",
        }
    ),
    # a stage performer is an "актер" or an "артист" alike ("народная артистка" is "актриса" later)
    "актер": frozenset({"актер", "артист"}),
    "артист": frozenset({"актер", "артист"}),
    "актриса": frozenset({"актриса", "артистка"}),
    "артистка": frozenset({"актриса", "артистка"}),
}

#: Abbreviations and words that name the same place/organization inside roles.
ROLE_WORD_EQUIV: dict[str, str] = {
    "рк": "казахстан",
    "рф": "россия",
    "российский": "россия",
    "казахстанский": "казахстан",
    "таджикский": "таджикистан",
    "мид": "министерство иностранный дело",
    "сша": "америка",
    "американский": "америка",
    "украинский": "украина",
    "белорусский": "белоруссия",
    "германия": "германия",
    "немецкий": "германия",
    "французский": "франция",
    "британский": "великобритания",
}

#: Personal pronouns a quote scanner may hand over as the speaker mention, with their gender.
PRONOUNS: dict[str, str | None] = {
    "он": "masc",
    "его": "masc",
    "него": "masc",
    "ему": "masc",
    "нему": "masc",
    "ним": None,
    "она": "femn",
    "ее": "femn",
    "нее": "femn",
    "ей": "femn",
    "ней": "femn",
    "ею": "femn",
    "они": "plur",
    "их": "plur",
    "них": "plur",
    "им": "plur",
}

#: Nouns for an unnamed person source: the speaker stays a description ("источник в МИД").
UNNAMED_SOURCES: frozenset[str] = frozenset(
    {
        "источник",
        "собеседник",
        "представитель",
        "очевидец",
        "свидетель",
        "житель",
        "сотрудник",
        "чиновник",
        "эксперт",
        "аналитик",
        "специалист",
        "участник",
        "пользователь",
        "знакомый",
        "сосед",
        "родственник",
        "наблюдатель",
        "инсайдер",
        "информатор",
        "журналист",
        "корреспондент",
        "репортер",
        "осведомленный",
        "посетитель",
        "читатель",
        "зритель",
        "слушатель",
        "аноним",
        # the feminine nouns of the same sources (a lemma keeps its own gender: "собеседница", not "собеседник")
        "собеседница",
        "представительница",
        "очевидица",
        "свидетельница",
        "жительница",
        "сотрудница",
        "участница",
        "пользовательница",
        "соседка",
        "родственница",
        "наблюдательница",
        "журналистка",
        "корреспондентка",
        "посетительница",
        "читательница",
        "зрительница",
        "слушательница",
    }
)

#: Adjectives and participles used as nouns for a person ("говорит ученая", "заявил задержанный").
SUBSTANTIVE_PERSONS: frozenset[str] = frozenset(
    {
        "ученый",
        "пострадавший",
        "задержанный",
        "подозреваемый",
        "обвиняемый",
        "подсудимый",
        "погибший",
        "раненый",
        "управляющий",
        "заведующий",
        "дежурный",
        "рабочий",
        "военный",
        "верующий",
        "отдыхающий",
        "выживший",
        "арестованный",
        "осужденный",
        "потерпевший",
        "уполномоченный",
        "нападающий",
        "ведущий",
        "командующий",
        "заключенный",
        "пленный",
        "участковый",
        "выступающий",
        "председательствующий",
        "опрошенный",
        "пропавший",
        "похищенный",
    }
)

#: Nouns that make a mention an organization or a document, not a person.
ORG_SPEAKER_HEADS: frozenset[str] = frozenset(
    {
        "пресс-служба",
        "служба",
        "министерство",
        "ведомство",
        "мид",
        "минобороны",
        "правительство",
        "администрация",
        "канцелярия",
        "агентство",
        "компания",
        "корпорация",
        "банк",
        "фонд",
        "клуб",
        "комитет",
        "совет",
        "управление",
        "департамент",
        "прокуратура",
        "следствие",  # the investigating body: "по данным следствия"
        "суд",
        "полиция",
        "мэрия",
        "штаб",
        "партия",
        "организация",
        "центр",
        "кремль",
        "канал",
        "телеканал",
        "газета",
        "издание",
        "редакция",
        "федерация",
        "союз",
        "ассоциация",
        "пресс-центр",
        "офис",
        "посольство",
        "дума",
        "госдума",
        "парламент",
        "сенат",
        "минздрав",
        "минфин",
        "мвд",
        "мчс",
        "фсб",
        "ск",
        "гу",
        "оон",
        "нато",
        "ес",
        "белый",
        "дом",
        "телевидение",
        "радио",
        "телекомпания",
        "радиостанция",
    }
)

#: Nouns naming a text, not its author ("говорится в сообщении", "в заявлении").
DOCUMENT_HEADS: frozenset[str] = frozenset(
    {
        "сообщение",
        "заявление",
        "документ",
        "релиз",
        "пресс-релиз",
        "письмо",
        "обращение",
        "доклад",
        "отчет",
        "постановление",
        "решение",
        "приговор",
        "вердикт",
        "приказ",
        "указ",
        "текст",
        "публикация",
        "статья",
        "материал",
        "коммюнике",
        "декларация",
        "резолюция",
        "телеграмма",
        "бюллетень",
        "протокол",
        "ответ",
        "комментарий",
        "справка",
        "сайт",
        "блог",
        "микроблог",
        "аккаунт",
        "канал",
    }
)

#: Documents a person writes, not a body: a will, a letter, a note, a diary, a receipt. "«…», — говорится в
#: документе" after one of them was named quotes that person's paper, not the release of the body the dispatch
#: cited before it.
PERSONAL_DOCUMENTS: frozenset[str] = frozenset(
    {"завещание", "письмо", "записка", "дневник", "расписка", "открытка", "телеграмма", "мемуары"}
)

#: Modifiers of a role that exclude each other (both directions): "старший брат" is never the "младший сын".
OPPOSITE_MODIFIERS: tuple[tuple[str, str], ...] = (("старший", "младший"), ("младший", "старший"))

#: A work's noun before its maker's name in the genitive, and the maker's post it implies: "в постановке Ильи
#: Зарецкого" — the director; "в переводе X" — the translator; "под руководством X" — the head.
WORK_AGENT_NOUNS: dict[str, str] = {
    "постановка": "режиссер",
    "перевод": "переводчик",
    "руководство": "руководитель",
    "проект": "архитектор",
}

#: Bodies whose names hold their common noun ("Свердловский районный суд", "Арбитражный суд Самарской области"):
#: a bare "суд" later is the last one so named.
HEAD_NAMED_BODIES: frozenset[str] = frozenset({"суд", "прокуратура"})

#: A court's documents: "говорится в приговоре" — only a court passes one. (A bare "в решении" may be a
#: government's or a board's: left to the document rules.)
COURT_RULINGS: frozenset[str] = frozenset({"приговор", "вердикт"})

#: A party member's noun and how the party is written in a role ("депутат фракции КПРФ", "от «Единой России»"):
#: "— заявил коммунист" is the one person the dispatch ties to that party.
PARTY_MEMBERS: dict[str, re.Pattern[str]] = {
    "коммунист": re.compile(r"КПРФ|[Кк]оммунистическ", re.U),
    "единоросс": re.compile(r"[Ее]дин(?:ая|ой|ую) Росси|\bЕР\b", re.U),
    "справедливоросс": re.compile(r"[Сс]праведлив(?:ая|ой|ую) Росси|СРЗП|\bСР\b", re.U),
    "эсер": re.compile(r"[Сс]праведлив(?:ая|ой|ую) Росси|СРЗП|\bСР\b", re.U),
}

#: The anaphoric nouns that name a state body (never a company, a club or an outlet): "в сообщении ведомства" is
#: the last state body named before, not the company the sentence names after it.
STATE_BODY_ANAPHORS: frozenset[str] = frozenset({"ведомство", "министерство", "главк"})

#: Anaphoric organization nouns: "пресс-служба ведомства" → the organization named earlier.
ANAPHORIC_ORG: frozenset[str] = frozenset(
    {
        "ведомство",
        "министерство",
        "компания",
        "организация",
        "учреждение",
        "клуб",
        "агентство",
        "администрация",
        "управление",
        "служба",
        "департамент",
        "корпорация",
        "банк",
        "фонд",
        "телеканал",
        "канал",
        "издание",
        "газета",
        "главк",
        "холдинг",
        "концерн",
    }
)

#: Lower-case words that may sit inside a personal name ("Авраам ибн Эзра", "Людвиг ван Бетховен").
NAME_PARTICLES: frozenset[str] = frozenset(
    {
        "ибн",
        "бин",
        "бен",
        "ван",
        "фон",
        "де",
        "да",
        "дель",
        "ла",
        "ле",
        "аль",
        "эль",
        "ди",
        "дос",
        "дер",
        "оглы",
        "кызы",
        "заде",
        "уулу",
        "ульд",
        "минт",
        "бинт",
    }
)

#: The Arabic article as Russian writes it before a hyphen, with its assimilated forms (al- before "sun letters":
#: "ас-Сафи", "ад-Дин", "ар-Рашид", "аш-Шараа", "ат-Тани", "аз-Захир", "ан-Нахайян"), Egyptian "эль-": only ever a
#: particle in "ас-Сафи", never a word of its own (so not in NAME_PARTICLES: "ад" is hell).
ARTICLE_PREFIXES: frozenset[str] = frozenset(
    {"аль", "эль", "ас", "ад", "ар", "аш", "ат", "аз", "ан", "эс", "эд", "эш", "эт"}
)

#: Nouns that head an apposition role although pymorphy3 does not mark them animate.
EXTRA_ROLE_HEADS: frozenset[str] = frozenset(
    {
        "глава",
        "экс-президент",
        "экс-министр",
        "вице-премьер",
        "вице-президент",
        "пресс-секретарь",
        "спикер",
        "лидер",
        "замглавы",
        "зампред",
        "врио",
        "экс-глава",
    }
)

#: Lower-case adjectives that can open a role ("бывший министр", "первый вице-премьер").
ROLE_MODIFIERS: frozenset[str] = frozenset(
    {
        "бывший",
        "первый",
        "второй",
        "главный",
        "новый",
        "нынешний",
        "действующий",
        "известный",
        "генеральный",
        "исполнительный",
        "старший",
        "младший",
        "официальный",
        "временный",
        "премьер",
        # adjectives that make a post of their own ("художественный руководитель", "технический директор")
        "художественный",
        "научный",
        "технический",
        "коммерческий",
        "финансовый",
        "спортивный",
        "творческий",
    }
)

#: Animate nouns that are not roles of a person by themselves (kept out of role heads).
NOT_ROLE_HEADS: frozenset[str] = frozenset(
    {
        "человек",
        "люди",
        "ребенок",
        "мужчина",
        "женщина",
        "сторона",
        "тот",
        "гражданин",
        "господин",
    }
)

#: The unnamed-source nouns that say the source is anonymous: never the person the text has just named.
#: Adjectives of a role that do not tell which post it is, only when or how well it is held ("бывший министр" is
#: still the minister the role names): they never set two roles apart.
NON_DEFINING_ROLE_ADJECTIVES: frozenset[str] = frozenset(
    {
        "бывший",
        "новый",
        "нынешний",
        "действующий",
        "прежний",
        "известный",
        "знаменитый",
        "опытный",
        "молодой",
        "пожилой",
        "покойный",
        "легендарный",
        "многолетний",
        "постоянный",
    }
)

#: Titles of a church hierarch, who is named by his see's adjectives and a first name ("митрополит Псковский и
#: Порховский Арсений"): the adjectives are no part of his name.
HIERARCH_TITLES: frozenset[str] = frozenset(
    {"митрополит", "архиепископ", "епископ", "патриарх", "католикос", "экзарх", "викарий"}
)

#: Unnamed-source nouns a text uses as epithets for a source it has named ("Кротов не согласен. Эксперт полагает,
#: что …"): alone, they point back to that source (not "очевидец", "житель": those bring a new one in).
EPITHET_SOURCES: frozenset[str] = frozenset(
    {"эксперт", "аналитик", "специалист", "собеседник", "собеседница", "ученый"}
)

#: The one the outlet spoke to ("собеседник агентства", "собеседница издания"): always a source the text quotes,
#: never a new one — named by the paragraph, or no one (``resolve._interviewee``).
INTERVIEWEE_NOUNS: frozenset[str] = frozenset({"собеседник", "собеседница"})

#: Nouns of an outlet ("агентство", "издание"): the complement of an interviewee noun that names no one.
OUTLET_NOUNS: frozenset[str] = frozenset(
    {"агентство", "издание", "газета", "телеканал", "радиостанция", "портал", "журнал", "редакция"}
)

ANONYMOUS_SOURCES: frozenset[str] = frozenset({"источник", "аноним", "инсайдер", "информатор", "осведомленный"})

#: Nouns that say only a person's sex: alone after a speech verb ("— сказала женщина") they point back to the person
#: spoken of, as a pronoun of that gender does.
GENERIC_PERSON_NOUNS: dict[str, str] = {"женщина": "femn", "мужчина": "masc"}

#: Person nouns often followed by a genitive of possession ("отец Рината Хасанова", "адвокат Галиева"):
#: a name after them says nothing about its own case.
POSSESSIVE_ROLE_HEADS: frozenset[str] = frozenset(
    {
        "отец",
        "мать",
        "брат",
        "сестра",
        "сын",
        "дочь",
        "жена",
        "муж",
        "вдова",
        "вдовец",
        "дед",
        "бабушка",
        "внук",
        "внучка",
        "дядя",
        "тетя",
        "племянник",
        "племянница",
        "родственник",
        "родственница",
        "адвокат",
        "защитник",
        "сторонник",
        "соратник",
        "помощник",
        "помощница",
        "друг",
        "подруга",
        "коллега",
        "супруга",
        "супруг",
        "невеста",
        "жених",
        "убийца",
        "представитель",
    }
)

#: Lemmas that may open a sentence before its subject ("Сам же министр", "При этом глава", "Однако тренер").
SUBJECT_OPENERS: frozenset[str] = frozenset(
    {"сам", "же", "при", "этот", "однако", "и", "а", "но", "в", "свой", "очередь", "тогда", "впрочем", "также"}
)

#: Country adjectives whose stem is not the country's name as a role writes it ("китайский министр" is the
#: "министр коммерции КНР"; "немецкий канцлер", the "канцлер ФРГ"), as lemmas: the adjective → the lemmas of the
#: names of its country.
COUNTRY_ADJECTIVES: dict[str, frozenset[str]] = {
    "китайский": frozenset({"китай", "кнр"}),
    "американский": frozenset({"сша", "америка"}),
    "немецкий": frozenset({"германия", "фрг"}),
    "германский": frozenset({"германия", "фрг"}),
    "британский": frozenset({"великобритания", "британия"}),
    "французский": frozenset({"франция"}),
    "северокорейский": frozenset({"кндр"}),
    "российский": frozenset({"россия", "рф"}),
    "эмиратский": frozenset({"оаэ"}),
    "белорусский": frozenset({"белоруссия", "беларусь"}),
    "голландский": frozenset({"нидерланды", "голландия"}),
    "тайский": frozenset({"таиланд", "тайланд"}),
    "южнокорейский": frozenset({"корея", "республика"}),
    "английский": frozenset({"великобритания", "британия", "англия"}),
    "бельгийский": frozenset({"бельгия"}),
    "швейцарский": frozenset({"швейцария"}),
}

#: Verbs of heading something: their subject is the head of their object ("Михаил Рябой возглавляет институт",
#: "руководит лабораторией" — the "глава института", whom "директор института" names): see
#: ``people._role_from_heading_verb``.
HEADING_VERBS: frozenset[str] = frozenset({"возглавлять", "возглавить", "руководить"})

#: Verbs whose predicate noun in the instrumental names the post its subject holds ("который служил гувернером",
#: "работавшая врачом", "являющийся директором"): see ``people._role_from_relative_clause``.
POST_VERBS: frozenset[str] = frozenset({"служить", "работать", "быть", "являться", "трудиться", "стать"})

#: Verbs whose subject is the author of the document that is their object ("художник написал открытое письмо",
#: "губернатор подписал указ"): the document's words quoted after are that author's (``resolve._document_author``).
AUTHORING_VERBS: frozenset[str] = frozenset(
    {
        "написать",
        "направить",
        "подписать",
        "опубликовать",
        "отправить",
        "составить",
        "разослать",
        "издать",
        # a letter's or a note's sender is its author ("прислал письмо", "оставила записку"), not a courier
        # ("передал письмо" may be one)
        "прислать",
        "послать",
        "оставить",
    }
)

#: Nouns of a part played: a name in the genitive after one may be a character ("роль Лира", "образ Гамлета"):
#: see ``people._title_characters``.
PART_NOUNS: frozenset[str] = frozenset({"роль", "образ"})
