"""Quotation marks: the families, the direction of straight quotes, pairing with a stack, regions over
paragraphs, closing marks whose opening was lost; the candidate quote a region becomes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...model import Span

#: Every character treated as a quotation mark delimiter.
QUOTE_MARKS = '«»„“”"‘’‚'
_MARK_RE = re.compile('[«»„“”"‘’‚]')
_OPENERS = {"«": "g", "„": "l", "‚": "s", "‘": "s"}
_DASHES = "—–-―"
#: How far (characters) any look-around may reach: keeps the scan linear.
_WINDOW = 240
_CLAUSE_WINDOW = 160
_MAX_DEPTH = 32
#: A quote running over markless paragraphs may cross at most this many of them.
_RUN_ON = 3
_SPACE = " \t\u00a0\u2009\u202f"


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i] in _SPACE:
        i += 1
    return i


@dataclass(slots=True)
class _Region:
    cs: int
    ce: int
    para: int
    group: int
    open_pos: int | None
    close_pos: int | None


def _direction(text: str, i: int, a: int, b: int) -> str:
    """'o', 'c' or '?' for a straight or ambiguous mark at ``i`` within ``[a, b)``."""
    prev = text[i - 1] if i > a else " "
    nxt = text[i + 1] if i + 1 < b else " "
    ps = prev.isspace() or prev in "([{/" or prev in _DASHES or prev in "«„“"
    ns = nxt.isspace() or nxt in ".,;:!?)]}…" or nxt in _DASHES or nxt in '»”“"'
    if ps and not ns:
        return "o"
    if ns and not ps:
        return "c"
    return "?"


def _family_of(text: str, i: int, a: int, b: int, stack: list) -> tuple[str, str] | None:
    """(action, family) for the mark at ``i``: action 'o' open or 'c' close; None to ignore."""
    ch = text[i]
    if ch in _OPENERS:
        if ch == "‘":
            prev = text[i - 1] if i > a else " "
            nxt = text[i + 1] if i + 1 < b else " "
            if prev.isalnum() and nxt.isalnum():
                return None
        return "o", _OPENERS[ch]
    top = stack[-1][0] if stack else None
    if ch == "»":
        return "c", "g"
    if ch == "’":
        prev = text[i - 1] if i > a else " "
        nxt = text[i + 1] if i + 1 < b else " "
        if prev.isalnum() and nxt.isalnum():
            return None  # apostrophe
        return "c", "s"
    if ch == "”":
        return "c", "l" if top == "l" else "e"
    if ch == "“":
        if top == "l":
            return "c", "l"
        d = _direction(text, i, a, b)
        if d == "c" and top == "e":
            return "c", "e"
        return "o", "e"
    if ch == '"':
        d = _direction(text, i, a, b)
        if d == "?":
            d = "c" if any(f == "q" for f, _ in stack[-3:]) else "o"
        if d == "o" and stack and stack[-1][0] == "q" and _direction(text, i, a, b) == "?":
            d = "c"
        return d, "q"
    return None


def _shared_close(text: str, pos: int, end: int) -> bool:
    """A closing mark followed by an attribution dash closes every open quote (``"…"Яндекс", -``)."""
    i = _skip_space(text, pos, end)
    if i < end and text[i] in ",.":
        i = _skip_space(text, i + 1, end)
    return i < end and text[i] in _DASHES


def _outer_closes_later(text: str, outer: str, inner: str, pos: int, end: int) -> bool:
    """«Отец сказал: „Иди и беги“, — я и побежал», — рассказал он: an inner quote of another family than the
    outer guillemets, closed before a dash, closes only itself when a closing guillemet follows in the
    paragraph (the dash is the speaker's own, inside the quote)."""
    return outer == "g" and inner != "g" and "»" in text[pos : min(end, pos + _WINDOW)]


def _excess_close(text: str, a: int, b: int) -> str | None:
    """The family of the first mark paragraph ``[a, b)`` closes without opening it (a carried
    quote ends here), else None."""
    stack: list = []
    for m in _MARK_RE.finditer(text, a, b):
        act = _family_of(text, m.start(), a, b, stack)
        if act is None:
            continue
        kind, fam = act
        if kind == "o":
            if len(stack) < _MAX_DEPTH:
                stack.append((fam, m.start()))
            continue
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == fam:
                del stack[k:]
                break
        else:
            return fam
    return None


def _pair(text: str, paragraphs: Sequence[Span]) -> tuple[list[_Region], list[tuple[int, int]]]:
    """Outer quoted regions (possibly multi-paragraph groups) and orphan closing marks."""
    regions: list[_Region] = []
    orphans: list[tuple[int, int]] = []  # (close position, paragraph)
    carry: tuple[str, int] | None = None  # (family, group) of a quote running on
    group = 0
    index = _MarkIndex(text, paragraphs)
    for pi, p in enumerate(paragraphs):
        cur = _carried_in(text, p, pi, carry, index)
        carry = None
        group = _pair_paragraph(text, p, pi, cur, group, regions, orphans)
        if cur.stack:
            op = cur.stack[0][1]
            regions.append(_Region(cur.start, p.end, pi, cur.group, op if op >= 0 else None, None))
            if pi + 1 < len(paragraphs):
                carry = (cur.stack[0][0], cur.group)
    return regions, orphans


class _MarkIndex:
    """Per paragraph, computed once: whether it holds a mark, which family it closes without opening."""

    def __init__(self, text: str, paragraphs: Sequence[Span]) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.excess: dict[int, str | None] = {}  # paragraph → family it closes without opening
        self.marked: dict[int, bool] = {}  # paragraph → holds any quotation mark

    def closes_carry(self, pi: int, fam: str) -> bool:
        if pi not in self.excess:
            q = self.paragraphs[pi]
            self.excess[pi] = _excess_close(self.text, q.start, q.end)
        return self.excess[pi] == fam

    def has_marks(self, pi: int) -> bool:
        if pi not in self.marked:
            q = self.paragraphs[pi]
            self.marked[pi] = _MARK_RE.search(self.text, q.start, q.end) is not None
        return self.marked[pi]

    def runs_on(self, pi: int, fam: str) -> bool:
        """A markless paragraph inside a Russian-style quote: a later one (close by) closes it."""
        if self.has_marks(pi):
            return False
        for pj in range(pi + 1, min(len(self.paragraphs), pi + 1 + _RUN_ON)):
            if self.has_marks(pj):
                return self.closes_carry(pj, fam)
        return False


@dataclass(slots=True)
class _Open:
    """The quote open in the paragraph being paired."""

    stack: list  # (family, position); position -1 = continued from the previous paragraph
    group: int = -1
    start: int = 0  # where its words start
    skip_first: bool = False  # the paragraph's first mark re-opened the carried quote: not paired again


def _carried_in(text: str, p: Span, pi: int, carry: tuple[str, int] | None, index: _MarkIndex) -> _Open:
    """How paragraph ``p`` starts: with the quote carried from the previous paragraph when it re-opens it
    (translated style) or closes a mark it never opened, or is a markless paragraph inside it (Russian style)."""
    a, b = p.start, p.end
    cur = _Open([], -1, a, False)
    if carry is None:
        return cur
    fam, g = carry
    # translated style: any opening mark at the start re-opens the carried quote (its family is not compared)
    reopen = a < b and text[a] in QUOTE_MARKS and (_family_of(text, a, a, b, []) or ("", ""))[0] == "o"
    if reopen:
        cur.stack.append((fam, a))
        cur.group = g
        cur.start = a + 1
        cur.skip_first = True
    elif index.closes_carry(pi, fam) or index.runs_on(pi, fam):
        cur.stack.append((fam, -1))
        cur.group = g
    return cur


def _pair_paragraph(
    text: str, p: Span, pi: int, cur: _Open, group: int, regions: list[_Region], orphans: list[tuple[int, int]]
) -> int:
    """Pair the marks of paragraph ``p`` on ``cur``'s stack: closed outer quotes go to ``regions``, closing
    marks with nothing open to ``orphans``. Returns the last group number used."""
    a, b = p.start, p.end
    stack = cur.stack
    for m in _MARK_RE.finditer(text, a, b):
        i = m.start()
        if cur.skip_first and i == a:
            continue
        act = _family_of(text, i, a, b, stack)
        if act is None:
            continue
        kind, fam = act
        if kind == "o":
            if not stack:
                group += 1
                cur.group = group
                cur.start = i + 1
            if len(stack) < _MAX_DEPTH:
                stack.append((fam, i))
            continue
        if not stack:
            orphans.append((i, pi))
            continue
        hit = -1
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == fam:
                hit = k
                break
        if hit < 0:
            if fam == "q" and len(stack) < _MAX_DEPTH:
                stack.append((fam, i))  # a glued inner opener
            continue
        if hit > 0 and _shared_close(text, i + 1, b) and not _outer_closes_later(text, stack[0][0], fam, i + 1, b):
            hit = 0
        if hit == 0:
            op = stack[0][1]
            regions.append(_Region(cur.start, i, pi, cur.group, op if op >= 0 else None, i))
            stack.clear()
        else:
            del stack[hit:]
    return group


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    para: int
    kind: str = "full"
    speaker: Span | None = None
    cue: Span | None = None
    floating: bool = False
    group: int = -1


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    strip = set(QUOTE_MARKS) | set(" \t\n\r\u00a0\u2009\u202f")
    while a < b and text[a] in strip:
        a += 1
    while b > a and text[b - 1] in strip:
        b -= 1
    return a, b


def _trim_tail_punct(text: str, a: int, b: int) -> int:
    """Drop a trailing comma/colon/semicolon/dash (kept: ? ! … and a full stop)."""
    while b > a and (text[b - 1] in ",;:" or text[b - 1] in _DASHES or text[b - 1].isspace()):
        b -= 1
    return b
