"""Words that tell about a personal name from outside it: governing prepositions, the head nouns of
names made from a person's name, the nouns that say a name is a character's, family nouns.

All words are lemmas (pymorphy3 normal forms), lower-case, ``ё`` written ``е``.
"""
from __future__ import annotations

#: Cases a preposition right before a name allows.
PREPOSITION_CASES: dict[str, frozenset[str]] = {
    "с": frozenset({"ablt", "gent"}), "со": frozenset({"ablt", "gent"}), "к": frozenset({"datv"}),
    "ко": frozenset({"datv"}), "о": frozenset({"loct"}), "об": frozenset({"loct"}), "обо": frozenset({"loct"}),
    "при": frozenset({"loct"}), "у": frozenset({"gent"}), "от": frozenset({"gent"}), "для": frozenset({"gent"}),
    "без": frozenset({"gent"}), "из": frozenset({"gent"}), "до": frozenset({"gent"}),
    "после": frozenset({"gent"}), "против": frozenset({"gent"}), "около": frozenset({"gent"}),
    "по": frozenset({"datv"}), "за": frozenset({"ablt", "accs"}), "перед": frozenset({"ablt"}),
    "между": frozenset({"ablt"}), "над": frozenset({"ablt"}), "под": frozenset({"ablt", "accs"}),
    "про": frozenset({"accs"}), "через": frozenset({"accs"}), "на": frozenset({"accs", "loct"}),
    "в": frozenset({"accs", "loct"}), "во": frozenset({"accs", "loct"}),
}

#: "имени X" / "им. X": a thing named after a person (театр имени Станиславского, улица им. Ленина).
NAMED_AFTER: frozenset[str] = frozenset({"имя", "им"})

#: Head nouns of a name made from a person's name in the genitive: the person is not mentioned, the
#: award, street, disease or law is (премия Андрея Белого, улица Ленина, болезнь Паркинсона,
#: пакт Молотова — Риббентропа, закон Магнитского).
EPONYM_HEADS: frozenset[str] = frozenset({
    "премия", "улица", "проспект", "переулок", "площадь", "бульвар", "набережная", "шоссе", "проезд",
    "театр", "музей", "фонд", "пакт", "закон", "болезнь", "синдром", "теорема", "гипотеза", "эффект",
    "шкала", "орден", "медаль", "стипендия", "кубок", "мемориал", "аэропорт", "телескоп",
    "лаборатория", "библиотека", "университет", "институт", "градус", "пик", "мыс", "пролив",
    "ледник", "остров", "залив", "станция", "метод", "принцип", "уравнение", "парадокс", "комета",
    "кратер", "астероид", "доктрина",
})

#: Things that take a person's name as it is, in apposition (аэропорт Рейган, теплоход «Адмирал Нахимов»).
APPOSITIVE_EPONYM_HEADS: frozenset[str] = frozenset({
    "аэропорт", "телескоп", "теплоход", "пароход", "судно", "корабль", "лайнер", "крейсер", "ледокол",
    "яхта", "подлодка", "эсминец", "фрегат",
})
EPONYM_HEADS = EPONYM_HEADS | APPOSITIVE_EPONYM_HEADS

#: An apposition noun that makes the name a character's, not a person's (персонаж Гаррет, героиня Карин).
#: ("Герой России", "Герой Труда" are titles: a capitalized head with a genitive after it is not this.)
FICTION_HEADS: frozenset[str] = frozenset({
    "персонаж", "герой", "героиня", "протагонист", "антагонист",
})

#: Nouns before a plural surname that name a family (братья Цукеры, супруги Скрипали, семья Ивановых).
FAMILY_HEADS: frozenset[str] = frozenset({
    "брат", "сестра", "супруг", "супруга", "семья", "семейство", "клан", "отец", "династия", "чета",
})
