"""One shared pymorphy3 analyzer, created on first use (it costs ~0.1 s and ~15 MB)."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def get_morph():
    import pymorphy3

    _guard_nameless_letters()
    return pymorphy3.MorphAnalyzer()


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
