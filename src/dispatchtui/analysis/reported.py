"""Reported (indirect) speech: someone's words or position rendered in the author's words.

``find_reported(text, paragraphs, sentences, direct)`` returns :class:`~dispatchtui.model.Quote` objects of kind
``"reported"``: ``start``/``end`` cover the content, ``cue_span`` the attribution words, ``speaker_span`` the
speaker mention as written (resolved to a speaker later, by :mod:`.resolve`, like a direct quote's).

Only sentences holding a candidate cue (a lemma from :mod:`.lexicon.reported`) are parsed, with the dependency
parser that ships inside natasha (:func:`.nlp.parse_sentences`): the subject of the speech verb is the speaker,
the words after its complementizer the content. One named function per Russian form:

=============================================  ==========================  ===============================
form                                           function                    test (tests/test_reported.py)
=============================================  ==========================  ===============================
«По словам X, …» / «X, по его мнению, …» /     :func:`form_according_to`   ``test_according_to_*``
«по данным X» / «согласно заявлению X»
«Как заявил X, …» / «…, как сообщили в МИД»    :func:`form_as_said`        ``test_as_said_*``
«X заявил, что …» / «считает, что» / «уверен,  :func:`form_that_clause`    ``test_that_clause_*``
что» / «выразил надежду, что» / «сообщается,
что» / «говорится в сообщении, что»
«Об этом заявил X» / «Такое мнение высказал    :func:`form_back_pointer`   ``test_back_pointer_*``
X» / «Это подтвердил X» (content: the sentence
before)
«…, сообщает пресс-служба.» / «…, уточняет     :func:`form_trailing`       ``test_trailing_*``
газета, …» (attribution after the content,
no что, no marks)
«…, следует из сводки X» / «Как следует из …»  :func:`_follows_from` (in    ``test_following_*``
/ «Из документов следует, что …»               the forms above)
=============================================  ==========================  ===============================

Not reported speech: a sentence mostly inside a direct quote (a speaker quoting someone is not listed), facts
without a speaker ("стало известно, что", "оказалось"), plans ("решил", "намерен" + infinitive). Every
sentence is parsed at most once and cut to a bounded number of tokens, so the cost is linear in the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Quote, Span
from .lexicon.reported import (
    ACCORDING_NOUNS,
    BACK_POINTERS,
    COMPLEMENTIZERS,
    IMPERSONAL_VERBS,
    LIGHT_VERBS,
    NEGATED_SAY_VERBS,
    OPENERS,
    PERCEIVE_VERBS,
    RELAY_VERBS,
    SAY_VERBS,
    SOURCE_NOUNS,
    STANCE_ADJS,
    STANCE_NOUNS,
    SUBORDINATORS,
    VIEW_NOUNS,
)
from .morph import lemma, parses
from .syntax import CLOSES_WORDS, Sent, Tok, is_punct, parse, place_speaker, speaker_of, speaker_span
from .turns import label_at

__all__ = ["find_reported"]

#: A statement of fewer words is no statement (a cut-off heading, "Как сообщается, да.").
MIN_WORDS = 3
#: A content this much inside direct quotes is the direct quote's, not a second, reported statement.
DIRECT_SHARE = 0.8
_WORD_RE = re.compile(r"[^\W\d_][\w-]*")
_END_PUNCT = ".!?…;:"
_POSSESSIVES = frozenset({"его", "ее", "её", "их"})


@dataclass(frozen=True, slots=True)
class Found:
    """What a form found: the content, the cue, the speaker mention (if any), the form's name."""

    content: Span
    cue: Span
    speaker: Span | None
    form: str
    paragraph: int


# ---------------------------------------------------------------------------------------------- helpers


def _genitive(word: str) -> bool:
    return word[:1].isalpha() and any(p.tag.case == "gent" for p in parses(word)[:3])


def _is_say(t: Tok) -> bool:
    """A verb (finite, gerund, participle) or stance adjective of saying: "заявил", "заявив", "считающий",
    "уверен". Not the author's own "напомним, что" / "скажем" (first person) nor an imperative."""
    if t.pos in ("VERB", "GRND", "PRTS", "PRTF") and t.lemma in SAY_VERBS:
        return not _authorial(t.text)
    return t.pos in ("ADJS", "PRTS") and t.lemma in STANCE_ADJS


def _negated_stance(toks: Sequence[Tok], v: int) -> bool:
    """ "Ожегин не исключает, что …", "тренер не сомневается, что …": a verb of :data:`NEGATED_SAY_VERBS` right
    after "не" — a stance stated, as "допускает" or "уверен" would."""
    t = toks[v]
    return (
        v > 0
        and t.pos == "VERB"
        and t.lemma in NEGATED_SAY_VERBS
        and toks[v - 1].text.lower() == "не"
        and not _authorial(t.text)
    )


def _authorial(word: str) -> bool:
    """First person or imperative: the author (or a speaker inside a quote) talking, not a report."""
    p = parses(word)
    if not p:
        return False
    tag = p[0].tag
    return tag.person in ("1per", "2per") or tag.mood == "impr"


def _is_impersonal(t: Tok) -> bool:
    """ "сообщается", "говорится", "отмечается", "сказано", "было подчеркнуто": no one is the subject."""
    if t.pos == "VERB" and t.lemma in IMPERSONAL_VERBS and t.text.lower().endswith(("ся", "сь")):
        return True
    return t.pos == "PRTS" and t.lemma in IMPERSONAL_VERBS and t.text.lower().endswith(("о",))


def _follows_from(s: Sent, v: int) -> bool:
    """ "…, следует из материалов суда", "Как следует из сводки, …", "Из документов следует, что …": "следует из"
    a document or a body's data attributes the content to it, as "говорится в" does — not "следует" of duty
    ("ему следует уйти": no "из") nor the author's inference "из этого следует" (a pronoun)."""
    return _source_followed(s, v) is not None


def _source_followed(s: Sent, v: int) -> Span | None:
    """The "из …" phrase of :func:`_follows_from`'s "следует": the verb's own "из" dependent, else (the parse may
    hang it on the main verb) the words right after the verb, "из" and a noun, to the next break."""
    t = s.toks[v]
    if t.lemma != "следовать" or t.text.lower() not in ("следует", "следовало", "следуют"):
        return None
    for k in s.kids[v]:
        case = next((c for c in s.kids[k] if s.toks[c].rel == "case"), None)
        if s.toks[k].rel == "obl" and case is not None and s.toks[case].lemma == "из":
            # (not "этого", "сказанного": the author's own inference)
            return s.span(*s.subtree(k)) if s.toks[k].pos == "NOUN" else None
    if v + 2 < len(s.toks) and s.toks[v + 1].text.lower() == "из":
        end = _next_break(s, v + 2)
        if any(x.pos == "NOUN" for x in s.toks[v + 2 : min(end, v + 4)]):
            return s.span(v + 1, end)
    return None


def _content(s: Sent, a: int, b: int, short: bool = False) -> Span | None:
    """The content tokens ``[a, b)`` as a span, without punctuation at either end; None when too short.
    A colon that opens a direct quote or dialogue ends it ("По словам X, Крым …: «Турция …»"), and so does a
    sentence end before an opening mark; a leading
    "о том, что" / "что" is the complementizer, not content. ``short`` lets a clause of two words through
    (:func:`_short_clause`)."""
    for k in range(a, b - 1):
        if s.toks[k].text == ":" and s.toks[k + 1].text in ("«", '"', "„", "“", "—", "–", "-"):
            b = k
            break
        if s.toks[k].text in (".", "!", "?", "…") and s.toks[k + 1].text in ("«", "„", "“"):
            b = k  # "… значение 8,2 G. «Для меня …»": a sentence end the splitter missed, then a quote
            break
    for lead in (("о", "том", ",", "что"), ("о", "том", ",", "чтобы")):
        k = a
        while k < b and s.toks[k].text.lower() in OPENERS - {"о"}:
            k += 1
        if tuple(t.text.lower() for t in s.toks[k : k + len(lead)]) == lead:
            a = k + len(lead)
            break
    b = _relay_tail(s, a, b)
    while a < b and is_punct(s.toks[a].text) and s.toks[a].text not in '«"„“':
        a += 1
    while b > a and is_punct(s.toks[b - 1].text) and s.toks[b - 1].text not in CLOSES_WORDS:
        b -= 1
    words = [t for t in s.toks[a:b] if _WORD_RE.match(t.text)]
    if len(words) < MIN_WORDS and not (short and _short_clause(words)):
        return None
    return s.span(a, b)


def _short_clause(words: Sequence[Tok]) -> bool:
    """Two words that make a clause of their own: a predicate and its complement or subject ("что доволен
    результатом", "что угрозы нет", "что ситуация стабилизировалась")."""
    return len(words) == 2 and any(t.pos in ("VERB", "ADJS", "PRTS", "PRED") for t in words)


def _relay_tail(s: Sent, a: int, b: int) -> int:
    """End of the content ``[a, b)`` before a relay that closes the sentence ("…, что ничья — хороший
    результат, сообщает «Спорт уик-энд»."): a comma, a finite speech verb with its subject after it (the
    inversion of a relay: not "…, опубликовал фотографии" whose subject came before), no clause break after."""
    for k in range(a + 1, b - 1):
        if (
            s.toks[k].text == ","
            and s.toks[k + 1].pos == "VERB"
            and _is_say(s.toks[k + 1])
            and (speaker_of(s, k + 1) or -1) > k + 1
        ):
            brk = _next_break(s, k + 2)
            if brk >= b or s.toks[brk].text in _END_PUNCT:
                return k
    return b


def _before_new_source(s: Sent, a: int, b: int) -> int:
    """End of the content ``[a, b)`` before a coordinated clause that names a source of its own ("Волков заявил,
    что готов выступить как эксперт, а по словам Огарёва, фермеры создают кооператив"): ", а/но/и по словам X" or
    ", а как сказал X" starts another person's statement."""
    for k in range(a + 1, b - 2):
        if s.toks[k].text != ",":
            continue
        j = k + 1
        if s.toks[j].text.lower() not in ("а", "но", "однако"):
            continue  # (", по словам X," without a conjunction is set off inside the same statement)
        j += 1
        if j + 1 >= b:
            break
        w, nxt = s.toks[j].text.lower(), s.toks[j + 1]
        if (w == "по" and nxt.lemma in ACCORDING_NOUNS) or (w == "как" and _is_say(nxt)):
            return k
        if w == "по" and nxt.text.lower() in ("его", "ее", "её", "их") and j + 2 < b:
            if s.toks[j + 2].lemma in ACCORDING_NOUNS:
                return k
        if _own_that_clause(s, j, b):
            return k
    return b


def _main_clause_resumes(s: Sent, v: int, a: int, b: int) -> int:
    """End of the clause ``[a, b)`` of speech verb ``v`` before the main clause goes on: ", но отказался назвать
    сроки" after "заявил, что переговоры идут" — a verb after ", но" / ", а" / ", однако" / ", и" that the parse
    joins to ``v`` itself (a conjunct of the speech verb, not of the clause's own predicate), in the speech verb's
    past tense: the narrative goes on. A present tense after a past speech verb is the words reported (Russian
    keeps the speaker's own tense: "сообщил, что желает …, но требует …")."""
    if not _past(s.toks[v].text):
        return b
    for k in range(a + 1, b - 1):
        if s.toks[k].text != "," or s.toks[k + 1].text.lower() not in ("но", "а", "однако", "и"):
            continue
        for j in range(k + 2, min(b, k + 7)):
            t = s.toks[j]
            if t.pos != "VERB" or t.rel != "conj" or not _past(t.text):
                continue
            own_subject = any(s.toks[x].rel.startswith("nsubj") and s.toks[x].head == j for x in range(k + 1, j))
            if t.head == v and j <= k + 3:
                return k
            # (or, joined to the clause's own predicate in a tense other than the past, a past verb with a subject
            # of its own: "напомнил, что жители возят воду цистернами, а Лапин пообещал …" — the narrative again)
            h = t.head
            if own_subject and a <= h < k and s.toks[h].pos == "VERB" and not _past(s.toks[h].text):
                return k
    return b


def _past(word: str) -> bool:
    ps = parses(word)[:1]
    return bool(ps) and ps[0].tag.tense == "past"


def _own_that_clause(s: Sent, j: int, b: int) -> bool:
    """ "…, а Шмидт заявил, что …": after the conjunction a subject of its own (a name, a pronoun: at most three
    words) and a speech verb with its complementizer — a coordinated clause that is another statement."""
    for v in range(j + 1, min(b, j + 4)):
        t = s.toks[v]
        if _is_say(t):
            subject = s.toks[j:v]
            return all(x.text[:1].isupper() or x.text.lower() in ("он", "она", "они") for x in subject) and (
                _complementizer(s, v) is not None
            )
        if not t.text[:1].isalpha():
            return False
    return False


def _clause_start(s: Sent, i: int) -> int:
    """Start of the clause holding token ``i``: after a ";" or a ", но" / ", а" / ", однако" before it."""
    for k in range(i - 1, 0, -1):
        w = s.toks[k].text.lower()
        if w == ";" or (w in ("но", "а", "однако") and s.toks[k - 1].text == ","):
            return k + 1
    return 0


def _next_break(s: Sent, k: int) -> int:
    """Index of the first clause break (, . ! ? ; : —) from ``k`` on, outside quotation marks (a name in
    marks, «Новый Регион — Екатеринбург», holds no break); ``len(toks)`` when there is none."""
    depth, straight = 0, False
    for j in range(k, len(s.toks)):
        w = s.toks[j].text
        if w in ("«", "„", "“"):
            depth += 1
        elif w in ("»", "”") and depth:
            depth -= 1
        elif w == '"':
            straight = not straight
        elif not depth and not straight and w in (",", ".", "!", "?", ";", ":", "—", "–"):
            return j
    return len(s.toks)


def _sentence_end(s: Sent) -> int:
    """Index after the last token that belongs to the sentence's text (all of it: the parse already cut it to
    MAX_TOKENS)."""
    return len(s.toks)


def _only_openers(s: Sent, a: int, b: int) -> bool:
    """True when tokens ``[a, b)`` are only sentence openers ("Однако", "При этом", ",")."""
    return all(t.text.lower() in OPENERS or is_punct(t.text) for t in s.toks[a:b])


def _complementizer(s: Sent, v: int) -> int | None:
    """Index of the first content token after "VERB [words], что/чтобы/ли …" or "о том, что", or None.
    At most eight tokens between (an addressee, a time, a place), none of them a finite verb."""
    n = len(s.toks)
    k = v
    while k + 1 < min(n, v + 10):
        k += 1
        t = s.toks[k]
        w = t.text.lower()
        if t.text == "«":
            close = _quoted_name_end(s, k)
            if close is not None:
                k = close  # "сообщили «Ведомостям», что …": the outlet addressed, a name in quotation marks
                continue
        if w in COMPLEMENTIZERS and k > v + 1 and s.toks[k - 1].text == ",":
            return k + 1
        if w == "ли" and k >= v + 3 and s.toks[k - 2].text == ",":
            return k - 1
        if t.text in (".", "!", "?", ";", ":", "—", "–", "«", "»", '"') or t.text == "(":
            return None
        if k > v + 1 and t.pos == "VERB" and t.lemma not in LIGHT_VERBS:
            return None
    return None


def _quoted_name_end(s: Sent, k: int) -> int | None:
    """Index of the "»" closing a short capitalized name in quotation marks opened at ``k`` ("«Ведомостям»"): at
    most four words, no punctuation between; else None."""
    for j in range(k + 1, min(len(s.toks), k + 6)):
        w = s.toks[j].text
        if w == "»":
            return j if j > k + 1 and s.toks[k + 1].text[:1].isupper() else None
        if is_punct(w) and w != "-":
            return None
    return None


# ---------------------------------------------------------------------------------------------- forms


def form_according_to(s: Sent) -> Found | None:
    """«По словам X, …», «X, по его мнению, …», «…, по данным X», «Согласно заявлению X, …», «На его взгляд, …»:
    the source phrase is the cue; X (or the possessive before the noun) the speaker; the rest of the clause the
    content."""
    toks = s.toks
    for i, t in enumerate(toks):
        low = t.text.lower()
        if low == "по" or low == "на":
            nouns = SOURCE_NOUNS if low == "по" else VIEW_NOUNS
            n = i + 1
            if n < len(toks) and toks[n].text.lower() in _POSSESSIVES:
                n += 1
            while low == "по" and n < len(toks) and toks[n].pos in ("ADJF", "PRTF") and n < i + 3:
                n += 1  # "по последним данным"; but "на первый взгляд" is nobody's view
            if n >= len(toks) or toks[n].lemma not in nouns or toks[n].pos != "NOUN":
                continue
        elif low == "согласно":
            n = i + 1
            while n < len(toks) and toks[n].pos in ("ADJF", "PRTF") and n < i + 3:
                n += 1
            if n >= len(toks) or toks[n].lemma not in ACCORDING_NOUNS:
                continue
        else:
            continue
        poss = next((k for k in range(i + 1, n) if toks[k].text.lower() in _POSSESSIVES), None)
        _, end = s.subtree(n)
        end = max(end, n + 1)
        brk = _next_break(s, n + 1)
        if (
            brk < len(toks)
            and toks[brk].text == ","
            and brk - n <= 12
            and not any(toks[k].pos == "VERB" for k in range(n + 1, brk))
        ):
            end = brk  # "По данным минэкологии Якутии на 9 августа, …": the source runs to the comma
        elif poss is not None:
            end = n + 1  # "По его мнению страны …" (no comma): the possessive is the whole source
        else:  # "По мнению экспертов рынок вырастет": the genitive words after the noun
            end = n + 1
            while end < len(toks) and end < n + 8 and _genitive(toks[end].text):
                end += 1
        cue = s.span(i, n + 1)
        if poss is not None:
            who: Span | None = s.span(poss, poss + 1)
        elif end > n + 1:
            who = s.span(n + 1, end)
        else:
            who = None
        if who is None and low == "на":
            continue  # "на взгляд" names its holder ("на его взгляд", "на взгляд экспертов") or is an idiom
        before_comma = i > 0 and toks[i - 1].text == ","
        after_comma = end < len(toks) and toks[end].text == ","
        # ", а по словам Огарёва, фермеры …": a coordinated clause opened by its source, like a sentence
        opens_clause = i >= 2 and toks[i - 1].text.lower() in ("а", "но", "однако") and toks[i - 2].text == ","
        if _only_openers(s, 0, i) or (opens_clause and after_comma):
            # "По его мнению страны Балтии могут …": the comma after the source may be missing; a source that
            # names its holder may open a clause of two words ("По его мнению, акции недооценены")
            content = _content(s, end + 1 if after_comma else end, _sentence_end(s), short=who is not None)
        elif before_comma and (end >= len(toks) or toks[end].text in _END_PUNCT):
            content = _content(s, _clause_start(s, i), i - 1)
        elif before_comma and after_comma:
            content = _content(s, _clause_start(s, i), _sentence_end(s))
        else:
            continue
        if content is not None:
            return Found(content, cue, who, "по словам", s.paragraph)
    return None


def form_as_said(s: Sent) -> Found | None:
    """«Как заявил X, …», «Как отметили в МИД, …», «…, как сообщает агентство.»: "как" + a speech verb."""
    toks = s.toks
    for i, t in enumerate(toks):
        if t.text.lower() != "как" or _perceived_how(toks, i):
            continue
        v = next(
            (
                k
                for k in range(i + 1, min(len(toks), i + 4))
                if _is_say(toks[k]) or _is_impersonal(toks[k]) or _follows_from(s, k)
            ),
            None,
        )
        if v is None or any(toks[k].text == "," for k in range(i + 1, v)):
            continue
        close = _next_break(s, v + 1)
        who = speaker_span(s, speaker_of(s, v)) or place_speaker(s, v) or _source_followed(s, v)
        cue = Span(t.start, toks[v].stop)
        if _only_openers(s, 0, i) and close < len(toks) and toks[close].text == ",":
            content = _content(s, close + 1, _sentence_end(s))
        elif i > 0 and toks[i - 1].text == "," and (close >= len(toks) or toks[close].text in _END_PUNCT):
            content = _content(s, _clause_start(s, i), i - 1)
        elif i > 0 and toks[i - 1].text == "," and close < len(toks) and toks[close].text == ",":
            # "…, когда, как утверждал брат, она уже плохо понимала": the parenthetical opens the subordinate
            # clause it interrupts — the claim is that clause, after it
            opened = i >= 3 and toks[i - 2].lemma in SUBORDINATORS and toks[i - 3].text == ","
            content = _content(s, close + 1 if opened else _clause_start(s, i), _sentence_end(s))
        else:
            continue
        if content is not None:
            return Found(content, cue, who, "как заявил", s.paragraph)
    return None


def _perceived_how(toks: Sequence[Tok], i: int) -> bool:
    """ "Соседка рассказала, что слышала, как X говорил сыну: «…»": the "как" at ``i`` follows a verb of
    perception or memory and a comma — the object clause of that verb (what was heard), not "…, как сообщил X"."""
    return i >= 2 and toks[i - 1].text == "," and toks[i - 2].lemma in PERCEIVE_VERBS


def form_that_clause(s: Sent, first: int = 0) -> Found | None:
    """«X заявил, что …», «X считает, что …», «X уверен, что …», «X выразил надежду, что …», «сообщается, что
    …», «в сообщении говорится, что …», «спросил, будет ли …»: the verb's subject is the speaker (or, for an
    impersonal verb, the document the sentence names), the clause after the complementizer the content."""
    toks = s.toks
    for v in range(first, len(toks)):
        t = toks[v]
        say, imp = _is_say(t) or _negated_stance(toks, v), _is_impersonal(t) or _follows_from(s, v)
        light = (
            t.lemma in LIGHT_VERBS
            and t.pos in ("VERB", "GRND")
            and any(toks[k].lemma in STANCE_NOUNS for k in range(v + 1, min(len(toks), v + 4)))
        )
        if not (say or imp or light):
            continue
        c = _complementizer(s, v)
        if c is None:
            continue
        end = _main_clause_resumes(s, v, c, _before_new_source(s, c, _sentence_end(s)))
        content = _content(s, c, end)
        short = content is None
        if short:
            content = _content(s, c, end, short=True)
        if content is None:
            continue
        subj = speaker_of(s, v)
        who = speaker_span(s, subj)
        if who is None:
            who = place_speaker(s, v)
        if short and who is None:
            continue  # "было подтверждено, что космонавты живы": two words and no one who says them is no statement
        cue_end = v + 1
        if light:
            cue_end = next(k for k in range(v + 1, min(len(toks), v + 4)) if toks[k].lemma in STANCE_NOUNS) + 1
        form = "сообщается, что" if imp and subj is None else "сказал, что"
        cue_start = v - 1 if _negated_stance(toks, v) else v  # ("не исключает": the negation is the cue's)
        return Found(content, s.span(cue_start, cue_end), who, form, s.paragraph)
    return None


def form_back_pointer(s: Sent, prev: Sent | None) -> Found | None:
    """«Об этом заявил X», «Об этом в четверг сообщает пресс-служба», «Такое мнение высказал X», «Это
    подтвердил X»: the content is the sentence before (when it is not a direct quote)."""
    toks = s.toks
    if prev is None or len(toks) < 3 or toks[0].lemma not in BACK_POINTERS:
        return None
    head = [t.lemma for t in toks[:3]]
    if not (
        head[:2] in (["об", "этот"], ["о", "этот"], ["о", "это"], ["об", "это"])
        or head[0] in ("такой", "это", "этот", "так")
    ):
        return None
    if head[0] in ("об", "о") and toks[2].pos == "NOUN" and (toks[1].head == 2 or toks[2].text[:1].islower()):
        return None  # "Об этом человеке говорят …": a determiner of the noun, not a pointer
    # (not a verb of a "как сообщает X" aside: "Об этом, как сообщает агентство, заявил министр")
    v = next(
        (
            k
            for k in range(1, min(len(toks), 12))
            if (_is_say(toks[k]) or _is_impersonal(toks[k]) or (toks[k].lemma in LIGHT_VERBS and toks[k].pos == "VERB"))
            and toks[k - 1].text.lower() != "как"
        ),
        None,
    )
    if v is None or _complementizer(s, v) is not None:
        return None
    if head[0] in ("такой",) and not any(
        toks[k].lemma in STANCE_NOUNS | {"точка", "позиция", "вывод", "оценка"} for k in range(1, v)
    ):
        return None
    who = speaker_span(s, speaker_of(s, v)) or place_speaker(s, v)
    content = _content(prev, 0, _sentence_end(prev))
    if content is None:
        return None
    return Found(content, Span(toks[0].start, toks[v].stop), who, "об этом заявил", prev.paragraph)


def form_trailing(s: Sent) -> Found | None:
    """«Переговоры продолжатся, сообщает пресс-служба.», «…, утверждают в Greenpeace.», «Одна из групп,
    уточняет газета, пришла …», «Тем временем, сообщает X, …»: a speech verb opening a comma-bounded
    segment, its subject after it, and no что — the rest of the sentence is the content."""
    toks = s.toks
    for v in range(1, len(toks)):
        t = toks[v]
        if toks[v - 1].text != "," or not (
            (_is_say(t) and t.pos == "VERB") or _is_impersonal(t) or _follows_from(s, v)
        ):
            continue
        if _complementizer(s, v) is not None:
            return None
        subj = speaker_of(s, v)
        if subj is not None and subj < v:
            continue  # "…, она сказала" is not an inverted attribution
        who = speaker_span(s, subj) or place_speaker(s, v) or _source_followed(s, v)
        if who is None and subj is None:
            who = _inverted_subject(s, v)
        if who is None:
            continue
        close = _next_break(s, v + 1)
        if close >= len(toks) or toks[close].text in _END_PUNCT or _subject_modifier_after(s, close):
            # (", рассказали два источника, знакомых с ходом переговоров.": the participle is the subject's)
            content = _content(s, _clause_start(s, v - 1), v - 1)
        elif toks[close].text == "," and _only_openers(s, 0, v - 1):
            content = _content(s, close + 1, _sentence_end(s))
        elif toks[close].text == ",":
            content = _content(s, _clause_start(s, v - 1), _sentence_end(s))
        else:
            continue
        if content is not None and _has_clause(s, content):
            return Found(content, Span(t.start, t.stop), who, "…, сообщает X", s.paragraph)
    return None


def _subject_modifier_after(s: Sent, close: int) -> bool:
    """The comma at ``close`` opens a participle phrase or a relative clause that runs to the sentence's end
    (", знакомых с ходом переговоров.", ", который попросил не называть его имени."): the subject's modifier, no
    content of its own."""
    toks = s.toks
    if toks[close].text != "," or close + 1 >= len(toks):
        return False
    nxt = toks[close + 1]
    if not (nxt.pos in ("PRTF", "ADJF") or nxt.lemma == "который"):
        return False
    end = _next_break(s, close + 1)
    if end < len(toks) and toks[end].text not in _END_PUNCT:
        return False
    # (an adjective opening a clause of its own has its verb: ", новый раунд пройдет в мае")
    return nxt.lemma == "который" or not any(t.pos == "VERB" for t in toks[close + 1 : end])


def _inverted_subject(s: Sent, v: int) -> Span | None:
    """The subject phrase after the relay verb ``v`` that the parse missed: from the animate noun to the end
    of the sentence when the sentence ends in a capitalised name with no verb between ("… руководитель
    программы … Михаил Крейндлин."), else the noun's own words."""
    k = _animate_nominative_after(s, v)
    if k is None:
        return None
    end = len(s.toks)
    while end > k + 1 and is_punct(s.toks[end - 1].text):
        end -= 1
    tail = s.toks[k + 1 : end]
    if (
        tail
        and tail[-1].text[:1].isupper()
        and not any(t.pos in ("VERB", "GRND") or t.text in _END_PUNCT or t.text == "," for t in tail)
    ):
        return s.span(k, end)
    return speaker_span(s, k)


def _animate_nominative_after(s: Sent, v: int) -> int | None:
    """The subject after an inverted relay verb where the parse gave it none ("…, описывает причину появления
    приказа № 426 руководитель программы … Михаил Крейндлин"): the first animate noun in the nominative
    after the verb's object, before the sentence ends."""
    for k in range(v + 1, min(len(s.toks), v + 25)):
        t = s.toks[k]
        if t.text in _END_PUNCT:
            return None
        if (
            t.pos == "NOUN"
            and s.toks[k - 1].pos != "PREP"
            and any(
                p.tag.case == "nomn" and p.tag.animacy == "anim" and "Name" not in p.tag and "Surn" not in p.tag
                for p in parses(t.text)[:2]
            )
        ):
            return k
    return None


def _has_clause(s: Sent, content: Span) -> bool:
    """A statement has a predicate: a finite verb, a short adjective or participle, a predicative, or the dash
    that stands for the copula between two of its words ("под наблюдением — 295 пожаров", "Цена — вопрос
    времени")."""
    inside = [t for t in s.toks if content.start <= t.start and t.stop <= content.end]
    if any(t.pos in ("VERB", "PRTS", "ADJS", "PRED") for t in inside):
        return True
    return any(
        t.text in ("—", "–") and any(x.pos for x in inside[:k]) and any(x.pos for x in inside[k + 1 :])
        for k, t in enumerate(inside)
    )


# ---------------------------------------------------------------------------------------------- the scan


class _Direct:
    """Direct quotes as merged intervals: how much of a span they cover, whether a position is inside."""

    def __init__(self, quotes: Sequence[Quote]):
        merged: list[list[int]] = []
        for q in sorted(quotes, key=lambda q: q.start):
            if merged and q.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], q.end)
            else:
                merged.append([q.start, q.end])
        self.starts = [a for a, _ in merged]
        self.spans = merged

    def share(self, a: int, b: int) -> float:
        if b <= a or not self.spans:
            return 0.0
        k = max(0, bisect.bisect_right(self.starts, a) - 1)
        covered = 0
        while k < len(self.spans) and self.spans[k][0] < b:
            x, y = self.spans[k]
            covered += max(0, min(b, y) - max(a, x))
            k += 1
        return covered / (b - a)

    def inside(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and self.spans[k][0] <= pos < self.spans[k][1]


_THAT_RE = re.compile(r",\s*(?:что|чтобы|будто|якобы|ли)\b|\bо том,\s*что\b|\s(?:ли)\s", re.I)
_BACK_RE = re.compile(r"\s*(?:об?\s+(?:этом|том)|это|так(?:ое|ую|ой|ие)?|эт(?:у|и|от))\b", re.I)


def _pointed_at(parsed: dict[int, Sent], spans: list[tuple[int, int, int]], i: int) -> Sent | None:
    """The sentence "Об этом …" at ``i`` points back at: the one before, in this paragraph or the one before;
    past a caption between (a paragraph of a few words with no predicate: a photo's name line)."""
    s = parsed.get(i)
    if s is None or i == 0:
        return None
    prev = parsed.get(i - 1)
    if prev is None or spans[i - 1][2] not in (s.paragraph, s.paragraph - 1):
        return None
    whole = Span(prev.toks[0].start, prev.toks[-1].stop) if prev.toks else None
    caption = (
        whole is not None
        and spans[i - 1][2] == s.paragraph - 1
        and len(prev.toks) <= 6
        and not _has_clause(prev, whole)
    )
    if caption and i > 1 and spans[i - 2][2] == s.paragraph - 2 and parsed.get(i - 2) is not None:
        return parsed[i - 2]
    return prev


def _statement_form(s: Sent, prev: Sent | None) -> Found | None:
    """The form that makes ``s`` a statement, in order of precedence; a source phrase set off inside a clause
    whose own speech verb takes a что clause ("Японская полиция, по данным газеты, отметила, что …") only
    relays that verb's statement: the verb's subject is the speaker."""
    found = form_back_pointer(s, prev)
    if found is not None:
        return found
    found = form_according_to(s)
    if found is not None:
        that = _that_clause_inside(s, found)
        if that is not None and not _only_openers(s, 0, _index_at(s, found.cue.start)):
            return that  # (a sentence opened by "По словам X, …" is X's throughout)
        return found
    said = form_as_said(s)
    if said is not None:
        that = _that_clause_inside(s, said)
        if (
            that is not None
            and that.speaker is not None
            and any(t.lemma in RELAY_VERBS for t in s.toks if said.cue.start <= t.start and t.stop <= said.cue.end)
        ):
            # "Как передаёт агентство Anadolu, он заявил, что экипаж …": the medium relays his statement (but "Как
            # отметил Лю, Пекин рассчитывает, что …" is Лю's)
            return that
        return said
    return form_that_clause(s) or form_trailing(s)


def _that_clause_inside(s: Sent, outer: Found) -> Found | None:
    """The "X заявил, что …" statement whose speech verb stands inside ``outer``'s content, or None."""
    that = form_that_clause(s)
    return that if that is not None and outer.content.start <= that.cue.start < outer.content.end else None


def _statement_forms(s: Sent, prev: Sent | None) -> list[Found]:
    """The statements of ``s``: the one :func:`_statement_form` finds, and before a source phrase that opens a
    coordinated clause the statement the sentence began with ("Волков заявил, что готов выступить, а по словам
    Огарёва, фермеры создают кооператив": two speakers, two statements)."""
    found = _statement_form(s, prev)
    if found is not None and found.form == "сказал, что":
        # "Шмидт настаивала, что …, а Шмидт заявил, что …": the coordinated clause's statement after the first
        nxt = form_that_clause(s, _index_at(s, found.content.end))
        return [found, nxt] if nxt is not None and nxt.cue.start >= found.content.end else [found]
    if found is None or found.form != "по словам":
        return [found] if found is not None else []
    that = form_that_clause(s)
    if that is not None and that.content.end <= found.cue.start and that.cue.end <= found.cue.start:
        return [that, found]
    return [found]


def _index_at(s: Sent, pos: int) -> int:
    """Index of the token of ``s`` that starts at ``pos`` (or the first one after it)."""
    return next((k for k, t in enumerate(s.toks) if t.start >= pos), len(s.toks))


def _candidate(text: str, a: int, b: int) -> bool:
    """Cheap test before parsing: could a form match here? A speech verb with a complementizer after a comma
    (or opening a comma-bounded segment: "…, сообщает X"), a source phrase (по словам, согласно), "как" + a
    speech verb, or a sentence pointing back ("Об этом заявил")."""
    that = _THAT_RE.search(text, a, b) is not None
    back = _BACK_RE.match(text, a, b) is not None
    words = list(_WORD_RE.finditer(text, a, min(b, a + 2000)))
    for k, m in enumerate(words):
        w = m.group().lower()
        if w in ("по", "согласно", "на") and k + 1 < len(words):
            nxt = [lemma(x.group()) for x in words[k + 1 : k + 4]]
            if any(x in SOURCE_NOUNS or x in ACCORDING_NOUNS or x in VIEW_NOUNS for x in nxt):
                return True
            continue
        lw = lemma(w)
        negated = lw in NEGATED_SAY_VERBS and k > 0 and words[k - 1].group().lower() == "не"
        if lw in SAY_VERBS or lw in IMPERSONAL_VERBS or lw in STANCE_ADJS or lw in LIGHT_VERBS or negated:
            if that or back:
                return True
            before = text[max(a, m.start() - 3) : m.start()]
            if "," in before or (k > 0 and words[k - 1].group().lower() == "как"):
                return True
    return False


def _sentences(text: str, paragraphs: Sequence[Span], sentences: Sequence[Span]) -> list[tuple[int, int, int]]:
    """(start, end, paragraph index) of every sentence; paragraphs stand in where no sentences were given."""
    starts = [p.start for p in paragraphs]
    out = []
    for s in sentences or paragraphs:
        k = bisect.bisect_right(starts, s.start) - 1
        if k < 0 or s.end > paragraphs[k].end:
            continue
        out.append((s.start, s.end, k))
    return out


def find_reported(
    text: str, paragraphs: Sequence[Span], sentences: Sequence[Span], direct: Sequence[Quote] = ()
) -> list[Quote]:
    """Reported statements of ``text`` in text order (see the module docstring). Never raises on any string."""
    if not paragraphs:
        return []
    d = _Direct([q for q in direct if q.kind in ("full", "fragment")])
    spans = _sentences(text, paragraphs, sentences)
    asked = _question_turns(text, paragraphs)
    # A sentence mostly inside a direct quote is someone's own words, not the author's: skip it; so is an
    # interviewer's question ("Вопрос (ТАСС): Жители жалуются, что …"), words of the interview, not a report.
    keep = [
        i
        for i, (a, b, pi) in enumerate(spans)
        if pi not in asked and d.share(a, b) < DIRECT_SHARE and not d.inside(a) and _candidate(text, a, b)
    ]
    out: list[Quote] = []
    taken_to = -1
    # In blocks of sentences: only one block's parses are held at a time (all of a 16 MB dispatch's took
    # ~200 MB). A sentence's parse does not depend on the sentences parsed with it.
    for k in range(0, len(keep), PARSE_BLOCK):
        # (the candidates just before a block, when they are the two sentences before, are parsed with it)
        before = {j for j in keep[max(0, k - 2) : k] if j >= keep[k] - 2}
        taken_to = _find_in(text, spans, keep[k : k + PARSE_BLOCK], before, d, taken_to, out)
    out.sort(key=lambda q: (q.start, q.end))
    return out


def _question_turns(text: str, paragraphs: Sequence[Span]) -> frozenset[int]:
    """The paragraphs a transcript's interviewer label opens ("Вопрос:", "Вопрос (ТАСС):", «Медуза»:)."""
    out = set()
    for pi, p in enumerate(paragraphs):
        if p.end - p.start > 2 and text[p.start].isupper():
            lab = label_at(text, p)
            if lab is not None and lab.question:
                out.add(pi)
    return frozenset(out)


#: Candidate sentences parsed together (every news article is one block).
PARSE_BLOCK = 2000


def _find_in(text: str, spans, keep: list[int], before: set[int], d: _Direct, taken_to: int, out: list[Quote]) -> int:
    """The statements of the candidate sentences ``keep`` (in text order), added to ``out``; returns where
    the last one taken ends (a statement never starts inside the one before). ``before``: sentences
    parsed besides."""
    # The sentence before a back pointer is parsed too: "Об этом заявил X" points back at it.
    # (and the one before that, when a caption stands between: see _pointed_at)
    back = [i for i in keep if i > 0 and _BACK_RE.match(text, spans[i][0], spans[i][1])]
    need = sorted(set(keep) | before | {i - 1 for i in back} | {i - 2 for i in back if i > 1})
    parsed = dict(zip(need, parse(text, [spans[i] for i in need])))
    for i in keep:
        s = parsed[i]
        prev = _pointed_at(parsed, spans, i)
        for found in _statement_forms(s, prev):
            if found.content.start < taken_to:
                continue
            c = found.content
            if d.share(c.start, c.end) >= DIRECT_SHARE or d.inside(found.cue.start):
                continue
            taken_to = c.end
            out.append(
                Quote(
                    c.start,
                    c.end,
                    found.paragraph,
                    "reported",
                    None,
                    found.speaker,
                    text[found.cue.start : found.cue.end],
                    found.cue,
                    reason=f"reported: {found.form}",
                )
            )
    return taken_to
