"""Words and tokens of a bounded window: the cached morphology of a word (:class:`_W`), the tokenizer
(:func:`_tokens`) and the word tests the other stages share (a name token, a nominative, a noun-phrase link)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...model import Span
from ..lexicon.names import PREFIXED_NAME_RE
from ..morph import get_morph, lemma, parses
from .marks import _OPENERS

_WORD_RE = re.compile(r"[^\W_](?:\w|-(?=\w))*")
_TOKEN_RE = re.compile(r"[^\W_](?:\w|[-.](?=\w))*")


# --------------------------------------------------------------------------------------------
# morphology helpers (cached; one shared analyzer from morph.py)


@dataclass(frozen=True, slots=True)
class _W:
    lemma: str
    pos: str
    cases: frozenset
    name: bool  # some parse is a first name, surname or patronymic
    known: bool
    number: str = ""  # grammatical number of the top parse ("sing", "plur")
    nom_numbers: frozenset = frozenset()  # numbers of the nominative parses
    first: bool = False  # some parse is a first name
    anim: bool = False  # some nominative parse is animate (a person noun: "глава", "министр")


@lru_cache(maxsize=100_000)
def _info(word: str) -> _W:
    w = word.lower().replace("ё", "е")
    try:
        parses = get_morph().parse(w)
    except ValueError:  # pragma: no cover - a lone surrogate: pymorphy's dictionary keys are UTF-8
        return _W(w, "", frozenset(), False, False)
    if not parses:
        return _W(w, "", frozenset(), False, False)
    top = parses[0]
    cases = frozenset(p.tag.case for p in parses[:6] if p.tag.case)
    name = any(("Name" in p.tag or "Surn" in p.tag or "Patr" in p.tag) for p in parses[:6])
    known = get_morph().word_is_known(w)
    nom_numbers = frozenset(p.tag.number for p in parses[:6] if p.tag.case == "nomn" and p.tag.number)
    first = any("Name" in p.tag for p in parses[:6])
    anim = any(p.tag.case == "nomn" and p.tag.animacy == "anim" for p in parses[:6])
    return _W(lemma(w), str(top.tag.POS or ""), cases, name, known, str(top.tag.number or ""), nom_numbers, first, anim)


@lru_cache(maxsize=20_000)
def _nom_genders(word: str) -> frozenset:
    """Genders of the singular nominative parses of ``word``."""
    try:
        parses = get_morph().parse(word.lower().replace("ё", "е"))
    except (ValueError, IndexError):  # pragma: no cover - a lone surrogate (UnicodeEncodeError); no parse
        return frozenset()
    return frozenset(
        str(p.tag.gender) for p in parses[:6] if p.tag.case == "nomn" and p.tag.number == "sing" and p.tag.gender
    )


@lru_cache(maxsize=20_000)
def _past_gender(word: str) -> str:
    """ "masc"/"femn" for a past singular verb form ("назвал", "отметила"), else ""."""
    try:
        top = get_morph().parse(word.lower().replace("ё", "е"))[0]
    except (ValueError, IndexError):  # pragma: no cover - a lone surrogate (UnicodeEncodeError); no parse
        return ""
    if (
        top.tag.POS == "VERB"
        and top.tag.tense == "past"
        and top.tag.number == "sing"
        and top.tag.gender in ("masc", "femn")
    ):
        return str(top.tag.gender)
    return ""


def _is_latin(word: str) -> bool:
    return "a" <= word[:1].lower() <= "z"


def _agrees(verb: str, noun: str) -> bool:
    """A nominative singular person noun agreeing with a past singular verb in gender ("описала … шахматистка")."""
    vp, ps = parses(verb), parses(noun)[:4]
    if not vp:
        return False
    v = vp[0].tag
    if v.number != "sing":
        return False
    return any(
        p.tag.POS == "NOUN"
        and p.tag.case == "nomn"
        and p.tag.number == "sing"
        and p.tag.animacy == "anim"
        and (v.tense != "past" or p.tag.gender == v.gender)
        for p in ps
    )


def _adjective_subject(verb: str, word: str) -> bool:
    """A nominative singular adjective agreeing with a past singular verb in gender ("вмешался младший",
    "ответила старшая"): closing the clause, with no noun after it, an adjective used as a noun — the subject."""
    vp, ps = parses(verb), parses(word)[:4]
    if not vp or vp[0].tag.number != "sing" or vp[0].tag.tense != "past":
        return False
    return any(
        p.tag.POS == "ADJF" and p.tag.case == "nomn" and p.tag.number == "sing" and p.tag.gender == vp[0].tag.gender
        for p in ps
    )


@lru_cache(maxsize=20_000)
def _finite_third(word: str, any_reading: bool = False) -> bool:
    """A finite verb form of the third person or the past ("усмехнулся", "добавляет"), not "скажу"/"скажите":
    by the likeliest reading, or (``any_reading``) by any of the first three."""
    try:
        ps = get_morph().parse(word.lower().replace("ё", "е"))[: 3 if any_reading else 1]
    except (ValueError, IndexError):  # pragma: no cover - a lone surrogate (UnicodeEncodeError); no parse
        return False
    return any(
        p.tag.POS == "VERB" and p.tag.mood == "indc" and (p.tag.tense == "past" or p.tag.person == "3per") for p in ps
    )


# --------------------------------------------------------------------------------------------
# tokens of a bounded window


@dataclass(frozen=True, slots=True)
class _T:
    start: int
    end: int
    kind: str  # "w" word, "q" quoted chunk, "p" punctuation, "i" initial ("В.")
    text: str


def _tokens(text: str, a: int, b: int, limit: int = 40) -> list[_T]:
    """Tokens of ``text[a:b]`` (at most ``limit``); a balanced quoted chunk is one ``q`` token."""
    out: list[_T] = []
    i = a
    while i < b and len(out) < limit:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch.isalnum():
            m = _TOKEN_RE.match(text, i, b)
            if m is None or m.end() <= i:
                i += 1
                continue
            j = m.end()
            word = m.group()
            if word[:1].isupper() and (len(word) == 1 and j < b and text[j] == "." or word[1:2] == "."):
                out.append(_T(i, i + 2, "i", word[:1] + "."))
                i += 2
                continue
            if "." in word and not _is_latin(word):
                j = i + word.index(".")  # a Cyrillic sentence glued to the next: split at the dot
                word = text[i:j]
            out.append(_T(i, j, "w", word))
            i = j
            continue
        if ch in _OPENERS or ch in '"“':
            close = {"«": "»", "„": "“”", "‚": "’‘", "‘": "’", '"': '"', "“": "”“"}[ch]
            j = i + 1
            stop = min(b, i + 80)
            while j < stop and text[j] not in close and text[j] != "\n" and text[j] not in _OPENERS:
                j += 1
            if j < stop and text[j] in close and j > i + 1:
                out.append(_T(i, j + 1, "q", text[i + 1 : j]))
                i = j + 1
                continue
        out.append(_T(i, i + 1, "p", ch))
        i += 1
    return out


def _is_name_tok(t: _T) -> bool:
    if t.kind == "i":
        return True
    if t.kind == "w" and PREFIXED_NAME_RE.fullmatch(t.text):
        return True  # a surname written with its lower-case article: "— сказал аль-Хашими"
    if t.kind != "w" or not t.text[:1].isupper():
        return False
    if _is_latin(t.text):
        return False
    info = _info(t.text)
    # an unknown surname may be guessed as a short adjective ("Силуанов" → "силуановый")
    return info.name and (info.pos in ("NOUN", "ADJF", "") or (info.pos == "ADJS" and not info.known))


def _nominative(t: _T) -> bool:
    if t.kind == "q":
        return True
    if t.kind == "i":
        return True
    if t.kind != "w":
        return False
    if _is_latin(t.text):
        return t.text[:1].isupper()
    info = _info(t.text)
    if info.pos in ("NOUN", "ADJF", "NPRO") and "nomn" in info.cases:
        return True
    return t.text.isupper() and len(t.text) > 1  # МИД, ОБСЕ


def _np_chain_ok(t: _T) -> bool:
    """Can ``t`` continue a noun phrase (genitive chain, names, abbreviations, quoted names)?"""
    if t.kind in ("q", "i"):
        return True
    if t.kind != "w":
        return False
    if t.text[:1].isupper() or _is_latin(t.text) or t.text.isupper():
        return True
    info = _info(t.text)
    return info.pos in ("NOUN", "ADJF") and bool(info.cases & {"gent", "nomn"})


def _name_run(toks: list[_T], i: int) -> int:
    """End index (exclusive) of a run of person-name tokens starting at ``i`` (``i`` if none).
    A capitalized word continues the run when unknown to the dictionary or right after a first
    name ("Эммануэль Макрон": the surname is a common noun too)."""
    j = i
    while j < len(toks):
        t = toks[j]
        if _is_name_tok(t):
            j += 1
            continue
        if t.kind == "w" and t.text[:1].isupper() and not _is_latin(t.text) and not t.text.isupper():
            info = _info(t.text)
            prev = toks[j - 1] if j > i else t
            if not info.known or (
                j > i and prev.kind == "w" and _info(prev.text).first and info.pos in ("NOUN", "ADJF", "ADJS", "")
            ):
                j += 1
                continue
        break
    return j


def _unknown_cap(t: _T) -> bool:
    """A capitalized Cyrillic word the dictionary does not know ("Прают", "Чан-Оча"): a foreign name."""
    return (
        t.kind == "w"
        and t.text[:1].isupper()
        and not t.text.isupper()
        and not _is_latin(t.text)
        and not _info(t.text).known
    )


def _span_of(toks: list[_T], i: int, j: int) -> Span:
    return Span(toks[i].start, toks[j - 1].end)


def _content_words(text: str, a: int, b: int, limit: int = 60) -> list[str]:
    out = []
    for m in _WORD_RE.finditer(text, a, b):
        out.append(m.group())
        if len(out) >= limit:
            break
    return out
