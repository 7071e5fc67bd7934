"""Lemma-aware matching, shared by the reader's find bar and the library's full-text search.

Pure functions, no UI imports. Matching is case-insensitive and treats ``ё`` as ``е``. Russian
words of three letters or more also match by lemma (pymorphy3): ``Рахмона`` finds ``Рахмон`` and
``Рахмоном``. Plain substring matches are always included, so typing incrementally (``Рах``) works.

All results are ``(start, end)`` character offsets into the searched text, sorted, non-overlapping.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"\w+(?:-\w+)*")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
#: a character that may not precede a lemma-match start (word character or hyphen)
_WORD_OR_HYPHEN = re.compile(r"[\w-]")
MIN_LEMMA_LEN = 3
PREFIX_LEN = 3


def fold(text: str) -> str:
    """Lower-case and ``ё`` → ``е``, keeping the length (so offsets into ``fold(t)`` are offsets into ``t``)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.replace("ё", "е")


@lru_cache(maxsize=50_000)
def lemmas(word: str) -> frozenset[str]:
    """Every normal form pymorphy3 offers for ``word`` (folded); just the folded word if it is not Russian
    or pymorphy3 is unavailable."""
    w = fold(word)
    if not _CYRILLIC.search(w):
        return frozenset((w,))
    try:
        from .analysis.morph import get_morph

        parses = get_morph().parse(w)
    except (ImportError, OSError, ValueError):  # no pymorphy3 or its dictionary; a lone surrogate
        return frozenset((w,))
    forms = {fold(p.normal_form) for p in parses}
    forms.add(w)
    return frozenset(forms)


def words(folded: str) -> list[str]:
    """The words of an already :func:`fold`-ed text, as the matcher sees them (hyphenated words whole)."""
    return _WORD.findall(folded)


def word_forms(word: str) -> frozenset[str]:
    """What a query word or a text word is matched by: its lemmas for a Russian word of
    :data:`MIN_LEMMA_LEN` letters or more, else just the folded word (the folder index stores these)."""
    w = fold(word)
    if len(w) >= MIN_LEMMA_LEN and _CYRILLIC.search(w):
        return lemmas(w)
    return frozenset((w,))


class Matcher:
    """A compiled query. Build once, run :meth:`find` over many texts (the library search)."""

    def __init__(self, query: str) -> None:
        self.query = query
        self.folded = fold(query).strip()
        self._substring = re.compile(re.escape(self.folded)) if self.folded else None
        words = _WORD.findall(self.folded)
        self._words: list[frozenset[str] | str] = []
        self._by_lemma = bool(words) and any(_CYRILLIC.search(w) and len(w) >= MIN_LEMMA_LEN for w in words)
        self._first_prefix: re.Pattern[str] | None = None
        self._prefixes: tuple[str, ...] = ()
        if self._by_lemma:
            for w in words:
                self._words.append(lemmas(w) if len(w) >= MIN_LEMMA_LEN and _CYRILLIC.search(w) else w)
            first = self._words[0]
            prefixes = {f[:PREFIX_LEN] for f in first} if isinstance(first, frozenset) else {first}
            if isinstance(first, frozenset):
                prefixes.add(words[0][:PREFIX_LEN])
            self._prefixes = tuple(prefixes)
            alt = "|".join(sorted((re.escape(p) for p in prefixes), key=len, reverse=True))
            # No leading ``(?<![\w-])`` lookbehind: it defeats the regex engine's literal-prefix search
            # (~25x slower over a 10,000-dispatch library). The start is checked in :meth:`_lemma_matches`;
            # skipping a rejected match loses nothing, since no valid start lies inside a ``[\w-]`` run.
            self._first_prefix = re.compile(r"(?:" + alt + r")\w*(?:-\w+)*")

    def __bool__(self) -> bool:
        return bool(self.folded)

    def might_match(self, folded_text: str) -> bool:
        """A cheap necessary condition on an already :func:`fold`-ed text (plain substring tests, no regex):
        False means :meth:`find` finds nothing there. The library search skips most texts with it."""
        if not self.folded:
            return False
        prefixes = self._prefixes
        if not prefixes:
            return self.folded in folded_text
        # the first query word's own prefix is among them, and it is a substring of ``self.folded``: a
        # plain substring hit implies a prefix hit, so one scan per prefix is enough
        return any(p in folded_text for p in prefixes)

    def _word_ok(self, want: frozenset[str] | str, token: str) -> bool:
        if isinstance(want, str):
            return token == want
        return token in want or not want.isdisjoint(lemmas(token))

    def _lemma_matches(self, folded: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        if self._first_prefix is None:
            return out
        first, rest = self._words[0], self._words[1:]
        for m in self._first_prefix.finditer(folded):
            start = m.start()
            if start and _WORD_OR_HYPHEN.match(folded, start - 1):
                continue
            if not self._word_ok(first, m.group()):
                continue
            end = m.end()
            ok = True
            pos = end
            for want in rest:
                nxt = _WORD.search(folded, pos)
                gap = folded[pos : nxt.start()] if nxt is not None else ""
                if nxt is None or gap.strip(" \t\n,.;:-—–«»\"'()") or not self._word_ok(want, nxt.group()):
                    ok = False
                    break
                pos = end = nxt.end()
            if ok:
                out.append((m.start(), end))
        return out

    def find(self, text: str) -> list[tuple[int, int]]:
        if not self.folded:
            return []
        return self.find_folded(fold(text))

    def find_folded(self, folded: str) -> list[tuple[int, int]]:
        """:meth:`find` on a text that is already :func:`fold`-ed (the library's index): no second fold."""
        if not self.folded:
            return []
        found = [(m.start(), m.end()) for m in self._substring.finditer(folded)] if self._substring else []
        if self._by_lemma:
            found.extend(self._lemma_matches(folded))
            found.sort(key=lambda se: (se[0], -se[1]))
        return _drop_overlaps(found)

    def count(self, text: str) -> int:
        return len(self.find(text))

    def count_folded(self, folded: str) -> int:
        return len(self.find_folded(folded))


def _drop_overlaps(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    last_end = -1
    for s, e in spans:
        if s >= last_end:
            out.append((s, e))
            last_end = e
        elif e > last_end and out and out[-1][0] == s:
            out[-1] = (s, e)
            last_end = e
    return out


def find(text: str, query: str) -> list[tuple[int, int]]:
    """All matches of ``query`` in ``text``."""
    return Matcher(query).find(text)


def count(text: str, query: str) -> int:
    return len(find(text, query))


def matches_headline(headline: str, query: str) -> bool:
    """Filter-as-you-type over headlines: every query word must occur (folded substring)."""
    h = fold(headline)
    return all(w in h for w in fold(query).split())
