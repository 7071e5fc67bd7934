"""Data for the quote scanner's rules: the function words its forms are made of.

Unlike :mod:`.speech` (lemmas), these are word forms, lower-case, matched against a token's lower-cased text
(``ё`` as written: both spellings are listed where it occurs). The rules that use them are in
:mod:`dispatchtui.analysis.quotes`; cue verbs, document and organization nouns are in :mod:`.speech`.
"""

from __future__ import annotations

#: Verbs (lemmas) by which a medium relays someone else's words ("…», сообщает Лента.ру"): after an
#: introduced speaker ("X называет …: «…», сообщает Лента.ру") the relay is not the speaker.
RELAY_VERBS: frozenset[str] = frozenset({"сообщать", "передавать", "писать", "информировать"})

#: Words by which the next sentence points back at a quote: "Так считает X", "Такое мнение высказал X".
SO_WORDS: frozenset[str] = frozenset({"так", "такое", "такую", "такой", "такие", "таково", "такова", "таким"})

#: "Об этом заявил X": the preposition and the pronoun by which the next sentence points back at a quote.
ABOUT_PREPS: frozenset[str] = frozenset({"об", "о"})
ABOUT_THIS = "этом"

#: Possessive pronouns standing for the speaker: "по его словам", "сказала ее соседка" (a determiner).
POSSESSIVES: frozenset[str] = frozenset({"его", "ее", "её", "их"})

#: Personal pronouns that are the subject after an attributing verb: "«…», — усмехнулся он".
SUBJECT_PRONOUNS: frozenset[str] = frozenset({"он", "она", "они"})

#: Prepositions: a noun after one is not the subject ("сказал в интервью глава"), and a genitive chain stops
#: at one. Matched against single tokens ("во время" never matches: kept as the rule was written).
PREPOSITIONS: frozenset[str] = frozenset(
    {
        "в",
        "во",
        "на",
        "с",
        "со",
        "к",
        "ко",
        "о",
        "об",
        "обо",
        "по",
        "при",
        "у",
        "за",
        "из",
        "от",
        "до",
        "для",
        "после",
        "перед",
        "через",
        "над",
        "под",
        "между",
        "около",
        "без",
        "про",
        "среди",
        "во время",
        "против",
    }
)

#: "в"/"во" + place: "сообщили в пресс-службе", "В Кремле заявили", "говорится в сообщении".
IN_PREPS: frozenset[str] = frozenset({"в", "во"})

#: "по словам X", "по его словам": the preposition of the source phrase.
ACCORDING_PREP = "по"

#: "Как заявил министр, «…»": the conjunction of an attribution clause set off by commas.
AS_CONJ = "как"

#: Conjunctions opening a coordinated predicate of the author's sentence after a closing mark and a comma
#: ("…, что «…», и призвал"): not an attribution.
COORDINATORS: frozenset[str] = frozenset({"и", "а", "но", "однако", "или"})

#: Word beginnings of "так называемый", "именуемый", "пресловутый": what follows is a name or scare quote.
SO_CALLED_PREFIXES: tuple[str, ...] = ("называем", "именуем", "пресловут")

#: Lemma beginnings of "привести"/"приводить": a quoting verb that needs a words noun ("приводит слова X").
BRING_PREFIXES: tuple[str, ...] = ("привод", "привест")

#: Prepositions of the instrumental: "с ним" is a man (the plural would be "с ними"), "к ним" a plural dative.
INSTRUMENTAL_PREPOSITIONS: frozenset[str] = frozenset({"с", "со", "за", "над", "под", "перед", "между"})
