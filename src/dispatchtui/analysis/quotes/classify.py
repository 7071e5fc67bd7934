"""Statement or name: is a quoted region speech (a clause, attributed) or a name/scare quote (short, capitalized,
after an organization noun or "так называемый"); full statement or fragment."""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon.quotes import SO_CALLED_PREFIXES
from ..lexicon.speech import ORG_NOUNS
from .cues import _Attr
from .marks import QUOTE_MARKS
from .tokens import _T, _info, _is_latin, _tokens

_CLAUSE_POS = frozenset({"VERB", "PRTS", "ADJS", "PRED", "INFN"})


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


def _name_context(text: str, pos: int, floor: int, predicate: bool = False) -> bool:
    """An organization/work noun or "так называемый" just before the opening mark (no comma or
    colon in between: "Как пишет издание, «…»" names nothing). With ``predicate`` (the quoted words are a
    naming verb's second complement, see :func:`naming_predicate`) the noun is that verb's object, not the
    quote's head: "назвал соглашение «важным сигналом»"."""
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
        if low.startswith(SO_CALLED_PREFIXES):
            return True
        if _info(t.text).lemma in ORG_NOUNS and not predicate:
            return True
    return False


def naming_predicate(words: list[str], lower_start: bool, intro_kind: str, direct: bool) -> bool:
    """ "назвал соглашение «важным сигналом для региона»": after a speech verb right before the mark, quoted
    words that open lower-case with a word that has no nominative reading and has an instrumental one are the
    verb's predicate complement (назвать что чем) — a name in quotation marks stays in the nominative
    ("соглашение «Открытое небо»")."""
    if not (words and lower_start and intro_kind == "verb" and direct):
        return False
    cases = _info(words[0]).cases
    return "ablt" in cases and "nomn" not in cases


@dataclass(frozen=True, slots=True)
class _Signals:
    """What the scan found around and inside one marked region (a group of regions over paragraphs)."""

    intro_kind: str  # what stands before the opening mark: start|colon|clause|verb|mid (cues._intro)
    intro: _Attr | None  # the introduction's attribution
    direct: bool  # the introducing speech verb is within two words of the mark
    after: _Attr | None  # the attribution after the closing mark, or opening the next sentence
    next_sentence: bool  # ``after`` opens the next sentence ("«…». Об этом заявил X")
    inner: _Attr | None  # an attribution inside the marks ("«…, — заявил он. — …»")
    closed: bool  # the closing mark is there
    sent_end: bool  # the author's sentence ends right after the closing mark
    multi: bool  # the region runs over paragraphs
    words: list[str]  # its words (at most 60)
    clause: bool  # they make a clause
    namey: bool  # short and capitalized (:func:`_name_like`)
    name_ctx: bool  # an organization noun or "так называемый" before the mark (:func:`_name_context`)
    lower_start: bool  # the words start with a lower-case letter


def _is_name_quote(s: _Signals) -> bool:
    """A name or scare quote, not speech: «Газпром» after "компания" unless attributed, and short capitalized
    words unless they open the sentence or follow a colon (or open it and are attributed after)."""
    if s.name_ctx and (s.namey or not s.clause or len(s.words) <= 6) and s.after is None and s.inner is None:
        return True
    if s.namey and (s.intro_kind not in ("start", "colon") or s.name_ctx):
        if not (s.after is not None and s.intro_kind == "start"):
            return True
    return False


def _statement_kind(s: _Signals) -> str | None:
    """ "full" or "fragment" when the region is speech, None when nothing says so. Speech needs a signal: an
    attribution after or inside, a colon introduction, a sentence of its own, a reported clause."""
    n = len(s.words)
    kind = "full"
    accept = False
    if s.multi and n >= 4:
        accept = True
    if s.after is not None and not s.next_sentence:
        if s.intro_kind in ("start", "colon", "clause") or s.clause or n >= 4:
            accept = True
            if s.intro_kind in ("verb", "mid") and not s.clause:
                kind = "fragment"
    if s.inner is not None:
        accept = True
    if s.intro_kind == "colon" and (s.clause or n >= 6 or (s.intro is not None and s.intro.cue is not None)):
        accept = True
    if s.intro_kind == "start" and (s.sent_end or not s.closed) and s.clause and n >= 3:
        accept = True
    if s.intro_kind == "clause" and s.clause:
        accept = True
    if s.intro_kind == "verb" and not accept:
        if (s.clause and n >= 3) or (s.direct and not s.namey and 1 <= n <= 6 and s.lower_start):
            accept, kind = True, "fragment"
    return kind if accept else None
