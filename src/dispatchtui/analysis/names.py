"""Personal names: the nominative of a name from its words and its context, and its parts.

:func:`normalize_name` chooses the case and gender a name's words agree on (pymorphy3's Name/Surn/Patr
tags weigh most; a hint from the governing word — a preposition, an agreeing adjective, a role noun in
apposition, a verb the name is the subject of — favours or imposes a case), then inflects each word to the
nominative: ``Сироджиддином Мухриддином`` → ``Сироджиддин Мухриддин``, ``Олафу Шольцу`` → ``Олаф Шольц``.
Foreign names that do not decline (``Шойгу``, ``Пелоси``, ``Платини``) stay as written.
:func:`split_name` tells first name, patronymic, surname and initials apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .lexicon.names import (
    CAPITALIZED_TITLES,
    EAST_ASIAN_SURNAMES,
    EPONYM_HEADS,
    HONORIFICS,
    PREPOSITION_CASES,  # noqa: F401  (callers import it from here)
)
from .lexicon.roles import NAME_PARTICLES
from .morph import fold, is_known, match_case, parses

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
NAME_TAGS = ("Name", "Surn", "Patr")
_NAME_GRAMMEMES = frozenset(NAME_TAGS)


def has_name_tag(tag) -> bool:
    """``any(n in tag for n in NAME_TAGS)`` of a pymorphy tag: one set test instead of three of pymorphy's
    ``__contains__`` (~1 µs each: the people stage asked ~30,000 a part of a huge text)."""
    return not _NAME_GRAMMEMES.isdisjoint(tag.grammemes)


def first_name_gender(first: str | None) -> str | None:
    """The gender pymorphy3's dictionary gives a first name ("Алла" femn, "Виктор" masc), else None
    (a foreign name whose ending says nothing sure: "Наттавут")."""
    if not first:
        return None
    for p in parses(first)[:3]:
        if "Name" in p.tag and p.tag.case == "nomn" and p.tag.gender in ("masc", "femn"):
            return str(p.tag.gender)
    return None


def is_initial(word: str) -> bool:
    """``В``, ``Дж``: one capital letter, or two letters with no vowel — a two-letter word with a vowel is
    a name (``Ус``, ``Ли``, ``Ху``)."""
    if not (len(word) <= 2 and word[:1].isupper() and word.isalpha()):
        return False
    return len(word) == 1 or (word[1].islower() and not any(ch in _VOWELS for ch in word.lower()))


_VOWELS = frozenset("аеёиоуыэюяaeiouy")


_MASC_ENDINGS = {"gent": ("а", "я"), "accs": ("а", "я"), "datv": ("у", "ю"), "ablt": ("ом", "ем", "ём"), "loct": ("е",)}


def _guess_nominative(word: str, case: str, gender: str) -> str | None:
    """A surface-based nominative for an unknown masculine name (``Шольцу`` → ``Шольц``)."""
    if gender != "masc" or case == "nomn":
        return None
    w = word.lower()
    for end in _MASC_ENDINGS.get(case, ()):
        if w.endswith(end) and len(w) - len(end) >= 3:
            stem = word[: len(word) - len(end)]
            if stem[-1:].lower() in "аеоуэ" and end in ("я", "ю", "ем", "е"):
                return stem + "й"  # "Карзаем", "Карзаю" → "Карзай"
            if stem[-1:].lower() in "аеёиоуыэюяй":
                return None
            if end in ("я", "ю", "ем", "е") and stem[-1:].lower() not in "жшчщц":
                return stem + "ь" if end in ("я", "ю", "ем") else stem
            return stem
    return None


def _stem_ok(word: str, nominative: str, adjectival: bool = False) -> bool:
    w, n = word.lower().replace("ё", "е"), nominative.lower().replace("ё", "е")
    k = min(len(w), len(n))
    common = 0
    while common < k and w[common] == n[common]:
        common += 1
    slack = 3 if adjectival else 2
    if common < len(w) - slack or common < len(n) - slack:
        return False
    if n[-3:] in ("ова", "ева", "ина", "ына") and w == n[:-1] + "у":
        return True  # "Ирину Сомову": the accusative of a woman's possessive surname
    # a guessed masculine nominative does not end in a vowel ("Сайкыа" is no genitive of "Сайкы")
    return not (n != w and n[-1:] in "аеиоуыэюя" and w[-1:] in "аяуюе")


#: Endings no oblique form of a masculine consonant-stem name has: an unknown foreign name so ending
#: (``Пелоси``, ``Платини``, ``Хитли``, ``Родриго``) is indeclinable rather than the genitive of an unseen
#: ``Пелось``; pymorphy3's guesses for it are discounted and its written form is a reading in every case.
INDECLINABLE_ENDINGS = ("и", "о", "э")
#: Endings that are oblique forms of consonant stems too (``Шольцу``, ``Шольце``) and of indeclinable
#: names as well (``Нисипяну``, ``Дутерте``): both readings stay, the written one favoured in the nominative.
AMBIGUOUS_VOWEL_ENDINGS = ("у", "ю", "е")
#: Instrumental endings: an unknown name so ending is hardly a nominative (``Тони Эбботом``).
OBLIQUE_ENDINGS = ("ом", "ем", "ём", "ым", "им")


def _name_part_options(
    part: str,
    case: str,
    gender: str,
    hint_nomn: bool = False,
    after_name: bool = False,
    alone: bool = True,
    after_particle: bool = False,
) -> tuple[float, str | None, str | None]:
    """(weight, nominative, name tag) of the best reading of one name part in (case, gender).

    ``after_particle``: the part follows ``фон``, ``ван``, ``де`` …: a foreign surname, which may decline as a
    noun (``фон Бисмарком``) but never as a Russian adjective (``фон Арним`` is no instrumental of "Арной").

    ``after_name``: the part follows another word of the name, so a capitalized adjective is a surname
    even when the dictionary knows the adjective (``Юрию Долгорукому``). ``alone``: the name has no
    other word, so nothing but this one can tell its case.

    (Over 80 lines on purpose: every weight a reading can get stands in one place, to be compared.)"""
    best: tuple[float, str | None, str | None] = (0.0, None, None)
    known = is_known(part)
    low = part.lower()
    vowel_end = not known and low.endswith(INDECLINABLE_ENDINGS + AMBIGUOUS_VOWEL_ENDINGS) and len(low) > 2
    if not after_name and not alone and _short_feminine_name(part):
        # "Анн Бергер", "Лор Дюваль": a French or German woman's name the dictionary knows only as the plural of
        # a Russian one (Анна, Лора); it does not decline, and it is hers
        return (0.9, part, "Name") if gender == "femn" else best
    for p in parses(part):
        t = p.tag
        adjf = t.POS == "ADJF" and part[:1].isupper() and (not known or after_name) and not after_particle
        if t.POS != "NOUN" and not adjf:
            continue
        if after_particle and p.normal_form.endswith(("ой", "ый", "ий")) and p.normal_form != low:
            continue  # (a Russian adjectival surname's paradigm the guesser gave a foreign one: "Арним" → "Арной")
        if "Patr" in t and not known:
            continue
        if t.number == "plur" and "Fixd" not in t:
            continue
        fixd = "Fixd" in t
        if t.case != case and not (fixd or (case == "accs" and t.case == "gent")):
            continue
        first_decl = False
        if fixd and after_name and t.gender is not None and t.gender != gender and ("Name" in t or "Surn" in t):
            # "Кьяра ди Лоренцо", "Анна Франко": an indeclinable name after the first name, as a surname, shows
            # no gender — hers as well as his (a name's reading only: an inanimate guess says nothing)
            if best[0] < 0.5:
                best = (0.5, part, "Surn")
            continue
        if t.gender is not None and t.gender != gender and not (adjf and known):
            # "Аксары" → "Аксара": an unknown name of the -а declension may be a man's (Никита, Илья)
            # (and so may a foreign surname: "Сейджи Маехары" → "Маехара")
            if not (
                gender == "masc"
                and not known
                and t.gender == "femn"
                and p.normal_form[-1:] in ("а", "я")
                and t.number == "sing"
            ):
                continue
            first_decl = True
        tag = next((n for n in NAME_TAGS if n in t), None) if not adjf else "Surn"
        w = 1.0 if tag else (0.6 if t.animacy == "anim" else 0.3)
        if first_decl:
            w = 0.5 if "Name" in t else 0.4
        if adjf:
            w = 0.7 if not known else 0.6
        elif not known:
            w *= 0.8
            if vowel_end and not fixd and t.case != "nomn" and not low.endswith(("у", "ю")):
                # a guessed oblique form of a foreign name ending in a vowel: weak evidence
                w *= 0.5 if low.endswith(INDECLINABLE_ENDINGS) else 0.7
            if t.case == "nomn" and low.endswith(OBLIQUE_ENDINGS):
                w *= 0.5  # "Эбботом" is no nominative a guess should win with
        if fixd:
            w -= 0.15
        w += 0.3 * p.score
        nom: str | None
        if fixd or case == "nomn":
            nom = part
        else:
            inf = p.inflect({"nomn", "sing"} if t.number else {"nomn"})
            if adjf:
                inf = p.inflect({"nomn", "sing", gender})
                if p.normal_form.endswith(_POSSESSIVE_ADJ) and t.case != "nomn" and low.endswith(("ой", "ым")):
                    # "Ирине Сомовой", "с Олегом Сомовым": the possessive surname Сомова / Сомов, not the
                    # adjective "сомовый" the dictionary knows (adjectival surnames end in -ой/-ий: Луговой)
                    stem = p.normal_form[:-2]
                    if w > best[0]:
                        best = (w, stem + ("а" if gender == "femn" else ""), "Surn")
                    continue
            if gender == "femn" and tag == "Surn" and inf is not None:
                inf = p.inflect({"nomn", "sing", "femn"}) or inf
            nom = inf.word if inf is not None else None
            if first_decl:
                nom = p.normal_form
            if nom is None:
                continue
            if not known and not _stem_ok(part, nom, adjf):
                continue
        if w > best[0]:
            best = (w, nom, tag)
    if best[0] == 0.0 and known and case == "nomn" and hint_nomn:
        best = (0.25, part, None)  # "известная Ванга": a name the dictionary knows as something else
    if not known:
        if case == "nomn" and best[0] < 0.25:
            best = (0.25, part, None)  # an unknown word, read as written
        elif best[0] == 0.0:
            g = _guess_nominative(part, case, gender)
            if g is not None:
                clear = low.endswith(("у", "ю", "ом", "ем", "ём"))  # no nominative ends so
                best = (0.3 if clear else 0.2, g.lower(), None)
        if vowel_end:
            # the written form of a name that may not decline, in any case and either gender
            indecl = low.endswith(INDECLINABLE_ENDINGS)
            w = (0.55 if indecl else 0.25) if case == "nomn" else (0.3 if indecl else 0.15)
            if not alone and indecl:
                w = 0.45  # one case as good as another: the other words of the name tell which
            if w > best[0]:
                best = (w, part, None)
    return best


#: Relative adjectives of the possessive surnames' shape ("сомовый", "дубовый", "грибовый"): an oblique form
#: of one after a first name is the possessive surname's (see :func:`_name_part_options`).
_POSSESSIVE_ADJ = ("овый", "евый", "ёвый", "иный", "ыный")


def _person_common_noun(word: str) -> bool:
    """Every reading of ``word`` is an animate common noun, none a name (``Мать``, ``Вдова``, ``Генерал``): it
    opens no name, even when only one word stays after it (``Мать Бранкато`` is his mother, ``Бранкато`` his)."""
    ps = parses(word)
    return bool(ps) and all(p.tag.POS == "NOUN" and p.tag.animacy == "anim" and not has_name_tag(p.tag) for p in ps)


def _agent_noun(word: str) -> bool:
    """``Галерист``, ``Пианистка`` opening a sentence before a name of two words: a noun of the agentive suffix
    -ист(ка) the dictionary lacks, guessed an animate noun — an occupation, no first name."""
    w = fold(word)
    return (
        not is_known(word)
        and w.endswith(("ист", "истка"))
        and any(p.tag.POS == "NOUN" and p.tag.animacy == "anim" for p in parses(word))
    )


def _short_feminine_name(word: str) -> bool:
    """The dictionary knows ``word``, and every first-name reading of it is a plural form of a woman's name, none a
    singular (``Анн``, ``Лор``, ``Грет``; not ``Том``, a man's name too, nor ``Ирэн``, a singular of its own)."""
    if not is_known(word):
        return False  # (a guess: "Хоакин" would read as the plural of an unknown "Хоакина")
    names = [p.tag for p in parses(word) if "Name" in p.tag]
    return bool(names) and all(t.number == "plur" and t.gender == "femn" for t in names)


@dataclass(frozen=True, slots=True)
class NameForm:
    words: tuple[str, ...]  # nominative, capitalized as written
    case: str | None
    gender: str | None
    tags: tuple[str | None, ...]  # Name / Surn / Patr / None per word (None for initials, particles)
    gender_evidence: bool = False
    surname_first: bool = False  # an East Asian name: the surname, then the given name (``Ким Ир Сен``)


@dataclass(frozen=True, slots=True)
class NameHint:
    """What the words around a name say about its case and gender.

    ``strict`` hints (an agreeing adjective ``известная Ванга``, a preposition ``с Олафом``, a list number)
    rule other readings out; soft ones (a role noun in apposition ``генерал-лейтенанта Аксары``) favour.
    """

    cases: frozenset[str]
    gender: str | None = None
    strict: bool = True


@lru_cache(maxsize=20_000)
def normalize_name(words: tuple[str, ...], hint: NameHint | None = None) -> NameForm:
    """Put a personal name (its tokens) in the nominative, choosing the case/gender they agree on.

    ``hint`` (from the context) favours — or, when strict, all but imposes — a case and gender.
    """
    east = east_asian_form(tuple(words), hint)  # (before the particles: "Ван" is a Vietnamese given name too)
    if east is not None:
        return east
    japanese = japanese_woman(tuple(words))
    if japanese is not None:
        return japanese
    core = [i for i, w in enumerate(words) if w[:1].isalpha() and not is_initial(w) and w.lower() not in NAME_PARTICLES]
    latin = all(re.fullmatch(r"[A-Za-z'.\-]+", words[i]) for i in core) if core else False
    if not core or latin:
        return NameForm(tuple(words), None, None, tuple(None for _ in words))
    best = None
    for ci, case in enumerate(CASES):
        for gi, gender in enumerate(("masc", "femn")):
            total, noms, tags, evidence = 0.0, {}, {}, False
            for i in core:
                parts = words[i].split("-")
                part_noms = []
                tag = None
                for k, part in enumerate(parts):
                    if k < len(parts) - 1 and part.lower() in NAME_PARTICLES:
                        part_noms.append(part)  # "эль-Масри", "аль-Хадж": the particle as written
                        continue
                    w, nom, t = _name_part_options(
                        part,
                        case,
                        gender,
                        hint is not None and hint.strict and "nomn" in hint.cases,
                        after_name=i != core[0],
                        after_particle=k == 0 and i > 0 and words[i - 1].lower() in NAME_PARTICLES,
                        alone=len(core) == 1,
                    )
                    if k == len(parts) - 1 or len(parts) == 1:
                        total += w
                        tag = t
                    part_noms.append(nom if nom is not None else part)
                    if t in ("Name", "Patr", "Surn") and w >= 0.9:
                        evidence = True
                noms[i] = "-".join(part_noms)
                tags[i] = tag
            # a name reads "first [patronymic] surname": reward readings with that shape
            if len(core) >= 2:
                if tags.get(core[-1]) == "Surn":
                    total += 0.3
                if tags.get(core[0]) == "Name":
                    total += 0.2
            if hint is not None:
                fits = case in hint.cases and hint.gender in (None, gender)
                total += (0.3 if hint.strict else 0.5) if fits else (-0.8 if hint.strict else 0.0)
            if case == "loct" and (hint is None or "loct" not in hint.cases):
                total -= 1.5  # the prepositional case never goes without its preposition
            key = (round(total, 6), -ci, -gi)
            if best is None or key > best[0]:
                best = (key, case, gender, noms, tags, evidence)
    assert best is not None  # CASES is not empty: its first reading always sets it
    _, case, gender, noms, tags, evidence = best
    if hint is not None and hint.strict and hint.gender is not None and hint.gender == gender:
        evidence = True  # "Юко Исихара победила": the agreeing past tense tells the gender the name does not
    out = tuple(match_case(words[i], noms[i]) if i in noms else words[i] for i in range(len(words)))
    return NameForm(out, case, gender, tuple(tags.get(i) for i in range(len(words))), evidence)


_VOWEL_RUN = re.compile("[аеёиоуыэюя]+")
#: The endings a man's foreign name ending in a consonant takes in the oblique cases (``Кима``, ``Киму``,
#: ``Кимом``, ``о Киме``; after a soft consonant ``Чоля``, ``Чолю``, ``Чолем``), longest first, the case each
#: tells, and what the nominative adds to the stem (``Чоль``).
_OBLIQUE_SYLLABLE_ENDINGS = (
    ("ом", "ablt", ""),
    ("ем", "ablt", "ь"),
    ("а", "gent", ""),
    ("я", "gent", "ь"),
    ("у", "datv", ""),
    ("ю", "datv", "ь"),
    ("е", "loct", ""),
)


def _syllables(word: str) -> int:
    return len(_VOWEL_RUN.findall(word.lower()))


def _declined_syllable(word: str, any_length: bool = False) -> tuple[str, str] | None:
    """(nominative, case) of a name part ending in a consonant, written with an oblique ending: ``Кима`` →
    (``Ким``, gent), ``Епом`` → (``Еп``, ablt), ``Чоля`` → (``Чоль``, gent). The stem is one syllable
    (``any_length``: one at least, ``Цзиньпина``)."""
    low = word.lower()
    for end, case, soft in _OBLIQUE_SYLLABLE_ENDINGS:
        stem = word[: len(word) - len(end)]
        if not low.endswith(end) or len(stem) < 2 or stem[-1].lower() in "аеёиоуыэюяйьъ":
            continue
        if soft and stem[-1].lower() in "жшчщц":
            continue  # no soft sign after a hushing consonant: "Чжанем" is no "Чжань"'s
        n = _syllables(stem)
        if n == 1 or (any_length and n > 1):
            return stem + soft, case
    return None


def east_asian_form(words: tuple[str, ...], hint: NameHint | None = None) -> NameForm | None:
    """A Korean, Vietnamese or Chinese name, written surname first: its nominative, or None for other names.

    Such a name is a surname of one syllable and a given name of one or two (``Ким Ир Сен``, ``Хван Чжан
    Еп``, ``Нгуен Тан Зунг``; Chinese writes the given name as one word: ``Си Цзиньпин``). Russian declines
    its first word and its last when they end in a consonant, and never the middle one (``Кима Чен Ира``,
    ``Хвана Чжан Епа``, ``Ли Мён Бака``): a bare syllable between two words with the same oblique ending
    cannot be a Russian or European name, whose words all agree. Read so:

    * three words of one syllable each (an oblique ending aside), the middle one bare, the declined ones
      agreeing in their ending, and the first either declined or a known East Asian surname;
    * two words, the first a known East Asian surname, the second unknown to the dictionary and declined
      (a nominative of two words — ``Ким Клейстерс`` — is left to the general reading).

    The ending gives the case (and a man's name: a woman's does not decline); the nominative drops it.
    """
    if len(words) not in (2, 3) or not all(re.fullmatch(r"[А-ЯЁ][а-яё]+", w) for w in words):
        return None
    ends = [_declined_syllable(words[0]), _declined_syllable(words[-1], any_length=len(words) == 2)]
    surname = ends[0][0] if ends[0] is not None else words[0]
    known_surname = fold(surname) in EAST_ASIAN_SURNAMES
    if ends[0] is None and _syllables(words[0]) != 1:
        return None
    if len(words) == 3:
        if _syllables(words[1]) != 1 or (ends[1] is None and _syllables(words[2]) != 1):
            return None
        if ends[0] is None and not known_surname:
            return None
    elif (
        not known_surname
        or ends[1] is None
        or is_known(words[1])
        or not _EAST_ASIAN_GIVEN.fullmatch(ends[1][0].lower())
    ):
        return None  # (not "Хуан Ларрага", a Juan: "Ларраг" is no run of East Asian syllables)
    cases = {d[1] for d in ends if d is not None}
    if len(cases) > 1:
        return None
    out = (surname, *words[1:-1], ends[1][0] if ends[1] is not None else words[-1])
    tags = ("Surn",) + ("Name",) * (len(words) - 1)
    if cases:
        (case,) = cases
        if case == "gent" and hint is not None and "accs" in hint.cases and "gent" not in hint.cases:
            case = "accs"
        return NameForm(out, case, "masc", tags, True, surname_first=True)
    case = "nomn"
    if hint is not None and hint.strict and "nomn" not in hint.cases:
        case = next(c for c in CASES if c in hint.cases)  # "с Пак Кын Хе": written as is in any case
    return NameForm(out, case, None, tags, surname_first=True)


#: A Japanese word as Russian transcribes it (the Polivanov system): open syllables, a consonant (or ц, дз, ти)
#: and a vowel, "н" closing one, "й" only after "э" (Кэйко), no cluster and no other final consonant.
_JAPANESE_WORD = re.compile(r"(?:(?:дз|[кгсзтдцнхфбпмрвшжчй])?[аиуэоёюяе]й?|н)+", re.IGNORECASE)


def japanese_woman(words: tuple[str, ...]) -> NameForm | None:
    """``Митико Танабэ``, ``Юко Исихара``: a Japanese given name ending in -ко (子, "child") is a woman's; the
    name and the surname, both Japanese in shape and the surname ending in a vowel, do not decline as Russian
    words (an oblique form, "Юко Исихару", is left to the usual reading)."""
    if len(words) != 2:
        return None
    given, surname = words
    if not (
        given.lower().endswith("ко")
        and _JAPANESE_WORD.fullmatch(given)
        and _JAPANESE_WORD.fullmatch(surname)
        and surname[-1:].lower() in "аиуэоёя"
        and not re.search(r"й(?!$)", given.lower().replace("эй", ""))
    ):
        return None
    if surname[-1:].lower() in "уыой" and not surname.lower().endswith(("о", "э")):
        return None  # "Исихару", "Исихарой": oblique forms of a name in -а
    return NameForm(words, "nomn", "femn", ("Name", "Surn"), True)


#: A given name written as one or two East Asian syllables the way Russian transcribes them (Palladius for
#: Chinese, Kontsevich for Korean, the press's Vietnamese): an optional initial, a vowel group, an optional
#: final н / нь / нг / й (``Цзиньпин``, ``Кэцян``, ``Дэмин``, ``Хёнджун``, ``Тхань``). A European name breaks
#: the pattern with a cluster or a final the syllabaries lack (``Ларраг``, ``Карлос``, ``Мануэль``).
_EAST_ASIAN_GIVEN = re.compile(
    r"(?:(?:цз|чж|дж|тх|кх|пх|ч|ш|ж|ц|с|з|б|п|м|ф|д|т|н|л|г|к|х|р|в)?[аоэиуюяеёы]{1,3}(?:нь|нг|н|й|ль)?){1,2}"
)


def east_asian_given(word: str) -> bool:
    """A given name of one or two East Asian syllables the dictionary does not know (``Лимэй``, ``Цзяньго``)."""
    return not is_known(word) and _EAST_ASIAN_GIVEN.fullmatch(word.lower()) is not None


RUSSIAN_SURNAME_ENDINGS = (
    "ов",
    "ев",
    "ёв",
    "ин",
    "ын",
    "ский",
    "цкий",
    "ова",
    "ева",
    "ина",
    "ына",
    "ская",
    "цкая",
    "ых",
    "их",
    "енко",
    "ук",
    "юк",
    "дзе",
    "швили",
    "ян",
    "янц",
)


def _surname_first(a: str, b: str) -> bool:
    """``Лабазанов Чингиз``: a surname before a first name (lists, official style). Only when the first word
    cannot be a first name and the second is one the dictionary knows: pymorphy3's guesses for foreign
    names (``Карлос Батрес``, ``Сэйдзи Маэхара``) do not reverse the order the text gives."""
    pa, pb = parses(a), parses(b)
    if not fold(a).endswith(RUSSIAN_SURNAME_ENDINGS):
        return False  # the "Фамилия Имя" of official lists is a Russian-style surname first
    if (
        any("Name" in p.tag and p.tag.number != "plur" for p in pa)
        or not is_known(b)
        or not any("Name" in p.tag for p in pb)
    ):
        return False
    return any("Surn" in p.tag for p in pa) and not any("Surn" in p.tag for p in pb)


def split_name(form: NameForm, words: tuple[str, ...]) -> tuple[str | None, str | None, str | None, tuple[str, ...]]:
    """(first, patronymic, surname, initials) of a nominative name. A particle after the last word (the
    Turkic ``уулу``, ``кызы``, ``оглы``: "son / daughter of") belongs to the surname: ``Бакыт Садыр уулу``."""
    first, patr, surname, initials = _split_name(form, words)
    ws = form.words
    k = len(ws)
    while k > 0 and ws[k - 1].lower() in NAME_PARTICLES:
        k -= 1
    if surname and 0 < k < len(ws):
        surname = surname + " " + " ".join(ws[k:])
    return first, patr, surname, initials


def _split_name(form: NameForm, words: tuple[str, ...]) -> tuple[str | None, str | None, str | None, tuple[str, ...]]:
    ws = list(form.words)
    initials = tuple(w for w in ws if is_initial(w))
    # (a capitalized particle opening a name of two words is a first name: "Бен Стиллер"; where the text writes
    # the surname with it in lower case elsewhere, people._capitalized_particles reads it so)
    core = [
        (i, w)
        for i, w in enumerate(ws)
        if not is_initial(w) and not (w.lower() in NAME_PARTICLES and not (i == 0 and len(ws) == 2 and w[:1].isupper()))
    ]
    tags = form.tags
    if form.surname_first and len(ws) >= 2:
        return " ".join(ws[1:]), None, ws[0], initials  # "Ким Ир Сен": Ким, then Ир Сен
    if not core:
        return None, None, None, initials
    if len(core) == 1:
        i, w = core[0]
        tag = tags[i]
        if initials and tag == "Name" and len(ws) == 2 and i == 0:
            # "подозреваемый Антон К.": a first name and the surname's initial (a suspect or a witness the
            # report keeps anonymous); the initial stands for the surname
            return w, None, ws[1] if ws[1].endswith(".") else ws[1] + ".", initials
        if initials:
            return initials[0], None, w, initials
        # a lone first name ("Лиза") vs a lone surname ("Кошербаев")
        ps = parses(w)
        name_score = sum(p.score for p in ps if "Name" in p.tag)
        surn_score = sum(p.score for p in ps if "Surn" in p.tag)
        if tag == "Name" and name_score > surn_score and w[:1].isupper():
            return w, None, None, initials
        return None, None, w, initials
    patr = next((w for i, w in core if tags[i] == "Patr"), None)
    rest = [(i, w) for i, w in core if w != patr]
    if not rest:
        return None, patr, None, initials
    if len(rest) == 1:
        i, w = rest[0]
        return (w, patr, None, initials) if tags[i] == "Name" else (None, patr, w, initials)
    if len(rest) == 2 and patr is None and _surname_first(words[rest[0][0]], words[rest[1][0]]):
        return rest[1][1], None, rest[0][1], initials  # "Лабазанов Чингиз"
    if (
        len(rest) == 2
        and patr is not None
        and (tags[rest[0][0]], tags[rest[1][0]]) == ("Surn", "Name")
        and ws.index(patr) == rest[1][0] + 1
    ):
        # the official order, surname first: "Признать Жука Дениса Сергеевича виновным"
        return rest[1][1], patr, rest[0][1], initials
    # particles keep their place: "Авраам ибн Эзра" → surname "ибн Эзра"
    first = rest[0][1]
    lead = rest[0][0]
    particle = next((k for k in range(lead + 1, rest[-1][0]) if ws[k].lower() in NAME_PARTICLES), None)
    if particle is not None and patr is None:
        # "Абдулла ибн Салех аль-Харби": the given name, then "son of Салех" and the family name, in order; a
        # given name of two words keeps both ("Сиди Ахмед ульд Тая", "Мария Каталина де ла Пенья")
        given = " ".join(w for i, w in rest if i < particle)
        return given, None, " ".join(ws[particle : rest[-1][0] + 1]), initials
    if len(rest) > 2 and patr is None:
        # "Реджеп Тайип Эрдоган": two given names
        first = " ".join(w for _, w in rest[:-1])
    last_i = rest[-1][0]
    surname = (
        " ".join(
            ws[k] for k in range(rest[0][0] + 1 if len(rest) > 1 else 0, last_i + 1) if ws[k].lower() in NAME_PARTICLES
        )
        or ""
    )
    surname = (surname + " " + rest[-1][1]).strip()
    return first, patr, surname, initials


# --------------------------------------------------------------------------------------------------
# boundaries


def _name_like(word: str) -> bool:
    """A word the dictionary reads as a first name, surname or patronymic — or does not know at all."""
    if not is_known(word) or is_initial(word):
        return True
    ps = parses(word)
    if ps and all(p.tag.mood == "impr" for p in ps):
        return True  # "Сиди Мохамед": an imperative is never capitalized inside a sentence before a name
    return any(has_name_tag(p.tag) for p in ps)


def _sing_name(word: str) -> bool:
    return is_known(word) and any("Name" in p.tag and p.tag.number != "plur" for p in parses(word))


def trim_name(words: Sequence[str], mid_sentence: bool = False) -> tuple[int, int]:
    """The bounds of the name proper in the words an NER span covers.

    A capitalized word the dictionary knows and never as a name is no part of a name of two or more
    words (``mid_sentence``: the span opens inside a sentence, where a person noun keeps its place unless it is
    a title — see :func:`_name_not_title`): before it, a nationality or profession noun or a place
    (``Филиппинка Катриона Грэй``, ``Актриса Сола Аой``, ``Ухань Донни Йен``); after it, an adverb or another
    word that is no noun (``Ксения Раньше``). A word after a name that may be a noun, an adjective or a verb
    form stays: a surname may be one (``Виктор Понедельник``, ``Артур Гороховский``, ``Маркус Мерк``).
    """
    lo, hi = 0, len(words)
    while hi - lo >= 2 and _eponym_head(words[lo]):
        lo += 1  # "Эффект Доплера" opening a sentence: the thing's head noun (the caller sees the name inside it)
    while (
        hi - lo >= 2
        and (
            fold(words[lo]) in HONORIFICS
            or (_person_common_noun(words[lo]) and not (mid_sentence and lo == 0 and _name_not_title(words[lo])))
            or (hi - lo >= 3 and _agent_noun(words[lo]))
        )
        and east_asian_form(tuple(words[lo:hi])) is None  # "Пан Ги Мун": a Korean surname, not "пан"
    ):
        lo += 1  # "Месье Дюпре", "Мать Бранкато": a form of address or a person noun, whatever remains

    def core_left(k: int) -> int:
        return sum(1 for w in words[k:hi] if w.lower() not in NAME_PARTICLES)

    # a capitalized particle opens the name of a thing ("оператор Аль-Джазиры Сами аль-Хадж"): in a person's
    # name the particle is written in lower case ("аль-Хадж", "ибн Сина")
    while core_left(lo + 1) >= 2 and re.match(r"(?:Аль|Эль|Ас|Ат|Ад|Ар|Ан)-[А-ЯЁ]", words[lo]):
        lo += 1
    # (a name of two words at least must remain: "Франк Де Блекере" keeps "Франк", a Frank to the dictionary)
    while (
        core_left(lo + 1) >= 2
        and not _name_like(words[lo])
        and words[lo].lower() not in NAME_PARTICLES
        and east_asian_form(tuple(words[lo : lo + 3])) is None  # "с Юном Сок Ёлем": no adjective "юный"
    ):
        top = parses(words[lo])[0].tag
        if top.POS == "NOUN" and top.animacy != "anim" and "Geox" not in top:
            break  # an inanimate noun may be a first name the dictionary lacks as one
        lo += 1
    while hi - lo == 2 and not _name_like(words[lo]) and _sing_name(words[lo + 1]) and _plural_common_noun(words[lo]):
        lo += 1  # "Двойняшки Александр": a common noun in the plural before a first name is no part of the name
    while (
        hi - lo >= 2
        and not _name_like(words[hi - 1])
        and not any(p.tag.POS in ("NOUN", "ADJF", "VERB", "PRTF") for p in parses(words[hi - 1]))
        and not _surname_shaped(words[hi - 1])
        and east_asian_form(tuple(words[lo:hi])) is None  # "Хан Сон Хо": a Korean given name, no interjection "хо"
    ):
        hi -= 1
    return lo, hi


def _name_not_title(word: str) -> bool:
    """A capitalized animate noun inside a sentence (``глава МИД Хакан Фидан``, ``Батыр Бердыев``): a common noun is
    capitalized only where a sentence opens, so there it is a first name — unless it is a title or a kin word
    some texts capitalize (``Президент``, ``Патриарх``, ``Мать``)."""
    ps = parses(word)
    if not any(p.tag.number == "sing" for p in ps):
        return False  # (a plural guess for a word the dictionary lacks: "Ортеги" of Ортега Морено)
    return not any(p.normal_form in CAPITALIZED_TITLES for p in ps) and fold(word) not in CAPITALIZED_TITLES


def _eponym_head(word: str) -> bool:
    """A capitalized noun of :data:`EPONYM_HEADS` ("Эффект", "Синдром", "Премия") whose reading is that noun."""
    return word[:1].isupper() and any(
        p.tag.POS == "NOUN" and fold(p.normal_form) in EPONYM_HEADS and "Name" not in p.tag for p in parses(word)[:2]
    )


def _plural_common_noun(word: str) -> bool:
    """A word the dictionary knows only as a common noun, one of whose readings is a plural nominative
    (``Двойняшки``, ``Супруги``)."""
    ps = parses(word)
    return (
        is_known(word)
        and bool(ps)
        and all(p.tag.POS == "NOUN" and not has_name_tag(p.tag) for p in ps)
        and any(p.tag.number == "plur" and p.tag.case == "nomn" for p in ps)
    )


def _surname_shaped(word: str) -> bool:
    """A capitalized word of a Russian surname's shape (``-ов``, ``-ева``, ``-ина``, ``-ын``) that the dictionary
    knows only as a short adjective (``Сомова``: "сомовый"): after a first name it is a surname, since a short
    adjective is never capitalized inside a sentence."""
    low = word.lower()
    ps = parses(word)
    if not word[:1].isupper() or not ps:
        return False
    if low.endswith(("ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына")) and all(
        p.tag.POS == "ADJS" for p in ps
    ):
        return True
    # (nor any other short form, a predicate's, never capitalized inside a sentence: "Инес Гарсиа Морено" —
    # "морено", of "морить" — is a Spanish surname, "Юкка Мякинен" — "мякинен", of "мякинный" — a Finnish one)
    return all(p.tag.POS in ("ADJS", "PRTS") for p in ps)


def split_adjacent(words: Sequence[str], bounds: tuple[int, int]) -> list[tuple[int, int]]:
    """Two names NER ran together (``Дженнифер Лопес Мишель Обама``): cut before a dictionary first name
    that follows a word that is no first name or patronymic, when the span opens with a first name and
    each part has two words at least."""
    lo, hi = bounds
    east = _east_asian_run(words, lo, hi)
    if east is not None:
        return east
    if hi - lo >= 2 and _case_disagrees(words[hi - 2], words[hi - 1]):
        return [*split_adjacent(words, (lo, hi - 1)), (hi - 1, hi)]
    if hi - lo >= 4 and _sing_name(words[lo]):
        for k in range(lo + 2, hi - 1):
            prev = words[k - 1]
            if (
                _sing_name(words[k])
                and prev.lower() not in NAME_PARTICLES  # "Абдулла ибн Салех": the father's name goes on
                and not any(("Name" in p.tag or "Patr" in p.tag) for p in parses(prev))
            ):
                return [(lo, k), (k, hi)]
    return [(lo, hi)]


#: surname endings of a nominative a dictionary may not know as a surname ("Ставров", "Горский")
_NOMINATIVE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий|ской|цкой)$")


def _name_cases(word: str) -> set[str] | None:
    """The cases a word of a name can stand in: those of its singular name readings, the nominative for a
    Russian surname's nominative shape the dictionary does not read as a name, None when anything goes (an
    indeclinable or unknown word)."""
    ps = [p for p in parses(word) if has_name_tag(p.tag) and p.tag.number != "plur"]
    if any("Fixd" in p.tag for p in ps):
        return None
    if ps:
        return {p.tag.case for p in ps if p.tag.case}
    if _NOMINATIVE_SURNAME.search(word.lower()):
        return {"nomn"}
    return None


#: endings no nominative of a surname has: the adjectival genitive and dative, the possessive's dative
_OBLIQUE_SURNAME_ENDINGS = ("ого", "его", "ому", "ему", "ову", "еву", "ёву", "ину", "ыну")
#: a woman's nominative of a possessive surname, or the genitive of a man's ("Петрова")
_FEMININE_SURNAME_ENDINGS = ("ова", "ева", "ёва", "ина", "ына")


def _case_disagrees(left: str, right: str) -> bool:
    """``Ставров Лозового``, ``Гамлет Смоктуновского``: the words of one name agree in case, so a surname that can
    only be oblique after a word that can only be nominative is a second name — in a review, the part and the
    actor's genitive ("Ставров [in the hands] of Лозовой"). Indeclinable and unknown words agree with anything."""
    if "-" in left or _name_cases(left) != {"nomn"} or not any("Surn" in p.tag for p in parses(right)):
        return False  # ("Ахмат-Хаджи Кадырова": a compound first name is often left undeclined)
    low = right.lower()
    if low.endswith(_FEMININE_SURNAME_ENDINGS):
        # "Гамлет Зуева": a woman's nominative cannot follow a man's first name, so it is a man's genitive
        ps = [p for p in parses(left) if "Name" in p.tag]
        return bool(ps) and all(p.tag.gender == "masc" for p in ps)
    if not low.endswith(_OBLIQUE_SURNAME_ENDINGS):
        return False  # ("Гаевой" may be an adjective's nominative the dictionary lacks)
    rc = _name_cases(right)
    return rc is not None and bool(rc) and "nomn" not in rc


def _east_asian_run(words: Sequence[str], lo: int, hi: int) -> list[tuple[int, int]] | None:
    """East Asian names side by side (``отец Кима Чен Ира Ким Ир Сен``: the son's name in the genitive, then the
    father's; ``предшественник Хана Чон Ый Сок``: a surname alone, then a name of three): cut after three words
    that :func:`east_asian_form` reads in an oblique case (the name the next one depends on), or every three words
    when each three are read so."""
    if hi - lo == 4:
        # "предшественник Хана Чон Ый Сок": a surname alone in an oblique case, then a name of three in the nominative
        lone = _declined_syllable(words[lo])
        tail = east_asian_form(tuple(words[lo + 1 : hi]))
        if (
            lone is not None
            and fold(lone[0]) in EAST_ASIAN_SURNAMES
            and tail is not None
            and tail.case == "nomn"
            and _declined_syllable(words[hi - 1]) is None
        ):
            return [(lo, lo + 1), (lo + 1, hi)]
    if hi - lo < 5:
        return None
    head = east_asian_form(tuple(words[lo : lo + 3]))
    if head is not None and head.case != "nomn":
        return [(lo, lo + 3), *(_east_asian_run(words, lo + 3, hi) or [(lo + 3, hi)])]
    if (hi - lo) % 3 == 0 and all(east_asian_form(tuple(words[k : k + 3])) is not None for k in range(lo, hi, 3)):
        return [(k, k + 3) for k in range(lo, hi, 3)]
    return None
