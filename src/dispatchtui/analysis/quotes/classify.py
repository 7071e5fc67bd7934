"""Statement or name: is a quoted region speech (a clause, attributed) or a name/scare quote (short, capitalized,
after an organization noun or "так называемый"); full statement or fragment."""
from __future__ import annotations

from ..lexicon.quotes import SO_CALLED_PREFIXES
from ..lexicon.speech import ORG_NOUNS
from .marks import QUOTE_MARKS
from .tokens import _T, _info, _is_latin, _tokens

_CLAUSE_POS = frozenset({"VERB", "PRTS", "ADJS", "PRED", "INFN"})
_SKIP_BEFORE = frozenset({"ADVB", "PRCL", "CONJ", "INTJ"})


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
        if low.startswith(SO_CALLED_PREFIXES):
            return True
        if _info(t.text).lemma in ORG_NOUNS:
            return True
    return False
