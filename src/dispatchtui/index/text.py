"""What the index stores of a dispatch's words: lemma tokens (the reader's find, :mod:`dispatchtui.search`)
and sortable dates. Pure functions; no database here."""

from __future__ import annotations

import re
import time

from ..search import fold, word_forms, words

_MONTHS = {
    "января": 1,
    "февраля": 2,
    "марта": 3,
    "апреля": 4,
    "мая": 5,
    "июня": 6,
    "июля": 7,
    "августа": 8,
    "сентября": 9,
    "октября": 10,
    "ноября": 11,
    "декабря": 12,
}
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
_RU = re.compile(r"(\d{1,2})\s+([а-яё]+)\.?(?:\s+(\d{4}))?", re.IGNORECASE)


def tokens(text: str) -> list[str]:
    """The distinct lemma tokens of ``text`` (every form each word may be), in first-seen order."""
    seen: dict[str, None] = {}
    for w in words(fold(text)):
        for form in word_forms(w):
            seen.setdefault(form, None)
    return list(seen)


def query_terms(query: str) -> list[frozenset[str]]:
    """One set of acceptable tokens per query word (a word matches if any of its forms is stored)."""
    return [word_forms(w) for w in words(fold(query))]


def name_key(name: str) -> str:
    """A name folded for grouping and exact facet match (``Дмитрий Песков`` → ``дмитрий песков``)."""
    return " ".join(words(fold(name)))


def date_key(date: str | None, mtime: float | None = None) -> str:
    """A sortable ``YYYY-MM-DD[THH:MM]`` for a dateline's or a format's date; "" when it cannot be told.
    A dateline without a year (``8 августа``) takes the year of the file's modification time."""
    if not date:
        return ""
    m = _ISO.search(date)
    if m:
        y, mo, d, hh, mm = m.groups()
        return f"{y}-{mo}-{d}" + (f"T{hh}:{mm}" if hh else "")
    m = _RU.search(date)
    if m and fold(m.group(2)) in _MONTHS:
        year = m.group(3) or (time.strftime("%Y", time.localtime(mtime)) if mtime else "")
        if not year:
            return ""
        return f"{year}-{_MONTHS[fold(m.group(2))]:02d}-{int(m.group(1)):02d}"
    return ""


def since_key(since: str) -> str:
    """``--since`` as a date key: ISO (``2019-08-01``) or Russian (``1 августа 2019``). ValueError if neither."""
    key = date_key(since, time.time())
    if not key:
        raise ValueError(f"not a date: {since!r} (use YYYY-MM-DD)")
    return key
