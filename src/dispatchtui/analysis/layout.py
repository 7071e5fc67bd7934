"""Layout: paragraphs, sentences, headline, dateline and repeated passages. Model-free and fast.

Input is normalized text (see :mod:`.normalize`): after normalization every non-blank line is one
paragraph (hard-wrapped lines have already been joined, blank-line runs collapsed).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from ..model import Dateline, Meta, Repeat, Span
from .lexicon.agencies import AGENCIES

_MONTHS = (
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    r"|янв|фев|февр|мар|апр|июн|июл|авг|сен|сент|окт|ноя|нояб|дек"
)
_DATE = rf"(?P<date>\d{{1,2}}\s+(?:{_MONTHS})\.?(?:\s+\d{{4}}(?:\s*(?:года|г\.))?)?)"
# A place: one to four capitalized words, hyphenated parts allowed (НЬЮ-ЙОРК, Нижний Новгород).
_PLACE = r"(?P<place>[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё\-]*(?:\s[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё\-]*){0,3})"
# An agency: capitalized words, dotted domains (INTERFAX.RU), optional slashes (/ТАСС/). A dot belongs to
# a word only when a letter follows it, so "РИА Новости. Президент …" stops at "Новости".
_AGENCY_WORD = r"[A-ZА-ЯЁ][\w\-]*(?:\.\w[\w\-]*)*"
_AGENCY_WORDS = rf"{_AGENCY_WORD}(?:\s{_AGENCY_WORD}){{0,3}}"
_DASH = r"[-–—]"

_DATELINE_PATTERNS = [
    # Душанбе. 16 февраля. KAZAKHSTAN TODAY - …   Москва. 8 мая. INTERFAX.RU - …   МОСКВА, 8 августа. /ТАСС/. …
    re.compile(
        rf"{_PLACE}[.,]\s+{_DATE}[.,]?\s+(?P<slash>/\s*)?(?P<agency>{_AGENCY_WORDS})(?(slash)\s*/)"
        rf"(?:\s*\.|\s+(?P<dash>{_DASH})(?=\s)|(?=\s+[A-ZА-ЯЁ«\"„]))\s*"
    ),
    # МОСКВА, 10 авг - РИА Новости.   ВЛАДИВОСТОК, 10 авг – РИА Новости.
    re.compile(rf"{_PLACE},\s+{_DATE}\s*{_DASH}\s*(?P<agency>{_AGENCY_WORDS})(?P<dot>\.)?(?:\s+{_DASH}(?=\s))?\s*"),
    # ТАСС, 24 ноября.  (agency first, no place)
    re.compile(rf"(?P<agency>{_AGENCY_WORDS}),\s+{_DATE}\.(?:\s+{_DASH}(?=\s))?\s*"),
    # МОСКВА, 30 мая ПРАЙМ …  (agency after the date, no punctuation)
    re.compile(rf"{_PLACE},\s+{_DATE}\s+(?P<agency>{_AGENCY_WORDS})(?:\s*\.|\s+{_DASH}(?=\s)|(?=\s))\s*"),
    # МОСКВА, 8 августа. …  (place and date only)
    re.compile(rf"{_PLACE}[.,]\s+{_DATE}\.(?:\s+{_DASH}(?=\s))?\s*"),
]

#: Headlines are short: longer first lines are lead paragraphs.
HEADLINE_MAX_CHARS = 200
#: A repeated passage is at least this many words and characters long.
REPEAT_MIN_WORDS = 8
REPEAT_MIN_CHARS = 40


@dataclass(frozen=True, slots=True)
class Layout:
    headline: Span | None
    dateline: Dateline | None
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    repeats: tuple[Repeat, ...]


def outline(text: str) -> Layout:
    """Paragraphs, headline and dateline only — no sentences, no repeats. Linear and cheap even for a
    multi-megabyte text: what the reader needs to paint before the full :func:`layout` is done."""
    paragraphs = find_paragraphs(text)
    headline = find_headline(text, paragraphs)
    dateline = None
    body = paragraphs[1:3] if headline is not None else paragraphs[:2]  # the headline is the first
    for p in body:  # the dateline opens the lead, or stands alone just before it (RIA)
        dateline = parse_dateline(text, p.start, p.end)
        if dateline is not None:
            break
    return Layout(headline, dateline, tuple(paragraphs), (), ())


def outline_with(text: str, meta: Meta | None) -> Layout:
    """:func:`outline`, with the headline and dateline the file format gave (``meta``) taking precedence."""
    head = outline(text)
    if meta is None:
        return head
    headline, dateline = defer_to_meta(text, list(head.paragraphs), head.headline, head.dateline, meta)
    return Layout(headline, dateline, head.paragraphs, (), ())


def defer_to_meta(
    text: str, paragraphs: list[Span], headline: Span | None, dateline: Dateline | None, meta: Meta
) -> tuple[Span | None, Dateline | None]:
    """Headline and dateline where the format gave them: the first paragraph is the headline when it is
    the format's headline (the loaders put it there); the format's place, date and agency win over the
    text's. A dateline the text does not print is an empty span at the start of the lead."""
    wanted = re.sub(r"[ \t\n\r\f\v]+", " ", meta.headline or "").strip()  # as the loaders squash it
    if wanted and paragraphs and paragraphs[0].slice(text) == wanted:
        if headline is None:
            headline = paragraphs[0]
            dateline = None
    if dateline is None:
        for p in paragraphs[1:3] if headline is not None else paragraphs[:2]:
            dateline = parse_dateline(text, p.start, p.end)
            if dateline is not None:
                break
    date = ru_date(meta.date)
    if not (meta.place or date or meta.agency):
        return headline, dateline
    if dateline is None:
        body = [p for p in paragraphs if headline is None or p.start >= headline.end]
        at = body[0].start if body else len(text)
        return headline, Dateline(at, at, meta.place, date, meta.agency)
    return headline, Dateline(
        dateline.start,
        dateline.end,
        meta.place or dateline.place,
        date or dateline.date,
        meta.agency or dateline.agency,
    )


_GENITIVE_MONTHS = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)


def ru_date(iso: str | None) -> str | None:
    """``2019-08-08T19:22:59+03:00`` → ``8 августа 2019`` (the dateline's form); None when not ISO."""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    if m is None or not 1 <= int(m[2]) <= 12 or not 1 <= int(m[3]) <= 31:
        return None
    return f"{int(m[3])} {_GENITIVE_MONTHS[int(m[2]) - 1]} {m[1]}"


def layout(text: str, meta: Meta | None = None) -> Layout:
    head = outline_with(text, meta)
    paragraphs, headline, dateline = list(head.paragraphs), head.headline, head.dateline
    sentences = find_sentences(text, paragraphs, headline, dateline)
    repeats = find_debris(text, paragraphs, headline)
    return Layout(headline, dateline, tuple(paragraphs), tuple(sentences), tuple(repeats))


def find_debris(text: str, paragraphs: list[Span], headline: Span | None) -> list[Repeat]:
    """The repeated passages a reader wants dimmed (see :func:`_is_debris`). A lead that opens by echoing
    the headline is ordinary news style, not debris to dim: repeats are looked for in the body only (the
    words after the headline; every offset stays the same)."""
    start = 0 if headline is None else headline.end
    return [r for r in find_repeats(text, start=start) if _is_debris(text, r, paragraphs)]


def find_paragraphs(text: str) -> list[Span]:
    """Every non-blank line is a paragraph; the span excludes surrounding whitespace."""
    spans: list[Span] = []
    append = spans.append
    pos = 0
    for line in text.split("\n"):  # C-speed split and strip; ~3x the old character loop
        n = len(line)
        body = line.strip()
        if body:
            s = pos + (line.find(body) if line[0].isspace() else 0)
            append(Span(s, s + len(body)))
        pos += n + 1
    return spans


def find_headline(text: str, paragraphs: list[Span]) -> Span | None:
    """A short first line without final punctuation, followed by a blank line, is the headline."""
    if len(paragraphs) < 2:
        return None
    first = paragraphs[0]
    line = text[first.start : first.end]
    if len(line) > HEADLINE_MAX_CHARS or line[-1] in ".,;:-–—…" or not text.startswith("\n\n", first.end):
        return None
    if parse_dateline(text, first.start, first.end) is not None:
        return None
    if not any(ch.isalpha() for ch in line):
        return None
    return first


def parse_dateline(text: str, start: int, end: int) -> Dateline | None:
    """A wire dateline at ``text[start:]`` (within the paragraph ending at ``end``), or None."""
    window_end = min(end, start + 160)
    for pattern in _DATELINE_PATTERNS:
        m = pattern.match(text, start, window_end)
        if m is None:
            continue
        groups = m.groupdict()
        agency = (groups.get("agency") or "").strip(" /.") or None
        place = (groups.get("place") or "").strip() or None
        if (
            agency is not None
            and pattern is _DATELINE_PATTERNS[0]
            and not _known_agency(agency)
            and not (groups.get("slash") or groups.get("dash"))
        ):
            continue  # "МОСКВА, 8 августа. Президент России …" — the lead, not an agency
        if (
            agency is not None
            and pattern is _DATELINE_PATTERNS[1]
            and not _known_agency(agency)
            and not groups.get("dot")
        ):
            continue
        if agency is not None and pattern is _DATELINE_PATTERNS[2] and not _known_agency(agency):
            continue  # "ТАСС, 24 ноября." — only a known agency may stand without a place
        if agency is not None and pattern is _DATELINE_PATTERNS[3] and not _known_agency(agency):
            continue
        if place is not None and _known_agency(place) and agency is None:
            place, agency = None, place
        date = re.sub(r"\s+", " ", groups["date"]).strip().rstrip(".")
        stop = m.end()
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        return Dateline(start, stop, place, date, agency)
    return None


def _known_agency(name: str) -> bool:
    key = name.strip(" /.").upper()
    return key in AGENCIES or key.split(".")[0] in AGENCIES


def find_sentences(text: str, paragraphs: list[Span], headline: Span | None, dateline: Dateline | None) -> list[Span]:
    """razdel sentences inside each paragraph (the headline counts as one; the dateline is not one)."""
    from .segmenters import sentenize  # razdel's, linear in a long sentence

    out: list[Span] = []
    for p in paragraphs:
        start = p.start
        if dateline is not None and p.start <= dateline.start < p.end:
            start = dateline.end
            while start < p.end and text[start].isspace():
                start += 1
        if start >= p.end:
            continue
        if headline is not None and p == headline:
            out.append(p)
            continue
        for s in sentenize(text[start : p.end]):
            if s.stop > s.start:
                out.append(Span(start + s.start, start + s.stop))
    return out


_WORD = re.compile(r"\w+")
_START, _GROUP = re.Match.start, re.Match.group


def _is_debris(text: str, r: Repeat, paragraphs: list[Span]) -> bool:
    """Keep the repeats a reader wants dimmed: scraper debris, not a lead echoing the headline.

    Debris is a passage printed twice in a row (at most a few punctuation marks between the two copies,
    as in ``… Рахмоном, - В рамках … Рахмоном``), or a whole paragraph printed again.
    """
    # the length first: every repeat of a run of one word points back at its first copy, and counting the
    # marks of that ever longer gap, repeat after repeat, was quadratic
    if r.start - r.of.end <= 16 and sum(1 for ch in text[r.of.end : r.start] if not ch.isspace()) <= 8:
        return True

    def whole_paragraph(span: Span) -> bool:
        # paragraphs are sorted and disjoint: only the last one starting at or before the span can hold it
        k = bisect_right(paragraphs, span.start, key=lambda p: p.start) - 1
        p = paragraphs[k] if k >= 0 else None
        return p is not None and span.end <= p.end and len(span) >= 0.9 * len(p)

    return whole_paragraph(r.span) and whole_paragraph(r.of)


def find_repeats(text: str, max_repeats: int = 1000, start: int = 0) -> list[Repeat]:
    """Passages of at least ``REPEAT_MIN_WORDS`` words that occur verbatim earlier in the text (its words
    from ``start`` on: what comes before is not looked at, as if it were blank).

    Linear: word shingles are hashed (twice: once to find the hashes that occur more than once, once to
    look those up); a match is extended greedily and skipped over.
    """
    # Held compactly (a 16 MB text has ~1.3 million words): each word is a small id (a lower-cased word is
    # one string, however often it occurs), the ids and the words' offsets in arrays of four bytes. A shingle
    # is looked up only when its hash was seen twice (two bitmaps), so the table of first positions holds
    # the repeated ones alone: a dict and a string per word peaked ~130 MB on 16 MB, here ~20 MB.
    code = "i" if len(text) < 2**31 else "q"
    starts, ids = array(code), array(code)
    vocab: defaultdict[str, int] = defaultdict()
    vocab.default_factory = vocab.__len__  # a new word's id: the number of words before it
    matches = _WORD.finditer(text, start)
    while batch := list(islice(matches, 4096)):  # (at C speed, a batch of matches at a time)
        starts.extend(map(_START, batch))
        ids.extend(map(vocab.__getitem__, map(str.lower, map(_GROUP, batch))))
    del vocab
    k = REPEAT_MIN_WORDS
    n = len(ids)
    if n < 2 * k or max_repeats <= 0:
        return []

    def shingle_hashes() -> Iterator[int]:  # each shingle's hash, in order (tuples made at C speed)
        return map(hash, zip(*(islice(ids, s, None) for s in range(k))))

    mask, twice = _seen_twice(shingle_hashes(), n - k + 1)

    def end_of(word: int) -> int:
        m = _WORD.match(text, starts[word])
        assert m is not None  # a word found by the same pattern at the same place
        return m.end()

    first_seen: dict[int, int] = {}
    repeats: list[Repeat] = []
    resume = 0  # the shingles before this one are inside a repeat found
    for i, key in enumerate(shingle_hashes()):
        if i < resume:
            continue
        b = key & mask
        if not twice[b >> 3] & (1 << (b & 7)):  # no other shingle has this hash: nothing to find here
            continue
        j = first_seen.get(key)
        if j is None or j + k > i or ids[j : j + k] != ids[i : i + k]:
            first_seen.setdefault(key, i)
            continue
        length = k
        while i + length < n and j + length < i and ids[j + length] == ids[i + length]:
            length += 1
        a, b = starts[i], end_of(i + length - 1)
        c, d = starts[j], end_of(j + length - 1)
        if b - a >= REPEAT_MIN_CHARS and text[a:b] == text[c:d]:
            repeats.append(Repeat(a, b, Span(c, d)))
            if len(repeats) >= max_repeats:
                break
            resume = i + length
    return repeats


def _seen_twice(hashes: Iterable[int], count: int) -> tuple[int, bytearray]:
    """Which hashes could occur more than once among the ``count`` ``hashes`` (gone through once): a bitmap
    and its mask; hash ``h`` may when bit ``h & mask`` is set. (Two bitmaps of 16 to 32 bits a hash, one
    kept: never a false no, a false yes for at most one hash in sixteen.)"""
    bits = 1 << max(16, (16 * count).bit_length())
    mask = bits - 1
    once, twice = bytearray(bits >> 3), bytearray(bits >> 3)
    for h in hashes:
        b = h & mask
        byte, bit = b >> 3, 1 << (b & 7)
        if once[byte] & bit:
            twice[byte] |= bit
        else:
            once[byte] |= bit
    return mask, twice
