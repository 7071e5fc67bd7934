"""The quote scanner: direct speech in a dispatch, with its speaker mention and cue words.

``find_quotes(text, paragraphs, sentences)`` returns :class:`~dispatchtui.model.Quote` objects whose
``start``/``end`` cover the quoted words without the quotation marks. The scan is linear:

1. **Pairing.** Quotation marks are collected per paragraph and paired with a stack. Straight
   quotes get their direction from the neighbouring characters; nested quotes stay inside the outer
   one; a quote left open at a paragraph end continues into the next paragraph when that paragraph
   re-opens the same mark (translated style) or closes a mark it never opened (Russian style). A
   closing mark with nothing open is remembered as a quote whose opening mark was lost.
2. **Paragraph forms.** Dialogue paragraphs (``— Мы готовы, — сказал он.``) and transcript
   paragraphs (``В.Путин: …``) are speech without marks.
3. **Classification.** Every quoted region is either speech or a name/scare quote. Speech needs a
   signal: an attribution after the closing mark (``», — сказал он``), an attribution inside
   (``«…, — заявил он. — …»``), a colon introduction, a whole sentence of clause-like words, or a
   reported clause (``отметил, что «…»``). Short name-like content, an organization noun before the
   mark or ``так называемый`` make it a name.

Every look-around is bounded (a fixed number of characters), so thousands of marks or a
megabyte-long paragraph cost linear time. Nothing here raises on odd input.
"""
from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..model import Quote, Span
from .lexicon.speech import (
    CLAUSE_CONJ, DOCUMENT_NOUNS, INSTITUTION_NOUNS, ORG_NOUNS, QUOTING_VERBS, SPEECH_VERBS,
    STANCE_ADJS, STATEMENT_NOUNS, STATEMENT_VERBS, WORDS_NOUNS,
)
from .lexicon.agencies import AGENCIES
from .morph import get_morph, lemma

__all__ = ["find_quotes", "QUOTE_MARKS"]

#: Every character treated as a quotation mark delimiter.
QUOTE_MARKS = "«»„“”\"‘’‚"
_MARK_RE = re.compile('[«»„“”"‘’‚]')
_OPENERS = {"«": "g", "„": "l", "‚": "s", "‘": "s"}
_DASHES = "—–-―"
#: How far (characters) any look-around may reach: keeps the scan linear.
_WINDOW = 240
_CLAUSE_WINDOW = 160
_MAX_DEPTH = 32
#: A quote running over markless paragraphs may cross at most this many of them.
_RUN_ON = 3
#: A quote whose opening mark was lost reaches back at most this far.
_LOST_MAX = 4000
_CLAUSE_POS = frozenset({"VERB", "PRTS", "ADJS", "PRED", "INFN"})
_SKIP_BEFORE = frozenset({"ADVB", "PRCL", "CONJ", "INTJ"})
_WORD_RE = re.compile(r"[^\W_](?:\w|-(?=\w))*")
_TOKEN_RE = re.compile(r"[^\W_](?:\w|[-.](?=\w))*")
_SPACE = " \t\u00a0\u2009\u202f"
#: Verbs by which a medium relays someone else's words ("…», сообщает Лента.ру").
_RELAY_VERBS = frozenset({"сообщать", "передавать", "писать", "информировать"})
#: Words by which the next sentence points back at a quote: "Так считает X", "Такое мнение высказал X".
_SO_WORDS = frozenset({"так", "такое", "такую", "такой", "такие", "таково", "такова", "таким"})
#: Possessive pronouns standing for the speaker: "по его словам".
_POSSESSIVES = frozenset({"его", "ее", "её", "их"})


# --------------------------------------------------------------------------------------------
# morphology helpers (cached; one shared analyzer from morph.py)


@dataclass(frozen=True, slots=True)
class _W:
    lemma: str
    pos: str
    cases: frozenset
    name: bool          # some parse is a first name, surname or patronymic
    known: bool
    number: str = ""    # grammatical number of the top parse ("sing", "plur")
    nom_numbers: frozenset = frozenset()  # numbers of the nominative parses
    first: bool = False  # some parse is a first name
    anim: bool = False   # some nominative parse is animate (a person noun: "глава", "министр")


@lru_cache(maxsize=100_000)
def _info(word: str) -> _W:
    w = word.lower().replace("ё", "е")
    try:
        parses = get_morph().parse(w)
    except Exception:  # pragma: no cover - defensive, pymorphy never raises on words
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
    return _W(lemma(w), str(top.tag.POS or ""), cases, name, known, str(top.tag.number or ""), nom_numbers,
              first, anim)


@lru_cache(maxsize=20_000)
def _nom_genders(word: str) -> frozenset:
    """Genders of the singular nominative parses of ``word``."""
    try:
        parses = get_morph().parse(word.lower().replace("ё", "е"))
    except Exception:  # pragma: no cover
        return frozenset()
    return frozenset(str(p.tag.gender) for p in parses[:6]
                     if p.tag.case == "nomn" and p.tag.number == "sing" and p.tag.gender)


@lru_cache(maxsize=20_000)
def _past_gender(word: str) -> str:
    """"masc"/"femn" for a past singular verb form ("назвал", "отметила"), else ""."""
    try:
        top = get_morph().parse(word.lower().replace("ё", "е"))[0]
    except Exception:  # pragma: no cover
        return ""
    if top.tag.POS == "VERB" and top.tag.tense == "past" and top.tag.number == "sing" \
            and top.tag.gender in ("masc", "femn"):
        return str(top.tag.gender)
    return ""


def _is_latin(word: str) -> bool:
    return "a" <= word[:1].lower() <= "z"


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
        if ch in _OPENERS or ch in "\"“":
            close = {"«": "»", "„": "“”", "‚": "’‘", "‘": "’", '"': '"', "“": "”“"}[ch]
            j = i + 1
            stop = min(b, i + 80)
            while j < stop and text[j] not in close and text[j] != "\n" and text[j] not in _OPENERS:
                j += 1
            if j < stop and text[j] in close and j > i + 1:
                out.append(_T(i, j + 1, "q", text[i + 1:j]))
                i = j + 1
                continue
        out.append(_T(i, i + 1, "p", ch))
        i += 1
    return out


def _is_name_tok(t: _T) -> bool:
    if t.kind == "i":
        return True
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
        if t.kind == "w" and t.text[:1].isupper() and not _is_latin(t.text) \
                and not t.text.isupper():
            info = _info(t.text)
            prev = toks[j - 1] if j > i else t
            if not info.known or (j > i and prev.kind == "w" and _info(prev.text).first
                                  and info.pos in ("NOUN", "ADJF", "ADJS", "")):
                j += 1
                continue
        break
    return j


def _unknown_cap(t: _T) -> bool:
    """A capitalized Cyrillic word the dictionary does not know ("Прают", "Чан-Оча"): a foreign name."""
    return t.kind == "w" and t.text[:1].isupper() and not t.text.isupper() and not _is_latin(t.text) \
        and not _info(t.text).known


def _span_of(toks: list[_T], i: int, j: int) -> Span:
    return Span(toks[i].start, toks[j - 1].end)


_HARD_STOP = set(".;:!?()[]") | set(_DASHES) | set(QUOTE_MARKS) | {"…"}
_PREPS = frozenset({"в", "во", "на", "с", "со", "к", "ко", "о", "об", "обо", "по", "при", "у", "за",
                    "из", "от", "до", "для", "после", "перед", "через", "над", "под", "между",
                    "около", "без", "про", "среди", "во время", "против"})


def _genitive_chain(win: list[_T], i: int) -> int:
    """End of a genitive noun phrase starting at ``win[i]`` ("турецкого премьер-министра")."""
    j = i
    while j < len(win):
        t = win[j]
        if t.kind in ("q", "i") or _is_name_tok(t):
            j += 1
            continue
        if t.kind == "w" and (t.text.isupper() or _is_latin(t.text)):
            j += 1
            continue
        if t.kind == "w" and _info(t.text).pos in ("NOUN", "ADJF", "NPRO") and "gent" in _info(t.text).cases \
                and t.text.lower() not in _PREPS:
            j += 1
            continue
        break
    return j


def _speaker_after(text: str, toks: list[_T], k: int, quoting: bool | str) -> Span | None:
    """The speaker mention after the cue at ``toks[k]`` (inverted order: "— сказал он").
    ``quoting`` is True for a quoting verb (its object is the speaker) or "genitive" after
    "слова" ("приводятся слова X")."""
    win: list[_T] = []
    for t in toks[k + 1:k + 30]:
        if t.kind == "p" and t.text in _HARD_STOP:
            break
        win.append(t)
    # "— сказал, в частности, министр": a short parenthetical between commas is skipped
    if len(win) > 2 and win[0].kind == "p" and win[0].text == ",":
        for j in range(1, min(len(win), 6)):
            if win[j].kind == "p" and win[j].text == ",":
                inner = win[1:j]
                if inner and all(t.kind == "w" and not t.text[:1].isupper()
                                 and _info(t.text).pos not in ("VERB", "INFN", "GRND", "PRTF", "PRTS")
                                 for t in inner):
                    win = win[j + 1:]
                break
    if not win:
        return None
    if quoting == "genitive":
        j = _genitive_chain(win, 0)
        return _span_of(win, 0, j) if j > 0 else None
    verb = toks[k].text if toks[k].kind == "w" else ""
    # "сказал Reuters глава банка", "сообщили РИА Новости в пресс-службе": the medium addressed
    # stands between the verb and the speaker; skip it when a speaker follows
    skip = _addressee_end(win)
    if skip:
        spk = _speaker_in(win[skip:], verb, quoting)
        if spk is not None:
            return spk
    return _speaker_in(win, verb, quoting)


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
    return 0


def _speaker_in(win: list[_T], verb: str, quoting: bool | str) -> Span | None:
    if not win:
        return None
    vgen = _past_gender(verb) if verb else ""
    # "сообщили в пресс-службе": a plural verb with "в" + place names the organization
    if win[0].kind == "w" and win[0].text.lower() in ("в", "во") and verb and \
            "plur" in str(get_morph().parse(verb.lower())[0].tag):
        j = 1
        while j < len(win) and win[j].kind == "w" and _info(win[j].text).pos == "ADJF":
            j += 1
        if j < len(win) and (win[j].kind == "q" or (win[j].kind == "w" and _info(win[j].text).pos == "NOUN")):
            e = _genitive_chain(win, j + 1)
            return _span_of(win, 1, e)
    # first person-name run in the window
    run = None
    for i, t in enumerate(win):
        if t.kind == "p" and t.text == ",":
            if not quoting:
                break
            continue
        if _is_name_tok(t) or _unknown_cap(t):
            run = (i, _name_run(win, i))
            break
        if t.kind == "w" and _info(t.text).pos in ("VERB", "INFN", "GRND", "PRTF") and i > 0:
            break
    if quoting and run:
        return _span_of(win, *run)
    if quoting:
        # "цитирует министра агентство": the object (accusative) is the one quoted
        for i, t in enumerate(win):
            if t.kind != "w" or t.text.lower() in _PREPS:
                break
            info = _info(t.text)
            if info.pos in ("NOUN", "NPRO", "ADJF") and "accs" in info.cases and "nomn" not in info.cases:
                if info.pos == "NPRO":
                    return _span_of(win, i, i + 1)
                j = _genitive_chain(win, i + 1)
                return _span_of(win, i, j)
            if info.pos not in ("ADVB", "PRCL"):
                break
    # the head: first nominative token outside a prepositional phrase
    head = None
    in_pp = False
    pp_tail = False
    for i, t in enumerate(win):
        if t.kind == "p":
            if t.text == ",":
                break
            continue
        low = t.text.lower()
        if t.kind == "w" and low in _PREPS:
            in_pp = True
            continue
        if in_pp:
            if t.kind == "w" and _info(t.text).pos == "ADJF":
                continue
            in_pp = False
            pp_tail = True  # the PP's noun may carry a genitive chain; skip it
            continue
        if pp_tail:
            if t.kind == "q" or (t.kind == "w" and not t.text[:1].isupper()
                                 and _info(t.text).pos in ("NOUN", "ADJF") and "gent" in _info(t.text).cases
                                 and not (i + 1 < len(win) and win[i + 1].kind == "w"
                                          and _is_name_tok(win[i + 1]))):
                continue
            pp_tail = False
        if t.kind == "w" and _info(t.text).pos in ("ADVB", "PRCL", "CONJ", "NUMR") and not t.text[:1].isupper():
            continue
        if t.kind == "w" and t.text.isdigit():
            continue
        if t.kind == "q":
            continue
        if low in _POSSESSIVES and i + 1 < len(win) and win[i + 1].kind in ("w", "i") \
                and (_is_name_tok(win[i + 1]) or _info(win[i + 1].text).pos in ("NOUN", "ADJF")):
            continue  # "сказала ее соседка Мадина Алиева": a determiner, not the speaker
        if _nominative(t) or _is_name_tok(t):
            if vgen and t.kind == "w" and not t.text[:1].isupper() and _nom_genders(t.text) == {"neut"}:
                continue  # "назвал соглашение глава МИД": a neuter noun is not the subject of "назвал"
            head = i
            break
        if t.kind == "w" and not t.text[:1].isupper() and "gent" in _info(t.text).cases:
            continue  # genitive complement of a PP noun ("в ходе визита")
        if t.kind == "q":
            continue
    if head is None:
        return _span_of(win, *run) if run else None
    if win[head].kind == "w" and _info(win[head].text).pos == "NPRO":
        return _span_of(win, head, head + 1)
    if run and run[0] >= head and run[0] - head <= 14:
        return _span_of(win, head, run[1])
    if run and run[0] < head:
        return _span_of(win, *run)
    j = head + 1
    while j < len(win) and _np_chain_ok(win[j]) and win[j].text.lower() not in _PREPS:
        j += 1
    return _span_of(win, head, j)


def _place_before(toks: list[_T], k: int) -> Span | None:
    """"В Кремле заявили": a plural verb without a subject names the organization by place."""
    if toks[k].kind != "w" or _info(toks[k].text).number != "plur":
        return None
    lo = max(0, k - 8)
    for i in range(k - 1, lo - 1, -1):
        t = toks[i]
        if t.kind == "p" and t.text != ",":
            return None
        if t.kind != "w" or t.text.lower() not in ("в", "во"):
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
            if info.pos == "NOUN" and "nomn" in info.cases and (i == 0 or toks[i - 1].text.lower() not in _PREPS) \
                    and (not vnum or not info.nom_numbers or vnum in info.nom_numbers):
                # "Глава МИД": an inanimate noun that can be genitive belongs to the animate head before it
                while i > 0 and "gent" in info.cases and not info.anim and toks[i - 1].kind == "w" \
                        and not _is_latin(toks[i - 1].text):
                    prev = _info(toks[i - 1].text)
                    if prev.pos != "NOUN" or not prev.anim or "nomn" not in prev.cases or prev.name:
                        break
                    i -= 1
                    info = prev
                # extend right over a genitive chain up to the verb
                j = i + 1
                while j < k and _np_chain_ok(toks[j]) and toks[j].text.lower() not in _PREPS:
                    j += 1
                # and left over agreeing adjectives
                s = i
                while s > 0 and toks[s - 1].kind == "w" and _info(toks[s - 1].text).pos == "ADJF" \
                        and "nomn" in _info(toks[s - 1].text).cases:
                    s -= 1
                return _span_of(toks, s, j)
        i -= 1
        skipped += 1
    return None


# --------------------------------------------------------------------------------------------
# cue detection


@dataclass(frozen=True, slots=True)
class _Attr:
    cue: Span
    speaker: Span | None
    end: int  # where the attribution clause ends (exclusive)


def _cue_at(text: str, toks: list[_T], k: int) -> tuple[Span, bool | str] | None:
    """Is ``toks[k]`` a speech cue? Returns the cue span (extended over "в сообщении") and whether
    the verb is a quoting verb (its object is the speaker)."""
    t = toks[k]
    if t.kind != "w":
        return None
    lem = _info(t.text).lemma
    if lem in QUOTING_VERBS:
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if lem.startswith("привод") or lem.startswith("привест"):
            # "приводит слова X", "приводит издание слова X" (the relaying subject in between)
            for j in range(k + 1, min(len(toks), k + 4)):
                u = toks[j]
                if u.kind == "w" and _info(u.text).lemma in WORDS_NOUNS:
                    return Span(t.start, u.end), "genitive"
                if not (u.kind == "q" or (u.kind == "w" and _nominative(u))):
                    break
            return None
        if nxt is not None and nxt.kind == "w" and _info(nxt.text).lemma in WORDS_NOUNS:
            return Span(t.start, nxt.end), "genitive"
        return Span(t.start, t.end), True
    if lem in STATEMENT_VERBS:
        # "такое заявление сделал X", "выступил с заявлением X", "сделал заявление X"
        for j in range(k - 1, max(-1, k - 3), -1):
            u = toks[j]
            if u.kind != "w":
                break
            if _info(u.text).lemma in STATEMENT_NOUNS:
                return Span(u.start, t.end), False
        for j in range(k + 1, min(len(toks), k + 3)):
            u = toks[j]
            if u.kind != "w":
                break
            if _info(u.text).lemma in STATEMENT_NOUNS:
                return Span(t.start, u.end), False
        return None
    if lem not in SPEECH_VERBS and not (lem in STANCE_ADJS and _info(t.text).pos == "ADJS"):
        return None
    if lem in _RELAY_VERBS:
        # "передает «Интерфакс» слова Пескова": the words noun names whose words are relayed
        for j in range(k + 1, min(len(toks), k + 4)):
            u = toks[j]
            if u.kind == "w" and _info(u.text).lemma in WORDS_NOUNS:
                return Span(t.start, u.end), "genitive"
            if not (u.kind == "q" or (u.kind == "w" and _nominative(u))):
                break
    # "говорится в сообщении", "отмечается в документе"
    if k + 2 < len(toks) and toks[k + 1].kind == "w" and toks[k + 1].text.lower() in ("в", "во") \
            and toks[k + 2].kind == "w" and _info(toks[k + 2].text).lemma in DOCUMENT_NOUNS:
        return Span(t.start, toks[k + 2].end), False
    return Span(t.start, t.end), False


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i] in _SPACE:
        i += 1
    return i


def _clause_end(text: str, i: int, end: int) -> int:
    """End of the author's clause starting at ``i``: the next sentence terminator or a dash."""
    stop = min(end, i + _CLAUSE_WINDOW)
    j = i
    while j < stop:
        ch = text[j]
        if ch in ".!?…":
            if j + 1 >= end or text[j + 1].isspace() or text[j + 1] in _DASHES:
                # "В.Путин" initials do not end a clause
                if ch == "." and j > 0 and text[j - 1].isupper() and (j < 2 or not text[j - 2].isalpha()):
                    j += 1
                    continue
                return j
        elif ch == "\n":
            return j
        elif ch in _DASHES and j > i and text[j - 1] in " ," and j + 1 < end and text[j + 1] in _SPACE:
            return j
        j += 1
    return stop


def _attr_clause(text: str, i: int, end: int, max_verb_pos: int = 4) -> _Attr | None:
    """An attribution clause starting at ``i`` ("сказал он", "говорится в сообщении")."""
    ce = _clause_end(text, i, end)
    toks = _tokens(text, i, ce, 40)
    words = 0
    for k, t in enumerate(toks):
        if t.kind == "p":
            if t.text == ",":
                continue
            break
        words += 1
        if words > max_verb_pos:
            break
        cue = _cue_at(text, toks, k)
        if cue is None:
            continue
        cue_span, quoting = cue
        kk = k
        while kk + 1 < len(toks) and toks[kk + 1].end <= cue_span.end:
            kk += 1
        spk = _speaker_after(text, toks, kk, quoting)
        if spk is None and k > 0:
            spk = _speaker_before(toks, k)
        # a document cue stretched over "в сообщении" must not swallow it as the speaker
        if spk is not None and spk.start < cue_span.end:
            spk = None if spk.end <= cue_span.end else Span(max(spk.start, cue_span.end), spk.end)
            if spk is not None:
                s = _skip_space(text, spk.start, spk.end)
                spk = Span(s, spk.end) if s < spk.end else None
        return _Attr(cue_span, spk, ce)
    return None


def _attr_after(text: str, pos: int, end: int) -> _Attr | None:
    """Attribution right after a closing mark at ``pos``: ``», — сказал он`` or ``», сказал он``."""
    i = _skip_space(text, pos, end)
    comma = False
    if i < end and text[i] in ",.!?":
        comma = text[i] == ","
        i = _skip_space(text, i + 1, end)
    dash = False
    if i < end and text[i] in _DASHES:
        while i < end and text[i] in _DASHES:
            i += 1
        dash = True
        i = _skip_space(text, i, end)
    if not dash and not comma:
        return None
    if not dash:
        # "…, что «…», и призвал": a coordinated predicate of the author's sentence, not an attribution
        m = _WORD_RE.match(text, i, end)
        if m is not None and m.group().lower() in ("и", "а", "но", "однако", "или"):
            return None
    at = _attr_clause(text, i, end, 4 if dash else 2)
    if at is None and dash:
        at = _attr_by_shape(text, i, end)
    return at


def _attr_by_shape(text: str, i: int, end: int) -> _Attr | None:
    """«…», — описала впечатления шахматистка / «…» — усмехнулся тренер: after a closing mark and a dash, a
    finite verb of the third person opening the clause attributes the quote whatever the verb is, when a
    subject follows it: the first nominative person noun that agrees with the verb (the plural object of
    "описала впечатления шахматистка" does not), or a name. Morphology only: this runs for every closing
    mark followed by a dash, so it must cost no parse."""
    m = _WORD_RE.match(text, i, end)
    if m is None or not _finite_third(m.group()):
        return None
    ce = _clause_end(text, i, end)
    toks = _tokens(text, i, ce, 16)
    verb = text[toks[0].start:toks[0].end] if toks else ""
    for k in range(1, len(toks)):
        t = toks[k]
        if t.kind not in ("w", "i"):
            break
        if t.text.lower() in ("он", "она", "они"):
            return _Attr(Span(toks[0].start, toks[0].end), _span_of(toks, k, k + 1), ce)
        if _agrees(verb, t.text) or (t.text[:1].isupper() and _is_name_tok(t) and _nominative(t)):
            j = k + 1
            while j < len(toks) and toks[j].kind in ("w", "i") and (toks[j].text[:1].isupper()
                                                                     or _np_chain_ok(toks[j])):
                j += 1
            return _Attr(Span(toks[0].start, toks[0].end), _span_of(toks, k, j), ce)
    return None


def _agrees(verb: str, noun: str) -> bool:
    """A nominative singular person noun agreeing with a past singular verb in gender ("описала … шахматистка")."""
    try:
        v = get_morph().parse(verb.lower())[0].tag
        ps = get_morph().parse(noun.lower().replace("ё", "е"))[:4]
    except Exception:  # pragma: no cover
        return False
    if v.number != "sing":
        return False
    return any(p.tag.POS == "NOUN" and p.tag.case == "nomn" and p.tag.number == "sing" and p.tag.animacy == "anim"
               and (v.tense != "past" or p.tag.gender == v.gender) for p in ps)


@lru_cache(maxsize=20_000)
def _finite_third(word: str) -> bool:
    """A finite verb form of the third person or the past ("усмехнулся", "добавляет"), not "скажу"/"скажите"."""
    try:
        top = get_morph().parse(word.lower().replace("ё", "е"))[0]
    except Exception:  # pragma: no cover
        return False
    t = top.tag
    return t.POS == "VERB" and t.mood == "indc" and (t.tense == "past" or t.person == "3per")


# --------------------------------------------------------------------------------------------
# sentence helpers (bounded)


def _sentence_start(text: str, pos: int, floor: int) -> int:
    """Start of the sentence containing ``pos`` (never before ``floor``; bounded look-back)."""
    lo = max(floor, pos - _WINDOW)
    j = pos - 1
    while j >= lo:
        ch = text[j]
        if ch == "\n":
            return j + 1
        if ch in ".!?…" and j + 1 <= pos and (j + 1 == pos or text[j + 1].isspace()):
            k = _skip_space(text, j + 1, pos)
            if k == pos or (k < pos and (text[k].isupper() or text[k] in QUOTE_MARKS or text[k] in _DASHES
                                          or text[k].isdigit())):
                if not (ch == "." and j > 0 and text[j - 1].isupper() and (j < 2 or not text[j - 2].isalpha())):
                    return k
        j -= 1
    return lo


def _only_lead(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` empty but for spaces and dashes (the mark opens its sentence)?"""
    for ch in text[a:b]:
        if not (ch.isspace() or ch in _DASHES):
            return False
    return True


def _ends_sentence(text: str, pos: int, end: int) -> bool:
    """Does the author's sentence end right after the closing mark at ``pos``?"""
    i = _skip_space(text, pos, end)
    if i >= end:
        return True
    if text[i] in ".!?…":
        return True
    return text[pos - 2:pos - 1] in (".", "!", "?", "…") and (text[i].isupper() or text[i] in QUOTE_MARKS)


# --------------------------------------------------------------------------------------------
# content tests


def _content_words(text: str, a: int, b: int, limit: int = 60) -> list[str]:
    out = []
    for m in _WORD_RE.finditer(text, a, b):
        out.append(m.group())
        if len(out) >= limit:
            break
    return out


def _clause_like(words: list[str]) -> bool:
    for w in words[:40]:
        if w[:1].isdigit() or _is_latin(w):
            continue
        if _info(w).pos in _CLAUSE_POS:
            return True
    return False


def _name_like(text: str, a: int, b: int, words: list[str], clause: bool) -> bool:
    """Short capitalized content without a verb: a name or title."""
    if clause or not words or len(words) > 6:
        return False
    first = text[a:b].lstrip(" " + QUOTE_MARKS)[:1]
    return first.isupper() or first.isdigit() or _is_latin(first)


def _prev_words(text: str, pos: int, floor: int, n: int = 3) -> list[_T]:
    a = max(floor, pos - 60)
    toks = [t for t in _tokens(text, a, pos, 30) if t.kind == "w"]
    return toks[-n:]


def _name_context(text: str, pos: int, floor: int) -> bool:
    """An organization/work noun or "так называемый" just before the opening mark (no comma or
    colon in between: "Как пишет издание, «…»" names nothing)."""
    a = max(floor, pos - 60)
    toks = _tokens(text, a, pos, 30)
    words: list[_T] = []
    for t in reversed(toks):
        if t.kind == "p" and t.text in ",:;":
            break
        if t.kind == "w":
            words.append(t)
            if len(words) == 3:
                break
    for t in words:
        low = t.text.lower()
        if low.startswith(("называем", "именуем", "пресловут")):
            return True
        if _info(t.text).lemma in ORG_NOUNS:
            return True
    return False


# --------------------------------------------------------------------------------------------
# pairing


@dataclass(slots=True)
class _Region:
    cs: int
    ce: int
    para: int
    group: int
    open_pos: int | None
    close_pos: int | None


def _direction(text: str, i: int, a: int, b: int) -> str:
    """'o', 'c' or '?' for a straight or ambiguous mark at ``i`` within ``[a, b)``."""
    prev = text[i - 1] if i > a else " "
    nxt = text[i + 1] if i + 1 < b else " "
    ps = prev.isspace() or prev in "([{/" or prev in _DASHES or prev in "«„“"
    ns = nxt.isspace() or nxt in ".,;:!?)]}…" or nxt in _DASHES or nxt in "»”“\""
    if ps and not ns:
        return "o"
    if ns and not ps:
        return "c"
    return "?"


def _family_of(text: str, i: int, a: int, b: int, stack: list) -> tuple[str, str] | None:
    """(action, family) for the mark at ``i``: action 'o' open or 'c' close; None to ignore."""
    ch = text[i]
    if ch in _OPENERS:
        if ch == "‘":
            prev = text[i - 1] if i > a else " "
            nxt = text[i + 1] if i + 1 < b else " "
            if prev.isalnum() and nxt.isalnum():
                return None
        return "o", _OPENERS[ch]
    top = stack[-1][0] if stack else None
    if ch == "»":
        return "c", "g"
    if ch == "’":
        prev = text[i - 1] if i > a else " "
        nxt = text[i + 1] if i + 1 < b else " "
        if prev.isalnum() and nxt.isalnum():
            return None  # apostrophe
        return "c", "s"
    if ch == "”":
        return "c", "l" if top == "l" else "e"
    if ch == "“":
        if top == "l":
            return "c", "l"
        d = _direction(text, i, a, b)
        if d == "c" and top == "e":
            return "c", "e"
        return "o", "e"
    if ch == '"':
        d = _direction(text, i, a, b)
        if d == "?":
            d = "c" if any(f == "q" for f, _ in stack[-3:]) else "o"
        if d == "o" and stack and stack[-1][0] == "q" and _direction(text, i, a, b) == "?":
            d = "c"
        return d, "q"
    return None


def _shared_close(text: str, pos: int, end: int) -> bool:
    """A closing mark followed by an attribution dash closes every open quote (``"…"Яндекс", -``)."""
    i = _skip_space(text, pos, end)
    if i < end and text[i] in ",.":
        i = _skip_space(text, i + 1, end)
    return i < end and text[i] in _DASHES


def _excess_close(text: str, a: int, b: int) -> str | None:
    """The family of the first mark paragraph ``[a, b)`` closes without opening it (a carried
    quote ends here), else None."""
    stack: list = []
    for m in _MARK_RE.finditer(text, a, b):
        act = _family_of(text, m.start(), a, b, stack)
        if act is None:
            continue
        kind, fam = act
        if kind == "o":
            if len(stack) < _MAX_DEPTH:
                stack.append((fam, m.start()))
            continue
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == fam:
                del stack[k:]
                break
        else:
            return fam
    return None


def _pair(text: str, paragraphs: Sequence[Span]) -> tuple[list[_Region], list[tuple[int, int]]]:
    """Outer quoted regions (possibly multi-paragraph groups) and orphan closing marks."""
    regions: list[_Region] = []
    orphans: list[tuple[int, int]] = []  # (close position, paragraph)
    carry: tuple[str, int] | None = None  # (family, group) of a quote running on
    group = 0
    excess: dict[int, str | None] = {}  # paragraph → family it closes without opening (computed once)
    marked: dict[int, bool] = {}  # paragraph → holds any quotation mark (computed once)

    def closes_carry(pi: int, fam: str) -> bool:
        if pi not in excess:
            q = paragraphs[pi]
            excess[pi] = _excess_close(text, q.start, q.end)
        return excess[pi] == fam

    def has_marks(pi: int) -> bool:
        if pi not in marked:
            q = paragraphs[pi]
            marked[pi] = _MARK_RE.search(text, q.start, q.end) is not None
        return marked[pi]

    def runs_on(pi: int, fam: str) -> bool:
        """A markless paragraph inside a Russian-style quote: a later one (close by) closes it."""
        if has_marks(pi):
            return False
        for pj in range(pi + 1, min(len(paragraphs), pi + 1 + _RUN_ON)):
            if has_marks(pj):
                return closes_carry(pj, fam)
        return False

    for pi, p in enumerate(paragraphs):
        a, b = p.start, p.end
        stack: list = []  # (family, position); position -1 = continued from previous paragraph
        cur_group = -1
        start_content = a
        if carry is not None:
            fam, g = carry
            carry = None
            first = a
            reopen = first < b and text[first] in QUOTE_MARKS and (
                _family_of(text, first, a, b, []) or ("", ""))[0] == "o" and (
                _family_of(text, first, a, b, [])[1] == fam or True)
            if reopen:
                stack.append((fam, first))
                cur_group = g
                start_content = first + 1
                skip_first = True
            elif closes_carry(pi, fam) or runs_on(pi, fam):
                stack.append((fam, -1))
                cur_group = g
                start_content = a
                skip_first = False
            else:
                skip_first = False
        else:
            skip_first = False
        for m in _MARK_RE.finditer(text, a, b):
            i = m.start()
            if skip_first and i == a:
                continue
            act = _family_of(text, i, a, b, stack)
            if act is None:
                continue
            kind, fam = act
            if kind == "o":
                if not stack:
                    group += 1
                    cur_group = group
                    start_content = i + 1
                if len(stack) < _MAX_DEPTH:
                    stack.append((fam, i))
                continue
            if not stack:
                orphans.append((i, pi))
                continue
            hit = -1
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == fam:
                    hit = k
                    break
            if hit < 0:
                if fam == "q" and len(stack) < _MAX_DEPTH:
                    stack.append((fam, i))  # a glued inner opener
                continue
            if hit > 0 and _shared_close(text, i + 1, b):
                hit = 0
            if hit == 0:
                op = stack[0][1]
                regions.append(_Region(start_content, i, pi, cur_group, op if op >= 0 else None, i))
                stack.clear()
            else:
                del stack[hit:]
        if stack:
            op = stack[0][1]
            regions.append(_Region(start_content, b, pi, cur_group, op if op >= 0 else None, None))
            if pi + 1 < len(paragraphs):
                carry = (stack[0][0], cur_group)
    return regions, orphans


# --------------------------------------------------------------------------------------------
# candidates


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    para: int
    kind: str = "full"
    speaker: Span | None = None
    cue: Span | None = None
    floating: bool = False
    consumed_to: int = 0  # end of author's words that belong to this quote (attribution)
    group: int = -1


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    strip = set(QUOTE_MARKS) | set(" \t\n\r\u00a0\u2009\u202f")
    while a < b and text[a] in strip:
        a += 1
    while b > a and text[b - 1] in strip:
        b -= 1
    return a, b


def _trim_tail_punct(text: str, a: int, b: int) -> int:
    """Drop a trailing comma/colon/semicolon/dash (kept: ? ! … and a full stop)."""
    while b > a and (text[b - 1] in ",;:" or text[b - 1] in _DASHES or text[b - 1].isspace()):
        b -= 1
    return b


_INTERRUPT_RE = re.compile(r"[,!?.…]" + "[ \t\u00a0]{0,3}[" + _DASHES + r"]{1,2}(?=[ \t\u00a0])")


def _split(text: str, a: int, b: int, trailing_ok: bool) -> tuple[list[tuple[int, int]], _Attr | None]:
    """Split ``[a, b)`` at inner attributions ("…, — заявил он. — …"). Returns parts and the
    first attribution."""
    parts: list[tuple[int, int]] = []
    first: _Attr | None = None
    cur = a
    pos = a
    while pos < b:
        m = _INTERRUPT_RE.search(text, pos, b)
        if m is None:
            break
        ci = _skip_space(text, m.end(), b)
        at = _attr_clause(text, ci, b, 4)
        if at is None or any(ch in QUOTE_MARKS for ch in text[ci:at.end]):
            pos = m.start() + 1
            continue
        # the clause must end with a dash (the quote resumes) or the sentence/region end
        j = _skip_space(text, at.end, b)
        resume = None
        if j < b and text[j] in ",.:":
            j2 = _skip_space(text, j + 1, b)
            if j2 < b and text[j2] in _DASHES:
                k = j2
                while k < b and text[k] in _DASHES:
                    k += 1
                resume = _skip_space(text, k, b)
        elif j < b and text[j] in _DASHES:
            k = j
            while k < b and text[k] in _DASHES:
                k += 1
            resume = _skip_space(text, k, b)
        if resume is None and not trailing_ok:
            pos = m.start() + 1
            continue
        end_part = m.start() + (1 if text[m.start()] in "!?…." else 0)
        parts.append((cur, end_part))
        if first is None:
            first = at
        if resume is None:
            return parts, first
        cur = resume
        pos = resume
    parts.append((cur, b))
    return parts, first


def _next_sentence_attr(text: str, pos: int, end: int) -> _Attr | None:
    """``«…». Об этом заявил X``: an attribution opening the next sentence."""
    i = _skip_space(text, pos, end)
    if i < end and text[i] in ".!?…":
        i = _skip_space(text, i + 1, end)
    toks = _tokens(text, i, min(end, i + 40), 4)
    if len(toks) >= 3 and toks[0].kind == "w" and toks[0].text.lower() in ("об", "о") \
            and toks[1].kind == "w" and toks[1].text.lower() == "этом":
        return _attr_clause(text, toks[2].start, end, 3)
    # "Так, по словам министра, считают в правительстве": the source is the one "по словам" names
    if len(toks) >= 4 and toks[0].kind == "w" and toks[0].text.lower() in _SO_WORDS \
            and toks[1].kind == "p" and toks[1].text == "," and toks[2].kind == "w" and toks[2].text.lower() == "по":
        ce = _clause_end(text, i, end)
        tt = _tokens(text, toks[2].start, ce, 16)
        k = 1
        if len(tt) > 2 and tt[1].kind == "w" and tt[1].text.lower() in _POSSESSIVES:
            k = 2
        if len(tt) > k + 1 and tt[k].kind == "w" and _info(tt[k].text).lemma in WORDS_NOUNS:
            if k == 2:
                return _Attr(Span(tt[0].start, tt[2].end), _span_of(tt, 1, 2), ce)
            j = k + 1
            while j < len(tt) and tt[j].kind != "p":
                j += 1
            if j > k + 1:
                return _Attr(Span(tt[0].start, tt[k].end), _span_of(tt, k + 1, j), ce)
    # "Так прокомментировал ситуацию X", "Такое мнение высказал X", "Так считает X"
    if len(toks) >= 2 and toks[0].kind == "w" and toks[0].text.lower() in _SO_WORDS:
        return _attr_clause(text, toks[1].start, end, 2)
    return None


def _intro(text: str, open_pos: int, floor: int) -> tuple[str, _Attr | None, bool]:
    """What stands before an opening mark: ('colon'|'clause'|'verb'|'start'|'mid', attribution,
    direct) where ``direct`` means the speech verb is within two words of the mark."""
    s = _sentence_start(text, open_pos, floor)
    if _only_lead(text, s, open_pos):
        return "start", None, False
    j = open_pos - 1
    while j >= s and text[j] in _SPACE:
        j -= 1
    colon = j >= s and text[j] == ":"
    toks = _tokens(text, s, open_pos, 60)
    # find the last cue in the sentence prefix
    attr = None
    direct = False
    po = None
    for k in range(len(toks)):
        t = toks[k]
        if t.kind != "w":
            continue
        low = t.text.lower()
        if low == "по" and k + 1 < len(toks) and toks[k + 1].kind == "w" and \
                _info(toks[k + 1].text).lemma in WORDS_NOUNS:
            po = k
        elif low == "по" and k + 2 < len(toks) and toks[k + 1].kind == "w" and toks[k + 2].kind == "w" \
                and toks[k + 1].text.lower() in _POSSESSIVES and _info(toks[k + 2].text).lemma in WORDS_NOUNS:
            po = k  # "по его словам"
    for k in range(len(toks) - 1, -1, -1):
        t = toks[k]
        if t.kind != "w":
            continue
        cue = _cue_at(text, toks, k)
        if cue is None:
            continue
        cue_span, quoting = cue
        words_after = sum(1 for x in toks[k + 1:] if x.kind == "w")
        direct = words_after <= 2
        kk = k
        while kk + 1 < len(toks) and toks[kk + 1].end <= cue_span.end:
            kk += 1
        if quoting:
            spk = _speaker_after(text, toks, kk, quoting)
        else:
            spk = _speaker_before(toks, k) or _speaker_after(text, toks, kk, quoting) or _place_before(toks, k)
        attr = _Attr(cue_span, spk, open_pos)
        break
    po_end = -1  # index of the punctuation closing the "по словам X" phrase
    if po is not None and (attr is None or attr.cue.start < toks[po].start):
        k = po + 1
        if toks[k].text.lower() in _POSSESSIVES:
            spk = _span_of(toks, k, k + 1)
            k += 1
            po_end = k + 1
        else:
            j = k + 1
            while j < len(toks) and toks[j].kind != "p":
                j += 1
            spk = _span_of(toks, k + 1, j) if j > k + 1 else None
            po_end = j
        attr = _Attr(Span(toks[po].start, toks[k].end), spk, open_pos)
    if colon:
        if attr is None:
            # "Сам Александр Белов оказался более дипломатичным:", "Слова Сагдеева из интервью:"
            for k, t in enumerate(toks):
                if t.kind == "w" and _info(t.text).lemma in WORDS_NOUNS and k + 1 < len(toks):
                    j = k + 1
                    while j < len(toks) and _np_chain_ok(toks[j]) and toks[j].kind != "p" \
                            and toks[j].text.lower() not in _PREPS:
                        j += 1
                    if j > k + 1:
                        attr = _Attr(Span(t.start, t.end), _span_of(toks, k + 1, j), open_pos)
                        break
            if attr is None:
                for k, t in enumerate(toks):
                    if _is_name_tok(t) and k > 0:
                        attr = _Attr(None, _span_of(toks, k, _name_run(toks, k)), open_pos)  # type: ignore[arg-type]
                        break
                    if _is_name_tok(t) and k == 0:
                        attr = _Attr(None, _span_of(toks, k, _name_run(toks, k)), open_pos)  # type: ignore[arg-type]
                        break
        return "colon", attr, direct
    # reported clause: "отметил, что «…»", "по словам X, «…»"
    words = [t for t in toks if t.kind == "w"]
    if words and words[-1].text.lower() in CLAUSE_CONJ:
        if attr is None:
            k = toks.index(words[-1])
            spk = _speaker_before(toks, k)
            attr = _Attr(None, spk, open_pos) if spk else None  # type: ignore[arg-type]
        return "clause", attr, False
    if po is not None and po_end == len(toks) - 1 and toks[-1].kind == "p" and toks[-1].text == ",":
        return "clause", attr, False  # "По словам X, «…»": nothing between the phrase and the mark
    # "Как заявил министр, «…»": an attribution clause set off by a comma
    # (also inside the sentence: "Впрочем, как заявил министр, «…»")
    if attr is not None and attr.cue is not None and toks and toks[-1].kind == "p" and toks[-1].text == "," \
            and any(t.kind == "w" and t.text.lower() == "как" and t.end <= attr.cue.start
                    and (k == 0 or toks[k - 1].kind == "p" and toks[k - 1].text == ",")
                    for k, t in enumerate(toks)):
        return "clause", attr, False
    if attr is not None:
        return "verb", attr, direct
    return "mid", None, False


def _dialogue_start(text: str, a: int, b: int) -> int | None:
    """Content start of a dialogue paragraph (``— Мы готовы, — сказал он.``), else None."""
    if a >= b or text[a] not in _DASHES:
        return None
    i = a
    while i < b and text[i] in _DASHES:
        i += 1
    j = _skip_space(text, i, b)
    if j == i and text[a] == "-":
        return None
    if j < b and (text[j].isalpha() or text[j] in QUOTE_MARKS or text[j] in "….") :
        return j
    return None


_LABEL_RE = re.compile(r"([A-ZА-ЯЁ][\w.\-]*(?:[ \u00a0][A-ZА-ЯЁ][\w.\-]*){0,3})[ \u00a0]?:[ \u00a0]+(?=\S)")


def _transcript_label(text: str, a: int, b: int) -> tuple[int, int, int] | None:
    """``В.Путин: …`` — (label start, label end, content start) when the label names a person."""
    m = _LABEL_RE.match(text, a, min(b, a + 60))
    if m is None:
        return None
    toks = _tokens(text, m.start(1), m.end(1), 8)
    if not toks or any(t.kind == "p" for t in toks if t.text != "."):
        return None
    has_name = False
    for t in toks:
        if t.kind == "i":
            has_name = True
        elif t.kind == "w":
            if not t.text[:1].isupper():
                return None
            info = _info(t.text)
            if info.name and (info.pos in ("NOUN", "") or (info.pos == "ADJS" and not info.known)):
                has_name = True
            elif "." in t.text and t.text.split(".")[0].isupper():
                has_name = True  # "В.Путин" tokenized as one word
            elif t is toks[0] and info.known and info.pos == "NOUN" and not t.text.isupper():
                return None  # "Позиция Сергея Лаврова:" introduces, it does not label a speaker
    if not has_name:
        return None
    last = toks[-1]
    if last.kind == "w" and "." not in last.text and _info(last.text).known and "nomn" not in _info(last.text).cases:
        return None  # a label is nominative ("Сергея Лаврова:" is not)
    if m.end() < b and text[m.end()] in QUOTE_MARKS:
        return None  # "Путин: «…»" is a colon introduction of a quote
    return m.start(1), m.end(1), m.end()


def find_quotes(text: str, paragraphs: Sequence[Span], sentences: Sequence[Span] = ()) -> list[Quote]:
    """Direct quotes in ``text`` (see the module docstring). Never raises on any string."""
    try:
        return _find_quotes(text, paragraphs)
    except RecursionError:  # pragma: no cover - nothing here recurses; belt and braces
        return []


def _clean_paragraphs(text: str, paragraphs: Sequence[Span]) -> tuple[list[Span], list[int]]:
    """Usable paragraphs (in order, in bounds, disjoint) and their indexes in ``paragraphs``;
    blank-line blocks when none is usable."""
    n = len(text)
    out: list[Span] = []
    idx: list[int] = []
    last = 0
    for k, p in enumerate(paragraphs or ()):
        if p.start < last or p.end > n or p.end <= p.start:
            continue
        out.append(p)
        idx.append(k)
        last = p.end
    if not out and text.strip():
        pos = 0
        for m in re.finditer(r"\n[ \t\u00a0]*\n\s*|\Z", text):
            s, e = pos, m.start()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Span(s, e))
                idx.append(len(idx))
            pos = m.end()
            if m.end() >= n:
                break
    return out, idx


def _dateline_end(text: str, p: Span) -> int:
    try:
        from .layout import parse_dateline
    except Exception:  # pragma: no cover - layout is another engineer's module
        return p.start
    try:
        d = parse_dateline(text, p.start, p.end)
    except Exception:  # pragma: no cover
        return p.start
    if d is None:
        return p.start
    return _skip_space(text, d.end, p.end)


def _find_quotes(text: str, paragraphs: Sequence[Span]) -> list[Quote]:
    paras, pidx = _clean_paragraphs(text, paragraphs)
    if not paras:
        return []
    cands: list[_Cand] = []
    consumed: list[tuple[int, int]] = []  # spans (paragraph forms) whose marks are not separate quotes
    para_form: dict[int, bool] = {}

    # paragraph forms: dialogue and transcripts
    dash: dict[int, tuple[int, list, _Attr | None, bool, bool]] = {}
    for pi, p in enumerate(paras):
        ds = _dialogue_start(text, p.start, p.end)
        if ds is not None:
            parts, at = _split(text, ds, p.end, True)
            clause = _clause_like(_content_words(text, ds, p.end, 40))
            question = text[ds].isupper() and text[p.end - 1] == "?"
            dash[pi] = (ds, parts, at, clause, question)
    # a run of dash paragraphs is a dialogue when one of them is attributed ("— …, — сказал он")
    # or, in an interview, when they exchange a question and an answer
    dialogue_run: dict[int, bool] = {}
    pi = 0
    while pi < len(paras):
        if pi not in dash:
            pi += 1
            continue
        pj = pi
        while pj in dash:
            pj += 1
        members = range(pi, pj)
        ok = any(dash[x][2] is not None for x in members) or any(
            dash[x][4] and not dash[x + 1][4] and dash[x + 1][3] for x in members[:-1])  # a question answered
        for x in members:
            dialogue_run[x] = ok
        pi = pj
    for pi, p in enumerate(paras):
        if pi in dash:
            ds, parts, at, clause, _q = dash[pi]
            if at is not None or (dialogue_run[pi] and (clause or _q)):
                for s, e in parts:
                    s, e = _trim(text, s, e)
                    e = _trim_tail_punct(text, s, e)
                    if e > s:
                        cands.append(_Cand(s, e, pi, "full", at.speaker if at else None,
                                           at.cue if at else None, False, p.end))
                consumed.append((p.start, p.end))
                para_form[pi] = True
                continue
        lab = _transcript_label(text, p.start, p.end)
        if lab is not None:
            ls, le, cs = lab
            s, e = _trim(text, cs, p.end)
            if e > s and len(_content_words(text, s, e, 3)) >= 2:
                cands.append(_Cand(s, e, pi, "full", Span(ls, le), None, False, p.end))
                consumed.append((p.start, p.end))
                para_form[pi] = True

    regions, orphans = _pair(text, paras)

    # group regions
    groups: dict[int, list[_Region]] = {}
    order: list[tuple[int, str, object]] = []
    for r in regions:
        if r.group not in groups:
            groups[r.group] = []
            order.append((r.cs, "g", r.group))
        groups[r.group].append(r)
    for pos, pi in orphans:
        order.append((pos, "o", pi))
    order.sort(key=lambda x: x[0])

    cons_sorted = sorted(consumed)  # paragraph forms: known up front, visited in order
    ci = 0
    attr_until = -1  # attribution clauses are found in text order: one high-water mark suffices
    last_end: dict[int, int] = {}  # paragraph → end of the last quote/attribution in it
    recent: deque[tuple[int, int]] = deque()  # (paragraph, end) of the regions just seen

    def consumed_at(pos: int) -> bool:
        nonlocal ci
        if pos < attr_until:
            return True
        while ci < len(cons_sorted) and cons_sorted[ci][1] <= pos:
            ci += 1
        return ci < len(cons_sorted) and cons_sorted[ci][0] <= pos

    for pos, what, ref in order:
        if consumed_at(pos):
            continue
        if what == "o":
            pi = ref  # type: ignore[assignment]
            p = paras[pi]
            at = _attr_after(text, pos + 1, p.end)
            if at is None:
                continue
            floor = max(_dateline_end(text, p) if pi == 0 or pi == 1 else p.start, last_end.get(pi, p.start),
                        pos - _LOST_MAX)
            if floor > p.start and floor == last_end.get(pi):
                # author's words after a previous quote: start at the next sentence
                k = floor
                while k < pos and not (text[k] in ".!?…" and k + 1 < pos and text[k + 1].isspace()):
                    k += 1
                floor = k + 1 if k < pos else floor
            s, e = _trim(text, floor, pos)
            s = _skip_space(text, s, e)
            while s < e and (text[s] in _DASHES or text[s] in ",.;:" or text[s] in QUOTE_MARKS):
                s = _skip_space(text, s + 1, e)
            if len(_content_words(text, s, e, 4)) < 3:
                continue
            cands.append(_Cand(s, e, pi, "full", at.speaker, at.cue, False, at.end))
            last_end[pi] = at.end
            attr_until = max(attr_until, at.end)
            continue
        parts = groups[ref]  # type: ignore[index]
        first, last = parts[0], parts[-1]
        p_first, p_last = paras[first.para], paras[last.para]
        closed = last.close_pos is not None
        after = _attr_after(text, last.close_pos + 1, p_last.end) if closed else None
        if after is None and closed:
            after = _next_sentence_attr(text, last.close_pos + 1, p_last.end) \
                if _ends_sentence(text, last.close_pos + 1, p_last.end) else None
            nxt_attr = after is not None
        else:
            nxt_attr = False
        floor = last_end.get(first.para, p_first.start)
        if first.open_pos is not None:
            # density guard: among many marks, the author's words before a quote end at the last one
            while recent and (recent[0][0] != first.para or recent[0][1] < first.open_pos - _WINDOW):
                recent.popleft()
            if len(recent) >= 4:
                floor = max(floor, recent[-1][1])
        if first.open_pos is not None:
            intro_kind, intro, direct = _intro(text, first.open_pos, floor)
        else:
            intro_kind, intro, direct = "start", None, False
        recent.append((last.para, last.ce + 1))
        # split every part at inner attributions
        pieces: list[tuple[int, int, int]] = []
        inner: _Attr | None = None
        for r in parts:
            sp, at = _split(text, r.cs, r.ce, r.close_pos is None)
            if at is not None and inner is None:
                inner = at
            for s, e in sp:
                pieces.append((s, e, r.para))
        words = _content_words(text, first.cs, last.ce, 60)
        clause = _clause_like(words)
        multi = len(parts) > 1
        name_ctx = first.open_pos is not None and _name_context(text, first.open_pos, floor)
        namey = _name_like(text, first.cs, last.ce, words, clause)
        if name_ctx and (namey or not clause or len(words) <= 6) and after is None and inner is None:
            continue
        if namey and (intro_kind not in ("start", "colon") or name_ctx):
            if not (after is not None and intro_kind == "start"):
                continue
        sent_end = closed and _ends_sentence(text, last.close_pos + 1, p_last.end)
        kind = "full"
        accept = False
        floating = False
        if multi and len(words) >= 4:
            accept = True
        if after is not None and not nxt_attr:
            if intro_kind in ("start", "colon", "clause") or clause or len(words) >= 4:
                accept = True
                if intro_kind in ("verb", "mid") and not clause:
                    kind = "fragment"
        if inner is not None:
            accept = True
        if intro_kind == "colon" and (clause or len(words) >= 6 or (intro is not None and intro.cue is not None)):
            accept = True
        if intro_kind == "start" and (sent_end or not closed) and clause and len(words) >= 3:
            accept = True
            floating = after is None
        if nxt_attr and accept:
            floating = False
        if intro_kind == "clause" and clause:
            accept = True
        if intro_kind == "verb" and not accept:
            if clause and len(words) >= 3:
                accept, kind = True, "fragment"
            elif direct and not namey and 1 <= len(words) <= 6 and text[first.cs:first.cs + 1].islower():
                accept, kind = True, "fragment"
        if not accept:
            continue
        attr = inner or after or intro
        if after is not None and intro is not None and intro_kind in ("colon", "clause", "verb") \
                and intro.speaker is not None and inner is None:
            # "X называет …: «…», сообщает Лента.ру" — the relay is not the speaker
            a_spk = after.speaker
            relay = _info(text[after.cue.start:after.cue.end].split()[0]).lemma in _RELAY_VERBS
            if relay and (a_spk is None or not any(_is_name_tok(t) for t in _tokens(text, a_spk.start, a_spk.end, 12))):
                attr = intro
        speaker = attr.speaker if attr else None
        cue = attr.cue if attr else None
        end_attr = last.ce + 1
        if after is not None:
            end_attr = after.end
        for s, e, pi in pieces:
            s, e = _trim(text, s, e)
            e = _trim_tail_punct(text, s, e)
            s, e = _trim(text, s, e)
            if e <= s or not _content_words(text, s, e, 1):
                continue
            cands.append(_Cand(s, e, pi, kind, speaker, cue, speaker is None and cue is None, end_attr,
                               group=ref))  # type: ignore[arg-type]
        last_end[last.para] = max(last_end.get(last.para, 0), end_attr)
        if after is not None:
            attr_until = max(attr_until, after.end)

    # order, drop overlaps, inherit speakers for floating quotes in a run
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Quote] = []
    prev: Quote | None = None
    last_end_pos = -1
    for c in cands:
        if c.start < last_end_pos or c.end <= c.start:
            continue
        speaker_span, cue_span = c.speaker, c.cue
        if c.floating and speaker_span is None and cue_span is None and prev is not None \
                and prev.paragraph >= pidx[c.para] - 1 and prev.speaker_span is not None:
            speaker_span = prev.speaker_span
        q = Quote(
            start=c.start, end=c.end, paragraph=pidx[c.para], kind=c.kind,  # type: ignore[arg-type]
            speaker=text[speaker_span.start:speaker_span.end] if speaker_span else None,
            speaker_span=speaker_span,
            cue=text[cue_span.start:cue_span.end] if cue_span else None,
            cue_span=cue_span,
            # pieces of one marked region (split by its attribution, or over paragraphs) are one statement:
            # a negative group id until analysis.link_statements numbers the statements
            statement=-(c.group + 1) if c.group >= 0 else None,
        )
        out.append(q)
        prev = q
        last_end_pos = c.end
    return out
