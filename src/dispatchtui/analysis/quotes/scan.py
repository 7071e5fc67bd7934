"""The scan: paragraph forms, then marked regions and lost openings in text order, then overlaps."""
from __future__ import annotations

import re
from collections import deque
from typing import Sequence

from ...model import Quote, Span
from ..lexicon.quotes import RELAY_VERBS
from .classify import _clause_like, _name_context, _name_like
from .cues import _Attr, _attr_after, _ends_sentence, _intro, _next_sentence_attr, _split
from .forms import _dialogue_start, _transcript_label
from .marks import QUOTE_MARKS, _DASHES, _WINDOW, _Cand, _Region, _pair, _skip_space, _trim, _trim_tail_punct
from .tokens import _content_words, _info, _is_name_tok, _tokens

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
    try:
        from ..layout import parse_dateline
    except Exception:  # pragma: no cover - layout is another engineer's module
        return p.start
    try:
        d = parse_dateline(text, p.start, p.end)
    except Exception:  # pragma: no cover
        return p.start
    if d is None:
        return p.start
    return _skip_space(text, d.end, p.end)


def _find_quotes(text: str, paragraphs: Sequence[Span]) -> list[Quote]:
    paras, pidx = _clean_paragraphs(text, paragraphs)
    if not paras:
        return []
    cands: list[_Cand] = []
    consumed: list[tuple[int, int]] = []  # spans (paragraph forms) whose marks are not separate quotes
    para_form: dict[int, bool] = {}

    # paragraph forms: dialogue and transcripts
    dash: dict[int, tuple[int, list, _Attr | None, bool, bool]] = {}
    for pi, p in enumerate(paras):
        ds = _dialogue_start(text, p.start, p.end)
        if ds is not None:
            parts, at = _split(text, ds, p.end, True)
            clause = _clause_like(_content_words(text, ds, p.end, 40))
            question = text[ds].isupper() and text[p.end - 1] == "?"
            dash[pi] = (ds, parts, at, clause, question)
    # a run of dash paragraphs is a dialogue when one of them is attributed ("— …, — сказал он")
    # or, in an interview, when they exchange a question and an answer
    dialogue_run: dict[int, bool] = {}
    pi = 0
    while pi < len(paras):
        if pi not in dash:
            pi += 1
            continue
        pj = pi
        while pj in dash:
            pj += 1
        members = range(pi, pj)
        ok = any(dash[x][2] is not None for x in members) or any(
            dash[x][4] and not dash[x + 1][4] and dash[x + 1][3] for x in members[:-1])  # a question answered
        for x in members:
            dialogue_run[x] = ok
        pi = pj
    for pi, p in enumerate(paras):
        if pi in dash:
            ds, parts, at, clause, _q = dash[pi]
            if at is not None or (dialogue_run[pi] and (clause or _q)):
                for s, e in parts:
                    s, e = _trim(text, s, e)
                    e = _trim_tail_punct(text, s, e)
                    if e > s:
                        cands.append(_Cand(s, e, pi, "full", at.speaker if at else None,
                                           at.cue if at else None, False, p.end))
                consumed.append((p.start, p.end))
                para_form[pi] = True
                continue
        lab = _transcript_label(text, p.start, p.end)
        if lab is not None:
            ls, le, cs = lab
            s, e = _trim(text, cs, p.end)
            if e > s and len(_content_words(text, s, e, 3)) >= 2:
                cands.append(_Cand(s, e, pi, "full", Span(ls, le), None, False, p.end))
                consumed.append((p.start, p.end))
                para_form[pi] = True

    regions, orphans = _pair(text, paras)

    # group regions
    groups: dict[int, list[_Region]] = {}
    order: list[tuple[int, str, object]] = []
    for r in regions:
        if r.group not in groups:
            groups[r.group] = []
            order.append((r.cs, "g", r.group))
        groups[r.group].append(r)
    for pos, pi in orphans:
        order.append((pos, "o", pi))
    order.sort(key=lambda x: x[0])

    cons_sorted = sorted(consumed)  # paragraph forms: known up front, visited in order
    ci = 0
    attr_until = -1  # attribution clauses are found in text order: one high-water mark suffices
    last_end: dict[int, int] = {}  # paragraph → end of the last quote/attribution in it
    recent: deque[tuple[int, int]] = deque()  # (paragraph, end) of the regions just seen

    def consumed_at(pos: int) -> bool:
        nonlocal ci
        if pos < attr_until:
            return True
        while ci < len(cons_sorted) and cons_sorted[ci][1] <= pos:
            ci += 1
        return ci < len(cons_sorted) and cons_sorted[ci][0] <= pos

    for pos, what, ref in order:
        if consumed_at(pos):
            continue
        if what == "o":
            pi = ref  # type: ignore[assignment]
            p = paras[pi]
            at = _attr_after(text, pos + 1, p.end)
            if at is None:
                continue
            floor = max(_dateline_end(text, p) if pi == 0 or pi == 1 else p.start, last_end.get(pi, p.start),
                        pos - _LOST_MAX)
            if floor > p.start and floor == last_end.get(pi):
                # author's words after a previous quote: start at the next sentence
                k = floor
                while k < pos and not (text[k] in ".!?…" and k + 1 < pos and text[k + 1].isspace()):
                    k += 1
                floor = k + 1 if k < pos else floor
            s, e = _trim(text, floor, pos)
            s = _skip_space(text, s, e)
            while s < e and (text[s] in _DASHES or text[s] in ",.;:" or text[s] in QUOTE_MARKS):
                s = _skip_space(text, s + 1, e)
            if len(_content_words(text, s, e, 4)) < 3:
                continue
            cands.append(_Cand(s, e, pi, "full", at.speaker, at.cue, False, at.end))
            last_end[pi] = at.end
            attr_until = max(attr_until, at.end)
            continue
        parts = groups[ref]  # type: ignore[index]
        first, last = parts[0], parts[-1]
        p_first, p_last = paras[first.para], paras[last.para]
        closed = last.close_pos is not None
        after = _attr_after(text, last.close_pos + 1, p_last.end) if closed else None
        if after is None and closed:
            after = _next_sentence_attr(text, last.close_pos + 1, p_last.end) \
                if _ends_sentence(text, last.close_pos + 1, p_last.end) else None
            nxt_attr = after is not None
        else:
            nxt_attr = False
        floor = last_end.get(first.para, p_first.start)
        if first.open_pos is not None:
            # density guard: among many marks, the author's words before a quote end at the last one
            while recent and (recent[0][0] != first.para or recent[0][1] < first.open_pos - _WINDOW):
                recent.popleft()
            if len(recent) >= 4:
                floor = max(floor, recent[-1][1])
        if first.open_pos is not None:
            intro_kind, intro, direct = _intro(text, first.open_pos, floor)
        else:
            intro_kind, intro, direct = "start", None, False
        recent.append((last.para, last.ce + 1))
        # split every part at inner attributions
        pieces: list[tuple[int, int, int]] = []
        inner: _Attr | None = None
        for r in parts:
            sp, at = _split(text, r.cs, r.ce, r.close_pos is None)
            if at is not None and inner is None:
                inner = at
            for s, e in sp:
                pieces.append((s, e, r.para))
        words = _content_words(text, first.cs, last.ce, 60)
        clause = _clause_like(words)
        multi = len(parts) > 1
        name_ctx = first.open_pos is not None and _name_context(text, first.open_pos, floor)
        namey = _name_like(text, first.cs, last.ce, words, clause)
        if name_ctx and (namey or not clause or len(words) <= 6) and after is None and inner is None:
            continue
        if namey and (intro_kind not in ("start", "colon") or name_ctx):
            if not (after is not None and intro_kind == "start"):
                continue
        sent_end = closed and _ends_sentence(text, last.close_pos + 1, p_last.end)
        kind = "full"
        accept = False
        floating = False
        if multi and len(words) >= 4:
            accept = True
        if after is not None and not nxt_attr:
            if intro_kind in ("start", "colon", "clause") or clause or len(words) >= 4:
                accept = True
                if intro_kind in ("verb", "mid") and not clause:
                    kind = "fragment"
        if inner is not None:
            accept = True
        if intro_kind == "colon" and (clause or len(words) >= 6 or (intro is not None and intro.cue is not None)):
            accept = True
        if intro_kind == "start" and (sent_end or not closed) and clause and len(words) >= 3:
            accept = True
            floating = after is None
        if nxt_attr and accept:
            floating = False
        if intro_kind == "clause" and clause:
            accept = True
        if intro_kind == "verb" and not accept:
            if clause and len(words) >= 3:
                accept, kind = True, "fragment"
            elif direct and not namey and 1 <= len(words) <= 6 and text[first.cs:first.cs + 1].islower():
                accept, kind = True, "fragment"
        if not accept:
            continue
        attr = inner or after or intro
        if after is not None and intro is not None and intro_kind in ("colon", "clause", "verb") \
                and intro.speaker is not None and inner is None:
            # "X называет …: «…», сообщает Лента.ру" — the relay is not the speaker
            a_spk = after.speaker
            relay = _info(text[after.cue.start:after.cue.end].split()[0]).lemma in RELAY_VERBS
            if relay and (a_spk is None or not any(_is_name_tok(t) for t in _tokens(text, a_spk.start, a_spk.end, 12))):
                attr = intro
        speaker = attr.speaker if attr else None
        cue = attr.cue if attr else None
        end_attr = last.ce + 1
        if after is not None:
            end_attr = after.end
        for s, e, pi in pieces:
            s, e = _trim(text, s, e)
            e = _trim_tail_punct(text, s, e)
            s, e = _trim(text, s, e)
            if e <= s or not _content_words(text, s, e, 1):
                continue
            cands.append(_Cand(s, e, pi, kind, speaker, cue, speaker is None and cue is None, end_attr,
                               group=ref))  # type: ignore[arg-type]
        last_end[last.para] = max(last_end.get(last.para, 0), end_attr)
        if after is not None:
            attr_until = max(attr_until, after.end)

    # order, drop overlaps, inherit speakers for floating quotes in a run
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Quote] = []
    prev: Quote | None = None
    last_end_pos = -1
    for c in cands:
        if c.start < last_end_pos or c.end <= c.start:
            continue
        speaker_span, cue_span = c.speaker, c.cue
        if c.floating and speaker_span is None and cue_span is None and prev is not None \
                and prev.paragraph >= pidx[c.para] - 1 and prev.speaker_span is not None:
            speaker_span = prev.speaker_span
        q = Quote(
            start=c.start, end=c.end, paragraph=pidx[c.para], kind=c.kind,  # type: ignore[arg-type]
            speaker=text[speaker_span.start:speaker_span.end] if speaker_span else None,
            speaker_span=speaker_span,
            cue=text[cue_span.start:cue_span.end] if cue_span else None,
            cue_span=cue_span,
            # pieces of one marked region (split by its attribution, or over paragraphs) are one statement:
            # a negative group id until analysis.link_statements numbers the statements
            statement=-(c.group + 1) if c.group >= 0 else None,
        )
        out.append(q)
        prev = q
        last_end_pos = c.end
    return out
