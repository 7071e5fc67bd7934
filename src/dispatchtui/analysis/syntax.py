"""Sentences parsed by the dependency parser that ships inside natasha, and the walks over them that every
stage needs: a token's subtree, the subject of a verb (the speaker of a speech verb), the body a verb's "в/на"
phrase names. Used by :mod:`.reported`, :mod:`.turns` and the quote scanner's attribution by shape.

The parser itself is :func:`.nlp.parse_sentences` (loaded lazily, offline); only the sentences a stage asks
for are parsed, each cut to ``MAX_TOKENS`` tokens, so the cost stays linear in the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Span
from .morph import lemma, parses

__all__ = [
    "Tok",
    "Sent",
    "parse",
    "speaker_of",
    "speaker_span",
    "place_speaker",
    "is_punct",
    "CLOSES_WORDS",
    "MAX_TOKENS",
]

#: A sentence is parsed up to this many tokens (a run-on text without sentence ends costs no more).
MAX_TOKENS = 120
_SUBJ_RELS = ("nsubj", "nsubj:pass")


@dataclass(frozen=True, slots=True)
class Tok:
    start: int
    stop: int
    text: str
    head: int  # index of the head token in the sentence, -1 for the root
    rel: str
    lemma: str
    pos: str  # pymorphy3's part of speech of the top parse ("VERB", "PRTS", "NOUN", …)


@dataclass(slots=True)
class Sent:
    """One parsed sentence of the dispatch, with its children lists for the subtree walks."""

    start: int
    end: int
    paragraph: int
    toks: list[Tok]
    kids: list[list[int]]

    def subtree(self, i: int, stop_at_comma: bool = True) -> tuple[int, int]:
        """Token range ``[a, b)`` of ``i``'s contiguous subtree; cut at a comma or dash on either side."""

        def under(j: int) -> bool:
            k, steps = j, 0
            while k >= 0 and steps < 64:
                if k == i:
                    return True
                k, steps = self.toks[k].head, steps + 1
            return False

        a = i
        while a > 0 and under(a - 1) and not (stop_at_comma and _is_break(self.toks[a - 1].text)):
            a -= 1
        b = i + 1
        while b < len(self.toks) and under(b) and not (stop_at_comma and _is_break(self.toks[b].text)):
            b += 1
        while b - 1 > a and is_punct(self.toks[b - 1].text) and self.toks[b - 1].text not in CLOSES_WORDS:
            b -= 1
        return a, b

    def span(self, a: int, b: int) -> Span:
        return Span(self.toks[a].start, self.toks[b - 1].stop)

    def child(self, i: int, rels: Sequence[str]) -> int | None:
        for k in self.kids[i]:
            if self.toks[k].rel in rels:
                return k
        return None


#: what a span of words keeps at its end though no word: a closing mark or bracket, and the signs written after a
#: number ("на 10%", "до 30°", "5 $")
CLOSES_WORDS = '»"”)%‰°$€₽'


def is_punct(w: str) -> bool:
    return not any(ch.isalnum() for ch in w)


def _is_break(w: str) -> bool:
    """Where a subtree walk stops: clause punctuation (brackets do not stop it: "фронта (ОФДД) Наттавута")."""
    return w in (",", ";", ":", "—", "–", ".", "!", "?", "…")


def _pos(word: str) -> str:
    p = parses(word)
    return str(p[0].tag.POS or "") if p else ""


def speaker_of(s: Sent, v: int) -> int | None:
    """The subject of speech verb ``v``: its nsubj; for a gerund or a second verb ("заявив", "и добавил")
    the subject of the verb it hangs on; for "который сказал" the noun the clause describes."""
    k, steps = v, 0
    while k >= 0 and steps < 4:
        subj = s.child(k, _SUBJ_RELS)
        if subj is not None:
            if s.toks[subj].lemma == "который" and s.toks[k].rel.startswith("acl") and s.toks[k].head >= 0:
                return s.toks[k].head
            return subj
        t = s.toks[k]
        if t.rel in ("conj", "advcl", "xcomp") and t.head >= 0:
            k, steps = t.head, steps + 1
            continue
        if t.rel.startswith("acl") and t.head >= 0:  # "министр, заявивший, что": the noun
            return t.head
        return None
    return None


def speaker_span(s: Sent, i: int | None) -> Span | None:
    """The subject's words: its subtree, and a name in apposition after a comma ("Лидер отделения, Сергей
    Канаев, сказал" → up to "Канаев")."""
    if i is None:
        return None
    a, b = s.subtree(i)
    for k in s.kids[i]:
        if k < b or s.toks[k].rel not in ("appos", "flat:name") or not s.toks[k].text[:1].isupper():
            continue
        gap = s.toks[b:k]
        # "Лидер отделения, Сергей Канаев, …" (a comma) or "секретарь фронта за демократию (ОФДД) Наттавута
        # Сайкыа" (words the parse hung elsewhere): no verb and no clause break between
        if all(t.text == "," for t in gap) or not any(
            t.pos in ("VERB", "GRND", "PRTF") or t.text in (";", ":", ".", "—", "–") for t in gap
        ):
            b = s.subtree(k)[1]
            break
    return s.span(a, b)


def place_speaker(s: Sent, v: int) -> Span | None:
    """ "отметили в МИД", "сообщили в пресс-службе", "говорится в сообщении ведомства": the body or the
    document the verb's "в/на" phrase names, when the verb has no subject."""
    for k in s.kids[v]:
        t = s.toks[k]
        if t.rel not in ("obl", "nmod", "obl:agent"):
            continue
        case = next((c for c in s.kids[k] if s.toks[c].rel == "case"), None)
        if case is None or s.toks[case].lemma not in ("в", "на", "у", "из"):
            continue
        a, b = s.subtree(k)
        return s.span(a, b)
    return None


def parse(text: str, spans: Sequence[tuple[int, int, int]]) -> list[Sent]:
    """Parsed sentences for ``(start, end, paragraph)`` ranges of ``text``, in order."""
    from .nlp import parse_sentences

    parsed = parse_sentences(text, [(a, b) for a, b, _ in spans], MAX_TOKENS)
    out = []
    for (a, b, para), ptoks in zip(spans, parsed):
        toks = [
            Tok(
                p.start,
                p.stop,
                p.text,
                p.head,
                p.rel,
                lemma(p.text) if p.text[:1].isalpha() else p.text,
                _pos(p.text) if p.text[:1].isalpha() else "",
            )
            for p in ptoks
        ]
        kids: list[list[int]] = [[] for _ in toks]
        for i, t in enumerate(toks):
            if 0 <= t.head < len(toks) and t.head != i:
                kids[t.head].append(i)
        out.append(Sent(a, b, para, toks, kids))
    return out
