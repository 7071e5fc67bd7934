"""Word forms: one shared pymorphy3 analyzer (created on first use; ~0.1 s, ~15 MB) and the cached helpers
every stage uses — parses, dictionary look-up, lemma, ё/е folding, capitalization, phrase inflection."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache


@lru_cache(maxsize=1)
def get_morph():
    import pymorphy3

    _guard_nameless_letters()
    _plain_grammemes()
    return pymorphy3.MorphAnalyzer()


def _plain_grammemes() -> None:
    """A tag's ``POS``, ``case``, ``number`` … as plain strings, not pymorphy3's checked ones: a checked
    grammeme compares in Python and raises on a misspelt one (``t.case == "gen"``), and the stages compare
    grammemes millions of times in a huge dispatch (a tenth of its analysis). Same answers for every
    valid grammeme. ``DISPATCHTUI_CHECKED_GRAMMEMES=1`` keeps the checks (the test suite sets it)."""
    import os

    from pymorphy3.tagset import OpencorporaTag

    OpencorporaTag.typed_grammemes = os.environ.get("DISPATCHTUI_CHECKED_GRAMMEMES") == "1"
    for name in _GRAMMEME_ATTRIBUTES:
        selector = OpencorporaTag.__dict__.get(name)
        if selector is not None and not isinstance(selector, _RememberedGrammeme):
            setattr(OpencorporaTag, name, _RememberedGrammeme(selector, OpencorporaTag))


#: pymorphy3's grammeme categories of a tag (``tag.POS``, ``tag.case`` …)
_GRAMMEME_ATTRIBUTES = (
    "POS",
    "animacy",
    "aspect",
    "case",
    "gender",
    "involvement",
    "mood",
    "number",
    "person",
    "tense",
    "transitivity",
    "voice",
)


class _RememberedGrammeme:
    """pymorphy3's descriptor of one grammeme category (``tag.case``), its answer for each tag string
    remembered: pymorphy3 intersects two sets on every access, and the stages ask millions of times (a
    tenth of a huge dispatch's rule stages). A tag's grammemes are a function of its string (its
    ``__init__`` splits the string), so the answer is the one pymorphy3 gives; checked grammemes
    (``typed_grammemes``) and other tag classes are asked of pymorphy3 itself."""

    __slots__ = ("selector", "owner", "answers")

    def __init__(self, selector, owner) -> None:
        self.selector, self.owner = selector, owner
        self.answers: dict[str, str | None] = {}

    def __get__(self, instance, owner):
        if instance is None:
            return self.selector
        if owner is not self.owner or owner.typed_grammemes:
            return self.selector.__get__(instance, owner)
        try:
            return self.answers[instance._str]
        except KeyError:
            got = self.answers[instance._str] = self.selector.__get__(instance, owner)
            return got


def _guard_nameless_letters() -> None:
    """pymorphy3 asks ``unicodedata.name()`` whether a letter is Latin; letters without a name in the
    Unicode database (Tangut ideographs such as U+17000) make ``parse()`` raise ValueError. Such a
    letter is not Latin."""
    import unicodedata

    from pymorphy3 import shapes

    if getattr(shapes.is_latin_char, "_dispatchtui_guard", False):
        return

    def is_latin_char(uchr: str) -> bool:
        cache = shapes._latin_letters_cache
        if uchr not in cache:
            cache[uchr] = "LATIN" in unicodedata.name(uchr, "")
        return cache[uchr]

    is_latin_char._dispatchtui_guard = True  # type: ignore[attr-defined]
    shapes.is_latin_char = is_latin_char


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The most likely normal form of ``word``, lower-cased, ``ё`` → ``е``."""
    w = word.lower().replace("ё", "е")
    parses = get_morph().parse(w)
    return parses[0].normal_form.replace("ё", "е") if parses else w


@lru_cache(maxsize=50_000)
def substantive_form(word: str) -> str:
    """The masculine singular nominative of an adjective or participle reading of ``word`` (``задержанная`` →
    ``задержанный``, ``нападающего`` → ``нападающий``), folded: the key of a substantivized one, whose lemma is
    its verb's (``задержать``); ``word`` folded when it has no such reading."""
    for p in parses(word)[:3]:
        if p.tag.POS in ("ADJF", "PRTF"):
            inf = p.inflect({"masc", "sing", "nomn"})
            if inf is not None:
                return fold(inf.word)
    return fold(word)


def fold(s: str | None) -> str:
    """Lower-case, ``ё`` → ``е``: the key two spellings of one word share."""
    return (s or "").lower().replace("ё", "е")


@lru_cache(maxsize=100_000)
def parses(word: str):
    return tuple(get_morph().parse(word.lower().replace("ё", "е")))


@lru_cache(maxsize=100_000)
def is_known(word: str) -> bool:
    return get_morph().word_is_known(word.lower().replace("ё", "е"))


def match_case(src: str, dst: str) -> str:
    """Give ``dst`` the capitalization pattern of ``src`` (per hyphen part, and per apostrophe part:
    ``О'Мэлли``)."""
    if src.isupper() and len(src) > 1:
        return dst.upper()
    for apos in ("'", "’"):
        if apos in src and src.count(apos) == dst.count(apos):
            return apos.join(match_case(s, d) for s, d in zip(src.split(apos), dst.split(apos)))
    sp, dp = src.split("-"), dst.split("-")
    if len(sp) == len(dp):
        return "-".join(d.capitalize() if s[:1].isupper() else d for s, d in zip(sp, dp))
    return dst.capitalize() if src[:1].isupper() else dst


def inflect_phrase(
    words: Sequence[str], case: str = "nomn", *, number: str | None = None, source_case: str | None = None
) -> list[str]:
    """Inflect the leading ``ADJ* NOUN`` group of a phrase to ``case``; the rest is kept as written.

    ``министром иностранных дел`` → ``министр иностранных дел``; ``Южной Азии`` → ``Южная Азия``.
    ``number`` forces "sing"/"plur"; by default singular readings are preferred. A phrase is inflected
    once (a dispatch names the same bodies and posts again and again)."""
    return list(_inflected(tuple(words), case, number, source_case))


@lru_cache(maxsize=50_000)
def _inflected(words: tuple[str, ...], case: str, number: str | None, source_case: str | None) -> tuple[str, ...]:
    return tuple(_inflect_phrase(list(words), case, number, source_case))


def _inflect_phrase(words: list[str], case: str, number: str | None, source_case: str | None) -> list[str]:
    """:func:`inflect_phrase`, computed."""
    if not words:
        return words
    head = None
    for i, w in enumerate(words):
        ps = parses(w)
        if not ps:
            break
        if any(p.tag.POS == "NOUN" for p in ps) and not all(p.tag.POS in ("ADJF", "PRTF") for p in ps[:1]):
            head = i
            break
        if not any(p.tag.POS in ("ADJF", "PRTF") for p in ps):
            break
    if head is None:
        return words
    best = None
    for p in parses(words[head]):
        t = p.tag
        if t.POS != "NOUN":
            continue
        if number and t.number and t.number != number and "Fixd" not in t:
            continue
        if (
            source_case
            and t.case != source_case
            and "Fixd" not in t
            and not (source_case == "accs" and t.case == "gent")
        ):
            continue
        adj: list = []  # a parse per adjective, None where none agrees
        score = p.score + (0.5 if t.number != "plur" else 0.0)
        for w in words[:head]:
            cand = [
                a
                for a in parses(w)
                if a.tag.POS in ("ADJF", "PRTF")
                and a.tag.case == t.case
                and a.tag.number == t.number
                and (t.number == "plur" or a.tag.gender in (t.gender, None))
            ]
            if not cand:
                score -= 1.0
                adj.append(None)
            else:
                adj.append(cand[0])
        if best is None or score > best[0]:
            best = (score, p, adj)
    if best is None:
        return words
    _, p, adj = best
    t = p.tag
    if t.case == case:
        return words
    num = t.number or "sing"
    out = list(words)
    inf = p.inflect({case, num}) if "Fixd" not in t else None
    if inf is not None:
        out[head] = _compound_first_part(match_case(words[head], inf.word), str(t.case), case, num)
    elif "Fixd" not in t:
        return words
    g = inf.tag.gender if inf is not None else t.gender
    for i, a in enumerate(adj):
        if a is None:
            continue
        feats = {case, "plur"} if num == "plur" else {case, "sing"} | ({g} if g in ("masc", "femn", "neut") else set())
        ai = a.inflect(feats)
        if ai is not None:
            out[i] = match_case(words[i], ai.word)
    return out


def _compound_first_part(word: str, source_case: str, case: str, num: str) -> str:
    """A hyphenated compound of two nouns in one case declines in both (``компании-покупателе`` →
    ``компания-покупатель``); pymorphy3 inflects only the last part."""
    first, dash, rest = word.partition("-")
    if not dash or not first[:1].isalpha():
        return word
    for p in parses(first):
        if p.tag.POS == "NOUN" and p.tag.case == source_case and (p.tag.number or "sing") == num:
            inf = p.inflect({case, num})
            return match_case(first, inf.word) + dash + rest if inf is not None else word
    return word


@lru_cache(maxsize=100_000)
def built_on_known_word(word: str) -> bool:
    """pymorphy3 reads ``word`` as a known word with a prefix it does not know (``Рыбохраны`` =
    рыбо + охраны, ``Нацфронта``): a compound of a common word, not a guess from the ending alone."""
    ps = parses(word)
    return bool(ps) and any(type(m[0]).__name__ == "UnknownPrefixAnalyzer" for m in ps[0].methods_stack)
