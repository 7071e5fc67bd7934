"""Paragraph forms: speech without quotation marks that a whole paragraph makes. One function per form (the
table is in the package docstring): :func:`form_dialogue`, :func:`form_dialogue_run`, :func:`form_transcript`;
:func:`paragraph_forms` tries them on every paragraph, in that order, and on a paragraph none takes
:func:`form_inline_dialogue` (a dialogue dash after a sentence of the author's)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...model import Span
from .classify import _clause_like
from .cues import _Attr, _split
from .marks import _DASHES, QUOTE_MARKS, _Cand, _skip_space, _trim, _trim_tail_punct
from .tokens import _content_words, _info, _tokens


@dataclass(frozen=True, slots=True)
class _DashPara:
    """A paragraph opening with a dash (``— Мы готовы, — сказал он.``), read once."""

    start: int  # where its words start, after the dash
    parts: list[tuple[int, int]]  # the words, split at inner attributions
    attr: _Attr | None  # its own attribution ("— сказал он"), if any
    clause: bool  # its words make a clause
    question: bool  # a capitalised question ("— Почему вы …?")


def paragraph_forms(text: str, paras: Sequence[Span]) -> tuple[list[_Cand], list[tuple[int, int]]]:
    """Quotes made by whole paragraphs, and the spans of those paragraphs (their marks are no separate
    quotes). The first form that matches a paragraph takes it, even when its words trim to nothing."""
    dash = _dash_paragraphs(text, paras)
    in_dialogue = _dialogue_runs(dash, len(paras))
    cands: list[_Cand] = []
    consumed: list[tuple[int, int]] = []
    for pi, p in enumerate(paras):
        d = dash.get(pi)
        found = form_dialogue(text, p, pi, d)
        if found is None:
            found = form_dialogue_run(text, p, pi, d, in_dialogue.get(pi, False))
        if found is None:
            found = form_transcript(text, p, pi)
        if found is not None:
            cands.extend(found)
            consumed.append((p.start, p.end))
            continue
        inline = form_inline_dialogue(text, p, pi)
        if inline is not None:
            cands.extend(inline[0])
            consumed.append(inline[1])
    return cands, consumed


def form_dialogue(text: str, p: Span, pi: int, d: _DashPara | None) -> list[_Cand] | None:
    """«— Мы готовы, — сказал он.» / «— Мы готовы, — сказал он. — Начнем.»: a dash paragraph with its own
    attribution; every part is a quote of the attributed speaker."""
    if d is None or d.attr is None:
        return None
    return _dash_cands(text, p, pi, d, d.attr)


def form_dialogue_run(text: str, p: Span, pi: int, d: _DashPara | None, in_dialogue: bool) -> list[_Cand] | None:
    """«— Почему вы уехали? / — Потому что нас не ждали.»: an unattributed dash paragraph holding a clause or a
    question, in a run of dash paragraphs that is a dialogue (one of them attributed, or a question answered).
    A dash list of phrases ("— нефть; — газ") is no dialogue."""
    if d is None or not (in_dialogue and (d.clause or d.question)):
        return None
    return _dash_cands(text, p, pi, d, None)


def form_transcript(text: str, p: Span, pi: int) -> list[_Cand] | None:
    """«В.Путин: Мы готовы.» / «Сергей Лавров: …»: a paragraph opening with a person's name and a colon (not
    "Позиция Сергея Лаврова:", not "Путин: «…»"); the label is the speaker. At least two words."""
    lab = _transcript_label(text, p.start, p.end)
    if lab is None:
        return None
    ls, le, cs = lab
    s, e = _trim(text, cs, p.end)
    if e > s and len(_content_words(text, s, e, 3)) >= 2:
        return [_Cand(s, e, pi, "full", Span(ls, le), None, False)]
    return None


#: A dialogue dash after a sentence of the author's inside a paragraph: ". — Андрей Викторович дал нам всё".
_INLINE_DASH_RE = re.compile(r"(?<=[.!?…])[ \u00a0]+[—–][ \u00a0]+(?=[А-ЯЁA-Z…])")


def form_inline_dialogue(text: str, p: Span, pi: int) -> tuple[list[_Cand], tuple[int, int]] | None:
    """«Капитан Денис Орлов поддержал тренера. — Он дал нам всё, — заявил футболист. — Виноваты мы.»: a dash
    after a sentence of the author's opens speech that its own attribution ("— заявил футболист") closes, in the
    same paragraph; its parts are quotes of the attributed speaker. Returns them and the span they take (from
    the dash to the last part, or to the attribution when nothing resumes after it)."""
    m = _INLINE_DASH_RE.search(text, p.start, p.end)
    if m is None:
        return None
    ds = m.end()
    parts, at = _split(text, ds, p.end, True)
    if at is None or any(ch in QUOTE_MARKS for ch in text[ds : at.cue.start]):
        return None  # (no attribution, or marks inside: the marks scan reads them)
    out: list[_Cand] = []
    for a, b in parts:
        a, b = _trim(text, a, b)
        b = _trim_tail_punct(text, a, b)
        if b > a:
            out.append(_Cand(a, b, pi, "full", at.speaker, at.cue, False))
    if not out:
        return None
    return out, (m.start(), max(parts[-1][1], at.end))


def _dash_paragraphs(text: str, paras: Sequence[Span]) -> dict[int, _DashPara]:
    """Every paragraph opening with a dash, by index."""
    dash: dict[int, _DashPara] = {}
    for pi, p in enumerate(paras):
        ds = _dialogue_start(text, p.start, p.end)
        if ds is not None:
            parts, at = _split(text, ds, p.end, True)
            clause = _clause_like(_content_words(text, ds, p.end, 40))
            question = text[ds].isupper() and text[p.end - 1] == "?"
            dash[pi] = _DashPara(ds, parts, at, clause, question)
    return dash


def _dialogue_runs(dash: dict[int, _DashPara], n: int) -> dict[int, bool]:
    """A run of dash paragraphs is a dialogue when one of them is attributed ("— …, — сказал он") or, in an
    interview, when they exchange a question and an answer."""
    dialogue_run: dict[int, bool] = {}
    pi = 0
    while pi < n:
        if pi not in dash:
            pi += 1
            continue
        pj = pi
        while pj in dash:
            pj += 1
        members = range(pi, pj)
        ok = any(dash[x].attr is not None for x in members) or any(
            dash[x].question and not dash[x + 1].question and dash[x + 1].clause for x in members[:-1]
        )  # a question answered
        for x in members:
            dialogue_run[x] = ok
        pi = pj
    return dialogue_run


def _dash_cands(text: str, p: Span, pi: int, d: _DashPara, at: _Attr | None) -> list[_Cand]:
    out: list[_Cand] = []
    for s, e in d.parts:
        s, e = _trim(text, s, e)
        e = _trim_tail_punct(text, s, e)
        if e > s:
            out.append(_Cand(s, e, pi, "full", at.speaker if at else None, at.cue if at else None, False))
    return out


def _dialogue_start(text: str, a: int, b: int) -> int | None:
    """Content start of a dialogue paragraph (``— Мы готовы, — сказал он.``), else None."""
    if a >= b or text[a] not in _DASHES:
        return None
    i = a
    while i < b and text[i] in _DASHES:
        i += 1
    j = _skip_space(text, i, b)
    if j == i and text[a] == "-":
        return None
    if j < b and (text[j].isalpha() or text[j] in QUOTE_MARKS or text[j] in "…."):
        return j
    return None


_LABEL_RE = re.compile(r"([A-ZА-ЯЁ][\w.\-]*(?:[ \u00a0][A-ZА-ЯЁ][\w.\-]*){0,3})[ \u00a0]?:[ \u00a0]+(?=\S)")


def _transcript_label(text: str, a: int, b: int) -> tuple[int, int, int] | None:
    """``В.Путин: …`` — (label start, label end, content start) when the label names a person."""
    m = _LABEL_RE.match(text, a, min(b, a + 60))
    if m is None:
        return None
    toks = _tokens(text, m.start(1), m.end(1), 8)
    if not toks or any(t.kind == "p" for t in toks if t.text != "."):
        return None
    has_name = False
    for t in toks:
        if t.kind == "i":
            has_name = True
        elif t.kind == "w":
            if not t.text[:1].isupper():
                return None
            info = _info(t.text)
            if info.name and (info.pos in ("NOUN", "") or (info.pos == "ADJS" and not info.known)):
                has_name = True
            elif "." in t.text and t.text.split(".")[0].isupper():
                has_name = True  # "В.Путин" tokenized as one word
            elif t is toks[0] and info.known and info.pos == "NOUN" and not t.text.isupper():
                return None  # "Позиция Сергея Лаврова:" introduces, it does not label a speaker
    if not has_name:
        return None
    last = toks[-1]
    if last.kind == "w" and "." not in last.text and _info(last.text).known and "nomn" not in _info(last.text).cases:
        return None  # a label is nominative ("Сергея Лаврова:" is not)
    if m.end() < b and text[m.end()] in QUOTE_MARKS:
        return None  # "Путин: «…»" is a colon introduction of a quote
    return m.start(1), m.end(1), m.end()
