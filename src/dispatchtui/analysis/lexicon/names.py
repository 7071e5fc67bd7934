"""Words that tell about a personal name from outside it: governing prepositions, the head nouns of
names made from a person's name, the nouns that say a name is a character's, family nouns.

All words are lemmas (pymorphy3 normal forms), lower-case, ``ё`` written ``е``.
"""

from __future__ import annotations

import re

#: Cases a preposition right before a name allows.
PREPOSITION_CASES: dict[str, frozenset[str]] = {
    "с": frozenset({"ablt", "gent"}),
    "со": frozenset({"ablt", "gent"}),
    "к": frozenset({"datv"}),
    "ко": frozenset({"datv"}),
    "о": frozenset({"loct"}),
    "об": frozenset({"loct"}),
    "обо": frozenset({"loct"}),
    "при": frozenset({"loct"}),
    "у": frozenset({"gent"}),
    "от": frozenset({"gent"}),
    "для": frozenset({"gent"}),
    "без": frozenset({"gent"}),
    "из": frozenset({"gent"}),
    "до": frozenset({"gent"}),
    "после": frozenset({"gent"}),
    "против": frozenset({"gent"}),
    "около": frozenset({"gent"}),
    "по": frozenset({"datv"}),
    "за": frozenset({"ablt", "accs"}),
    "перед": frozenset({"ablt"}),
    "между": frozenset({"ablt"}),
    "над": frozenset({"ablt"}),
    "под": frozenset({"ablt", "accs"}),
    "про": frozenset({"accs"}),
    "через": frozenset({"accs"}),
    "на": frozenset({"accs", "loct"}),
    "в": frozenset({"accs", "loct"}),
    "во": frozenset({"accs", "loct"}),
}

#: "имени X" / "им. X": a thing named after a person (театр имени Станиславского, улица им. Ленина).
NAMED_AFTER: frozenset[str] = frozenset({"имя", "им"})

#: Head nouns of a name made from a person's name in the genitive: the person is not mentioned, the
#: award, street, disease or law is (премия Андрея Белого, улица Ленина, болезнь Паркинсона,
#: пакт Молотова — Риббентропа, закон Магнитского).
EPONYM_HEADS: frozenset[str] = frozenset(
    {
        "премия",
        "улица",
        "проспект",
        "переулок",
        "площадь",
        "бульвар",
        "набережная",
        "шоссе",
        "проезд",
        "театр",
        "музей",
        "фонд",
        "пакт",
        "закон",
        "болезнь",
        "синдром",
        "теорема",
        "гипотеза",
        "эффект",
        "шкала",
        "орден",
        "медаль",
        "стипендия",
        "кубок",
        "мемориал",
        "аэропорт",
        "телескоп",
        "лаборатория",
        "библиотека",
        "университет",
        "институт",
        "градус",
        "пик",
        "мыс",
        "пролив",
        "ледник",
        "остров",
        "залив",
        "станция",
        "метод",
        "принцип",
        "уравнение",
        "парадокс",
        "правило",
        "формула",
        "критерий",
        "лемма",
        "константа",
        "постоянная",
        "неравенство",
        "алгоритм",
        "комета",
        "кратер",
        "астероид",
        "доктрина",
        "госпиталь",
        "больница",
        "клиника",
        "гимназия",
        "лицей",
        "колледж",
        "собор",
        "храм",
        "дворец",
    }
)

#: Things that take a person's name as it is, in apposition (аэропорт Рейган, теплоход «Адмирал Нахимов»).
APPOSITIVE_EPONYM_HEADS: frozenset[str] = frozenset(
    {
        "аэропорт",
        "телескоп",
        "теплоход",
        "пароход",
        "судно",
        "корабль",
        "лайнер",
        "крейсер",
        "ледокол",
        "яхта",
        "подлодка",
        "эсминец",
        "фрегат",
        "поворот",
    }
)
EPONYM_HEADS = EPONYM_HEADS | APPOSITIVE_EPONYM_HEADS

#: Nouns of a settlement or a place whose name follows them in apposition or in the genitive (в селе Старая
#: Криуша, деревня Малые Пески, поселок Юрия Гагарина): the name is the place's, not a person's — unless it
#: opens with a first name in the nominative, a subject after a place ("В селе Иван Петров открыл школу").
SETTLEMENT_HEADS: frozenset[str] = frozenset(
    {"село", "деревня", "поселок", "посёлок", "станица", "хутор", "аул", "кишлак", "слобода", "урочище", "местечко"}
)

#: An apposition noun that makes the name a character's, not a person's (персонаж Гаррет, героиня Карин), or a
#: figure of scripture's (пророк Илия, апостол Павел, праотец Авраам: named in an icon, a fresco, a sermon).
#: ("Герой России", "Герой Труда" are titles: a capitalized head with a genitive after it is not this.)
FICTION_HEADS: frozenset[str] = frozenset(
    {
        "персонаж",
        "герой",
        "героиня",
        "протагонист",
        "антагонист",
        "пророк",
        "апостол",
        "праотец",
        "праматерь",
        "евангелист",
        "архангел",
    }
)

#: Words that name scripture ("сцены из Книги Бытия — Ной, …", "по библейской книге Даниила"): a lone first
#: name in a sentence that names one is a figure of that scripture, not a person of the news (stems, any case).
SCRIPTURE_RE = re.compile(
    r"\b(?:библи(?:я|и|ю|ей)\b|библейск\w*|евангел\w*|ветхозаветн\w*|новозаветн\w*|книг\w* бытия|корана?\b|"
    r"священн\w+ писани\w*|ветх\w+ завет\w*|нов\w+ завет\w*)",
    re.IGNORECASE,
)

#: Nouns before a plural surname that name a family (братья Цукеры, супруги Скрипали, семья Ивановых).
FAMILY_HEADS: frozenset[str] = frozenset(
    {
        "брат",
        "сестра",
        "супруг",
        "супруга",
        "семья",
        "семейство",
        "клан",
        "отец",
        "династия",
        "чета",
    }
)

#: What the text says between two names to make them one person's (a stated alias): the gap between the
#: first name's mention and the second's, matched whole, case-insensitively, ``ё`` as ``е``.
#: "Боширов, настоящая фамилия которого Чепига", "Борис Акунин (настоящее имя — Григорий Чхартишвили)",
#: "Иван Сидоров (он же Иван Петренко)", "Дмитрий Иванов, выступающий под псевдонимом Макс Ветров",
#: "Анна Петрова, урожденная Сидорова", "Иван Петров, известный как Ваня Пэ", "Василий Рябов, которого все зовут
#: Кузьмичом".
ALIAS_GAPS: tuple[str, ...] = (
    r"\s*[,(]?\s*(?:он|она)\s+же\s*[—–-]?\s*",
    r"\s*[,(]\s*(?:настоящ|подлинн|реальн|прежн|девичь|бывш)\w*\s+(?:фамилия|имя)(?:\s+(?:которого|которой|его|ее))?"
    r"\s*[—–:-]?\s*",
    r"\s*,?\s*(?:[\w-]+\s+){0,2}под\s+(?:псевдонимом|именем|фамилией|ником|прозвищем)\s*",
    r"\s*[,(]\s*(?:также\s+)?(?:известн\w+|более\s+известн\w+)\s+как\s*",
    r"\s*[,(]\s*(?:урожденн\w+|в\s+девичестве)\s*",
    # a nickname the text gives: "Василий Рябов, которого на улице зовут просто Кузьмичом"
    r"\s*,\s*(?:которого|которую|которой|его|ее)\s+(?:[\w-]+\s+){0,3}(?:зовут|называют|прозвали|кличут|величают)"
    r"\s+(?:[\w-]+\s+){0,2}",
)

#: The hyphenated word after a surname that tells two namesakes apart by generation (father and son):
#: "Турдумаматов-младший", "Буша-старшего" (stems, any case).
GENERATION_SUFFIXES: tuple[str, ...] = ("младш", "старш")

#: Turkic "son / daughter of" written after the father's name, part of a person's name that NER tends to
#: leave outside it: "Бакыт Садыр уулу", "Ильхам Гейдар оглы", "Айгерим Нурлан кызы".
PATRONYMIC_PARTICLES: frozenset[str] = frozenset({"уулу", "кызы", "оглы", "улы", "гызы"})

#: Verbs of playing a part: the name in the accusative after them (or before them, the actor being the
#: subject) is a character, not a person of the story: "Гамлета играет Иван Петров", "сыграет Анну".
ROLE_PLAY_VERBS: frozenset[str] = frozenset({"играть", "сыграть", "исполнять", "исполнить", "воплощать", "воплотить"})

#: The commonest surnames of Korea, China and Vietnam as Russian writes them (the Kontsevich and Palladius
#: transcriptions, the Vietnamese as the press spells it): a closed class — a few dozen cover most of each
#: people. Such a name is written surname first (``Ким Ир Сен``, ``Ху Цзиньтао``, ``Нгуен Тан Зунг``); the
#: list lets a name met only in the nominative be read so (see ``names.east_asian_form``). (Left out: the
#: surnames a capital preposition opening a sentence would read as — О, У, Со, До, Ко, Но.)
EAST_ASIAN_SURNAMES = frozenset(
    # Korean
    "ким ли пак чхве чон кан чо юн чан лим хан син квон хван ан сон ю хон мун ян пэ пэк ха нам"
    " сим рю ом вон чха мин"
    # Chinese
    " ван чжан лю чэнь чжао хуан чжоу сюй сунь ху го ма линь хэ гао лян чжэн ло сун се тан хань цао"
    " дэн фэн цзэн пэн сяо цай пань тянь дун юань цзян дай мао си вэнь цзя вэй ци бо цинь чэн"
    # Vietnamese
    " нгуен чан ле фам хоанг хюинь фан ву во данг буй хо нго зыонг".split()
)

#: Vietnamese surnames (a subset of EAST_ASIAN_SURNAMES): a Vietnamese is called by the LAST word of the name
#: (``Нгуен Ван Хунг`` is "Хунг" later), not by the surname as a Chinese or a Korean is.
VIETNAMESE_SURNAMES = frozenset("нгуен чан ле фам хоанг хюинь фан ву во данг буй хо нго зыонг".split())

#: The Vietnamese middle names that tell the gender: Văn a man's, Thị a woman's.
VIETNAMESE_MIDDLE_GENDER: dict[str, str] = {"ван": "masc", "тхи": "femn"}

#: Kinship nouns that say which of two namesakes is the parent and which the child ("Отец Андрея, Виктор
#: Ковалёв", "Нурлана Турдумаматова, сына … Эркина Турдумаматова"), as written, by generation.
PARENT_NOUNS: frozenset[str] = frozenset({"отец", "отца", "отцу", "отцом", "мать", "матери"})
CHILD_NOUNS: frozenset[str] = frozenset({"сын", "сына", "сыну", "сыном", "дочь", "дочери"})

#: Forms of address written before a name ("месье Дюпре", "госпожа Ли", "фрау Мюллер"): a closed class of
#: loan and Russian titles, never a part of the name even when only the surname remains. (Not "пан": Пан is a
#: Korean surname, "Пан Ги Мун".)
#: Person nouns some texts capitalize inside a sentence (titles of rank and office, kin words of religious
#: address): capitalized there they still open no name ("Президент Владимир Путин", "Мать Тереза" aside)
CAPITALIZED_TITLES: frozenset[str] = frozenset(
    {
        "президент",
        "премьер",
        "премьер-министр",
        "канцлер",
        "патриарх",
        "папа",
        "понтифик",
        "король",
        "королева",
        "принц",
        "принцесса",
        "князь",
        "княгиня",
        "граф",
        "графиня",
        "барон",
        "баронесса",
        "шейх",
        "эмир",
        "император",
        "императрица",
        "царь",
        "царица",
        "генерал",
        "маршал",
        "адмирал",
        "святой",
        "святая",
        "митрополит",
        "архиепископ",
        "епископ",
        "владыка",
        "мать",
        "отец",
        "брат",
        "сестра",
        "старец",
        "преподобный",
        "генсек",
        "губернатор",
        "мэр",
        "министр",
        "посол",
        "председатель",
        "лорд",
        "леди",
        "сэр",
        "дон",
        "донья",
    }
)

HONORIFICS: frozenset[str] = frozenset(
    {
        "месье",
        "мсье",
        "мадам",
        "мадемуазель",
        "мистер",
        "миссис",
        "мисс",
        "господин",
        "госпожа",
        "сеньор",
        "сеньора",
        "синьор",
        "синьора",
        "фрау",
        "герр",
        "пани",
        "сэр",
    }
)

#: Prepositions of place: a lone capitalized word after one that the dictionary reads as a town in the case the
#: preposition governs is the town, whatever NER says ("переехали из Иванова", "под Королёвом", "в Кирове"):
#: a person is rarely where one comes from or lives. (Not "у", "от", "с": "у Иванова", "от Кирова" are people's.)
PLACE_PREPOSITIONS: frozenset[str] = frozenset({"из", "в", "во", "под", "близ", "возле"})

#: The everyday short forms of Russian first names (hypocoristics) → the full names they shorten: "сыном
#: Михаилом … Миша стучит в окно" is one person. A short form that shortens two names a text gives (Саша:
#: Александр and Александра) joins neither.
HYPOCORISTICS: dict[str, tuple[str, ...]] = {
    "саша": ("александр", "александра"),
    "шура": ("александр", "александра"),
    "леша": ("алексей",),
    "толя": ("анатолий",),
    "андрюша": ("андрей",),
    "боря": ("борис",),
    "вадик": ("вадим",),
    "валя": ("валентин", "валентина"),
    "вася": ("василий",),
    "витя": ("виктор",),
    "вова": ("владимир",),
    "володя": ("владимир",),
    "слава": ("вячеслав", "владислав", "святослав", "станислав", "ярослав"),
    "гена": ("геннадий",),
    "гоша": ("георгий",),
    "жора": ("георгий",),
    "гриша": ("григорий",),
    "дима": ("дмитрий",),
    "митя": ("дмитрий",),
    "женя": ("евгений", "евгения"),
    "ваня": ("иван",),
    "игорек": ("игорь",),
    "костя": ("константин",),
    "коля": ("николай",),
    "леня": ("леонид",),
    "миша": ("михаил",),
    "паша": ("павел",),
    "петя": ("петр",),
    "рома": ("роман",),
    "сережа": ("сергей",),
    "степа": ("степан",),
    "федя": ("федор",),
    "юра": ("юрий",),
    "аня": ("анна",),
    "настя": ("анастасия",),
    "галя": ("галина",),
    "даша": ("дарья",),
    "катя": ("екатерина",),
    "лена": ("елена",),
    "лиза": ("елизавета",),
    "ира": ("ирина",),
    "люда": ("людмила",),
    "маша": ("мария",),
    "надя": ("надежда",),
    "наташа": ("наталья", "наталия"),
    "оля": ("ольга",),
    "света": ("светлана",),
    "таня": ("татьяна",),
    "тоня": ("антонина",),
    "зина": ("зинаида",),
    "рая": ("раиса",),
    "юля": ("юлия",),
}

#: A surname written with its lower-case Arabic article or particle and a hyphen: "аль-Хашими", "эль-Масри",
#: "ибн-Сина", "абу-Бакр" (a name, though it starts with a small letter).
PREFIXED_NAME_RE = re.compile(r"(?:аль|эль|ас|ад|ар|аш|ат|аз|ан|эс|эд|эш|эт|ибн|бен|бин|абу)-[А-ЯЁ][а-яё]+")


#: Generic nouns of an organization or an outlet whose name in quotation marks is an apposition that keeps its
#: nominative in every case of the noun ("в газете «Правда»", "у компании «Северсталь»", "агентству «Синьхуа»").
#: (Not nouns that also govern a genitive of their owner: "акции «Роснефти»" are its shares. Narrower than
#: ``speech.ORG_NOUNS``, the nouns that make the quoted words after them a name at all: every one of those may
#: head a name, only these keep it in the nominative whatever their own case.)
QUOTED_APPOSITION_HEADS: frozenset[str] = frozenset(
    {
        "агентство",
        "издание",
        "газета",
        "телеканал",
        "радиостанция",
        "портал",
        "журнал",
        "компания",
        "корпорация",
        "концерн",
        "холдинг",
        "банк",
        "фонд",
        "завод",
        "комбинат",
        "фабрика",
        "предприятие",
        "клуб",
        "партия",
        "движение",
        "организация",
        "ао",
        "оао",
        "зао",
        "пао",
        "ооо",
    }
)

#: Intransitive verbs that govern a genitive object, a person's too ("боялась Петрова", "дождалась Иванова"): a
#: name right after one of them in a woman's past tense is not therefore her, the subject (a man's genitive and a
#: woman's nominative of a surname in -ова are the same letters).
GENITIVE_OBJECT_VERBS: frozenset[str] = frozenset(
    {
        "бояться",
        "побаиваться",
        "опасаться",
        "остерегаться",
        "стесняться",
        "стыдиться",
        "дождаться",
        "дожидаться",
        "лишиться",
        "добиться",
        "добиваться",
        "сторониться",
        "чуждаться",
        "касаться",
        "коснуться",
        "придерживаться",
        "держаться",
        "слушаться",
        "послушаться",
    }
)
