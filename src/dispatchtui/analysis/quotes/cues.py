"""Attribution cues around a quote: the cue verb, the attribution clause after the closing mark or inside the
quote, the next sentence pointing back, what introduces the opening mark; the author's sentence around it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Span
from ..lexicon.quotes import (
    ABOUT_PREPS,
    ABOUT_THIS,
    ACCORDING_PREP,
    AS_CONJ,
    BRING_PREFIXES,
    COORDINATORS,
    IN_PREPS,
    POSSESSIVES,
    PREPOSITIONS,
    RELAY_VERBS,
    SO_WORDS,
    SUBJECT_PRONOUNS,
)
from ..lexicon.speech import (
    ACCORDING_NOUNS,
    CLAUSE_CONJ,
    DOCUMENT_NOUNS,
    QUOTING_VERBS,
    SPEECH_VERBS,
    STANCE_ADJS,
    STATEMENT_NOUNS,
    STATEMENT_VERBS,
    WORDS_NOUNS,
)
from .marks import _CLAUSE_WINDOW, _DASHES, _SPACE, _WINDOW, QUOTE_MARKS, _skip_space
from .speakers import _place_before, _speaker_after, _speaker_before, _subject_head
from .tokens import (
    _T,
    _WORD_RE,
    _adjective_subject,
    _agrees,
    _finite_third,
    _info,
    _is_name_tok,
    _name_run,
    _nominative,
    _np_chain_ok,
    _span_of,
    _tokens,
)

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
        if lem.startswith(BRING_PREFIXES):
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
    if lem in RELAY_VERBS:
        # "передает «Интерфакс» слова Пескова": the words noun names whose words are relayed
        for j in range(k + 1, min(len(toks), k + 4)):
            u = toks[j]
            if u.kind == "w" and _info(u.text).lemma in WORDS_NOUNS:
                return Span(t.start, u.end), "genitive"
            if not (u.kind == "q" or (u.kind == "w" and _nominative(u))):
                break
    # "говорится в сообщении", "отмечается в документе"
    if (
        k + 2 < len(toks)
        and toks[k + 1].kind == "w"
        and toks[k + 1].text.lower() in IN_PREPS
        and toks[k + 2].kind == "w"
        and _info(toks[k + 2].text).lemma in DOCUMENT_NOUNS
    ):
        return Span(t.start, toks[k + 2].end), False
    return Span(t.start, t.end), False


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
        elif ch == "\n" or (ch in _DASHES and j > i and text[j - 1] in " ," and j + 1 < end and text[j + 1] in _SPACE):
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
    if i < end and text[i] == ":" and i == pos:
        return _attr_colon_after(text, i + 1, end)
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
        if m is not None and m.group().lower() in COORDINATORS:
            return None
    at = _attr_clause(text, i, end, 4 if dash else 2)
    if at is None and dash:
        at = _attr_by_shape(text, i, end)
    return at


def _attr_colon_after(text: str, i: int, end: int) -> _Attr | None:
    """«Море не прощает ошибок»: капитан порта — о сезоне / «…»: Лавров: the headline form of an interview or a
    statement, the quote first and its speaker after a colon. The words after the colon, up to a dash, a comma or
    the clause end, must be a person: a name, or a nominative animate noun heading them ("капитан порта",
    "бывший министр"), never a thing ("«…»: эта фраза …")."""
    ce = _clause_end(text, i, end)
    toks = _tokens(text, i, ce, 12)
    j = 0
    while j < len(toks) and toks[j].kind in ("w", "i", "q"):
        j += 1
    if j == 0 or j > 8:
        return None
    # "«…»: директор библиотеки о ночных чтениях": the topic, a prepositional phrase, is no part of the speaker
    j = next((k for k in range(1, j) if toks[k].kind == "w" and toks[k].text.lower() in PREPOSITIONS), j)
    first = toks[0]
    if _is_name_tok(first) and _nominative(first):
        return _Attr(None, _span_of(toks, 0, _name_run(toks, 0) or 1), ce)  # type: ignore[arg-type]
    for k in range(min(j, 3)):
        t = toks[k]
        info = _info(t.text) if t.kind == "w" else None
        if info is None or "nomn" not in info.cases:
            return None
        if info.pos == "NOUN":
            return _Attr(None, _span_of(toks, 0, j), ce) if info.anim else None  # type: ignore[arg-type]
        if info.pos != "ADJF":
            return None
    return None


def _attr_by_shape(text: str, i: int, end: int) -> _Attr | None:
    """«…», — описала впечатления шахматистка / «…» — усмехнулся тренер: after a closing mark and a dash, a
    finite verb of the third person opening the clause attributes the quote whatever the verb is, when a
    subject follows it: the first nominative person noun that agrees with the verb (the plural object of
    "описала впечатления шахматистка" does not), or a name. Morphology only: this runs for every closing
    mark followed by a dash, so it must cost no parse."""
    m = _WORD_RE.match(text, i, end)
    if m is None:
        return None
    if not _finite_third(m.group()):
        # "«…» — начала она": a verb the dictionary reads first as a noun ("начала", of "начало") is the verb
        # when a subject pronoun follows it
        nxt = _WORD_RE.match(text, _skip_space(text, m.end(), end), end)
        if not (
            _finite_third(m.group(), any_reading=True) and nxt is not None and nxt.group().lower() in SUBJECT_PRONOUNS
        ):
            return None
    ce = _clause_end(text, i, end)
    toks = _tokens(text, i, ce, 16)
    verb = text[toks[0].start : toks[0].end] if toks else ""
    for k in range(1, len(toks)):
        t = toks[k]
        if t.kind not in ("w", "i"):
            break
        if t.text.lower() in SUBJECT_PRONOUNS:
            return _Attr(Span(toks[0].start, toks[0].end), _span_of(toks, k, k + 1), ce)
        if _agrees(verb, t.text) or (t.text[:1].isupper() and _is_name_tok(t) and _nominative(t)):
            j = k + 1
            while (
                j < len(toks) and toks[j].kind in ("w", "i") and (toks[j].text[:1].isupper() or _np_chain_ok(toks[j]))
            ):
                j += 1
            return _Attr(Span(toks[0].start, toks[0].end), _span_of(toks, k, j), ce)
        if k == len(toks) - 1 and _adjective_subject(verb, t.text):
            return _Attr(Span(toks[0].start, toks[0].end), _span_of(toks, k, k + 1), ce)  # "— вмешался младший"
    return None


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
            if k == pos or (
                k < pos and (text[k].isupper() or text[k] in QUOTE_MARKS or text[k] in _DASHES or text[k].isdigit())
            ):
                if not (ch == "." and j > 0 and text[j - 1].isupper() and (j < 2 or not text[j - 2].isalpha())):
                    return k
        j -= 1
    return lo


def _only_lead(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` empty but for spaces and dashes (the mark opens its sentence)?"""
    return all(ch.isspace() or ch in _DASHES for ch in text[a:b])


def _ends_sentence(text: str, pos: int, end: int) -> bool:
    """Does the author's sentence end right after the closing mark at ``pos``?"""
    i = _skip_space(text, pos, end)
    if i >= end:
        return True
    if text[i] in ".!?…":
        return True
    return text[pos - 2 : pos - 1] in (".", "!", "?", "…") and (text[i].isupper() or text[i] in QUOTE_MARKS)


#: a name in guillemets after a word of the attribution: "спросил корреспондент «Спорт-Экспресса»"
#: A name in quotation marks inside an author's words ("признался «Ведомостям» Ковальчук"; inside a quote the name
#: takes the inner marks: "признался “Ведомостям” Ковальчук", "„Ведомостям“").
_NAME_IN_MARKS = re.compile(r"(?<=[\w ])(?:«[^«»\n.!?]{1,40}»|“[^“”\n.!?]{1,40}”|„[^„“”\n.!?]{1,40}[“”])")
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
        # "— …, — смеется Дарья. — …": the author's words between dashes attribute whatever their verb
        at = _attr_clause(text, ci, b, 4) or _attr_by_shape(text, ci, b)
        if at is None or any(ch in QUOTE_MARKS for ch in _NAME_IN_MARKS.sub("", text[ci : at.end])):
            pos = m.start() + 1  # (an outlet's or a company's name in marks is part of it: "корреспондент «…»")
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
    if (
        len(toks) >= 3
        and toks[0].kind == "w"
        and toks[0].text.lower() in ABOUT_PREPS
        and toks[1].kind == "w"
        and toks[1].text.lower() == ABOUT_THIS
    ):
        return _attr_clause(text, toks[2].start, end, 3)
    # "Так, по словам министра, считают в правительстве": the source is the one "по словам" names
    if (
        len(toks) >= 4
        and toks[0].kind == "w"
        and toks[0].text.lower() in SO_WORDS
        and toks[1].kind == "p"
        and toks[1].text == ","
        and toks[2].kind == "w"
        and toks[2].text.lower() == ACCORDING_PREP
    ):
        ce = _clause_end(text, i, end)
        tt = _tokens(text, toks[2].start, ce, 16)
        k = 1
        if len(tt) > 2 and tt[1].kind == "w" and tt[1].text.lower() in POSSESSIVES:
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
    if len(toks) >= 2 and toks[0].kind == "w" and toks[0].text.lower() in SO_WORDS:
        return _attr_clause(text, toks[1].start, end, 2)
    return _words_belong_to(text, i, end)


_DEMONSTRATIVE = re.compile(r"(?:Эти|Это|Такие|Эта)[ \u00a0]")


def _words_belong_to(text: str, i: int, end: int) -> _Attr | None:
    """ "«…». Эти слова, вызвавшие аплодисменты, принадлежат депутату Людмиле Карпенко": the words just quoted
    (a demonstrative and a words noun opening the next sentence) belong to the one in the dative after
    "принадлежать" — the speaker, named after the quote. (Runs after every closing mark: the demonstrative is
    checked before anything is tokenized.)"""
    if _DEMONSTRATIVE.match(text, i, min(end, i + 8)) is None:
        return None
    ce = _clause_end(text, i, end)
    toks = _tokens(text, i, min(end, i + 160), 24)
    if len(toks) < 4:
        return None
    if toks[1].kind != "w" or _info(toks[1].text).lemma not in WORDS_NOUNS:
        return None
    k = next((n for n, t in enumerate(toks) if t.kind == "w" and _info(t.text).lemma == "принадлежать"), None)
    if k is None or k + 1 >= len(toks):
        return None
    if toks[k + 1].kind not in ("w", "i") or "datv" not in _info(toks[k + 1].text).cases:
        return None  # (its holder in the dative: "принадлежат депутату …")
    j = k + 2
    while j < len(toks) and toks[j].kind in ("w", "i") and (toks[j].text[:1].isupper() or _np_chain_ok(toks[j])):
        j += 1
    return _Attr(Span(toks[k].start, toks[k].end), _span_of(toks, k + 1, j), max(ce, toks[j - 1].end))


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
    po = _according_at(toks)
    attr, direct = _last_cue(text, toks, open_pos)
    po_end = -1  # index of the punctuation closing the "по словам X" phrase
    if po is not None and (attr is None or attr.cue.start < toks[po].start):
        attr, po_end = _according_attr(toks, po, open_pos)
    if colon:
        if attr is not None and attr.cue is not None:
            embedded = _embedded_speaker(toks, attr.cue.end)
            if embedded is not None:
                attr = _Attr(embedded[1], embedded[0], open_pos)
        owner = _colon_subject(toks, open_pos)
        # "Художник любил повторять фразу Краснова: «…»": the words' owner after the verb is the speaker, not
        # the one who repeats them
        if attr is None or (owner is not None and owner.cue is not None and owner.cue.start > attr.cue.start):
            attr = owner
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
    if (
        attr is not None
        and attr.cue is not None
        and toks
        and toks[-1].kind == "p"
        and toks[-1].text == ","
        and any(
            t.kind == "w"
            and t.text.lower() == AS_CONJ
            and t.end <= attr.cue.start
            and (k == 0 or toks[k - 1].kind == "p" and toks[k - 1].text == ",")
            for k, t in enumerate(toks)
        )
    ):
        return "clause", attr, False
    if attr is not None:
        return "verb", attr, direct
    return "mid", None, False


def _according_at(toks: list[_T]) -> int | None:
    """Index of the last "по словам" / "по его словам" in ``toks``, else None."""
    po = None
    for k in range(len(toks)):
        t = toks[k]
        if t.kind != "w":
            continue
        low = t.text.lower()
        if (
            low == ACCORDING_PREP
            and k + 1 < len(toks)
            and toks[k + 1].kind == "w"
            and _info(toks[k + 1].text).lemma in ACCORDING_NOUNS
        ):
            po = k
        elif (
            low == ACCORDING_PREP
            and k + 2 < len(toks)
            and toks[k + 1].kind == "w"
            and toks[k + 2].kind == "w"
            and toks[k + 1].text.lower() in POSSESSIVES
            and _info(toks[k + 2].text).lemma in ACCORDING_NOUNS
        ):
            po = k  # "по его словам"
    return po


def _last_cue(text: str, toks: list[_T], open_pos: int) -> tuple[_Attr | None, bool]:
    """The last cue in the sentence prefix ``toks`` with its speaker, and whether it is within two words of
    the mark."""
    for k in range(len(toks) - 1, -1, -1):
        t = toks[k]
        if t.kind != "w":
            continue
        cue = _cue_at(text, toks, k)
        if cue is None:
            continue
        cue_span, quoting = cue
        words_after = sum(1 for x in toks[k + 1 :] if x.kind == "w")
        direct = words_after <= 2
        kk = k
        while kk + 1 < len(toks) and toks[kk + 1].end <= cue_span.end:
            kk += 1
        if quoting:
            spk = _speaker_after(text, toks, kk, quoting)
        else:
            spk = _speaker_before(toks, k) or _speaker_after(text, toks, kk, quoting) or _place_before(toks, k)
        return _Attr(cue_span, spk, open_pos), direct
    return None, False


def _according_attr(toks: list[_T], po: int, open_pos: int) -> tuple[_Attr, int]:
    """ "по словам X" / "по его словам" at ``toks[po]``: the attribution, and the index of the punctuation
    that closes the phrase."""
    k = po + 1
    spk: Span | None
    if toks[k].text.lower() in POSSESSIVES:
        spk = _span_of(toks, k, k + 1)
        k += 1
        po_end = k + 1
    else:
        j = k + 1
        while j < len(toks) and toks[j].kind != "p":
            j += 1
        spk = _span_of(toks, k + 1, j) if j > k + 1 else None
        po_end = j
    return _Attr(Span(toks[po].start, toks[k].end), spk, open_pos), po_end


def _embedded_speaker(toks: list[_T], after: int) -> tuple[Span, Span] | None:
    """ "Гусева вспомнила, как в 2021 году директор успокаивал дольщиков: «…»": a clause of "как" after the cue,
    with a subject of its own — an animate noun (or a name) in the nominative and a finite verb after it — ends
    at the colon; the quote gives what that subject said, not the one who recalls it. (speaker, its verb as the
    cue)"""
    k = next((i for i, t in enumerate(toks) if t.start >= after and t.kind == "w" and t.text.lower() == "как"), None)
    if k is None or k == 0 or toks[k - 1].text != ",":
        return None
    win = toks[k + 1 :]
    h = _subject_head(win, "")
    if h is None or win[h].kind != "w":
        return None
    t = win[h]
    info = _info(t.text)
    if not (_is_name_tok(t) or (info.pos == "NOUN" and info.anim)):
        return None
    verb = next((u for u in win[h + 1 : h + 4] if u.kind == "w" and _finite_third(u.text)), None)
    if verb is None:
        return None
    j = h + 1
    while j < len(win) and win[j].kind == "w" and _is_name_tok(win[j]):
        j += 1
    return _span_of(win, h, j), Span(verb.start, verb.end)


def document_colon(text: str, open_pos: int, floor: int) -> bool:
    """ "В дневнике за 1891 год есть запись: «…»", "На плакате надпись: «…»": a colon introduction whose sentence
    names a document — the words are the document's, not a continuation of whoever spoke before."""
    s = _sentence_start(text, open_pos, floor)
    toks = _tokens(text, s, open_pos, 40)
    return any(t.kind == "w" and _info(t.text).lemma in DOCUMENT_NOUNS for t in toks)


def _colon_subject(toks: list[_T], open_pos: int) -> _Attr | None:
    """A colon introduction without a cue: "Слова Сагдеева из интервью:", "Комментарий шведского телевидения:"
    (the words or statement noun names the speaker in the genitive), "Сам Александр Белов оказался более
    дипломатичным:" (the first name)."""
    for k, t in enumerate(toks):
        # (a statement noun only as the whole introduction's head: "Комментарий X:", not "сослался на мнение X:")
        if (
            t.kind == "w"
            and k + 1 < len(toks)
            and (
                _info(t.text).lemma in WORDS_NOUNS
                or (_info(t.text).lemma in STATEMENT_NOUNS and not any(u.kind == "w" for u in toks[:k]))
            )
        ):
            j = k + 1
            while (
                j < len(toks)
                and _np_chain_ok(toks[j])
                and toks[j].kind != "p"
                and toks[j].text.lower() not in PREPOSITIONS
            ):
                j += 1
            if j > k + 1:
                return _Attr(Span(t.start, t.end), _span_of(toks, k + 1, j), open_pos)
    for k, t in enumerate(toks):
        if _is_name_tok(t):
            return _Attr(None, _span_of(toks, k, _name_run(toks, k)), open_pos)  # type: ignore[arg-type]
    return None


def _choose_attr(
    text: str, intro_kind: str, intro: _Attr | None, after: _Attr | None, inner: _Attr | None
) -> _Attr | None:
    """The attribution that names the speaker: the one inside the marks, else the one after, else the
    introduction; but a medium relaying after an introduced speaker is not the speaker ("X называет …: «…»,
    сообщает Лента.ру"), unless it names a person."""
    attr = inner or after or intro
    if (
        after is not None
        and intro is not None
        and intro_kind in ("colon", "clause", "verb")
        and intro.speaker is not None
        and inner is None
    ):
        a_spk = after.speaker
        relay = after.cue is not None and _info(text[after.cue.start : after.cue.end].split()[0]).lemma in RELAY_VERBS
        if relay and (a_spk is None or not any(_is_name_tok(t) for t in _tokens(text, a_spk.start, a_spk.end, 12))):
            attr = intro
    return attr
