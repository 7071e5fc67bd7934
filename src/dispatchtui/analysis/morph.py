"""One shared pymorphy3 analyzer, created on first use (it costs ~0.1 s and ~15 MB)."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def get_morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The most likely normal form of ``word``, lower-cased, ``ё`` → ``е``."""
    w = word.lower().replace("ё", "е")
    parses = get_morph().parse(w)
    return parses[0].normal_form.replace("ё", "е") if parses else w
