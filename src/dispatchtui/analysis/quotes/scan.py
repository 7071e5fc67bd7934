"""The scan: paragraph forms, then marked regions and lost openings in text order, then overlaps."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...model import Quote, Span
from ..layout import parse_dateline
from .classify import (
    _clause_like,
    _is_name_quote,
    _name_context,
    _name_like,
    _Signals,
    _statement_kind,
    naming_predicate,
)
from .cues import (
    _Attr,
    _attr_after,
    _choose_attr,
    _ends_sentence,
    _intro,
    _next_sentence_attr,
    _split,
    document_colon,
)
from .forms import paragraph_forms
from .marks import _DASHES, _WINDOW, QUOTE_MARKS, _Cand, _pair, _Region, _skip_space, _trim, _trim_tail_punct
from .tokens import _content_words

#: A quote whose opening mark was lost reaches back at most this far.
_LOST_MAX = 4000


def find_quotes(text: str, paragraphs: Sequence[Span], sentences: Sequence[Span] = ()) -> list[Quote]:
    """Direct quotes in ``text`` (see the module docstring). Never raises on any string."""
    try:
        return _find_quotes(text, paragraphs)
    except RecursionError:  # pragma: no cover - nothing here recurses; belt and braces
        return []


def _clean_paragraphs(text: str, paragraphs: Sequence[Span]) -> tuple[list[Span], list[int]]:
    """Usable paragraphs (in order, in bounds, disjoint) and their indexes in ``paragraphs``;
    blank-line blocks when none is usable."""
    n = len(text)
    out: list[Span] = []
    idx: list[int] = []
    last = 0
    for k, p in enumerate(paragraphs or ()):
        if p.start < last or p.end > n or p.end <= p.start:
            continue
        out.append(p)
        idx.append(k)
        last = p.end
    if not out and text.strip():
        pos = 0
        for m in re.finditer(r"\n[ \t\u00a0]*\n\s*|\Z", text):
            s, e = pos, m.start()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Span(s, e))
                idx.append(len(idx))
            pos = m.end()
            if m.end() >= n:
                break
    return out, idx


def _dateline_end(text: str, p: Span) -> int:
    """Where the words of paragraph ``p`` start after its dateline ("МОСКВА, 5 мая. /ТАСС/."), if any."""
    try:
        d = parse_dateline(text, p.start, p.end)
    except Exception:  # pragma: no cover  # noqa: BLE001 - a dateline is a refinement: a fault in it must not lose the paragraph's quotes
        return p.start
    if d is None:
        return p.start
    return _skip_space(text, d.end, p.end)


def _find_quotes(text: str, paragraphs: Sequence[Span]) -> list[Quote]:
    paras, pidx = _clean_paragraphs(text, paragraphs)
    if not paras:
        return []
    cands, consumed = paragraph_forms(text, paras)
    regions, orphans = _pair(text, paras)
    groups, order = _visit_order(regions, orphans)
    scan = _Scan(text, paras, cands, sorted(consumed))
    for pos, what, ref in order:
        if scan.consumed_at(pos):
            continue
        if what == "o":
            _lost_opening(scan, pos, ref)
        else:
            _marked(scan, groups[ref], ref)
    return _emit(text, cands, pidx)


def _visit_order(
    regions: list[_Region], orphans: list[tuple[int, int]]
) -> tuple[dict[int, list[_Region]], list[tuple[int, str, int]]]:
    """Regions grouped (one group: one quote over paragraphs), and the visits in text order: ``(position, "g",
    group)`` for a group, ``(position, "o", paragraph)`` for an orphan closing mark."""
    groups: dict[int, list[_Region]] = {}
    order: list[tuple[int, str, int]] = []
    for r in regions:
        if r.group not in groups:
            groups[r.group] = []
            order.append((r.cs, "g", r.group))
        groups[r.group].append(r)
    for pos, pi in orphans:
        order.append((pos, "o", pi))
    order.sort(key=lambda x: x[0])
    return groups, order


@dataclass(slots=True)
class _Scan:
    """The scan's state, visited in text order."""

    text: str
    paras: list[Span]
    cands: list[_Cand]
    consumed: list[tuple[int, int]]  # paragraph forms, sorted: known up front, visited in order
    ci: int = 0  # the first of ``consumed`` not yet behind the scan
    attr_until: int = -1  # attribution clauses are found in text order: one high-water mark
    last_end: dict[int, int] = field(default_factory=dict)  # paragraph → end of its last quote/attribution
    recent: deque[tuple[int, int]] = field(default_factory=deque)  # (paragraph, end) of the regions just seen

    def consumed_at(self, pos: int) -> bool:
        """Does ``pos`` belong to an attribution already read or to a paragraph form?"""
        if pos < self.attr_until:
            return True
        while self.ci < len(self.consumed) and self.consumed[self.ci][1] <= pos:
            self.ci += 1
        return self.ci < len(self.consumed) and self.consumed[self.ci][0] <= pos


def _lost_opening(scan: _Scan, pos: int, pi: int) -> None:
    """``Мы готовы», — сказал он``: a closing mark with nothing open, attributed after it, closes a quote whose
    opening mark was lost; it starts after the dateline, the last quote in the paragraph, or ``_LOST_MAX`` back."""
    text, p = scan.text, scan.paras[pi]
    at = _attr_after(text, pos + 1, p.end)
    if at is None:
        return
    floor = max(
        _dateline_end(text, p) if pi == 0 or pi == 1 else p.start, scan.last_end.get(pi, p.start), pos - _LOST_MAX
    )
    if floor > p.start and floor == scan.last_end.get(pi):
        # author's words after a previous quote: start at the next sentence
        k = floor
        while k < pos and not (text[k] in ".!?…" and k + 1 < pos and text[k + 1].isspace()):
            k += 1
        floor = k + 1 if k < pos else floor
    # a mark that opens (after a space, before a letter) between the floor and the closing mark is the
    # quote's own opening, mispaired among nested straight quotes ("Он вошел и сказал: "Здрасте…" - так…",
    # - цитирует РБК): the quote starts there, not at the paragraph's start
    # (straight quotes only: guillemets pair reliably, and «Газпром» inside a lost quote is a name)
    for k in range(floor, min(pos, floor + _LOST_MAX)) if text[pos] == '"' else ():
        if text[k] == '"' and (k == p.start or text[k - 1].isspace()) and k + 1 < pos and text[k + 1].isalpha():
            floor = k + 1
            break
    s, e = _trim(text, floor, pos)
    s = _skip_space(text, s, e)
    while s < e and (text[s] in _DASHES or text[s] in ",.;:" or text[s] in QUOTE_MARKS):
        s = _skip_space(text, s + 1, e)
    if len(_content_words(text, s, e, 4)) < 3:
        return
    scan.cands.append(_Cand(s, e, pi, "full", at.speaker, at.cue, False))
    scan.last_end[pi] = at.end
    scan.attr_until = max(scan.attr_until, at.end)


def _marked(scan: _Scan, parts: list[_Region], group: int) -> None:
    """A marked region (its parts over paragraphs): read what is around and inside it, keep it when it is
    speech (:mod:`.classify`), as one quote per piece between inner attributions."""
    text = scan.text
    first, last = parts[0], parts[-1]
    p_last = scan.paras[last.para]
    closed = last.close_pos is not None
    after, next_sentence = _after(text, last, p_last)
    floor = _author_floor(scan, first)
    if first.open_pos is not None:
        intro_kind, intro, direct = _intro(text, first.open_pos, floor)
    else:
        intro_kind, intro, direct = "start", None, False
    scan.recent.append((last.para, last.ce + 1))
    pieces, inner = _pieces(text, parts)
    words = _content_words(text, first.cs, last.ce, 60)
    clause = _clause_like(words)
    lower_start = text[first.cs : first.cs + 1].islower()
    predicate = naming_predicate(words, lower_start, intro_kind, direct)
    name_ctx = first.open_pos is not None and _name_context(text, first.open_pos, floor, predicate)
    namey = _name_like(text, first.cs, last.ce, words, clause)
    sig = _Signals(
        intro_kind,
        intro,
        direct,
        after,
        next_sentence,
        inner,
        closed,
        last.close_pos is not None and _ends_sentence(text, last.close_pos + 1, p_last.end),
        len(parts) > 1,
        words,
        clause,
        namey,
        name_ctx,
        lower_start,
    )
    if _is_name_quote(sig):
        return
    kind = _statement_kind(sig)
    if kind is None:
        return
    attr = _choose_attr(text, intro_kind, intro, after, inner)
    speaker = attr.speaker if attr else None
    cue = attr.cue if attr else None
    # (a document's words introduced by a colon float free of the speaker before: see cues.document_colon)
    floating = speaker is None and cue is None
    if floating and intro_kind == "colon" and first.open_pos is not None:
        floating = not document_colon(text, first.open_pos, floor)
    end_attr = after.end if after is not None else last.ce + 1
    for s, e, pi in pieces:
        s, e = _trim(text, s, e)
        e = _trim_tail_punct(text, s, e)
        s, e = _trim(text, s, e)
        if e <= s or not _content_words(text, s, e, 1):
            continue
        scan.cands.append(_Cand(s, e, pi, kind, speaker, cue, floating, group=group))
    scan.last_end[last.para] = max(scan.last_end.get(last.para, 0), end_attr)
    if after is not None:
        scan.attr_until = max(scan.attr_until, after.end)


def _after(text: str, last: _Region, p_last: Span) -> tuple[_Attr | None, bool]:
    """The attribution after the closing mark (``», — сказал он``), else one opening the next sentence when the
    author's sentence ends there (``». Об этом заявил X``), and whether it is the latter."""
    if last.close_pos is None:
        return None, False
    after = _attr_after(text, last.close_pos + 1, p_last.end)
    if after is not None:
        return after, False
    after = (
        _next_sentence_attr(text, last.close_pos + 1, p_last.end)
        if _ends_sentence(text, last.close_pos + 1, p_last.end)
        else None
    )
    return after, after is not None


def _author_floor(scan: _Scan, first: _Region) -> int:
    """How far back the author's words before the opening mark may reach: the end of the last quote or
    attribution in the paragraph; among many marks (density guard), the end of the last region."""
    floor = scan.last_end.get(first.para, scan.paras[first.para].start)
    if first.open_pos is not None:
        recent = scan.recent
        while recent and (recent[0][0] != first.para or recent[0][1] < first.open_pos - _WINDOW):
            recent.popleft()
        if len(recent) >= 4:
            floor = max(floor, recent[-1][1])
    return floor


def _pieces(text: str, parts: list[_Region]) -> tuple[list[tuple[int, int, int]], _Attr | None]:
    """Every part split at inner attributions: (start, end, paragraph) pieces and the first inner attribution."""
    pieces: list[tuple[int, int, int]] = []
    inner: _Attr | None = None
    for r in parts:
        sp, at = _split(text, r.cs, r.ce, r.close_pos is None)
        if at is not None and inner is None:
            inner = at
        for s, e in sp:
            pieces.append((s, e, r.para))
    return pieces, inner


def _emit(text: str, cands: list[_Cand], pidx: list[int]) -> list[Quote]:
    """Candidates in order as quotes, overlaps dropped; a floating quote (no speaker, no cue) in a run inherits
    the speaker of the quote before it (the same or the previous paragraph)."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Quote] = []
    prev: Quote | None = None
    last_end_pos = -1
    for c in cands:
        if c.start < last_end_pos or c.end <= c.start:
            continue
        speaker_span, cue_span = c.speaker, c.cue
        if (
            c.floating
            and speaker_span is None
            and cue_span is None
            and prev is not None
            and prev.paragraph >= pidx[c.para] - 1
            and prev.speaker_span is not None
        ):
            speaker_span = prev.speaker_span
        q = Quote(
            start=c.start,
            end=c.end,
            paragraph=pidx[c.para],
            kind=c.kind,  # type: ignore[arg-type]
            speaker=text[speaker_span.start : speaker_span.end] if speaker_span else None,
            speaker_span=speaker_span,
            cue=text[cue_span.start : cue_span.end] if cue_span else None,
            cue_span=cue_span,
            # pieces of one marked region (split by its attribution, or over paragraphs) are one statement:
            # a negative group id until analysis.link_statements numbers the statements
            statement=-(c.group + 1) if c.group >= 0 else None,
        )
        out.append(q)
        prev = q
        last_end_pos = c.end
    return out
