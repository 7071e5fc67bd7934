"""Speaker mentions around a cue verb: after it (inverted order, "— сказал он"), before it (the subject),
an organization named by place ("В Кремле заявили"), a medium addressed between the verb and the speaker."""

from __future__ import annotations

import re

from ...model import Span
from ..lexicon.agencies import AGENCIES
from ..lexicon.quotes import IN_PREPS, POSSESSIVES, PREPOSITIONS
from ..lexicon.speech import INSTITUTION_NOUNS, WORDS_NOUNS
from ..morph import get_morph
from .marks import _DASHES, QUOTE_MARKS
from .tokens import (
    _T,
    _info,
    _is_latin,
    _is_name_tok,
    _name_run,
    _nom_genders,
    _nominative,
    _np_chain_ok,
    _past_gender,
    _span_of,
    _unknown_cap,
)

#: The endings of Russian surnames ("Дымов", "Лесина", "Волкова"): the shape, not a dictionary.
_SURNAME_END = re.compile(r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына)$")
_HARD_STOP = set(".;:!?()[]") | set(_DASHES) | set(QUOTE_MARKS) | {"…"}


def _genitive_chain(win: list[_T], i: int) -> int:
    """End of a genitive noun phrase starting at ``win[i]`` ("турецкого премьер-министра")."""
    j = i
    while j < len(win):
        t = win[j]
        if t.kind in ("q", "i") or _is_name_tok(t) or _unknown_cap(t):
            j += 1  # (an unknown capitalized word: a foreign name that does not decline, "слова Кылычоглу")
            continue
        if t.kind == "w" and (t.text.isupper() or _is_latin(t.text)):
            j += 1
            continue
        if (
            t.kind == "w"
            and _info(t.text).pos in ("NOUN", "ADJF", "NPRO")
            and "gent" in _info(t.text).cases
            and t.text.lower() not in PREPOSITIONS
        ):
            j += 1
            continue
        break
    return j


def _speaker_after(text: str, toks: list[_T], k: int, quoting: bool | str) -> Span | None:
    """The speaker mention after the cue at ``toks[k]`` (inverted order: "— сказал он").
    ``quoting`` is True for a quoting verb (its object is the speaker) or "genitive" after
    "слова" ("приводятся слова X")."""
    win: list[_T] = []
    rest = toks[k + 1 : k + 30]
    i = 0
    while i < len(rest):
        t = rest[i]
        if t.kind == "p" and t.text == "(":
            close = _gloss_end(rest, i)
            if close is not None and win:
                i = close + 1  # "президент Фонда (Human Rights Foundation) Тор Халворссен": a gloss is skipped
                continue
        if t.kind == "p" and t.text in _HARD_STOP:
            break
        win.append(t)
        i += 1
    # "— сказал, в частности, министр": a short parenthetical between commas is skipped
    if len(win) > 2 and win[0].kind == "p" and win[0].text == ",":
        for j in range(1, min(len(win), 6)):
            if win[j].kind == "p" and win[j].text == ",":
                inner = win[1:j]
                if inner and all(
                    t.kind == "w"
                    and not t.text[:1].isupper()
                    and _info(t.text).pos not in ("VERB", "INFN", "GRND", "PRTF", "PRTS")
                    for t in inner
                ):
                    win = win[j + 1 :]
                break
    if not win:
        return None
    if quoting == "genitive":
        # (after the words noun: "приводит агентство слова Кылычоглу" relays his words)
        w0 = next((i + 1 for i, t in enumerate(win[:4]) if t.kind == "w" and _info(t.text).lemma in WORDS_NOUNS), 0)
        j = _genitive_chain(win, w0)
        return _span_of(win, w0, j) if j > w0 else None
    verb = toks[k].text if toks[k].kind == "w" else ""
    # "сказал Reuters глава банка", "сообщили РИА Новости в пресс-службе": the medium addressed
    # stands between the verb and the speaker; skip it when a speaker follows
    skip = _addressee_end(win)
    if skip:
        spk = _speaker_in(win[skip:], verb, quoting)
        if spk is not None:
            return spk
    return _speaker_in(win, verb, quoting)


def _gloss_end(toks: list[_T], i: int) -> int | None:
    """Index of the ")" closing a short bracketed gloss at ``toks[i]`` inside a noun phrase (an original-language
    name, an abbreviation: no verb, no sentence mark) that more words of the phrase follow; else None."""
    for j in range(i + 1, min(len(toks), i + 10)):
        t = toks[j]
        if t.kind == "p" and t.text == ")":
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            return j if j > i + 1 and nxt is not None and nxt.kind in ("w", "i") else None
        if t.kind == "p" and t.text in _HARD_STOP:
            return None
        if t.kind == "w" and _info(t.text).pos in ("VERB", "INFN", "GRND"):
            return None
    return None


def _addressee_end(win: list[_T]) -> int:
    """Length of a leading addressee medium in ``win`` (Latin name, agency, quoted name), else 0."""
    if not win:
        return 0
    t = win[0]
    if t.kind == "q":
        return 1
    if t.kind != "w":
        return 0
    if _is_latin(t.text):
        j = 1
        while j < len(win) and win[j].kind == "w" and _is_latin(win[j].text) and win[j].text[:1].isupper():
            j += 1
        return j
    up = t.text.upper()
    if len(win) > 1 and win[1].kind == "w" and f"{up} {win[1].text.upper()}" in AGENCIES:
        return 2
    if up in AGENCIES or (t.text.isupper() and len(t.text) > 1 and "datv" in _info(t.text).cases):
        return 1
    if t.text[:1].isupper() and "datv" in _info(t.text).cases and "nomn" not in _info(t.text).cases:
        return 1  # "Коммерсанту", "сказал Путину Лукашенко"
    info = _info(t.text)
    if t.text[:1].islower() and info.pos == "NOUN" and "datv" in info.cases and "nomn" not in info.cases:
        # "сказал агентству Интерфакс директор института", "сообщил газете «Вести» мэр": the addressee, a noun
        # in the dative, with the name it may carry
        j = 1
        while j < len(win) and (
            win[j].kind == "q" or (win[j].kind == "w" and (_is_latin(win[j].text) or win[j].text.isupper()))
        ):
            j += 1
        if j == 1 and len(win) > 1 and win[1].kind == "w" and win[1].text[:1].isupper():
            j = 2 if _info(win[1].text).known and not _info(win[1].text).name else 1  # "агентству Интерфакс"
        return j
    return 0


def _speaker_in(win: list[_T], verb: str, quoting: bool | str) -> Span | None:
    """The speaker mention in ``win``, the words after the cue ``verb``: an organization by place after a plural
    verb, the first name run or the object of a quoting verb, else the subject head (widened to a name run
    close after it)."""
    if not win:
        return None
    vgen = _past_gender(verb) if verb else ""
    if verb and _plural_verb(verb):
        vgen = "plur"
    place = _place_after(win, verb)
    if place is not None:
        return place
    run = _first_name_run(win, quoting)
    if run and vgen == "plur" and _lone_oblique_name(win, run):
        # "— спросили Радовича (журналисты)": whom they asked, the object; a plural verb's subject is no one man
        if run[0] == 0:
            return _speaker_in(win[1:], verb, quoting)
        run = None
    if quoting and run:
        return _span_of(win, *run)
    if quoting:
        obj = _quoted_object(win)
        if obj is not None:
            return obj
    head = _subject_head(win, vgen)
    if head is None:
        return _span_of(win, *run) if run else None
    if win[head].kind == "w" and _info(win[head].text).pos == "NPRO":
        return _span_of(win, head, head + 1)
    if run and run[0] >= head and run[0] - head <= 14:
        return _span_of(win, head, run[1])
    if run and run[0] < head:
        return _span_of(win, *run)
    j = head + 1
    while j < len(win) and _np_chain_ok(win[j]) and win[j].text.lower() not in PREPOSITIONS:
        j += 1
    return _span_of(win, head, j)


def _lone_oblique_name(win: list[_T], run: tuple[int, int]) -> bool:
    """The run is one word, a name the dictionary declines (a surname's or a first name's paradigm) in an oblique
    case only: "Радовича" is the one asked, an object, never the subject."""
    a, b = run
    if b - a != 1 or win[a].kind != "w":
        return False
    info = _info(win[a].text)
    return info.name and bool(info.cases) and "nomn" not in info.cases


def _plural_verb(verb: str) -> bool:
    """A finite verb in the plural ("заявили", "обращают")."""
    top = get_morph().parse(verb.lower().replace("ё", "е"))[0]
    return top.tag.POS == "VERB" and top.tag.number == "plur"


def _place_after(win: list[_T], verb: str) -> Span | None:
    """ "сообщили в пресс-службе": a plural verb with "в" + place names the organization."""
    if (
        win[0].kind == "w"
        and win[0].text.lower() in IN_PREPS
        and verb
        and "plur" in str(get_morph().parse(verb.lower())[0].tag)
    ):
        j = 1
        while j < len(win) and win[j].kind == "w" and _info(win[j].text).pos == "ADJF":
            j += 1
        if j < len(win) and (win[j].kind == "q" or (win[j].kind == "w" and _info(win[j].text).pos == "NOUN")):
            e = _genitive_chain(win, j + 1)
            return _span_of(win, 1, e)
    return None


def _first_name_run(win: list[_T], quoting: bool | str) -> tuple[int, int] | None:
    """The first person-name run in the window (before a comma, unless after a quoting verb; before a verb)."""
    for i, t in enumerate(win):
        if t.kind == "p" and t.text == ",":
            if not quoting:
                break
            continue
        if _is_name_tok(t) or _unknown_cap(t) or _surname_shaped(t) or _capitalized_verb(t) or _right_after_cue(win, i):
            return (i, max(i + 1, _name_run(win, i)))
        if t.kind == "w" and _info(t.text).pos in ("VERB", "INFN", "GRND", "PRTF") and i > 0:
            break
    return None


def _right_after_cue(win: list[_T], i: int) -> bool:
    """ "— сказал Туре журналистам": a capitalised Cyrillic word right after the cue verb, inside the sentence, is
    a name whatever the dictionary reads it as ("туре", of "тур"): no common noun is capitalised there; nor is a
    particle or a conjunction ("— добавил Ли": the surname, not "ли")."""
    t = win[i]
    if i != 0 or t.kind != "w" or not t.text[:1].isupper() or t.text.isupper() or _is_latin(t.text):
        return False
    info = _info(t.text)
    return "nomn" not in info.cases or (info.name and info.pos in ("CONJ", "PRCL", "INTJ", "PREP"))


def _capitalized_verb(t: _T) -> bool:
    """ "— цитирует Мори газета": a capitalised word after the cue, inside the sentence, that the dictionary reads
    only as a verb form (the imperative "мори") is a name: no verb is written with a capital there."""
    return (
        t.kind == "w"
        and t.text[:1].isupper()
        and not t.text.isupper()
        and not _is_latin(t.text)
        and _info(t.text).pos in ("VERB", "INFN", "GRND", "PRTS")
    )


def _surname_shaped(t: _T) -> bool:
    """ "— сказал Дымов": a capitalised word inside the sentence with a surname's ending (-ов, -ев, -ин, -ына, …)
    whose only dictionary readings are oblique forms of a common noun ("дымов", genitive of "дым") is a
    surname the dictionary does not list; or whose likeliest reading is a short adjective ("Сабуров": "сабуровый"),
    a predicate's form that is never capitalised inside a sentence."""
    if t.kind != "w" or not t.text[:1].isupper() or t.text.isupper() or not _SURNAME_END.search(t.text):
        return False
    info = _info(t.text)
    return (info.pos == "NOUN" and not info.name and "nomn" not in info.cases) or info.pos == "ADJS"


def _quoted_object(win: list[_T]) -> Span | None:
    """ "цитирует министра агентство": the object (accusative) of a quoting verb is the one quoted."""
    for i, t in enumerate(win):
        if t.kind != "w" or t.text.lower() in PREPOSITIONS:
            break
        info = _info(t.text)
        if info.pos in ("NOUN", "NPRO", "ADJF") and "accs" in info.cases and "nomn" not in info.cases:
            if info.pos == "NPRO":
                return _span_of(win, i, i + 1)
            j = _genitive_chain(win, i + 1)
            return _span_of(win, i, j)
        if info.pos not in ("ADVB", "PRCL"):
            break
    return None


def _subject_head(win: list[_T], vgen: str) -> int | None:
    """Index of the head: the first nominative token outside a prepositional phrase (``vgen``: the gender of a
    past verb before it, which a neuter noun cannot be the subject of, or "plur" for a plural verb, which a
    singular common noun cannot be the subject of)."""
    in_pp = False
    pp_tail = False
    for i, t in enumerate(win):
        if t.kind == "p":
            if t.text == ",":
                break
            continue
        low = t.text.lower()
        if t.kind == "w" and low in PREPOSITIONS:
            in_pp = True
            continue
        if in_pp:
            if t.kind == "w" and _info(t.text).pos == "ADJF":
                continue
            in_pp = False
            pp_tail = True  # the PP's noun may carry a genitive chain; skip it
            continue
        if pp_tail:
            if t.kind == "q" or (
                t.kind == "w"
                and not t.text[:1].isupper()
                and _info(t.text).pos in ("NOUN", "ADJF")
                and "gent" in _info(t.text).cases
                and not (i + 1 < len(win) and win[i + 1].kind == "w" and _is_name_tok(win[i + 1]))
            ):
                continue
            pp_tail = False
        if t.kind == "w" and _info(t.text).pos in ("ADVB", "PRCL", "CONJ", "NUMR") and not t.text[:1].isupper():
            continue
        if t.kind == "w" and t.text.isdigit():
            continue
        if t.kind == "q":
            continue
        if (
            low in POSSESSIVES
            and i + 1 < len(win)
            and win[i + 1].kind in ("w", "i")
            and (_is_name_tok(win[i + 1]) or _info(win[i + 1].text).pos in ("NOUN", "ADJF"))
        ):
            continue  # "сказала ее соседка Мадина Алиева": a determiner, not the speaker
        if _substantive_participle(win, i) or _nominative(t) or _is_name_tok(t):
            if (
                vgen in ("masc", "femn")
                and t.kind == "w"
                and not t.text[:1].isupper()
                and _nom_genders(t.text) == {"neut"}
            ):
                continue  # "назвал соглашение глава МИД": a neuter noun is not the subject of "назвал"
            if vgen == "plur" and t.kind == "w" and not t.text[:1].isupper() and _info(t.text).nom_numbers == {"sing"}:
                continue  # "обращают внимание": a singular noun is not the subject of a plural verb
            return i
        if t.kind == "w" and not t.text[:1].isupper() and "gent" in _info(t.text).cases:
            continue  # genitive complement of a PP noun ("в ходе визита")
    return None


def _substantive_participle(win: list[_T], i: int) -> bool:
    """A participle in the nominative with no noun after it to agree with is a noun of its own: substantivation
    ("— сказал нападающий", "рассказала пострадавшая в аварии"); one that a nominative noun follows before the
    next comma modifies it ("сказал задержанный накануне мужчина")."""
    t = win[i]
    if t.kind != "w" or t.text[:1].isupper():
        return False
    info = _info(t.text)
    if info.pos != "PRTF" or "nomn" not in info.cases:
        return False
    for u in win[i + 1 :]:
        if u.kind == "p":
            break
        if u.kind == "w" and not u.text[:1].isupper() and _info(u.text).pos == "NOUN" and "nomn" in _info(u.text).cases:
            return False
    return True


def _place_before(toks: list[_T], k: int) -> Span | None:
    """ "В Кремле заявили": a plural verb without a subject names the organization by place."""
    if toks[k].kind != "w" or _info(toks[k].text).number != "plur":
        return None
    lo = max(0, k - 8)
    for i in range(k - 1, lo - 1, -1):
        t = toks[i]
        if t.kind == "p" and t.text != ",":
            return None
        if t.kind != "w" or t.text.lower() not in IN_PREPS:
            continue
        j = i + 1
        while j < k and toks[j].kind == "w" and _info(toks[j].text).pos == "ADJF":
            j += 1
        if j >= k or toks[j].kind not in ("w", "q"):
            return None
        head = toks[j]
        if head.kind == "w" and not (head.text[:1].isupper() or _info(head.text).lemma in INSTITUTION_NOUNS):
            return None
        e = min(_genitive_chain(toks, j + 1), k)
        return _span_of(toks, i + 1, e)
    return None


def _speaker_before(toks: list[_T], k: int) -> Span | None:
    """The subject before the cue verb at ``toks[k]``: the last name run, else the nearest NP."""
    last = None
    i = 0
    while i < k:
        if _is_name_tok(toks[i]) or _unknown_cap(toks[i]):
            j = min(_name_run(toks, i), k)
            last = (i, j)
            i = j
        else:
            i += 1
    if last:
        return _span_of(toks, *last)
    # the subject agrees with the verb in number: "Министр обороны сказал" is not "обороны"
    vnum = _info(toks[k].text).number if toks[k].kind == "w" else ""
    i = k - 1
    skipped = 0
    while i >= 0 and skipped < 6:
        t = toks[i]
        if t.kind == "p":
            if t.text == ",":
                i -= 1
                skipped += 1
                continue
            return None
        if t.kind == "w":
            info = _info(t.text)
            if info.pos == "NPRO" and "nomn" in info.cases:
                return _span_of(toks, i, i + 1)
            if (
                info.pos == "NOUN"
                and "nomn" in info.cases
                and (i == 0 or toks[i - 1].text.lower() not in PREPOSITIONS)
                and (not vnum or not info.nom_numbers or vnum in info.nom_numbers)
            ):
                # "Глава МИД": an inanimate noun that can be genitive belongs to the animate head before it
                while (
                    i > 0
                    and "gent" in info.cases
                    and not info.anim
                    and toks[i - 1].kind == "w"
                    and not _is_latin(toks[i - 1].text)
                ):
                    prev = _info(toks[i - 1].text)
                    if prev.pos != "NOUN" or not prev.anim or "nomn" not in prev.cases or prev.name:
                        break
                    i -= 1
                    info = prev
                # extend right over a genitive chain up to the verb
                j = i + 1
                while j < k and _np_chain_ok(toks[j]) and toks[j].text.lower() not in PREPOSITIONS:
                    j += 1
                # and left over agreeing adjectives
                s = i
                while (
                    s > 0
                    and toks[s - 1].kind == "w"
                    and _info(toks[s - 1].text).pos == "ADJF"
                    and "nomn" in _info(toks[s - 1].text).cases
                ):
                    s -= 1
                return _span_of(toks, s, j)
        i -= 1
        skipped += 1
    return None
